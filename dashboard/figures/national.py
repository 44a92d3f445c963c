"""National context: the real national series the catalogue assigns to this chart (``context`` column).

The catalogue's ``context`` column says which national indicators the chart shows and how:
``line`` (a long yearly series, full width on top) or ``bars`` (a few years, side by side below).
Years are a true time axis, so gaps between survey years show as gaps.
"""

from __future__ import annotations

from ..data import TAJIKISTAN, DataStore, Indicator, Observation
from ..data.views import national_indicators
from ..state import ViewState
from .hover import EXTRA
from .labels import hover_lines, unit_text
from .provenance import provenance_annotations
from .render import RenderContext
from .style import BAR_COLOR, KHATLON_COLOR, SELECTED_COLOR, empty_figure, place_footer, wrap

BAR_COLORS = (KHATLON_COLOR, SELECTED_COLOR, BAR_COLOR)
REPORT_YEAR_NOTE = "report year"


def context_indicators(store: DataStore) -> tuple[list[Indicator], list[Indicator]]:
    """(line panels, bar panels) in catalogue order."""
    shown = [i for i in national_indicators(store.indicators.values()) if store.series(i.id, TAJIKISTAN)]
    return [i for i in shown if i.context == "line"], [i for i in shown if i.context == "bars"]


def _panel_title(text: str, x: float, y: float, ctx: RenderContext, width: int) -> dict:
    return {
        "text": "<b>" + wrap(text, width) + "</b>",
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "showarrow": False,
        "font": {"size": ctx.style.font_size},
    }


def _compact(ctx: RenderContext) -> bool:
    """Too few characters across for panels side by side (a phone, a 1024 px projector): stack them,
    mark report years with "*" and leave the sources to the footer."""
    return ctx.narrow or ctx.width < ctx.style.font_size * 70


def _crowded(years: list[int], texts: list[str], domain_x: list[float], ctx: RenderContext) -> bool:
    """Whether the widest year label is wider than the room of one year on this axis (so turn them)."""
    per_year = ctx.width * 0.9 * (domain_x[1] - domain_x[0]) / (max(years) - min(years) + 1.6)
    return max(len(t) for t in texts) * ctx.style.small_size * 0.62 > per_year - 4


def _year_ticks(series: list[Observation], ctx: RenderContext) -> tuple[list[int], list[str]]:
    """Tick at each year with data; a year that is the report's, not the data's, says so."""

    def report(year: int) -> str:  # "2023*", explained in the panel's title (two years side by side fit)
        return ctx.t("{year}*", year=year)

    texts = [report(o.year) if o.note.startswith(REPORT_YEAR_NOTE) else str(o.year) for o in series]
    return [o.year for o in series], texts


def _line(store: DataStore, indicator: Indicator, axis: str, ctx: RenderContext) -> dict:
    series = store.series(indicator.id, TAJIKISTAN)
    highest = max(series, key=lambda o: o.value).year
    marked = {series[0].year, series[-1].year, highest}
    if ctx.narrow:  # a phone: the last value, and the highest when it is not next to it
        marked = {series[-1].year} | ({highest} if series[-1].year - highest >= 4 else set())
    return {
        "type": "scatter",
        "x": [o.year for o in series],
        "y": [o.value for o in series],
        "mode": "lines+markers+text",
        "name": ctx.text(indicator, "label"),
        "line": {"color": BAR_COLOR, "width": 3},
        "marker": {"size": 7},
        "text": [ctx.number(o.value, indicator.decimals) if o.year in marked else "" for o in series],
        "textposition": "top center",
        "cliponaxis": False,  # the values above the highest points stay whole
        "textfont": {"size": ctx.style.small_size},
        "xaxis": f"x{axis}",
        "yaxis": f"y{axis}",
        "hovertext": ["<br>".join(hover_lines(store, indicator, TAJIKISTAN, o.year, ctx)) for o in series],
        "hovertemplate": "%{hovertext}" + EXTRA,
    }


def _bars(store: DataStore, indicator: Indicator, axis: str, color: str, ctx: RenderContext) -> dict:
    series = store.series(indicator.id, TAJIKISTAN)
    return {
        "type": "bar",
        "x": [o.year for o in series],
        "y": [o.value for o in series],
        "width": 0.7,
        "marker": {"color": color},
        "xaxis": f"x{axis}",
        "yaxis": f"y{axis}",
        "name": ctx.text(indicator, "label"),
        "text": [ctx.number(o.value, indicator.decimals) for o in series],
        "textposition": "outside",
        "textfont": {"size": ctx.style.small_size},
        "constraintext": "none",  # plotly would shrink the labels to the bars' width
        "cliponaxis": False,
        "hovertext": ["<br>".join(hover_lines(store, indicator, TAJIKISTAN, o.year, ctx)) for o in series],
        "hovertemplate": "%{hovertext}" + EXTRA,
    }


