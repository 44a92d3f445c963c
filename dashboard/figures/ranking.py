"""Ranking: every unit's value for one indicator and year, highest at the top, with bounds.

With ``mode=change`` the bars are each unit's change since ``from_year`` (:mod:`.change`), the
whiskers its approximate interval, and the reference line Khatlon's own change. Bars resting on a
small sample (n < 30; in change mode either year's) are hatched, and the subtitle says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import DataStore, Indicator, Observation
from ..data.quality import SampleFlag, sample_flag, shown_value
from ..state import ViewState
from . import change
from .labels import unit_name, unit_text, value_text
from .provenance import provenance_annotations
from .reference import Reference, khatlon_reference
from .render import RenderContext
from .style import (
    BAR_COLOR,
    COMPARED_COLOR,
    DIMMED_OPACITY,
    ILLUSTRATIVE_LINE,
    KHATLON_COLOR,
    SELECTED_COLOR,
    empty_figure,
    place_footer,
    row_label_size,
    wrap,
)

Ranked = list[tuple[str, Observation]]
HATCH = "/"  # marker.pattern.shape of a bar resting on a small sample


@dataclass(frozen=True)
class Row:
    """One bar: the number shown (a value or a change), its whiskers and its marks."""

    unit_id: str
    value: float
    minus: float | None  # whisker lengths below and above the value (None: no bounds)
    plus: float | None
    illustrative: bool
    small: bool


def ranked_units(store: DataStore, indicator: Indicator, year: int) -> tuple[Ranked, list[str]]:
    """Units with a value to show, lowest first (plotly draws the first bar at the bottom), and the others."""
    shown, missing = [], []
    for unit_id in store.units:
        observation = store.observation(indicator.id, unit_id, year)
        if shown_value(indicator, observation) is None:
            missing.append(unit_id)
        else:
            shown.append((unit_id, observation))
    return sorted(shown, key=lambda pair: pair[1].value), missing


def ranked_rows(store: DataStore, indicator: Indicator, view: ViewState) -> tuple[list[Row], list[str]]:
    """The bars of the view's mode, lowest first, and the units left out (no value, or no change)."""
    if not change.changing(view):
        ranked, missing = ranked_units(store, indicator, view.year)
        rows = [
            Row(
                d,
                o.value,
                None if o.lower is None else o.value - o.lower,
                None if o.upper is None else o.upper - o.value,
                o.is_illustrative,
                sample_flag(indicator, o) is SampleFlag.SMALL,
            )
            for d, o in ranked
        ]
        return rows, missing
    found = change.changes(store, indicator, list(store.units), view.from_year, view.year)
    rows = [
        Row(d, c.value, c.half_width, c.half_width, c.is_illustrative, c.is_small(indicator))
        for d, c in zip(store.units, found)
        if c is not None
    ]
    missing = [d for d, c in zip(store.units, found) if c is None]
    return sorted(rows, key=lambda row: row.value), missing


def _number(indicator: Indicator, value: float, view: ViewState, ctx: RenderContext) -> str:
    """A bar's number as text: the value, or the change with its sign."""
    if change.changing(view):
        return change.signed(value, indicator.decimals, ctx)
    return value_text(indicator, value, ctx, with_unit=False)


def _bar(store: DataStore, indicator: Indicator, view: ViewState, rows: list[Row], ctx: RenderContext) -> dict:
    ids = [row.unit_id for row in rows]
    focus = view.spotlit or view.selected
    names = [
        f"<b>{unit_name(store.units[d], ctx)}</b>" if d in (focus, view.compare) else unit_name(store.units[d], ctx)
        for d in ids
    ]
    has_bounds = any(row.minus is not None for row in rows)
    partly = store.is_partly_illustrative(indicator.id)
    hovers = change.view_hovers(store, indicator, view, ids, ctx, name="%{y}", value="%{x}")
    bar = {
        "type": "bar",
        "orientation": "h",
        "x": [row.value for row in rows],
        "y": names,
        "customdata": hovers.customdata,
        "hovertemplate": hovers.template,
        "name": ctx.text(indicator, "label"),
        "marker": {
            "color": [
                SELECTED_COLOR if d == focus else COMPARED_COLOR if d == view.compare else BAR_COLOR for d in ids
            ],
            "opacity": [
                1.0 if not view.spotlit or d in (view.spotlit, view.compare) else DIMMED_OPACITY + 0.15 for d in ids
            ],
            "line": {
                "color": ILLUSTRATIVE_LINE,
                "width": [2.5 if partly and row.illustrative else 0 for row in rows],
            },
        },
        "text": [_number(indicator, row.value, view, ctx) for row in rows],
        "textposition": "none" if has_bounds else "outside",
        "textfont": {"size": ctx.style.label_size},
        "cliponaxis": False,
    }
    if any(row.small for row in rows):  # hatched: the bar's colour in stripes, lighter than a solid bar
        bar["marker"]["pattern"] = {"shape": [HATCH if row.small else "" for row in rows], "solidity": 0.5}
    if has_bounds:
        bar["error_x"] = {
            "type": "data",
            "symmetric": False,
            "color": "#3e4c59",
            "thickness": 1.2,
            "width": 3,
            "array": [row.plus or 0 for row in rows],
            "arrayminus": [row.minus or 0 for row in rows],
        }
    return bar


