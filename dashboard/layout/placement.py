"""Where each figure sits on the page, and so how wide it is: titles and source lines are wrapped to it.

The browser reports its window in steps (``assets/dashboard.js``, the ``viewport`` store); without a
report the page assumes a 1366 x 768 laptop, or a 1920 x 1080 projector in presenter mode.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..figures import RenderContext, projector
from ..figures.keys import MAP
from ..figures.style import SCREEN, Style
from ..state import Chart, ViewState

PAGE_MAX_WIDTH = 1880  # the page's max-width (style.css .app)
ONE_COLUMN_BELOW = 900  # the map and charts stack below this width (style.css)
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
        share = {MAP: 0.53, Chart.RANKING: 0.44}.get(kind, 0.98) if view.tab == "map" else 0.98
    else:
        usable = min(width, PAGE_MAX_WIDTH) - 36
        if usable < ONE_COLUMN_BELOW:
            share = 0.98
        elif view.tab == "map":
            share = 0.56 if kind == MAP else 0.41
        else:
            share = 0.98
    return max(300, int(usable * share) // STEP * STEP)


def figure_context(kind: str, view: ViewState, viewport: Viewport) -> RenderContext:
    """The render context of one figure: the view's language, the screen's style, the figure's width."""
    return RenderContext(view.lang, style_for(view, viewport), figure_width(str(kind), view, viewport))
