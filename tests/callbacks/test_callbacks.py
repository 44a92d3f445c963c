"""Callbacks called over HTTP without a browser: results, answer sizes, hidden tabs, and bad inputs.

The ``no_callback_errors`` fixture (conftest) fails any test during which a callback logged an
error: a crash the safety wrapper turned into "no update" still fails here.
"""

from __future__ import annotations

import gzip
import json

import pytest

from dashboard.state import Chart, Tab, ViewState

SYNC = [
    "url.search",
    "indicator.value",
    "year.value",
    "year.min",
    "year.max",
    "year.marks",
    "year.disabled",
    "district.value",
    "tabs.value",
    "chart-kind.value",
    "spotlight.value",
    "labels.value",
    "play.disabled",
    "view.data",
    "notice-text.children",
    "notice.hidden",
    "viewport.data",
    "language.value",
    "gap-need.value",
    "gap-service.value",
    "show.options",
    "show.value",
    "trend-districts.value",
    "trend-districts-box.hidden",
    "brief-link.href",
    "brief-link.hidden",
]
DRAW = [
    "figure-updates.data",
    "drawn.data",
    "table-caption.children",
    "table.children",
    "table-year.options",
    "table-year.value",
    "sources.children",
    "indicator-note.children",
    "indicator-note.className",
    "cite-text.children",
    "app.className",
    "scene-title.children",
    "scene-note.children",
    "scene-position.children",
    "leave-query.children",
    "data-status.hidden",
    "stage.className",
    "stage-map.figure",
    "stage-ranking.figure",
    "stage-chart.figure",
    "stage-panel.children",
    "scene-cache.data",
    "scene-cache-key.data",
]
DEFAULT = ViewState(
    "hh_member_abroad_pct", 2024, need="children_parent_abroad_pct", service="coverage_psychosocial_pct"
)
CONTROLS = {
    "url-request.data": None,
    "indicator.value": "hh_member_abroad_pct",
    "year-committed.data": 2024,
    "year.value": 2024,
    "district.value": None,
    "map.clickData": None,
    "tabs.value": "map",
    "chart-kind.value": "ranking",
    "spotlight.value": [],
    "labels.value": ["on"],
    "gap-need.value": DEFAULT.need,
    "gap-service.value": DEFAULT.service,
    "show.value": "",
    "trend-districts.value": [],
    "view.data": {**DEFAULT.to_dict(), "query": DEFAULT.to_query()},
    "viewport.data": None,
    "page-language.data": "en",
}


def view(**changes) -> dict:
    enums = {"tab": Tab, "chart": Chart}
    changes = {k: enums[k](v) if k in enums else v for k, v in changes.items()}
    state = ViewState(**{**DEFAULT.__dict__, **changes, "notices": ()})
    return {"view.data": {**state.to_dict(), "query": state.to_query()}, "viewport.data": {"w": 1920, "h": 1080}}


def body_of(response) -> dict:
    raw = gzip.decompress(response.data) if response.headers.get("Content-Encoding") == "gzip" else response.data
    return json.loads(raw) if raw else {}


def sync(callbacks, changed: str, expect: int = 200, **inputs) -> dict:
    """The sync callback's answer; ``expect=204`` only where "no update" is the intended answer."""
    response = callbacks.call(SYNC, {**CONTROLS, **inputs}, [changed])
    assert response.status_code == expect
    return body_of(response).get("response", {})


def draw(callbacks, drawn=None, **changes):
    return callbacks.call(DRAW, {**view(**changes), "drawn.data": drawn}, ["view.data"])


def test_a_url_in_another_language_switches_the_page(callbacks) -> None:
    """Back across a language switch: the URL says ru, the page is in en, so the switch is set to ru."""
    body = sync(callbacks, "url-request.data", **{"url-request.data": {"search": "?lang=ru", "n": 2}})
    assert body["language"]["value"] == "ru"
    same = sync(callbacks, "url-request.data", **{"url-request.data": {"search": "?lang=en", "n": 3}})
    assert "language" not in same


def test_url_drives_the_controls(callbacks) -> None:
    search = "?indicator=population&year=2020&district=Jilikul&tab=chart&chart=profile"
    body = sync(callbacks, "url-request.data", **{"url-request.data": {"search": search, "n": 1}})
    assert body["indicator"]["value"] == "population"
    assert body["year"] == {
        "value": 2020,
        "min": 2019,
        "max": 2020,
        "marks": {"2020": {"label": "2020"}},
        "disabled": True,
    }
    assert body["district"]["value"] == "dusti"
    assert body["tabs"]["value"] == "chart" and body["chart-kind"]["value"] == "profile"
    assert body["view"]["data"]["indicator"] == "population" and body["view"]["data"]["lang"] == "en"
    assert body["url"]["search"].endswith("&lang=en")  # the canonical form of the address


