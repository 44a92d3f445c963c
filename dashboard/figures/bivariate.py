"""The coverage-gap map's 3 x 3 colours and the classing of values into tertiles.

The palette is Joshua Stevens' 3 x 3 "pink-blue" bivariate scheme (colour-blind safe). Pink grows
with need, blue with the lack of coverage, so the darkest corner is the worst place: HIGH need and
LOW coverage. ``PALETTE`` is flat, indexed by :func:`cell` ``= 3 * need_class + (2 - coverage_class)``;
read as a grid, a row per need class (low to high) and a column per coverage class (high to low)::

                     coverage high   medium    low
    need high (2)    #be64ac         #8c62aa   #3b4994   <- index 6 7 8 (8: the worst place)
    need medium (1)  #dfb0d6         #a5add3   #5698b9   <- index 3 4 5
    need low (0)     #e8e8e8         #ace4e4   #5ac8c8   <- index 0 1 2 (0: the best place)

The legend drawn on the map has exactly this arrangement (need going up, coverage falling to the right).

Classes (:func:`classify`): 0 (low) when ``value <= b1``, 1 (medium) when ``b1 < value <= b2``, else 2
(high), where ``b1`` and ``b2`` are the tertile breaks. The class depends on the value alone, so equal
values always share a class; when every value is the same, both breaks equal it and all are low (0).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable

PALETTE: tuple[str, ...] = (
    "#e8e8e8",  # 0 low need, high coverage
    "#ace4e4",  # 1 low need, medium coverage
    "#5ac8c8",  # 2 low need, low coverage
    "#dfb0d6",  # 3 medium need, high coverage
    "#a5add3",  # 4 medium need, medium coverage
    "#5698b9",  # 5 medium need, low coverage
    "#be64ac",  # 6 high need, high coverage
    "#8c62aa",  # 7 high need, medium coverage
    "#3b4994",  # 8 high need, low coverage: the darkest, the worst place
)
LOW, MEDIUM, HIGH = 0, 1, 2
WORST = 8  # the cell of high need and low coverage


def _present(values: Iterable[float | None]) -> list[float]:
    return [v for v in values if v is not None and not math.isnan(v)]


def tertile_breaks(values: Iterable[float | None]) -> tuple[float, float] | None:
    """The 1/3 and 2/3 quantiles of the values that are there (None and NaN left out).

    Linear interpolation between the sorted values (numpy's default quantile); ``None`` when
    fewer than 3 values are there.
    """
    present = _present(values)
    if len(present) < 3:
        return None
    low, high = statistics.quantiles(present, n=3, method="inclusive")
    return float(low), float(high)


def classify(value: float | None, breaks: tuple[float, float] | None) -> int | None:
    """0 (low) if ``value <= b1``, 1 (medium) if ``value <= b2``, else 2 (high); None when missing."""
    if value is None or breaks is None or math.isnan(value):
        return None
    low, high = breaks
    if value <= low:
        return LOW
    return MEDIUM if value <= high else HIGH


def cell(need_class: int, coverage_class: int) -> int:
    """The palette index of a need class and a coverage class (0 best ... 8 worst)."""
    if need_class not in (0, 1, 2) or coverage_class not in (0, 1, 2):
        raise ValueError(f"classes are 0, 1 or 2, not {need_class!r} and {coverage_class!r}")
    return 3 * need_class + (2 - coverage_class)


def color(need_class: int, coverage_class: int) -> str:
    """The palette colour of a need class and a coverage class."""
    return PALETTE[cell(need_class, coverage_class)]


def discrete_colorscale() -> list[list]:
    """A stepped plotly colour scale for ``z`` = cell index with ``zmin`` 0 and ``zmax`` 8: one flat band each."""
    scale: list[list] = []
    for index, colour in enumerate(PALETTE):
        scale += [[max(0.0, (index - 0.5) / 8), colour], [min(1.0, (index + 0.5) / 8), colour]]
    return scale
