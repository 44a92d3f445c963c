"""Presenter mode's stage: the scene's map and ranking, its chart or gap map, or its Sources or Table panel.

The stage is apart from the tabs, so that showing a scene moves no control (and calls no server);
the presenter's keys swap scenes from the scene cache. CSS shows the stage only in presenter mode.
"""

from __future__ import annotations

from collections.abc import Callable

from dash import html

from ..data import DataStore
from ..figures import RenderContext, chart_figure, map_figure
from ..figures.gap import gap_figure
from ..figures.keys import GAP, MAP
from ..figures.style import empty_figure
from ..state import Chart, Tab, ViewState
from .common import card, graph
from .ids import ID
from .placement import Viewport, figure_context
from .presenter import presenter_text
from .sources import sources_panel
from .table import table_body, table_options

FigureBuilder = Callable[[str, ViewState, RenderContext], dict]


def stage_class(view: ViewState) -> str:
    """``stage stage-map`` (map and ranking), ``stage stage-chart`` (a chart, the gap map) or ``stage-panel``."""
    kind = {Tab.MAP: "map", Tab.CHART: "chart", Tab.GAP: "chart"}.get(view.tab, "panel")
    return f"stage stage-{kind}"


def stage_content(
    store: DataStore, view: ViewState, viewport: Viewport, geojson_url: str, figure: FigureBuilder | None = None
) -> dict:
    """What the stage shows for one view (JSON-ready: it is also a scene cache entry)."""

    def build(kind: str, v: ViewState, c: RenderContext) -> dict:
        if kind == GAP:
            return gap_figure(store, v, c, geojson_url)
        return map_figure(store, v, c, geojson_url) if kind == MAP else chart_figure(kind, store, v, c)

    figure = figure or build
    ctx = RenderContext(view.lang)
    text = presenter_text(store, view, ctx)
    on_map = view.tab == Tab.MAP
    chart = {Tab.CHART: view.chart.value, Tab.GAP: GAP}.get(view.tab)
    panel = None
    if view.tab == Tab.SOURCES:
        panel = sources_panel(store, store.indicators[view.indicator], ctx, downloads=False)  # a projector: no links
    elif view.tab == Tab.TABLE:
        panel = table_body(store, view, table_options(view, view.year, "", None), ctx)
    return {
        "app": text.app_class,
        "title": text.title,
        "note": text.note,
        "position": text.position,
        "leave": text.leave_query,
        "hideStatus": not text.illustrative,
        "stage": stage_class(view),
        "map": figure(MAP, view, figure_context(MAP, view, viewport)) if on_map else None,
        "ranking": figure(Chart.RANKING, view, figure_context(Chart.RANKING, view, viewport)) if on_map else None,
        "chart": figure(chart, view, figure_context(chart, view, viewport)) if chart else None,
        "panel": panel,
    }


def stage(ctx: RenderContext, topojson_url: str, content: dict | None = None) -> html.Div:
    """The stage, filled with ``content`` (a scene's entry, see ``callbacks.drawing``) or empty."""
    content = content or {}
    blank = empty_figure("", ctx.style)
    return html.Div(
        id=ID.STAGE,
        className=content.get("stage", "stage"),
        children=[
            card(
                graph(ID.STAGE_MAP, content.get("map") or blank, ctx, topojson_url, "graph-map", modebar=False),
                class_name="stage-card stage-card-map",
            ),
            card(
                graph(
                    ID.STAGE_RANKING, content.get("ranking") or blank, ctx, topojson_url, "graph-ranking", modebar=False
                ),
                class_name="stage-card stage-card-ranking",
            ),
            card(
                graph(ID.STAGE_CHART, content.get("chart") or blank, ctx, topojson_url, "graph-chart", modebar=False),
                class_name="stage-card stage-card-chart",
            ),
            html.Div(
                content.get("panel") or [], id=ID.STAGE_PANEL, className="stage-card stage-card-panel sources-layout"
            ),
        ],
    )
