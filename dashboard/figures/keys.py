"""A short, exact name for each figure the page can show: its cache key and the page's record of it.

A figure depends on part of the view only (the profile ignores the indicator, the national context
everything but the year), so the key keeps just those fields, plus the language and the style.
The page records the key of each figure it shows (the ``drawn`` store); the server can then send
only what changed (see :mod:`.diff`).
"""

from __future__ import annotations

import json
from dataclasses import replace

from ..state import Chart, Mode, Tab, ViewState
from .render import RenderContext
from .style import SCREEN, projector

MAP = "map"
GAP = "gap"  # the coverage-gap map (tab ``gap``)
# The fields of the view each figure depends on.
FIGURE_FIELDS: dict[str, tuple[str, ...]] = {
    MAP: ("indicator", "year", "selected", "spotlight", "labels", "mode", "from_year"),
    GAP: ("need", "service", "year", "selected", "labels"),
    Chart.RANKING: ("indicator", "year", "selected", "spotlight", "compare", "mode", "from_year"),
    Chart.TREND: ("indicator", "year", "selected", "spotlight", "districts"),
    Chart.PROFILE: ("year", "selected", "spotlight"),
    Chart.SERVICES: ("year", "selected", "spotlight", "compare"),
    Chart.CONTEXT: ("year",),
}


def reduced(view: ViewState, kind: str) -> ViewState:
    """The view with only the fields ``kind`` depends on (the others at fixed values)."""
    keep = FIGURE_FIELDS[kind]
    base = ViewState(indicator=view.indicator if "indicator" in keep else "", year=view.year if "year" in keep else 0)
    return replace(base, **{f: getattr(view, f) for f in keep if f not in ("indicator", "year")}, lang=view.lang)


def figure_key(kind: str, view: ViewState, ctx: RenderContext) -> str:
    """``{"k": "ranking", "v": {...}, "s": "screen"}`` as compact JSON (kept by the page, sent back)."""
    small = reduced(view, kind)
    fields = {f: getattr(small, f) for f in FIGURE_FIELDS[kind]}
    style = ctx.style.name if ctx.style.name == "screen" else f"projector:{ctx.style.size[0]}x{ctx.style.size[1]}"
    key = {"k": str(kind), "v": fields, "l": ctx.language, "s": style, "w": ctx.width}
    return json.dumps(key, separators=(",", ":"))


def parse_key(key: object) -> tuple[str, ViewState, RenderContext] | None:
    """The figure a key names, or ``None`` for anything that is not a key this module wrote."""
    try:
        data = json.loads(key) if isinstance(key, str) and len(key) < 400 else None
        kind, fields, language, style, width = data["k"], data["v"], data["l"], data["s"], int(data["w"])
        if kind not in FIGURE_FIELDS or set(fields) != set(FIGURE_FIELDS[kind]):
            return None
        view = replace(ViewState(indicator=fields.get("indicator", ""), year=int(fields.get("year", 0))), lang=language)
        view = replace(view, **{f: fields[f] for f in FIGURE_FIELDS[kind] if f not in ("indicator", "year")})
        view = replace(view, mode=Mode(view.mode), districts=tuple(view.districts))
        if style == "screen":
            ctx = RenderContext(language, SCREEN, width)
        else:
            screen_width, screen_height = (int(n) for n in style.split(":")[1].split("x"))
            ctx = RenderContext(language, projector(screen_width, screen_height), width)
        return kind, view, ctx
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        return None


def visible_figures(view: ViewState) -> tuple[str, ...]:
    """The figures on screen outside presenter mode: the map and the charts beside it, or one chart."""
    if view.tab == Tab.MAP:
        return (MAP, Chart.RANKING, Chart.TREND, Chart.PROFILE)
    if view.tab == Tab.CHART:
        return (view.chart.value,)
    if view.tab == Tab.GAP:
        return (GAP,)
    return ()