def test_a_control_change_writes_the_url_and_hides_the_notice(callbacks) -> None:
    body = sync(callbacks, "district.value", **{"district.value": "kulob"})
    assert (
        body["url"]["search"]
        == "?indicator=hh_member_abroad_pct&year=2024&district=kulob&tab=map&chart=ranking&lang=en"
    )
    assert body["view"]["data"]["selected"] == "kulob" and body["notice"]["hidden"] is True


def test_a_map_click_selects_and_a_second_click_deselects(callbacks) -> None:
    click = {"points": [{"location": "jayhun", "customdata": "jayhun"}]}
    body = sync(callbacks, "map.clickData", **{"map.clickData": click})
    assert body["district"]["value"] == "jayhun" and "district=jayhun" in body["url"]["search"]
    selected = {**CONTROLS["view.data"], "selected": "jayhun"}
    again = sync(
        callbacks, "map.clickData", **{"map.clickData": click, "view.data": selected, "district.value": "jayhun"}
    )
    assert again["district"]["value"] is None and "district" not in again["url"]["search"]


def test_an_address_not_understood_gets_a_notice(callbacks) -> None:
    body = sync(
        callbacks, "url-request.data", **{"url-request.data": {"search": "?district=Atlantis&year=1850", "n": 2}}
    )
    assert body["notice"]["hidden"] is False
    text = body["notice-text"]["children"]
    assert "District 'Atlantis' not found — showing all of Khatlon." in text and "Year '1850'" in text
    assert "district" not in body["url"]["search"]  # the address shows what is shown: all of Khatlon


def test_the_window_size_comes_with_a_url_request(callbacks) -> None:
    request = {"search": "?present=1&scene=2", "n": 5, "w": 1280, "h": 720}
    body = sync(callbacks, "url-request.data", **{"url-request.data": request})
    assert body["viewport"]["data"] == {"w": 1280, "h": 720}
    same = sync(callbacks, "url-request.data", **{"url-request.data": request, "viewport.data": {"w": 1280, "h": 720}})
    assert "viewport" not in same


def test_presenter_url_applies_the_scene_in_its_language(callbacks, store) -> None:
    body = sync(callbacks, "url-request.data", **{"url-request.data": {"search": "?present=1&scene=6&lang=ru", "n": 3}})
    scene, data = store.scenes[5], body["view"]["data"]
    assert (data["present"], data["scene"], data["indicator"], data["chart"]) == (True, 6, scene.indicator, scene.chart)
    assert (data["selected"], data["spotlight"], data["compare"], data["lang"]) == ("dusti", True, "kulob", "ru")


def test_controls_cannot_move_a_presentation(callbacks) -> None:
    presenting = {**CONTROLS["view.data"], "present": True, "scene": 2}
    body = sync(callbacks, "district.value", **{"view.data": presenting, "district.value": "panj"})
    assert "url" not in body and body.get("district", {}).get("value") != "panj"


def test_an_indicator_change_sends_only_what_changed_and_little(app, callbacks, store) -> None:
    from dashboard.layout.page import drawn_keys
    from dashboard.layout.placement import Viewport

    drawn = drawn_keys(store, DEFAULT, Viewport(1920, 1080))
    response = callbacks.call(
        DRAW,
        {**view(indicator="coverage_medical_pct", labels=True), "drawn.data": drawn},
        ["view.data"],
        compressed=True,
    )
    updates = body_of(response)["response"]["figure-updates"]["data"]
    assert set(updates) == {"map", "ranking", "trend"}  # the profile does not depend on the indicator
    assert all("pairs" in u for u in updates.values())  # changes only: never a whole figure again
    assert not any("geojson" in pair[0] or "locations" in pair[0] for pair in updates["map"]["pairs"])
    assert len(json.dumps(updates["map"], ensure_ascii=False).encode()) <= 2_000
    assert len(response.data) <= 2_800  # compressed bytes of the whole answer (all figures, the note)


