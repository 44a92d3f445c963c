"""The view state: what is on screen, as read from and written to the URL's query string.

``?indicator=hh_member_abroad_pct&year=2024&district=dusti&tab=chart&chart=services&spotlight=1``
``?present=1&scene=3`` (presenter mode: the scene decides the rest)

Anything unknown, malformed or hostile in the URL falls back quietly to the default; the URL is
never trusted and never echoed back unchecked.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode

from .data import DataStore, UnknownDistrictError

MAX_QUERY_LENGTH = 1000
DEFAULT_INDICATOR = "hh_member_abroad_pct"


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
    """Everything that decides the screen. ``spotlight`` highlights ``district`` and dims the rest."""

    indicator: str
    year: int
    district: str | None = None
    tab: Tab = Tab.MAP
    chart: Chart = Chart.RANKING
    spotlight: bool = False  # dims all but ``district`` (when one is selected)
    compare: str | None = None
    present: bool = False
    scene: int | None = None  # 1-based, only in presenter mode

    def to_query(self) -> str:
        """The query string for this state (with the leading ``?``)."""
        if self.present and self.scene:
            return "?" + urlencode({"present": "1", "scene": str(self.scene)})
        fields = {
            "indicator": self.indicator,
            "year": str(self.year),
            "district": self.district or "",
            "tab": self.tab.value,
            "chart": self.chart.value,
            "spotlight": "1" if self.spotlight else "",
            "compare": self.compare or "",
            "present": "1" if self.present else "",
        }
        return "?" + urlencode({k: v for k, v in fields.items() if v})

    def to_dict(self) -> dict:
        """JSON-friendly form (for a ``dcc.Store``)."""
        return {k: (v.value if isinstance(v, StrEnum) else v) for k, v in asdict(self).items()}

    @property
    def spotlit(self) -> str | None:
        """The district in the spotlight, if any."""
        return self.district if self.spotlight else None


def default_state(store: DataStore) -> ViewState:
    indicators = [i.id for i in store.district_indicators()]
    indicator = DEFAULT_INDICATOR if DEFAULT_INDICATOR in indicators else indicators[0]
    return ViewState(indicator=indicator, year=store.years(indicator)[-1])


def _enum(enum, text: object, fallback):
    try:
        return enum(text)
    except ValueError:
        return fallback


def _flag(value: object) -> bool:
    """``1`` (URL), ``True`` (store) or a ticked checklist; anything else is off, as in the keyboard script."""
    return value is True or value in ("1", ["on"])


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


def clean_scene(store: DataStore, value: object) -> int:
    """A scene number within the storyboard (1 when the value is junk)."""
    try:
        number = int(str(value)) if value is not None and len(str(value)) <= 4 else 1
    except ValueError:
        number = 1
    return min(max(number, 1), max(len(store.scenes), 1))


def clean_state(
    store: DataStore,
    indicator: object,
    year: object,
    district: object = None,
    tab: object = None,
    chart: object = None,
    spotlight: object = False,
    compare: object = None,
    present: object = False,
    scene: object = None,
) -> ViewState:
    """Build a valid state from untrusted parts (URL, callback inputs)."""
    if _flag(present) and store.scenes:
        return scene_state(store, clean_scene(store, scene))
    default = default_state(store)
    mappable = {i.id for i in store.district_indicators()}
    indicator_id = indicator if isinstance(indicator, str) and indicator in mappable else default.indicator
    district_id = clean_district(store, district)
    return ViewState(
        indicator=indicator_id,
        year=clean_year(store, indicator_id, year),
        district=district_id,
        tab=_enum(Tab, tab, default.tab),
        chart=_enum(Chart, chart, default.chart),
        spotlight=_flag(spotlight),
        compare=clean_district(store, compare),
        present=_flag(present),
    )


def scene_state(store: DataStore, number: int) -> ViewState:
    """The view a storyboard scene asks for, in presenter mode."""
    scene = store.scenes[number - 1]
    return ViewState(
        indicator=scene.indicator,
        year=scene.year,
        district=scene.spotlight,
        tab=Tab(scene.tab),
        chart=Chart(scene.chart),
        spotlight=scene.spotlight is not None,
        compare=scene.compare,
        present=True,
        scene=number,
    )


def parse_query(store: DataStore, search: object) -> ViewState:
    """The state a query string asks for; junk falls back to defaults."""
    if not isinstance(search, str) or len(search) > MAX_QUERY_LENGTH:
        return default_state(store)
    try:
        pairs = dict(parse_qsl(search.lstrip("?"), max_num_fields=20))
    except ValueError:
        return default_state(store)
    return clean_state(
        store,
        pairs.get("indicator"),
        pairs.get("year"),
        pairs.get("district"),
        pairs.get("tab"),
        pairs.get("chart"),
        pairs.get("spotlight"),
        pairs.get("compare"),
        pairs.get("present"),
        pairs.get("scene"),
    )


def from_dict(store: DataStore, data: object) -> ViewState:
    """The state kept in the ``view`` store (re-checked: it came back from the browser)."""
    if not isinstance(data, dict):
        return default_state(store)
    state = clean_state(
        store,
        data.get("indicator"),
        data.get("year"),
        data.get("district"),
        data.get("tab"),
        data.get("chart"),
        data.get("spotlight"),
        data.get("compare"),
        data.get("present"),
        data.get("scene"),
    )
    return state


def leave_presentation(state: ViewState) -> ViewState:
    """Back to the normal dashboard, on the view of the scene that was showing."""
    return replace(state, present=False, scene=None)


def with_indicator(store: DataStore, state: ViewState, indicator: str) -> ViewState:
    """Switch indicator, keeping the year where the new indicator has it (else its latest)."""
    return clean_state(
        store, indicator, state.year, state.district, state.tab, state.chart, state.spotlight, state.compare
    )
