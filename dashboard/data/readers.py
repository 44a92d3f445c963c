"""Reading files defensively: every failure becomes a :class:`Problem`, never an exception."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .problems import NO_COLUMN, Problem

LINE = "_line"  # column of the frames below holding each row's line number in its file


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 (a BOM is allowed). Reports unreadable, empty and mis-encoded files."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, NO_COLUMN, f"cannot read file: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        return None, [
            Problem(shown, line, NO_COLUMN, f"bad encoding: byte 0x{byte} is not UTF-8; save the file as UTF-8")
        ]
    if not text.strip():
        return None, [Problem(shown, 1, NO_COLUMN, "file is empty")]
    return text, []


def read_csv_table(path: Path, shown: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV as strings, one row per record, with a ``line`` column (1 = header).

    Rows with the wrong number of fields are reported and dropped; blank lines are skipped.
    """
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        records, lines = [], []
        line = reader.line_num
        for fields in reader:
            start, line = line + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                problems.append(
                    Problem(
                        shown, start, NO_COLUMN, f"expected {len(header)} fields as in the header, found {len(fields)}"
                    )
                )
                continue
            records.append([f.strip() for f in fields])
            lines.append(start)
    except csv.Error as error:
        return None, problems + [Problem(shown, reader.line_num, NO_COLUMN, f"cannot parse CSV: {error}")]
    duplicated = sorted({h for h in header if header.count(h) > 1})
    for name in duplicated:
        problems.append(Problem(shown, 1, name or NO_COLUMN, "column appears more than once in the header"))
    if duplicated or "" in header:
        if "" in header:
            problems.append(Problem(shown, 1, NO_COLUMN, "header has an empty column name"))
        return None, problems
    frame = pd.DataFrame(records, columns=header, dtype="string")
    frame.insert(0, LINE, lines)
    return frame, problems