def test_a_district_click_sends_only_what_changed_and_little(callbacks, store) -> None:
    """The district's lines are added to the trend and profile, Khatlon's stay; the note is not sent again."""
    from dashboard.figures import chart_figure
    from dashboard.figures.diff import apply_pairs
    from dashboard.figures.keys import parse_key
    from dashboard.layout.page import drawn_keys
    from dashboard.layout.placement import Viewport

    drawn = drawn_keys(store, ViewState("hh_member_abroad_pct", 2024, labels=True), Viewport(1920, 1080))
    response = callbacks.call(
        DRAW, {**view(selected="kulob", labels=True), "drawn.data": drawn}, ["view.data"], compressed=True
    )
    answer = body_of(response)["response"]
    assert "indicator-note" not in answer  # same indicator, same language
    changed = answer["drawn"]["data"]["operations"][0]["params"]["value"]  # a Patch of the changed keys only
    assert set(changed) == {"map", "ranking", "trend", "profile"}
    updates = answer["figure-updates"]["data"]
    for graph in ("trend", "profile"):
        paths = [path for path, _ in updates[graph]["pairs"]]
        assert "data" not in paths and "data.0" not in paths, paths  # Khatlon's lines are not sent again
    print("district click answer", len(response.data), "B compressed")
    assert len(response.data) <= 2_800  # compressed bytes of the whole answer
    # applied to the drawn figures, the pairs give exactly the figures drawn for the district
    for graph in ("trend", "profile"):
        (kind, before, ctx), (_, after, _) = parse_key(drawn[graph]), parse_key(changed[graph])
        assert after.selected == "kulob"
        old, new = (json.loads(json.dumps(chart_figure(kind, store, v, ctx))) for v in (before, after))
        assert apply_pairs(old, updates[graph]["pairs"]) == new


@pytest.mark.parametrize("chart", ["ranking", "trend", "profile", "services", "context"])
def test_the_chart_tab_draws_every_kind_in_its_own_graph(callbacks, chart, store) -> None:
    """Ranking, trend and profile also have cards on the Map tab; on the Chart tab they go to #chart."""
    from dashboard.layout.page import drawn_keys
    from dashboard.layout.placement import Viewport

    state = ViewState("coverage_medical_pct", 2022, "dusti", tab=Tab.CHART, chart=Chart(chart))
    assert set(drawn_keys(store, state, Viewport(390, 844))) == {"map", "chart", "indicator-note", "cite-text"}
    body = body_of(
        draw(callbacks, indicator="coverage_medical_pct", year=2022, selected="dusti", tab="chart", chart=chart)
    )
    assert set(body["response"]["figure-updates"]["data"]) == {"chart"}


def test_hidden_tabs_are_not_computed(callbacks) -> None:
    body = body_of(draw(callbacks, tab="chart", chart="services"))["response"]
    assert set(body["figure-updates"]["data"]) == {"chart"}
    assert "table" not in body and "sources" not in body and "stage-map" not in body
    assert set(body_of(draw(callbacks, tab="sources"))["response"]) >= {"sources", "indicator-note"}
    table = body_of(draw(callbacks, tab="table", year=2023))["response"]
    assert table["table-year"]["value"] == 2023 and "figure-updates" not in table


def test_the_same_view_sends_no_figure(callbacks, store) -> None:
    from dashboard.layout.page import drawn_keys
    from dashboard.layout.placement import Viewport

    state = ViewState("coverage_medical_pct", 2022, "dusti", labels=True)
    body = body_of(
        callbacks.call(
            DRAW,
            {
                **view(indicator="coverage_medical_pct", year=2022, selected="dusti", labels=True),
                "drawn.data": drawn_keys(store, state, Viewport(1920, 1080)),
            },
            ["view.data"],
        )
    )
    assert "figure-updates" not in body.get("response", {})


def test_presenter_mode_draws_the_stage_and_caches_every_scene(callbacks, store) -> None:
    body = body_of(
        draw(callbacks, present=True, scene=2, indicator=store.scenes[1].indicator, year=store.scenes[1].year)
    )
    response = body["response"]
    assert response["app"]["className"] == "app presenting"
    assert response["scene-title"]["children"] == store.scenes[1].title("en")
    assert response["scene-position"]["children"] == f"2 / {len(store.scenes)}"
    assert response["data-status"]["hidden"] is False and response["stage"]["className"] == "stage stage-map"
    cache = response["scene-cache"]["data"]
    assert set(cache["scenes"]) == {str(n) for n in range(1, len(store.scenes) + 1)}
    assert cache["scenes"]["1"]["hideStatus"] is True  # national figures only: no illustrative mark
    assert cache["scenes"][str(len(store.scenes))]["panel"]  # the Sources scene


