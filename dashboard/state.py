"""The view state: what is on screen, as read from and written to the URL's query string.

``?indicator=hh_member_abroad_pct&year=2024&district=dusti&tab=chart&chart=services&spotlight=1&lang=ru``
``?present=1&scene=3&lang=tg`` (presenter mode: the scene decides the rest)
``?tab=gap&need=children_parent_abroad_pct&service=coverage_psychosocial_pct&year=2024`` (coverage-gap map)
``?indicator=...&mode=change&from=2019&year=2024`` (change since ``from`` on the map and ranking)
``?tab=chart&chart=trend&districts=dusti,kulob,panj`` (up to five districts on the trend, any spelling)

Anything unknown, malformed or hostile in the URL falls back to the default, and the state
remembers what it could not use (``notices``) so that the page can say so. The URL is never
trusted and never echoed back unchecked.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode

from .data import DataStore, UnknownDistrictError
from .data.views import gap_needs, service_indicators

MAX_QUERY_LENGTH = 1000
MAX_ECHO = 40  # characters of a rejected URL value quoted back in a notice
DEFAULT_INDICATOR = "hh_member_abroad_pct"
DEFAULT_NEED = "children_parent_abroad_pct"
DEFAULT_SERVICE = "coverage_psychosocial_pct"
MAX_DISTRICTS = 5  # lines on the trend besides Khatlon: more cannot be told apart
LANGUAGES = ("tg", "ru", "en")


class Tab(StrEnum):
    MAP = "map"
    CHART = "chart"
    TABLE = "table"
    SOURCES = "sources"
    GAP = "gap"


class Mode(StrEnum):
    VALUE = "value"  # the year's value
    CHANGE = "change"  # value(year) - value(from_year)


class Chart(StrEnum):
    RANKING = "ranking"
    TREND = "trend"
    PROFILE = "profile"
    SERVICES = "services"
    CONTEXT = "context"


Notice = tuple[str, str]  # (URL parameter, the value that was not understood)


@dataclass(frozen=True)
class ViewState:
    """Everything that decides the screen. ``selected`` is the chosen unit (URL ``district``)."""

    indicator: str
    year: int
    selected: str | None = None
    tab: Tab = Tab.MAP
    chart: Chart = Chart.RANKING
    spotlight: bool = False  # dims all but ``selected`` (when one is selected)
    compare: str | None = None
    present: bool = False
    scene: int | None = None  # 1-based, only in presenter mode
    lang: str = "en"
    labels: bool | None = None  # district names on the map; None: automatic (by screen size)
    need: str = ""  # the gap map's need indicator (URL ``need``)
    service: str = ""  # the gap map's service-coverage indicator (URL ``service``)
    mode: Mode = Mode.VALUE  # map and ranking: the value, or the change since ``from_year``
    from_year: int | None = None  # URL ``from``; set when ``mode`` is change
    districts: tuple[str, ...] = ()  # units compared on the trend (URL ``districts``)
    notices: tuple[Notice, ...] = field(default=(), compare=False)

    def to_query(self) -> str:
        """The query string for this state (with the leading ``?``)."""
        if self.present and self.scene:
            return "?" + urlencode({"present": "1", "scene": str(self.scene), "lang": self.lang})
        fields = {
            "indicator": self.indicator,
            "year": str(self.year),
            "district": self.selected or "",
            "tab": self.tab.value,
            "chart": self.chart.value,
            "spotlight": "1" if self.spotlight else "",
            "compare": self.compare or "",
            "present": "1" if self.present else "",
            "labels": "" if self.labels is None else str(int(self.labels)),
            "need": self.need if self.tab == Tab.GAP else "",
            "service": self.service if self.tab == Tab.GAP else "",
            "mode": self.mode.value if self.mode == Mode.CHANGE else "",
            "from": str(self.from_year) if self.mode == Mode.CHANGE and self.from_year else "",
            "districts": ",".join(self.districts),
            "lang": self.lang,
        }
        return "?" + urlencode({k: v for k, v in fields.items() if v}, safe=",")

    def to_dict(self) -> dict:
        """JSON-friendly form (for a ``dcc.Store``); notices are not kept."""
        data = {k: (v.value if isinstance(v, StrEnum) else v) for k, v in asdict(self).items()}
        data.pop("notices")
        data["districts"] = list(self.districts)
        return data

    @property
    def spotlit(self) -> str | None:
        """The unit in the spotlight, if any."""
        return self.selected if self.spotlight else None


def default_state(store: DataStore, lang: str = "en") -> ViewState:
    indicators = [i.id for i in store.district_indicators()]
    indicator = DEFAULT_INDICATOR if DEFAULT_INDICATOR in indicators else indicators[0]
    return ViewState(
        indicator=indicator,
        year=store.years(indicator)[-1],
        lang=clean_language(lang),
        need=_pick(need_ids(store), DEFAULT_NEED),
        service=_pick(service_ids(store), DEFAULT_SERVICE),
    )


def need_ids(store: DataStore) -> list[str]:
    """Indicators the gap map can show as the need (district, not a service's coverage, not a count)."""
    return [i.id for i in gap_needs(store.district_indicators())]


def service_ids(store: DataStore) -> list[str]:
    """Service-coverage indicators the gap map can set against the need."""
    return [i.id for i in service_indicators(store.district_indicators())]


def _pick(choices: list[str], preferred: object, fallback: str = "") -> str:
    """``preferred`` when it is one of ``choices``, else ``fallback`` if it is one, else the first choice."""
    for candidate in (preferred, fallback):
        if isinstance(candidate, str) and candidate in choices:
            return candidate
    return choices[0] if choices else ""


def clean_districts(store: DataStore, value: object) -> tuple[tuple[str, ...], str]:
    """Up to five unit ids from ``"dusti,kulob"`` (any spelling) or a list; and what was not understood."""
    if isinstance(value, str):
        parts = value.split(",") if len(value) <= MAX_QUERY_LENGTH else []
    elif isinstance(value, list | tuple):
        parts = [v for v in value if isinstance(v, str)]
    else:
        return (), ""
    found: list[str] = []
    rejected: list[str] = []
    for part in (p.strip() for p in parts[:20]):
        unit = clean_unit(store, part) if part else None
        if unit is None:
            rejected += [part] if part else []
        elif unit not in found:
            found.append(unit)
    rejected += found[MAX_DISTRICTS:]
    return tuple(found[:MAX_DISTRICTS]), ",".join(rejected)


def clean_mode(store: DataStore, indicator: str, year: int, mode: object, start: object) -> tuple[Mode, int | None]:
    """Change mode needs an earlier year of the indicator (``from``: that year, else its first year)."""
    if _enum(Mode, mode, Mode.VALUE) is not Mode.CHANGE:
        return Mode.VALUE, None
    earlier = [y for y in store.years(indicator) if y < year]
    if not earlier:
        return Mode.VALUE, None
    try:
        wanted = int(str(start)) if start is not None and len(str(start)) <= 6 else None
    except ValueError:
        wanted = None
    return Mode.CHANGE, wanted if wanted in earlier else earlier[0]


def clean_language(value: object, fallback: str = "en") -> str:
    return value if isinstance(value, str) and value in LANGUAGES else fallback


def _enum(enum, text: object, fallback):
    try:
        return enum(text)
    except ValueError:
        return fallback


def _flag(value: object) -> bool:
    """``1`` (URL), ``True`` (store) or a ticked checklist; anything else is off, as in the keyboard script."""
    return value is True or value in ("1", ["on"])


def _optional_flag(value: object) -> bool | None:
    """``1``/``0`` (URL), a boolean (store) or a checklist; anything else: ``None`` (automatic)."""
    if value in (True, "1", ["on"]):
        return True
    if value in (False, "0", []):
        return False
    return None


def clean_unit(store: DataStore, value: object) -> str | None:
    """A known unit id, or the id of a known spelling, else ``None``."""
    if not isinstance(value, str) or not value or len(value) > 100:
        return None
    if value in store.units:
        return value
    try:
        return store.resolve(value)
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


def clean_state(store: DataStore, parts: dict, lang: str = "en") -> ViewState:
    """Build a valid state from untrusted parts (URL, callback inputs); note what was not understood."""
    language = clean_language(parts.get("lang"), lang)
    if _flag(parts.get("present")) and store.scenes:
        return scene_state(store, clean_scene(store, parts.get("scene")), language)
    default = default_state(store, language)
    mappable = {i.id for i in store.district_indicators()}
    raw = parts.get("indicator")
    indicator = raw if isinstance(raw, str) and raw in mappable else default.indicator
    year = clean_year(store, indicator, parts.get("year"))
    mode, from_year = clean_mode(store, indicator, year, parts.get("mode"), parts.get("from"))
    districts, _ = clean_districts(store, parts.get("districts"))
    state = ViewState(
        indicator=indicator,
        year=year,
        selected=clean_unit(store, parts.get("district")),
        tab=_enum(Tab, parts.get("tab"), default.tab),
        chart=_enum(Chart, parts.get("chart"), default.chart),
        spotlight=_flag(parts.get("spotlight")),
        compare=clean_unit(store, parts.get("compare")),
        present=_flag(parts.get("present")),
        lang=language,
        labels=_optional_flag(parts.get("labels")),
        need=_pick(need_ids(store), parts.get("need"), default.need),
        service=_pick(service_ids(store), parts.get("service"), default.service),
        mode=mode,
        from_year=from_year,
        districts=districts,
    )
    return replace(state, notices=_notices(store, parts, state))


def _notices(store: DataStore, parts: dict, state: ViewState) -> tuple[Notice, ...]:
    """URL values that were given but could not be used (the page says so, then shows the default)."""
    used = {
        "need": state.need,
        "service": state.service,
        "mode": state.mode.value,
        "from": str(state.from_year) if state.from_year else "",
        "indicator": state.indicator,
        "year": str(state.year),
        "district": state.selected,
        "compare": state.compare,
        "tab": state.tab.value,
        "chart": state.chart.value,
        "lang": state.lang,
    }
    found = []
    for key, value in used.items():
        given = parts.get(key)
        if not isinstance(given, str) or not given:
            continue
        if value is None if key in ("district", "compare") else given != value:
            found.append((key, given[:MAX_ECHO]))
    labels = parts.get("labels")
    if isinstance(labels, str) and labels not in ("", "0", "1"):
        found.append(("labels", labels[:MAX_ECHO]))
    _, rejected = clean_districts(store, parts.get("districts"))
    if rejected and isinstance(parts.get("districts"), str):
        found.append(("districts", rejected[:MAX_ECHO]))
    return tuple(found)


def scene_state(store: DataStore, number: int, lang: str = "en") -> ViewState:
    """The view a storyboard scene asks for, in presenter mode."""
    scene = store.scenes[number - 1]
    return ViewState(
        indicator=scene.indicator,
        year=scene.year,
        selected=scene.spotlight,
        tab=Tab(scene.tab),
        chart=Chart(scene.chart),
        spotlight=scene.spotlight is not None,
        compare=scene.compare,
        present=True,
        scene=number,
        lang=lang,
        labels=True,
        need=scene.need or scene.indicator,
        service=scene.service or _pick(service_ids(store), DEFAULT_SERVICE),
    )


def query_parts(search: object) -> dict[str, str] | None:
    """The query string's parameters (first value of each), or ``None`` when it is junk."""
    if not isinstance(search, str) or len(search) > MAX_QUERY_LENGTH:
        return None
    try:
        return dict(parse_qsl(search.lstrip("?"), max_num_fields=20))
    except ValueError:
        return None


def parse_query(store: DataStore, search: object, lang: str = "en") -> ViewState:
    """The state a query string asks for; junk falls back to defaults (``lang``: when the URL has none)."""
    parts = query_parts(search)
    if parts is None:
        return replace(default_state(store, lang), notices=(("query", ""),) if search else ())
    return clean_state(store, parts, lang)


def from_dict(store: DataStore, data: object) -> ViewState:
    """The state kept in the ``view`` store (re-checked: it came back from the browser)."""
    if not isinstance(data, dict):
        return default_state(store)
    parts = {
        **data,
        "district": data.get("selected"),
        "spotlight": data.get("spotlight") is True,
        "from": data.get("from_year"),
    }
    return replace(clean_state(store, parts), notices=())


def leave_presentation(state: ViewState) -> ViewState:
    """Back to the normal dashboard, on the view of the scene that was showing."""
    return replace(state, present=False, scene=None, labels=None)
