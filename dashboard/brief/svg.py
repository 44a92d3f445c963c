"""Small static SVG pictures for the brief: a coverage bar, a line chart and the locator map.

Server-drawn and written into the HTML (an inline ``<svg>`` needs no ``xmlns``, so the page names no
address at all), so the page needs no JavaScript and prints exactly as it shows. The pictures hold
numbers and shapes only; words (titles, legends, names) stay in the HTML around them, where they
wrap and are translated like every other text. Every text that does go into an SVG is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from ..figures.style import KHATLON_COLOR, NO_DATA_COLOR, SELECTED_COLOR
from .content import Locator, Point

LAND_COLOR = "#e4e7eb"
GRID_COLOR = "#d9e2ec"
TEXT_COLOR = "#52606d"
FONT = 'font-family="inherit" font-size="9"'
SMALL_UNIT_PX = 14  # a highlighted unit smaller than this on the locator map is also ringed
Number = Callable[[float], str]  # a value formatted in the page's language


def _f(value: float) -> str:
    """A coordinate with one decimal (SVG needs no more at this size)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def svg(width: float, height: float, body: str, label: str = "", class_name: str = "") -> str:
    """An ``<svg>`` element sized in CSS pixels; ``label`` is read by screen readers (``role="img"``)."""
    named = f' role="img" aria-label="{escape(label)}"' if label else ' aria-hidden="true"'
    classes = f' class="{escape(class_name)}"' if class_name else ""
    return (
        f'<svg viewBox="0 0 {_f(width)} {_f(height)}" '
        f'width="{_f(width)}" height="{_f(height)}"{classes}{named}>{body}</svg>'
    )


def coverage_bar(value: float | None, reference: float | None, width: float = 220, height: float = 14) -> str:
    """A 0-100 % bar of the unit's value (orange) with Khatlon's value as a black tick; grey: no value."""
    track = f'<rect x="0" y="2" width="{_f(width)}" height="{_f(height - 4)}" fill="{LAND_COLOR}"/>'
    bar = ""
    if value is not None:
        length = width * min(max(value, 0.0), 100.0) / 100
        bar = f'<rect x="0" y="2" width="{_f(length)}" height="{_f(height - 4)}" fill="{SELECTED_COLOR}"/>'
    tick = ""
    if reference is not None:
        x = width * min(max(reference, 0.0), 100.0) / 100
        tick = f'<rect x="{_f(max(x - 1, 0))}" y="0" width="2" height="{_f(height)}" fill="{KHATLON_COLOR}"/>'
    return svg(width, height, track + bar + tick)


def nice_ticks(low: float, high: float, count: int = 3) -> list[float]:
    """Round tick values covering ``low``..``high`` (about ``count`` intervals)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [round(first + i * step, 10) for i in range(round((last - first) / step) + 1)]


def _segments(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive points (a missing year breaks the line)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def line_chart(
    years: Sequence[int],
    series: Sequence[tuple[Sequence[float | None], str, bool]],
    number: Number,
    tick_number: Number,
    width: float = 220,
    height: float = 100,
    label: str = "",
) -> str:
    """Lines over the years: ``series`` is ``(values, colour, dashed)``, the first drawn on top.

    Y ticks on round values, every year (every other when crowded) on the x axis, and each line's
    last value written at its end (nudged apart when the ends are close).
    """
    left, right, top, bottom = 28, 34, 6, 16
    values = [v for values, _, _ in series for v in values if v is not None]
    if not values or not years:
        return svg(width, height, "", label)
    ticks = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max(len(years) - 1, 1)

    def x(index: int) -> float:
        return left + plot_w * index / span

    def y(value: float) -> float:
        return top + plot_h * (1 - (value - low) / (high - low))

    parts = []
    for tick in ticks:
        parts.append(f'<line x1="{left}" x2="{_f(left + plot_w)}" y1="{_f(y(tick))}" y2="{_f(y(tick))}" '
                     f'stroke="{GRID_COLOR}" stroke-width="0.8"/>')  # fmt: skip
        parts.append(f'<text x="{left - 3}" y="{_f(y(tick) + 3)}" text-anchor="end" fill="{TEXT_COLOR}" {FONT}>'
                     f"{escape(tick_number(tick))}</text>")  # fmt: skip
    every = 1 if plot_w / max(len(years), 1) >= 26 else 2
    for index, year in enumerate(years):
        if (len(years) - 1 - index) % every == 0:
            parts.append(f'<text x="{_f(x(index))}" y="{_f(height - 4)}" text-anchor="middle" fill="{TEXT_COLOR}" '
                         f"{FONT}>{year}</text>")  # fmt: skip
    ends: list[tuple[float, str, str]] = []
    for values, colour, dashed in reversed(series):
        points = [None if v is None else (x(i), y(v)) for i, v in enumerate(values)]
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        for run in _segments(points):
            path = " ".join(f"{_f(px)},{_f(py)}" for px, py in run)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.8"{dash}/>')
            if not dashed:
                parts += [f'<circle cx="{_f(px)}" cy="{_f(py)}" r="2" fill="{colour}"/>' for px, py in run]
        last = next(((i, v) for i, v in reversed(list(enumerate(values))) if v is not None), None)
        if last is not None:
            ends.append((y(last[1]), colour, number(last[1])))
    parts += _end_labels(ends, left + plot_w + 3, top, top + plot_h)
    return svg(width, height, "".join(parts), label)


def _end_labels(ends: list[tuple[float, str, str]], x: float, top: float, bottom: float) -> list[str]:
    """Each line's last value at its end, at least 10 px apart."""
    placed: list[tuple[float, str, str]] = []
    for position, colour, text in sorted(ends):
        if placed and position - placed[-1][0] < 10:
            position = placed[-1][0] + 10
        placed.append((position, colour, text))
    overflow = max(0.0, placed[-1][0] - bottom) if placed else 0.0
    return [
        f'<text x="{_f(x)}" y="{_f(max(position - overflow, top) + 3)}" fill="{colour}" {FONT} '
        f'font-weight="700">{escape(text)}</text>'
        for position, colour, text in placed
    ]