def test_data_status_follows_every_scene(callbacks, store) -> None:
    cache = body_of(draw(callbacks, present=True, scene=1))["response"]["scene-cache"]["data"]
    for number, scene in enumerate(store.scenes, start=1):
        entry = cache["scenes"][str(number)]
        illustrative = scene.tab not in ("sources",) and not (scene.tab == "chart" and scene.chart == "context")
        assert entry["hideStatus"] is (not illustrative), number


def test_download_sends_the_rows_shown_from_the_store(callbacks, store) -> None:
    inputs = {
        "download-csv.n_clicks": 1,
        **view(indicator="remittances_pct_gdp"),
        "table-year.value": "all",
        "table-search.value": "",
        "table-sort.data": {"column": "year", "descending": False},
    }
    body = body_of(callbacks.call(["download.data"], inputs, ["download-csv.n_clicks"]))["response"]
    # the national series is not a district indicator: the view falls back to the default one
    payload = body["download"]["data"]
    assert payload["filename"] == "khatlon_hh_member_abroad_pct_ILLUSTRATIVE.csv"
    inputs = {
        **inputs,
        **view(indicator="population", year=2020),
        "table-year.value": 2020,
        "table-search.value": "dus",
    }
    payload = body_of(callbacks.call(["download.data"], inputs, ["download-csv.n_clicks"]))["response"]["download"][
        "data"
    ]
    lines = payload["content"].splitlines()
    assert payload["filename"] == "khatlon_population.csv" and len(lines) == 2
    assert lines[1].startswith("dusti,Dusti,population,Population (1 January 2020 estimate),2020,117100,")
    assert ",official," in lines[1] and ",ok," in lines[1]


def test_table_sorts_and_filters_with_its_own_callback(callbacks, store) -> None:
    outputs = ["table.children", "table-sort.data"]
    inputs = {
        "table-year.value": 2024,
        "table-search.value": "kul",
        "table-sort.data": {"column": "value", "descending": True},
        **view(),
    }
    response = callbacks.call(outputs, inputs, ["table-search.value"])
    text = json.dumps(body_of(response)["response"]["table"]["children"], ensure_ascii=False)
    shown = [unit.unit_id for unit in store.units.values() if f'"children": "{unit.name_en}' in text]
    assert shown == ["kulob"] and '"Kulob (city)"' in text  # the one unit whose name contains "kul"


def test_the_language_switch_draws_the_page_again_keeping_the_view(callbacks) -> None:
    inputs = {"language.value": "ru", **view(selected="dusti", tab="chart", chart="trend")}
    body = body_of(callbacks.call(["app-root.children"], inputs, ["language.value"]))["response"]
    content = body["app-root"]["children"]
    state = content[0]["props"]["data"]
    assert (state["lang"], state["selected"], state["tab"], state["chart"]) == ("ru", "dusti", "chart", "trend")
    assert "Хатлон" in json.dumps(content, ensure_ascii=False)


@pytest.mark.parametrize(
    "bad",
    [
        {"indicator": "'; DROP TABLE"},
        {"year": "yesterday"},
        {"year": [2020]},
        {"selected": {"$ne": 1}},
        {"tab": None},
        {"scene": "-1", "present": True},
        {"compare": "<script>"},
        {"lang": "xx"},
        {"labels": "maybe"},
    ],
)
def test_junk_in_the_view_never_errors(callbacks, bad) -> None:
    data = {**view()["view.data"], **bad}
    response = callbacks.call(
        DRAW, {"view.data": data, "viewport.data": "??", "drawn.data": {"map": "{junk"}}, ["view.data"]
    )
    assert response.status_code == 200
    junk = {
        **CONTROLS,
        "view.data": "junk",
        "map.clickData": "??",
        "chart-kind.value": 5,
        "indicator.value": bad.get("indicator"),
    }
    assert callbacks.call(SYNC, junk, ["indicator.value"]).status_code == 200  # the default view, drawn


def test_security_headers(app) -> None:
    page = app.server.test_client().get("/")
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy and "unsafe-eval" not in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff" and page.headers["Referrer-Policy"] == "same-origin"
    assert (
        page.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        and "camera=()" in page.headers["Permissions-Policy"]
    )
    layout = app.server.test_client().get("/_dash-layout")
    assert "Content-Security-Policy" not in layout.headers and layout.headers["Cache-Control"] == "no-store"
