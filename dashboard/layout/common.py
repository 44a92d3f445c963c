"""Small shared pieces of the page: graph configuration, cards and badges."""

from __future__ import annotations

from dash import dcc, html

from ..data import Indicator
from ..figures.labels import status_text
from ..i18n import Translator


def graph(component_id: str, figure: dict, asset_url: str, class_name: str = "", modebar: bool = True) -> dcc.Graph:
    """A ``dcc.Graph`` that never reaches the internet (local topojson stub, no plotly links).

    Small side charts have no modebar: it would sit on their titles, and the big Chart tab offers
    the same chart with a "download as PNG" button.
    """
    return dcc.Graph(
        id=component_id,
        figure=figure,
        className=f"graph {class_name}".strip(),
        responsive=True,
        config={
            "topojsonURL": asset_url,  # stub world_110m.json: plotly would otherwise fetch it from a CDN
            "displayModeBar": "hover" if modebar else False,
            "displaylogo": False,
            "showLink": False,
            "showSendToCloud": False,
            "showEditInChartStudio": False,
            "scrollZoom": False,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": f"khatlon-{component_id}"},
        },
    )


def card(*children, class_name: str = "") -> html.Div:
    return html.Div(list(children), className=f"card {class_name}".strip())


def status_badge(indicator: Indicator, t: Translator) -> html.Span:
    text = (
        "⚠ " + t("Illustrative data — not official statistics")
        if indicator.is_illustrative
        else status_text(indicator, t)
    )
    return html.Span(text, className=f"badge badge-{indicator.status.value}")


def indicator_note(indicator: Indicator, t: Translator) -> list:
    """Status, definition and source of the current indicator (one line under the controls)."""
    if indicator.source_url.startswith("http"):
        source = html.A(t(indicator.source), href=indicator.source_url, target="_blank", rel="noopener noreferrer")
    else:
        source = html.Span(t("model in {path}", path=indicator.source_url))
    return [
        status_badge(indicator, t),
        " ",
        html.Span(t(indicator.definition), className="definition"),
        " ",
        html.Span([t("Source:"), " ", source, f" · {t(indicator.licence)}"], className="source"),
    ]


def note_class(indicator: Indicator) -> str:
    """The note row turns into a warning banner for illustrative indicators."""
    return "indicator-note is-illustrative" if indicator.is_illustrative else "indicator-note"
