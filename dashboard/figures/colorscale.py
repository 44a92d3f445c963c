"""The map's colours: the range, the scale and the colour bar (sized to its room and the type)."""

from __future__ import annotations

import math
import textwrap

from plotly.colors import sample_colorscale

from ..data import DataStore, Indicator
from ..data.model import Scale
from .labels import is_missing
from .render import RenderContext
from .style import DIVERGING_SCALE, NO_DATA_COLOR, SEQUENTIAL_SCALE

COLORBAR_PX = 110  # the colour bar, its ticks and its title, right of the map


def color_range(store: DataStore, indicator: Indicator) -> tuple[float, float]:
    """Colour range over every year (so colours compare across years), rounded outwards."""
    low, high = store.unit_range(indicator.id)
    if indicator.scale is Scale.DIVERGING:
        edge = max(abs(low), abs(high))
        return -edge, edge
    step = 10 ** max(0, math.floor(math.log10(max(high - low, 1e-9))) - 1) * 5
    return math.floor(low / step) * step, math.ceil(high / step) * step


def color_axis(indicator: Indicator) -> str:
    """``coloraxis`` (sequential, light to dark blue) or ``coloraxis2`` (diverging, centred on 0)."""
    return "coloraxis2" if indicator.scale is Scale.DIVERGING else "coloraxis"


def colorbar_px(ctx: RenderContext) -> int:
    """Room right of the map for the colour bar, its ticks and its title (grows with the type)."""
    return max(COLORBAR_PX, round(ctx.style.small_size * 8))


def colorbar_title(text: str, ctx: RenderContext) -> str:
    """The unit over the colour bar, wrapped to the bar's room; a word too long for it is hyphenated."""
    chars = max(6, int((colorbar_px(ctx) - 10) / (ctx.style.small_size * 0.62)))
    lines = []
    for line in textwrap.wrap(text, chars, break_long_words=False):
        while len(line) > chars:
            lines.append(line[: chars - 1] + "-")
            line = line[chars - 1 :]
        lines.append(line)
    return "<br>".join(lines)


def colorbar_style(ctx: RenderContext) -> dict:
    """The colour bar's place and type (its title is set per indicator)."""
    return {
        "title": {"side": "top", "font": {"size": ctx.style.small_size}},
        "thickness": 14 if ctx.style.name == "screen" else 20,
        "len": 0.6,
        "x": 1,
        "xanchor": "right",
        "y": 0.5,
        "tickfont": {"size": ctx.style.small_size},
        "outlinewidth": 0,
    }


def scale_of(indicator: Indicator) -> list:
    """The indicator's colour scale: sequential (light to dark blue) or diverging around 0."""
    return DIVERGING_SCALE if indicator.scale is Scale.DIVERGING else SEQUENTIAL_SCALE


def point_color(indicator: Indicator, value: float | None, cmin: float, cmax: float) -> str:
    """The scale's colour for a unit drawn as a point (grey without a value)."""
    if is_missing(value):
        return NO_DATA_COLOR
    position = 0.5 if cmax == cmin else min(max((value - cmin) / (cmax - cmin), 0.0), 1.0)
    return sample_colorscale(scale_of(indicator), [position])[0]
