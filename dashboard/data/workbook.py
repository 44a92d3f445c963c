"""The all-data Excel workbook: a sheet per theme (every value of its indicators) and a Sources sheet.

Numbers are numbers, exactly as stored (openpyxl writes ``"%.16g"``, which loses the 17th digit of
some floats: such a value is written as its shortest ``repr``). Text cells are formula-safe
(:func:`export.safe_text`) and stored as strings, so no cell is ever a formula; the header row is
frozen and filtered, the columns as wide as their text (within limits).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .bundle import Wording, indicator_table, source_rows, themes
from .export import safe_text
from .store import DataStore

# a theme sheet: readable columns first, identifiers last; the unit in its own column beside the value
# (a theme mixes units: "Value (% of households)" would be wrong for half of its rows)
SHEET_COLUMNS = (
    "area",
    "indicator_label",
    "year",
    "value",
    "unit",
    "lower",
    "upper",
    "sample_size",
    "sample_flag",
    "status",
    "includes",
    "note",
    "source",
    "source_url",
    "licence",
    "area_id",
    "indicator",
)
SOURCE_COLUMNS = (
    "indicator",
    "indicator_label",
    "unit",
    "status",
    "source",
    "source_url",
    "licence",
    "updated",
    "caveat",
)
MAX_WIDTH, MIN_WIDTH = 60, 8  # characters
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no ``[]:*?/\\``, at most 31 characters, not starting with an apostrophe."""
    base = _SHEET_FORBIDDEN.sub(" ", name).strip().strip("'")[:31].strip() or "Sheet"
    title, number = base, 2
    while title.casefold() in taken:
        suffix = f" {number}"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.casefold())
    return title


def build_workbook(store: DataStore, wording: Wording) -> bytes:
    """The workbook's bytes: a sheet per theme (every value of its indicators) and a Sources sheet."""
    book = Workbook(write_only=True)
    taken: set[str] = set()
    for theme in themes(store):
        rows = [
            row
            for indicator in store.indicators.values()
            if indicator.theme == theme
            for row in indicator_table(store, indicator, wording)
        ]
        _sheet(book, sheet_title(wording.themes.get(theme, theme), taken), SHEET_COLUMNS, rows, wording)
    _sheet(book, sheet_title(wording.sources_sheet, taken), SOURCE_COLUMNS, source_rows(store, wording), wording)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: Workbook, title: str, columns: Sequence[str], rows: list[dict], wording: Wording) -> None:
    sheet = book.create_sheet(title)
    headers = [wording.headings[c] for c in columns]
    table = [[row.get(c) for c in columns] for row in rows]
    for position, column in enumerate(zip(headers, *table), start=1):
        longest = max(len(str(v)) for v in column if v is not None and v != "")
        sheet.column_dimensions[get_column_letter(position)].width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, h, bold) for h in headers])
    for values in table:
        sheet.append([_cell(sheet, v) for v in values])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _cell(sheet, value: object, font: Font | None = None) -> object:
    """A text cell (formula-safe, stored as a string, never a formula), a number exactly as stored, or empty."""
    if font is None and (value is None or value == "" or isinstance(value, int | float) and _exact(value)):
        return None if value == "" else value  # a plain number: openpyxl writes it as it is
    cell = WriteOnlyCell(sheet)
    if font is not None:
        cell.font = font
    if value is None or value == "":
        return cell
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
        cell._value = repr(value)  # openpyxl writes "%.16g"; the shortest repr reads back as the same float
        return cell
    cell.value = safe_text(ILLEGAL_CHARACTERS_RE.sub("", str(value)))  # control characters are not XML
    cell.data_type = "s"
    return cell


def _exact(value: int | float) -> bool:
    """Whether openpyxl's ``"%.16g"`` writes this number so that it reads back the same."""
    return not isinstance(value, bool) and (isinstance(value, int) or float(f"{value:.16g}") == value)
