"""Indicator value files: each file's text is checked, then the typed rows of all files together.

A row's ``status`` (official, survey, estimate, illustrative) defaults to its indicator's status in
the catalogue. For one place, indicator and year, a more trusted row replaces a less trusted one
(a survey round over the illustrative model); two rows of equal status are a duplicate.
``includes`` names the other units a row's figure also counts (a census figure for Bokhtar city
and Kushoniyon district together); those units may then have no row of their own.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .model import TAJIKISTAN, Indicator, Level, Status, ValueType
from .names import DistrictResolver, UnknownDistrictError, parse_name
from .numbers import floats, fraction_warnings, whole_number_message, whole_numbers
from .problems import NO_COLUMN, Problem, quote
from .readers import LINE, each_distinct, read_csv_table
from .schemas import (
    COUNT_CHECKS,
    NUMBER_CHECKS,
    SOURCE_URL,
    YEAR_CHECKS,
    Rule,
    enum_values,
    matches,
    one_of,
    text_column,
    text_rules,
    text_schema,
    validate_frame,
)

FILE = "_file"
KEY = ["district_id", "indicator", "year"]
AREA_NAMES = {
    "khatlon": ("Khatlon", "Khatlon province", "Khatlon region", "Хатлонская область", "Вилояти Хатлон"),
    "tajikistan": ("Tajikistan", "Republic of Tajikistan", "Таджикистан", "Тоҷикистон"),
}
AREA_KEYS = {parse_name(name)[0]: area for area, names in AREA_NAMES.items() for name in (*names, area)}
OPTIONAL_TEXT = ("source", "source_url", "status", "includes")
TYPED_COLUMNS = {
    LINE: int,
    FILE: str,
    "district_id": str,
    "indicator": str,
    "year": int,
    "value": float,
    "lower": float,
    "upper": float,
    "sample_size": "Int64",
    "note": str,
    "source": str,
    "source_url": str,
    "status": str,
    "includes": str,
}


def split_list(cell: str) -> tuple[str, ...]:
    """The parts of a ``;``-separated cell, stripped, empty parts dropped."""
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


@dataclass(frozen=True)
class ValueContext:
    """What indicator files are checked against.

    When ``districts.csv`` or the catalogue could not be read, its checks are switched off
    (``strict_*=False``) rather than repeated as one problem per row. ``known_keys`` are the name
    keys the resolver indexes (see ``tables.name_keys``): a name whose key is not among them is
    unknown without asking the resolver, whose suggestions are slow to compute.
    """

    resolver: DistrictResolver
    indicators: Mapping[str, Indicator]
    strict_districts: bool = True
    strict_indicators: bool = True
    known_keys: frozenset[str] | None = None

    def resolve_area(self, name: str) -> str:
        """A unit id, or ``khatlon`` / ``tajikistan`` for the aggregate areas."""
        area = AREA_KEYS.get(parse_name(name)[0])
        if area is not None:
            return area
        try:
            return self.resolver.resolve(name)
        except UnknownDistrictError:
            if self.strict_districts:
                raise
            return name

    def is_area(self, name: str) -> bool:
        key = parse_name(name)[0]
        if key in AREA_KEYS or not self.strict_districts:
            return True
        if self.known_keys is not None and key not in self.known_keys:
            return False
        try:
            self.resolve_area(name)
        except UnknownDistrictError:
            return False
        return True

    def is_indicator(self, name: str) -> bool:
        return not self.strict_indicators or name in self.indicators

    def describe_area(self, name: str) -> str:
        try:
            self.resolve_area(name)
        except UnknownDistrictError as error:
            return str(error).replace(repr(name), quote(name))
        return f"{quote(name)} is a known district"  # pragma: no cover

    def describe_indicator(self, name: str) -> str:
        close = difflib.get_close_matches(name, list(self.indicators), n=2, cutoff=0.6)
        hint = "; did you mean " + ", ".join(repr(c) for c in close) + "?" if close else ""
        return f"unknown indicator {quote(name)} (not in catalogue.csv){hint}"

    def includes_problem(self, district: str, includes: str) -> str | None:
        """What is wrong with a row's ``includes`` cell, or ``None``."""
        if not includes or not self.strict_districts:
            return None
        try:
            own = self.resolve_area(district)
        except UnknownDistrictError:
            own = None
        for name in split_list(includes):
            try:
                unit = self.resolver.resolve(name)
            except UnknownDistrictError as error:
                return str(error).replace(repr(name), quote(name))
            if unit == own:
                return f"{quote(name)} is this row's own unit; list only the other units its figure also counts"
        return None

    def resolve_includes(self, includes: str) -> str:
        """The ids of the units named in an ``includes`` cell, joined by ``;`` (``""`` if none)."""
        if not self.strict_districts:
            return ";".join(split_list(includes))
        return ";".join(dict.fromkeys(self.resolver.resolve(name) for name in split_list(includes)))

    def status_of(self, indicator_id: str) -> str:
        """The catalogue's status of an indicator (the most cautious one if it is unknown)."""
        indicator = self.indicators.get(indicator_id)
        return (indicator.status if indicator is not None else Status.ILLUSTRATIVE).value


