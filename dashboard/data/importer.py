"""Read a published table (a row per district, in any spelling) into the tidy values format.

Real tables come as statistics offices publish them: Excel or CSV, Russian or Tajik names with
"район", "ноҳияи" or "г.", headers over two rows with merged cells, commas as decimal separators,
spaces as thousands separators, a total row and notes under the table. :func:`read_table` gives the
cells as text with merged cells filled in; :func:`import_table` finds the header, the name column and
the value, bound and sample-size columns (by their headings in English, Russian or Tajik, or as named),
resolves every name and returns tidy rows and the problems, as ``FILE:LINE: COLUMN: message``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .model import KHATLON
from .names import DistrictResolver, UnknownDistrictError, fold
from .problems import NO_COLUMN, Problem

ROLES = ("lower", "upper", "n", "value")  # matched in this order: "нижняя граница (%)" is a bound, not the value
HEADINGS = {  # words (folded) that name a column, in English, Russian and Tajik
    "lower": ("lower", "lci", "нижн", "поён", "минимум"),
    "upper": ("upper", "uci", "верхн", "боло", "максимум"),
    "n": (
        "sample",
        "respondent",
        "observations",
        "households",
        "выборк",
        "респондент",
        "наблюден",
        "опрош",
        "число",
        "интихоб",
        "шумораи",
        "пурсида",
        "n",
    ),
    "value": (
        "value",
        "estimate",
        "share",
        "percent",
        "значени",
        "оценк",
        "доля",
        "процент",
        "арзиш",
        "қимат",
        "ҳисса",
        "фоиз",
        "%",
    ),
}
TOTAL_WORDS = ("всего", "итого", "total", "ҳамагӣ", "ҳамаги", "ҷамъ", "jami", "хатлон", "khatlon", "вилоят", "область")
MISSING = {"", "-", "–", "—", "..", "...", "x", "н/д", "нд", "n/a", "na", "…"}
SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


@dataclass(frozen=True)
class ImportOptions:
    indicator: str
    year: int
    sheet: str | None = None
    status: str = "survey"
    source: str = ""
    source_url: str = ""
    columns: dict[str, str] = field(default_factory=dict)  # role -> heading given with --value-column etc.
    decimal: str = "auto"  # "comma", "point" or "auto" (decided per column)


@dataclass
class ImportResult:
    rows: pd.DataFrame
    problems: list[Problem]
    skipped: list[tuple[int, str]]  # (line, text) of rows that are notes, not districts


def read_table(path: Path, sheet: str | None = None) -> list[list[str]]:
    """Every row of the table as text cells; in Excel, a merged cell's value fills its whole range."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        book = load_workbook(path, data_only=True)
        if sheet is not None and sheet not in book.sheetnames:
            raise ValueError(f"no sheet {sheet!r}; the workbook has: {', '.join(book.sheetnames)}")
        ws = book[sheet] if sheet else book.worksheets[0]
        cells = [[_cell_text(cell) for cell in row] for row in ws.iter_rows()]
        for merged in ws.merged_cells.ranges:
            value = cells[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    cells[r][c] = value
        return cells
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")  # CSV saved by a Russian Excel
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def _cell_text(cell) -> str:
    """A cell as printed: a cell formatted as a percentage holds 0.441 and shows 44.1 %."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return _text(round(value * 100, 10))
    return _text(value)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_number(text: str, decimal: str) -> float | None:
    """``44,1`` / ``1 234,5`` / ``1,234.5`` / ``12%`` as a number; ``None`` for an empty or "no data" cell.

    Raises ``ValueError`` for text that is not a number.
    """
    cleaned = SPACES.sub("", text).rstrip("%")
    if cleaned.lower() in MISSING:
        return None
    if "," in cleaned and "." in cleaned:  # both: the last one is the decimal separator
        cleaned = cleaned.replace(",", "") if cleaned.rfind(".") > cleaned.rfind(",") else cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
    elif decimal == "comma":
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")  # thousands
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        raise ValueError(text)  # also refuses "nan", "inf" and "1_0", which float() would take
    return float(cleaned)


def comma_is_decimal(cells: Sequence[str]) -> bool:
    """A column whose commas are followed by other than exactly three digits uses the decimal comma."""
    with_comma = [SPACES.sub("", c) for c in cells if "," in c and "." not in c]
    return any(not re.fullmatch(r"-?\d{1,3}(,\d{3})+%?", c) for c in with_comma)


def is_total(name: str) -> bool:
    folded = fold(name)
    return any(word in folded.split() or folded.startswith(word) for word in map(fold, TOTAL_WORDS))


class _Names:
    """The resolver with each text looked up once (a table asks about every cell of every column, and an
    unknown name costs a search for the closest ones)."""

    def __init__(self, resolver: DistrictResolver) -> None:
        self._resolver = resolver
        self._found: dict[str, str | UnknownDistrictError | ValueError] = {}

    def lookup(self, name: str) -> str | UnknownDistrictError | ValueError:
        if name not in self._found:
            try:
                self._found[name] = self._resolver.resolve(name)
            except (UnknownDistrictError, ValueError) as error:
                self._found[name] = error
        return self._found[name]

    def known(self, name: str) -> bool:
        return isinstance(self.lookup(name), str)


def _layout(cells: list[list[str]], names: _Names) -> tuple[int, int]:
    """(first data row, name column): the column with the most district names, and its first name."""
    width = max((len(r) for r in cells), default=0)
    counts = [sum(names.known(r[c]) for r in cells if c < len(r) and r[c]) for c in range(width)]
    if not counts or max(counts) == 0:
        return -1, -1
    column = counts.index(max(counts))
    first = next(i for i, r in enumerate(cells) if column < len(r) and r[column] and names.known(r[column]))
    return first, column


def headings(cells: list[list[str]], first_data: int, width: int) -> list[str]:
    """One heading per column: the header rows' texts joined (merged cells already fill their range)."""
    joined = []
    for c in range(width):
        parts: list[str] = []
        for row in cells[:first_data]:
            text = row[c] if c < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        joined.append(" ".join(parts))
    return joined


def _matches(heading: str, words: Sequence[str]) -> bool:
    folded = fold(heading).replace("(", " ").replace(")", " ")
    tokens = set(re.split(r"[\s,;:/]+", folded)) | ({"%"} if "%" in heading else set())
    return any((w in tokens) if len(w) <= 2 else (w in folded) for w in map(fold, words))


def find_columns(names: list[str], name_column: int, given: dict[str, str], numeric: set[int]) -> dict[str, int]:
    """Which column holds each role; a heading given by the user wins over the built-in words."""
    found: dict[str, int] = {}
    for role, heading in given.items():
        matches = [i for i, n in enumerate(names) if fold(n) == fold(heading)]
        if not matches:
            raise KeyError(f"--{role}-column {heading!r}: no such column; the columns are: {', '.join(names)}")
        found[role] = matches[0]
    for role in ROLES:
        if role in found:
            continue
        taken = {name_column, *found.values()}
        candidates = [i for i in sorted(numeric) if i not in taken and _matches(names[i], HEADINGS[role])]
        if candidates:
            found[role] = candidates[0]
    if "value" not in found:
        rest = [i for i in sorted(numeric) if i not in {name_column, *found.values()}]
        if len(rest) == 1:
            found["value"] = rest[0]
    return found


def import_table(path: Path, options: ImportOptions, resolver: DistrictResolver, shown: str) -> ImportResult:
    """Tidy rows (``district, indicator, year, value, lower, upper, sample_size, note, source, ...``)."""
    problems: list[Problem] = []
    try:
        cells = read_table(path, options.sheet)
    except (OSError, ValueError, csv.Error) as error:
        return ImportResult(pd.DataFrame(), [Problem(shown, 1, NO_COLUMN, f"cannot read the table: {error}")], [])
    lookup = _Names(resolver)
    first, name_column = _layout(cells, lookup)
    if first < 0:
        message = "no district or city name found in any column (names are matched in English, Russian and Tajik)"
        return ImportResult(pd.DataFrame(), [Problem(shown, 1, NO_COLUMN, message)], [])
    width = max(len(r) for r in cells)
    names = headings(cells, first, width)
    body = [(i + 1, r + [""] * (width - len(r))) for i, r in enumerate(cells[first:], start=first)]
    named = [r for _, r in body if r[name_column]]  # styled empty rows below a table do not count
    numeric = {c for c in range(width) if sum(_looks_numeric(r[c]) for r in named) >= max(1, len(named) // 2)}
    given = dict(options.columns)
    if "name" in given:
        chosen = [i for i, n in enumerate(names) if fold(n) == fold(given.pop("name"))]
        if not chosen:
            message = f"--name-column: no such column; the columns are: {', '.join(names)}"
            return ImportResult(pd.DataFrame(), [Problem(shown, first, NO_COLUMN, message)], [])
        name_column = chosen[0]
    try:
        roles = find_columns(names, name_column, given, numeric)
    except KeyError as error:
        return ImportResult(pd.DataFrame(), [Problem(shown, first, NO_COLUMN, str(error.args[0]))], [])
    if "value" not in roles:
        message = "cannot tell which column holds the values: name it with --value-column (the columns are: "
        return ImportResult(pd.DataFrame(), [Problem(shown, first, NO_COLUMN, message + ", ".join(names) + ")")], [])
    comma = {
        role: options.decimal == "comma" or (options.decimal == "auto" and comma_is_decimal([r[c] for _, r in body]))
        for role, c in roles.items()
    }
    rows, skipped, seen = [], [], {}
    for line, row in body:
        name = row[name_column]
        numbers = {}
        for role, column in roles.items():
            try:
                numbers[role] = parse_number(row[column], "comma" if comma[role] else "point")
            except ValueError:
                problems.append(
                    Problem(shown, line, names[column] or f"column {column + 1}", f"{row[column]!r} is not a number")
                )
                numbers[role] = None
        if not name or numbers.get("value") is None and not lookup.known(name):
            if any(row):
                skipped.append((line, " ".join(c for c in row if c)[:80]))
            continue
        area = KHATLON if is_total(name) and not lookup.known(name) else None
        if area is None:
            found = lookup.lookup(name)
            if not isinstance(found, str):
                problems.append(Problem(shown, line, names[name_column] or "name", str(found)))
                continue
            area = found
        if area in seen:
            problems.append(
                Problem(shown, line, names[name_column] or "name", f"{name!r} is {area}, already on line {seen[area]}")
            )
            continue
        seen[area] = line
        if numbers.get("value") is None:  # "—", "н/д" or empty: no figure for this unit (junk text: reported above)
            skipped.append((line, f"{name}: no value"))
            continue
        sample = numbers.get("n")
        if sample is not None and not float(sample).is_integer():
            problems.append(Problem(shown, line, names[roles["n"]], f"{sample} is not a whole number of respondents"))
        rows.append(
            {
                "district": area,
                "indicator": options.indicator,
                "year": options.year,
                "value": numbers["value"],
                "lower": numbers.get("lower"),
                "upper": numbers.get("upper"),
                "sample_size": None if sample is None else int(sample),
                "note": f"Imported from {path.name}"
                + (f", sheet {options.sheet}" if options.sheet else "")
                + f", line {line} ({name})",
                "source": options.source or path.name,
                "source_url": options.source_url,
                "status": options.status,
            }
        )
    return ImportResult(pd.DataFrame(rows), problems, skipped)


def _looks_numeric(text: str) -> bool:
    try:
        return parse_number(text, "comma") is not None
    except ValueError:
        return False
