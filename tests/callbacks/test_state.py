"""The URL <-> view state: valid URLs reproduce a view; junk falls back to defaults, quietly."""

from __future__ import annotations

import pytest

from dashboard.callbacks.url_state import clicked_district, next_state
from dashboard.data import DataStore
from dashboard.layout.ids import ID
from dashboard.state import Chart, Tab, ViewState, default_state, parse_query, with_indicator


def test_default_state(store: DataStore) -> None:
    assert default_state(store) == ViewState("hh_member_abroad_pct", 2024, None, Tab.MAP, Chart.RANKING)


def test_round_trip(store: DataStore) -> None:
    state = ViewState("coverage_medical_pct", 2021, "dusti", Tab.CHART, Chart.SERVICES)
    assert parse_query(store, state.to_query()) == state
    assert state.to_query() == "?indicator=coverage_medical_pct&year=2021&district=dusti&tab=chart&chart=services"


def test_district_in_any_spelling(store: DataStore) -> None:
    assert parse_query(store, "?district=Jilikul").district == "dusti"
    assert parse_query(store, "?district=%D0%9A%D1%83%D0%BB%D1%8F%D0%B1").district == "kulob"  # Куляб


@pytest.mark.parametrize(
    "query",
    [
        "?indicator=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?indicator=remittances_pct_gdp",
        "?year=abc",
        "?year=1e9",
        "?year=2031",
        "?district=../../etc/passwd",
        "?district=" + "x" * 5000,
        "?tab=admin",
        "?chart=%00",
        "?" + "&".join(f"k{i}=v" for i in range(100)),
        "not a query",
        "?indicator",
        "???",
        "?year=-1",
        "?year=2019.5",
        "?district=",
        "%",
        "?" + "a" * 2000,
    ],
)
def test_junk_falls_back_to_defaults(store: DataStore, query: str) -> None:
    state = parse_query(store, query)
    default = default_state(store)
    assert state.indicator in {i.id for i in store.district_indicators()}
    assert state.year in store.years(state.indicator)
    assert state.district in (None, *store.districts)
    assert state.tab in Tab and state.chart in Chart
    if "indicator" in query and "remittances" not in query:
        assert state.indicator == default.indicator


@pytest.mark.parametrize("search", [None, 42, ["?a"], {"x": 1}])
def test_non_string_search_is_default(store: DataStore, search: object) -> None:
    assert parse_query(store, search) == default_state(store)


def test_year_is_kept_when_switching_indicator_if_possible(store: DataStore) -> None:
    state = ViewState("hh_member_abroad_pct", 2021)
    assert with_indicator(store, state, "coverage_medical_pct").year == 2021
    assert with_indicator(store, state, "population").year == 2020


def test_map_click_selects_district(store: DataStore) -> None:
    click = {"points": [{"location": "dusti", "customdata": "dusti"}]}
    state = next_state(store, ID.MAP, "", "hh_member_abroad_pct", 2024, None, click, "map", "ranking")
    assert state.district == "dusti"
    bokhtar = {"points": [{"customdata": "bokhtar", "lon": 68.78, "lat": 37.83}]}
    assert clicked_district(store, bokhtar) == "bokhtar"


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
    assert clicked_district(store, click) is None
    state = next_state(store, ID.MAP, "", "hh_member_abroad_pct", 2024, "kulob", click, "map", "ranking")
    assert state.district == "kulob"


def test_junk_control_values_are_cleaned(store: DataStore) -> None:
    state = next_state(store, ID.INDICATOR, "", {"a": 1}, "x", ["dusti"], None, 7, None)
    assert state == default_state(store)
