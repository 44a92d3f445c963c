"""Services: coverage of the five services in every unit (heatmap), and two units side by side (bars)."""

from __future__ import annotations

from ..data import KHATLON, DataStore, Indicator
from ..data.quality import shown_value
from ..data.views import service_indicators
from ..state import ViewState
from .hover import EXTRA
from .labels import provenance_text, unit_name
from .provenance import provenance_annotations
from .render import RenderContext
from .style import (
    COMPARED_COLOR,
    KHATLON_COLOR,
    SELECTED_COLOR,
    SEQUENTIAL_SCALE,
    empty_figure,
    lift_badge,
    place_footer,
    row_label_size,
)

DEFAULT_PAIR = ("dusti", "kulob")  # the districts of UNICEF's situational analysis
Table = dict[str, dict[str, float]]  # indicator id -> unit id -> shown value


def comparison_pair(selected: str | None, compared: str | None = None) -> tuple[str, str]:
    """The two units side by side: the selection and its comparison, by default Dusti and Kulob."""
    first = selected or DEFAULT_PAIR[0]
    second = compared or next(d for d in (DEFAULT_PAIR[1], DEFAULT_PAIR[0], "bokhtar") if d != first)
    return first, second


def service_heading(indicator: Indicator, ctx: RenderContext) -> str:
    """A column heading short enough to fit: the catalogue's ``short_label``, else the label after ": "."""
    return ctx.text(indicator, "short_label") or ctx.text(indicator, "label").split(": ", 1)[-1]


def _year(store: DataStore, indicators: list[Indicator], year: int) -> int:
    years = [y for y in store.years(indicators[0].id) if y <= year] or list(store.years(indicators[0].id))
    return years[-1]


def coverage_table(store: DataStore, indicators: list[Indicator], year: int) -> Table:
    return {
        i.id: {o.area_id: o.value for o in store.year_observations(i.id, year) if shown_value(i, o) is not None}
        for i in indicators
    }


def _order(store: DataStore, table: Table) -> list[str]:
    """Units by their average coverage, lowest first (units without any value last)."""

    def average(unit_id: str) -> float | None:
        values = [column[unit_id] for column in table.values() if unit_id in column]
        return sum(values) / len(values) if values else None

    return sorted(store.units, key=lambda d: (average(d) is None, average(d) or 0))


def _heatmap(store, indicators, table, order, pair, year, ctx: RenderContext) -> dict:
    def row_label(unit_id: str) -> str:
        name = unit_name(store.units[unit_id], ctx)
        return f"<b>▶ {name}</b>" if unit_id in pair else name

    z = [[table[i.id].get(d) for i in indicators] for d in order]
    statuses = [[provenance_text(i, store.observation(i.id, d, year), ctx) for i in indicators] for d in order]
    uniform = len({s for row in statuses for s in row}) == 1
    return {
        "type": "heatmap",
        "z": z,
        "x": [service_heading(i, ctx) for i in indicators],
        "y": [row_label(d) for d in order],
        "xaxis": "x",
        "yaxis": "y",
        "colorscale": SEQUENTIAL_SCALE,
        "zmin": 0,
        "zmax": 100,
        "xgap": 2,
        "ygap": 2,
        "texttemplate": "%{z:.0f}",
        "textfont": {"size": ctx.style.small_size},
        "colorbar": {
            "title": {"text": "%"},
            "thickness": 12,
            "len": 0.5,
            "x": 0.5,
            "xanchor": "left",
            "y": 0.75,
            "tickfont": {"size": ctx.style.small_size},
        },
        **({} if uniform else {"customdata": statuses}),
        "hovertemplate": "<b>%{y}</b><br>%{x}: %{z:.1f}% · "
        + str(year)
        + "<br>"
        + (statuses[0][0] if uniform else "%{customdata}")
        + EXTRA,
    }


def _bars(store, indicators, table, pair, year, ctx: RenderContext) -> list[dict]:
    columns = [service_heading(i, ctx) for i in indicators]

    def bars(name: str, values: list, color: str) -> dict:
        return {
            "type": "bar",
            "orientation": "h",
            "xaxis": "x2",
            "yaxis": "y2",
            "y": columns,
            "x": values,
            "marker": {"color": color},
            "name": name,
            "texttemplate": "%{x:.0f}",
            "textposition": "outside",
            "textfont": {"size": ctx.style.small_size},
            "cliponaxis": False,
            "hovertemplate": "<b>%{fullData.name}</b><br>%{y}: %{x:.1f}% · " + str(year) + EXTRA,
        }

    traces = [
        bars(unit_name(store.units[d], ctx), [table[i.id].get(d) for i in indicators], color)
        for color, d in zip((SELECTED_COLOR, COMPARED_COLOR), pair)
    ]
    khatlon = [store.observation(i.id, KHATLON, year) for i in indicators]
    if all(o is not None for o in khatlon):
        traces.append(bars(ctx.t("Khatlon"), [o.value for o in khatlon], KHATLON_COLOR))
    return traces


