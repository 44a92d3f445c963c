"""The typed rows of all indicator files together: rules, replacement by status, duplicates.

For one ``(district_id, indicator, year)`` the most trusted row wins (official > survey >
estimate > illustrative); the rows it replaces are dropped and listed as :class:`Replacement`.
Rows of equal status for the same key are duplicates. A row whose figure ``includes`` another
unit forbids that unit's own row for the same indicator and year (it would be counted twice).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .model import Indicator, Status
from .problems import Problem
from .readers import LINE
from .schemas import validate_frame
from .values import FILE, KEY, empty_values, values_rules_schema

RANK = {status.value: status.rank for status in Status}


@dataclass(frozen=True)
class Replacement:
    """A row dropped because a more trusted row gives the same place, indicator and year."""

    district_id: str
    indicator: str
    year: int
    file: str
    line: int
    status: Status
    by_file: str
    by_line: int
    by_status: Status


@dataclass(frozen=True)
class CheckedValues:
    """The good rows of all indicator files, the problems found and the rows replaced."""

    values: pd.DataFrame
    problems: list[Problem]
    replaced: tuple[Replacement, ...] = ()


def describe_replacements(replaced: Iterable[Replacement]) -> str:
    """``12 illustrative rows replaced by survey rows`` (one clause per pair of statuses)."""
    counts = Counter((r.status, r.by_status) for r in replaced)
    clauses = []
    for (old, new), count in sorted(counts.items(), key=lambda item: (item[0][0].rank, item[0][1].rank)):
        article = "an" if new.value[0] in "aeiou" else "a"
        rows, by = ("row", f"{article} {new} row") if count == 1 else ("rows", f"{new} rows")
        clauses.append(f"{count} {old} {rows} replaced by {by}")
    return "; ".join(clauses)


def check_values(frames: list[pd.DataFrame], indicators: Mapping[str, Indicator]) -> CheckedValues:
    """Check all indicator files together; return the good rows and the problems."""
    if not frames:
        return CheckedValues(empty_values(), [])
    combined = pd.concat(frames, ignore_index=True)
    schema, rules = values_rules_schema(indicators)
    failed, problems = validate_frame(schema, combined, rules, combined[FILE])
    replaced, replacements = _replaced(combined)
    duplicate, found = _duplicates(combined, ~replaced)
    problems += found
    kept = ~replaced & ~duplicate
    twice, found = _double_counted(combined, kept)
    problems += found
    good = kept & ~twice & ~combined.index.isin(list(failed))
    return CheckedValues(combined[good].reset_index(drop=True), problems, replacements)


def _winners(rows: pd.DataFrame) -> pd.DataFrame:
    """The first row of each key, with its file, line and status (indexed by key)."""
    return rows.drop_duplicates(KEY).set_index(KEY)[[FILE, LINE, "status"]]


def _replaced(combined: pd.DataFrame) -> tuple[np.ndarray, tuple[Replacement, ...]]:
    """Rows outranked by a more trusted row of the same key."""
    rank = combined["status"].map(RANK).fillna(max(RANK.values()))
    best = rank.groupby([combined[k] for k in KEY], sort=False).transform("min")
    worse = (rank > best).to_numpy()
    if not worse.any():
        return worse, ()
    by = _winners(combined[~worse])
    losers = combined[worse].merge(by, left_on=KEY, right_index=True, suffixes=("", "_by"))
    replacements = tuple(
        Replacement(d, i, int(y), f, int(n), Status(s), bf, int(bn), Status(bs))
        for d, i, y, f, n, s, bf, bn, bs in zip(
            *(losers[c] for c in [*KEY, FILE, LINE, "status", f"{FILE}_by", f"{LINE}_by", "status_by"])
        )
    )
    return worse, replacements


def _duplicates(combined: pd.DataFrame, candidates: np.ndarray) -> tuple[np.ndarray, list[Problem]]:
    """Rows of equal (best) status for a key already given: all but the first are problems."""
    rows = combined[candidates]
    repeated = rows.duplicated(KEY, keep="first")
    duplicate = np.zeros(len(combined), dtype=bool)
    if not repeated.any():
        return duplicate, []
    duplicate[combined.index.get_indexer(rows.index[repeated])] = True
    origin = rows[repeated].merge(_winners(rows), left_on=KEY, right_index=True, suffixes=("", "_first"))
    columns = [*KEY, FILE, LINE, f"{FILE}_first", f"{LINE}_first"]
    problems = [
        Problem(f, int(n), "district", f"duplicate row for ({d}, {i}, {y}); first given at {ff}:{fn}")
        for d, i, y, f, n, ff, fn in zip(*(origin[c] for c in columns))
    ]
    return duplicate, problems


def _double_counted(combined: pd.DataFrame, kept: np.ndarray) -> tuple[np.ndarray, list[Problem]]:
    """Rows whose figure includes a unit that also has its own row for that indicator and year."""
    twice = np.zeros(len(combined), dtype=bool)
    rows = combined[kept]
    including = rows[rows["includes"] != ""]
    if including.empty:
        return twice, []
    own = _winners(rows)
    problems = []
    for label, row in including.iterrows():
        for unit in row["includes"].split(";"):
            key = (unit, row["indicator"], row["year"])
            if key not in own.index:
                continue
            other = own.loc[key]
            twice[label] = True
            problems.append(
                Problem(
                    row[FILE],
                    int(row[LINE]),
                    "includes",
                    f"double counting: this figure includes {unit}, which has its own row for "
                    f"({row['indicator']}, {row['year']}) at {other[FILE]}:{other[LINE]}",
                )
            )
    return twice, problems
