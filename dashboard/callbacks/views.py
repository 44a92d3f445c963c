"""Callbacks that redraw from the ``view`` store: the map (a small ``dash.Patch``), the charts,
the note about the data, the presenter's scene bar, the table and the sources."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, no_update

from ..data import DataStore
from ..figures import PROJECTOR, SCREEN, apply_updates, chart_figure, map_updates
from ..i18n import translator
from ..layout.common import indicator_note, note_class
from ..layout.ids import ID
from ..layout.sources import sources_panel
from ..layout.table import caption, column_defs, grid_options, table_rows
from ..state import Chart, Tab, ViewState, from_dict, leave_presentation
from .safety import never_fail

SIDE_CHARTS = (Chart.RANKING, Chart.TREND, Chart.PROFILE)


def theme_of(state: ViewState):
    return PROJECTOR if state.present else SCREEN


def map_patch(store: DataStore, state: ViewState) -> Patch:
    """Only what changes on the map (colours, hover, outline, titles, type sizes): never the geometry."""
    patch = Patch()
    updates = map_updates(
        store, state.indicator, state.year, state.district, translator(), theme_of(state), spotlight=state.spotlit
    )
    apply_updates(patch, updates)
    return patch


def chart_for(store: DataStore, state: ViewState, kind: str) -> dict:
    """The chart of ``kind`` for the view, in the view's theme, spotlight and comparison."""
    return chart_figure(
        kind,
        store,
        state.indicator,
        state.year,
        state.district,
        translator(),
        theme_of(state),
        spotlight=state.spotlit,
        compared=state.compare,
    )


def side_charts(store: DataStore, state: ViewState) -> tuple[dict, ...]:
    return tuple(chart_for(store, state, kind) for kind in SIDE_CHARTS)


def presenter_text(store: DataStore, state: ViewState) -> tuple[str, str, str, str, str]:
    """Class of the page; the scene's title, note and "3 / 9" position; the query Esc goes to."""
    t = translator()
    leave = leave_presentation(state).to_query()
    if not state.present:
        return "app", "", "", "", leave
    if not state.scene:
        indicator = store.indicators[state.indicator]
        return "app presenting", t(indicator.label), "", "1 / 1", leave
    scene = store.scenes[state.scene - 1]
    return "app presenting", t(scene.title), t(scene.note), f"{state.scene} / {len(store.scenes)}", leave


def register(app: Dash, store: DataStore) -> None:
    t = translator()
    view = Input(ID.VIEW, "data")

    @app.callback(Output(ID.MAP, "figure"), view, prevent_initial_call=True)
    @never_fail
    def update_map(data):
        state = from_dict(store, data)
        return map_patch(store, state) if state.tab == Tab.MAP else no_update

    @app.callback(
        Output(ID.RANKING, "figure"),
        Output(ID.TREND, "figure"),
        Output(ID.PROFILE, "figure"),
        view,
        prevent_initial_call=True,
    )
    @never_fail
    def update_side_charts(data):
        state = from_dict(store, data)
        return side_charts(store, state) if state.tab == Tab.MAP else (no_update,) * 3

    @app.callback(Output(ID.CHART, "figure"), view, prevent_initial_call=True)
    @never_fail
    def update_chart(data):
        state = from_dict(store, data)
        return chart_for(store, state, state.chart.value) if state.tab == Tab.CHART else no_update

    @app.callback(
        Output(ID.INDICATOR_NOTE, "children"), Output(ID.INDICATOR_NOTE, "className"), view, prevent_initial_call=True
    )
    @never_fail
    def update_note(data):
        current = store.indicators[from_dict(store, data).indicator]
        return indicator_note(current, t), note_class(current)

    @app.callback(
        Output(ID.APP, "className"),
        Output(ID.SCENE_TITLE, "children"),
        Output(ID.SCENE_NOTE, "children"),
        Output(ID.SCENE_POSITION, "children"),
        Output(ID.LEAVE_QUERY, "children"),
        view,
        prevent_initial_call=True,
    )
    @never_fail
    def update_presenter(data):
        return presenter_text(store, from_dict(store, data))

    @app.callback(
        Output(ID.TABLE, "rowData"),
        Output(ID.TABLE, "columnDefs"),
        Output(ID.TABLE_CAPTION, "children"),
        Output(ID.TABLE, "filterModel"),
        Output(ID.TABLE, "dashGridOptions"),
        view,
        State(ID.TABLE, "dashGridOptions"),
        prevent_initial_call=True,
    )
    @never_fail
    def update_table(data, options):
        state = from_dict(store, data)
        if state.tab != Tab.TABLE:
            return (no_update,) * 5
        indicator = store.indicators[state.indicator]
        shown = (options or {}).get("context", {}).get("indicator") if isinstance(options, dict) else None
        if shown == indicator.id:  # same rows: keep the user's sorting and filters
            return (no_update,) * 5
        # another indicator: its rows, with filters cleared (a year filter could hide every row)
        return (
            table_rows(store, indicator, t),
            column_defs(indicator, t),
            caption(indicator, t),
            {},
            grid_options(indicator),
        )

    @app.callback(Output(ID.SOURCES, "children"), view, prevent_initial_call=True)
    @never_fail
    def update_sources(data):
        state = from_dict(store, data)
        return sources_panel(store, store.indicators[state.indicator], t) if state.tab == Tab.SOURCES else no_update
