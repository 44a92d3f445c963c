"""Typed records of the data package: units (districts and cities) and indicators."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class UnitType(StrEnum):
    CITY = "city"
    DISTRICT = "district"


class Status(StrEnum):
    """How far a number can be trusted; shown wherever the number is shown."""

    OFFICIAL = "official"
    SURVEY = "survey"
    ILLUSTRATIVE = "illustrative"


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


KHATLON = "khatlon"
TAJIKISTAN = "tajikistan"
AGGREGATE_AREAS = (KHATLON, TAJIKISTAN)


@dataclass(frozen=True)
class District:
    """One of Khatlon's 25 units (4 cities, 21 districts)."""

    district_id: str
    type: UnitType
    name_en: str
    name_ru: str
    name_tg: str
    former_names: tuple[str, ...] = ()
    alt_spellings: tuple[str, ...] = ()
    admin_centre: str = ""
    rename_note: str = ""
    previous_name: str = ""  # name before the 2016-2018 renaming, e.g. "Jilikul" for Dusti
    renamed: str = ""  # year of that renaming


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

    @property
    def is_illustrative(self) -> bool:
        return self.status is Status.ILLUSTRATIVE