def _boxes(lines: list[Indicator], bars: list[Indicator], ctx: RenderContext) -> list[tuple[list[float], list[float]]]:
    """Each panel's (x domain, y domain): line panels full width on top and bar panels side by side
    below; when compact every panel full width, one under the other (room above each for its title)."""
    if _compact(ctx):
        rows = len(lines) + len(bars)
        step, plot = 1 / rows, (0.4 if ctx.presenting and ctx.narrow else 0.55)
        return [([0, 1], [1 - (n + 1) * step, 1 - (n + 1) * step + step * plot]) for n in range(rows)]
    width = 0.44 if len(bars) > 1 else 1.0
    boxes = [([0, 1], [0.5, 0.84]) for _ in lines]
    return boxes + [([n * 0.54, n * 0.54 + width], [0, 0.26]) for n in range(len(bars))]


def _axes(
    store: DataStore, lines: list[Indicator], bars: list[Indicator], year: int, ctx: RenderContext
) -> tuple[dict, list[dict]]:
    """Axes of the panels and their titles."""
    axes, titles, style = {}, [], ctx.style
    common = {"gridcolor": style.grid_color, "automargin": True, "tickfont": {"size": style.small_size}}
    for index, (indicator, (domain_x, domain_y)) in enumerate(zip(lines + bars, _boxes(lines, bars, ctx)), 1):
        suffix = "" if index == 1 else str(index)
        series = store.series(indicator.id, TAJIKISTAN)
        on_top = indicator in lines
        tickvals, ticktext = _year_ticks(series, ctx)
        axes[f"xaxis{suffix}"] = {
            **common,
            "domain": domain_x,
            "anchor": f"y{suffix}",
            "range": [min(tickvals) - 0.8, max(tickvals) + 0.8],
            "tickangle": -90 if ctx.narrow and not on_top and _crowded(tickvals, ticktext, domain_x, ctx) else 0,
            **(
                {"dtick": 4 if ctx.narrow else 2}
                if on_top
                else {"tickmode": "array", "tickvals": tickvals, "ticktext": ticktext}
            ),
        }
        axes[f"yaxis{suffix}"] = {
            **common,
            "domain": domain_y,
            "anchor": f"x{suffix}",
            "rangemode": "tozero",
            "tickformat": f",.{indicator.decimals}f",
            "range": [0, 1.25 * max(o.value for o in series)],
            # a phone: ticks inside (titles start at the left edge); bars carry their values, so no ticks
            **({"nticks": 4, "ticklabelposition": "inside", "showticklabels": on_top} if ctx.narrow else {}),
            **({"nticks": 4} if _compact(ctx) and not ctx.narrow else {}),  # short stacked panels: few ticks
        }
        chars = ctx.chars(style.font_size, 0.78 * (domain_x[1] - domain_x[0]))  # bold runs wide
        label = f"{ctx.text(indicator, 'label')} ({unit_text(indicator, ctx)}"
        with_source = f"{label}; {ctx.text(indicator, 'source_name')})"
        # the source in the panel's title where two lines hold it; the footer names every source anyway
        label = with_source if not _compact(ctx) and wrap(with_source, chars).count("<br>") < 2 else label + ")"
        if any(o.note.startswith(REPORT_YEAR_NOTE) for o in series):
            label += " " + ctx.t("* year of the report")
        titles.append(_panel_title(label, domain_x[0], domain_y[1] + 0.02, ctx, chars))
    return axes, titles


def context_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """Real national series: the backdrop to the (illustrative) district picture."""
    lines, bars = context_indicators(store)
    if not lines and not bars:
        return empty_figure(ctx.t("The national series are not in the data."), ctx.style)
    traces = [_line(store, i, "" if n == 0 else str(n + 1), ctx) for n, i in enumerate(lines)]
    traces += [
        _bars(store, i, str(len(lines) + n + 1) if len(lines) + n else "", BAR_COLORS[n % len(BAR_COLORS)], ctx)
        for n, i in enumerate(bars)
    ]
    layout = ctx.layout(
        ctx.t("National context: Tajikistan"),
        ctx.t("Real published figures (not illustrative); the dotted line marks {year}", year=view.year),
    )
    axes, titles = _axes(store, lines, bars, view.year, ctx)
    layout.update(
        **axes,
        showlegend=False,
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": view.year,
                "x1": view.year,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#9aa5b1", "width": 1, "dash": "dot"},
            }
        ]
        if lines
        else [],
        annotations=titles + provenance_annotations(store, lines + bars, ctx, fraction=0.9),
        hovermode="closest",
    )
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 3 + 10)
    return {"data": traces, "layout": layout}
