"""The rows of one indicator as the Table tab and its CSV show them, and the CSV itself.

Values are exported exactly as stored (rounding is for the screen only). A text cell that begins
with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a line feed (also after leading spaces)
could be run as a formula by Excel or LibreOffice ("CSV injection"); such cells get a leading
apostrophe, which spreadsheets show as plain text. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .model import AGGREGATE_AREAS, Indicator
from .names import fold
from .quality import sample_flag
from .store import DataStore

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
COLUMNS = [
    "area_id",
    "area",
    "indicator",
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
]
SORTABLE = ("area", "year", "value", "sample_size", "status")
MAX_SEARCH = 60


@dataclass(frozen=True)
class TableOptions:
    """What the table shows: one year (``None``: all), a name filter, and the sort order."""

    year: int | None = None
    search: str = ""
    sort: str = "value"
    descending: bool = True


def safe_text(value: object) -> object:
    """Neutralise a text cell that a spreadsheet would run as a formula; leave numbers alone."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _number(value: object) -> object:
    """The stored number (whole numbers without ``.0``), or empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return int(value) if float(value).is_integer() else float(value)


def indicator_rows(
    store: DataStore,
    indicator: Indicator,
    options: TableOptions | None,
    area_name: Callable[[str], str],
    label: str | None = None,
    unit: str | None = None,
) -> list[dict]:
    """Every row of the indicator that ``options`` keeps, in its order; values straight from the store."""
    options = options or TableOptions(year=None, sort="area", descending=False)
    wanted = fold(options.search[:MAX_SEARCH].strip())
    rows = []
    for observation in store.indicator_observations(indicator.id):
        if options.year is not None and observation.year != options.year:
            continue
        name = area_name(observation.area_id)
        if wanted and wanted not in fold(name) and wanted not in fold(observation.area_id):
            continue
        rows.append(
            {
                "area_id": observation.area_id,
                "area": name,
                "indicator": indicator.id,
                "indicator_label": label or indicator.label,
                "year": observation.year,
                "value": _number(observation.value),
                "unit": unit or indicator.unit,
                "lower": _number(observation.lower),
                "upper": _number(observation.upper),
                "sample_size": "" if observation.sample_size is None else observation.sample_size,
                "sample_flag": sample_flag(indicator, observation).value,
                "status": observation.status.value,
                "includes": ";".join(observation.includes),
                "note": observation.note,
                "source": observation.source or indicator.source,
                "source_url": observation.source_url or indicator.source_url,
                "licence": indicator.licence,
            }
        )
    return sort_rows(rows, options)


def sort_rows(rows: list[dict], options: TableOptions) -> list[dict]:
    """Khatlon and Tajikistan first, then units in the asked order; cells without a value last."""
    column = options.sort if options.sort in SORTABLE else "value"

    def key(row: dict) -> tuple:
        value = row[column]
        return (0, value, "") if isinstance(value, (int, float)) else (1, 0, str(value).casefold())

    aggregates = [r for r in rows if r["area_id"] in AGGREGATE_AREAS]
    units = [r for r in rows if r["area_id"] not in AGGREGATE_AREAS]
    present = sorted((r for r in units if r[column] != ""), key=key, reverse=options.descending)
    missing = [r for r in units if r[column] == ""]
    return sorted(aggregates, key=lambda r: (r["area_id"], -r["year"])) + present + missing


def to_csv(rows: Iterable[dict], columns: Sequence[str] = COLUMNS, headers: Sequence[str] | None = None) -> str:
    """CSV text with every text cell made formula-safe; ``headers`` name the columns (default: their ids).

    It starts with a byte-order mark so that Excel reads the Cyrillic and Tajik names as UTF-8.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in (headers or columns)])
    for row in rows:
        writer.writerow([safe_text(row.get(column, "")) for column in columns])
    return buffer.getvalue()


def export_filename(store: DataStore, indicator: Indicator, language: str = "en") -> str:
    """``khatlon_<id>[_ILLUSTRATIVE].csv``; a partly illustrative indicator says so too."""
    if store.shows_illustrative([indicator.id]):
        marker = "_PARTLY_ILLUSTRATIVE" if store.is_partly_illustrative(indicator.id) else "_ILLUSTRATIVE"
    else:
        marker = ""
    suffix = "" if language == "en" else f"_{language}"
    return f"khatlon_{indicator.id}{marker}{suffix}.csv"
