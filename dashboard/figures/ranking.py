"""Ranking: every unit's value for one indicator and year, highest at the top, with bounds."""

from __future__ import annotations

from ..data import DataStore, Indicator, Observation
from ..data.quality import shown_value
from ..state import ViewState
from .hover import point_hovers
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


def _bar(store: DataStore, indicator: Indicator, view: ViewState, ranked: Ranked, ctx: RenderContext) -> dict:
    ids = [unit_id for unit_id, _ in ranked]
    focus = view.spotlit or view.selected
    names = [
        f"<b>{unit_name(store.units[d], ctx)}</b>" if d in (focus, view.compare) else unit_name(store.units[d], ctx)
        for d in ids
    ]
    has_bounds = any(o.lower is not None for _, o in ranked)
    partly = store.is_partly_illustrative(indicator.id)
    hovers = point_hovers(store, indicator, ids, view.year, ctx, name="%{y}", value="%{x}")
    bar = {
        "type": "bar",
        "orientation": "h",
        "x": [o.value for _, o in ranked],
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
                "width": [2.5 if partly and o.is_illustrative else 0 for _, o in ranked],
            },
        },
        "text": [value_text(indicator, o.value, ctx, with_unit=False) for _, o in ranked],
        "textposition": "none" if has_bounds else "outside",
        "textfont": {"size": ctx.style.label_size},
        "cliponaxis": False,
    }
    if has_bounds:
        bar["error_x"] = {
            "type": "data",
            "symmetric": False,
            "color": "#3e4c59",
            "thickness": 1.2,
            "width": 3,
            "array": [(o.upper - o.value) if o.upper is not None else 0 for _, o in ranked],
            "arrayminus": [(o.value - o.lower) if o.lower is not None else 0 for _, o in ranked],
        }
    return bar


def _reference_line(reference: Reference, names: list[str], indicator: Indicator, ctx: RenderContext) -> dict:
    value = value_text(indicator, reference.value, ctx)
    return {
        "type": "scatter",
        "mode": "lines",
        "x": [reference.value, reference.value],
        "y": [names[0], names[-1]],
        "line": {"color": KHATLON_COLOR, "width": 2, "dash": "dash"},
        "name": reference.label,
        "hovertemplate": f"<b>{reference.label}</b><br>{value} · {reference.year}<extra></extra>",
    }


def _subtitle(indicator: Indicator, has_bounds: bool, reference: Reference | None, ranked: Ranked, ctx) -> str:
    explained = [unit_text(indicator, ctx)]
    if has_bounds:
        model = all(o.is_illustrative for _, o in ranked)
        explained.append(ctx.t("whiskers: model interval") if model else ctx.t("whiskers: 95% interval"))
    if reference is not None:  # named in the subtitle, so no label can sit on the bars
        value = value_text(indicator, reference.value, ctx, with_unit=False)
        explained.append(ctx.t("dashed line: {label} {value}", label=reference.label, value=value))
    return " · ".join(explained)


def ranking_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """Horizontal bars, highest at the top; the selection highlighted; Khatlon as a reference line."""
    indicator = store.indicators[view.indicator]
    ranked, missing = ranked_units(store, indicator, view.year)
    if not ranked:
        return empty_figure(ctx.t("No district has a value for {year}.", year=view.year), ctx.style)
    bar = _bar(store, indicator, view, ranked, ctx)
    reference = khatlon_reference(store, indicator, view.year, ctx)
    has_bounds = "error_x" in bar
    # presenter mode, beside the map: the map above names the indicator, its source and status, so the
    # ranking keeps its rows' room (25 labels of 16 px at 1280 x 720) with a short title and no source line
    beside_map = ctx.presenting and ctx.width < 0.6 * ctx.style.size[0]
    if beside_map:
        title = ctx.t("Ranking, {year}", year=view.year)
    else:
        title = ctx.t("{label}: ranking, {year}", label=ctx.text(indicator, "label"), year=view.year)
    layout = ctx.layout(
        title, _subtitle(indicator, has_bounds, reference, ranked, ctx), store.shows_illustrative([indicator.id])
    )
    traces = [bar] + ([_reference_line(reference, bar["y"], indicator, ctx)] if reference is not None else [])
    missing_names = ", ".join(unit_name(store.units[d], ctx) for d in missing)
    notes = [wrap(ctx.t("No data: {names}", names=missing_names), 90)] if missing else []
    annotations = provenance_annotations(store, [indicator], ctx, fraction=0.6)
    annotations[-1]["text"] = "<br>".join([*notes, annotations[-1]["text"]])
    if beside_map:
        annotations = annotations[:-1] + ([{**annotations[-1], "text": "<br>".join(notes)}] if notes else [])
    top = max(max(bar["x"]), max((o.upper or 0) for _, o in ranked))
    layout.update(
        xaxis={
            "gridcolor": ctx.style.grid_color,
            "zeroline": True,
            "tickformat": f",.{indicator.decimals}f",
            "tickfont": {"size": ctx.style.small_size},
            "automargin": True,
            "range": [min(0, min(bar["x"])), top * 1.14 if top > 0 else 1.0],
        },
        yaxis={
            "automargin": True,
            "tickfont": {"size": ctx.style.label_size},
            "dtick": 1,  # every unit named, none skipped
            "range": [-0.7, len(ranked) - 0.3],
        },
        annotations=annotations,
        showlegend=False,
        bargap=0.22,
        hovermode="closest",
    )
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 8)
    layout["yaxis"]["tickfont"]["size"] = row_label_size(layout, ctx.style, len(ranked), ctx.style.label_size)
    return {"data": traces, "layout": layout}
