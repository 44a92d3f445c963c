"""Pandera schemas of the data files, and the translation of their failures into problems.

Each file is checked in two passes, both with pandera checks, so that every problem is reported,
not just the first:

1. the **text** of each cell (``text_schema``): required cells present, numbers that parse, known
   names and codes;
2. the **typed** rows that passed (``values_rules_schema`` in ``values.py``): rules across columns
   and files, such as ``lower <= value <= upper`` and percentages within 0-100.

The schema says which columns a file has; :func:`validate_frame` evaluates each check on whole
columns and words a problem for each failing row (one per row and column: the first check that
fails). A check's ``error`` is a key of a :class:`Rule`, which says which column to blame and how
to word the message for the failing row.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .model import (
    CONTEXT_PANELS,
    LANGUAGES,
    TEXT_FIELDS,
    Aggregate,
    Direction,
    Level,
    Scale,
    Status,
    UnitType,
    ValueType,
)
from .numbers import INTEGER, NUMBER, YEAR, finite, foreign_digits_message, latin_only, not_number_message
from .problems import LISTED_PER_FILE, NO_COLUMN, UNWORDED, Problem, quote
from .readers import LINE

SNAKE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
ISO_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
SOURCE_URL = re.compile(r"^(https?://\S+|[\w./-]+)$")

DISTRICTS_OPTIONAL = [
    "label_ru",
    "label_tg",
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
OPTIONAL_TEXTS = [name for name in TEXT_FIELDS if name not in ("label", "unit", "definition", "source", "licence")]
TRANSLATIONS = [f"{name}_{language}" for name in TEXT_FIELDS for language in LANGUAGES if language != "en"]

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Rule:
    """How to report a failed check: the column to blame and the message for a failing row."""

    column: str
    message: Callable[[Row], str]


def matches(pattern: re.Pattern[str]) -> Callable[[pd.Series], pd.Series]:
    return lambda series: series.str.fullmatch(pattern.pattern, flags=pattern.flags).fillna(False).astype(bool)


def one_of(options: Iterable[str]) -> Callable[[pd.Series], pd.Series]:
    allowed = set(options)
    return lambda series: series.isin(allowed)


def text_column(required: bool, *checks: tuple[Callable, str], present: bool = True) -> pa.Column:
    """A string column. ``required``: cells may not be empty. Other checks skip empty cells.

    ``present=False`` lets the column be absent from the header altogether.
    """
    built = [pa.Check(lambda s, f=fn: f(s) | (s == ""), error=key) for fn, key in checks]
    if required:
        built.insert(0, pa.Check(lambda s: s != "", error="empty"))
    return pa.Column(str, built, required=present, nullable=False)


NUMBER_CHECKS = ((latin_only, "foreign_digits"), (finite, "not_finite"), (matches(NUMBER), "not_number"))
YEAR_CHECKS = ((latin_only, "foreign_digits"), (matches(YEAR), "bad_year"))
COUNT_CHECKS = ((latin_only, "foreign_digits"), (matches(INTEGER), "not_count"))
WHOLE_CHECKS = ((latin_only, "foreign_digits"), (matches(INTEGER), "not_whole"))


def text_schema(columns: Mapping[str, pa.Column], checks: Iterable[pa.Check] = ()) -> pa.DataFrameSchema:
    """A strict schema over string cells plus the line-number column."""
    return pa.DataFrameSchema({LINE: pa.Column(int), **columns}, checks=list(checks), strict=True)


def enum_values(enum) -> list[str]:
    return [member.value for member in enum]


def catalogue_text_schema() -> pa.DataFrameSchema:
    required = lambda *checks: text_column(True, *checks)  # noqa: E731
    columns = {name: required() for name in ("theme", "label", "unit", "definition", "source", "licence")}
    columns.update(
        {
            "id": required((matches(SNAKE_ID), "bad_id")),
            "value_type": required((one_of(enum_values(ValueType)), "bad_choice")),
            "decimals": required((lambda s: s.isin(list("01234")), "bad_decimals")),
            "first_year": required(*YEAR_CHECKS),
            "last_year": required(*YEAR_CHECKS),
            "level": required((one_of(enum_values(Level)), "bad_choice")),
            "aggregate": required((one_of(enum_values(Aggregate)), "bad_choice")),
            "direction": required((one_of(enum_values(Direction)), "bad_choice")),
            "scale": required((one_of(enum_values(Scale)), "bad_choice")),
            "status": required((one_of(enum_values(Status)), "bad_choice")),
            "source_url": required((matches(SOURCE_URL), "bad_url")),
            "updated": required((matches(ISO_DATE), "bad_date")),
            **{name: text_column(False, present=False) for name in OPTIONAL_TEXTS},
            "context": text_column(False, (one_of(CONTEXT_PANELS), "bad_context"), present=False),
            "small_sample": text_column(False, *WHOLE_CHECKS, present=False),
            "suppress_below": text_column(False, *WHOLE_CHECKS, present=False),
            **{name: text_column(False, present=False) for name in TRANSLATIONS},
        }
    )
    return text_schema(columns)


def districts_text_schema() -> pa.DataFrameSchema:
    columns = {
        "district_id": text_column(True, (matches(SNAKE_ID), "bad_id")),
        "type": text_column(True, (one_of(enum_values(UnitType)), "bad_choice")),
        **{name: text_column(True) for name in ("name_en", "name_ru", "name_tg")},
        **{name: text_column(False, present=False) for name in DISTRICTS_OPTIONAL},
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
) -> dict[str, Callable[[str], Rule]]:
    """Rules for failures of the text schemas, keyed by check error; built per failing column."""

    def cell(text: str) -> Callable[[str], Rule]:
        return lambda col: Rule(col, lambda r: text.format(quote(r[col])))

    return {
        "empty": lambda col: Rule(col, lambda r: "required value is empty"),
        "unknown_district": lambda col: Rule(col, lambda r: describe_district(r[col])),
        "unknown_indicator": lambda col: Rule(col, lambda r: describe_indicator(r[col])),
        "foreign_digits": lambda col: Rule(col, lambda r: foreign_digits_message(r[col])),
        "bad_year": cell("{} is not a year (four digits)"),
        "not_finite": cell("{} is not a finite number"),
        "not_number": lambda col: Rule(col, lambda r: not_number_message(r[col])),
        "not_count": cell("{} is not a whole number of respondents"),
        "not_whole": cell("{} is not a whole number"),
        "bad_url": cell("{} is not a web address (http:// or https://) or a file path"),
        "bad_id": cell("{} is not a valid id (lower case letters, digits and _)"),
        "bad_decimals": cell("{} is not a number of decimals from 0 to 4"),
        "bad_date": cell("{} is not a date (YYYY-MM-DD)"),
        "bad_choice": lambda col: Rule(
            col, lambda r: f"{quote(r[col])} is not one of: " + ", ".join(enum_values(CHOICES[col]))
        ),
        "bad_context": lambda col: Rule(
            col, lambda r: f"{quote(r[col])} is not one of: " + ", ".join(CONTEXT_PANELS) + " (or empty)"
        ),
    }


def header_problem(check: str, column: str, known: Iterable[str], shown: str) -> Problem:
    """A missing or unexpected column, with the closest expected name where there is one."""
    if check == "column_in_dataframe":
        return Problem(shown, 1, column, "required column is missing from the header")
    close = difflib.get_close_matches(column, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return Problem(shown, 1, column, f"unknown column{hint}")


def header_problems(schema: pa.DataFrameSchema, frame: pd.DataFrame, shown: str) -> list[Problem]:
    """Required columns missing from ``frame``, and (for a strict schema) columns it does not know."""
    known = [c for c in schema.columns if c != LINE]
    missing = [c for c in known if schema.columns[c].required and c not in frame]
    unknown = [c for c in frame.columns if c not in schema.columns] if schema.strict else []
    return [header_problem("column_in_dataframe", c, known, shown) for c in missing] + [
        header_problem("column_in_schema", str(c), known, shown) for c in unknown
    ]


def _passed(output: Any, size: int) -> np.ndarray:
    """A check's output as one boolean per checked element (elements a check skipped pass)."""
    if isinstance(output, pd.Series):
        return output.reindex(pd.RangeIndex(size), fill_value=True).to_numpy(dtype=bool)
    return np.full(size, bool(output))


