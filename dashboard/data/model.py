"""Typed records of the data package: units (districts and cities) and indicators."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class UnitType(StrEnum):
    CITY = "city"
    DISTRICT = "district"


class Status(StrEnum):
    """How far a number can be trusted; shown wherever the number is shown. Most trusted first."""

    OFFICIAL = "official"
    SURVEY = "survey"
    ESTIMATE = "estimate"  # modelled from real inputs (e.g. a small-area estimate)
    ILLUSTRATIVE = "illustrative"

    @property
    def rank(self) -> int:
        """0 (official, most trusted) to 3 (illustrative); for one place, indicator and year, a row of
        lower rank replaces a row of higher rank."""
        return STATUS_ORDER.index(self)


STATUS_ORDER: tuple[Status, ...] = tuple(Status)


class ValueType(StrEnum):
    PERCENT = "percent"  # 0-100, checked
    RATE = "rate"
    AMOUNT = "amount"
    COUNT = "count"


class Level(StrEnum):
    DISTRICT = "district"  # has a value per unit and can be mapped
    NATIONAL = "national"  # Tajikistan as a whole: context charts only


class Aggregate(StrEnum):
    MEAN = "mean"  # the ``khatlon`` row is an average comparable with districts
    SUM = "sum"  # the ``khatlon`` row is a total; no reference line


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NEUTRAL = "neutral"


class Scale(StrEnum):
    SEQUENTIAL = "sequential"
    DIVERGING = "diverging"  # for changes: centred on zero


# Catalogue texts that may be translated (``label_ru``, ``unit_tg``, ...); see Indicator.text
TEXT_FIELDS = (
    "label",
    "short_label",
    "unit",
    "definition",
    "caveat",
    "source",
    "source_name",
    "licence",
    "calibration",
)
CONTEXT_PANELS = ("line", "bars")  # catalogue ``context``: how the national context chart shows a series
LANGUAGES = ("en", "ru", "tg")
SMALL_SAMPLE_BELOW = 30  # n below this: a small-sample note
SUPPRESS_BELOW = 10  # n below this: the value is not shown

KHATLON = "khatlon"
TAJIKISTAN = "tajikistan"
AGGREGATE_AREAS = (KHATLON, TAJIKISTAN)


@dataclass(frozen=True)
class Unit:
    """One of Khatlon's 25 units (4 cities, 21 districts): a row of ``districts.csv``."""

    unit_id: str  # the file's ``district_id``
    type: UnitType
    name_en: str
    name_ru: str  # official names ("г. Куляб", "Ноҳияи Балҷувон")
    name_tg: str
    label_ru: str = ""  # short names for maps and charts ("Куляб", "Балҷувон")
    label_tg: str = ""
    former_names: tuple[str, ...] = ()
    alt_spellings: tuple[str, ...] = ()
    admin_centre: str = ""
    rename_note: str = ""
    previous_name: str = ""  # name before the 2016-2018 renaming, e.g. "Jilikul" for Dusti
    renamed: str = ""  # year of that renaming

    def name(self, language: str = "en") -> str:
        """The short name in ``language`` (English: the current name)."""
        return {"ru": self.label_ru or self.name_ru, "tg": self.label_tg or self.name_tg}.get(language, self.name_en)


@dataclass(frozen=True)
class Indicator:
    """One row of ``data/indicators/catalogue.csv``."""

    id: str
    theme: str
    label: str
    unit: str
    value_type: ValueType
    decimals: int
    first_year: int
    last_year: int
    level: Level
    aggregate: Aggregate
    direction: Direction
    scale: Scale
    status: Status
    definition: str
    source: str
    source_url: str
    licence: str
    updated: str
    caveat: str = ""
    calibration: str = ""  # how illustrative or estimated figures were calibrated (free text)
    context: str = ""  # national indicators: "line" or "bars" in the national context chart, "" not shown
    small_sample_below: int = SMALL_SAMPLE_BELOW
    suppress_below: int = SUPPRESS_BELOW
    # field -> language -> text, for TEXT_FIELDS; English from the base column, empty cells omitted
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}), hash=False)

    @property
    def is_illustrative(self) -> bool:
        return self.status is Status.ILLUSTRATIVE

    @property
    def is_whole_number(self) -> bool:
        """Counts (persons, households) are whole numbers."""
        return self.value_type is ValueType.COUNT

    def text(self, name: str, language: str) -> str:
        """A text field (``label``, ``unit``, ...) in ``language``, falling back to English."""
        translations = self.texts.get(name, {})
        return translations.get(language) or translations.get("en") or getattr(self, name, "")
