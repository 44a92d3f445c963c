"""CSV export of one indicator's rows, safe to open in a spreadsheet.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a line feed (also
after leading spaces) could be run as
a formula by Excel or LibreOffice ("CSV injection"); such cells get a leading apostrophe, which
spreadsheets show as plain text. Numbers are written as numbers, negative ones included.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable

from .model import Indicator
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
    "status",
    "note",
    "source",
    "source_url",
    "licence",
]


def safe_text(value: object) -> object:
    """Neutralise a text cell that a spreadsheet would run as a formula; leave numbers alone."""
    if isinstance(value, str) and (value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES)):
        return "'" + value
    return value


def _number(value: object, decimals: int) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    rounded = round(float(value), decimals)
    return int(rounded) if decimals == 0 else rounded


def indicator_rows(
    store: DataStore, indicator: Indicator, keys: Iterable[tuple[str, int]] | None, area_name: Callable[[str], str]
) -> list[dict]:
    """Rows for ``keys`` (area id, year) in that order, or every row; values from the store only."""
    rows = store.rows(indicator.id)
    by_key = {(r["district_id"], int(r["year"])): r for r in rows.to_dict("records")}
    wanted = list(keys) if keys is not None else list(by_key)
    out = []
    for key in wanted:
        row = by_key.get(key)
        if row is None:
            continue
        out.append(
            {
                "area_id": row["district_id"],
                "area": area_name(row["district_id"]),
                "indicator": indicator.id,
                "indicator_label": indicator.label,
                "year": int(row["year"]),
                "value": _number(row["value"], indicator.decimals),
                "unit": indicator.unit,
                "lower": _number(row["lower"], indicator.decimals),
                "upper": _number(row["upper"], indicator.decimals),
                "sample_size": ""
                if row["sample_size"] is None
                or (isinstance(row["sample_size"], float) and math.isnan(row["sample_size"]))
                else int(row["sample_size"]),
                "status": indicator.status.value,
                "note": row["note"] or "",
                "source": row["source"] or indicator.source,
                "source_url": row["source_url"] or indicator.source_url,
                "licence": indicator.licence,
            }
        )
    return out


def to_csv(rows: Iterable[dict]) -> str:
    """CSV text with every text cell made formula-safe.

    It starts with a byte-order mark so that Excel reads the Cyrillic and Tajik names as UTF-8.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_text(value) for key, value in row.items()})
    return buffer.getvalue()


def export_filename(indicator: Indicator) -> str:
    marker = "_ILLUSTRATIVE" if indicator.is_illustrative else ""
    return f"khatlon_{indicator.id}{marker}.csv"
