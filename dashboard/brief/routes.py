"""``GET /brief?district=…&lang=…``: the printable brief of one unit, or a 404 page naming the problem.

The district may be written in any spelling the dashboard understands (``Kulyab``, ``Куляб``,
``Jilikul``), resolved exactly as the dashboard's ``district`` parameter is
(:func:`dashboard.state.clean_unit`). The language is the URL's, else the browser's. The store is
immutable, so each unit's page is built once per language and kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from dash import Dash
from flask import Response, request

from ..data import DataStore
from ..figures.render import RenderContext
from ..i18n import preferred_language
from ..state import clean_language, clean_unit
from .content import build_brief
from .page import Resources, brief_page, not_found_page

ROUTE = "/brief"
STYLESHEETS = ("fonts.css", "brief/brief.css")  # under assets/; brief/ is left out of the dashboard's page
SCRIPT = "brief/brief.js"  # the print button (the CSP allows no inline script)


def web_resources(version: Callable[[str], str]) -> Resources:
    """Relative, content-versioned addresses of the brief's files (``/brief`` -> ``/assets/...``)."""
    return Resources(
        stylesheets=tuple(f"assets/{name}?v={version(name)}" for name in STYLESHEETS),
        script=f"assets/{SCRIPT}?v={version(SCRIPT)}",
        icon=f"assets/favicon.ico?v={version('favicon.ico')}",
        toolbar=True,
    )


def add_brief_route(app: Dash, store: DataStore, version: Callable[[str], str]) -> None:
    """Register ``/brief`` on the app's server (``version``: an asset's content hash, as the dashboard uses)."""
    resources = web_resources(version)

    @functools.lru_cache(maxsize=3 * 32)  # every unit in every language, at most
    def page(unit_id: str, language: str) -> str:
        ctx = RenderContext(language)
        return brief_page(build_brief(store, unit_id, ctx), ctx, resources)

    @functools.lru_cache(maxsize=3)
    def units(language: str) -> tuple[tuple[str, str], ...]:
        """Every unit's id and name, by name (the not-found page links to each brief)."""
        return tuple(sorted(((u.unit_id, u.name(language)) for u in store.units.values()), key=lambda p: p[1]))

    @app.server.route(ROUTE)
    def brief() -> Response:
        language = clean_language(request.args.get("lang"), preferred_language(request.headers.get("Accept-Language")))
        asked = request.args.get("district", "")
        unit_id = clean_unit(store, asked)
        if unit_id is None:
            body = not_found_page(asked, units(language), RenderContext(language), resources)
            return Response(body, status=404, mimetype="text/html")
        return Response(page(unit_id, language), mimetype="text/html")
