"""A problem found in a data file, printed as ``FILE:LINE: COLUMN: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

NO_COLUMN = "-"
LISTED_PER_FILE = 50  # problems listed per file; the rest are counted on one line
UNWORDED = "(not worded: only the first problems of a file are listed)"  # message of a counted problem


def visible(text: str) -> str:
    """``text`` with every invisible or control character written as ``U+XXXX``.

    A byte-order mark, a zero-width space or a tab in a cell would otherwise be echoed unseen.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text)


def quote(text: str) -> str:
    """A cell's text quoted for a message (like ``repr``), invisible characters made visible."""
    return repr(visible(text))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file. ``line`` counts from 1.

    A ``warning`` is printed like an error but does not make the folder invalid.
    """

    file: str
    line: int
    column: str
    message: str
    warning: bool = False

    def __post_init__(self) -> None:
        if not (self.column.isprintable() and self.message.isprintable()):
            object.__setattr__(self, "column", visible(self.column))
            object.__setattr__(self, "message", visible(self.message))

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}: {self.column or NO_COLUMN}: {kind}{self.message}"


def listed(problems: Iterable[Problem], limit: int = LISTED_PER_FILE) -> list[Problem]:
    """Problems sorted, at most ``limit`` per file, then one line counting the rest of that file.

    The counting line is placed on the line of the first problem it stands for.
    """
    shown: list[Problem] = []
    ordered = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message, p.warning))
    for file, group in groupby(ordered, key=lambda p: p.file):
        found = list(group)
        shown += found[:limit]
        if len(found) > limit:
            rest = len(found) - limit
            plural = "s" if rest != 1 else ""
            shown.append(Problem(file, found[limit].line, NO_COLUMN, f"and {rest} more problem{plural} in this file"))
    return shown


class DataValidationError(ValueError):
    """Raised when a data folder cannot be loaded; carries the problems as :func:`listed` lists them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, data_dir: Path, shown_as: str | None = None) -> str:
    """The path as the user should read it: under the data folder they named."""
    base = shown_as if shown_as is not None else str(data_dir)
    try:
        relative = path.relative_to(data_dir)
    except ValueError:
        return str(path)
    return str(Path(base) / relative)