def _reference(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> Reference | None:
    """Khatlon's value; in change mode Khatlon's own change (left out unless both years have a row)."""
    if not change.changing(view):
        return khatlon_reference(store, indicator, view.year, ctx)
    found = change.khatlon_change(store, indicator, view.from_year, view.year)
    return None if found is None else Reference(view.year, found.value, ctx.t("Khatlon"), found.after)


def _reference_line(
    reference: Reference, names: list[str], indicator: Indicator, view: ViewState, ctx: RenderContext
) -> dict:
    if change.changing(view):
        value = (
            f"{change.signed(reference.value, indicator.decimals, ctx)} {change.change_unit_text(indicator, ctx, True)}"
        )
        when = ctx.t("{from_year} to {year}", from_year=view.from_year, year=view.year)
    else:
        value, when = value_text(indicator, reference.value, ctx), reference.year
    return {
        "type": "scatter",
        "mode": "lines",
        "x": [reference.value, reference.value],
        "y": [names[0], names[-1]],
        "line": {"color": KHATLON_COLOR, "width": 2, "dash": "dash"},
        "name": reference.label,
        "hovertemplate": f"<b>{reference.label}</b><br>{value} · {when}<extra></extra>",
    }


def _subtitle(
    indicator: Indicator, view: ViewState, has_bounds: bool, reference: Reference | None, rows: list[Row], ctx
) -> str:
    changing = change.changing(view)
    explained = [change.change_unit_text(indicator, ctx) if changing else unit_text(indicator, ctx)]
    if has_bounds:
        model = all(row.illustrative for row in rows)
        if changing:
            explained.append(
                ctx.t("whiskers: approx. model interval") if model else ctx.t("whiskers: approx. 95% interval")
            )
        else:
            explained.append(ctx.t("whiskers: model interval") if model else ctx.t("whiskers: 95% interval"))
    if reference is not None:  # named in the subtitle, so no label can sit on the bars
        value = _number(indicator, reference.value, view, ctx)
        explained.append(ctx.t("dashed line: {label} {value}", label=reference.label, value=value))
    if any(row.small for row in rows):
        explained.append(ctx.t("hatched: small sample (n < {count})", count=indicator.small_sample_below))
    return " · ".join(explained)


def _title(indicator: Indicator, view: ViewState, beside_map: bool, ctx: RenderContext) -> str:
    label = ctx.text(indicator, "label")
    if change.changing(view):
        if beside_map:
            return ctx.t("Ranking, change {from_year} to {year}", from_year=view.from_year, year=view.year)
        return change.change_title(indicator, view.from_year, view.year, ctx)
    if beside_map:
        return ctx.t("Ranking, {year}", year=view.year)
    return ctx.t("{label}: ranking, {year}", label=label, year=view.year)


def _x_range(rows: list[Row], changing: bool) -> list[float]:
    """Room for the bars, their whiskers and (right of them) their numbers; 0 always in view."""
    top = max(row.value + (row.plus or 0) for row in rows)
    if not changing:
        return [min(0, min(row.value for row in rows)), top * 1.14 if top > 0 else 1.0]
    low, high = min(0.0, *(row.value - (row.minus or 0) for row in rows)), max(top, 0.0)
    pad = (high - low) * 0.08 or 1.0  # a change can be negative: room on both sides
    return [low - pad if low < 0 else 0.0, high + pad if high > 0 else 0.0]


def ranking_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """Horizontal bars, highest at the top; the selection highlighted; Khatlon as a reference line."""
    indicator = store.indicators[view.indicator]
    rows, missing = ranked_rows(store, indicator, view)
    if not rows:
        if change.changing(view):
            message = ctx.t(
                "No district has a value for both {from_year} and {year}.", from_year=view.from_year, year=view.year
            )
        else:
            message = ctx.t("No district has a value for {year}.", year=view.year)
        return empty_figure(message, ctx.style)
    bar = _bar(store, indicator, view, rows, ctx)
    reference = _reference(store, indicator, view, ctx)
    has_bounds = "error_x" in bar
    # presenter mode, beside the map: the map above names the indicator, its source and status, so the
    # ranking keeps its rows' room (25 labels of 16 px at 1280 x 720) with a short title and no source line
    beside_map = ctx.presenting and ctx.width < 0.6 * ctx.style.size[0]
    layout = ctx.layout(
        _title(indicator, view, beside_map, ctx),
        _subtitle(indicator, view, has_bounds, reference, rows, ctx),
        store.shows_illustrative([indicator.id]),
    )
    traces = [bar] + ([_reference_line(reference, bar["y"], indicator, view, ctx)] if reference is not None else [])
    missing_names = ", ".join(unit_name(store.units[d], ctx) for d in missing)
    if change.changing(view):
        note = ctx.t("No change (a year is missing): {names}", names=missing_names)
    else:
        note = ctx.t("No data: {names}", names=missing_names)
    notes = [wrap(note, 90)] if missing else []
    annotations = provenance_annotations(store, [indicator], ctx, fraction=0.6)
    annotations[-1]["text"] = "<br>".join([*notes, annotations[-1]["text"]])
    if beside_map:
        annotations = annotations[:-1] + ([{**annotations[-1], "text": "<br>".join(notes)}] if notes else [])
    layout.update(
        xaxis={
            "gridcolor": ctx.style.grid_color,
            "zeroline": True,
            "tickformat": f"{'+' if change.changing(view) else ''},.{indicator.decimals}f",
            "tickfont": {"size": ctx.style.small_size},
            "automargin": True,
            "range": _x_range(rows, change.changing(view)),
        },
        yaxis={
            "automargin": True,
            "tickfont": {"size": ctx.style.label_size},
            "dtick": 1,  # every unit named, none skipped
            "range": [-0.7, len(rows) - 0.3],
        },
        annotations=annotations,
        showlegend=False,
        bargap=0.22,
        hovermode="closest",
    )
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 8)
    layout["yaxis"]["tickfont"]["size"] = row_label_size(layout, ctx.style, len(rows), ctx.style.label_size)
    return {"data": traces, "layout": layout}
