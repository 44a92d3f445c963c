"""The Dash app. ``create_app(settings)`` builds it; ``server`` is the WSGI entry for gunicorn:

gunicorn -c python:dashboard.gunicorn_conf dashboard.app:server

The page for a URL arrives with its view already drawn: Dash fetches the layout (``/_dash-layout``)
right after the page, and the layout function reads the page's query string from that request's
``Referer`` (and the language from ``Accept-Language`` when the URL names none).
"""

from __future__ import annotations

import functools
import hashlib
import html as html_escape
import logging
import re
from pathlib import Path
from urllib.parse import urlparse

from dash import Dash
from dash._utils import to_json
from flask import Flask, Response, has_request_context, request
from werkzeug.middleware.proxy_fix import ProxyFix

from .brief.routes import add_brief_route
from .callbacks import register_callbacks
from .data import DataStore, load_store
from .deck.routes import add_deck_routes
from .downloads import add_download_routes
from .figures import RenderContext
from .gate import add_request_gate
from .i18n import preferred_language, translator
from .layout.page import PageUrls, page
from .layout.presenter import shows_illustrative
from .layout.share import view_summary
from .settings import Settings
from .state import Tab, ViewState, default_state, parse_query, query_parts
from .web import (
    STATIC_BR_LEVEL,
    STATIC_GZIP_LEVEL,
    add_routes,
    add_security_headers,
    compression_config,
    geojson_url,
)

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
_SCRIPT = re.compile(r'<script src="([^"]+)"')
_CSS = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
LAYOUT_CACHE = 256
ASYNC_CHUNKS = ("async-graph.js", "async-dropdown.js", "async-slider.js")  # dcc's lazily loaded code
_ASSET_URL = re.compile(r'/assets/([^"?]+)\?m=[0-9.]+')  # Dash versions assets by modification time


@functools.lru_cache(maxsize=64)  # paths come from the assets folder, never from a client
def asset_version(name: str) -> str:
    """The first 12 hex digits of the SHA-256 of ``assets/name``: the URL changes when the content does."""
    return hashlib.sha256((ASSETS_DIR / name).read_bytes()).hexdigest()[:12]


OG_LOCALES = {"en": "en_US", "ru": "ru_RU", "tg": "tg_TJ"}  # Open Graph's language_TERRITORY


class KhatlonDash(Dash):
    """Dash with a page per URL: the layout follows the query string, the HTML its language."""

    store: DataStore
    urls: PageUrls
    ready: bool = False  # set by ``warm_up``; ``/readyz`` answers 503 until then
    validation_text: str | None = None  # the validation layout as JSON (the same in every page)

    def request_search(self) -> str:
        """The query string of the page being served (for ``/_dash-layout``: of its Referer)."""
        if not has_request_context():
            return ""
        if request.path.endswith("_dash-layout"):
            referrer = urlparse(request.referrer or "")
            return "?" + referrer.query if referrer.query and referrer.netloc in ("", request.host) else ""
        return "?" + request.query_string.decode("latin-1") if request.query_string else ""

    def view_for_request(self) -> ViewState:
        """The view the current request's page asks for (language: the URL's, else the browser's)."""
        language = preferred_language(request.headers.get("Accept-Language")) if has_request_context() else "en"
        return parse_query(self.store, self.request_search(), language)

    def page_for_request(self):
        return self._page(self.view_for_request(), self.request_search())

    def _page(self, view: ViewState, search: str):
        return page(self.store, view, RenderContext(view.lang), self.urls, source=search)

    def serve_layout(self):
        view = self.view_for_request()
        return Response(self._layout_json(view, view.notices, self.request_search()), mimetype="application/json")

    @functools.lru_cache(maxsize=LAYOUT_CACHE)  # noqa: B019 - one app per process; bounded
    def _layout_json(self, view: ViewState, notices: tuple, search: str) -> str:
        return to_json(self._page(view, search))

    def _generate_config_html(self) -> str:
        """Dash's config script, with the validation layout (the same for every page: a whole page of
        components, about 30 ms of CPU to serialise) serialised once per process and spliced in."""
        config = self._config()
        validation = config.pop("validation_layout", None)
        text = to_json(config)
        if validation is not None:
            if self.validation_text is None:  # set once, at start-up (warm_up), before workers fork
                self.validation_text = to_json(validation)
            text = f'{text[:-1]},"validation_layout":{self.validation_text}}}'
        return f'<script id="_dash-config" type="application/json">{text}</script>'

    def interpolate_index(self, **kwargs) -> str:
        """The HTML shell in the page's language, with the boundaries fetched early (preload)."""
        view = self.view_for_request()
        t = translator(view.lang)
        title = html_escape.escape(t("Khatlon Migration Dashboard"))
        summary = view_summary(self.store, view, RenderContext(view.lang))
        described = [t("Labour migration, remittances and services for families left behind in Khatlon, Tajikistan")]
        if shows_illustrative(self.store, view):
            described.append(t("District figures are illustrative (a documented model), not official statistics."))
        description = html_escape.escape(" ".join(described))
        shared_title = html_escape.escape(f"{summary} — {t('Khatlon Migration Dashboard')}")
        shows_map = (view.scene and self.store.scenes[view.scene - 1].tab == "map") or (
            not view.present and view.tab == Tab.MAP
        )
        preload = (
            f'<link rel="preload" href="{self.urls.geojson}" as="fetch" crossorigin="anonymous">' if shows_map else ""
        )
        # dcc loads its graph, dropdown and slider code only once the layout has rendered: ask for it now
        preload += "".join(
            f'<link rel="preload" href="{self.config.requests_pathname_prefix}_dash-component-suites/dash/dcc/{name}"'
            ' as="script">'
            for name in ASYNC_CHUNKS
        )
        extra = (
            preload + f'<meta name="description" content="{description}">'
            f'<meta property="og:title" content="{shared_title}">'
            f'<meta property="og:description" content="{description}">'
            f'<meta property="og:type" content="website">'
            f'<meta property="og:site_name" content="{title}">'
            f'<meta property="og:locale" content="{OG_LOCALES[view.lang]}">'
            f'<meta name="twitter:card" content="summary">'
        )
        kwargs["title"] = title
        kwargs["metas"] = kwargs.get("metas", "") + extra
        # DataTable's loader is in every Dash page; this page has no DataTable, so it is not sent.
        kwargs["scripts"] = "\n".join(
            line for line in kwargs.get("scripts", "").split("\n") if "/dash_table/" not in line
        )
        text = super().interpolate_index(**kwargs)
        # content-hashed asset URLs: the same on every instance and machine, new whenever a file changes
        text = _ASSET_URL.sub(lambda match: f"/assets/{match[1]}?v={asset_version(match[1])}", text)
        return text.replace("<html>", f'<html lang="{view.lang}">', 1)


