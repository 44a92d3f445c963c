"""Trend: one unit over every year against Khatlon, with its interval as a band."""

from __future__ import annotations

from ..data import KHATLON, DataStore, Indicator, Observation
from ..data.quality import shown_value
from ..state import ViewState
from .hover import EXTRA
from .labels import hover_lines, unit_name, unit_text
from .provenance import provenance_annotations
from .reference import khatlon_series
from .render import RenderContext
from .style import KHATLON_COLOR, SELECTED_COLOR, empty_figure, place_footer

BAND_COLOR = "rgba(217,95,2,0.18)"


def band(years: list[int], lower: list[float], upper: list[float], color: str, name: str) -> list[dict]:
    """Two traces drawing a filled band between ``lower`` and ``upper``."""
    edge = {"type": "scatter", "x": years, "mode": "lines", "line": {"width": 0}, "hoverinfo": "skip", "name": name}
    return [{**edge, "y": upper, "showlegend": False}, {**edge, "y": lower, "fill": "tonexty", "fillcolor": color}]


def _hover(store: DataStore, indicator: Indicator, area_id: str, years: list[int], ctx: RenderContext) -> list[str]:
    return ["<br>".join(hover_lines(store, indicator, area_id, year, ctx)) for year in years]


def _unit_traces(store: DataStore, indicator: Indicator, unit_id: str, ctx: RenderContext) -> list[dict]:
    series: list[Observation] = [
        o for o in store.series(indicator.id, unit_id) if shown_value(indicator, o) is not None
    ]
    if not series:
        return []
    years = [o.year for o in series]
    traces = []
    if all(o.lower is not None and o.upper is not None for o in series):
        name = ctx.t("model interval") if all(o.is_illustrative for o in series) else ctx.t("95% interval")
        traces += band(years, [o.lower for o in series], [o.upper for o in series], BAND_COLOR, name)
    traces.append(
        {
            "type": "scatter",
            "x": years,
            "y": [o.value for o in series],
            "mode": "lines+markers" if len(series) > 1 else "markers",
            "name": unit_name(store.units[unit_id], ctx),
            "line": {"color": SELECTED_COLOR, "width": 3},
            "marker": {"size": 8 if ctx.style.name == "screen" else 12},
            "hovertext": _hover(store, indicator, unit_id, years, ctx),
            "hovertemplate": "%{hovertext}" + EXTRA,
        }
    )
    return traces


def _khatlon_trace(store: DataStore, indicator: Indicator, ctx: RenderContext) -> tuple[list[dict], str]:
    references, label = khatlon_series(store, indicator, ctx)
    if not references:
        return [], label
    years = [r.year for r in references]
    own = all(r.observation is not None for r in references)
    hover = _hover(store, indicator, KHATLON, years, ctx) if own else [f"<b>{label}</b> {r.year}" for r in references]
    trace = {
        "type": "scatter",
        "x": years,
        "y": [r.value for r in references],
        "mode": "lines+markers",
        "name": label,
        "line": {"color": KHATLON_COLOR, "width": 2, "dash": "dash"},
        "hovertext": hover,
        "hovertemplate": "%{hovertext}" + EXTRA,
    }
    return [trace], label


def trend_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """The selected unit's series (or Khatlon alone when none is selected), the current year marked."""
    indicator = store.indicators[view.indicator]
    unit_id = view.spotlit or view.selected
    khatlon, khatlon_label = _khatlon_trace(store, indicator, ctx)
    name = unit_name(store.units[unit_id], ctx) if unit_id in store.units else ctx.t("Khatlon")
    traces = _unit_traces(store, indicator, unit_id, ctx) if unit_id in store.units else []
    if not traces and not khatlon:
        return empty_figure(ctx.t("{name} has no value for this indicator in any year.", name=name), ctx.style)
    explained = [ctx.t("{unit}, by year", unit=unit_text(indicator, ctx))]
    if traces:
        shaded = len(traces) > 1
        explained.append(
            ctx.t("solid: {name}, shaded: interval", name=name) if shaded else ctx.t("solid: {name}", name=name)
        )
    if khatlon:
        explained.append(ctx.t("dashed: {label}", label=khatlon_label))
    if unit_id not in store.units:
        explained.append(ctx.t("select a district to compare"))
    layout = ctx.layout(
        ctx.t("{name}: {label}", name=name, label=ctx.text(indicator, "label")),
        " · ".join(explained),
        store.shows_illustrative([indicator.id]),
    )
    all_years = list(store.years(indicator.id))
    layout.update(
        xaxis={
            "tickmode": "array",
            "tickvals": all_years,
            "tickfont": {"size": ctx.style.small_size},
            "gridcolor": ctx.style.grid_color,
            "range": [min(all_years) - 0.4, max(all_years) + 0.4],
        },
        yaxis={
            "gridcolor": ctx.style.grid_color,
            "rangemode": "tozero",
            "tickformat": f",.{indicator.decimals}f",
            "tickfont": {"size": ctx.style.small_size},
            "automargin": True,
        },
        showlegend=False,
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": view.year,
                "x1": view.year,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#9aa5b1", "width": 1, "dash": "dot"},
            }
        ],
        annotations=provenance_annotations(store, [indicator], ctx, fraction=0.85),
        hovermode="closest",
    )
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 12)
    return {"data": khatlon + traces, "layout": layout}
