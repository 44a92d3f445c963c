"""Keeping the URL, the controls and the ``view`` store in step, in both directions.

* The URL changes on load, on Back/Forward and when the keyboard script steps through scenes. A
  clientside router (``assets/dashboard.js``) shows a presenter scene straight from the scene cache
  when it has it (no server, so a lost connection changes nothing); any other URL goes to the
  server through the ``url-request`` store.
* The controls change when the user moves them or clicks the map.

Either way the result is one checked :class:`~dashboard.state.ViewState`, written to the ``view``
store that the drawing callback reads. The language switch rebuilds ``app-root`` as a whole.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from ..data import DataStore
from ..figures import RenderContext
from ..layout.controls import brief_href, show_options, show_value, year_props
from ..layout.header import notice_text
from ..layout.ids import ID
from ..layout.page import PageUrls, can_play, page_content
from ..layout.placement import Viewport
from ..state import ViewState, clean_language, clean_state, clean_unit, from_dict, parse_query
from .safety import guarded

ON = ["on"]
OUTPUTS = 26  # of the sync callback
CONTROLS = (
    Input(ID.URL_REQUEST, "data"),
    Input(ID.INDICATOR, "value"),
    Input(ID.YEAR_COMMITTED, "data"),
    Input(ID.DISTRICT, "value"),
    Input(ID.MAP, "clickData"),
    Input(ID.TABS, "value"),
    Input(ID.CHART_KIND, "value"),
    Input(ID.SPOTLIGHT, "value"),
    Input(ID.LABELS, "value"),
    Input(ID.GAP_NEED, "value"),
    Input(ID.GAP_SERVICE, "value"),
    Input(ID.SHOW, "value"),
    Input(ID.TREND_DISTRICTS, "value"),
)


def clicked_unit(store: DataStore, click_data: object) -> str | None:
    """The unit id in a map ``clickData`` (polygon or Bokhtar's point), or ``None``."""
    try:
        point = click_data["points"][0]  # type: ignore[index]
        # a polygon says its location (its customdata holds hover numbers); Bokhtar's point its id
        unit = point.get("location") or point.get("customdata")
        return clean_unit(store, unit) if isinstance(unit, str) else None
    except (TypeError, KeyError, IndexError, AttributeError):
        return None


def next_state(store: DataStore, trigger: str | None, values: dict, previous: ViewState) -> ViewState:
    """The state after one event: the URL wins when it changed, else the control that moved.

    In presenter mode the controls are hidden; only the URL (scene keys) moves the view. A click
    on the selected district deselects it.
    """
    if trigger in (None, ID.URL_REQUEST):
        return parse_query(store, values.get("search"), previous.lang)
    if previous.present:
        return previous
    parts = {
        "indicator": values.get("indicator"),
        "year": values.get("year"),
        "district": values.get("district"),
        "tab": values.get("tab"),
        "chart": values.get("chart"),
        "spotlight": "1" if values.get("spotlight") == ON else "",
        "compare": previous.compare,
        "lang": previous.lang,
        "labels": previous.labels if trigger != ID.LABELS else ("1" if values.get("labels") == ON else "0"),
        "need": values.get("need"),
        "service": values.get("service"),
        "mode": "change" if values.get("show") else "value",
        "from": values.get("show"),
        "districts": values.get("districts") if isinstance(values.get("districts"), list) else [],
    }
    state = replace(clean_state(store, parts, previous.lang), notices=())
    if trigger == ID.MAP:
        clicked = clicked_unit(store, values.get("click"))
        if clicked is not None:
            state = replace(state, selected=None if clicked == previous.selected else clicked)
    return state


def reported_size(request: object, current: object):
    """The window size a URL request carries (the browser sends it when it changed), else no update."""
    if not isinstance(request, dict) or "w" not in request:
        return no_update
    size = Viewport.from_store(request)
    data = {"w": size.width, "h": size.height} if size.width else None
    return data if data != current else no_update


def _changed(new, old):
    return new if new != old else no_update


def _notice_hidden(state: ViewState, previous: ViewState, from_url: bool):
    """Show a notice for a URL value not understood; hide it on any change of view.

    The same view asked again (the cleaned URL written back, a phone reporting its window size)
    leaves the notice as it is.
    """
    if state.notices:
        return False
    return no_update if from_url and state == previous else True


def register(app: Dash, store: DataStore, urls: PageUrls) -> None:
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
        Output(ID.LABELS, "value"),
        Output(ID.PLAY, "disabled"),
        Output(ID.VIEW, "data"),
        Output(ID.NOTICE_TEXT, "children"),
        Output(ID.NOTICE, "hidden"),
        Output(ID.VIEWPORT, "data"),
        Output(ID.LANGUAGE, "value"),
        Output(ID.GAP_NEED, "value"),
        Output(ID.GAP_SERVICE, "value"),
        Output(ID.SHOW, "options"),
        Output(ID.SHOW, "value"),
        Output(ID.TREND_DISTRICTS, "value"),
        Output(ID.TREND_DISTRICTS_BOX, "hidden"),
        Output(ID.BRIEF_LINK, "href"),
        Output(ID.BRIEF_LINK, "hidden"),
        *CONTROLS,
        State(ID.VIEW, "data"),
        State(ID.YEAR, "value"),
        State(ID.VIEWPORT, "data"),
        State(ID.PAGE_LANGUAGE, "data"),
        prevent_initial_call=True,
    )
    @guarded(no_update_count=OUTPUTS)
    def sync_url_and_controls(
        search,
        indicator,
        year,
        district,
        click,
        tab,
        chart,
        spotlight,
        labels,
        need,
        service,
        show,
        districts,
        view,
        slider,
        viewport,
        page_language,
    ):
        if len(ctx.triggered) > 1:  # controls of a page drawn again (language switch): nothing moved
            return (no_update,) * OUTPUTS
        trigger = ctx.triggered_id
        previous = from_dict(store, view)
        values = {
            "search": search.get("search") if isinstance(search, dict) else None,
            "indicator": indicator,
            "year": year,
            "district": district,
            "click": click,
            "tab": tab,
            "chart": chart,
            "spotlight": spotlight,
            "labels": labels,
            "need": need,
            "service": service,
            "show": show,
            "districts": districts,
        }
        state = next_state(store, trigger, values, previous)
        from_url = trigger in (None, ID.URL_REQUEST)
        query = state.to_query()
        write_url = (not from_url and state != previous) or (from_url and query != values["search"])
        years = year_props(store, state.indicator)
        data = {**state.to_dict(), "query": query}
        return (
            query if write_url else no_update,
            _changed(state.indicator, indicator),
            _changed(state.year, slider),
            *(
                (years["min"], years["max"], years["marks"], years["disabled"])
                if state.indicator != previous.indicator or from_url
                else (no_update,) * 4
            ),
            _changed(state.selected, district),
            _changed(state.tab.value, tab),
            _changed(state.chart.value, chart),
            _changed(ON if state.spotlight else [], spotlight if isinstance(spotlight, list) else None),
            _changed([] if state.labels is False else ON, labels if isinstance(labels, list) else None),
            not can_play(store, state),
            data if state != previous or (isinstance(view, dict) and view.get("query") != query) else no_update,
            notice_text(state.notices, RenderContext(state.lang)) if state.notices else no_update,
            _notice_hidden(state, previous, from_url),
            reported_size(search, viewport),
            # a URL in another language (Back across a language switch): the switch redraws the page
            state.lang if from_url and state.lang != page_language else no_update,
            _changed(state.need, need),
            _changed(state.service, service),
            show_options(store, state.indicator, state.year, RenderContext(state.lang))
            if (state.indicator, state.year) != (previous.indicator, previous.year) or from_url
            else no_update,
            _changed(show_value(state), show),
            _changed(list(state.districts), districts),
            state.chart.value != "trend" if state.chart != previous.chart or from_url else no_update,
            brief_href(state)
            if (state.selected, state.lang) != (previous.selected, previous.lang) or from_url
            else no_update,
            not state.selected if state.selected != previous.selected or from_url else no_update,
        )

    @app.callback(
        Output(ID.ROOT, "children"),
        Input(ID.LANGUAGE, "value"),
        State(ID.VIEW, "data"),
        State(ID.VIEWPORT, "data"),
        State(ID.PAGE_LANGUAGE, "data"),
        prevent_initial_call=True,
    )
    @guarded()
    def switch_language(language, view, viewport, page_language):
        """The whole page again in the new language (the view kept); the browser then writes its URL."""
        previous = from_dict(store, view)
        state = replace(previous, lang=clean_language(language, previous.lang))
        if state.lang == page_language:
            return no_update
        context = RenderContext(state.lang)
        return page_content(store, state, context, urls, state.to_query(), Viewport.from_store(viewport))

    app.clientside_callback(  # also on load: a page drawn for another URL (no Referer) asks again
        ClientsideFunction("khatlon", "route"),
        Output(ID.URL_REQUEST, "data"),
        Input(ID.URL, "search"),
        State(ID.VIEW, "data"),
        State(ID.SCENE_CACHE, "data"),
    )
    app.clientside_callback(  # on load and after a language switch: <html lang>, and the URL says the language
        ClientsideFunction("khatlon", "setLanguage"),
        Output(ID.LANGUAGE_SINK, "title"),
        Input(ID.PAGE_LANGUAGE, "data"),
        State(ID.VIEW, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("khatlon", "closeNotice"),
        Output(ID.NOTICE, "hidden"),
        Input(ID.NOTICE_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
