"""The Flask side: the boundaries endpoint, a health check, security headers and error pages.

Content-Security-Policy, with the reason for each exception:

* ``script-src 'self'`` plus the hashes Dash computes for its own inline start-up script
  (``app.csp_hashes()``); no ``'unsafe-eval'``: production runs without Dash dev tools, which need it.
* ``style-src 'self' 'unsafe-inline'``: plotly.js and Dash components set inline styles.
* ``img-src 'self' data: blob:``: plotly's "download as PNG" and its inline SVG icons.
* ``connect-src 'self'``: callbacks and the boundaries file come from this server only.
"""

from __future__ import annotations

import hashlib

from dash import Dash
from flask import Response, request

from .data import DataStore

GEOJSON_ROUTE = "/geo/boundaries.json"
ERROR_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;margin:4rem auto;max-width:36rem;color:#1f2933}}</style></head>
<body><h1>{title}</h1><p>{text}</p><p><a href="{home}">Back to the dashboard</a></p></body></html>"""


STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", GEOJSON_ROUTE)


class StaticCompressionCache:
    """Flask-Compress cache that keeps the compressed bytes of static files only.

    plotly.min.js is 4.8 MB; compressing it well (brotli 9: 1.23 MB against 1.44 MB with the
    defaults) takes 0.4 s, so it is done once per process, not per request. Callback responses are
    never cached: their key is not a static path. Keys are paths without the query string, so a
    client cannot fill the cache by varying it (Dash's file names carry their own version).
    """

    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._entries.get(key)

    def set(self, key: str, value: bytes) -> None:
        algorithm, _, path = key.partition(";")
        if path.startswith(STATIC_PREFIXES):
            self._entries[key] = value


def compression_config() -> dict:
    """Flask-Compress settings (read when Dash creates its Compress extension)."""
    return {
        "COMPRESS_ALGORITHM": ["br", "gzip", "deflate"],
        "COMPRESS_BR_LEVEL": 9,
        "COMPRESS_LEVEL": 6,
        "COMPRESS_MIMETYPES": [
            "text/html",
            "text/css",
            "text/plain",
            "application/json",
            "application/javascript",
            "text/javascript",
        ],
        "COMPRESS_CACHE_BACKEND": StaticCompressionCache,
        "COMPRESS_CACHE_KEY": lambda request: request.path,  # never the query string: it is the client's
    }


def add_routes(app: Dash, store: DataStore) -> None:
    server = app.server
    body = store.geojson
    etag = hashlib.sha256(body).hexdigest()[:16]

    @server.route(GEOJSON_ROUTE)
    def boundaries() -> Response:
        # Flask-Compress appends ":gzip" to the tag of the compressed body; either form is a match.
        if any(tag.split(":")[0] == etag for tag in request.if_none_match.as_set()):
            return Response(status=304)
        response = Response(body, mimetype="application/json")
        response.set_etag(etag)
        response.cache_control.public = True
        response.cache_control.max_age = 86400
        return response

    @server.route("/healthz")
    def health() -> Response:
        return Response("ok", mimetype="text/plain")

    @server.errorhandler(404)
    def not_found(_error) -> tuple[str, int]:
        return ERROR_PAGE.format(
            title="Page not found", text="There is nothing at this address.", home=app.get_relative_path("/")
        ), 404

    @server.errorhandler(500)
    def server_error(_error) -> tuple[str, int]:
        return ERROR_PAGE.format(
            title="Something went wrong",
            text="The error was logged. Please try again.",
            home=app.get_relative_path("/"),
        ), 500


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
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )

    @app.server.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
