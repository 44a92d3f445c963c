"""Whatever a client sends, the server answers 2xx or 4xx, never 5xx or a traceback (dashboard/gate.py).

The attack trial of issue 11 found 63 of 617 junk requests answered with a 500. These tests send the
same kinds of request, and fuzz (hypothesis) both the bodies and every server callback's inputs.
"""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.app import create_app, warm_up
from dashboard.gate import MAX_DEPTH, MAX_LOGGED
from dashboard.settings import Settings

from ..conftest import BUNDLED
from .bodies import body_for, server_callbacks

UPDATE = "/_dash-update-component"
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never fails by chance
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@pytest.fixture(autouse=True)
def no_unexpected_errors(caplog):
    """The gate's last handler logs at ERROR: reaching it means a request got past the checks and failed."""
    caplog.set_level(logging.INFO, logger="dashboard.requests")
    yield
    escaped = [r.getMessage() for r in caplog.records if r.name == "dashboard.requests" and r.levelno >= logging.ERROR]
    assert escaped == []


def post(client, body: object, raw: bool = False):
    data = body if raw else json.dumps(body)
    return client.post(UPDATE, data=data, content_type="application/json")


def refused_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "dashboard.requests"]


def test_every_server_callback_answers_its_well_formed_body(app) -> None:
    client = app.server.test_client()
    assert len(server_callbacks(app)) == 6  # sync, language, draw, table, download, play
    for key, spec in server_callbacks(app):
        assert post(client, body_for(key, spec)).status_code in (200, 204), key  # 204: "nothing to update"


JUNK = {
    "an empty list": "[]",
    "a string": '"x"',
    "null": "null",
    "an empty object": "{}",
    "not JSON": "{{{",
    "invalid UTF-8": b"\xff\xfe{",
    "no output": json.dumps({"inputs": [], "state": []}),
    "an unknown output": json.dumps({"output": "nope.children", "outputs": {"id": "nope", "property": "children"}}),
    "a 40 kB output id": json.dumps({"output": "a" * 40_000 + ".children", "inputs": []}),
    "deep nesting (RecursionError)": "[" * 20_000 + "]" * 20_000,
    "nesting past the limit": json.dumps({"output": "x", "inputs": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}),
    "a clientside callback": json.dumps({"output": "notice.hidden", "inputs": []}),
}


@pytest.mark.parametrize("name", list(JUNK))
def test_junk_bodies_get_a_400_and_one_short_log_line(app, caplog, name: str) -> None:
    response = post(app.server.test_client(), JUNK[name], raw=True)
    assert response.status_code == 400, response.data[:200]
    assert b"Traceback" not in response.data and response.headers["Cache-Control"] == "no-store"
    lines = refused_lines(caplog)
    assert len(lines) == 1 and len(lines[0]) < 150 + MAX_LOGGED, lines


@pytest.mark.parametrize(
    "change",
    [
        {"inputs": "zz"},
        {"inputs": []},
        {"inputs": [None] * 9},
        {"state": {"id": "view"}},
        {"outputs": {"id": "map", "property": "figure"}},
        {"outputs": None},
        {"changedPropIds": "view.data"},
        {"changedPropIds": ["{x.n_clicks"]},  # not an input of this callback (and not JSON)
        {"changedPropIds": ["view.data"]},  # a state of this callback, not an input
    ],
)
def test_a_body_that_does_not_match_its_callback_gets_a_400(app, caplog, change: dict) -> None:
    key, spec = next((k, s) for k, s in server_callbacks(app) if k.startswith("..url.search"))
    response = post(app.server.test_client(), {**body_for(key, spec), **change})
    assert response.status_code == 400 and len(refused_lines(caplog)) == 1


def test_a_body_over_the_limit_is_refused_before_it_is_read(app) -> None:
    response = post(app.server.test_client(), "x" * 10_000_000, raw=True)
    assert response.status_code == 413 and len(response.data) < 100


@FUZZ
@given(body=JSON)
def test_fuzzed_bodies_never_get_a_5xx(app, body) -> None:
    status = post(app.server.test_client(), body).status_code
    assert status in (200, 204, 400), status


MUTATIONS = st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds"])


@FUZZ
@given(data=st.data())
def test_fuzzed_callback_bodies_never_get_a_5xx(app, data) -> None:
    """A well-formed body with one field replaced by anything: a 4xx or a normal answer."""
    key, spec = data.draw(st.sampled_from(server_callbacks(app)))
    body = body_for(key, spec)
    body[data.draw(MUTATIONS)] = data.draw(JSON)
    status = post(app.server.test_client(), body).status_code
    assert status in (200, 204, 400), status


