"""Reading a whole data folder: every file checked, every problem collected, one store built.

Layout of a data folder (see ``data/SOURCES.md``)::

    districts.csv                 the 25 units and their names
    boundaries/*.geojson          polygons (and Bokhtar's point) keyed by district_id
    indicators/catalogue.csv      one row per indicator
    indicators/*.csv              values, one per row
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
from shapely.geometry import Point

from .boundaries import build_boundaries, read_boundaries
from .model import UnitType
from .names import DistrictResolver
from .problems import NO_COLUMN, DataValidationError, Problem, display_path
from .scenes import read_scenes
from .store import DataStore
from .tables import ValueContext, build_resolver, check_values, load_catalogue, load_districts, read_value_file

DISTRICTS_FILE = Path("districts.csv")
SCENES_FILE = Path("scenes.yaml")
CATALOGUE_FILE = Path("indicators") / "catalogue.csv"
BOUNDARIES_DIR = Path("boundaries")
INDICATORS_DIR = Path("indicators")


def validate_data_dir(data_dir: Path, shown_as: str | None = None) -> tuple[DataStore | None, list[Problem]]:
    """Check every file of ``data_dir``; return the store (``None`` if anything is wrong) and problems.

    ``shown_as`` is how the folder is written in messages (default: as given).
    """
    data_dir = Path(data_dir)

    def shown(path: Path) -> str:
        return display_path(path, data_dir, shown_as)

    problems: list[Problem] = []
    if not data_dir.is_dir():
        return None, [Problem(str(shown_as or data_dir), 1, NO_COLUMN, "data folder not found")]

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
            districts, features, shown(data_dir / DISTRICTS_FILE), report_missing=not unreadable and bool(geojson_files)
        )

    resolver = build_resolver(districts)
    context = ValueContext(resolver, indicators, strict_districts=bool(districts), strict_indicators=bool(indicators))
    frames: list[pd.DataFrame] = []
    for path in sorted((data_dir / INDICATORS_DIR).glob("*.csv")):
        if path.name == CATALOGUE_FILE.name:
            continue
        frame, found = read_value_file(path, shown(path), context)
        problems += found
        if frame is not None:
            frames.append(frame)
    values, found = check_values(frames, indicators) if indicators else (None, [])
    problems += found

    scenes: list = []
    if (data_dir / SCENES_FILE).is_file() and values is not None:
        scenes, found = read_scenes(
            data_dir / SCENES_FILE, shown(data_dir / SCENES_FILE), indicators, _years_in(values), resolver.resolve
        )
        problems += found

    if problems or values is None:
        return None, sorted(problems)
    return DataStore(districts, indicators, values, build_boundaries(features), resolver, scenes), []


def _years_in(values: pd.DataFrame):
    """indicator id -> the years it has values for (for checking the storyboard)."""
    by_indicator = {
        key: tuple(sorted(int(y) for y in frame["year"].unique())) for key, frame in values.groupby("indicator")
    }
    return lambda indicator_id: by_indicator.get(indicator_id, ())


def load_store(data_dir: Path) -> DataStore:
    """Load a data folder or raise :class:`DataValidationError` listing every problem."""
    store, problems = validate_data_dir(data_dir)
    if store is None:
        raise DataValidationError(problems)
    return store


def _if_exists(path: Path, shown, load, empty):
    if not path.is_file():
        return empty, [Problem(shown(path), 1, NO_COLUMN, "file not found")]
    return load(path, shown(path))


def _cross_check(districts, features: list[dict], districts_shown: str, report_missing: bool = True) -> list[Problem]:
    """Every unit has exactly one shape, only cities are points, and every shape belongs to a unit.

    ``report_missing=False`` when a boundaries file could not be read at all: its districts would
    all be "missing", which says nothing new.
    """
    known = {d.district_id: d for d in districts}
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
        if report_missing and district.district_id not in drawn:
            problems.append(
                Problem(
                    districts_shown,
                    _line_of(districts_shown, district.district_id, number),
                    "district_id",
                    f"{district.district_id!r} has no polygon or point in boundaries/",
                )
            )
    return problems


def _line_of(shown: str, district_id: str, fallback: int) -> int:
    try:
        with open(shown, encoding="utf-8") as handle:
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
        raise DataValidationError(problems)
    return build_resolver(districts)
