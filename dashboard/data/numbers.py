"""Numbers as written in data files: what counts as a number, and the mistakes that mislead.

Every pattern spells digits as ``[0-9]``: Python's ``\\d`` also matches Arabic-Indic, Persian,
Devanagari and full-width digits, which ``float()`` reads but pandas does not (that mismatch used to
end validation with an internal error). Such digits are reported on their own, with the number
rewritten in 0-9.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .model import Indicator, ValueType
from .problems import Problem, quote
from .readers import each_distinct

NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
INTEGER = re.compile(r"[0-9]+")
YEAR = re.compile(r"(1[89]|2[01])[0-9]{2}")
NOT_FINITE = re.compile(r"[+-]?(inf(inity)?|nan)", re.IGNORECASE)
THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")  # "175.800": a dot written as thousands separator
FRACTION_WARNING_MIN_VALUES = 3
SEPARATORS = {"٫": ".", "٬": "", "．": ".", "，": ","}  # Arabic decimal/thousands, full-width


def foreign_digits(text: str) -> str:
    """The digits of ``text`` that are not 0-9 (e.g. ``'٤٢٧'``), in order; ``''`` if none."""
    if text.isascii():
        return ""
    return "".join(c for c in text if not c.isascii() and unicodedata.digit(c, None) is not None)


def latin_digits(text: str) -> str:
    """``text`` with every digit written 0-9 and Arabic or full-width separators as ASCII."""
    return "".join(
        SEPARATORS.get(c, str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else c) for c in text
    )


def latin_only(cells: pd.Series) -> pd.Series:
    """True where a cell has no digit outside 0-9 (only non-ASCII cells are looked at)."""
    result = pd.Series(True, index=cells.index)
    other = ~cells.str.isascii()
    if other.any():
        result[other] = [not foreign_digits(text) for text in cells[other]]
    return result


def numbers_of(cells: pd.Series) -> pd.Series:
    """The float of every cell written as a number (``NUMBER``), NaN elsewhere (``1e999`` is inf)."""
    written = cells.str.fullmatch(NUMBER.pattern)
    return cells.where(written, "nan").astype(float)


def floats(cells: pd.Series) -> pd.Series:
    """The float of every cell of a checked column (``""`` -> NaN), converting each distinct cell once."""
    values = each_distinct(cells, lambda text: float(text) if text else np.nan)
    return pd.Series(values.astype(float), index=cells.index)


def finite(cells: pd.Series) -> pd.Series:
    """False for a cell that reads as a number but is not finite: ``inf``, ``nan``, ``1e999``."""
    named = cells.str.fullmatch(NOT_FINITE.pattern, flags=NOT_FINITE.flags)
    return ~(named | np.isinf(numbers_of(cells)))


def whole_numbers(cells: pd.Series) -> pd.Series:
    """False for a finite number with a fractional part (other cells pass: checked elsewhere)."""
    values = numbers_of(cells)
    return ~(np.isfinite(values) & (values % 1 != 0))


def whole_number_message(text: str, unit: str) -> str:
    message = f"{text} is not a whole number of {unit}"
    if THOUSANDS.fullmatch(text):
        return message + f"; if the dot is a thousands separator, write {text.replace('.', '')}"
    return message


def not_number_message(text: str) -> str:
    message = f"{quote(text)} is not a number"
    if THOUSANDS.fullmatch(text) and text.count(".") > 1:  # "3.348.300"
        return message + f"; if the dots are thousands separators, write {text.replace('.', '')}"
    return message


def foreign_digits_message(text: str) -> str:
    return (
        f"{quote(text)} uses non-Latin digits ({foreign_digits(text)}); write {latin_digits(text)} with the digits 0-9"
    )


def fraction_warnings(typed: pd.DataFrame, indicators: Mapping[str, Indicator], shown: str, line: str) -> list[Problem]:
    """One warning per percentage indicator of a file whose values all lie between 0 and 1.

    Such a file almost certainly gives shares (0.41) where percentages (41.0) are expected.
    ``line`` names the column of ``typed`` holding each row's line; ``typed`` has the text of
    ``value`` in ``value_text``.
    """
    percent = [i for i, ind in indicators.items() if ind.value_type is ValueType.PERCENT]
    rows = typed[typed["indicator"].isin(percent)]
    warnings = []
    for indicator, group in rows.groupby("indicator", sort=True):
        values = group["value"]
        if len(values) < FRACTION_WARNING_MIN_VALUES or not values.between(0, 1).all() or not (values > 0).any():
            continue
        group = group.sort_values(line)
        example = group[group["value"] > 0].iloc[0]
        decimals = indicators[indicator].decimals
        warnings.append(
            Problem(
                shown,
                int(group[line].iloc[0]),
                "value",
                f"all {len(values)} values of {indicator} are between 0 and 1; percentages are 0-100 "
                f"(write {example['value'] * 100:.{decimals}f}, not {example['value_text']})",
                warning=True,
            )
        )
    return warnings
