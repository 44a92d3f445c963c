"""What the drawing callback sends, computed once per figure and kept in a bounded cache.

Each figure is cached under its key (:mod:`dashboard.figures.keys`): the view reduced to the fields
it depends on, the language and the style. The page records the key of each figure it shows, so a
new view sends only what changed (:func:`~dashboard.figures.diff.figure_diff`), or nothing when the
figure is the same. The caches belong to one store: a new data folder means a new app, new caches.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

from ..data import DataStore
from ..figures import RenderContext, chart_figure, map_figure, projector
from ..figures.diff import figure_diff
from ..figures.keys import MAP, figure_key, parse_key, reduced
from ..figures.style import SCREEN, Style
from ..state import ViewState

CACHE_SIZE = 256
LOG = logging.getLogger("dashboard.callbacks")


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


class Renderer:
    """Memoised figures for one store (bounded; shared by every request of the process)."""

    def __init__(self, store: DataStore, geojson_url: str) -> None:
        self.store = store
        self.geojson_url = geojson_url
        self._figure = functools.lru_cache(maxsize=CACHE_SIZE)(self._build)

    def _build(self, kind: str, view: ViewState, ctx: RenderContext) -> dict:
        if kind == MAP:
            return map_figure(self.store, view, ctx, self.geojson_url)
        return chart_figure(kind, self.store, view, ctx)

    def figure(self, kind: str, view: ViewState, ctx: RenderContext) -> dict:
        return self._figure(str(kind), reduced(view, kind), ctx)

    def chart(self, kind: str, view: ViewState, ctx: RenderContext) -> dict:
        return self.figure(kind, view, ctx)

    def update(self, kind: str, view: ViewState, ctx: RenderContext, drawn: object) -> tuple[dict | None, str]:
        """What the browser needs to show figure ``kind`` for ``view``, given the key of what it shows.

        ``({"pairs": [...]}, key)`` when it shows an earlier view of the same figure, ``({"figure":
        {...}}, key)`` when it shows nothing usable, ``(None, key)`` when it already shows this one.
        """
        key = figure_key(kind, view, ctx)
        if drawn == key:
            return None, key
        new = self.figure(kind, view, ctx)
        old = self._figure_for_key(drawn, kind)
        return ({"figure": new} if old is None else {"pairs": figure_diff(old, new)}), key

    def _figure_for_key(self, key: object, kind: str) -> dict | None:
        """The figure a key names (the page's record; from the browser, so checked) or ``None``."""
        parsed = parse_key(key)
        if parsed is None or parsed[0] != str(kind) or figure_key(*parsed) != key:
            return None
        try:
            return self.figure(*parsed)
        except (KeyError, ValueError, TypeError, IndexError):  # a key naming what this data has not
            LOG.info("unusable drawn key for %s", kind)
            return None

    def cache_info(self) -> dict[str, Any]:
        return {"figures": self._figure.cache_info()}
