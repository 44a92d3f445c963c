"""gunicorn settings for ``khatlon-dashboard serve`` and ``make run`` (read with ``-c python:...``).

The app is loaded once before forking (``preload_app``), so the data is read, checked and the
static files compressed once, and all workers share them. Set KHATLON_SECRET_KEY so that every
worker (and every instance behind a proxy) agrees.

Workers and threads were chosen by measurement (``make bench``, 50 users on a 2-core machine):
callbacks are CPU-bound Python, so more threads than cores buy little; 3 workers x 4 threads kept
the slowest interactions lowest. Workers are recycled after many requests to bound any slow growth,
each at its own point (``post_fork``), so that they never restart together.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("THREADS", "4"))
worker_class = "gthread"
preload_app = True
timeout = 30  # a callback takes milliseconds; anything near this is stuck
graceful_timeout = 20
keepalive = 5
max_requests = 20000  # recycle now and then; post_fork staggers the workers
max_requests_jitter = 0
limit_request_line = 4094  # long enough for any view URL, short enough to refuse junk
limit_request_fields = 60
limit_request_field_size = 8190
accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
control_socket_disable = True  # gunicorn's control socket would be one shared path per user


def post_fork(server, worker) -> None:
    """Give each worker its own recycling point, spread evenly: workers never restart together."""
    count = max(server.cfg.workers, 1)
    share = server.cfg.max_requests // count
    worker.max_requests = server.cfg.max_requests + (worker.age % count) * share if server.cfg.max_requests else 0
