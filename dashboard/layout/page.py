"""The whole page: header, presenter bar, controls, tabs (Map, Chart, Table, Sources) and footer."""

from __future__ import annotations

from dash import dcc, html

from ..data import DataStore
from ..figures import SCREEN, chart_figure, map_figure
from ..i18n import Translator
from ..state import Chart, Tab, ViewState
from .common import card, graph, indicator_note, note_class
from .controls import controls
from .header import header, presenter_bar
from .ids import ID
from .sources import sources_panel
from .table import table_tab

CHART_LABELS = {
    Chart.RANKING: "Ranking",
    Chart.TREND: "Trend",
    Chart.PROFILE: "District profile",
    Chart.SERVICES: "Services",
    Chart.CONTEXT: "National context",
}


def map_tab(store: DataStore, state: ViewState, t: Translator, geojson_url: str, topojson_url: str) -> html.Div:
    figure = map_figure(store, state.indicator, state.year, state.district, t, SCREEN, geojson_url)
    side = {
        kind: chart_figure(kind, store, state.indicator, state.year, state.district, t, SCREEN)
        for kind in (Chart.RANKING, Chart.TREND, Chart.PROFILE)
    }
    return html.Div(
        className="map-layout",
        children=[
            card(graph(ID.MAP, figure, topojson_url, "graph-map"), class_name="card-map"),
            card(
                graph(ID.RANKING, side[Chart.RANKING], topojson_url, "graph-ranking", modebar=False),
                class_name="card-ranking",
            ),
            card(
                graph(ID.TREND, side[Chart.TREND], topojson_url, "graph-side", modebar=False), class_name="card-trend"
            ),
            card(
                graph(ID.PROFILE, side[Chart.PROFILE], topojson_url, "graph-side", modebar=False),
                class_name="card-profile",
            ),
        ],
    )


def chart_tab(store: DataStore, state: ViewState, t: Translator, topojson_url: str) -> html.Div:
    figure = chart_figure(state.chart.value, store, state.indicator, state.year, state.district, t, SCREEN)
    return html.Div(
        className="chart-layout",
        children=[
            dcc.RadioItems(
                id=ID.CHART_KIND,
                value=state.chart.value,
                className="chart-kinds",
                inline=True,
                options=[{"label": t(label), "value": kind.value} for kind, label in CHART_LABELS.items()],
            ),
            card(graph(ID.CHART, figure, topojson_url, "graph-chart"), class_name="card-chart"),
        ],
    )


def footer(t: Translator) -> html.Footer:
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


def page(store: DataStore, state: ViewState, t: Translator, geojson_url: str, topojson_url: str) -> html.Div:
    indicator = store.indicators[state.indicator]
    return html.Div(
        id=ID.APP,
        className="app",
        children=[
            dcc.Location(id=ID.URL, refresh=False),
            dcc.Store(id=ID.VIEW, data=state.to_dict()),
            header(store, t),
            presenter_bar(t),
            controls(store, state.indicator, state.year, state.district, t),
            html.Div(
                indicator_note(indicator, t),
                id=ID.INDICATOR_NOTE,
                className=note_class(indicator),
                role="note",
                tabIndex="0",
                title=t("Hover or focus to read the whole note; the Sources tab has every detail"),
            ),
            dcc.Tabs(
                id=ID.TABS,
                value=state.tab.value,
                className="tabs",
                parent_className="tabs-parent",
                mobile_breakpoint=0,  # keep the tabs in a row on phones too
                children=[
                    dcc.Tab(
                        label=t("Map"),
                        value=Tab.MAP.value,
                        children=map_tab(store, state, t, geojson_url, topojson_url),
                    ),
                    dcc.Tab(label=t("Chart"), value=Tab.CHART.value, children=chart_tab(store, state, t, topojson_url)),
                    dcc.Tab(label=t("Table"), value=Tab.TABLE.value, children=table_tab(store, indicator, t)),
                    dcc.Tab(
                        label=t("Sources"),
                        value=Tab.SOURCES.value,
                        children=html.Div(
                            sources_panel(store, indicator, t), id=ID.SOURCES, className="sources-layout"
                        ),
                    ),
                ],
            ),
            footer(t),
        ],
    )
