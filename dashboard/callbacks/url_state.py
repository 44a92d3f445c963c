"""One callback keeps the URL and the controls in step (both ways), map clicks included."""
from __future__ import annotations

from dataclasses import replace

from dash import Dash, Input, Output, ctx, no_update

from ..data import DataStore
from ..layout.controls import year_props
from ..layout.ids import ID
from ..state import ViewState, clean_district, clean_state, parse_query
from .safety import never_fail


def clicked_district(store: DataStore, click_data: object) -> str | None:
    """The district id in a map ``clickData`` (polygon or Bokhtar's point), or ``None``."""
    try:
        point = click_data["points"][0]  # type: ignore[index]
        return clean_district(store, point.get("customdata") or point.get("location"))
    except (TypeError, KeyError, IndexError, AttributeError):
        return None


def next_state(store: DataStore, trigger: str | None, search: object, indicator: object, year: object,
               district: object, click: object, tab: object, chart: object) -> ViewState:
    """The state after one event: the URL wins when it changed, else the control that moved."""
    if trigger in (None, ID.URL):
        return parse_query(store, search)
    state = clean_state(store, indicator, year, district, tab, chart)
    if trigger == ID.MAP:
        return replace(state, district=clicked_district(store, click) or state.district)
    return state


def register(app: Dash, store: DataStore) -> None:
    @app.callback(
        Output(ID.URL, "search"),
        Output(ID.INDICATOR, "value"),
        Output(ID.YEAR, "value"),
        Output(ID.YEAR, "min"), Output(ID.YEAR, "max"), Output(ID.YEAR, "marks"), Output(ID.YEAR, "disabled"),
        Output(ID.DISTRICT, "value"),
        Output(ID.TABS, "value"),
        Output(ID.CHART_KIND, "value"),
        Input(ID.URL, "search"),
        Input(ID.INDICATOR, "value"),
        Input(ID.YEAR, "value"),
        Input(ID.DISTRICT, "value"),
        Input(ID.MAP, "clickData"),
        Input(ID.TABS, "value"),
        Input(ID.CHART_KIND, "value"),
    )
    @never_fail
    def sync_url_and_controls(search, indicator, year, district, click, tab, chart):
        trigger = ctx.triggered_id
        state = next_state(store, trigger, search, indicator, year, district, click, tab, chart)

        def changed(new, old):
            return new if new != old else no_update

        years = year_props(store, state.indicator)
        year_changed = state.indicator != indicator or trigger in (None, ID.URL)
        query = state.to_query()
        return (
            no_update if trigger in (None, ID.URL) or query == search else query,
            changed(state.indicator, indicator),
            changed(state.year, year),
            *((years["min"], years["max"], years["marks"], years["disabled"]) if year_changed else (no_update,) * 4),
            changed(state.district, district),
            changed(state.tab.value, tab),
            changed(state.chart.value, chart),
        )