def services_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """Heatmap of coverage (units x services, lowest average first) + grouped bars for the pair."""
    indicators = service_indicators(store.district_indicators())
    if not indicators:
        return empty_figure(ctx.t("No service coverage indicators in the data."), ctx.style)
    year = _year(store, indicators, view.year)
    pair = tuple(d for d in comparison_pair(view.spotlit or view.selected, view.compare) if d in store.units)
    table = coverage_table(store, indicators, year)
    order = _order(store, table)
    layout = ctx.layout(
        ctx.t("Service coverage for migrant-sending families, {year}", year=year),
        ctx.t("% of migrant-sending families able to reach each service; lowest average first"),
        store.shows_illustrative([i.id for i in indicators]),
    )
    names = ctx.t(
        "{first} and {second}", first=unit_name(store.units[pair[0]], ctx), second=unit_name(store.units[pair[1]], ctx)
    )
    label_size = min(ctx.style.label_size, 13) if ctx.style.name == "screen" else ctx.style.small_size
    layout.update(
        xaxis={
            "domain": [0, 0.48],
            "side": "top",
            "tickfont": {"size": ctx.style.small_size},
            "automargin": True,
            "tickangle": 0,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": label_size}, "tickmode": "array"},
        xaxis2={
            "domain": [0.64, 1],
            "range": [0, 112],
            "ticksuffix": "%",
            "gridcolor": ctx.style.grid_color,
            "anchor": "y2",
            "automargin": True,
            "tickvals": [0, 50, 100],
            "tickfont": {"size": ctx.style.small_size},
        },
        yaxis2={
            "anchor": "x2",
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": ctx.style.label_size},
        },
        barmode="group",
        bargap=0.25,
        bargroupgap=0.05,
        legend={
            "orientation": "h",
            "x": 0.64,
            "y": 1,
            "xanchor": "left",
            "yanchor": "bottom",
            "yref": "paper",
            "title": {"text": names + ":", "side": "top"},
            "font": {"size": ctx.style.small_size},
        },
        annotations=provenance_annotations(store, indicators, ctx, fraction=0.6),
    )
    heatmap = _heatmap(store, indicators, table, order, pair, year, ctx)
    layout["yaxis"].update(tickvals=heatmap["y"], ticktext=heatmap["y"])  # every unit named, none skipped
    if ctx.narrow:
        return _name_margin(_phone(layout, heatmap, ctx))
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 14)
    headings = round(ctx.style.small_size * 1.8) + _stagger_headings(layout, heatmap, ctx, label_size)
    lift_badge(layout, max(headings, round(ctx.style.small_size * 3)))  # the legend sits above the bars
    heatmap["showscale"] = ctx.width >= 1500  # narrower: the bars' names need the room (values are in the cells)
    fitted = row_label_size(layout, ctx.style, len(heatmap["y"]), label_size)
    layout["yaxis"]["tickfont"]["size"] = heatmap["textfont"]["size"] = fitted
    return _name_margin({"data": [heatmap, *_bars(store, indicators, table, pair, year, ctx)], "layout": layout})


def _plain(name: str) -> str:
    """A row name without the bold tags of the compared districts."""
    return name.replace("<b>", "").replace("</b>", "")


def _name_margin(figure: dict) -> dict:
    """Room for the district names left of the heatmap, from their length rather than plotly's
    automargin, whose extra layout passes made this the slowest chart to draw (about 150 ms more
    per drawing on a small laptop). A letter is taken as 0.62 em (0.72 em in Cyrillic), a tenth
    more in bold; the layout checks of every language and screen verify that no name is cut off."""
    layout, names = figure["layout"], figure["data"][0]["y"]
    size = layout["yaxis"]["tickfont"]["size"]

    def width(name: str) -> float:
        plain = _plain(name)
        em = 0.72 if any("\u0400" <= letter <= "\u04ff" for letter in plain) else 0.62
        return len(plain) * size * em * (1.1 if plain != name else 1)

    layout["yaxis"]["automargin"] = False
    layout["margin"]["l"] = round(max(map(width, names)) + 12)
    return figure


def _stagger_headings(layout: dict, heatmap: dict, ctx: RenderContext, label_size: float) -> int:
    """When the widest column heading is wider than its column, raise every other heading by a line
    (so neighbours never touch); returns the extra height that needs above the heatmap.

    Widths are estimated from character counts (Cyrillic runs about 0.62 em a letter).
    """
    names = max(len(_plain(str(y))) for y in heatmap["y"]) * label_size * 0.6 + 16
    column = (ctx.width - names - 26) * 0.48 / max(len(heatmap["x"]), 1)
    widest = max(len(h) for h in heatmap["x"]) * ctx.style.small_size * 0.62
    if widest <= column - 8:
        return 0
    text = [f"{h}<br> " if n % 2 else h for n, h in enumerate(heatmap["x"])]
    layout["xaxis"].update(tickmode="array", tickvals=heatmap["x"], ticktext=text)
    return round(ctx.style.small_size * 1.3)


def _phone(layout: dict, heatmap: dict, ctx: RenderContext) -> dict:
    """A phone: the heatmap alone, full width, its headings turned upright (the numbers are in the cells)."""
    layout["xaxis"].update(domain=[0, 1], tickangle=-90)
    for key in ("xaxis2", "yaxis2", "legend"):
        layout.pop(key, None)
    heatmap["showscale"] = False
    longest = max(len(h) for h in heatmap["x"])
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size + 10)
    lift_badge(layout, round(longest * ctx.style.small_size * 0.62 + 6))
    return {"data": [heatmap], "layout": layout}