def create_app(settings: Settings | None = None, store: DataStore | None = None, warm: bool = True) -> Dash:
    """Load and check the data once, then build the app around the immutable store."""
    settings = settings or Settings.from_env()
    store = store or load_store(settings.data_dir)
    server = Flask(__name__)
    server.config.update(compression_config())
    server.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    server.secret_key = settings.secret_key
    if settings.trusted_proxies:  # the client's address and scheme as the proxy saw them (logs, redirects)
        n = settings.trusted_proxies
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=n, x_proto=n)  # type: ignore[method-assign]
    app = KhatlonDash(
        __name__,
        server=server,
        title="Khatlon Migration Dashboard",
        assets_folder=str(ASSETS_DIR),
        compress=True,
        serve_locally=True,
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        assets_path_ignore=["^brief$"],  # the district brief's own CSS and script (/brief), not the dashboard's
    )
    app.store = store
    app.urls = PageUrls(geojson=geojson_url(app, store), topojson=app.get_asset_url("topojson/"))
    validation = default_state(store)
    app.validation_layout = page(
        store, ViewState(validation.indicator, validation.year, tab=Tab.TABLE), RenderContext(), app.urls
    )
    app.layout = app.page_for_request
    register_callbacks(app, store, app.urls)
    add_routes(app, store)
    add_brief_route(app, store, asset_version)
    add_download_routes(app, store, settings.data_dir)
    add_deck_routes(app, store, at_start=settings.deck_at_start)
    add_request_gate(app, debug=settings.debug)
    add_security_headers(app, allow_eval=settings.debug)
    if settings.debug:  # development only: Dash's dev tools (they need eval, hence the CSP exception)
        app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    if warm:
        warm_up(app)
    return app


def warm_up(app: Dash) -> None:
    """Serve the page once inside this process before any worker forks.

    Dash registers its script paths on the first request of a process; under gunicorn's threaded
    workers two first requests could race. Doing it here, once, at start-up (with ``preload_app``)
    means every worker starts ready. Static files are compressed here, once, at the highest level.
    """
    client = app.server.test_client()
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"start-up check failed: GET {path} -> {response.status_code}")
    index = client.get("/").get_data(as_text=True)
    static = [*_SCRIPT.findall(index), *_CSS.findall(index), app.urls.geojson]
    config = app.server.config
    dynamic = config["COMPRESS_BR_LEVEL"], config["COMPRESS_LEVEL"]
    config["COMPRESS_BR_LEVEL"], config["COMPRESS_LEVEL"] = STATIC_BR_LEVEL, STATIC_GZIP_LEVEL
    try:
        for path in static:
            for encoding in ("br", "gzip"):
                client.get(path, headers={"Accept-Encoding": encoding})
    finally:
        config["COMPRESS_BR_LEVEL"], config["COMPRESS_LEVEL"] = dynamic
    app.ready = True


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


__all__ = ["KhatlonDash", "create_app", "query_parts", "warm_up"]
