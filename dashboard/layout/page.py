"""The whole page for one view: header, presenter bar, controls, tabs (Map, Chart, Table, Sources), footer.

The page arrives with its view already drawn (the map, and the charts of the open tab), so the
first screen needs no callback. Tabs that are not open are empty shells until they are opened.
Everything inside ``app-root`` is rebuilt when the language changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from ..data import DataStore
from ..figures import RenderContext, chart_figure, map_figure
from ..figures.gap import gap_figure
from ..figures.keys import GAP, MAP, figure_key, visible_figures
from ..figures.style import empty_figure
from ..i18n import N_
from ..state import Chart, Tab, ViewState
from .common import card, graph, indicator_note, note_class
from .controls import controls, gap_pickers, trend_picker
from .header import header, notice_bar, presenter_bar
from .ids import ID
from .placement import Viewport, figure_context, graph_for
from .presenter import presenter_text
from .share import share_bar, view_summary
from .sources import sources_panel
from .stage import stage, stage_content
from .table import table_tab

CHART_LABELS = {
    Chart.RANKING: N_("Ranking"),
    Chart.TREND: N_("Trend"),
    Chart.PROFILE: N_("District profile"),
    Chart.SERVICES: N_("Services"),
    Chart.CONTEXT: N_("National context"),
}
TAB_LABELS = {
    Tab.MAP: N_("Map"),
    Tab.GAP: N_("Service gaps"),
    Tab.CHART: N_("Chart"),
    Tab.TABLE: N_("Table"),
    Tab.SOURCES: N_("Sources"),
}
SIDE_CHARTS = (Chart.RANKING, Chart.TREND, Chart.PROFILE)
UNREPORTED = Viewport()  # the browser has not said its size yet: a laptop (or a projector) is assumed


@dataclass(frozen=True)
class PageUrls:
    geojson: str
    topojson: str


def can_play(store: DataStore, view: ViewState) -> bool:
    """Play animates the map: only on the Map tab, outside presenter mode, with two years or more."""
    return view.tab == Tab.MAP and not view.present and len(store.years(view.indicator)) > 1


def map_tab(store: DataStore, view: ViewState, ctx: RenderContext, urls: PageUrls, viewport: Viewport) -> html.Div:
    figure = map_figure(store, view, figure_context(MAP, view, viewport), urls.geojson)
    visible = view.tab == Tab.MAP
    side = {
        kind: chart_figure(kind, store, view, figure_context(kind, view, viewport))
        if visible
        else empty_figure("", ctx.style)
        for kind in SIDE_CHARTS
    }
    return html.Div(
        className="map-layout",
        children=[
            card(
                graph(ID.MAP, figure, ctx, urls.topojson, "graph-map"),
                html.P(
                    ctx.t("Click a district to select it; click it again to show all of Khatlon."), className="map-hint"
                ),
                class_name="card-map",
            ),
            card(
                graph(ID.RANKING, side[Chart.RANKING], ctx, urls.topojson, "graph-ranking", modebar=False),
                class_name="card-ranking",
            ),
            card(
                graph(ID.TREND, side[Chart.TREND], ctx, urls.topojson, "graph-side", modebar=False),
                class_name="card-trend",
            ),
            card(
                graph(ID.PROFILE, side[Chart.PROFILE], ctx, urls.topojson, "graph-side", modebar=False),
                class_name="card-profile",
            ),
        ],
    )


def chart_tab(store: DataStore, view: ViewState, ctx: RenderContext, urls: PageUrls, viewport: Viewport) -> html.Div:
    shown = view.tab == Tab.CHART
    figure = (
        chart_figure(view.chart, store, view, figure_context(view.chart, view, viewport))
        if shown
        else empty_figure("", ctx.style)
    )
    return html.Div(
        className="chart-layout",
        children=[
            dcc.RadioItems(
                id=ID.CHART_KIND,
                value=view.chart.value,
                className="chart-kinds",
                inline=True,
                options=[{"label": ctx.t(label), "value": kind.value} for kind, label in CHART_LABELS.items()],
            ),
            trend_picker(store, view, ctx),
            card(graph(ID.CHART, figure, ctx, urls.topojson, "graph-chart"), class_name="card-chart"),
        ],
    )


def gap_tab(store: DataStore, view: ViewState, ctx: RenderContext, urls: PageUrls, viewport: Viewport) -> html.Div:
    """The coverage-gap map: a need against one service's coverage, with its two pickers."""
    shown = view.tab == Tab.GAP
    figure = (
        gap_figure(store, view, figure_context(GAP, view, viewport), urls.geojson)
        if shown
        else empty_figure("", ctx.style)
    )
    return html.Div(
        className="gap-layout",
        children=[
            gap_pickers(store, view, ctx),
            card(graph(ID.GAP, figure, ctx, urls.topojson, "graph-gap"), class_name="card-gap"),
        ],
    )


