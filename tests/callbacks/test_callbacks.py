"""Callbacks called over HTTP without a browser: results, response sizes, and bad inputs."""

from __future__ import annotations

import gzip
import json

import pytest

from dashboard.state import ViewState

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
    "play.disabled",
    "view.data",
]
DEFAULT_VIEW = ViewState("hh_member_abroad_pct", 2024).to_dict()
CONTROLS = {
    "url.search": "",
    "indicator.value": "hh_member_abroad_pct",
    "year-committed.data": 2024,
    "year.value": 2024,
    "district.value": None,
    "map.clickData": None,
    "tabs.value": "map",
    "chart-kind.value": "ranking",
    "spotlight.value": [],
    "view.data": DEFAULT_VIEW,
}


def view(**changes) -> dict:
    return {"view.data": {**DEFAULT_VIEW, **changes}}


def body_of(response) -> dict:
    raw = gzip.decompress(response.data) if response.headers.get("Content-Encoding") == "gzip" else response.data
    return json.loads(raw) if raw else {}


def test_indicator_change_patches_only_the_map_values(callbacks) -> None:
    response = callbacks.call(
        ["map.figure"], view(indicator="coverage_medical_pct", year=2023), ["view.data"], compressed=True
    )
    assert response.status_code == 200
    patch = body_of(response)["response"]["map"]["figure"]
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    paths = [tuple(op["location"]) for op in patch["operations"]]
    assert ("data", 0, "z") in paths and ("data", 0, "hovertext") in paths
    assert not any("geojson" in path or "coordinates" in path for path in paths)
    assert len(response.data) < 6_000  # compressed bytes on the wire (measured ~3 kB)


