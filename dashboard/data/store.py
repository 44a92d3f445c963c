"""The in-memory store: loaded and validated once at start-up, read-only afterwards.

Vocabulary used across the code: a **unit** is one of Khatlon's 25 districts and cities (``unit_id``);
an **area** is anything a value can be for: a unit, ``khatlon`` or ``tajikistan`` (``area_id``).

Every query returns a fresh object (a copy or a tuple), so no caller can change what the next
request sees. Everything a request asks for is indexed once here: callbacks do lookups, not scans.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd

from .boundaries import Boundaries
from .model import KHATLON, TAJIKISTAN, Indicator, Level, Status, Unit
from .names import DistrictResolver
from .scenes import Scene

THEME_ORDER = ("migration", "remittances", "families", "services", "population", "national")
RESOLVED_NAMES_CACHE = 512  # distinct spellings remembered; a client cannot grow it further


@dataclass(frozen=True)
class Observation:
    """One value with its bounds, provenance and status."""

    area_id: str
    year: int
    value: float
    lower: float | None = None
    upper: float | None = None
    sample_size: int | None = None
    note: str = ""
    source: str = ""
    source_url: str = ""
    status: Status = Status.OFFICIAL  # the row's own status (a survey round may sit among model rows)
    includes: tuple[str, ...] = ()  # other units this figure also counts (e.g. a combined census figure)

    @property
    def is_illustrative(self) -> bool:
        return self.status is Status.ILLUSTRATIVE


def _optional(value: object) -> object:
    return None if value is None or (isinstance(value, float) and value != value) or value is pd.NA else value


def _observation(row: dict, indicators: Mapping[str, Indicator]) -> Observation:
    size = _optional(row.get("sample_size"))
    status = row.get("status") or indicators[row["indicator"]].status.value
    return Observation(
        area_id=row["district_id"],
        year=int(row["year"]),
        value=float(row["value"]),
        lower=_optional(row.get("lower")),
        upper=_optional(row.get("upper")),
        sample_size=None if size is None else int(size),
        note=str(_optional(row.get("note")) or ""),
        source=str(_optional(row.get("source")) or ""),
        source_url=str(_optional(row.get("source_url")) or ""),
        status=Status(status),
        includes=tuple(part for part in str(_optional(row.get("includes")) or "").split(";") if part),
    )


class DataStore:
    """Units, indicators, values, boundaries and the storyboard of one data folder."""

    def __init__(
        self,
        units: list[Unit],
        indicators: Mapping[str, Indicator],
        values: pd.DataFrame,
        boundaries: Boundaries,
        resolver: DistrictResolver,
        scenes: Sequence[Scene] = (),
    ) -> None:
        ordered = sorted(units, key=lambda u: u.name_en)
        self.units: Mapping[str, Unit] = MappingProxyType({u.unit_id: u for u in ordered})
        self.indicators: Mapping[str, Indicator] = MappingProxyType(dict(indicators))
        self.boundaries = boundaries
        self.scenes: tuple[Scene, ...] = tuple(scenes)
        self.resolver = resolver
        self.resolve = functools.lru_cache(maxsize=RESOLVED_NAMES_CACHE)(resolver.resolve)
        self._observations: dict[tuple[str, str, int], Observation] = {}
        self._series: dict[tuple[str, str], list[Observation]] = {}
        self._by_indicator: dict[str, list[Observation]] = {}
        records = values.sort_values(["indicator", "year", "district_id"]).to_dict("records")
        for row in records:
            observation = _observation(row, self.indicators)
            key = row["indicator"]
            self._observations[(key, observation.area_id, observation.year)] = observation
            self._series.setdefault((key, observation.area_id), []).append(observation)
            self._by_indicator.setdefault(key, []).append(observation)
        self._index(records)
        self._geojson = boundaries.browser_geojson()
        self.version = hashlib.sha256(
            pd.util.hash_pandas_object(values, index=False).values.tobytes() + self._geojson
        ).hexdigest()[:16]

    def _index(self, records: list[dict]) -> None:
        units = set(self.units)
        self._years: dict[str, tuple[int, ...]] = {}
        self._ranges: dict[str, tuple[float, float]] = {}
        self._statuses: dict[str, frozenset[Status]] = {}
        for key, observations in self._by_indicator.items():
            of_units = [o for o in observations if o.area_id in units]
            chosen = of_units or observations
            self._years[key] = tuple(sorted({o.year for o in chosen}))
            if of_units:
                self._ranges[key] = (min(o.value for o in of_units), max(o.value for o in of_units))
            self._statuses[key] = frozenset(o.status for o in observations)
        self._included_in = {
            (row["indicator"], included, int(row["year"])): row["district_id"]
            for row in records
            for included in str(_optional(row.get("includes")) or "").split(";")
            if included
        }
        mapped = [i for i in self.indicators.values() if i.level is Level.DISTRICT and i.id in self._by_indicator]
        self._district_indicators = tuple(sorted(mapped, key=lambda i: _theme_rank(i.theme)))
        self.polygon_ids: tuple[str, ...] = tuple(u for u in self.units if u not in self.boundaries.points)

    # ---------------------------------------------------------------- catalogue
    @property
    def geojson(self) -> bytes:
        return self._geojson

    def district_indicators(self) -> list[Indicator]:
        """Indicators that have values per unit (mappable), by theme then catalogue order."""
        return list(self._district_indicators)

    def national_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.level is Level.NATIONAL and i.id in self._by_indicator]

    def data_as_of(self) -> str:
        """The data's vintage: the latest update date of any indicator (ISO date)."""
        return max((i.updated for i in self.indicators.values()), default="")

    def years(self, indicator_id: str) -> tuple[int, ...]:
        """Years with values for units (for national indicators: for the country)."""
        return self._years.get(indicator_id, ())

    def unit_range(self, indicator_id: str) -> tuple[float, float]:
        """Lowest and highest value of any unit in any year (``nan`` if the units have none)."""
        return self._ranges.get(indicator_id, (float("nan"), float("nan")))

    def statuses(self, indicator_id: str) -> frozenset[Status]:
        """The statuses of an indicator's rows (several when, e.g., a survey round replaced model rows)."""
        return self._statuses.get(indicator_id, frozenset())

    def is_partly_illustrative(self, indicator_id: str) -> bool:
        """Some but not all rows are illustrative: each illustrative row must then be marked on its own."""
        statuses = self.statuses(indicator_id)
        return Status.ILLUSTRATIVE in statuses and len(statuses) > 1

    def shows_illustrative(self, indicator_ids: Iterable[str]) -> bool:
        """Whether any row of these indicators is illustrative."""
        return any(Status.ILLUSTRATIVE in self.statuses(i) for i in indicator_ids)

    # ---------------------------------------------------------------- values
    def observation(self, indicator_id: str, area_id: str | None, year: int) -> Observation | None:
        return self._observations.get((indicator_id, area_id, year))

    def series(self, indicator_id: str, area_id: str) -> list[Observation]:
        """Every year's observation for one area (a unit, ``khatlon`` or ``tajikistan``), by year."""
        return list(self._series.get((indicator_id, area_id), []))

    def year_observations(self, indicator_id: str, year: int) -> list[Observation]:
        """The units' observations of one year (no aggregates), in unit order."""
        return [o for u in self.units if (o := self._observations.get((indicator_id, u, year))) is not None]

    def indicator_observations(self, indicator_id: str) -> list[Observation]:
        """Every row of one indicator (units and aggregates), by year then area."""
        return list(self._by_indicator.get(indicator_id, []))

    def counted_in(self, indicator_id: str, area_id: str, year: int) -> str | None:
        """The unit whose figure also counts ``area_id`` (e.g. Bokhtar city in Kushoniyon's census row)."""
        return self._included_in.get((indicator_id, area_id, year))


def _theme_rank(theme: str) -> int:
    return THEME_ORDER.index(theme) if theme in THEME_ORDER else len(THEME_ORDER)


__all__ = ["DataStore", "Observation", "KHATLON", "TAJIKISTAN"]
