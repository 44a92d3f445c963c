"""Where each figure sits on the page, and so how wide it is: titles and source lines are wrapped to it.

The browser reports its window in steps (``assets/dashboard.js``, the ``viewport`` store); without a
report the page assumes a 1366 x 768 laptop, or a 1920 x 1080 projector in presenter mode.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..figures import RenderContext, projector
from ..figures.keys import GAP, MAP
from ..figures.style import SCREEN, Style
from ..state import Chart, Tab, ViewState
from .ids import ID

PAGE_MAX_WIDTH = 1880  # the page's max-width (style.css .app)
ONE_COLUMN_BELOW = 900  # the map and charts stack below this width (style.css)
PRESENTER_ONE_COLUMN = 700  # presenter mode stacks the map above the ranking up to this width (presenter.css)
STEP = 50  # widths are rounded down to this, so that a few pixels do not make a new figure


@dataclass(frozen=True)
class Viewport:
    """The browser window, as the page last reported it."""

    width: int = 0  # 0: not reported
    height: int = 0

    @classmethod
    def from_store(cls, data: object) -> Viewport:
        if not isinstance(data, dict):
            return cls()
        try:
            width, height = int(data.get("w", 0)), int(data.get("h", 0))
        except (TypeError, ValueError):
            return cls()
        if width <= 0 or height <= 0:
            return cls()
        return cls(min(max(width, 320), 7680), min(max(height, 320), 4320))

    def size(self, presenting: bool) -> tuple[int, int]:
        if self.width:
            return self.width, self.height
        return (1920, 1080) if presenting else (1366, 768)

    @property
    def wide(self) -> bool:
        """Wide enough for district names on the map (the map card is then about 600 px or more)."""
        return self.size(False)[0] >= 1100


def style_for(view: ViewState, viewport: Viewport) -> Style:
    return projector(*viewport.size(True)) if view.present else SCREEN


def figure_width(kind: str, view: ViewState, viewport: Viewport) -> int:
    """The width in CSS pixels of figure ``kind`` as the page lays it out for this view and window."""
    width, _ = viewport.size(view.present)
    if view.present:
        usable = width - 2 * max(10, min(40, width * 0.014))
        side_by_side = view.tab == "map" and width > PRESENTER_ONE_COLUMN
        share = {MAP: 0.53, Chart.RANKING: 0.44}.get(kind, 0.98) if side_by_side else 0.98
    else:
        usable = min(width, PAGE_MAX_WIDTH) - 36
        if usable < ONE_COLUMN_BELOW:
            share = 0.98
        elif view.tab == "map":
            share = 0.56 if kind == MAP else 0.41
        else:
            share = 0.98
    step = 10 if view.present else STEP  # presenter mode: few screens, and the badge needs the true width
    return max(300, int(usable * share) // step * step)


# The graphs of the Map tab: the map and the three charts beside it.
MAP_TAB_GRAPHS = {MAP: ID.MAP, Chart.RANKING: ID.RANKING, Chart.TREND: ID.TREND, Chart.PROFILE: ID.PROFILE}


def graph_for(kind: str, view: ViewState) -> ID:
    """The graph that shows figure ``kind`` in this view: a card of the Map tab, the Gap tab's map, or
    the Chart tab's graph."""
    if kind == GAP:
        return ID.GAP
    return MAP_TAB_GRAPHS[kind] if view.tab == Tab.MAP and kind in MAP_TAB_GRAPHS else ID.CHART


def figure_context(kind: str, view: ViewState, viewport: Viewport) -> RenderContext:
    """The render context of one figure: the view's language, the screen's style, the figure's width."""
    return RenderContext(view.lang, style_for(view, viewport), figure_width(str(kind), view, viewport))
