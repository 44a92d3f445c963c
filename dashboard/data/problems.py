"""A problem found in a data file, printed as ``FILE:LINE: COLUMN: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

NO_COLUMN = "-"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file. ``line`` counts from 1."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column or NO_COLUMN}: {self.message}"


class DataValidationError(ValueError):
    """Raised when a data folder cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, data_dir: Path, shown_as: str | None = None) -> str:
    """The path as the user should read it: under the data folder they named."""
    base = shown_as if shown_as is not None else str(data_dir)
    try:
        relative = path.relative_to(data_dir)
    except ValueError:
        return str(path)
    return str(Path(base) / relative)
