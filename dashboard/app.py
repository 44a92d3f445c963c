"""The Dash app. ``create_app(settings)`` builds it; ``server`` is the WSGI entry for gunicorn:

gunicorn -c python:dashboard.gunicorn_conf dashboard.app:server
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from dash import Dash
from flask import Flask

from .callbacks import register_callbacks
from .data import DataStore, load_store
from .i18n import translator
from .layout import page
from .settings import Settings
from .state import default_state
from .web import GEOJSON_ROUTE, add_routes, add_security_headers, compression_config

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
_SCRIPT = re.compile(r'<script src="([^"]+)"')
PLOTLY_JS = "/_dash-component-suites/plotly/package_data/plotly.min.js"  # loaded by dcc.Graph on demand


def create_app(settings: Settings | None = None, store: DataStore | None = None) -> Dash:
    """Load and check the data once, then build the app around the immutable store."""
    settings = settings or Settings.from_env()
    store = store or load_store(settings.data_dir)
    t = translator()
    server = Flask(__name__)
    server.config.update(compression_config())
    server.secret_key = settings.secret_key
    app = Dash(
        __name__,
        server=server,
        title=t("Khatlon Migration Dashboard"),
        assets_folder=str(ASSETS_DIR),
        compress=True,
        serve_locally=True,
        update_title=None,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": t(
                    "Labour migration, remittances and services for families left behind in Khatlon, Tajikistan"
                ),
            },
        ],
    )
    geojson_url = app.get_relative_path(GEOJSON_ROUTE)
    topojson_url = app.get_asset_url("topojson/")
    initial = default_state(store)
    app.layout = page(store, initial, t, geojson_url, topojson_url)
    register_callbacks(app, store)
    add_routes(app, store)
    add_security_headers(app, allow_eval=settings.debug)
    if settings.debug:  # development only: Dash's dev tools (they need eval, hence the CSP exception)
        app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    _warm_up(app)
    return app


def _warm_up(app: Dash) -> None:
    """Serve the page once inside this process before any worker forks.

    Dash registers its script paths on the first request of a process. Under gunicorn's threaded
    workers two first requests can race, and the loser gets a 500 for a script. Doing it here, once,
    at start-up (with ``preload_app``) means every worker starts ready.
    """
    client = app.server.test_client()
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"start-up check failed: GET {path} -> {response.status_code}")
    # Compress the largest files once, before workers fork (see web.StaticCompressionCache).
    for path in [PLOTLY_JS, *_SCRIPT.findall(client.get("/").get_data(as_text=True))]:
        client.get(path, headers={"Accept-Encoding": "br"})


_SERVER = None


def __getattr__(name: str):
    """``dashboard.app.server``: built on first access, so importing this module stays cheap."""
    global _SERVER
    if name != "server":
        raise AttributeError(name)
    if _SERVER is None:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        _SERVER = create_app().server
    return _SERVER
