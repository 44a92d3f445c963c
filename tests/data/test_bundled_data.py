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
    assert len(store.units) == 25
    assert sum(u.type == "city" for u in store.units.values()) == 4
    assert len(store.boundaries.polygons) == 24
    assert dict(store.boundaries.points).keys() == {"bokhtar"}
    assert store.boundaries.ids == set(store.units)
    lon, lat = store.boundaries.points["bokhtar"]
    kushoniyon = store.boundaries.polygons.set_index("district_id").geometry["kushoniyon"]
    assert kushoniyon.contains(shape({"type": "Point", "coordinates": [lon, lat]}))
    assert all(u.label_ru and u.label_tg for u in store.units.values())  # short names for maps and charts


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
        rows = store.indicator_observations(indicator_id)
        assert {o.year for o in rows} == set(range(2019, 2025))
        assert {o.area_id for o in rows} == set(store.units) | {KHATLON}
        assert len(rows) == 26 * 6
        assert all(o.status is Status.ILLUSTRATIVE and o.note.startswith("ILLUSTRATIVE") for o in rows)
        units = [o for o in rows if o.area_id != KHATLON]
        assert all(o.lower <= o.value <= o.upper and o.sample_size > 0 for o in units)  # model intervals


def test_khatlon_rows_of_the_model_carry_no_interval_or_sample(store: DataStore) -> None:
    """The Khatlon row is the weighted mean of the model's districts, not a survey estimate."""
    for indicator_id in ILLUSTRATIVE_IDS:
        for o in store.series(indicator_id, KHATLON):
            assert (o.lower, o.upper, o.sample_size) == (None, None, None), (indicator_id, o.year)
            assert "no interval" in o.note and o.source.startswith("Illustrative model")


def test_khatlon_rows_are_household_weighted_not_unweighted_means(store: DataStore) -> None:
    weights = pd.read_csv(BUNDLED / "scripts" / "illustrative_weights.csv").set_index("district_id")
    for year in range(2019, 2025):
        units = {o.area_id: o.value for o in store.year_observations("hh_member_abroad_pct", year)}
        households = weights.loc[list(units), "households_weight"]
        weighted = sum(units[u] * households[u] for u in units) / households.sum()
        khatlon = store.observation("hh_member_abroad_pct", KHATLON, year).value
        assert khatlon == pytest.approx(weighted, abs=0.06)  # district values are rounded to 0.1
        assert abs(khatlon - sum(units.values()) / len(units)) > 0.1


def test_the_model_follows_the_national_surveys_and_says_so(store: DataStore) -> None:
    """IOM 2021 (44 %), IOM 2023 (40 %) and the World Bank's 2024 report (42 %): calibrated, and labelled."""
    national = {o.year: o.value for o in store.series("households_with_migrant_national_pct", "tajikistan")}
    assert national == {2015: 16, 2016: 23, 2021: 44, 2023: 40, 2024: 42}
    for year in (2021, 2023, 2024):
        khatlon = store.observation("hh_member_abroad_pct", KHATLON, year)
        assert khatlon.value == pytest.approx(national[year], abs=0.05)
        assert f"calibrated to {national[year]:g}%" in khatlon.source
    assert "calibrated" not in store.observation("hh_member_abroad_pct", KHATLON, 2022).source
    indicator = store.indicators["hh_member_abroad_pct"]
    assert "2021: 44% (IOM, 2021)" in indicator.calibration
    returns = store.observation("returned_migrants_per_1000", KHATLON, 2023)
    assert returns.value == pytest.approx(590_710 / 9_657_005 * 1000, abs=0.05) and "590,710" in returns.source


def test_service_coverage_says_its_levels_are_assumed(store: DataStore) -> None:
    for indicator_id in sorted(i for i in ILLUSTRATIVE_IDS if i.startswith("coverage_")):
        assert "assumed levels; no published anchor" in store.indicators[indicator_id].source
    assert "IOM" not in store.indicators["coverage_medical_pct"].source


def test_remittance_amounts_move_with_one_wdi_series(store: DataStore) -> None:
    """Year to year the model's US$ amounts follow WDI remittances (% of GDP) to the power 0.7."""
    wdi = {o.year: o.value for o in store.series("remittances_pct_gdp", "tajikistan")}
    for unit_id in ("dusti", "kulob", "baljuvon"):
        usd = {o.year: o.value for o in store.series("remittance_monthly_usd", unit_id)}
        for year in (2019, 2022, 2024):
            assert usd[year] / usd[2020] == pytest.approx((wdi[year] / wdi[2020]) ** 0.7, rel=0.01)


def test_real_rows_keep_their_source(store: DataStore) -> None:
    for indicator in store.indicators.values():
        if indicator.is_illustrative:
            continue
        rows = store.indicator_observations(indicator.id)
        assert rows, indicator.id
        assert all(o.source and o.source_url.startswith("http") for o in rows), indicator.id
        assert all(o.status is indicator.status for o in rows), indicator.id


def test_remittances_series_is_the_wdi_copy(store: DataStore) -> None:
    series = {o.year: o.value for o in store.series("remittances_pct_gdp", "tajikistan")}
    assert sorted(series) == list(range(2008, 2025))
    assert series[2008] == 44.13 and series[2022] == 49.9 and series[2024] == 47.89


def test_population_estimates_for_23_units_and_the_rest_stays_missing(store: DataStore) -> None:
    values = {o.area_id: o.value for o in store.year_observations("population", 2020)}
    assert set(store.units) - set(values) == {"vose", "qubodiyon"}  # no 1 January 2020 estimate found
    assert values["dusti"] == 117_100 and values["bokhtar"] == 111_800 and values["kulob"] == 214_700
    assert store.observation("population", KHATLON, 2020).value == 3_348_300


def test_census_keeps_bokhtar_and_kushoniyon_together(store: DataStore) -> None:
    """The census publishes one figure for both: stored on Kushoniyon, never split."""
    values = {o.area_id: o for o in store.year_observations("population_census", 2020)}
    assert len(values) == 24 and "bokhtar" not in values  # 23 units on their own, and the two together
    together = values["kushoniyon"]
    assert together.value == 378_609 and together.includes == ("bokhtar",)
    assert store.counted_in("population_census", "bokhtar", 2020) == "kushoniyon"
    assert sum(o.value for o in values.values()) == store.observation("population_census", KHATLON, 2020).value
    assert store.observation("population_census", KHATLON, 2020).value == 3_436_420


def test_model_weights_are_real_populations(store: DataStore) -> None:
    """Weights: the 1 January 2020 estimates, else the 2020 census count (Vose, Qubodiyon); none imputed."""
    weights = pd.read_csv(BUNDLED / "scripts" / "illustrative_weights.csv").set_index("district_id")
    for unit_id in store.units:
        estimate = store.observation("population", unit_id, 2020)
        real = estimate if estimate is not None else store.observation("population_census", unit_id, 2020)
        assert weights.at[unit_id, "population_2020_weight"] == real.value, unit_id


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
