"""The URL parameters of the gap map (``need``, ``service``), change over time (``mode``, ``from``) and
the districts compared on the trend (``districts``): valid values reproduce a view, junk is noted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.callbacks.navigation import next_state
from dashboard.data import DataStore
from dashboard.layout.ids import ID
from dashboard.state import Mode, Tab, ViewState, default_state, from_dict, parse_query, scene_state


def test_gap_view_round_trips_and_names_its_two_indicators(store: DataStore) -> None:
    state = parse_query(store, "?tab=gap&need=women_headed_migration_pct&service=coverage_social_pct&year=2022")
    assert (state.tab, state.need, state.service, state.year, state.notices) == (
        Tab.GAP,
        "women_headed_migration_pct",
        "coverage_social_pct",
        2022,
        (),
    )
    assert "need=women_headed_migration_pct&service=coverage_social_pct" in state.to_query()
    assert parse_query(store, state.to_query()) == state
    assert from_dict(store, state.to_dict()) == state
    assert "need=" not in replace(state, tab=Tab.MAP).to_query()  # only the gap map's address names them


@pytest.mark.parametrize(
    ("query", "notices"),
    [
        ("?tab=gap&need=coverage_medical_pct", (("need", "coverage_medical_pct"),)),  # a service is not a need
        ("?tab=gap&need=population", (("need", "population"),)),  # a count is not a need
        ("?tab=gap&service=hh_member_abroad_pct", (("service", "hh_member_abroad_pct"),)),
        ("?tab=gap&service=<b>", (("service", "<b>"),)),
    ],
)
def test_a_junk_need_or_service_falls_back_to_the_default_with_a_notice(store: DataStore, query, notices) -> None:
    state = parse_query(store, query)
    default = default_state(store)
    assert (state.need, state.service) == (default.need, default.service)
    assert state.notices == notices


def test_change_mode_needs_an_earlier_year(store: DataStore) -> None:
    state = parse_query(store, "?indicator=coverage_medical_pct&mode=change&from=2020&year=2024")
    assert (state.mode, state.from_year, state.notices) == (Mode.CHANGE, 2020, ())
    assert state.to_query().count("mode=change&from=2020") == 1
    assert parse_query(store, state.to_query()) == state
    assert from_dict(store, state.to_dict()) == state
    # no "from": the indicator's first year; a later or unknown "from": the first year, noted
    assert parse_query(store, "?mode=change").from_year == store.years("hh_member_abroad_pct")[0]
    late = parse_query(store, "?mode=change&from=2024&year=2021")
    assert (late.mode, late.from_year, late.notices) == (Mode.CHANGE, 2019, (("from", "2024"),))
    # the first year has nothing before it: the value, with a notice
    first = parse_query(store, "?mode=change&year=2019")
    assert (first.mode, first.from_year, first.notices) == (Mode.VALUE, None, (("mode", "change"),))
    assert "mode" not in default_state(store).to_query()


def test_districts_in_any_spelling_up_to_five(store: DataStore) -> None:
    state = parse_query(store, "?tab=chart&chart=trend&districts=Dousti,%D0%9A%D1%83%D0%BB%D1%8F%D0%B1,panj,dusti")
    assert state.districts == ("dusti", "kulob", "panj")  # a repeat is kept once
    assert state.notices == ()
    assert "districts=dusti,kulob,panj" in state.to_query()
    assert parse_query(store, state.to_query()) == state
    assert from_dict(store, state.to_dict()) == state
    six = parse_query(store, "?districts=dusti,kulob,panj,vose,farkhor,hamadoni")
    assert six.districts == ("dusti", "kulob", "panj", "vose", "farkhor")
    assert six.notices == (("districts", "hamadoni"),)  # the sixth is named as not used
    junk = parse_query(store, "?districts=Atlantis,dusti")
    assert (junk.districts, junk.notices) == (("dusti",), (("districts", "Atlantis"),))


@pytest.mark.parametrize("value", [None, 42, {"a": 1}, [1, 2], "x" * 5000, [["dusti"]]])
def test_junk_districts_from_the_browser_are_ignored(store: DataStore, value: object) -> None:
    assert from_dict(store, {**default_state(store).to_dict(), "districts": value}).districts == ()


def test_controls_move_the_new_fields(store: DataStore) -> None:
    previous = default_state(store)
    base = {"indicator": previous.indicator, "year": 2024, "tab": "map", "chart": "ranking"}
    change = next_state(store, ID.SHOW, {**base, "show": "2021"}, previous)
    assert (change.mode, change.from_year) == (Mode.CHANGE, 2021)
    assert next_state(store, ID.SHOW, {**base, "show": ""}, change).mode is Mode.VALUE
    picked = next_state(store, ID.TREND_DISTRICTS, {**base, "districts": ["vose", "Kulyab"]}, previous)
    assert picked.districts == ("vose", "kulob")
    gap = next_state(
        store,
        ID.GAP_SERVICE,
        {**base, "tab": "gap", "need": previous.need, "service": "coverage_education_pct"},
        previous,
    )
    assert (gap.tab, gap.service) == (Tab.GAP, "coverage_education_pct")


def test_the_gap_scene_shows_its_need_and_service(store: DataStore) -> None:
    number = next(s.number for s in store.scenes if s.tab == "gap")
    scene = store.scenes[number - 1]
    view = scene_state(store, number)
    assert (view.tab, view.need, view.service) == (Tab.GAP, scene.indicator, scene.service)
    assert isinstance(view, ViewState)


@pytest.mark.parametrize(
    "query",
    ["?tab=gap&need=x", "?tab=gap&service=x", "?mode=change&year=2019", "?mode=change&from=x", "?districts=x"],
)
def test_every_notice_has_a_sentence(store: DataStore, query: str) -> None:
    from dashboard.figures import RenderContext
    from dashboard.layout.header import notice_text

    state = parse_query(store, query)
    assert len(state.notices) == 1
    text = notice_text(state.notices, RenderContext("en"))
    assert "'x'" in text or "'change'" in text, text
