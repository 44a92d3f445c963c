"""Reading files defensively: every failure becomes a :class:`Problem`, never an exception."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .problems import NO_COLUMN, Problem, visible

LINE = "_line"  # column of the frames below holding each row's line number in its file
CYRILLIC_WORD = re.compile(r"[А-яЁёЎўІіЇїЄєЃѓЌќ]{3,}")  # three Cyrillic letters in a row
SEPARATORS = ((";", "semicolons (;)", ";"), ("\t", "tabs", "the tabs"))
LINE_PATTERN = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _looks_cyrillic_1251(raw: bytes) -> bool:
    """Whether undecodable bytes read as Russian or Tajik words in Windows-1251 (Excel's Cyrillic)."""
    try:
        return CYRILLIC_WORD.search(raw.decode("cp1251")) is not None
    except UnicodeDecodeError:
        return False


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 (one BOM is allowed). Reports unreadable, empty and mis-encoded files."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, NO_COLUMN, f"cannot read file: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        advice = (
            ' (the file looks like Windows-1251 Cyrillic); save it as "CSV UTF-8"'
            if _looks_cyrillic_1251(raw)
            else "; save the file as UTF-8"
        )
        return None, [Problem(shown, line, NO_COLUMN, f"bad encoding: byte 0x{byte} is not UTF-8{advice}")]
    if not text.strip():
        return None, [Problem(shown, 1, NO_COLUMN, "file is empty")]
    return text, []


def _separator_problem(text: str, shown: str) -> Problem | None:
    """A file saved with another separator (Excel in a Russian locale writes ``;``) is one problem."""
    header = text.lstrip("\r\n").split("\n", 1)[0]
    for separator, name, replace in SEPARATORS:
        if header.count(separator) > header.count(","):
            return Problem(
                shown,
                1,
                NO_COLUMN,
                f'the file is separated by {name}; save it as "CSV UTF-8 (comma delimited)" '
                f"or replace {replace} with ,",
            )
    return None


def _clean_header(header: list[str], shown: str) -> tuple[list[str], list[Problem]]:
    """Strip column names; report (and drop) invisible characters such as a second BOM."""
    names, problems = [], []
    for name in (h.strip() for h in header):
        if not name.isprintable():
            hidden = sorted({f"U+{ord(c):04X}" for c in name if not c.isprintable()})
            plural = "s" if len(hidden) > 1 else ""
            problems.append(
                Problem(
                    shown,
                    1,
                    visible(name),
                    f"column name contains {'an ' if not plural else ''}invisible character{plural} "
                    f"{', '.join(hidden)}; remove {'them' if plural else 'it'}",
                )
            )
            name = "".join(c for c in name if c.isprintable()).strip()
        names.append(name)
    return names, problems


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings (``\\n``, ``\\r\\n`` or ``\\r``), as ``csv`` wants them.

    (``io.StringIO`` would do the same but hold a copy of the text at four bytes per character.)
    """
    return (match.group() for match in LINE_PATTERN.finditer(text))


def read_csv_table(path: Path, shown: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV as strings, one row per record, with a ``LINE`` column (1 = header).

    Rows with the wrong number of fields are reported and dropped; blank lines are skipped.
    ``None`` when the file cannot be read as a table at all. Repeated cells share one string.
    """
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    separator = _separator_problem(text, shown)
    if separator is not None:
        return None, [separator]
    reader = csv.reader(_lines(text))
    try:
        header, found = _clean_header(next(reader), shown)
        problems += found
        width, start = len(header), reader.line_num + 1
        columns: list[list[str]] = [[] for _ in header]
        distinct: list[dict[str, str]] = [{} for _ in header]
        lines: list[int] = []
        for fields in reader:
            if not (fields and fields[0].strip()) and not "".join(fields).strip():
                pass  # a blank line, or only separators
            elif len(fields) != width:
                problems.append(
                    Problem(shown, start, NO_COLUMN, f"expected {width} fields as in the header, found {len(fields)}")
                )
            else:
                for cells, known, cell in zip(columns, distinct, fields):
                    cells.append(known.setdefault(cell, cell))
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        return None, problems + [Problem(shown, reader.line_num, NO_COLUMN, f"cannot parse CSV: {error}")]
    del text, distinct
    duplicated = sorted({h for h in header if header.count(h) > 1})
    for name in duplicated:
        problems.append(Problem(shown, 1, name or NO_COLUMN, "column appears more than once in the header"))
    if duplicated or "" in header:
        if "" in header:
            problems.append(Problem(shown, 1, NO_COLUMN, "header has an empty column name"))
        return None, problems
    frame = pd.DataFrame({LINE: np.array(lines, dtype=np.int64)})
    for name, cells in zip(header, columns):
        frame[name] = _stripped(cells)
    return frame, problems


def _stripped(cells: list[str]) -> pd.Series:
    """A column of cells without surrounding spaces (each distinct cell stripped once)."""
    return pd.Series(each_distinct(pd.Series(cells, dtype="str"), str.strip), dtype="str")


def each_distinct(cells: pd.Series, function: Callable[[str], Any]) -> np.ndarray:
    """``function`` of every cell, called once per distinct cell (data files repeat their cells)."""
    codes, distinct = pd.factorize(cells)
    results = np.empty(len(distinct), dtype=object)
    results[:] = [function(cell) for cell in distinct]
    return results[codes]
