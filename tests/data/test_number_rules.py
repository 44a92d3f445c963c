"""Numbers that cannot mislead: non-finite values, fractional counts, shares written as
percentages, and digits from other scripts. One broken fixture per rule, exact messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.data.loader import check_data_dir
from dashboard.data.numbers import INTEGER, NUMBER, YEAR

from .helpers import problems_of, write_rows

HEADER = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note"]


def write_round(data_dir: Path, *rows: list[str], header: list[str] = HEADER) -> None:
    """A new indicator file ``indicators/round.csv`` (its first row is line 2)."""
    write_rows(data_dir / "indicators" / "round.csv", [header, *rows])


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "NaN", "Infinity", "1e999", "-1e400", "9" * 400])
def test_non_finite_value(data_copy: Path, text: str) -> None:
    write_round(data_copy, ["dusti", "hh_member_abroad_pct", "2019", text, "", "", "", ""])
    assert problems_of(data_copy) == [f"data/indicators/round.csv:2: value: {text!r} is not a finite number"]


def test_non_finite_bounds(data_copy: Path) -> None:
    write_round(data_copy, ["Dusti", "hh_member_abroad_pct", "2019", "40", "-inf", "1e999", "", ""])
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: lower: '-inf' is not a finite number",
        "data/indicators/round.csv:2: upper: '1e999' is not a finite number",
    ]


def test_fractional_count_with_a_dot_as_thousands_separator(data_copy: Path) -> None:
    write_round(data_copy, ["tajikistan", "labour_migrants_departed", "2099", "175.800", "", "", "", ""])
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: value: 175.800 is not a whole number of persons; "
        "if the dot is a thousands separator, write 175800"
    ]


def test_fractional_count_and_several_dots(data_copy: Path) -> None:
    write_round(
        data_copy,
        ["tajikistan", "labour_migrants_departed", "2099", "1234.5", "", "", "", ""],
        ["tajikistan", "labour_migrants_departed", "2098", "1.234.567", "", "", "", ""],
        ["tajikistan", "labour_migrants_departed", "2097", "1200.0", "", "", "", ""],  # a whole number
    )
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: value: 1234.5 is not a whole number of persons",
        "data/indicators/round.csv:3: value: '1.234.567' is not a number; "
        "if the dots are thousands separators, write 1234567",
        "data/indicators/round.csv:4: year: year 2097 is outside the catalogue's range for "
        "labour_migrants_departed (2016-2023)",
    ]


def test_percentages_written_as_shares_are_one_warning_per_file(data_copy: Path) -> None:
    shares = (("khatlon", "0.41"), ("dusti", "0.38"), ("kulob", "0.4"), ("vose", "0"))
    rows = [[unit, "hh_member_abroad_pct", "2024", share, "", "", "", "", "survey"] for unit, share in shares]
    rows.append(["dusti", "coverage_medical_pct", "2024", "0.2", "", "", "", "", "survey"])  # one value: no warning
    write_round(data_copy, *rows, header=[*HEADER, "status"])
    validation = check_data_dir(data_copy, shown_as="data")
    assert [str(p) for p in validation.problems] == [
        "data/indicators/round.csv:2: value: warning: all 4 values of hh_member_abroad_pct are between 0 and 1; "
        "percentages are 0-100 (write 41.0, not 0.41)"
    ]
    assert validation.store is not None  # a warning does not make the folder invalid
    assert (validation.errors, validation.warnings) == (0, 1)


@pytest.mark.parametrize("values", [("0.5", "2", "0.7"), ("0", "0", "0.0")])
def test_percentages_that_are_small_or_zero_are_not_warned_about(data_copy: Path, values: tuple[str, ...]) -> None:
    units = ("dusti", "vose", "kulob")
    rows = [[u, "coverage_medical_pct", "2024", v, "", "", "", "", "survey"] for u, v in zip(units, values)]
    write_round(data_copy, *rows, header=[*HEADER, "status"])
    assert problems_of(data_copy) == []


@pytest.mark.parametrize("pattern", [NUMBER, INTEGER, YEAR])
@pytest.mark.parametrize("text", ["٢٠١٩", "۲۰۱۹", "२०१९", "２０１９"])
def test_number_patterns_accept_only_the_digits_0_to_9(pattern: re.Pattern[str], text: str) -> None:
    assert int(text) == 2019  # Python reads these digits (pandas does not): the patterns must refuse them
    assert pattern.fullmatch(text) is None


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        ("value", "٤٢٧", "'٤٢٧' uses non-Latin digits (٤٢٧); write 427 with the digits 0-9"),
        ("value", "۴۲٫۵", "'۴۲٫۵' uses non-Latin digits (۴۲۵); write 42.5 with the digits 0-9"),
        ("value", "४२", "'४२' uses non-Latin digits (४२); write 42 with the digits 0-9"),
        ("value", "４２", "'４２' uses non-Latin digits (４２); write 42 with the digits 0-9"),
        ("lower", "4٠", "'4٠' uses non-Latin digits (٠); write 40 with the digits 0-9"),
        ("sample_size", "٤٢", "'٤٢' uses non-Latin digits (٤٢); write 42 with the digits 0-9"),
        ("year", "٢٠١٩", "'٢٠١٩' uses non-Latin digits (٢٠١٩); write 2019 with the digits 0-9"),
    ],
)
def test_digits_of_other_scripts(data_copy: Path, column: str, text: str, message: str) -> None:
    row = dict(zip(HEADER, ["dusti", "hh_member_abroad_pct", "2019", "42", "", "", "", ""]))
    row[column] = text
    write_round(data_copy, list(row.values()))
    assert problems_of(data_copy) == [f"data/indicators/round.csv:2: {column}: {message}"]
