"""Play: the offer of the button and the frames fetched once (also in change mode)."""

from __future__ import annotations

import json

from .test_callbacks import body_of, sync, view


def test_play_is_offered_only_where_it_animates_something(callbacks) -> None:
    for search, disabled in (
        ("", False),
        ("?indicator=population", True),
        ("?tab=chart", True),
        ("?present=1&scene=2", True),
    ):
        body = sync(callbacks, "url-request.data", **{"url-request.data": {"search": search, "n": 4}})
        assert body["play"]["disabled"] is disabled, search


def test_play_fetches_every_year_once(callbacks, store) -> None:
    inputs = {"play.n_clicks": 1, **view(indicator="coverage_medical_pct"), "play-timer.disabled": True}
    response = callbacks.call(["play-frames.data"], inputs, ["play.n_clicks"], compressed=True)
    frames = body_of(response)["response"]["play-frames"]["data"]
    assert frames["years"] == list(store.years("coverage_medical_pct"))
    assert set(frames["frames"]) == {str(y) for y in frames["years"]}
    later = [len(json.dumps(frames["frames"][str(y)], ensure_ascii=False)) for y in frames["years"][1:]]
    assert max(later) <= 2_000  # a frame carries what changed from the year before
    stop = callbacks.call(["play-frames.data"], {**inputs, "play-timer.disabled": False}, ["play.n_clicks"])
    assert body_of(stop)["response"]["play-frames"]["data"]["stop"] is True


def test_play_in_change_mode_plays_the_change_since_the_start_year(callbacks, store) -> None:
    from dashboard.figures.map import VALUES
    from dashboard.state import Mode

    changing = view(indicator="coverage_medical_pct", mode=Mode.CHANGE, from_year=2020)
    inputs = {"play.n_clicks": 1, **changing, "play-timer.disabled": True}
    frames = body_of(callbacks.call(["play-frames.data"], inputs, ["play.n_clicks"]))["response"]
    frames = frames["play-frames"]["data"]
    assert frames["years"] == [y for y in store.years("coverage_medical_pct") if y > 2020]
    first = dict(frames["frames"]["2021"])  # the first frame: whole updates as ["data.1.z", [...]]
    z = first[f"data.{VALUES}.z"]
    expected = [
        store.observation("coverage_medical_pct", d, 2021).value
        - store.observation("coverage_medical_pct", d, 2020).value
        for d in store.polygon_ids
    ]
    assert [round(v, 6) for v in z] == [round(v, 6) for v in expected]  # the change since 2020, not the value
