"""Callbacks that redraw: the map (a small ``dash.Patch``), the charts, and the notes about the data."""
from __future__ import annotations

from dash import Dash, Input, Output, Patch, no_update

from ..data import DataStore
from ..figures import SCREEN, apply_updates, chart_figure, map_updates
from ..i18n import translator
from ..layout.common import indicator_note, note_class
from ..layout.ids import ID
from ..state import Chart, Tab, clean_state
from .safety import never_fail

VIEW_INPUTS = (Input(ID.INDICATOR, "value"), Input(ID.YEAR, "value"), Input(ID.DISTRICT, "value"),
               Input(ID.TABS, "value"))


def map_patch(store: DataStore, indicator, year, district) -> Patch:
    """Only what changes on the map (colours, hover, outline, titles): the geometry stays put."""
    state = clean_state(store, indicator, year, district)
    patch = Patch()
    apply_updates(patch, map_updates(store, state.indicator, state.year, state.district, translator(), SCREEN))
    return patch


def register(app: Dash, store: DataStore) -> None:
    t = translator()

    @app.callback(Output(ID.MAP, "figure"), *VIEW_INPUTS, prevent_initial_call=True)
    @never_fail
    def update_map(indicator, year, district, tab):
        if tab != Tab.MAP:
            return no_update
        return map_patch(store, indicator, year, district)

    @app.callback(Output(ID.RANKING, "figure"), Output(ID.TREND, "figure"), Output(ID.PROFILE, "figure"),
                  *VIEW_INPUTS, prevent_initial_call=True)
    @never_fail
    def update_side_charts(indicator, year, district, tab):
        if tab != Tab.MAP:
            return no_update, no_update, no_update
        state = clean_state(store, indicator, year, district)
        return tuple(chart_figure(kind, store, state.indicator, state.year, state.district, t, SCREEN)
                     for kind in (Chart.RANKING, Chart.TREND, Chart.PROFILE))

    @app.callback(Output(ID.CHART, "figure"), Input(ID.CHART_KIND, "value"), *VIEW_INPUTS, prevent_initial_call=True)
    @never_fail
    def update_chart(kind, indicator, year, district, tab):
        if tab != Tab.CHART:
            return no_update
        state = clean_state(store, indicator, year, district, chart=kind)
        return chart_figure(state.chart.value, store, state.indicator, state.year, state.district, t, SCREEN)

    @app.callback(Output(ID.INDICATOR_NOTE, "children"), Output(ID.INDICATOR_NOTE, "className"),
                  Input(ID.INDICATOR, "value"), prevent_initial_call=True)
    @never_fail
    def update_note(indicator):
        current = store.indicators[clean_state(store, indicator, None).indicator]
        return indicator_note(current, t), note_class(current)
