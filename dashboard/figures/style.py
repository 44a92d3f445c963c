"""Shared look of every figure: themes (screen, projector), colours and the marks on each chart.

Every builder starts from :func:`base_layout` and adds :func:`provenance_annotations`, so the
"illustrative" mark, the source line and the fonts are the same everywhere.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from plotly.colors import get_colorscale

from ..data import Indicator
from ..i18n import Translator

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
# ColorBrewer scales, colour-blind safe, as explicit lists: plotly.js's built-in "YlGnBu" runs the
# other way round from plotly.py's, so a name alone would flip the legend.
SEQUENTIAL_SCALE = get_colorscale("YlGnBu")  # light (low) to dark blue (high)
DIVERGING_SCALE = get_colorscale("PuOr")  # for changes centred on 0
NO_DATA_COLOR = "#bdbdbd"
SELECTED_COLOR = "#d95f02"  # orange: stands out from the blue-green scale, colour-blind safe
COMPARED_COLOR = "#7570b3"  # purple
KHATLON_COLOR = "#222222"
BAR_COLOR = "#4a7fb0"
DIMMED_OPACITY = 0.35
ILLUSTRATIVE_FILL, ILLUSTRATIVE_BORDER, ILLUSTRATIVE_TEXT = "#fff4d6", "#b45309", "#7c2d12"


@dataclass(frozen=True)
class Theme:
    """Type sizes and colours for one kind of screen."""

    name: str
    font_size: int
    title_size: int
    small_size: int
    text_color: str = "#1f2933"
    muted_color: str = "#52606d"
    grid_color: str = "#e4e7eb"
    background: str = "#ffffff"


SCREEN = Theme("screen", font_size=13, title_size=17, small_size=11)
PROJECTOR = Theme("projector", font_size=24, title_size=32, small_size=19, text_color="#000000", muted_color="#303030")
TITLE_CHARS = 52  # titles wrap after about this many characters (they must not run under the modebar)


def base_layout(
    theme: Theme, title: str, subtitle: str = "", illustrative: bool = False, title_chars: int = TITLE_CHARS
) -> dict:
    """Layout shared by all figures: fonts, title and subtitle, room for the illustrative badge.

    The badge sits on its own line under the subtitle (see :func:`illustrative_mark`), so it never
    collides with titles, legends or reference labels.
    """
    scale = 1.0 if theme is SCREEN else 1.45  # projector cards are wider as well as the type bigger
    title_lines = textwrap.wrap(title, round(title_chars * SCREEN.title_size / theme.title_size * scale)) or [""]
    subtitle_lines = textwrap.wrap(
        subtitle, round(title_chars * 1.45 * SCREEN.font_size / theme.font_size * scale)
    ) or [""]
    line = theme.title_size * 1.3
    # plotly lifts a multi-line title (anchored at the top) by about 0.7 of its font size: pad it down.
    lift = round(theme.title_size * 0.75) if len(title_lines) > 1 else 0
    top = (
        14
        + lift
        + line * len(title_lines)
        + theme.font_size * (0.3 + 1.3 * len(subtitle_lines))
        + (theme.small_size * 2.4 + 8 if illustrative else 0)
    )
    return {
        "font": {"family": FONT_FAMILY, "size": theme.font_size, "color": theme.text_color},
        "title": {
            "text": "<b>" + "<br>".join(title_lines) + "</b>",
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": theme.title_size},
            "pad": {"t": 10 + lift, "l": 12},
            "subtitle": {
                "text": "<br>".join(subtitle_lines),
                "font": {"size": theme.font_size, "color": theme.muted_color},
            },
        },
        "margin": {"l": 10, "r": 16, "t": round(top), "b": 56},
        "modebar": {"bgcolor": "rgba(255,255,255,0.92)", "color": "#7b8794", "activecolor": "#1f2933"},
        "paper_bgcolor": theme.background,
        "plot_bgcolor": theme.background,
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": theme.font_size}, "align": "left"},
        "separators": ".,",
    }


def wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) if text else ""


def illustrative_mark(t: Translator, theme: Theme) -> dict:
    """The badge every figure built from illustrative numbers carries (also in exported images)."""
    return {
        "text": "⚠ " + t("Illustrative data — not official statistics"),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 1.0,
        "xanchor": "right",
        "yanchor": "bottom",
        "yshift": 8,
        "bgcolor": ILLUSTRATIVE_FILL,
        "bordercolor": ILLUSTRATIVE_BORDER,
        "borderwidth": 1,
        "borderpad": 4,
        "font": {"size": theme.small_size + 1, "color": ILLUSTRATIVE_TEXT},
        "name": "illustrative-mark",
    }


def source_line(text: str, theme: Theme, width: int = 120) -> dict:
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
        "font": {"size": theme.small_size, "color": theme.muted_color},
        "name": "source-line",
    }


def provenance_annotations(indicators: list[Indicator], t: Translator, theme: Theme, width: int = 120) -> list[dict]:
    """The illustrative mark (if any indicator is illustrative) and the source line."""
    illustrative = any(i.is_illustrative for i in indicators)
    marks = [illustrative_mark(t, theme)] if illustrative else []
    model = (
        [t("Illustrative figures from a seeded model (data/scripts/generate_illustrative.py)")] if illustrative else []
    )
    sources = list(dict.fromkeys(model + [t(i.source) for i in indicators if not i.is_illustrative]))
    label = t("Source") if len(sources) == 1 else t("Sources")
    return marks + [source_line(f"{label}: " + "; ".join(sources), theme, width)]


def place_footer(layout: dict, theme: Theme, axis_room: int) -> None:
    """Put the source line ``axis_room`` pixels below the plot and size the bottom margin to fit it."""
    footer = next((a for a in layout.get("annotations", []) if a.get("name") == "source-line"), None)
    lines = footer["text"].count("<br>") + 1 if footer else 0
    if footer:
        footer["yshift"] = -axis_room
    layout["margin"]["b"] = round(axis_room + lines * theme.small_size * 1.4 + 10)


def empty_figure(message: str, theme: Theme) -> dict:
    """A calm placeholder (never a blank chart): a sentence in the middle of the frame."""
    layout = base_layout(theme, "")
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
                "font": {"size": theme.font_size + 2, "color": theme.muted_color},
            }
        ],
    )
    return {"data": [], "layout": layout}