def test_geometry_is_served_once_and_cached(app) -> None:
    client = app.server.test_client()
    first = client.get("/geo/boundaries.json", headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["Cache-Control"].startswith("public")
    geojson = json.loads(gzip.decompress(first.data))
    assert len(geojson["features"]) == 24
    again = client.get("/geo/boundaries.json", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_url_drives_the_controls(callbacks) -> None:
    inputs = {**CONTROLS, "url.search": "?indicator=population&year=2020&district=Jilikul&tab=chart&chart=profile"}
    body = callbacks.call(SYNC, inputs, ["url.search"]).get_json()["response"]
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
    assert body["view"]["data"]["indicator"] == "population"
    assert "url" not in body  # the URL is not rewritten when it was the cause


def test_a_control_change_writes_the_url(callbacks) -> None:
    body = callbacks.call(SYNC, {**CONTROLS, "district.value": "kulob"}, ["district.value"]).get_json()["response"]
    assert body["url"]["search"] == "?indicator=hh_member_abroad_pct&year=2024&district=kulob&tab=map&chart=ranking"
    assert body["view"]["data"]["district"] == "kulob"


def test_a_map_click_sets_district_and_url(callbacks) -> None:
    click = {"points": [{"location": "jayhun", "customdata": "jayhun"}]}
    body = callbacks.call(SYNC, {**CONTROLS, "map.clickData": click}, ["map.clickData"]).get_json()["response"]
    assert body["district"]["value"] == "jayhun"
    assert "district=jayhun" in body["url"]["search"]


def test_presenter_url_applies_the_scene(callbacks, store) -> None:
    body = callbacks.call(SYNC, {**CONTROLS, "url.search": "?present=1&scene=6"}, ["url.search"]).get_json()["response"]
    scene = store.scenes[5]
    data = body["view"]["data"]
    assert (data["present"], data["scene"], data["indicator"], data["chart"]) == (True, 6, scene.indicator, scene.chart)
    assert (data["district"], data["spotlight"], data["compare"]) == ("dusti", True, "kulob")


def test_controls_cannot_move_a_presentation(callbacks) -> None:
    presenting = {**CONTROLS, "view.data": {**DEFAULT_VIEW, "present": True, "scene": 2}, "district.value": "panj"}
    response = callbacks.call(SYNC, presenting, ["district.value"])
    body = body_of(response).get("response", {})
    assert "url" not in body and body.get("district", {}).get("value") != "panj"


def test_presenter_bar_text(callbacks, store) -> None:
    outputs = [
        "app.className",
        "scene-title.children",
        "scene-note.children",
        "scene-position.children",
        "leave-query.children",
    ]
    body = callbacks.call(outputs, view(present=True, scene=3), ["view.data"]).get_json()["response"]
    assert body["app"]["className"] == "app presenting"
    assert body["scene-title"]["children"] == store.scenes[2].title
    assert body["scene-position"]["children"] == f"3 / {len(store.scenes)}"
    scene = store.scenes[2]
    assert body["leave-query"]["children"].startswith(f"?indicator={scene.indicator}&year={scene.year}")
    assert "present" not in body["leave-query"]["children"]
    normal = callbacks.call(outputs, view(), ["view.data"]).get_json()["response"]
    assert normal["app"]["className"] == "app" and normal["scene-title"]["children"] == ""


def test_download_sends_the_rows_shown_from_the_store(callbacks, store) -> None:
    shown = [{"key": "kulob|2024", "value": 999}, {"key": "dusti|2019"}, {"key": "../../etc|x"}, {"nope": 1}, "junk"]
    inputs = {"download-csv.n_clicks": 1, **view(indicator="coverage_medical_pct"), "table.virtualRowData": shown}
    body = callbacks.call(["download.data"], inputs, ["download-csv.n_clicks"]).get_json()["response"]
    payload = body["download"]["data"]
    assert payload["filename"] == "khatlon_coverage_medical_pct_ILLUSTRATIVE.csv"
    lines = payload["content"].splitlines()
    assert len(lines) == 3 and lines[1].startswith("kulob,Kulob (city),coverage_medical_pct")
    assert f",{store.observation('coverage_medical_pct', 'kulob', 2024).value}," in lines[1]  # not the 999 sent
    assert ",illustrative," in lines[1] and lines[2].startswith("dusti,Dusti,")


def test_play_fetches_every_year_once(callbacks, store) -> None:
    inputs = {"play.n_clicks": 1, **view(indicator="coverage_medical_pct"), "play-timer.disabled": True}
    response = callbacks.call(["play-frames.data"], inputs, ["play.n_clicks"], compressed=True)
    frames = body_of(response)["response"]["play-frames"]["data"]
    assert frames["years"] == list(store.years("coverage_medical_pct"))
    assert set(frames["frames"]) == {str(y) for y in frames["years"]}
    assert len(response.data) < 25_000  # all six years, compressed
    stop = callbacks.call(["play-frames.data"], {**inputs, "play-timer.disabled": False}, ["play.n_clicks"])
    assert stop.get_json()["response"]["play-frames"]["data"]["stop"] is True


@pytest.mark.parametrize(
    "bad",
    [
        {"indicator": "'; DROP TABLE"},
        {"year": "yesterday"},
        {"year": [2020]},
        {"district": {"$ne": 1}},
        {"tab": None},
        {"scene": "-1", "present": True},
        {"compare": "<script>"},
        {"indicator": None, "year": None},
    ],
)
def test_junk_in_the_view_never_errors(callbacks, bad) -> None:
    for outputs in (
        ["map.figure"],
        ["ranking.figure", "trend.figure", "profile.figure"],
        ["chart.figure"],
        ["table.rowData", "table.columnDefs", "table-caption.children", "table.filterModel", "table.dashGridOptions"],
        ["sources.children"],
    ):
        response = callbacks.call(outputs, view(**bad), ["view.data"])
        assert response.status_code in (200, 204), outputs
    sync = callbacks.call(
        SYNC,
        {
            **CONTROLS,
            "view.data": "junk",
            "map.clickData": "??",
            "chart-kind.value": 5,
            "indicator.value": bad.get("indicator"),
        },
        ["indicator.value"],
    )
    assert sync.status_code in (200, 204)


def test_hidden_tabs_are_not_recomputed(callbacks) -> None:
    response = callbacks.call(["map.figure"], view(tab="chart"), ["view.data"])
    assert response.status_code in (200, 204)
    assert "map" not in body_of(response).get("response", {})


def test_security_headers(app) -> None:
    response = app.server.test_client().get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy and "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_addresses_are_friendly(app) -> None:
    client = app.server.test_client()
    missing = client.get("/assets/../../etc/passwd")
    assert missing.status_code == 404 and b"Back to the dashboard" in missing.data
    page = client.get("/some/old/link?indicator=<b>")  # Dash serves the dashboard for any page path
    assert page.status_code == 200 and b"Traceback" not in page.data


def test_table_keeps_sorting_for_the_same_indicator_and_clears_filters_for_another(callbacks) -> None:
    outputs = [
        "table.rowData",
        "table.columnDefs",
        "table-caption.children",
        "table.filterModel",
        "table.dashGridOptions",
    ]
    same = {**view(tab="table"), "table.dashGridOptions": {"context": {"indicator": "hh_member_abroad_pct"}}}
    response = callbacks.call(outputs, same, ["view.data"])
    assert "table" not in body_of(response).get("response", {})
    other = {
        **view(tab="table", indicator="population", year=2020),
        **{"table.dashGridOptions": same["table.dashGridOptions"]},
    }
    body = callbacks.call(outputs, other, ["view.data"]).get_json()["response"]
    assert body["table"]["filterModel"] == {} and body["table"]["dashGridOptions"]["context"] == {
        "indicator": "population"
    }
    assert len(body["table"]["rowData"]) == 17


def test_play_is_offered_only_where_it_animates_something(callbacks) -> None:
    for search, disabled in (
        ("", False),
        ("?indicator=population", True),
        ("?tab=chart", True),
        ("?present=1&scene=2", True),
    ):
        body = callbacks.call(SYNC, {**CONTROLS, "url.search": search}, ["url.search"]).get_json()["response"]
        assert body["play"]["disabled"] is disabled, search


def test_a_junk_presenter_url_is_rewritten_to_the_scene_shown(callbacks) -> None:
    body = callbacks.call(SYNC, {**CONTROLS, "url.search": "?present=1&scene=3.5"}, ["url.search"]).get_json()[
        "response"
    ]
    assert body["url"]["search"] == "?present=1&scene=1"
    body = callbacks.call(SYNC, {**CONTROLS, "url.search": "?present=1&scene=3"}, ["url.search"]).get_json()["response"]
    assert "url" not in body
