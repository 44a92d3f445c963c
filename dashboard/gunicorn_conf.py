"""gunicorn settings for ``khatlon-dashboard serve`` and ``make run`` (read with ``-c python:...``).

The app is loaded once before forking (``preload_app``), so the data is read and checked once and
all workers share it; KHATLON_SECRET_KEY should be set so that restarts keep sessions valid.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = 2
preload_app = True
timeout = 30  # a callback takes milliseconds; anything near this is stuck
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
limit_request_line = 4094  # long enough for any view URL, short enough to refuse junk
limit_request_fields = 60
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
