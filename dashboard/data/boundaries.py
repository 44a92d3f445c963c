"""District boundaries: reading and checking the GeoJSON, and the geometry the browser receives."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import geopandas as gpd
import shapely
import shapely.ops
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from .problems import NO_COLUMN, Problem
from .readers import read_text

ATTRIBUTION = "© OpenStreetMap contributors; geoBoundaries"
# Generous box around Tajikistan: catches swapped or projected coordinates.
LON_RANGE, LAT_RANGE = (66.0, 76.0), (36.0, 42.0)
_FEATURE = re.compile(r'"type"\s*:\s*"Feature"')


@dataclass(frozen=True)
class Boundaries:
    """Polygons keyed by ``district_id``, plus units drawn as points (Bokhtar city)."""

    polygons: gpd.GeoDataFrame
    points: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    attribution: str = ATTRIBUTION

    @property
    def ids(self) -> set[str]:
        return set(self.polygons["district_id"]) | set(self.points)

    def label_points(self) -> dict[str, tuple[float, float]]:
        """A point well inside each polygon (of its largest part) for its name on the map."""
        found = {}
        for row in self.polygons.itertuples():
            geometry = row.geometry
            largest = max(geometry.geoms, key=lambda g: g.area) if isinstance(geometry, MultiPolygon) else geometry
            point = shapely.ops.polylabel(largest, tolerance=0.002)
            found[row.district_id] = (round(point.x, 4), round(point.y, 4))
        return found

    def areas(self) -> dict[str, float]:
        """Each polygon's area in square degrees (to tell small districts from large ones)."""
        return {row.district_id: row.geometry.area for row in self.polygons.itertuples()}

    def browser_geojson(self) -> bytes:
        """The polygons as compact GeoJSON with ``id`` = ``district_id`` (sent once per page)."""
        features = [
            {
                "type": "Feature",
                "id": row.district_id,
                "properties": {},
                "geometry": shapely.geometry.mapping(row.geometry),
            }
            for row in self.polygons.itertuples()
        ]
        text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
        return text.encode("utf-8")


def feature_lines(text: str) -> list[int]:
    """Line number of each ``"type": "Feature"`` in order (the n-th feature starts there)."""
    return [text.count("\n", 0, m.start()) + 1 for m in _FEATURE.finditer(text)]


def _orientation_problem(geometry: Polygon | MultiPolygon) -> str:
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    for number, polygon in enumerate(parts, start=1):
        where = f" (part {number})" if len(parts) > 1 else ""
        if polygon.exterior.is_ccw:
            return (
                f"exterior ring{where} is anticlockwise; plotly needs it clockwise or the polygon floods "
                "the map (fix: shapely.geometry.polygon.orient(geometry, sign=-1))"
            )
        if any(not ring.is_ccw for ring in polygon.interiors):
            return f"a hole{where} is clockwise; holes must be anticlockwise"
    return ""


def _rings(raw: dict) -> list:
    if raw["type"] == "Polygon":
        return list(raw["coordinates"])
    if raw["type"] == "MultiPolygon":
        return [ring for polygon in raw["coordinates"] for ring in polygon]
    return []


def _raw_geometry_problem(raw: object) -> str:
    """Problems shapely would silently repair or report cryptically: missing parts, open rings."""
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str) or "coordinates" not in raw:
        return "feature has no geometry (expected a Polygon, MultiPolygon or Point with coordinates)"
    try:
        rings = _rings(raw)
        for ring in rings:
            if len(ring) < 4 or list(ring[0]) != list(ring[-1]):
                return "a ring is not closed (its first and last positions differ) or has fewer than 4 positions"
    except (TypeError, IndexError, KeyError):
        return "malformed coordinates"
    return ""


def _geometry_problem(geometry) -> str:
    if isinstance(geometry, Point):
        return ""
    if not isinstance(geometry, (Polygon, MultiPolygon)):
        return f"geometry type {geometry.geom_type} is not Polygon, MultiPolygon or Point"
    if geometry.is_empty:
        return "geometry is empty"
    if not geometry.is_valid:
        return f"polygon is not valid: {shapely.is_valid_reason(geometry)}"
    return _orientation_problem(geometry)


def _bounds_problem(geometry) -> str:
    west, south, east, north = geometry.bounds
    inside = LON_RANGE[0] <= west <= east <= LON_RANGE[1] and LAT_RANGE[0] <= south <= north <= LAT_RANGE[1]
    return (
        ""
        if inside
        else (
            f"coordinates ({west:.2f}, {south:.2f}) - ({east:.2f}, {north:.2f}) lie outside "
            "Tajikistan; expected longitude, latitude in degrees (WGS84)"
        )
    )


def read_boundaries(path: Path, shown: str) -> tuple[list[dict], list[Problem]]:
    """Parse and check one GeoJSON file.

    Returns every feature that has an id, as a dict with ``district_id``, ``geometry``, ``line``,
    ``file`` and ``ok`` (False when its geometry was reported), and the problems.
    """
    text, problems = read_text(path, shown)
    if text is None:
        return [], problems
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(shown, error.lineno, NO_COLUMN, f"invalid JSON: {error.msg} (column {error.colno})")]
    if (
        not isinstance(document, dict)
        or document.get("type") != "FeatureCollection"
        or not isinstance(document.get("features"), list)
    ):
        return [], [Problem(shown, 1, "type", "not a GeoJSON FeatureCollection with a list of features")]
    lines = feature_lines(text)
    good: list[dict] = []
    seen: dict[str, int] = {}
    for number, feature in enumerate(document["features"]):
        line = lines[number] if number < len(lines) else 1
        district_id = (feature.get("properties") or {}).get("district_id") if isinstance(feature, dict) else None
        if not isinstance(district_id, str) or not district_id:
            problems.append(Problem(shown, line, "district_id", "feature has no properties.district_id"))
            continue
        if district_id in seen:
            problems.append(
                Problem(
                    shown,
                    line,
                    "district_id",
                    f"{district_id!r} has a second feature (first on line {seen[district_id]})",
                )
            )
            continue
        seen[district_id] = line
        record = {"district_id": district_id, "geometry": None, "line": line, "file": shown, "ok": False}
        good.append(record)
        raw = feature.get("geometry")
        message = _raw_geometry_problem(raw)
        if message:
            problems.append(Problem(shown, line, "geometry", f"{district_id}: {message}"))
            continue
        try:
            geometry = shape(raw)
        except Exception as error:  # shapely raises several types for malformed geometry
            problems.append(Problem(shown, line, "geometry", f"invalid GeoJSON geometry for {district_id!r}: {error}"))
            continue
        message = _geometry_problem(geometry) or _bounds_problem(geometry)
        if message:
            problems.append(Problem(shown, line, "geometry", f"{district_id}: {message}"))
            continue
        record.update(geometry=geometry, ok=True)
    return good, problems


def build_boundaries(features: list[dict], attribution: str = ATTRIBUTION) -> Boundaries:
    """Boundaries from checked features (all must be ``ok``)."""
    polygons = [f for f in features if not isinstance(f["geometry"], Point)]
    points = {
        f["district_id"]: (f["geometry"].x, f["geometry"].y) for f in features if isinstance(f["geometry"], Point)
    }
    frame = gpd.GeoDataFrame(
        {"district_id": [f["district_id"] for f in polygons]},
        geometry=[f["geometry"] for f in polygons],
        crs="EPSG:4326",
    ).sort_values("district_id", ignore_index=True)
    return Boundaries(frame, MappingProxyType(points), attribution)
