"""Callbacks called over HTTP without a browser: results, response sizes, and bad inputs."""
from __future__ import annotations

import gzip
import json

import pytest

SYNC = ["url.search", "indicator.value", "year.value", "year.min", "year.max", "year.marks", "year.disabled",
        "district.value", "tabs.value", "chart-kind.value"]
VIEW = {"indicator.value": "hh_member_abroad_pct", "year.value": 2024, "district.value": None, "tabs.value": "map"}


def test_indicator_change_patches_only_the_map_values(callbacks) -> None:
    inputs = {**VIEW, "indicator.value": "coverage_medical_pct", "year.value": 2023}
    response = callbacks.call(["map.figure"], inputs, ["indicator.value"])
    assert response.status_code == 200
    raw = gzip.decompress(response.data) if response.headers.get("Content-Encoding") == "gzip" else response.data
    body = json.loads(raw)
    patch = body["response"]["map"]["figure"]
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    paths = [tuple(op["location"]) for op in patch["operations"]]
    assert ("data", 0, "z") in paths and ("data", 0, "hovertext") in paths
    assert not any("geojson" in path or "coordinates" in path for path in paths)
    assert "coordinates" not in raw.decode()
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
    inputs = {**VIEW, "url.search": "?indicator=population&year=2020&district=Jilikul&tab=chart&chart=profile",
              "map.clickData": None, "chart-kind.value": "ranking"}
    body = callbacks.call(SYNC, inputs, ["url.search"]).get_json()["response"]
    assert body["indicator"]["value"] == "population"
    assert body["year"] == {"value": 2020, "min": 2019, "max": 2020, "marks": {"2020": {"label": "2020"}},
                            "disabled": True}
    assert body["district"]["value"] == "dusti"
    assert body["tabs"]["value"] == "chart" and body["chart-kind"]["value"] == "profile"
    assert "url" not in body  # the URL is not rewritten when it was the cause


def test_a_control_change_writes_the_url(callbacks) -> None:
    inputs = {**VIEW, "url.search": "", "district.value": "kulob", "map.clickData": None, "chart-kind.value": "ranking"}
    body = callbacks.call(SYNC, inputs, ["district.value"]).get_json()["response"]
    assert body["url"]["search"] == "?indicator=hh_member_abroad_pct&year=2024&district=kulob&tab=map&chart=ranking"


def test_a_map_click_sets_district_and_url(callbacks) -> None:
    inputs = {**VIEW, "url.search": "", "map.clickData": {"points": [{"location": "jayhun", "customdata": "jayhun"}]},
              "chart-kind.value": "ranking"}
    body = callbacks.call(SYNC, inputs, ["map.clickData"]).get_json()["response"]
    assert body["district"]["value"] == "jayhun"
    assert "district=jayhun" in body["url"]["search"]


@pytest.mark.parametrize("bad", [
    {"indicator.value": "'; DROP TABLE"}, {"year.value": "yesterday"}, {"year.value": [2020]},
    {"district.value": {"$ne": 1}}, {"tabs.value": None}, {"indicator.value": None, "year.value": None},
])
def test_junk_inputs_never_error(callbacks, bad) -> None:
    inputs = {**VIEW, **bad}
    for outputs in (["map.figure"], ["ranking.figure", "trend.figure", "profile.figure"]):
        response = callbacks.call(outputs, inputs, list(bad))
        assert response.status_code in (200, 204)
    chart = callbacks.call(["chart.figure"], {**inputs, "tabs.value": "chart", "chart-kind.value": "<svg>"}, list(bad))
    assert chart.status_code == 200
    sync = callbacks.call(SYNC, {**inputs, "url.search": "", "map.clickData": "??", "chart-kind.value": 5}, list(bad))
    assert sync.status_code in (200, 204)


def test_hidden_tabs_are_not_recomputed(callbacks) -> None:
    response = callbacks.call(["map.figure"], {**VIEW, "tabs.value": "chart"}, ["indicator.value"])
    assert response.status_code in (200, 204)  # nothing to send for a tab nobody sees
    assert "map" not in (response.get_json(silent=True) or {}).get("response", {})


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
