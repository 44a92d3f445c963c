"""CSV export: the rows asked for, in order, with sources; no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from dashboard.data import DataStore
from dashboard.data.export import COLUMNS, export_filename, indicator_rows, safe_text, to_csv


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "\n=1", "  =1"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("value", [-3.5, -12, 0, 41.2, "plain text", "Dusti", ""])
def test_numbers_and_plain_text_are_untouched(value) -> None:
    assert safe_text(value) == value


def test_export_rows_in_the_order_asked(store: DataStore) -> None:
    indicator = store.indicators["coverage_medical_pct"]
    keys = [("kulob", 2024), ("dusti", 2019), ("khatlon", 2024), ("atlantis", 2024), ("dusti", 1999)]
    rows = indicator_rows(store, indicator, keys, str)
    assert [(r["area_id"], r["year"]) for r in rows] == keys[:3]
    assert rows[0]["value"] == store.observation(indicator.id, "kulob", 2024).value
    assert rows[0]["status"] == "illustrative" and rows[0]["note"].startswith("ILLUSTRATIVE")
    assert rows[0]["licence"] and rows[0]["source"]


def test_csv_keeps_negative_numbers_numeric_and_escapes_text(store: DataStore) -> None:
    indicator = replace(store.indicators["coverage_medical_pct"], label="=cmd|' /C calc'!A0")
    rows = indicator_rows(store, indicator, [("dusti", 2024)], str)
    rows[0].update(value=-3.5, note="-1 formula?", area="@evil")
    text = to_csv(rows)
    assert text.startswith("\ufeffarea_id,")  # a byte-order mark: Excel then reads UTF-8
    parsed = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(parsed[0]) == COLUMNS
    assert parsed[0]["value"] == "-3.5"  # a number, not text
    assert float(parsed[0]["value"]) == -3.5
    assert parsed[0]["note"] == "'-1 formula?"
    assert parsed[0]["area"] == "'@evil"
    assert parsed[0]["indicator_label"] == "'=cmd|' /C calc'!A0"


def test_real_rows_carry_their_own_source(store: DataStore) -> None:
    indicator = store.indicators["population"]
    rows = indicator_rows(store, indicator, None, str)
    assert len(rows) == 17 and all(r["source"] and r["source_url"].startswith("http") for r in rows)
    assert rows[0]["status"] == "official" and isinstance(rows[0]["value"], int)


def test_filenames_say_illustrative(store: DataStore) -> None:
    assert export_filename(store.indicators["coverage_medical_pct"]) == "khatlon_coverage_medical_pct_ILLUSTRATIVE.csv"
    assert export_filename(store.indicators["population"]) == "khatlon_population.csv"
