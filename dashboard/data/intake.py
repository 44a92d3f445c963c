"""``khatlon-dashboard import``: a published table -> tidy CSV, checked with the data folder, with a diff.

The rows are written, then validated exactly as ``validate`` would validate them once the file is in
the data folder (a copy of the folder is checked with the new file added), and compared with the data
already there: values added, changed and removed.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .loader import check_data_dir
from .model import KHATLON
from .problems import Problem, listed
from .store import DataStore

TIDY_COLUMNS = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note", "source",
                "source_url", "status"]  # fmt: skip


@dataclass(frozen=True)
class Change:
    area: str
    before: float | None
    after: float | None
    status_before: str = ""


def write_tidy(rows: pd.DataFrame, out: Path) -> None:
    """The tidy CSV (UTF-8, every value as read: nothing rounded)."""
    frame = rows.reindex(columns=TIDY_COLUMNS)
    frame["sample_size"] = frame["sample_size"].astype("Int64")
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False, float_format="%.10g")


def write_checked(rows: pd.DataFrame, out: Path, data_dir: Path, shown_out: str) -> list[Problem]:
    """Write ``out`` only if the rows pass validation once in ``data_dir``; the problems found.

    The rows are checked in a copy of the folder (without ``out`` itself, should it already be in
    there: a re-import replaces it), written first to a temporary file, and moved into place last.
    """
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / out.name
        write_tidy(rows, candidate)
        problems = _check_in_copy(candidate, data_dir, out, shown_out)
        if not any(not p.warning for p in problems):
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(candidate, out)
    return problems


def _check_in_copy(candidate: Path, data_dir: Path, out: Path, shown_out: str) -> list[Problem]:
    replaced = out.resolve()

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n in ("sources", "scripts", "examples") or n.endswith(".md")}
        return skipped | {n for n in names if (Path(folder) / n).resolve() == replaced}

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, ignore=ignore)
        target = copy / "indicators" / f"imported__{out.name}"
        shutil.copy(candidate, target)
        found = check_data_dir(copy, shown_as="data")
    shown_new = f"data/indicators/{target.name}"
    return listed(
        Problem(shown_out if p.file == shown_new else p.file, p.line, p.column, p.message, p.warning)
        for p in found.problems
        if p.file == shown_new or not p.warning
    )


def compare(rows: pd.DataFrame, store: DataStore, indicator: str, year: int) -> dict[str, list[Change]]:
    """What the imported rows add, change and remove among the values the dashboard shows now."""
    result: dict[str, list[Change]] = {"added": [], "changed": [], "unchanged": [], "removed": []}
    imported = {row.district: row for row in rows.itertuples()}
    for area, row in imported.items():
        existing = store.observation(indicator, area, year)
        if existing is None:
            result["added"].append(Change(area, None, row.value))
        elif existing.value != row.value or existing.status.value != row.status:
            result["changed"].append(Change(area, existing.value, row.value, existing.status.value))
        else:
            result["unchanged"].append(Change(area, existing.value, row.value))
    for area in [*store.units, KHATLON]:
        existing = store.observation(indicator, area, year)
        if existing is not None and area not in imported:
            result["removed"].append(Change(area, existing.value, None, existing.status.value))
    return result


def describe_changes(changes: dict[str, list[Change]], shown_data: str, limit: int = 30) -> list[str]:
    counts = ", ".join(f"{len(v)} {k}" for k, v in changes.items())
    lines = [f"compared with {shown_data}: {counts}"]
    for change in [*changes["changed"], *changes["added"], *changes["removed"]][:limit]:
        before = "—" if change.before is None else f"{change.before:g}"
        after = "—" if change.after is None else f"{change.after:g}"
        status = f" ({change.status_before})" if change.status_before else ""
        lines.append(f"  {change.area}: {before}{status} -> {after}")
    if changes["removed"]:
        lines.append("  removed: the table has no row for these; the value already in the folder stays in use")
    return lines
