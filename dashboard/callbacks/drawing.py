"""The one drawing callback: from the ``view`` store to everything on screen, in one round trip.

Only what is visible is computed: the open tab's figures, or in presenter mode the stage. The map
gets a small ``dash.Patch`` (values, colours, hover template: never the geometry). On entering
presenter mode the answer also carries every scene (the scene cache), so that stepping through the
storyboard needs no server at all.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Dash, Input, Output, Patch, State, callback_context, no_update

from ..data import DataStore
from ..figures import RenderContext
from ..figures.keys import visible_figures
from ..layout.common import indicator_note, note_class
from ..layout.ids import ID
from ..layout.page import PageUrls, cite_key, note_key
from ..layout.placement import MAP_TAB_GRAPHS, Viewport, figure_context, graph_for
from ..layout.share import citation
from ..layout.sources import sources_panel
from ..layout.stage import stage_content
from ..layout.table import caption, table_body, table_options, year_options
from ..state import Tab, ViewState, from_dict, scene_state
from .rendering import Renderer
from .safety import guarded

SCREEN_OUTPUTS = (
    Output(ID.FIGURE_UPDATES, "data"),
    Output(ID.DRAWN, "data"),
    Output(ID.TABLE_CAPTION, "children"),
    Output(ID.TABLE, "children"),
    Output(ID.TABLE_YEAR, "options"),
    Output(ID.TABLE_YEAR, "value"),
    Output(ID.SOURCES, "children"),
    Output(ID.INDICATOR_NOTE, "children"),
    Output(ID.INDICATOR_NOTE, "className"),
    Output(ID.CITE, "children"),
)
PRESENTER_OUTPUTS = (
    Output(ID.APP, "className"),
    Output(ID.SCENE_TITLE, "children"),
    Output(ID.SCENE_NOTE, "children"),
    Output(ID.SCENE_POSITION, "children"),
    Output(ID.LEAVE_QUERY, "children"),
    Output(ID.DATA_STATUS, "hidden"),
    Output(ID.STAGE, "className"),
    Output(ID.STAGE_MAP, "figure"),
    Output(ID.STAGE_RANKING, "figure"),
    Output(ID.STAGE_CHART, "figure"),
    Output(ID.STAGE_PANEL, "children"),
    Output(ID.SCENE_CACHE, "data"),
    Output(ID.SCENE_CACHE_KEY, "data"),
)


def labels_shown(view: ViewState, viewport: Viewport) -> bool:
    """District names on the map: as asked in the URL, else in presenter mode and on wide screens."""
    return view.labels if view.labels is not None else (view.present or viewport.wide)


class Drawing:
    """Builds the callback's answers for one store (figures cached by :class:`Renderer`)."""

    def __init__(self, store: DataStore, urls: PageUrls) -> None:
        self.store = store
        self.urls = urls
        self.renderer = Renderer(store, urls.geojson)

    def figure_updates(self, view: ViewState, viewport: Viewport, drawn: object) -> tuple[dict, dict]:
        """For each figure on screen: what changed since the drawn one (``drawn``: graph id -> key)."""
        drawn = drawn if isinstance(drawn, dict) else {}
        updates, keys = {}, dict(drawn)
        for kind in visible_figures(view):
            graph = graph_for(kind, view)
            ctx = figure_context(kind, view, viewport)
            update, keys[graph] = self.renderer.update(kind, view, ctx, drawn.get(graph))
            if update is not None:
                updates[graph] = update
        return updates, keys

    def screen(self, view: ViewState, viewport: Viewport, drawn: object) -> tuple:
        store, skip = self.store, no_update
        ctx = RenderContext(view.lang)
        indicator = store.indicators[view.indicator]
        table = view.tab == Tab.TABLE
        options = table_options(view, view.year, "", None)
        updates, keys = self.figure_updates(view, viewport, drawn)
        keys[ID.INDICATOR_NOTE.value] = note_key(view)
        keys[ID.CITE.value] = cite_key(store, view)
        new_note = not isinstance(drawn, dict) or drawn.get(ID.INDICATOR_NOTE.value) != keys[ID.INDICATOR_NOTE.value]
        new_cite = not isinstance(drawn, dict) or drawn.get(ID.CITE.value) != keys[ID.CITE.value]
        return (
            updates or skip,
            drawn_update(keys, drawn),
            caption(store, view, ctx) if table else skip,
            table_body(store, view, options, ctx) if table else skip,
            year_options(store, view, ctx) if table else skip,
            view.year if table else skip,
            sources_panel(store, indicator, ctx) if view.tab == Tab.SOURCES else skip,
            indicator_note(store, indicator, ctx) if new_note else skip,
            note_class(store, indicator) if new_note else skip,
            citation(store, view, ctx) if new_cite else skip,
        )

    def stage(self, view: ViewState, viewport: Viewport) -> dict:
        """What the presenter's stage shows for one view (also a scene cache entry)."""
        return stage_content(self.store, view, viewport, self.urls.geojson, self.renderer.figure)

    def scene_cache(self, view: ViewState, viewport: Viewport) -> dict:
        """Every scene's stage, for this language and screen size."""
        scenes = {}
        for number in range(1, len(self.store.scenes) + 1):
            scene = scene_state(self.store, number, view.lang)
            scene = replace(scene, labels=labels_shown(scene, viewport))
            scenes[str(number)] = self.stage(scene, viewport)
        return {"key": cache_key(self.store, view, viewport), "language": view.lang, "scenes": scenes}


