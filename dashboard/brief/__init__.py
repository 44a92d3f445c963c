"""The printable district brief: ``/brief?district=dusti&lang=ru`` and ``khatlon-dashboard brief``.

* :mod:`.content`: the store -> :class:`~.content.Brief`, plain data, translated and formatted;
* :mod:`.svg`: small static SVG charts and the locator map (inline ``<svg>`` in the HTML: no ``xmlns``, no address);
* :mod:`.page`: the HTML page (every text escaped) and the not-found page;
* :mod:`.routes`: the Flask route; :mod:`.pdf`: the page printed to PDF by headless Chromium.
"""
