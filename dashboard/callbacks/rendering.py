"""What the drawing callback sends, computed once per figure and kept in a bounded cache.

Each figure is cached under its key (:mod:`dashboard.figures.keys`): the view reduced to the fields
it depends on, the language and the style. The page records the key of each figure it shows, so a
new view sends only what changed (:func:`~dashboard.figures.diff.figure_diff`), or nothing when the
figure is the same. The caches belong to one store: a new data folder means a new app, new caches.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from ..data import DataStore
from ..figures import RenderContext, chart_figure, map_figure
from ..figures.diff import figure_diff
from ..figures.gap import gap_figure
from ..figures.keys import GAP, MAP, figure_key, parse_key, reduced
from ..state import ViewState

CACHE_SIZE = 256
LOG = logging.getLogger("dashboard.callbacks")


class Renderer:
    """Memoised figures for one store (bounded; shared by every request of the process)."""

    def __init__(self, store: DataStore, geojson_url: str) -> None:
        self.store = store
        self.geojson_url = geojson_url
        self._figure = functools.lru_cache(maxsize=CACHE_SIZE)(self._build)

    def _build(self, kind: str, view: ViewState, ctx: RenderContext) -> dict:
        if kind == MAP:
            return map_figure(self.store, view, ctx, self.geojson_url)
        if kind == GAP:
            return gap_figure(self.store, view, ctx, self.geojson_url)
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
        if old is None:
            return {"figure": new}, key
        pairs = figure_diff(old, new)
        return ({"pairs": pairs} if pairs else None), key

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
