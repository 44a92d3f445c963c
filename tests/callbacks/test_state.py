"""The URL <-> view state: valid URLs reproduce a view; junk falls back to defaults and is noted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.callbacks.navigation import clicked_unit, next_state
from dashboard.data import DataStore
from dashboard.layout.ids import ID
from dashboard.state import Chart, Tab, ViewState, default_state, from_dict, parse_query


def test_default_state(store: DataStore) -> None:
    assert default_state(store) == ViewState(
        "hh_member_abroad_pct",
        2024,
        None,
        Tab.MAP,
        Chart.RANKING,
        need="children_parent_abroad_pct",
        service="coverage_psychosocial_pct",
    )
    assert default_state(store, "tg").lang == "tg"


def test_round_trip(store: DataStore) -> None:
    state = ViewState("coverage_medical_pct", 2021, "dusti", Tab.CHART, Chart.SERVICES, lang="ru", labels=False)
    state = replace(state, need=default_state(store).need, service=default_state(store).service)
    assert parse_query(store, state.to_query()) == state
    assert state.to_query() == (
        "?indicator=coverage_medical_pct&year=2021&district=dusti&tab=chart&chart=services&labels=0&lang=ru"
    )
    assert from_dict(store, state.to_dict()) == state


def test_the_language_is_kept_in_every_address(store: DataStore) -> None:
    assert parse_query(store, "?tab=chart", "tg").to_query().endswith("lang=tg")  # from the browser's preference
    assert parse_query(store, "?tab=chart&lang=ru", "tg").lang == "ru"  # the address wins
    presenting = parse_query(store, "?present=1&scene=3&lang=tg")
    assert presenting.to_query() == "?present=1&scene=3&lang=tg"


def test_district_in_any_spelling(store: DataStore) -> None:
    assert parse_query(store, "?district=Jilikul").selected == "dusti"
    assert parse_query(store, "?district=%D0%9A%D1%83%D0%BB%D1%8F%D0%B1").selected == "kulob"  # Куляб


def test_values_not_understood_are_noted(store: DataStore) -> None:
    state = parse_query(store, "?district=Atlantis&tab=admin&indicator=x&lang=fr&year=2031")
    assert dict(state.notices) == {
        "district": "Atlantis",
        "tab": "admin",
        "indicator": "x",
        "lang": "fr",
        "year": "2031",
    }
    assert state == default_state(store)  # notices are not part of the view
    assert parse_query(store, "?district=dusti&lang=ru").notices == ()
    long = parse_query(store, "?district=" + "A" * 90).notices
    assert long == (("district", "A" * 40),)  # quoted back, but never at length


@pytest.mark.parametrize(
    ("query", "notices"),
    [
        ("?indicator=%3Cscript%3Ealert(1)%3C%2Fscript%3E", (("indicator", "<script>alert(1)</script>"),)),
        ("?indicator=remittances_pct_gdp", (("indicator", "remittances_pct_gdp"),)),  # national: no map
        ("?year=abc", (("year", "abc"),)),
        ("?year=1e9", (("year", "1e9"),)),
        ("?year=2031", (("year", "2031"),)),
        ("?year=-1", (("year", "-1"),)),
        ("?year=2019.5", (("year", "2019.5"),)),
        ("?district=../../etc/passwd", (("district", "../../etc/passwd"),)),
        ("?district=" + "x" * 5000, (("query", ""),)),  # longer than any view URL: not read at all
        ("?tab=admin", (("tab", "admin"),)),
        ("?chart=%00", (("chart", "\x00"),)),
        ("?" + "&".join(f"k{i}=v" for i in range(100)), (("query", ""),)),
        ("?" + "a" * 2000, (("query", ""),)),
        ("?labels=maybe&lang=<b>", (("lang", "<b>"), ("labels", "maybe"))),
        ("not a query", ()),
        ("?indicator", ()),
        ("???", ()),
        ("?district=", ()),
        ("%", ()),
    ],
)
def test_junk_falls_back_to_exactly_the_default_view_with_a_notice(store: DataStore, query: str, notices) -> None:
    state = parse_query(store, query)
    assert replace(state, notices=()) == default_state(store)  # every field, not just a valid one
    assert state.notices == notices  # the page names what it could not use


@pytest.mark.parametrize("search", [None, 42, ["?a"], {"x": 1}])
def test_non_string_search_is_default(store: DataStore, search: object) -> None:
    assert parse_query(store, search) == default_state(store)


def test_year_is_kept_when_switching_indicator_if_possible(store: DataStore) -> None:
    previous = ViewState("hh_member_abroad_pct", 2021)
    values = {"indicator": "coverage_medical_pct", "year": 2021, "tab": "map", "chart": "ranking"}
    assert next_state(store, ID.INDICATOR, values, previous).year == 2021
    assert next_state(store, ID.INDICATOR, {**values, "indicator": "population"}, previous).year == 2020


def test_map_click_selects_and_a_second_click_deselects(store: DataStore) -> None:
    # what plotly sends for a polygon: its location, and the hover numbers the values trace carries
    click = {"points": [{"curveNumber": 1, "location": "dusti", "customdata": [39.2, 51.9]}]}
    values = {"indicator": "hh_member_abroad_pct", "year": 2024, "click": click, "tab": "map", "chart": "ranking"}
    state = next_state(store, ID.MAP, values, ViewState("hh_member_abroad_pct", 2024))
    assert state.selected == "dusti"
    again = next_state(store, ID.MAP, {**values, "district": "dusti"}, state)
    assert again.selected is None
    bokhtar = {"points": [{"customdata": "bokhtar", "lon": 68.78, "lat": 37.83}]}
    assert clicked_unit(store, bokhtar) == "bokhtar"


@pytest.mark.parametrize(
    "click",
    [
        None,
        {},
        {"points": []},
        {"points": [None]},
        {"points": [{"location": 5}]},
        {"points": [{"customdata": "<img>"}]},
        "junk",
        3,
    ],
)
def test_junk_clicks_change_nothing(store: DataStore, click: object) -> None:
    assert clicked_unit(store, click) is None
    values = {"indicator": "hh_member_abroad_pct", "year": 2024, "district": "kulob", "click": click, "tab": "map"}
    assert next_state(store, ID.MAP, values, ViewState("hh_member_abroad_pct", 2024, "kulob")).selected == "kulob"


def test_junk_control_values_are_cleaned(store: DataStore) -> None:
    values = {"indicator": {"a": 1}, "year": "x", "district": ["dusti"], "tab": 7, "chart": None}
    assert next_state(store, ID.INDICATOR, values, default_state(store)) == default_state(store)


def test_the_name_cache_is_bounded(store: DataStore) -> None:
    """5,000 spellings sent in addresses do not grow the server's memory: the cache keeps 512."""
    for number in range(5000):
        parse_query(store, f"?district=Dusti{number}")
    assert store.resolve.cache_info().currsize <= 512
