"""One callback keeps the URL, the controls and the ``view`` store in step, in both directions.

The URL changes when the page loads, on back/forward, and when the keyboard script steps through
scenes; the controls change when the user moves them or clicks the map. Either way the result is
one checked :class:`~dashboard.state.ViewState`, written to the ``view`` store that every drawing
callback reads.
"""

from __future__ import annotations

from dataclasses import replace

from dash import Dash, Input, Output, State, ctx, no_update

from ..data import DataStore
from ..layout.controls import year_props
from ..layout.ids import ID
from ..state import Tab, ViewState, clean_district, clean_state, from_dict, parse_query
from .safety import never_fail

SPOTLIGHT_ON = ["on"]


def clicked_district(store: DataStore, click_data: object) -> str | None:
    """The district id in a map ``clickData`` (polygon or Bokhtar's point), or ``None``."""
    try:
        point = click_data["points"][0]  # type: ignore[index]
        return clean_district(store, point.get("customdata") or point.get("location"))
    except (TypeError, KeyError, IndexError, AttributeError):
        return None


def can_play(store: DataStore, state: ViewState) -> bool:
    """Play animates the map: only on the Map tab, outside presenter mode, with two years or more."""
    return state.tab == Tab.MAP and not state.present and len(store.years(state.indicator)) > 1


def next_state(
    store: DataStore,
    trigger: str | None,
    search: object,
    indicator: object,
    year: object,
    district: object,
    click: object,
    tab: object,
    chart: object,
    spotlight: object = None,
    previous: ViewState | None = None,
) -> ViewState:
    """The state after one event: the URL wins when it changed, else the control that moved.

    In presenter mode the controls are hidden; only the URL (scene keys) moves the view.
    """
    if trigger in (None, ID.URL):
        return parse_query(store, search)
    if previous is not None and previous.present:
        return previous
    on = isinstance(spotlight, list) and "on" in spotlight
    compare = previous.compare if previous is not None else None
    state = clean_state(store, indicator, year, district, tab, chart, on, compare)
    if trigger == ID.MAP:
        chosen = clicked_district(store, click) or state.district
        state = replace(state, district=chosen)
    return state


def register(app: Dash, store: DataStore) -> None:
    @app.callback(
        Output(ID.URL, "search"),
        Output(ID.INDICATOR, "value"),
        Output(ID.YEAR, "value"),
        Output(ID.YEAR, "min"),
        Output(ID.YEAR, "max"),
        Output(ID.YEAR, "marks"),
        Output(ID.YEAR, "disabled"),
        Output(ID.DISTRICT, "value"),
        Output(ID.TABS, "value"),
        Output(ID.CHART_KIND, "value"),
        Output(ID.SPOTLIGHT, "value"),
        Output(ID.PLAY, "disabled"),
        Output(ID.VIEW, "data"),
        Input(ID.URL, "search"),
        Input(ID.INDICATOR, "value"),
        Input(ID.YEAR_COMMITTED, "data"),
        Input(ID.DISTRICT, "value"),
        Input(ID.MAP, "clickData"),
        Input(ID.TABS, "value"),
        Input(ID.CHART_KIND, "value"),
        Input(ID.SPOTLIGHT, "value"),
        State(ID.VIEW, "data"),
        State(ID.YEAR, "value"),
    )
    @never_fail
    def sync_url_and_controls(search, indicator, year, district, click, tab, chart, spotlight, view, slider_year):
        trigger = ctx.triggered_id
        previous = from_dict(store, view)
        state = next_state(store, trigger, search, indicator, year, district, click, tab, chart, spotlight, previous)

        def changed(new, old):
            return new if new != old else no_update

        from_url = trigger in (None, ID.URL)
        query = state.to_query()
        # A control moved: record the new view. A presenter URL with junk (scene=3.5, present=true):
        # write the canonical one, so that the keyboard script reads the scene actually shown.
        write_url = (not from_url and state != previous) or (from_url and state.present and query != search)
        years = year_props(store, state.indicator)
        return (
            query if write_url and query != search else no_update,
            changed(state.indicator, indicator),
            changed(state.year, slider_year),
            *(
                (years["min"], years["max"], years["marks"], years["disabled"])
                if state.indicator != indicator or from_url
                else (no_update,) * 4
            ),
            changed(state.district, district),
            changed(state.tab.value, tab),
            changed(state.chart.value, chart),
            changed(SPOTLIGHT_ON if state.spotlight else [], spotlight if isinstance(spotlight, list) else None),
            can_play(store, state) is False,
            changed(state.to_dict(), view),
        )
