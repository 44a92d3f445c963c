"""The one drawing callback: from the ``view`` store to everything on screen, in one round trip.

Only what is visible is computed: the open tab's figures, or in presenter mode the stage. The map
gets a small ``dash.Patch`` (values, colours, hover template: never the geometry). On entering
presenter mode the answer also carries every scene (the scene cache), so that stepping through the
storyboard needs no server at all.
"""

from __future__ import annotations

from dataclasses import replace

from dash import Dash, Input, Output, State, no_update

from ..data import DataStore
from ..figures import RenderContext
from ..layout.common import indicator_note, note_class
from ..layout.ids import ID
from ..layout.page import PageUrls
from ..layout.sources import sources_panel
from ..layout.stage import stage_content
from ..layout.table import caption, table_body, table_options, year_options
from ..state import Tab, ViewState, from_dict, scene_state
from .rendering import Renderer, Viewport, context_for, visible_charts
from .safety import guarded

SCREEN_OUTPUTS = (
    Output(ID.MAP, "figure"),
    Output(ID.RANKING, "figure"),
    Output(ID.TREND, "figure"),
    Output(ID.PROFILE, "figure"),
    Output(ID.CHART, "figure"),
    Output(ID.TABLE_CAPTION, "children"),
    Output(ID.TABLE, "children"),
    Output(ID.TABLE_YEAR, "options"),
    Output(ID.TABLE_YEAR, "value"),
    Output(ID.SOURCES, "children"),
    Output(ID.INDICATOR_NOTE, "children"),
    Output(ID.INDICATOR_NOTE, "className"),
    Output(ID.NOTICE, "hidden"),
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
        self.renderer = Renderer(store)

    def screen(self, view: ViewState, ctx: RenderContext) -> tuple:
        store, renderer, skip = self.store, self.renderer, no_update
        indicator = store.indicators[view.indicator]
        charts = visible_charts(view)
        on_map = view.tab == Tab.MAP
        table = view.tab == Tab.TABLE
        options = table_options(view, view.year, "", None)
        return (
            renderer.map_patch(view, ctx) if on_map else skip,
            *(renderer.chart(kind, view, ctx) if on_map else skip for kind in ("ranking", "trend", "profile")),
            renderer.chart(charts[0], view, ctx) if view.tab == Tab.CHART else skip,
            caption(store, view, ctx) if table else skip,
            table_body(store, view, options, ctx) if table else skip,
            year_options(store, view, ctx) if table else skip,
            view.year if table else skip,
            sources_panel(store, indicator, ctx) if view.tab == Tab.SOURCES else skip,
            indicator_note(store, indicator, ctx),
            note_class(store, indicator),
            True,
        )

    def stage(self, view: ViewState, ctx: RenderContext) -> dict:
        """What the presenter's stage shows for one view (also a scene cache entry)."""
        return stage_content(self.store, view, ctx, self.urls.geojson, self.renderer.chart)

    def scene_cache(self, view: ViewState, viewport: Viewport) -> dict:
        """Every scene's stage, for this language and screen size."""
        scenes = {}
        for number in range(1, len(self.store.scenes) + 1):
            scene = scene_state(self.store, number, view.lang)
            scene = replace(scene, labels=labels_shown(scene, viewport))
            scenes[str(number)] = self.stage(scene, context_for(scene, viewport))
        return {"key": cache_key(self.store, view, viewport), "language": view.lang, "scenes": scenes}


def cache_key(store: DataStore, view: ViewState, viewport: Viewport) -> str:
    return f"{store.version}|{view.lang}|{viewport.width}x{viewport.height}"


def register(app: Dash, store: DataStore, urls: PageUrls) -> Drawing:
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
        prevent_initial_call=True,
    )
    @guarded(no_update_count=len(outputs))
    def draw(data, viewport_data, cached_key):
        viewport = Viewport.from_store(viewport_data)
        view = from_dict(store, data)
        view = replace(view, labels=labels_shown(view, viewport))
        ctx = context_for(view, viewport)
        if not view.present:
            return (*drawing.screen(view, ctx), "app", *(no_update,) * (len(PRESENTER_OUTPUTS) - 1))
        stage = drawing.stage(view, ctx)
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
