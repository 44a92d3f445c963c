"""What the drawing callbacks send, computed once per view and kept in a bounded cache.

A figure depends on part of the view only (the profile ignores the indicator, the national context
everything but the year), so each cache key is the view reduced to the fields that matter, plus
the render context (language, style). The caches belong to one store: a new data folder means a new
app and empty caches. Figures are cached as plain dicts; a ``dash.Patch`` is built per request.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Any

from dash import Patch

from ..data import DataStore
from ..figures import RenderContext, apply_updates, chart_figure, map_updates, projector
from ..figures.style import SCREEN, Style
from ..state import Chart, Tab, ViewState

CACHE_SIZE = 256
# The fields of the view each figure depends on (the others are reset in its cache key).
FIGURE_FIELDS = {
    "map": ("indicator", "year", "selected", "spotlight", "labels"),
    Chart.RANKING: ("indicator", "year", "selected", "spotlight", "compare"),
    Chart.TREND: ("indicator", "year", "selected", "spotlight"),
    Chart.PROFILE: ("year", "selected", "spotlight"),
    Chart.SERVICES: ("year", "selected", "spotlight", "compare"),
    Chart.CONTEXT: ("year",),
}
VIEWPORT_STEPS = (640, 900, 1100, 1280, 1366, 1600, 1920, 2560, 3840)


@dataclass(frozen=True)
class Viewport:
    """The browser window, in steps (so that resizing a few pixels does not redraw anything)."""

    width: int = 1920
    height: int = 1080

    @classmethod
    def from_store(cls, data: object) -> Viewport:
        if not isinstance(data, dict):
            return cls()
        try:
            width, height = int(data.get("w", 1920)), int(data.get("h", 1080))
        except (TypeError, ValueError):
            return cls()
        return cls(min(max(width, 320), 7680), min(max(height, 320), 4320))

    @property
    def wide(self) -> bool:
        """Wide enough for district names on the map (the map card is then 600 px or more)."""
        return self.width >= 1100


def style_for(view: ViewState, viewport: Viewport) -> Style:
    return projector(viewport.width, viewport.height) if view.present else SCREEN


def context_for(view: ViewState, viewport: Viewport) -> RenderContext:
    return RenderContext(view.lang, style_for(view, viewport))


def reduced(view: ViewState, kind: Any) -> ViewState:
    """The view with only the fields ``kind`` depends on (the cache key)."""
    keep = FIGURE_FIELDS[kind]
    base = ViewState(indicator=view.indicator if "indicator" in keep else "", year=view.year if "year" in keep else 0)
    return replace(base, **{f: getattr(view, f) for f in keep if f not in ("indicator", "year")}, lang=view.lang)


class Renderer:
    """Memoised figure builders for one store (bounded; shared by every request of the process)."""

    def __init__(self, store: DataStore) -> None:
        self.store = store
        self._chart = functools.lru_cache(maxsize=CACHE_SIZE)(self._build_chart)
        self._map = functools.lru_cache(maxsize=CACHE_SIZE)(self._build_map)

    def _build_chart(self, kind: Chart, view: ViewState, ctx: RenderContext) -> dict:
        return chart_figure(kind, self.store, view, ctx)

    def _build_map(self, view: ViewState, ctx: RenderContext) -> dict:
        return map_updates(self.store, view, ctx)

    def chart(self, kind: Chart, view: ViewState, ctx: RenderContext) -> dict:
        return self._chart(Chart(kind), reduced(view, Chart(kind)), ctx)

    def map_updates(self, view: ViewState, ctx: RenderContext) -> dict:
        return self._map(reduced(view, "map"), ctx)

    def map_patch(self, view: ViewState, ctx: RenderContext) -> Patch:
        """Only what changes on the map (values, colours, hover template, titles): never the geometry."""
        patch = Patch()
        apply_updates(patch, self.map_updates(view, ctx))
        return patch

    def cache_info(self) -> dict[str, Any]:
        return {"chart": self._chart.cache_info(), "map": self._map.cache_info()}


def visible_charts(view: ViewState) -> tuple[Chart, ...]:
    """The charts on screen: beside the map, or the Chart tab's one."""
    if view.tab == Tab.MAP:
        return (Chart.RANKING,) if view.present else (Chart.RANKING, Chart.TREND, Chart.PROFILE)
    if view.tab == Tab.CHART:
        return (view.chart,)
    return ()
