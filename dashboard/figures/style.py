"""The look shared by every figure: visual styles (screen, projector), colours, and the marks on each chart.

Every builder starts from :func:`base_layout` and adds :func:`provenance_annotations`, so the
"illustrative" mark, the source line and the fonts are the same everywhere.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, replace

from plotly.colors import get_colorscale

FONT_FAMILY = (
    "'Khatlon Tajik', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
)
# ColorBrewer scales, colour-blind safe. The sequential one is plotly.js's own "YlGnBu" reversed
# (plotly.js runs it dark to light; plotly.py's list differs slightly), so that the map can name it
# ("YlGnBu" with reversescale) in its small updates and still match the colours computed here.
SEQUENTIAL_SCALE = [
    [0.0, "rgb(255,255,217)"],
    [0.125, "rgb(237,248,217)"],
    [0.25, "rgb(199,233,180)"],
    [0.375, "rgb(127,205,187)"],
    [0.5, "rgb(65,182,196)"],
    [0.625, "rgb(29,145,192)"],
    [0.75, "rgb(34,94,168)"],
    [0.875, "rgb(37,52,148)"],
    [1.0, "rgb(8,29,88)"],
]  # light (low) to dark blue (high)
DIVERGING_SCALE = get_colorscale("PuOr")  # for changes centred on 0
LIGHT_END = SEQUENTIAL_SCALE[0][1]  # spotlight dims the other districts toward this colour
NO_DATA_COLOR = "#bdbdbd"
SELECTED_COLOR = "#d95f02"  # orange: stands out from the blue-green scale, colour-blind safe
COMPARED_COLOR = "#7570b3"  # purple
KHATLON_COLOR = "#222222"
BAR_COLOR = "#4a7fb0"
OUTLINE_COLOR = "#111111"  # the selected or spotlit district
ILLUSTRATIVE_LINE = "#e66100"  # an illustrative row among real ones (DESIGN §5)
DIMMED_OPACITY = 0.3  # over a light-end base, so the dimmed colours stay within the scale
ILLUSTRATIVE_FILL, ILLUSTRATIVE_BORDER, ILLUSTRATIVE_TEXT = "#fff4d6", "#b45309", "#7c2d12"


@dataclass(frozen=True)
class Style:
    """Type sizes (px) and colours of the figures for one kind of screen."""

    name: str
    font_size: float
    title_size: float
    small_size: float  # tick labels, source lines
    label_size: float  # category labels (ranking names) and in-chart values
    text_color: str = "#1f2933"
    muted_color: str = "#52606d"
    grid_color: str = "#e4e7eb"
    background: str = "#ffffff"
    show_modebar: bool = True
    size: tuple[int, int] = (1920, 1080)  # the screen a projector style was made for

    @property
    def presenting(self) -> bool:
        return self.name == "projector"


SCREEN = Style("screen", font_size=13, title_size=17, small_size=11, label_size=12)
_PROJECTOR = Style(
    "projector",
    font_size=22,
    title_size=28,
    small_size=18,
    label_size=19,
    text_color="#000000",
    muted_color="#303030",
    show_modebar=False,
)
MIN_PROJECTOR_LABEL = 16  # px: the smallest chart label a room can read (1280x720 and smaller screens)


def projector(width: int = 1920, height: int = 1080) -> Style:
    """Projector type for a screen of ``width`` x ``height`` CSS pixels (1920x1080 is the reference).

    Sizes shrink with the screen, but chart labels never go below 16 px, and they grow on larger
    screens (3840x2160 doubles them).
    """
    scale = max(0.5, min(width / 1920, height / 1080, 2.0))
    label = max(MIN_PROJECTOR_LABEL, round(_PROJECTOR.label_size * scale))
    return replace(
        _PROJECTOR,
        font_size=max(MIN_PROJECTOR_LABEL, round(_PROJECTOR.font_size * scale)),
        title_size=max(20, round(_PROJECTOR.title_size * scale)),
        small_size=max(MIN_PROJECTOR_LABEL, round(_PROJECTOR.small_size * scale)),
        label_size=label,
        size=(width, height),
    )


PROJECTOR = projector()
BADGE_CHARS = 52  # "⚠ " and the longest translation of "Illustrative data — not official statistics"


def wrap(text: str, width: int) -> str:
    return (
        "<br>".join(textwrap.wrap(text, max(width, 8), break_on_hyphens=False, break_long_words=False)) if text else ""
    )


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 8), break_on_hyphens=False, break_long_words=False) or [""]


def base_layout(
    style: Style,
    title: str,
    subtitle: str = "",
    illustrative: bool = False,
    separators: str = ".,",
    width: int = 800,
    badge_length: int = BADGE_CHARS,
) -> dict:
    """Layout shared by all figures: fonts, wrapped title and subtitle, room for the illustrative badge.

    The badge sits on its own line under the subtitle (see :func:`illustrative_mark`), so it never
    collides with titles, legends or reference labels. ``separators`` are the locale's decimal and
    thousands marks, which plotly uses for every number it formats.
    """
    em = 0.68 if width < 450 else 0.64  # bold Cyrillic runs wide: a phone has no slack for it
    title_lines = _lines(title, int((width - 24) / (style.title_size * em)))
    subtitle_lines = _lines(subtitle, int((width - 24) / (style.font_size * 0.6)))
    line = style.title_size * 1.25
    lift = round(style.title_size * 0.75) if len(title_lines) > 1 else 0  # plotly lifts multi-line titles
    top = (
        12
        + lift
        + line * len(title_lines)
        + (style.font_size * (0.35 + 1.3 * len(subtitle_lines)) if subtitle else 0)
        + (badge_room(style, width, badge_length) if illustrative else 0)
    )
    return {
        "font": {"family": FONT_FAMILY, "size": style.font_size, "color": style.text_color},
        "title": {
            "text": "<br>".join(title_lines),
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": style.title_size, "weight": "bold"},
            "pad": {"t": 8 + lift, "l": 10},
            "subtitle": {
                "text": "<br>".join(subtitle_lines) if subtitle else "",
                "font": {"size": style.font_size, "color": style.muted_color},
            },
        },
        "margin": {"l": 10, "r": 16, "t": round(top), "b": 56},
        "modebar": {"bgcolor": "rgba(255,255,255,0.92)", "color": "#7b8794", "activecolor": "#1f2933"},
        "paper_bgcolor": style.background,
        "plot_bgcolor": style.background,
        "hoverlabel": {"font": {"size": round(max(13, style.font_size * 0.8))}, "align": "left"},
        "separators": separators,
    }


def badge_font(style: Style) -> float:
    return style.small_size if style.presenting else style.small_size + 1


def badge_wrap(style: Style, width: float, length: int = BADGE_CHARS) -> int | None:
    """Characters per line of a badge of ``length`` characters in a figure ``width`` px wide, or None
    when it fits on one line."""
    if width < 450:  # a phone: a narrower estimate keeps two whole lines
        chars = max(12, int(width * 0.8 / (badge_font(style) * 0.64)))
    else:
        chars = int((width * 0.97 - 16) / (badge_font(style) * 0.6))
    return chars if chars < length else None


def badge_room(style: Style, width: float, length: int = BADGE_CHARS) -> float:
    """Pixels the badge takes above the plot (one line, or two when it wraps)."""
    lines = 1 if badge_wrap(style, width, length) is None else 2
    return style.small_size * (0.9 + 1.3 * lines) + 8


def illustrative_mark(text: str, style: Style, width: int | None = None) -> dict:
    """The badge every figure built from illustrative numbers carries (also in exported images).

    ``width``: wrap to this many characters (a phone-width figure).
    """
    return {
        "text": wrap("⚠ " + text, width) if width else "⚠ " + text,
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 1.0,
        "xanchor": "right",
        "yanchor": "bottom",
        "yshift": 6,
        "bgcolor": ILLUSTRATIVE_FILL,
        "bordercolor": ILLUSTRATIVE_BORDER,
        "borderwidth": 1,
        "borderpad": 3,
        "font": {"size": badge_font(style), "color": ILLUSTRATIVE_TEXT},
        "name": "illustrative-mark",
    }


def source_line(text: str, style: Style, width: int = 120) -> dict:
    """Small grey text under the plot naming the source (and licence or attribution)."""
    return {
        "text": wrap(text, width),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "yshift": -28,
        "align": "left",
        "font": {"size": style.small_size, "color": style.muted_color},
        "name": "source-line",
    }


def place_footer(layout: dict, style: Style, axis_room: float) -> None:
    """Put the source line ``axis_room`` pixels below the plot and size the bottom margin to fit it."""
    footer = next((a for a in layout.get("annotations", []) if a.get("name") == "source-line"), None)
    lines = footer["text"].count("<br>") + 1 if footer else 0
    if footer:
        footer["yshift"] = -axis_room
    layout["margin"]["b"] = round(axis_room + lines * style.small_size * 1.35 + 8)


def row_label_size(layout: dict, style: Style, rows: int, wanted: float) -> float:
    """Presenter mode: the largest label size up to ``wanted`` whose rows do not touch on this screen.

    The figure's height is estimated from the screen (the scene's heading takes the rest). Screens
    of 1280 px and wider keep at least the projector minimum (16 px; 25 rows fit at 1280 x 720);
    smaller ones (1024 x 768) get smaller labels rather than overlapping ones.
    """
    width, height = style.size
    if not style.presenting or width <= 700 or rows <= 0:
        return wanted
    heading = height * 0.041 * 2.3 + max(16, min(height * 0.024, width * 0.013)) * 5.2 + 25
    plot = height - heading - layout["margin"]["t"] - layout["margin"]["b"]
    floor = MIN_PROJECTOR_LABEL if width >= 1280 else 11
    return max(floor, min(wanted, math.floor(plot / rows * 1.1)))


def footer_width(style: Style, width: float) -> int:
    """Characters of a source line across ``width`` pixels."""
    return max(16, math.floor(width / (style.small_size * 0.66)))  # Cyrillic runs wider than Latin


def lift_badge(layout: dict, pixels: int) -> None:
    """Make room above the plot for ``pixels`` of headings (top axis, table headings): the badge goes above them."""
    layout["margin"]["t"] += pixels
    for note in layout.get("annotations", []):
        if note.get("name") == "illustrative-mark":
            note["yshift"] = note.get("yshift", 0) + pixels


def empty_figure(message: str, style: Style) -> dict:
    """A calm placeholder (never a blank chart): a sentence in the middle of the frame."""
    layout = base_layout(style, "")
    layout.update(
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": message,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "font": {"size": style.font_size + 2, "color": style.muted_color},
            }
        ],
    )
    return {"data": [], "layout": layout}
