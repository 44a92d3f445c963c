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


def add_routes(app: Dash, store: DataStore) -> None:
    server = app.server
    body = store.geojson
    etag = hashlib.sha256(body).hexdigest()[:16]

    @server.route(GEOJSON_ROUTE)
    def boundaries() -> Response:
        if request.if_none_match and etag in request.if_none_match:
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
        return ERROR_PAGE.format(title="Page not found", text="There is nothing at this address.",
                                 home=app.get_relative_path("/")), 404

    @server.errorhandler(500)
    def server_error(_error) -> tuple[str, int]:
        return ERROR_PAGE.format(title="Something went wrong", text="The error was logged. Please try again.",
                                 home=app.get_relative_path("/")), 500


def add_security_headers(app: Dash) -> None:
    """Call after every callback (clientside ones included) is registered."""
    scripts = " ".join(["'self'", *app.csp_hashes()])
    policy = "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
        "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
    ])

    @app.server.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
