"""Build ``data/boundaries/khatlon_districts.geojson`` from the geoBoundaries TopoJSON.

Usage::

    python data/scripts/build_boundaries.py SOURCE_DIR [--tolerance DEG] [--out FILE]

``SOURCE_DIR`` is the folder holding ``boundaries/geoBoundaries-TJK-ADM2.topojson`` and
``khatlon_districts.csv`` (the project's ``../shared/data-sources``).

What it does, and why:

* Decodes the quantized TopoJSON arcs once, keeps the 24 Khatlon geometries (matched through the
  crosswalk column ``geoboundaries2017_shapeName``), and simplifies **each arc once**
  (Douglas-Peucker, end points fixed). Neighbours share arcs, so their common border is the very
  same simplified line on both sides: no gaps and no overlaps appear.
* Orients every exterior ring clockwise and every hole anticlockwise, which is what plotly's
  d3-geo renderer expects (an anticlockwise exterior floods the whole globe).
* Adds Bokhtar city, which has no polygon of its own in the 2017 data (it lies inside
  Kushoniyon, the former "Bokhtar District"), as a Point at the coordinates given in the
  English Wikipedia infobox (37°50′11″N 68°46′49″E).
* Writes one feature per line, so that validation messages can point at a line.
* Prints the measured shared-border mismatch (overlap and gap area between neighbours, and the
  largest distance between the two sides of any shared border) and the simplification error.

Licence of the output: ODbL 1.0, "© OpenStreetMap contributors; geoBoundaries".
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from pathlib import Path

import geopandas as gpd
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient
from shapely.ops import unary_union
from shapely.strtree import STRtree

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "boundaries" / "khatlon_districts.geojson"
TOPOJSON = Path("boundaries") / "geoBoundaries-TJK-ADM2.topojson"
CROSSWALK = Path("khatlon_districts.csv")
OBJECT_NAME = "TJK-ADM2-16282066"
BOKHTAR_POINT = (68.78028, 37.83639)  # lon, lat: en.wikipedia.org/wiki/Bokhtar infobox
EQUAL_AREA_CRS = "+proj=aea +lat_1=36.5 +lat_2=38.5 +lat_0=37.5 +lon_0=69.5 +datum=WGS84 +units=m"
DECIMALS = 4  # about 10 m, well below one screen pixel at province scale
ATTRIBUTION = "© OpenStreetMap contributors; geoBoundaries (Runfola et al. 2020), ODbL 1.0"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Decode delta-encoded, quantized TopoJSON arcs into lon/lat coordinates."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify_arc(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on one arc; end points stay, closed arcs keep at least a triangle."""
    if tolerance <= 0 or len(points) < 3:
        return points
    closed = points[0] == points[-1]
    simplified = list(LineString(points).simplify(tolerance, preserve_topology=False).coords)
    if closed and len(simplified) < 4:
        step = max(1, (len(points) - 1) // 3)
        simplified = [points[0], points[step], points[2 * step], points[0]]
    return [(round(x, DECIMALS), round(y, DECIMALS)) for x, y in simplified]


def crossing_arcs(arcs: list[list[tuple[float, float]]]) -> set[int]:
    """Indices of arcs that touch another arc anywhere but at a shared end point."""
    lines = [LineString(a) for a in arcs]
    tree = STRtree(lines)
    bad: set[int] = set()
    for i, j in zip(*tree.query(lines, predicate="intersects")):
        if i >= j:
            continue
        meet = lines[i].intersection(lines[j])
        ends = {arcs[i][0], arcs[i][-1]} & {arcs[j][0], arcs[j][-1]}
        points = [meet] if meet.geom_type == "Point" else list(getattr(meet, "geoms", [meet]))
        if any(g.geom_type != "Point" or (g.x, g.y) not in ends for g in points):
            bad.update((int(i), int(j)))
    return bad


def simplify_without_crossings(arcs: list, tolerance: float) -> list[list[tuple[float, float]]]:
    """Simplify every arc; halve the tolerance of arcs that would cross another, until none do."""
    rounded = [[(round(x, DECIMALS), round(y, DECIMALS)) for x, y in arc] for arc in arcs]
    tolerances = [tolerance] * len(arcs)
    simplified = [simplify_arc(a, tolerance) for a in rounded]
    for _ in range(12):
        bad = crossing_arcs(simplified)
        if not bad:
            return simplified
        for i in bad:
            tolerances[i] /= 2
            simplified[i] = simplify_arc(rounded[i], tolerances[i])
    return rounded


def ring_from_arcs(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join the arcs of one ring (a negative index means the arc reversed)."""
    ring: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def geometry_from_arcs(geometry: dict, arcs: list) -> MultiPolygon:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    parts = []
    for rings in polygons:
        exterior, *holes = (ring_from_arcs(r, arcs) for r in rings)
        parts.append(orient(Polygon(exterior, holes), sign=-1.0))
    return MultiPolygon(parts)


def load_crosswalk(source_dir: Path) -> dict[str, tuple[str, str]]:
    """geoBoundaries shapeName -> (district_id, current English name)."""
    with open(source_dir / CROSSWALK, encoding="utf-8") as handle:
        return {
            row["geoboundaries2017_shapeName"]: (row["unit_key"], row["name_en_current"])
            for row in csv.DictReader(handle)
            if row["geoboundaries2017_shapeName"]
        }


def build(source_dir: Path, tolerance: float) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, dict]:
    """Return (simplified, original) polygon frames and the shapeName/shapeID of each unit."""
    topology = json.loads((source_dir / TOPOJSON).read_text(encoding="utf-8"))
    crosswalk = load_crosswalk(source_dir)
    raw_arcs = decode_arcs(topology)
    simple_arcs = simplify_without_crossings(raw_arcs, tolerance)
    rows, originals, meta = [], [], {}
    for geometry in topology["objects"][OBJECT_NAME]["geometries"]:
        shape_name = geometry["properties"]["shapeName"]
        if shape_name not in crosswalk:
            continue
        district_id, name = crosswalk[shape_name]
        meta[district_id] = (name, shape_name, geometry["properties"]["shapeID"])
        rows.append({"district_id": district_id, "geometry": geometry_from_arcs(geometry, simple_arcs)})
        originals.append({"district_id": district_id, "geometry": geometry_from_arcs(geometry, raw_arcs)})
    simplified = gpd.GeoDataFrame(rows, crs="EPSG:4326").sort_values("district_id", ignore_index=True)
    original = gpd.GeoDataFrame(originals, crs="EPSG:4326").sort_values("district_id", ignore_index=True)
    return simplified, original, meta


def measure(simplified: gpd.GeoDataFrame, original: gpd.GeoDataFrame) -> dict[str, float]:
    """Shared-border mismatch between neighbours and displacement from the original.

    * ``overlap_m2``: area claimed by two neighbours at once.
    * ``gap_m2``: area inside the province outline claimed by no district.
    * ``unmatched_border_m``: perimeter length that is neither a border drawn identically on both
      sides nor the province outline (0 when every shared border matches exactly).
    """
    projected = simplified.to_crs(EQUAL_AREA_CRS)
    geoms = list(projected.geometry)
    overlap = shared = 0.0
    neighbours = 0
    for a, b in itertools.combinations(geoms, 2):
        if not a.intersects(b):
            continue
        neighbours += 1
        overlap += a.intersection(b).area
        shared += a.boundary.intersection(b.boundary).length
    union_simple = unary_union(geoms)
    outline = Polygon(max(getattr(union_simple, "geoms", [union_simple]), key=lambda p: p.area).exterior)
    original_projected = original.to_crs(EQUAL_AREA_CRS)
    displacement = max(s.hausdorff_distance(o) for s, o in zip(geoms, original_projected.geometry))
    return {
        "neighbour_pairs": neighbours,
        "overlap_m2": overlap,
        "gap_m2": outline.area - union_simple.area,
        "shared_border_km": shared / 1e3,
        "unmatched_border_m": sum(g.length for g in geoms) - 2 * shared - union_simple.boundary.length,
        "max_displacement_from_original_m": displacement,
        "area_km2": union_simple.area / 1e6,
        "original_area_km2": unary_union(list(original_projected.geometry)).area / 1e6,
    }


def write_geojson(simplified: gpd.GeoDataFrame, meta: dict, out: Path) -> None:
    lines = [
        '{"type": "FeatureCollection", "attribution": '
        + json.dumps(ATTRIBUTION, ensure_ascii=False)
        + ', "features": ['
    ]
    features = []
    for row in simplified.itertuples():
        name, shape_name, shape_id = meta[row.district_id]
        geometry = row.geometry if len(row.geometry.geoms) > 1 else row.geometry.geoms[0]
        features.append(
            {
                "type": "Feature",
                "id": row.district_id,
                "properties": {
                    "district_id": row.district_id,
                    "name": name,
                    "gb_shapeName": shape_name,
                    "gb_shapeID": shape_id,
                },
                "geometry": mapping(geometry),
            }
        )
    features.append(
        {
            "type": "Feature",
            "id": "bokhtar",
            "properties": {
                "district_id": "bokhtar",
                "name": "Bokhtar",
                "note": "city centre; no polygon of its own in the 2017 data (inside Kushoniyon)",
            },
            "geometry": mapping(Point(BOKHTAR_POINT)),
        }
    )
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n" + body + "\n]}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", type=Path)
    parser.add_argument("--tolerance", type=float, default=0.002, help="degrees (default 0.002, about 200 m)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    simplified, original, meta = build(args.source_dir, args.tolerance)
    assert len(simplified) == 24, f"expected 24 Khatlon polygons, got {len(simplified)}"
    invalid = [d for d, g in zip(simplified.district_id, simplified.geometry) if not g.is_valid]
    assert not invalid, f"simplification produced invalid polygons: {invalid}"
    bokhtar = Point(BOKHTAR_POINT)
    host = simplified.loc[simplified.contains(bokhtar), "district_id"].tolist()
    assert host == ["kushoniyon"], f"Bokhtar point should fall inside Kushoniyon, found {host}"
    write_geojson(simplified, meta, args.out)
    report = measure(simplified, original)
    vertices = sum(
        len(p.exterior.coords) + sum(len(i.coords) for i in p.interiors) for g in simplified.geometry for p in g.geoms
    )
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, 24 polygons + Bokhtar point, {vertices:,} vertices)")
    for key, value in report.items():
        print(f"  {key}: {value:,.3f}" if isinstance(value, float) else f"  {key}: {value}")


if __name__ == "__main__":
    main()
