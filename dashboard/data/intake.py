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


def check_with_folder(out: Path, data_dir: Path, shown_out: str) -> tuple[list[Problem], DataStore | None]:
    """Problems of ``out`` once placed in (a copy of) ``data_dir``; the folder's store as it is now."""
    current = check_data_dir(data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("sources", "scripts", "examples", "*.md"))
        target = copy / "indicators" / f"imported__{out.name}"
        shutil.copy(out, target)
        found = check_data_dir(copy, shown_as="data")
    shown_new = f"data/indicators/{target.name}"
    problems = [
        Problem(shown_out, p.line, p.column, p.message, p.warning)
        for p in found.problems
        if p.file == shown_new or (p.file not in {q.file for q in current.problems} and not p.warning)
    ]
    return listed(problems), current.store


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