def validate_frame(
    schema: pa.DataFrameSchema,
    frame: pd.DataFrame,
    rules: Mapping[str, Callable[[str], Rule]],
    files: str | pd.Series,
) -> tuple[set[int], list[Problem]]:
    """Run ``schema``'s checks on ``frame``; return the failing row labels and one problem per failure.

    Missing or unknown columns are reported first, and then nothing else is checked. ``frame`` must
    carry the ``LINE`` column; ``files`` names the file of every row (one name, or one per row).
    A column's checks work cell by cell, so each runs once on the column's distinct cells. A row is
    blamed once per column, for the first check that fails. Only the failures that can be listed
    (the first of each file) are worded: see :func:`word_failures`.
    """
    header = header_problems(schema, frame, files if isinstance(files, str) else "")
    if header:
        return set(), header
    size = len(frame)
    blamed: dict[str, np.ndarray] = {}
    failures: list[tuple[np.ndarray, Rule]] = []

    def record(passed: np.ndarray, key: str | None, column: str) -> None:
        make = rules.get(str(key))
        if make is None:
            return
        rule = make(column)
        seen = blamed.setdefault(rule.column, np.zeros(size, dtype=bool))
        new = ~passed & ~seen
        if new.any():
            seen |= new
            failures.append((np.flatnonzero(new), rule))

    for name, column in schema.columns.items():
        if name == LINE or name not in frame:
            continue
        codes, distinct = pd.factorize(frame[name])
        cells = pd.Series(distinct, dtype=frame[name].dtype)
        for check in column.checks:
            record(_passed(check(cells).check_output, len(cells))[codes], check.error, name)
    positions = pd.RangeIndex(size)
    for check in schema.checks:
        output = check(frame).check_output
        if isinstance(output, pd.Series):
            output = pd.Series(output.to_numpy(), index=positions) if output.index.equals(frame.index) else output
        record(_passed(output, size), check.error, NO_COLUMN)
    failed = np.unique(np.concatenate([p for p, _ in failures])) if failures else np.array([], dtype=int)
    return set(frame.index[failed]), word_failures(frame, failures, files)