def _each(test: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """A column check made of a test of one cell (``validate_frame`` passes distinct cells only)."""
    return lambda cells: pd.Series([bool(test(cell)) for cell in cells], index=cells.index, dtype=bool)


def indicator_text_schema(context: ValueContext) -> pa.DataFrameSchema:
    """The text of an indicator file: ``district, indicator, year, value, lower, upper, ...``."""
    whole = {i for i, ind in context.indicators.items() if ind.is_whole_number}
    columns = {
        "district": text_column(True, (_each(context.is_area), "unknown_district")),
        "indicator": text_column(True, (_each(context.is_indicator), "unknown_indicator")),
        "year": text_column(True, *YEAR_CHECKS),
        "value": text_column(True, *NUMBER_CHECKS),
        "lower": text_column(False, *NUMBER_CHECKS),
        "upper": text_column(False, *NUMBER_CHECKS),
        "sample_size": text_column(False, *COUNT_CHECKS),
        "note": text_column(False),
        "source": text_column(False, present=False),
        "source_url": text_column(False, (matches(SOURCE_URL), "bad_url"), present=False),
        "status": text_column(False, (one_of(enum_values(Status)), "bad_choice"), present=False),
        "includes": text_column(False, present=False),
    }

    def includes_ok(frame: pd.DataFrame) -> pd.Series:
        ok = pd.Series(True, index=frame.index)
        listed = frame[frame["includes"] != ""] if "includes" in frame else frame.iloc[:0]
        if not listed.empty:
            ok[listed.index] = [
                context.includes_problem(d, i) is None for d, i in zip(listed["district"], listed["includes"])
            ]
        return ok

    def whole_ok(frame: pd.DataFrame) -> pd.Series:
        ok = pd.Series(True, index=frame.index)
        counts = frame["indicator"].isin(whole)
        if counts.any():
            ok[counts] = whole_numbers(frame.loc[counts, "value"])
        return ok

    checks = [pa.Check(whole_ok, error="not_whole_count"), pa.Check(includes_ok, error="bad_includes")]
    return text_schema(columns, checks)


def _value_text_rules(context: ValueContext) -> dict[str, Callable[[str], Rule]]:
    def unit(row: Mapping) -> str:
        return context.indicators[row["indicator"]].unit

    return {
        "not_whole_count": lambda _: Rule("value", lambda r: whole_number_message(r["value"], unit(r))),
        "bad_includes": lambda _: Rule("includes", lambda r: context.includes_problem(r["district"], r["includes"])),
    }


def read_value_file(path: Path, shown: str, context: ValueContext) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check the text of one indicator file; return its good rows, typed (``None``: unreadable).

    Warnings (such as percentages written as shares) are among the problems returned.
    """
    frame, problems = read_csv_table(path, shown)
    if frame is None:
        return None, problems
    if frame.empty:
        return None, problems + [Problem(shown, 2, NO_COLUMN, "the file has a header but no rows")]
    rules = text_rules(context.describe_area, context.describe_indicator)
    rules.update(_value_text_rules(context))
    failed, found = validate_frame(indicator_text_schema(context), frame, rules, shown)
    problems += found
    if any(p.line == 1 for p in found):
        return None, problems
    good = frame.drop(index=list(failed))
    for column in OPTIONAL_TEXT:
        if column not in good:
            good[column] = ""
    catalogue_status = each_distinct(good["indicator"], context.status_of)
    status = np.where(good["status"].to_numpy() == "", catalogue_status, good["status"].to_numpy())
    typed = pd.DataFrame(
        {
            LINE: good[LINE].astype(int),
            FILE: shown,
            "district_id": each_distinct(good["district"], context.resolve_area),
            "indicator": good["indicator"],
            "year": good["year"].astype(int),
            "value": floats(good["value"]),
            "lower": floats(good["lower"]),
            "upper": floats(good["upper"]),
            "sample_size": floats(good["sample_size"]).astype("Int64"),
            "note": good["note"],
            "source": good["source"],
            "source_url": good["source_url"],
            "status": status,
            "includes": each_distinct(good["includes"], context.resolve_includes),
        },
        index=good.index,
    ).reset_index(drop=True)
    shares = typed[[LINE, "indicator", "value"]].assign(value_text=good["value"].to_numpy())
    problems += fraction_warnings(shares, context.indicators, shown, LINE)
    return typed, problems


def values_rules_schema(indicators: Mapping[str, Indicator]) -> tuple[pa.DataFrameSchema, dict]:
    """Checks across columns on the combined, typed values, and the rules that word their failures."""
    first = {i: ind.first_year for i, ind in indicators.items()}
    last = {i: ind.last_year for i, ind in indicators.items()}
    percent = {i for i, ind in indicators.items() if ind.value_type is ValueType.PERCENT}
    national = {i for i, ind in indicators.items() if ind.level is Level.NATIONAL}
    never_negative = {i for i, ind in indicators.items() if ind.value_type in (ValueType.COUNT, ValueType.AMOUNT)}

    def in_percent_range(column: str) -> Callable[[pd.DataFrame], pd.Series]:
        return lambda df: ~df["indicator"].isin(percent) | df[column].isna() | df[column].between(0, 100)

    def check(test: Callable[[pd.DataFrame], pd.Series], error: str) -> pa.Check:
        return pa.Check(test, error=error, ignore_na=False)  # the tests handle missing bounds themselves

    checks = [
        check(lambda df: df["year"].between(df["indicator"].map(first), df["indicator"].map(last)), "year_range"),
        check(in_percent_range("value"), "percent_value"),
        check(in_percent_range("lower"), "percent_lower"),
        check(in_percent_range("upper"), "percent_upper"),
        check(lambda df: df["lower"].isna() | (df["lower"] <= df["value"]), "lower_above_value"),
        check(lambda df: df["upper"].isna() | (df["value"] <= df["upper"]), "value_above_upper"),
        check(lambda df: df["indicator"].isin(national) == (df["district_id"] == TAJIKISTAN), "level"),
        check(lambda df: ~df["indicator"].isin(never_negative) | (df["value"] >= 0), "negative"),
        check(lambda df: (df["sample_size"].fillna(1) >= 1).astype(bool), "no_sample"),
    ]

    def percent_rule(column: str) -> Callable[[str], Rule]:
        return lambda _: Rule(column, lambda r: f"{r[column]:g} is a percentage outside 0-100")

    def level(row: Mapping) -> str:
        if row["indicator"] in national:
            return f"{row['indicator']} is a national indicator: its rows must be for tajikistan"
        return f"{row['indicator']} is a district indicator: tajikistan rows belong to national indicators"

    rules = {
        "year_range": lambda _: Rule(
            "year",
            lambda r: (
                f"year {r['year']} is outside the catalogue's range for {r['indicator']} "
                f"({first[r['indicator']]}-{last[r['indicator']]})"
            ),
        ),
        "percent_value": percent_rule("value"),
        "percent_lower": percent_rule("lower"),
        "percent_upper": percent_rule("upper"),
        "lower_above_value": lambda _: Rule(
            "lower", lambda r: f"lower bound {r['lower']:g} is above the value {r['value']:g}"
        ),
        "value_above_upper": lambda _: Rule(
            "upper", lambda r: f"value {r['value']:g} is above the upper bound {r['upper']:g}"
        ),
        "level": lambda _: Rule("district", level),
        "negative": lambda _: Rule(
            "value", lambda r: f"{r['value']:g} is negative; {r['indicator']} counts people or money"
        ),
        "no_sample": lambda _: Rule(
            "sample_size", lambda r: "a sample size must be at least 1 (leave it empty if unknown)"
        ),
    }
    return pa.DataFrameSchema(checks=checks), rules


def empty_values() -> pd.DataFrame:
    """A typed values frame with no rows."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in TYPED_COLUMNS.items()})