def footer(ctx: RenderContext) -> html.Footer:
    t = ctx.t
    return html.Footer(
        className="app-footer",
        children=[
            html.P(
                t(
                    "Boundaries: © OpenStreetMap contributors; geoBoundaries (Runfola et al. 2020), ODbL 1.0. "
                    "2017 district polygons; Bokhtar city is drawn as a point."
                )
            ),
            html.P(
                t(
                    "District figures marked illustrative are invented by a documented model and are not "
                    "official statistics. National figures: World Bank WDI (CC BY 4.0), Ministry of Labour, "
                    "Migration and Employment, IOM, World Bank surveys."
                )
            ),
            html.P(
                t(
                    "Keys: P presents the storyboard; in presenter mode PageDown/→/space next, PageUp/←/Backspace "
                    "previous, Home/End, F full screen, Esc leave."
                ),
                className="keys-help",
            ),
        ],
    )


def cite_key(store: DataStore, view: ViewState) -> str:
    """What the citation depends on: sent again only when this changes."""
    return f"{view.lang}|{view_summary(store, view, RenderContext(view.lang))}"


def drawn_keys(store: DataStore, view: ViewState, viewport: Viewport) -> dict[str, str]:
    """The key of each figure the page draws (graph id -> key) and of the indicator note: the server
    then sends only what changed."""
    keys = {ID.MAP.value: figure_key(MAP, view, figure_context(MAP, view, viewport))}
    for kind in visible_figures(view):
        keys[graph_for(kind, view).value] = figure_key(kind, view, figure_context(kind, view, viewport))
    keys[ID.INDICATOR_NOTE.value] = note_key(view)
    keys[ID.CITE.value] = cite_key(store, view)
    return keys


def note_key(view: ViewState) -> str:
    """What the indicator note under the controls depends on: sent again only when this changes."""
    return f"{view.indicator}|{view.lang}"


def page_content(
    store: DataStore,
    view: ViewState,
    ctx: RenderContext,
    urls: PageUrls,
    source: str = "",
    viewport: Viewport = UNREPORTED,
) -> list:
    """Everything inside ``app-root``: rebuilt as a whole when the language changes.

    The ``view`` store says which query string the page was drawn for (``source``), so that the
    browser knows it need not ask again.
    """
    indicator = store.indicators[view.indicator]
    return [
        dcc.Store(id=ID.VIEW, data={**view.to_dict(), "query": view.to_query(), "source": source, "fresh": True}),
        dcc.Store(id=ID.PAGE_LANGUAGE, data=ctx.language),
        dcc.Store(id=ID.DRAWN, data=drawn_keys(store, view, viewport)),
        dcc.Store(id=ID.FIGURE_UPDATES),
        header(store, ctx),
        notice_bar(view.notices, ctx),
        presenter_bar(ctx, presenter_text(store, view, ctx)),
        stage(ctx, urls.topojson, stage_content(store, view, viewport, urls.geojson) if view.present else None),
        controls(store, view, ctx, can_play(store, view)),
        html.Div(
            indicator_note(store, indicator, ctx),
            id=ID.INDICATOR_NOTE,
            className=note_class(store, indicator),
            role="note",
        ),
        share_bar(store, view, ctx),
        dcc.Tabs(
            id=ID.TABS,
            value=view.tab.value,
            className="tabs",
            parent_className="tabs-parent",
            mobile_breakpoint=0,  # keep the tabs in a row on phones too
            children=[
                dcc.Tab(
                    label=ctx.t(TAB_LABELS[Tab.MAP]),
                    value=Tab.MAP.value,
                    children=map_tab(store, view, ctx, urls, viewport),
                ),
                dcc.Tab(
                    label=ctx.t(TAB_LABELS[Tab.GAP]),
                    value=Tab.GAP.value,
                    children=gap_tab(store, view, ctx, urls, viewport),
                ),
                dcc.Tab(
                    label=ctx.t(TAB_LABELS[Tab.CHART]),
                    value=Tab.CHART.value,
                    children=chart_tab(store, view, ctx, urls, viewport),
                ),
                dcc.Tab(
                    label=ctx.t(TAB_LABELS[Tab.TABLE]),
                    value=Tab.TABLE.value,
                    children=table_tab(store, view, ctx, filled=view.tab == Tab.TABLE),
                ),
                dcc.Tab(
                    label=ctx.t(TAB_LABELS[Tab.SOURCES]),
                    value=Tab.SOURCES.value,
                    children=html.Div(
                        sources_panel(store, indicator, ctx) if view.tab == Tab.SOURCES else [],
                        id=ID.SOURCES,
                        className="sources-layout",
                    ),
                ),
            ],
        ),
        footer(ctx),
    ]


def page(store: DataStore, view: ViewState, ctx: RenderContext, urls: PageUrls, source: str = "") -> html.Div:
    """The layout served for one URL (see :mod:`dashboard.web` for how the URL reaches it)."""
    return html.Div(
        id=ID.APP,
        className="app presenting" if view.present else "app",
        **{"data-present": "1" if view.present else "0"},
        children=[
            dcc.Location(id=ID.URL, refresh=False),
            dcc.Store(id=ID.URL_REQUEST),
            dcc.Store(id=ID.VIEWPORT),
            dcc.Store(id=ID.SCENE_CACHE),
            dcc.Store(id=ID.SCENE_CACHE_KEY),
            html.Div(id=ID.LANGUAGE_SINK, hidden=True),
            html.Div(id=ID.CACHE_SINK, hidden=True),
            html.Div(page_content(store, view, ctx, urls, source), id=ID.ROOT),
        ],
    )
