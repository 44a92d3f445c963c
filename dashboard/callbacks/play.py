"""Play: the year slider animates through the years with no server round trip per frame.

One request (on the click) fetches the map's updates for every year of the indicator; a
clientside timer (``assets/dashboard.js``) then applies them frame by frame. While playing, the
slider's year is not "committed", so no server callback runs; the last year is committed once.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Dash, Input, Output, State

from ..data import DataStore
from ..figures.diff import figure_diff
from ..figures.keys import MAP
from ..figures.map import compact, map_updates
from ..layout.ids import ID
from ..layout.placement import Viewport, figure_context
from ..state import from_dict
from .drawing import labels_shown
from .rendering import Renderer
from .safety import guarded


def play_frames(
    store: DataStore, renderer: Renderer, view_data: object, viewport: object, timer_disabled: object, clicks: object
) -> dict:
    """Every year's map updates for the current view, or ``{"stop": True}`` to stop playing.

    In change mode the years after ``from`` are played, each as the change since ``from``.
    """
    state = from_dict(store, view_data)
    years = tuple(y for y in store.years(state.indicator) if state.from_year is None or y > state.from_year)
    if timer_disabled is False or len(years) < 2:
        return {"stop": True, "nonce": clicks}
    size = Viewport.from_store(viewport)
    state = replace(state, labels=labels_shown(state, size))
    context = figure_context(MAP, state, size)
    # The first frame sets everything that depends on the view; each later one only what changed.
    frames = {str(years[0]): compact(map_updates(store, replace(state, year=years[0]), context))}
    for previous, year in zip(years, years[1:]):
        old = renderer.figure(MAP, replace(state, year=previous), context)
        frames[str(year)] = figure_diff(old, renderer.figure(MAP, replace(state, year=year), context))
    return {"indicator": state.indicator, "years": list(years), "frames": frames, "nonce": clicks}


def register(app: Dash, store: DataStore, renderer: Renderer) -> None:
    @app.callback(
        Output(ID.PLAY_FRAMES, "data"),
        Input(ID.PLAY, "n_clicks"),
        State(ID.VIEW, "data"),
        State(ID.VIEWPORT, "data"),
        State(ID.PLAY_TIMER, "disabled"),
        prevent_initial_call=True,
    )
    @guarded()
    def fetch_frames(clicks, view_data, viewport, disabled):
        return play_frames(store, renderer, view_data, viewport, disabled, clicks)

    app.clientside_callback(
        ClientsideFunction("khatlon", "startOrStop"),
        Output(ID.PLAY_TIMER, "disabled"),
        Output(ID.YEAR, "value", allow_duplicate=True),
        Output(ID.MAP, "figure", allow_duplicate=True),
        Output(ID.PLAY, "children"),
        Output(ID.YEAR_COMMITTED, "data", allow_duplicate=True),
        Input(ID.PLAY_FRAMES, "data"),
        State(ID.YEAR, "value"),
        State(ID.MAP, "figure"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("khatlon", "tick"),
        Output(ID.YEAR, "value", allow_duplicate=True),
        Output(ID.MAP, "figure", allow_duplicate=True),
        Output(ID.PLAY_TIMER, "disabled", allow_duplicate=True),
        Output(ID.YEAR_COMMITTED, "data", allow_duplicate=True),
        Output(ID.PLAY, "children", allow_duplicate=True),
        Input(ID.PLAY_TIMER, "n_intervals"),
        State(ID.PLAY_FRAMES, "data"),
        State(ID.YEAR, "value"),
        State(ID.MAP, "figure"),
        State(ID.INDICATOR, "value"),
        State(ID.TABS, "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("khatlon", "commitYear"),
        Output(ID.YEAR_COMMITTED, "data"),
        Input(ID.YEAR, "value"),
        State(ID.PLAY_TIMER, "disabled"),
        State(ID.YEAR_COMMITTED, "data"),
        prevent_initial_call=True,
    )
