"""Table rows and CSV export: the rows asked for, exact values, sources, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from dashboard.data import DataStore
from dashboard.data.export import COLUMNS, TableOptions, export_filename, indicator_rows, safe_text, to_csv


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "\n=1", "  =1"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("value", [-3.5, -12, 0, 41.2, "plain text", "Dusti", ""])
def test_numbers_and_plain_text_are_untouched(value) -> None:
    assert safe_text(value) == value


def test_one_year_sorted_by_value_with_khatlon_first(store: DataStore) -> None:
    indicator = store.indicators["coverage_medical_pct"]
    rows = indicator_rows(store, indicator, TableOptions(year=2024, sort="value", descending=True), str)
    assert rows[0]["area_id"] == "khatlon" and {r["year"] for r in rows} == {2024}
    values = [r["value"] for r in rows[1:]]
    assert values == sorted(values, reverse=True) and len(values) == 25
    ascending = indicator_rows(store, indicator, TableOptions(year=2024, sort="area", descending=False), str)
    assert [r["area"] for r in ascending[1:]] == sorted(r["area"] for r in ascending[1:])


def test_values_are_exported_exactly_as_stored(store: DataStore) -> None:
    """Rounding is for the screen: World Bank's 44.13 % stays 44.13 in a download."""
    indicator = store.indicators["remittances_pct_gdp"]
    rows = indicator_rows(store, indicator, TableOptions(year=2008), str)
    assert [r["value"] for r in rows] == [44.13]
    population = indicator_rows(store, store.indicators["population"], TableOptions(year=2020), str)
    assert all(isinstance(r["value"], int) for r in population)


def test_csv_text_keeps_every_stored_digit(store: DataStore) -> None:
    """The CSV file itself: 44.13 (one decimal on screen) and a 17-digit float written as stored, bounds too."""
    rows = indicator_rows(store, store.indicators["remittances_pct_gdp"], TableOptions(year=2008), str)
    rows[0].update(lower=0.30000000000000004, upper=47.300000000000004)
    parsed = next(csv.DictReader(io.StringIO(to_csv(rows).removeprefix("\ufeff"))))
    assert (parsed["value"], parsed["lower"], parsed["upper"]) == ("44.13", "0.30000000000000004", "47.300000000000004")
    every = indicator_rows(store, store.indicators["coverage_medical_pct"], None, str)
    written = list(csv.DictReader(io.StringIO(to_csv(every).removeprefix("\ufeff"))))
    for row, line in zip(every, written, strict=True):
        for column in ("value", "lower", "upper"):
            assert (float(line[column]) if line[column] else "") == row[column]
    stored = {(o.area_id, o.year): o for o in store.indicator_observations("coverage_medical_pct")}
    assert all(float(line["value"]) == stored[(line["area_id"], int(line["year"]))].value for line in written)


def test_rows_carry_status_flag_and_source(store: DataStore) -> None:
    indicator = store.indicators["coverage_medical_pct"]
    row = indicator_rows(store, indicator, TableOptions(year=2024, search="kulob"), str)[0]
    assert row["area_id"] == "kulob" and row["value"] == store.observation(indicator.id, "kulob", 2024).value
    assert row["status"] == "illustrative" and row["note"].startswith("ILLUSTRATIVE")
    assert row["sample_flag"] == "ok" and row["licence"] and row["source"]
    census = indicator_rows(store, store.indicators["population_census"], TableOptions(search="kushoniyon"), str)
    assert census[0]["includes"] == "bokhtar"


def test_search_matches_any_case_and_ignores_junk(store: DataStore) -> None:
    indicator = store.indicators["hh_member_abroad_pct"]
    rows = indicator_rows(store, indicator, TableOptions(year=2024, search="DUST"), lambda a: a.title())
    assert [r["area_id"] for r in rows] == ["dusti"]
    assert indicator_rows(store, indicator, TableOptions(year=2024, search="'; DROP"), str) == []


def test_csv_keeps_negative_numbers_numeric_and_escapes_text(store: DataStore) -> None:
    indicator = replace(store.indicators["coverage_medical_pct"], label="=cmd|' /C calc'!A0")
    rows = indicator_rows(store, indicator, TableOptions(year=2024, search="dusti"), str)
    rows[0].update(value=-3.5, note="-1 formula?", area="@evil")
    text = to_csv(rows)
    assert text.startswith("\ufeffarea_id,")  # a byte-order mark: Excel then reads UTF-8
    parsed = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(parsed[0]) == COLUMNS
    assert parsed[0]["value"] == "-3.5" and float(parsed[0]["value"]) == -3.5  # a number, not text
    assert parsed[0]["note"] == "'-1 formula?"
    assert parsed[0]["area"] == "'@evil"
    assert parsed[0]["indicator_label"] == "'=cmd|' /C calc'!A0"


def test_csv_headings_can_be_translated(store: DataStore) -> None:
    rows = indicator_rows(store, store.indicators["population"], TableOptions(year=2020), str)
    headers = [c.upper() for c in COLUMNS]
    text = to_csv(rows, COLUMNS, headers)
    assert text.splitlines()[0] == "\ufeff" + ",".join(headers)


def test_filenames_say_illustrative(store: DataStore) -> None:
    medical = store.indicators["coverage_medical_pct"]
    assert export_filename(store, medical) == "khatlon_coverage_medical_pct_ILLUSTRATIVE.csv"
    assert export_filename(store, store.indicators["population"]) == "khatlon_population.csv"
    assert export_filename(store, medical, "tg") == "khatlon_coverage_medical_pct_ILLUSTRATIVE_tg.csv"
