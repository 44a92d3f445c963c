"""One broken fixture per validation rule, each asserting the exact place and message."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .helpers import cell, problems_of, read_rows, set_cell, write_rows

SERVICES = Path("indicators/illustrative_services.csv")
FAMILIES = Path("indicators/illustrative_families.csv")
POPULATION = Path("indicators/population.csv")
BOUNDARIES = Path("boundaries/khatlon_districts.geojson")
LINE_FORMAT = re.compile(r"^[^:]+:\d+: [^:]+: .+$")


def test_bundled_data_has_no_problems(data_copy: Path) -> None:
    assert problems_of(data_copy) == []


def test_missing_column(data_copy: Path) -> None:
    rows = read_rows(data_copy / POPULATION)
    write_rows(data_copy / POPULATION, [r[:7] + r[8:] for r in rows])  # drop "note"
    assert "data/indicators/population.csv:1: note: required column is missing from the header" in problems_of(
        data_copy
    )


def test_misspelt_column(data_copy: Path) -> None:
    set_cell(data_copy / POPULATION, 1, "value", "vaule")
    problems = problems_of(data_copy)
    assert "data/indicators/population.csv:1: vaule: unknown column; did you mean 'value'?" in problems
    assert "data/indicators/population.csv:1: value: required column is missing from the header" in problems


def test_non_numeric_value(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 3, "value", "12,5%")
    assert problems_of(data_copy) == ["data/indicators/illustrative_services.csv:3: value: '12,5%' is not a number"]


def test_non_numeric_bound_and_sample_size(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 4, "lower", "n/a")
    set_cell(data_copy / SERVICES, 5, "sample_size", "12.5")
    assert problems_of(data_copy) == [
        "data/indicators/illustrative_services.csv:4: lower: 'n/a' is not a number",
        "data/indicators/illustrative_services.csv:5: sample_size: '12.5' is not a whole number of respondents",
    ]


def test_empty_required_value(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 6, "value", "")
    assert problems_of(data_copy) == ["data/indicators/illustrative_services.csv:6: value: required value is empty"]


def test_percentage_outside_0_100(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 7, "upper", "100.5")
    set_cell(data_copy / SERVICES, 8, "value", "-3")
    set_cell(data_copy / SERVICES, 8, "lower", "-5")
    problems = problems_of(data_copy)
    assert "data/indicators/illustrative_services.csv:7: upper: 100.5 is a percentage outside 0-100" in problems
    assert "data/indicators/illustrative_services.csv:8: value: -3 is a percentage outside 0-100" in problems


def test_percentage_rule_only_applies_to_percentages(data_copy: Path) -> None:
    remittances = data_copy / Path("indicators/illustrative_remittances.csv")
    assert cell(remittances, 314, "indicator") == "remittance_monthly_usd"
    for column, value in (("value", "450"), ("lower", "400"), ("upper", "500")):  # US$ above 100 are fine
        set_cell(remittances, 314, column, value)
    assert problems_of(data_copy) == []


def test_lower_above_value(data_copy: Path) -> None:
    value = float(cell(data_copy / FAMILIES, 5, "value"))
    set_cell(data_copy / FAMILIES, 5, "lower", f"{value + 1:.1f}")
    assert problems_of(data_copy) == [
        f"data/indicators/illustrative_families.csv:5: lower: lower bound {value + 1:g} is above the value {value:g}"
    ]


def test_value_above_upper(data_copy: Path) -> None:
    value = float(cell(data_copy / FAMILIES, 6, "value"))
    set_cell(data_copy / FAMILIES, 6, "upper", f"{value - 1:.1f}")
    assert problems_of(data_copy) == [
        f"data/indicators/illustrative_families.csv:6: upper: value {value:g} is above the upper bound {value - 1:g}"
    ]


def test_unknown_district_with_suggestions(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 9, "district", "Dousty")
    assert problems_of(data_copy) == [
        "data/indicators/illustrative_services.csv:9: district: unknown district 'Dousty'; "
        "did you mean Dusti (district, formerly Jilikul District) [dusti]?"
    ]


def test_district_in_any_spelling_is_accepted(data_copy: Path) -> None:
    line = next(n for n, row in enumerate(read_rows(data_copy / POPULATION), start=1) if row[0] == "Dusti")
    set_cell(data_copy / POPULATION, line, "district", "Ноҳияи Дӯстӣ")
    assert problems_of(data_copy) == []


def test_unknown_indicator(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 10, "indicator", "coverage_psychosocal_pct")
    assert problems_of(data_copy) == [
        "data/indicators/illustrative_services.csv:10: indicator: unknown indicator 'coverage_psychosocal_pct' "
        "(not in catalogue.csv); did you mean 'coverage_psychosocial_pct', 'coverage_social_pct'?"
    ]


def test_duplicate_within_a_file(data_copy: Path) -> None:
    rows = read_rows(data_copy / FAMILIES)
    write_rows(data_copy / FAMILIES, rows + [rows[2]])
    assert problems_of(data_copy) == [
        f"data/indicators/illustrative_families.csv:{len(rows) + 1}: district: duplicate row for "
        "(abdurahmoni_jomi, children_parent_abroad_pct, 2019); first given at data/indicators/illustrative_families.csv:3"
    ]


def test_duplicate_across_files_even_when_spelt_differently(data_copy: Path) -> None:
    rows = read_rows(data_copy / POPULATION)
    dusti = next(r for r in rows if r[0] == "Dusti")
    extra = data_copy / "indicators" / "new_round.csv"
    write_rows(extra, [rows[0], ["Jilikul District"] + dusti[1:]])
    problems = problems_of(data_copy)
    assert len(problems) == 1
    assert "(dusti, population, 2020)" in problems[0]
    assert {problems[0].split(":")[0], problems[0].split("first given at ")[1].split(":")[0]} == {
        "data/indicators/new_round.csv",
        "data/indicators/population.csv",
    }


def test_year_outside_catalogue_range(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 11, "year", "2031")
    assert problems_of(data_copy) == [
        "data/indicators/illustrative_services.csv:11: year: year 2031 is outside the catalogue's range for "
        "coverage_psychosocial_pct (2019-2024)"
    ]


def test_year_that_is_not_a_year(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 12, "year", "FY24")
    assert problems_of(data_copy) == [
        "data/indicators/illustrative_services.csv:12: year: 'FY24' is not a year (four digits)"
    ]


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "indicators" / "round_2025.csv").write_text("", encoding="utf-8")
    assert problems_of(data_copy) == ["data/indicators/round_2025.csv:1: -: file is empty"]


def test_unreadable_file(data_copy: Path) -> None:
    (data_copy / "indicators" / "locked.csv").mkdir()  # a folder where a file should be: cannot be read
    problems = problems_of(data_copy)
    assert len(problems) == 1 and problems[0].startswith("data/indicators/locked.csv:1: -: cannot read file:")


def test_bad_encoding(data_copy: Path) -> None:
    text = "district,indicator,year,value,lower,upper,sample_size,note\nDusti,population,2020,1,,,,caf\xe9\n"
    (data_copy / "indicators" / "latin1.csv").write_bytes(
        text.encode("cp1251", errors="replace").replace(b"?", b"\xe9")
    )
    assert problems_of(data_copy) == [
        "data/indicators/latin1.csv:2: -: bad encoding: byte 0xe9 is not UTF-8; save the file as UTF-8"
    ]


def test_wrong_number_of_fields(data_copy: Path) -> None:
    path = data_copy / POPULATION
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] += ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    width = len(read_rows(path)[0])
    assert problems_of(data_copy) == [
        f"data/indicators/population.csv:5: -: expected {width} fields as in the header, found {width + 1}"
    ]


def test_invalid_geojson_syntax(data_copy: Path) -> None:
    path = data_copy / BOUNDARIES
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace('"geometry":', '"geometry"', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_of(data_copy)
    assert problems[0].startswith(
        "data/boundaries/khatlon_districts.geojson:5: -: invalid JSON: Expecting ':' delimiter"
    )


def _edit_feature(path: Path, district_id: str, edit) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if f'"district_id":"{district_id}"' in line:
            feature = json.loads(line.rstrip(","))
            edit(feature)
            lines[number] = json.dumps(feature, separators=(",", ":")) + ("," if line.endswith(",") else "")
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return number + 1
    raise AssertionError(district_id)


def test_self_intersecting_polygon(data_copy: Path) -> None:
    def bowtie(feature: dict) -> None:
        feature["geometry"] = {
            "type": "Polygon",
            "coordinates": [[[69, 38], [69.1, 38.1], [69.1, 38], [69, 38.1], [69, 38]]],
        }

    line = _edit_feature(data_copy / BOUNDARIES, "vakhsh", bowtie)
    problems = problems_of(data_copy)
    assert problems[0].startswith(
        f"data/boundaries/khatlon_districts.geojson:{line}: geometry: vakhsh: polygon is not valid: Self-intersection"
    )


def test_anticlockwise_exterior_ring(data_copy: Path) -> None:
    def reverse(feature: dict) -> None:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            polygon[0].reverse()

    line = _edit_feature(data_copy / BOUNDARIES, "yovon", reverse)
    problems = problems_of(data_copy)
    assert len(problems) == 1
    assert problems[0].startswith(
        f"data/boundaries/khatlon_districts.geojson:{line}: geometry: yovon: exterior ring is anticlockwise"
    )


def test_boundary_without_district_row_and_the_reverse(data_copy: Path) -> None:
    line = _edit_feature(data_copy / BOUNDARIES, "vakhsh", lambda f: f["properties"].update(district_id="vakhshh"))
    assert sorted(problems_of(data_copy)) == [
        f"data/boundaries/khatlon_districts.geojson:{line}: district_id: 'vakhshh' has no row in districts.csv",
        "data/districts.csv:8: district_id: 'vakhsh' has no polygon or point in boundaries/",
    ]


def test_catalogue_rules(data_copy: Path) -> None:
    catalogue = data_copy / "indicators" / "catalogue.csv"
    set_cell(catalogue, 2, "status", "guess")
    set_cell(catalogue, 3, "updated", "last spring")
    problems = problems_of(data_copy)
    assert (
        "data/indicators/catalogue.csv:2: status: 'guess' is not one of: official, survey, estimate, illustrative"
        in problems
    )
    assert "data/indicators/catalogue.csv:3: updated: 'last spring' is not a date (YYYY-MM-DD)" in problems


def test_problems_in_one_file_do_not_hide_problems_in_another(data_copy: Path) -> None:
    set_cell(data_copy / SERVICES, 3, "value", "abc")
    set_cell(data_copy / FAMILIES, 3, "district", "Atlantis")
    (data_copy / "indicators" / "empty.csv").write_text("\n\n", encoding="utf-8")
    set_cell(data_copy / "districts.csv", 3, "type", "village")
    problems = problems_of(data_copy)
    files = {p.split(":")[0] for p in problems}
    assert files == {
        "data/indicators/illustrative_services.csv",
        "data/indicators/illustrative_families.csv",
        "data/indicators/empty.csv",
        "data/districts.csv",
    }
    assert all(LINE_FORMAT.match(p) for p in problems)


def test_missing_districts_file_does_not_flood_other_files(data_copy: Path) -> None:
    (data_copy / "districts.csv").unlink()
    problems = problems_of(data_copy)
    assert problems == ["data/districts.csv:1: -: file not found"]


def test_header_only_files(data_copy: Path) -> None:
    header = "district,indicator,year,value,lower,upper,sample_size,note\n"
    (data_copy / "indicators" / "round.csv").write_text(header, encoding="utf-8")
    assert problems_of(data_copy) == ["data/indicators/round.csv:2: -: the file has a header but no rows"]


def test_header_only_districts_or_catalogue_are_problems(data_copy: Path) -> None:
    districts = data_copy / "districts.csv"
    districts.write_text(districts.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    catalogue = data_copy / "indicators" / "catalogue.csv"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    problems = problems_of(data_copy)
    assert "data/districts.csv:2: -: districts.csv has a header but no units" in problems
    assert "data/indicators/catalogue.csv:2: -: the catalogue has a header but no indicators" in problems
    assert len(problems) == 2  # nothing else floods in


def test_negative_counts_and_empty_samples(data_copy: Path) -> None:
    set_cell(data_copy / POPULATION, 3, "value", "-175800")
    set_cell(data_copy / SERVICES, 3, "sample_size", "0")
    problems = problems_of(data_copy)
    assert "data/indicators/population.csv:3: value: -175800 is negative; population counts people or money" in problems
    assert (
        "data/indicators/illustrative_services.csv:3: sample_size: a sample size must be at least 1 "
        "(leave it empty if unknown)"
    ) in problems


def test_one_bad_catalogue_row_does_not_flood(data_copy: Path) -> None:
    catalogue = data_copy / "indicators" / "catalogue.csv"
    set_cell(catalogue, 2, "first_year", "2030")
    assert problems_of(data_copy) == [
        "data/indicators/catalogue.csv:2: last_year: last_year 2024 is before first_year 2030"
    ]


def test_unreadable_boundaries_do_not_flood(data_copy: Path) -> None:
    (data_copy / BOUNDARIES).write_text('{"type": "Feature"}', encoding="utf-8")
    assert problems_of(data_copy) == [
        "data/boundaries/khatlon_districts.geojson:1: type: not a GeoJSON FeatureCollection with a list of features"
    ]


def test_the_same_district_in_two_boundary_files(data_copy: Path) -> None:
    (data_copy / "boundaries" / "extra.geojson").write_text(
        (data_copy / BOUNDARIES).read_text(encoding="utf-8"), encoding="utf-8"
    )
    problems = problems_of(data_copy)
    assert len(problems) == 25
    assert (
        "data/boundaries/khatlon_districts.geojson:2: district_id: 'abdurahmoni_jomi' already has a shape in "
        "data/boundaries/extra.geojson:2" in problems
    )


def test_null_geometry_unclosed_ring_and_district_as_point(data_copy: Path) -> None:
    line_null = _edit_feature(data_copy / BOUNDARIES, "vakhsh", lambda f: f.update(geometry=None))

    def open_ring(feature: dict) -> None:
        feature["geometry"] = {"type": "Polygon", "coordinates": [[[69, 38], [69.1, 38.1], [69.1, 38], [69.05, 37.9]]]}

    line_open = _edit_feature(data_copy / BOUNDARIES, "yovon", open_ring)
    line_point = _edit_feature(
        data_copy / BOUNDARIES, "panj", lambda f: f.update(geometry={"type": "Point", "coordinates": [69.0, 37.3]})
    )
    problems = problems_of(data_copy)
    assert (
        f"data/boundaries/khatlon_districts.geojson:{line_null}: geometry: vakhsh: feature has no geometry "
        "(expected a Polygon, MultiPolygon or Point with coordinates)" in problems
    )
    assert any(
        p.startswith(f"data/boundaries/khatlon_districts.geojson:{line_open}: geometry: yovon: a ring is not closed")
        for p in problems
    )
    assert (
        f"data/boundaries/khatlon_districts.geojson:{line_point}: geometry: panj: only a city may be drawn as a "
        "point; a district needs its polygon" in problems
    )
