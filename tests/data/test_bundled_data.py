"""The bundled data package: complete, honest about its sources, fast to load."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

from dashboard.data import KHATLON, DataStore, Status, load_store

from ..conftest import BUNDLED

ILLUSTRATIVE_IDS = {
    "hh_member_abroad_pct",
    "hh_receiving_remittances_pct",
    "remittance_share_income_pct",
    "remittance_monthly_usd",
    "returned_migrants_per_1000",
    "children_parent_abroad_pct",
    "women_headed_migration_pct",
    "coverage_psychosocial_pct",
    "coverage_medical_pct",
    "coverage_livelihood_pct",
    "coverage_education_pct",
    "coverage_social_pct",
}


def test_loads_in_under_two_seconds() -> None:
    start = time.perf_counter()
    load_store(BUNDLED)
    assert time.perf_counter() - start < 2.0


def test_25_units_24_polygons_and_bokhtar_point(store: DataStore) -> None:
    assert len(store.districts) == 25
    assert sum(d.type == "city" for d in store.districts.values()) == 4
    assert len(store.boundaries.polygons) == 24
    assert dict(store.boundaries.points).keys() == {"bokhtar"}
    assert store.boundaries.ids == set(store.districts)
    lon, lat = store.boundaries.points["bokhtar"]
    kushoniyon = store.boundaries.polygons.set_index("district_id").geometry["kushoniyon"]
    assert kushoniyon.contains(shape({"type": "Point", "coordinates": [lon, lat]}))


def test_every_exterior_ring_is_clockwise_and_every_hole_anticlockwise() -> None:
    document = json.loads((BUNDLED / "boundaries" / "khatlon_districts.geojson").read_text(encoding="utf-8"))
    polygons = 0
    for feature in document["features"]:
        geometry = shape(feature["geometry"])
        for polygon in getattr(geometry, "geoms", [geometry]) if geometry.geom_type != "Point" else []:
            polygons += 1
            assert not polygon.exterior.is_ccw, feature["id"]
            assert all(ring.is_ccw for ring in polygon.interiors), feature["id"]
    assert polygons >= 24


def test_neighbours_neither_overlap_nor_leave_gaps(store: DataStore) -> None:
    geometries = list(
        store.boundaries.polygons.to_crs("+proj=aea +lat_1=36.5 +lat_2=38.5 +lat_0=37.5 +lon_0=69.5").geometry
    )
    union = unary_union(geometries)
    assert sum(g.area for g in geometries) - union.area < 1.0  # m²: no overlaps
    outline_holes = sum(len(p.interiors) for p in getattr(union, "geoms", [union]))
    assert outline_holes == 0  # no slivers between neighbours
    assert 24_000 < union.area / 1e6 < 24_500  # km², as the 2017 polygons


def test_catalogue_marks_illustrative_indicators(store: DataStore) -> None:
    illustrative = {i.id for i in store.indicators.values() if i.status is Status.ILLUSTRATIVE}
    assert illustrative == ILLUSTRATIVE_IDS
    for indicator in store.indicators.values():
        assert indicator.source and indicator.licence and indicator.updated
        if indicator.is_illustrative:
            assert "not official" in indicator.caveat.lower()


def test_illustrative_series_cover_all_units_2019_2024(store: DataStore) -> None:
    for indicator_id in ILLUSTRATIVE_IDS:
        rows = store.rows(indicator_id)
        assert set(rows["year"]) == set(range(2019, 2025))
        assert set(rows["district_id"]) == set(store.districts) | {KHATLON}
        assert len(rows) == 26 * 6
        assert rows["note"].str.startswith("ILLUSTRATIVE").all()
        assert (rows["lower"] <= rows["value"]).all() and (rows["value"] <= rows["upper"]).all()
        assert (rows["sample_size"] > 0).all()


def test_khatlon_rows_are_household_weighted_not_unweighted_means(store: DataStore) -> None:
    weights = pd.read_csv(BUNDLED / "scripts" / "illustrative_weights.csv").set_index("district_id")
    rows = store.rows("hh_member_abroad_pct")
    for year in range(2019, 2025):
        year_rows = rows[rows["year"] == year].set_index("district_id")
        districts = year_rows.drop(index=KHATLON)
        households = weights.loc[districts.index, "households_weight"]
        weighted = (districts["value"] * households).sum() / households.sum()
        khatlon = year_rows.at[KHATLON, "value"]
        assert khatlon == pytest.approx(weighted, abs=0.06)  # district values are rounded to 0.1
        assert abs(khatlon - districts["value"].mean()) > 0.1
    anchors = rows[rows["district_id"] == KHATLON].set_index("year")["value"]
    assert anchors[2023] == pytest.approx(40.0, abs=0.1)  # IOM 2023: around 40 %
    assert anchors[2024] == pytest.approx(42.0, abs=0.1)  # World Bank 2024: about 42 %


def test_real_rows_keep_their_source(store: DataStore) -> None:
    for indicator in store.indicators.values():
        if indicator.is_illustrative:
            continue
        rows = store.rows(indicator.id)
        assert not rows.empty
        assert (rows["source"] != "").all() and rows["source_url"].str.startswith("http").all(), indicator.id


def test_remittances_series_is_the_wdi_copy(store: DataStore) -> None:
    series = {o.year: o.value for o in store.series("remittances_pct_gdp", "tajikistan")}
    assert sorted(series) == list(range(2008, 2025))
    assert series[2008] == 44.13 and series[2022] == 49.9 and series[2024] == 47.89


def test_missing_population_stays_missing(store: DataStore) -> None:
    snapshot = store.snapshot("population", 2020)
    missing = set(snapshot[snapshot["value"].isna()].index)
    assert missing == {"bokhtar", "kulob", "norak", "levakant", "kushoniyon", "vose", "danghara", "panj", "qubodiyon"}
    assert snapshot.loc["dusti", "value"] == 117_100


def test_generator_is_reproducible(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns("sources"))
    subprocess.run(
        [sys.executable, str(BUNDLED / "scripts" / "generate_illustrative.py"), "--data-dir", str(copy)],
        check=True,
        capture_output=True,
    )
    for path in sorted((BUNDLED / "indicators").glob("illustrative_*.csv")):
        assert (copy / "indicators" / path.name).read_bytes() == path.read_bytes(), path.name


def test_build_scripts_reproduce_the_committed_files(tmp_path: Path) -> None:
    sources = BUNDLED / "sources"
    scripts = BUNDLED / "scripts"
    out = tmp_path / "out"
    (out / "indicators").mkdir(parents=True)
    commands = [
        [scripts / "build_districts.py", sources, "--out", out / "districts.csv"],
        [scripts / "build_boundaries.py", sources, "--out", out / "boundaries.geojson"],
        [scripts / "build_real_indicators.py", sources, "--out-dir", out / "indicators"],
    ]
    for command in commands:
        subprocess.run([sys.executable, *map(str, command)], check=True, capture_output=True)
    assert (out / "districts.csv").read_bytes() == (BUNDLED / "districts.csv").read_bytes()
    assert (out / "boundaries.geojson").read_bytes() == (
        BUNDLED / "boundaries" / "khatlon_districts.geojson"
    ).read_bytes()
    for path in (out / "indicators").glob("*.csv"):
        assert path.read_bytes() == (BUNDLED / "indicators" / path.name).read_bytes()


def test_raw_sources_are_the_verbatim_copies() -> None:
    topojson = BUNDLED / "sources" / "boundaries" / "geoBoundaries-TJK-ADM2.topojson"
    assert hashlib.sha256(topojson.read_bytes()).hexdigest() == (
        "e62ed1ef1e10cdd10a456df2e551cae4a17e869d12d6340b763e62f533e7f9f7"
    )  # as in data/sources/SOURCES.md


def test_districts_csv_has_three_languages_and_former_names() -> None:
    with open(BUNDLED / "districts.csv", encoding="utf-8") as handle:
        rows = {r["district_id"]: r for r in csv.DictReader(handle)}
    assert all(r["name_en"] and r["name_ru"] and r["name_tg"] for r in rows.values())
    assert "Jilikul District" in rows["dusti"]["former_names"]
    assert "Bokhtar District" in rows["kushoniyon"]["former_names"]