def word_failures(
    frame: pd.DataFrame, failures: list[tuple[np.ndarray, Rule]], files: str | pd.Series
) -> list[Problem]:
    """One problem per failure; only failures on the first lines of each file are worded.

    At most ``LISTED_PER_FILE`` problems of a file are listed, so a failure after the line of its
    file's ``LISTED_PER_FILE``-th failure is counted but not worded (its message is ``UNWORDED``):
    wording can be slow (suggestions for unknown names) and a broken file can have 100,000.
    """
    if not failures:
        return []
    positions = np.concatenate([p for p, _ in failures])
    rule_of = np.concatenate([np.full(len(p), number) for number, (p, _) in enumerate(failures)])
    places = pd.DataFrame(
        {
            "file": files if isinstance(files, str) else files.to_numpy()[positions],
            "line": frame[LINE].to_numpy()[positions],
        }
    )
    rank = places.groupby("file")["line"].rank(method="first")
    last_worded = places[rank == LISTED_PER_FILE].set_index("file")["line"]
    worded = (places["line"] <= places["file"].map(last_worded).fillna(np.inf)).to_numpy()
    file_of, line_of = places["file"].to_numpy(), places["line"].tolist()
    columns = [rule.column for _, rule in failures]
    problems = [
        Problem(file_of[n], line_of[n], columns[rule_of[n]], UNWORDED) for n in np.flatnonzero(~worded).tolist()
    ]
    for number, (_, rule) in enumerate(failures):
        chosen = worded & (rule_of == number)
        for row, file in zip(frame.iloc[positions[chosen]].to_dict("records"), file_of[chosen]):
            problems.append(Problem(file, int(row[LINE]), rule.column, rule.message(row)))
    return problems
