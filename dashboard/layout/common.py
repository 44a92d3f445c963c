"""Small shared pieces of the page: graph configuration, cards, status badges, the indicator note."""

from __future__ import annotations

from dash import dcc, html

from ..data import DataStore, Indicator, Status
from ..figures import RenderContext
from ..figures.provenance import badge_text
from ..i18n import N_

TOPOJSON_URL = "/assets/topojson/"  # the empty stub that keeps plotly from fetching a world map
BADGE_TEXTS = {
    Status.OFFICIAL: N_("official statistics"),
    Status.SURVEY: N_("survey estimate"),
    Status.ESTIMATE: N_("estimate"),
    Status.ILLUSTRATIVE: N_("Illustrative data — not official statistics"),
}


def graph(
    component_id: str,
    figure: dict,
    ctx: RenderContext,
    topojson_url: str = TOPOJSON_URL,
    class_name: str = "",
    modebar: bool = True,
) -> dcc.Graph:
    """A ``dcc.Graph`` that never reaches the internet (local topojson stub, no plotly links).

    Small side charts have no modebar: it would sit on their titles, and the big Chart tab offers
    the same chart with a "download as PNG" button. In presenter mode CSS hides every modebar.
    """
    return dcc.Graph(
        id=component_id,
        figure=figure,
        className=f"graph {class_name}".strip(),
        responsive=True,
        config={
            "topojsonURL": topojson_url,  # stub world_110m.json: plotly would otherwise fetch it from a CDN
            "displayModeBar": "hover" if modebar else False,
            "displaylogo": False,
            "showLink": False,
            "showSendToCloud": False,
            "showEditInChartStudio": False,
            "scrollZoom": False,
            "locale": ctx.language,
            "modeBarButtonsToRemove": [
                "select2d",
                "lasso2d",
                "autoScale2d",
                "zoom2d",
                "pan2d",
                "zoomIn2d",
                "zoomOut2d",
            ],
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": f"khatlon-{component_id}"},
        },
    )


def card(*children, class_name: str = "") -> html.Div:
    return html.Div(list(children), className=f"card {class_name}".strip())


def status_badge(status: Status, ctx: RenderContext, text: str | None = None) -> html.Span:
    words = text or ctx.t(BADGE_TEXTS[status])
    mark = [html.Span("⚠", className="badge-mark"), " "] if status is Status.ILLUSTRATIVE else []
    return html.Span(
        [*mark, html.Span(words, className="badge-word")], className=f"badge badge-{status.value}", title=words
    )


def indicator_badge(store: DataStore, indicator: Indicator, ctx: RenderContext) -> html.Span:
    """The indicator's badge from its rows: illustrative, partly illustrative, or its status."""
    text = badge_text(store, [indicator], ctx)
    if text:
        return status_badge(Status.ILLUSTRATIVE, ctx, text)
    statuses = store.statuses(indicator.id) or {indicator.status}
    return status_badge(min(statuses, key=lambda s: list(Status).index(s)), ctx)


def source_link(indicator: Indicator, ctx: RenderContext) -> html.Span | html.A:
    """The source's name, linked when it has a web address (a file path is named in Sources only)."""
    name = ctx.text(indicator, "source_name") or ctx.text(indicator, "source")
    if indicator.source_url.startswith("http"):
        return html.A(name, href=indicator.source_url, target="_blank", rel="noopener noreferrer")
    return html.Span(name)


def indicator_note(store: DataStore, indicator: Indicator, ctx: RenderContext) -> list:
    """Status, definition and source of the current indicator (wraps; never cut off)."""
    return [
        indicator_badge(store, indicator, ctx),
        " ",
        html.Span(ctx.text(indicator, "definition"), className="definition"),
        " ",
        html.Span(
            [ctx.t("Source:"), " ", source_link(indicator, ctx), f" · {ctx.text(indicator, 'licence')}"],
            className="source",
        ),
    ]


def note_class(store: DataStore, indicator: Indicator) -> str:
    """The note row turns into a warning banner where the indicator's numbers are illustrative."""
    return "indicator-note is-illustrative" if store.shows_illustrative([indicator.id]) else "indicator-note"
