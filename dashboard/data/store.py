"""The in-memory store: loaded and validated once at start-up, read-only afterwards.

Every query returns a fresh object (a copy or a tuple), so no caller can change what the next
request sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd

from .boundaries import Boundaries
from .model import KHATLON, TAJIKISTAN, District, Indicator, Level, Status
from .names import DistrictResolver
from .scenes import Scene

THEME_ORDER = ("migration", "remittances", "families", "services", "population", "national")
OBSERVATION_COLUMNS = ["value", "lower", "upper", "sample_size", "note", "source", "source_url"]


@dataclass(frozen=True)
class Observation:
    """One value with its bounds and provenance."""

    area_id: str
    year: int
    value: float
    lower: float | None = None
    upper: float | None = None
    sample_size: int | None = None
    note: str = ""
    source: str = ""
    source_url: str = ""


def _observation(area_id: str, year: int, row: pd.Series) -> Observation:
    def optional(name: str):
        value = row.get(name)
        return None if value is None or pd.isna(value) else value

    size = optional("sample_size")
    return Observation(
        area_id,
        int(year),
        float(row["value"]),
        optional("lower"),
        optional("upper"),
        None if size is None else int(size),
        row.get("note", "") or "",
        row.get("source", "") or "",
        row.get("source_url", "") or "",
    )


class DataStore:
    """Districts, indicators, values and boundaries of one data folder.

    Everything a request asks for (years, observations, value ranges) is indexed once here, so
    callbacks do lookups, not scans of the data.
    """

    def __init__(
        self,
        districts: list[District],
        indicators: Mapping[str, Indicator],
        values: pd.DataFrame,
        boundaries: Boundaries,
        resolver: DistrictResolver,
        scenes: Sequence[Scene] = (),
    ) -> None:
        ordered = sorted(districts, key=lambda d: d.name_en)
        self.districts: Mapping[str, District] = MappingProxyType({d.district_id: d for d in ordered})
        self.indicators: Mapping[str, Indicator] = MappingProxyType(dict(indicators))
        self.boundaries = boundaries
        self.resolver = resolver
        self.scenes: tuple[Scene, ...] = tuple(scenes)
        columns = ["district_id", "indicator", "year", *OBSERVATION_COLUMNS]
        values = values[columns].sort_values(["indicator", "year", "district_id"], ignore_index=True)
        self._by_indicator: Mapping[str, pd.DataFrame] = MappingProxyType(
            {key: frame.reset_index(drop=True) for key, frame in values.groupby("indicator", sort=False)}
        )
        self._observations: dict[tuple[str, str, int], Observation] = {}
        self._series: dict[tuple[str, str], list[Observation]] = {}
        for row in values.to_dict("records"):
            observation = _observation(row["district_id"], row["year"], row)
            self._observations[(row["indicator"], row["district_id"], int(row["year"]))] = observation
            self._series.setdefault((row["indicator"], row["district_id"]), []).append(observation)
        self._years = {key: _unit_years(frame) for key, frame in self._by_indicator.items()}
        units = values[values["district_id"].isin(list(self.districts))]
        self._unit_ranges = {
            key: (float(frame["value"].min()), float(frame["value"].max()))
            for key, frame in units.groupby("indicator", sort=False)
        }
        mapped = [i for i in self.indicators.values() if i.level is Level.DISTRICT and i.id in self._by_indicator]
        self._district_indicators = tuple(sorted(mapped, key=lambda i: _theme_rank(i.theme)))
        self._geojson = boundaries.browser_geojson()

    # ---------------------------------------------------------------- catalogue
    @property
    def geojson(self) -> bytes:
        return self._geojson

    @property
    def district_ids(self) -> tuple[str, ...]:
        return tuple(self.districts)

    def district_indicators(self) -> list[Indicator]:
        """Indicators that have values per unit (mappable), by theme then catalogue order."""
        return list(self._district_indicators)

    def national_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.level is Level.NATIONAL and i.id in self._by_indicator]

    def data_as_of(self) -> str:
        """Latest update date of the published (non-illustrative) indicators."""
        dates = [i.updated for i in self.indicators.values() if i.status is not Status.ILLUSTRATIVE]
        return max(dates) if dates else max((i.updated for i in self.indicators.values()), default="")

    def years(self, indicator_id: str) -> tuple[int, ...]:
        """Years with values for units (for national indicators: for the country)."""
        return self._years.get(indicator_id, ())

    def unit_range(self, indicator_id: str) -> tuple[float, float]:
        """Lowest and highest value of any unit in any year (``nan`` if the units have none)."""
        return self._unit_ranges.get(indicator_id, (float("nan"), float("nan")))

    # ---------------------------------------------------------------- values
    def rows(self, indicator_id: str) -> pd.DataFrame:
        """All rows of one indicator (a copy)."""
        frame = self._by_indicator.get(indicator_id)
        return (
            pd.DataFrame(columns=["district_id", "year", *OBSERVATION_COLUMNS])
            if frame is None
            else frame.drop(columns="indicator").copy()
        )

    def snapshot(self, indicator_id: str, year: int) -> pd.DataFrame:
        """One row per unit (all 25, in name order) for a year; missing values are NaN (a new frame)."""
        frame = self._by_indicator.get(indicator_id)
        if frame is None:
            return pd.DataFrame(index=list(self.districts), columns=OBSERVATION_COLUMNS, dtype=float)
        rows = frame[frame["year"] == year].set_index("district_id")
        return rows.reindex(list(self.districts))[OBSERVATION_COLUMNS]

    def observation(self, indicator_id: str, area_id: str, year: int) -> Observation | None:
        return self._observations.get((indicator_id, area_id, year))

    def series(self, indicator_id: str, area_id: str) -> list[Observation]:
        """Every year's observation for one area (a unit, ``khatlon`` or ``tajikistan``), by year."""
        return list(self._series.get((indicator_id, area_id), []))


def _unit_years(frame: pd.DataFrame) -> tuple[int, ...]:
    units = frame[~frame["district_id"].isin([KHATLON, TAJIKISTAN])]
    chosen = units if not units.empty else frame
    return tuple(sorted(int(y) for y in chosen["year"].unique()))


def _theme_rank(theme: str) -> int:
    return THEME_ORDER.index(theme) if theme in THEME_ORDER else len(THEME_ORDER)