def _projection(locator: Locator, width: float) -> tuple[Callable[[Point], tuple[float, float]], float]:
    """Longitude and latitude to pixels: linear, with x shrunk by cos(latitude) (true shapes this far north)."""
    coords = [p for _, rings in locator.shapes for ring in rings for p in ring] + [p for _, p in locator.points]
    west, east = min(p[0] for p in coords), max(p[0] for p in coords)
    south, north = min(p[1] for p in coords), max(p[1] for p in coords)
    shrink = math.cos(math.radians((south + north) / 2))
    pad = 4
    scale = (width - 2 * pad) / ((east - west) * shrink)
    height = (north - south) * scale + 2 * pad

    def project(point: Point) -> tuple[float, float]:
        return pad + (point[0] - west) * shrink * scale, pad + (north - point[1]) * scale

    return project, height


def locator_map(locator: Locator, width: float = 190, label: str = "") -> str:
    """Khatlon's units in light grey, the selected one in orange with a dark outline (ringed when small);
    a unit drawn as a point (Bokhtar city) is a dot."""
    project, height = _projection(locator, width)
    shapes, selected = [], ""
    for unit_id, rings in locator.shapes:
        projected = [[project(p) for p in ring] for ring in rings]
        path = " ".join("M" + " L".join(f"{_f(x)} {_f(y)}" for x, y in ring) + "Z" for ring in projected)
        if unit_id == locator.selected:
            xs = [x for ring in projected for x, _ in ring]
            ys = [y for ring in projected for _, y in ring]
            small = max(max(xs) - min(xs), max(ys) - min(ys)) < SMALL_UNIT_PX
            selected = (
                f'<path d="{path}" fill="{SELECTED_COLOR}" stroke="{KHATLON_COLOR}" stroke-width="1.2" '
                f'fill-rule="evenodd" class="selected" data-unit="{escape(unit_id)}"/>'
            )
            if small:
                cx, cy = project(locator.marker)
                selected += _ring(cx, cy)
        else:
            shapes.append(
                f'<path d="{path}" fill="{LAND_COLOR}" stroke="#ffffff" stroke-width="0.7" fill-rule="evenodd"/>'
            )
    for unit_id, point in locator.points:
        cx, cy = project(point)
        if unit_id == locator.selected:
            selected += (
                f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="4" fill="{SELECTED_COLOR}" stroke="{KHATLON_COLOR}" '
                f'stroke-width="1.2" class="selected" data-unit="{escape(unit_id)}"/>' + _ring(cx, cy)
            )
        else:
            shapes.append(f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="2" fill="{NO_DATA_COLOR}" stroke="#ffffff"/>')
    return svg(width, height, "".join(shapes) + selected, label, "locator")


def _ring(cx: float, cy: float) -> str:
    return f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="9" fill="none" stroke="{KHATLON_COLOR}" stroke-width="1.5"/>'
