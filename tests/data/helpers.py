"""Small editors for broken fixtures: each changes one thing in a copy of the data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dashboard.data import validate_data_dir


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set the cell of ``column`` on file line ``line`` (1 = header)."""
    rows = read_rows(path)
    rows[line - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def cell(path: Path, line: int, column: str) -> str:
    rows = read_rows(path)
    return rows[line - 1][rows[0].index(column)]


def problems_of(data_dir: Path) -> list[str]:
    """Every problem listed for ``data_dir`` (shown as ``data``), warnings included."""
    store, problems = validate_data_dir(data_dir, shown_as="data")
    assert store is None or all(p.warning for p in problems)  # only warnings leave the folder valid
    return [str(p) for p in problems]
