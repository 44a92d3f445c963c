"""Pandera schemas of the data files, and the translation of their failures into problems.

Each file is checked in two passes, both with pandera and ``lazy=True`` so that every problem is
reported, not just the first:

1. the **text** of each cell (``text_schema``): required cells present, numbers that parse, known
   names and codes;
2. the **typed** rows that passed (``catalogue_rules_schema``, ``values_rules_schema``):
   rules across columns and files, such as ``lower <= value <= upper``, percentages within 0-100,
   years within the catalogue's range and unique ``(district, indicator, year)``.

A check's ``error`` is a key of a :class:`Rule`, which says which column to blame and how to word
the message for the failing row.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from .model import Aggregate, Direction, Level, Scale, Status, UnitType, ValueType
from .problems import NO_COLUMN, Problem
from .readers import LINE

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
INTEGER = re.compile(r"^\d+$")
YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
SNAKE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
ISO_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
SOURCE_URL = re.compile(r"^(https?://\S+|[\w./-]+)$")

DISTRICTS_OPTIONAL = [
    "admin_centre",
    "former_names",
    "alt_spellings",
    "previous_name",
    "renamed",
    "rename_note",
    "gb_shape_name",
    "gb_shape_id",
    "osm_relation_id",
]


@dataclass(frozen=True)
class Rule:
    """How to report a failed check: the column to blame and the message for a failing row."""

    column: str
    message: Callable[[pd.Series], str]


def _cell(column: str, text: str) -> Rule:
    return Rule(column, lambda row: text.format(value=row.get(column, "")))


def _matches(pattern: re.Pattern[str]) -> Callable[[pd.Series], pd.Series]:
    return lambda series: series.str.fullmatch(pattern.pattern).fillna(False).astype(bool)


def _one_of(options: Iterable[str]) -> Callable[[pd.Series], pd.Series]:
    allowed = set(options)
    return lambda series: series.isin(allowed)


def _text_column(required: bool, *checks: tuple[Callable, str], present: bool = True) -> pa.Column:
    """A string column. ``required``: cells may not be empty. Other checks skip empty cells.

    ``present=False`` lets the column be absent from the header altogether.
    """
    built = [pa.Check(lambda s, f=fn: f(s) | (s == ""), error=key) for fn, key in checks]
    if required:
        built.insert(0, pa.Check(lambda s: s != "", error="empty"))
    return pa.Column(str, built, required=present, nullable=False)


def text_schema(columns: Mapping[str, pa.Column]) -> pa.DataFrameSchema:
    """A strict schema over string cells plus the line-number column."""
    return pa.DataFrameSchema({LINE: pa.Column(int), **columns}, strict=True)


def enum_values(enum) -> list[str]:
    return [member.value for member in enum]


def indicator_text_schema(is_area: Callable[[str], bool], is_indicator: Callable[[str], bool]) -> pa.DataFrameSchema:
    columns = {
        "district": _text_column(True, (lambda s: s.map(is_area).astype(bool), "unknown_district")),
        "indicator": _text_column(True, (lambda s: s.map(is_indicator).astype(bool), "unknown_indicator")),
        "year": _text_column(True, (_matches(YEAR), "bad_year")),
        "value": _text_column(True, (_matches(NUMBER), "not_number")),
        "lower": _text_column(False, (_matches(NUMBER), "not_number")),
        "upper": _text_column(False, (_matches(NUMBER), "not_number")),
        "sample_size": _text_column(False, (_matches(INTEGER), "not_count")),
        "note": _text_column(False),
        "source": _text_column(False, present=False),
        "source_url": _text_column(False, (_matches(SOURCE_URL), "bad_url"), present=False),
    }
    return text_schema(columns)


def catalogue_text_schema() -> pa.DataFrameSchema:
    required = lambda *checks: _text_column(True, *checks)  # noqa: E731
    columns = {name: required() for name in ("theme", "label", "unit", "definition", "source", "licence")}
    columns.update(
        {
            "id": required((_matches(SNAKE_ID), "bad_id")),
            "value_type": required((_one_of(enum_values(ValueType)), "bad_choice")),
            "decimals": required((lambda s: s.isin(list("01234")), "bad_decimals")),
            "first_year": required((_matches(YEAR), "bad_year")),
            "last_year": required((_matches(YEAR), "bad_year")),
            "level": required((_one_of(enum_values(Level)), "bad_choice")),
            "aggregate": required((_one_of(enum_values(Aggregate)), "bad_choice")),
            "direction": required((_one_of(enum_values(Direction)), "bad_choice")),
            "scale": required((_one_of(enum_values(Scale)), "bad_choice")),
            "status": required((_one_of(enum_values(Status)), "bad_choice")),
            "source_url": required((_matches(SOURCE_URL), "bad_url")),
            "updated": required((_matches(ISO_DATE), "bad_date")),
            "caveat": _text_column(False, present=False),
        }
    )
    return text_schema(columns)


def districts_text_schema() -> pa.DataFrameSchema:
    columns = {
        "district_id": _text_column(True, (_matches(SNAKE_ID), "bad_id")),
        "type": _text_column(True, (_one_of(enum_values(UnitType)), "bad_choice")),
        **{name: _text_column(True) for name in ("name_en", "name_ru", "name_tg")},
        **{name: _text_column(False, present=False) for name in DISTRICTS_OPTIONAL},
    }
    return text_schema(columns)


CHOICES = {
    "value_type": ValueType,
    "level": Level,
    "aggregate": Aggregate,
    "direction": Direction,
    "scale": Scale,
    "status": Status,
    "type": UnitType,
}


def text_rules(
    describe_district: Callable[[str], str], describe_indicator: Callable[[str], str]
) -> dict[str, Callable[[str, pd.Series], Rule]]:
    """Rules for failures of the text schemas, keyed by check error; built per failing column."""
    return {
        "empty": lambda col, row: Rule(col, lambda r: "required value is empty"),
        "unknown_district": lambda col, row: Rule(col, lambda r: describe_district(r[col])),
        "unknown_indicator": lambda col, row: Rule(col, lambda r: describe_indicator(r[col])),
        "bad_year": lambda col, row: Rule(col, lambda r: f"{r[col]!r} is not a year (four digits)"),
        "not_number": lambda col, row: Rule(col, lambda r: f"{r[col]!r} is not a number"),
        "not_count": lambda col, row: Rule(col, lambda r: f"{r[col]!r} is not a whole number of respondents"),
        "bad_url": lambda col, row: Rule(
            col, lambda r: f"{r[col]!r} is not a web address (http:// or https://) or a file path"
        ),
        "bad_id": lambda col, row: Rule(
            col, lambda r: f"{r[col]!r} is not a valid id (lower case letters, digits and _)"
        ),
        "bad_decimals": lambda col, row: Rule(col, lambda r: f"{r[col]!r} is not a number of decimals from 0 to 4"),
        "bad_date": lambda col, row: Rule(col, lambda r: f"{r[col]!r} is not a date (YYYY-MM-DD)"),
        "bad_choice": lambda col, row: Rule(
            col, lambda r: f"{r[col]!r} is not one of: " + ", ".join(enum_values(CHOICES[col]))
        ),
    }


def header_problem(check: str, column: str, known: Iterable[str], shown: str) -> Problem:
    """A missing or unexpected column, with the closest expected name where there is one."""
    if check == "column_in_dataframe":
        return Problem(shown, 1, column, "required column is missing from the header")
    close = difflib.get_close_matches(column, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return Problem(shown, 1, column, f"unknown column{hint}")


def validate_frame(
    schema: pa.DataFrameSchema,
    frame: pd.DataFrame,
    rules: Mapping[str, Callable[[str, pd.Series], Rule]],
    shown_for: Callable[[int], str],
) -> tuple[set[int], list[Problem]]:
    """Run ``schema`` lazily; return the failing row labels and one problem per failure.

    ``frame`` must carry the ``LINE`` column; ``shown_for(label)`` names the file of a row.
    """
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return set(), []
    problems: list[Problem] = []
    failed: set[int] = set()
    known = [c for c in schema.columns if c != LINE]
    seen: set[tuple] = set()
    for case in cases.itertuples(index=False):
        if case.check in ("column_in_dataframe", "column_in_schema"):
            problems.append(header_problem(case.check, str(case.failure_case), known, shown_for(-1)))
            continue
        if case.index is None or pd.isna(case.index):
            continue
        label = int(case.index)
        make = rules.get(str(case.check))
        column = case.column if isinstance(case.column, str) else NO_COLUMN
        if make is None:
            continue
        rule = make(column, frame.loc[label])
        key = (label, str(case.check), rule.column)
        if key in seen:
            continue
        seen.add(key)
        failed.add(label)
        row = frame.loc[label]
        problems.append(Problem(shown_for(label), int(row[LINE]), rule.column, rule.message(row)))
    return failed, problems