@FUZZ
@given(data=st.data())
def test_fuzzed_inputs_of_every_callback_are_answered_without_an_error(app, data) -> None:
    """Any JSON as any input or state value: a normal answer, and no callback logs an error
    (``no_callback_errors`` in conftest fails the test on one)."""
    key, spec = data.draw(st.sampled_from(server_callbacks(app)))
    count = len(spec["inputs"]) + len(spec.get("state", []))
    values = data.draw(st.lists(JSON, min_size=count, max_size=count))
    response = post(app.server.test_client(), body_for(key, spec, values))
    assert response.status_code in (200, 204), (key, response.status_code)


def test_depth_limit_leaves_room_for_real_bodies() -> None:
    assert MAX_DEPTH >= 12  # a map click in the view is 6 levels deep


@pytest.mark.parametrize(
    "path",
    ["/some/old/link", "/admin", "/index.php", "/.env", "/..%2f..%2fetc/passwd", "/assets/../../etc/passwd"],
)
def test_unknown_paths_get_a_real_404_page(app, path: str) -> None:
    response = app.server.test_client().get(path, headers={"Accept-Language": "ru"})
    assert response.status_code == 404 and response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert "Страница не найдена" in text and 'href="/"' in text and "Traceback" not in text


def test_the_404_page_speaks_the_language_of_the_address(app) -> None:
    text = app.server.test_client().get("/nothing?lang=tg").get_data(as_text=True)
    assert '<html lang="tg">' in text and "Саҳифа ёфт нашуд" in text


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/../../../etc/passwd",
        "/_reload-hash",
        "/geo/boundaries.0000.json",
    ],
)
def test_unknown_scripts_and_development_routes_are_404(app, path: str) -> None:
    response = app.server.test_client().get(path)
    assert response.status_code == 404 and b"Traceback" not in response.data
    assert b"dash_core_components" not in response.data  # no list of installed packages


def test_development_routes_answer_only_when_debugging(store) -> None:
    debug = create_app(Settings(data_dir=BUNDLED, secret_key="t", debug=True), store=store, warm=False)
    assert debug.server.test_client().get("/_reload-hash").status_code == 200


def test_readiness_fails_until_the_app_is_warmed_up(store) -> None:
    app = create_app(Settings(data_dir=BUNDLED, secret_key="t"), store=store, warm=False)
    client = app.server.test_client()
    assert client.get("/readyz").status_code == 503 and client.get("/healthz").status_code == 200
    warm_up(app)
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json() == {
        "ready": True,
        "data_version": store.version,
        "units": 25,
        "indicators": len(store.indicators),
    }


DOCUMENT_ONLY = ("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options")


def test_security_headers_of_pages_and_of_json(app) -> None:
    client = app.server.test_client()
    page = client.get("/?lang=ru")
    assert all(page.headers.get(h) for h in DOCUMENT_ONLY)
    assert (
        "camera=()" in page.headers["Permissions-Policy"]
        and page.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    )
    key, spec = server_callbacks(app)[0]
    answers = [
        client.get("/_dash-layout"),
        client.get("/_dash-dependencies"),
        client.get("/readyz"),
        post(client, body_for(key, spec)),
    ]
    for answer in [page, *answers]:
        assert (
            answer.headers["X-Content-Type-Options"] == "nosniff" and answer.headers["Referrer-Policy"] == "same-origin"
        )
    for answer in answers:
        assert answer.headers["Cache-Control"] == "no-store", answer.request.path
        assert not any(h in answer.headers for h in DOCUMENT_ONLY), answer.request.path


def test_a_download_is_bounded_by_the_data_whatever_the_request(app) -> None:
    """Junk keys in the view and an unknown sort give exactly the clean request's rows; a long search
    is cut, never echoed back at length."""
    key, spec = next((k, s) for k, s in server_callbacks(app) if k == "download.data")
    client = app.server.test_client()

    def csv(view: dict, search: str, sort: object) -> str:
        response = post(client, body_for(key, spec, [1, view, "all", search, sort]))
        assert response.status_code == 200
        return response.get_json()["response"]["download"]["data"]["content"]

    clean = csv({"indicator": "hh_member_abroad_pct"}, "", {"column": "value", "descending": True})
    junk = {"indicator": "hh_member_abroad_pct", **{f"k{i}": i for i in range(1000)}}
    assert csv(junk, "", {"column": "x" * 1000}) == clean  # unknown column: by value, largest first
    assert len(clean.splitlines()) > 100  # every year of every unit
    assert len(csv(junk, "kul" * 3000, None).splitlines()) == 1  # only the header: nothing matches