def drawn_update(keys: dict, drawn: object):
    """The page's record of what it shows: only the keys that changed, as a ``dash.Patch``."""
    if not isinstance(drawn, dict):
        return keys
    changed = {name: key for name, key in keys.items() if drawn.get(name) != key}
    if not changed:
        return no_update
    patch = Patch()
    patch.update(changed)
    return patch


def cache_key(store: DataStore, view: ViewState, viewport: Viewport) -> str:
    width, height = viewport.size(True)
    return f"{store.version}|{view.lang}|{width}x{height}"


def register(app: Dash, store: DataStore, urls: PageUrls) -> Drawing:
    app.clientside_callback(  # the scene cache arrived: fetch the boundaries its maps need, while online
        ClientsideFunction("khatlon", "cacheArrived"),
        Output(ID.CACHE_SINK, "title"),
        Input(ID.SCENE_CACHE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(  # figures arrive whole, or as the path/value pairs that changed: a dash.Patch
        ClientsideFunction("khatlon", "applyFigureUpdates"),
        *(Output(graph, "figure", allow_duplicate=True) for graph in (*MAP_TAB_GRAPHS.values(), ID.CHART, ID.GAP)),
        Input(ID.FIGURE_UPDATES, "data"),
        prevent_initial_call=True,
    )
    drawing = Drawing(store, urls)
    outputs = tuple(
        Output(o.component_id, o.component_property, allow_duplicate=True)
        for o in (*SCREEN_OUTPUTS, *PRESENTER_OUTPUTS)
    )

    @app.callback(
        *outputs,
        Input(ID.VIEW, "data"),
        Input(ID.VIEWPORT, "data"),
        State(ID.SCENE_CACHE_KEY, "data"),
        State(ID.DRAWN, "data"),
        prevent_initial_call=True,
    )
    @guarded(no_update_count=len(outputs))
    def draw(data, viewport_data, cached_key, drawn):
        if isinstance(data, dict) and data.get("fresh") and callback_context.triggered_id == ID.VIEW:
            return (no_update,) * len(outputs)  # a page the server has just drawn for this view
        viewport = Viewport.from_store(viewport_data)
        view = from_dict(store, data)
        view = replace(view, labels=labels_shown(view, viewport))
        if not view.present:
            return (*drawing.screen(view, viewport, drawn), "app", *(no_update,) * (len(PRESENTER_OUTPUTS) - 1))
        stage = drawing.stage(view, viewport)
        key = cache_key(store, view, viewport)
        return (
            *(no_update,) * len(SCREEN_OUTPUTS),
            stage["app"],
            stage["title"],
            stage["note"],
            stage["position"],
            stage["leave"],
            stage["hideStatus"],
            stage["stage"],
            stage["map"] if stage["map"] is not None else no_update,
            stage["ranking"] if stage["ranking"] is not None else no_update,
            stage["chart"] if stage["chart"] is not None else no_update,
            stage["panel"] if stage["panel"] is not None else no_update,
            drawing.scene_cache(view, viewport) if key != cached_key else no_update,
            key,
        )

    return drawing
