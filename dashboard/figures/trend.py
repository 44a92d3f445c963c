"""Trend: one unit over every year against Khatlon, with its interval as a band.

With ``districts`` in the view (URL ``districts=dusti,kulob``, up to five) the trend compares them
instead: one line per district in a colour-blind-safe palette (Okabe & Ito), each interval as a band
of its line's colour, Khatlon dashed as the reference, a legend naming the lines.
"""

from __future__ import annotations

from ..data import KHATLON, DataStore, Indicator, Observation
from ..data.quality import shown_value
from ..state import ViewState
from .hover import EXTRA
from .labels import hover_lines, unit_name, unit_text
from .provenance import provenance_annotations
from .reference import khatlon_series
from .render import RenderContext
from .style import KHATLON_COLOR, SELECTED_COLOR, empty_figure, lift_badge, place_footer

BAND_COLOR = "rgba(217,95,2,0.18)"
# Okabe & Ito's colour-blind-safe palette (without its black, which is Khatlon's, and its yellow,
# too light on white): one colour per compared district, in the order the districts were chosen.
COMPARE_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00")


def _rgba(color: str, alpha: float) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def band(years: list[int], lower: list[float], upper: list[float], color: str, name: str) -> list[dict]:
    """Two traces drawing a filled band between ``lower`` and ``upper``."""
    edge = {"type": "scatter", "x": years, "mode": "lines", "line": {"width": 0}, "hoverinfo": "skip", "name": name}
    return [{**edge, "y": upper, "showlegend": False}, {**edge, "y": lower, "fill": "tonexty", "fillcolor": color}]


def _hover(store: DataStore, indicator: Indicator, area_id: str, years: list[int], ctx: RenderContext) -> list[str]:
    return ["<br>".join(hover_lines(store, indicator, area_id, year, ctx)) for year in years]


def _unit_traces(
    store: DataStore,
    indicator: Indicator,
    unit_id: str,
    ctx: RenderContext,
    color: str = SELECTED_COLOR,
    band_color: str = BAND_COLOR,
) -> list[dict]:
    series: list[Observation] = [
        o for o in store.series(indicator.id, unit_id) if shown_value(indicator, o) is not None
    ]
    if not series:
        return []
    years = [o.year for o in series]
    traces = []
    if all(o.lower is not None and o.upper is not None for o in series):
        name = ctx.t("model interval") if all(o.is_illustrative for o in series) else ctx.t("95% interval")
        traces += band(years, [o.lower for o in series], [o.upper for o in series], band_color, name)
    traces.append(
        {
            "type": "scatter",
            "x": years,
            "y": [o.value for o in series],
            "mode": "lines+markers" if len(series) > 1 else "markers",
            "name": unit_name(store.units[unit_id], ctx),
            "line": {"color": color, "width": 3},
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


def _compared(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> tuple[list, list]:
    """One line (and band) per compared district; the names of those with no value in any year."""
    traces, missing = [], []
    for unit_id, color in zip(view.districts, COMPARE_COLORS):
        found = _unit_traces(store, indicator, unit_id, ctx, color, _rgba(color, 0.13))
        for trace in found:
            trace.update(legendgroup=unit_id, showlegend=trace.get("mode", "").startswith(("lines+", "markers")))
        traces += found
        missing += [] if found else [unit_name(store.units[unit_id], ctx)]
    return traces, missing


def _legend(layout: dict, names: list[str], ctx: RenderContext) -> None:
    """A legend above the plot naming the lines; the badge and the plot make room for its rows."""
    item = [len(n) * ctx.style.small_size * 0.62 + 46 for n in names]
    rows, used = 1, 0.0
    for width in item:
        if used and used + width > ctx.width * 0.95:
            rows, used = rows + 1, 0.0
        used += width
    layout["showlegend"] = True
    layout["legend"] = {
        "orientation": "h",
        "x": 0,
        "y": 1,
        "xanchor": "left",
        "yanchor": "bottom",
        "font": {"size": ctx.style.small_size},
        "itemclick": False,
        "itemdoubleclick": False,
    }
    lift_badge(layout, round(rows * ctx.style.small_size * 1.9 + 6))


def compare_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """The trend of up to five districts against Khatlon (``view.districts``)."""
    indicator = store.indicators[view.indicator]
    khatlon, khatlon_label = _khatlon_trace(store, indicator, ctx)
    traces, missing = _compared(store, indicator, view, ctx)
    for trace in khatlon:
        trace["showlegend"] = True
    if not traces and not khatlon:
        return empty_figure(ctx.t("No value for these districts in any year."), ctx.style)
    explained = [ctx.t("{unit}, by year", unit=unit_text(indicator, ctx)), ctx.t("shaded: interval")]
    if khatlon:
        explained.append(ctx.t("dashed: {label}", label=khatlon_label))
    if missing:
        explained.append(ctx.t("no value in any year: {names}", names=", ".join(missing)))
    layout = ctx.layout(
        ctx.t("Districts compared: {label}", label=ctx.text(indicator, "label")),
        " · ".join(explained),
        store.shows_illustrative([indicator.id]),
    )
    _axes(layout, store, indicator, view, ctx)
    names = [trace["name"] for trace in khatlon + traces if trace.get("showlegend")]
    _legend(layout, names, ctx)
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 12)
    return {"data": khatlon + traces, "layout": layout}


def trend_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """The selected unit's series (or Khatlon alone when none is selected), the current year marked.

    With districts to compare in the view: :func:`compare_figure`."""
    if view.districts:
        return compare_figure(store, view, ctx)
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
    _axes(layout, store, indicator, view, ctx)
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 12)
    return {"data": khatlon + traces, "layout": layout}


def _axes(layout: dict, store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> None:
    """Every year on the x axis, the indicator's decimals on the y axis, the view's year marked."""
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
