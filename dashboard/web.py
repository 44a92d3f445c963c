"""The Flask side: the boundaries endpoint, health checks, security headers, compression and error pages.

Content-Security-Policy, with the reason for each exception:

* ``script-src 'self'`` plus the hashes Dash computes for its own inline start-up script
  (``app.csp_hashes()``); no ``'unsafe-eval'``: production runs without Dash dev tools, which need it.
* ``style-src 'self' 'unsafe-inline'``: plotly.js and Dash components set inline styles.
* ``img-src 'self' data: blob:``: plotly's "download as PNG" and its inline SVG icons.
* ``font-src 'self'``: the Tajik letters' font subset in ``assets/fonts``.
* ``connect-src 'self'``: callbacks and the boundaries file come from this server only.
"""

from __future__ import annotations

import json
import re

from dash import Dash
from flask import Response, request

from .data import DataStore

GEOJSON_ROUTE = "/geo/boundaries.<version>.json"  # content-hashed: a data update never serves stale geometry
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/geo/")
YEAR = 365 * 24 * 3600
DAY = 24 * 3600
_VERSIONED = re.compile(r"\.v\d+_\d+_\d+m\d+")  # Dash's fingerprint in component-suite file names
DYNAMIC_BR_LEVEL, DYNAMIC_GZIP_LEVEL = 4, 5  # callback answers: cheap (1 ms), within 1 % of the best size
STATIC_BR_LEVEL, STATIC_GZIP_LEVEL = 11, 9  # static files: compressed once per process, at the highest level


def geojson_url(app: Dash, store: DataStore) -> str:
    return app.get_relative_path(GEOJSON_ROUTE.replace("<version>", store.version))


class StaticCompressionCache:
    """Flask-Compress cache that keeps the compressed bytes of static files only.

    Static files are compressed once per process at the highest level (see ``warm_up`` in
    :mod:`dashboard.app`); callback answers are never cached: their key is not a static path.
    Keys are paths without the query string, so a client cannot grow the cache by varying it, and
    only paths that exist get here (a 404 is not compressed).
    """

    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._entries.get(key)

    def set(self, key: str, value: bytes) -> None:
        _, _, path = key.partition(";")
        if path.startswith(STATIC_PREFIXES) and len(self._entries) < 500:
            self._entries[key] = value

    def __len__(self) -> int:
        return len(self._entries)


def compression_config() -> dict:
    """Flask-Compress settings (read when Dash creates its Compress extension, and per response)."""
    return {
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_BR_LEVEL": DYNAMIC_BR_LEVEL,
        "COMPRESS_LEVEL": DYNAMIC_GZIP_LEVEL,
        "COMPRESS_MIN_SIZE": 300,
        "COMPRESS_MIMETYPES": [
            "text/html",
            "text/css",
            "text/plain",
            "application/json",
            "application/geo+json",
            "application/javascript",
            "text/javascript",
        ],
        "COMPRESS_CACHE_BACKEND": StaticCompressionCache,
        "COMPRESS_CACHE_KEY": lambda request: request.path,  # never the query string: it is the client's
    }


def add_routes(app: Dash, store: DataStore) -> None:
    server = app.server
    body = store.geojson

    @server.route(GEOJSON_ROUTE)
    def boundaries(version: str) -> Response:
        if version != store.version:
            return Response("unknown boundaries version", status=404, mimetype="text/plain")
        response = Response(body, mimetype="application/json")
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
        return response

    @server.route("/healthz")
    def health() -> Response:
        """Liveness: the process answers."""
        return Response("ok", mimetype="text/plain")

    @server.route("/readyz")
    def ready() -> Response:
        """Readiness: the data is loaded and the app has served its own start-up check (``warm_up``)."""
        if not getattr(app, "ready", False):
            return Response('{"ready": false}', status=503, mimetype="application/json")
        summary = {
            "ready": True,
            "data_version": store.version,
            "units": len(store.units),
            "indicators": len(store.indicators),
        }
        return Response(json.dumps(summary), mimetype="application/json")


def add_security_headers(app: Dash, allow_eval: bool = False) -> None:
    """Call after every callback (clientside ones included) is registered.

    ``allow_eval`` only with KHATLON_DEBUG=1: Dash's dev tools evaluate code, production never does.
    """
    scripts = " ".join(["'self'", *app.csp_hashes(), *(["'unsafe-eval'"] if allow_eval else [])])
    policy = "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )

    @app.server.after_request
    def headers(response: Response) -> Response:
        """Every answer: ``nosniff`` and ``Referrer-Policy``; HTML pages also the policies that apply to
        documents (CSP, frames, opener, permissions); everything that is not a static file ``no-store``."""
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", policy)
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
            response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
            response.headers.setdefault(
                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
            )
        static = request.path.startswith(("/_dash-component-suites/", "/assets/"))
        if static and response.status_code in (200, 304):  # a 304 renews what the browser keeps
            response.cache_control.no_cache = None
            response.cache_control.public = True
            if _VERSIONED.search(request.path) or request.args.get("v"):
                response.cache_control.max_age = YEAR  # the URL names the version: it never changes
                response.cache_control.immutable = True
            else:  # dcc's lazily loaded chunks, fonts, the topojson stub: a day (a presenter may go offline)
                response.cache_control.max_age = DAY
            if (
                response.is_streamed and response.status_code == 200
            ):  # a file sent as a stream: read it, so its compressed form is cached
                response.direct_passthrough = False
                response.set_data(response.get_data())
        elif "Cache-Control" not in response.headers:  # pages, callback answers, health: per request, never stored
            response.headers["Cache-Control"] = "no-store"
        return response
