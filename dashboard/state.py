"""The view state: what is on screen, as read from and written to the URL's query string.

``?indicator=hh_member_abroad_pct&year=2024&district=dusti&tab=chart&chart=services``

Anything unknown, malformed or hostile in the URL falls back quietly to the default; the URL is
never trusted and never echoed back unchecked.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode

from .data import DataStore, UnknownDistrictError

MAX_QUERY_LENGTH = 1000
DEFAULT_INDICATOR = "hh_member_abroad_pct"
DEFAULT_COMPARISON = ("dusti", "kulob")  # the pair the services panel compares by default


class Tab(StrEnum):
    MAP = "map"
    CHART = "chart"
    TABLE = "table"
    SOURCES = "sources"


class Chart(StrEnum):
    RANKING = "ranking"
    TREND = "trend"
    PROFILE = "profile"
    SERVICES = "services"
    CONTEXT = "context"


@dataclass(frozen=True)
class ViewState:
    indicator: str
    year: int
    district: str | None = None
    tab: Tab = Tab.MAP
    chart: Chart = Chart.RANKING

    def to_query(self) -> str:
        """The query string for this state (with the leading ``?``)."""
        fields = {"indicator": self.indicator, "year": str(self.year), "district": self.district or "",
                  "tab": self.tab.value, "chart": self.chart.value}
        return "?" + urlencode({k: v for k, v in fields.items() if v})


def default_state(store: DataStore) -> ViewState:
    indicators = [i.id for i in store.district_indicators()]
    indicator = DEFAULT_INDICATOR if DEFAULT_INDICATOR in indicators else indicators[0]
    return ViewState(indicator=indicator, year=store.years(indicator)[-1])


def _enum(enum, text: object, fallback):
    try:
        return enum(text)
    except ValueError:
        return fallback


def clean_district(store: DataStore, value: object) -> str | None:
    """A known district id, or the id of a known spelling, else ``None``."""
    if not isinstance(value, str) or not value or len(value) > 100:
        return None
    if value in store.districts:
        return value
    try:
        return store.resolver.resolve(value)
    except UnknownDistrictError:
        return None


def clean_year(store: DataStore, indicator: str, value: object, fallback: int | None = None) -> int:
    """``value`` if the indicator has that year; else ``fallback`` if it has that one; else its last year."""
    years = store.years(indicator)
    try:
        year = int(str(value)) if value is not None and len(str(value)) <= 6 else None
    except ValueError:
        year = None
    for candidate in (year, fallback):
        if candidate in years:
            return candidate
    return years[-1]


def clean_state(store: DataStore, indicator: object, year: object, district: object = None,
                tab: object = None, chart: object = None, previous_year: int | None = None) -> ViewState:
    """Build a valid state from untrusted parts (URL, callback inputs)."""
    default = default_state(store)
    mappable = {i.id for i in store.district_indicators()}
    indicator_id = indicator if isinstance(indicator, str) and indicator in mappable else default.indicator
    return ViewState(
        indicator=indicator_id,
        year=clean_year(store, indicator_id, year, previous_year),
        district=clean_district(store, district),
        tab=_enum(Tab, tab, default.tab),
        chart=_enum(Chart, chart, default.chart),
    )


def parse_query(store: DataStore, search: object) -> ViewState:
    """The state a query string asks for; junk falls back to defaults."""
    if not isinstance(search, str) or len(search) > MAX_QUERY_LENGTH:
        return default_state(store)
    try:
        pairs = dict(parse_qsl(search.lstrip("?"), max_num_fields=20))
    except ValueError:
        return default_state(store)
    return clean_state(store, pairs.get("indicator"), pairs.get("year"), pairs.get("district"),
                       pairs.get("tab"), pairs.get("chart"))


def with_indicator(store: DataStore, state: ViewState, indicator: str) -> ViewState:
    """Switch indicator, keeping the year where the new indicator has it."""
    new = clean_state(store, indicator, state.year, state.district, state.tab, state.chart)
    return replace(new, year=clean_year(store, new.indicator, state.year))
