"""Reading a whole data folder: every file checked, every problem collected, one store built.

Layout of a data folder (see ``data/SOURCES.md``)::

    districts.csv                 the 25 units and their names
    boundaries/*.geojson          polygons (and Bokhtar's point) keyed by district_id
    indicators/catalogue.csv      one row per indicator
    indicators/*.csv              values, one per row
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from shapely.geometry import Point

from .boundaries import build_boundaries, read_boundaries
from .combined import Replacement, check_values, describe_replacements
from .model import Indicator, UnitType
from .names import DistrictResolver
from .problems import NO_COLUMN, DataValidationError, Problem, display_path, listed
from .scenes import read_scenes
from .store import DataStore
from .tables import build_resolver, load_catalogue, load_districts, name_keys
from .values import ValueContext, read_value_file

DISTRICTS_FILE = Path("districts.csv")
SCENES_FILE = Path("scenes.yaml")
CATALOGUE_FILE = Path("indicators") / "catalogue.csv"
BOUNDARIES_DIR = Path("boundaries")
INDICATORS_DIR = Path("indicators")


@dataclass(frozen=True)
class Validation:
    """The outcome of checking a data folder.

    ``problems`` are errors and warnings as listed (sorted, at most 50 per file, then a line
    counting the rest); ``errors`` and ``warnings`` count all that were found. The store is built
    when there is no error (warnings allowed). ``replaced`` lists the rows that a more trusted row
    replaced.
    """

    store: DataStore | None
    problems: tuple[Problem, ...] = ()
    errors: int = 0
    warnings: int = 0
    replaced: tuple[Replacement, ...] = ()
    counts: tuple[int, int, int] = (0, 0, 0)  # units, indicators, values loaded

    def summary(self) -> str:
        """``25 units, 19 indicators, 2000 values; 12 illustrative rows replaced by survey rows``."""
        units, indicators, values = self.counts
        loaded = f"{units} units, {indicators} indicators, {values} values"
        return "; ".join(part for part in (loaded, describe_replacements(self.replaced)) if part)


def check_data_dir(data_dir: Path, shown_as: str | None = None) -> Validation:
    """Check every file of ``data_dir``; build the store if no error was found.

    ``shown_as`` is how the folder is written in messages (default: as given).
    """
    data_dir = Path(data_dir)

    def shown(path: Path) -> str:
        return display_path(path, data_dir, shown_as)

    if not data_dir.is_dir():
        return _outcome(None, [Problem(str(shown_as or data_dir), 1, NO_COLUMN, "data folder not found")])
    problems: list[Problem] = []
    districts, found = _if_exists(data_dir / DISTRICTS_FILE, shown, load_districts, [])
    problems += found
    indicators, found = _if_exists(data_dir / CATALOGUE_FILE, shown, load_catalogue, {})
    problems += found

    features: list[dict] = []
    geojson_files = sorted((data_dir / BOUNDARIES_DIR).glob("*.geojson"))
    if not geojson_files:
        problems.append(Problem(shown(data_dir / BOUNDARIES_DIR), 1, NO_COLUMN, "no .geojson file found"))
    unreadable = False
    for path in geojson_files:
        good, found = read_boundaries(path, shown(path))
        unreadable = unreadable or (not good and bool(found))
        features += good
        problems += found
    if districts:
        problems += _cross_check(
            districts,
            features,
            data_dir / DISTRICTS_FILE,
            shown(data_dir / DISTRICTS_FILE),
            report_missing=not unreadable and bool(geojson_files),
        )

    resolver = build_resolver(districts)
    context = ValueContext(
        resolver,
        indicators,
        strict_districts=bool(districts),
        strict_indicators=bool(indicators),
        known_keys=name_keys(districts),
    )
    frames, found, all_read = _read_value_files(data_dir, shown, context)
    problems += found
    checked = check_values(frames, indicators) if indicators else None
    if checked is not None:
        problems += checked.problems

    scenes: list = []
    if (data_dir / SCENES_FILE).is_file() and checked is not None:
        years = _years_in(checked.values) if all_read else _catalogue_years(indicators)
        resolve = resolver.resolve if districts else str  # no districts.csv: names cannot be checked
        statuses = _statuses_in(checked.values, indicators, all_read)
        scenes, found = read_scenes(
            data_dir / SCENES_FILE, shown(data_dir / SCENES_FILE), indicators, years, resolve, statuses
        )
        problems += found

    if checked is None or any(not p.warning for p in problems):
        return _outcome(None, problems)
    store = DataStore(districts, indicators, checked.values, build_boundaries(features), resolver, scenes)
    counts = (len(districts), len(indicators), len(checked.values))
    return _outcome(store, problems, checked.replaced, counts)


def _read_value_files(
    data_dir: Path, shown: Callable[[Path], str], context: ValueContext
) -> tuple[list[pd.DataFrame], list[Problem], bool]:
    """The typed rows of every indicator file, the problems, and whether every file could be read.

    When a file could not be read, what depends on its rows (the storyboard's years) is not checked.
    """
    frames: list[pd.DataFrame] = []
    problems: list[Problem] = []
    all_read = True
    for path in sorted((data_dir / INDICATORS_DIR).glob("*.csv")):
        if path.name == CATALOGUE_FILE.name:
            continue
        frame, found = read_value_file(path, shown(path), context)
        problems += found
        all_read = all_read and frame is not None
        if frame is not None:
            frames.append(frame)
    return frames, problems, all_read


def _outcome(
    store: DataStore | None, problems: list[Problem], replaced: tuple = (), counts: tuple = (0, 0, 0)
) -> Validation:
    warnings = sum(p.warning for p in problems)
    return Validation(store, tuple(listed(problems)), len(problems) - warnings, warnings, replaced, counts)


def validate_data_dir(data_dir: Path, shown_as: str | None = None) -> tuple[DataStore | None, list[Problem]]:
    """Check every file of ``data_dir``; return the store (``None`` if any error) and the problems.

    The problems are listed as :func:`check_data_dir` lists them (warnings included).
    """
    validation = check_data_dir(data_dir, shown_as)
    return validation.store, list(validation.problems)


def _statuses_in(
    values: pd.DataFrame, indicators: Mapping[str, Indicator], all_read: bool
) -> Callable[[str], frozenset[str]]:
    """indicator id -> the statuses of its rows (with the catalogue's when some files were unread)."""
    found = {key: frozenset(frame["status"]) for key, frame in values.groupby("indicator")}

    def statuses(indicator_id: str) -> frozenset[str]:
        given = found.get(indicator_id, frozenset())
        if (all_read and given) or indicator_id not in indicators:
            return given
        return given | {indicators[indicator_id].status.value}

    return statuses


def _catalogue_years(indicators: Mapping[str, Indicator]) -> Callable[[str], tuple[int, ...]]:
    """indicator id -> every year of its catalogue range (when some values could not be read)."""
    return lambda i: tuple(range(indicators[i].first_year, indicators[i].last_year + 1)) if i in indicators else ()


def _years_in(values: pd.DataFrame):
    """indicator id -> the years it has values for (for checking the storyboard)."""
    by_indicator = {
        key: tuple(sorted(int(y) for y in frame["year"].unique())) for key, frame in values.groupby("indicator")
    }
    return lambda indicator_id: by_indicator.get(indicator_id, ())


def load_store(data_dir: Path) -> DataStore:
    """Load a data folder or raise :class:`DataValidationError` listing every problem."""
    validation = check_data_dir(data_dir)
    if validation.store is None:
        raise DataValidationError(list(validation.problems))
    return validation.store


def _if_exists(path: Path, shown, load, empty):
    if not path.is_file():
        return empty, [Problem(shown(path), 1, NO_COLUMN, "file not found")]
    return load(path, shown(path))


def _cross_check(
    districts, features: list[dict], districts_path: Path, districts_shown: str, report_missing: bool = True
) -> list[Problem]:
    """Every unit has exactly one shape, only cities are points, and every shape belongs to a unit.

    ``report_missing=False`` when a boundaries file could not be read at all: its districts would
    all be "missing", which says nothing new.
    """
    known = {d.unit_id: d for d in districts}
    drawn: dict[str, dict] = {}
    problems = []
    for feature in features:
        district_id = feature["district_id"]
        if district_id in drawn:
            first = drawn[district_id]
            if first["file"] != feature["file"]:
                problems.append(
                    Problem(
                        feature["file"],
                        feature["line"],
                        "district_id",
                        f"{district_id!r} already has a shape in {first['file']}:{first['line']}",
                    )
                )
            continue
        drawn[district_id] = feature
        if district_id not in known:
            problems.append(
                Problem(feature["file"], feature["line"], "district_id", f"{district_id!r} has no row in districts.csv")
            )
        elif isinstance(feature["geometry"], Point) and known[district_id].type is not UnitType.CITY:
            problems.append(
                Problem(
                    feature["file"],
                    feature["line"],
                    "geometry",
                    f"{district_id}: only a city may be drawn as a point; a district needs its polygon",
                )
            )
    for number, district in enumerate(districts, start=2):
        if report_missing and district.unit_id not in drawn:
            problems.append(
                Problem(
                    districts_shown,
                    _line_of(districts_path, district.unit_id, number),
                    "district_id",
                    f"{district.unit_id!r} has no polygon or point in boundaries/",
                )
            )
    return problems


def _line_of(path: Path, district_id: str, fallback: int) -> int:
    """The line of ``district_id``'s row in ``path`` (the file itself, wherever the command runs)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if line.startswith(district_id + ","):
                    return number
    except OSError:
        pass
    return fallback


@functools.lru_cache(maxsize=4)
def cached_resolver(data_dir: Path) -> DistrictResolver:
    """A resolver over ``data_dir/districts.csv`` alone (for :func:`dashboard.data.resolve_district`)."""
    districts, problems = load_districts(data_dir / DISTRICTS_FILE, str(data_dir / DISTRICTS_FILE))
    if not districts:
        raise DataValidationError(listed(problems))
    return build_resolver(districts)
