"""The coverage-gap map: a need indicator against one service's coverage, district by district.

Each unit is classed into tertiles of the year's values, once for the need and once for the
coverage, and filled with its cell of the 3 x 3 palette (:mod:`.bivariate`): the darkest fill is high
need with low coverage, where families left behind by migration lack the service most. The breaks
are rounded to each indicator's decimals and the values are classed as shown, so a hover, the
subtitle and the legend never disagree.

Traces (fixed order, as on the ordinary map): 0 ``base`` grey where either value is missing or
suppressed (its hover says why), 1 ``cells`` the classed units, 2 ``marks`` the selected district's
outline, 3 ``points`` Bokhtar city, 4 ``labels`` district names, 5 ``small`` hollow rings where either
value rests on a small sample (DESIGN §5). The legend (a 3 x 3 grid with the
breaks on its axes) and the list of high-need, low-coverage units are layout shapes and annotations
sized in pixels: right of the map on wide figures, under it on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import DataStore, Indicator, Observation, Status
from ..data.quality import SampleFlag, sample_flag, shown_value
from ..i18n import N_
from ..state import ViewState
from .bivariate import HIGH, LOW, PALETTE, WORST, cell, classify, discrete_colorscale, tertile_breaks
from .labels import place_title, provenance_text, source_name, status_text, unit_name, unit_text, value_text
from .map import TRANSPARENT, _attribution, _choropleth, _frame, _labels, _points_trace, _small_trace, label_positions
from .provenance import provenance_annotations
from .render import RenderContext
from .style import NO_DATA_COLOR, OUTLINE_COLOR, empty_figure, place_footer, wrap

BASE, CELLS, MARKS, POINTS, LABELS, SMALL = range(6)
NEED_LEVELS = (N_("low need"), N_("medium need"), N_("high need"))
COVERAGE_LEVELS = (N_("low coverage"), N_("medium coverage"), N_("high coverage"))
SCREEN_HEIGHT = 560  # px: the figure's height on a screen (set by the page's CSS)
NARROW_HEIGHT = 760  # px: on a phone the legend and the list go under the map, which needs the height
PROJECTOR_SHARE = 0.76  # of the screen's height: the rest is the presenter's scene heading
PHONE_STAGE = 700  # px: presenter.css stacks the stage up to this width; a chart card is then 130vh
PHONE_STAGE_SHARE = 1.3
FOOTER_GAP = 6  # px between the map and its source line
GAP = 12  # px between the map and the legend
LINE = 1.3  # plotly's line height, in font sizes
CHAR = 0.64  # average character width, in font sizes (Cyrillic runs wide)


@dataclass(frozen=True)
class Classed:
    """One indicator's values in the year (None: missing or suppressed), its rounded breaks and classes."""

    indicator: Indicator
    observations: dict[str, Observation | None]
    values: dict[str, float | None]
    breaks: tuple[float, float] | None
    classes: dict[str, int | None]

    def tick(self, ctx: RenderContext, index: int) -> str:
        """Break ``index`` (0: b1, 1: b2) as shown, in the context's number format."""
        return ctx.number(self.breaks[index], self.indicator.decimals) if self.breaks else ""


def classed(store: DataStore, indicator: Indicator, year: int) -> Classed:
    """Every unit's shown value, the tertile breaks (rounded as shown) and each unit's class."""
    decimals = indicator.decimals
    observations = {u: store.observation(indicator.id, u, year) for u in store.units}
    values = {u: shown_value(indicator, o) for u, o in observations.items()}
    raw = tertile_breaks(values.values())
    breaks = None if raw is None else (round(raw[0], decimals), round(raw[1], decimals))
    classes = {u: classify(None if v is None else round(v, decimals), breaks) for u, v in values.items()}
    return Classed(indicator, observations, values, breaks, classes)


def gap_year(store: DataStore, view: ViewState) -> int | None:
    """``view.year`` when both indicators have it, else the latest year both have, else None."""
    common = set(store.years(view.need)) & set(store.years(view.service))
    if not common:
        return None
    return view.year if view.year in common else max(common)


def cells_of(need: Classed, cover: Classed) -> dict[str, int | None]:
    """Each unit's palette index (None where either class is missing)."""
    return {
        u: None if need.classes[u] is None or cover.classes[u] is None else cell(need.classes[u], cover.classes[u])
        for u in need.classes
    }


def worst_units(need: Classed, cover: Classed) -> list[str]:
    """Units of high need and low coverage, highest need first."""
    found = [u for u in need.classes if need.classes[u] == HIGH and cover.classes[u] == LOW]
    return sorted(found, key=lambda u: (-need.values[u], u))


def _value_line(data: Classed, unit_id: str, year: int, levels: tuple[str, ...], what: str, ctx: RenderContext) -> str:
    observation, value = data.observations[unit_id], data.values[unit_id]
    if value is not None:
        level = ctx.t(levels[data.classes[unit_id]]) if data.classes[unit_id] is not None else ""
        text = f"{value_text(data.indicator, value, ctx)} · {year}"
        return f"{text} · {level}" if level else text
    if sample_flag(data.indicator, observation) is SampleFlag.SUPPRESSED:
        count = ctx.number(observation.sample_size)
        return ctx.t("{what}: too few responses (n = {count}), not shown", what=ctx.t(what), count=count)
    return ctx.t("{what}: no data for {year}", what=ctx.t(what), year=year)


def hover_text(
    store: DataStore, need: Classed, cover: Classed, unit_id: str, year: int, ctx: RenderContext
) -> list[str]:
    """The hover's lines after the name: need, coverage, small samples, status and sources (DESIGN §5: six)."""
    pairs = [(need, NEED_LEVELS, N_("Need")), (cover, COVERAGE_LEVELS, N_("Coverage"))]
    lines = [_value_line(d, unit_id, year, levels, what, ctx) for d, levels, what in pairs]
    notes = []
    for data, _, what in pairs:
        observation = data.observations[unit_id]
        if data.values[unit_id] is not None and sample_flag(data.indicator, observation) is SampleFlag.SMALL:
            count = ctx.number(observation.sample_size)
            notes.append(ctx.t("{what}: small sample (n = {count}), read with care", what=ctx.t(what), count=count))
    if notes:
        lines.append(" · ".join(notes))
    shown = [(d.indicator, d.observations[unit_id]) for d, _, _ in pairs if d.values[unit_id] is not None]
    statuses = []
    for indicator, observation in shown:
        if observation.is_illustrative:
            statuses.append(provenance_text(indicator, observation, ctx))
        elif observation.status is not Status.OFFICIAL:
            statuses.append(status_text(observation.status, ctx).capitalize())
    if statuses:
        lines.append(" · ".join(dict.fromkeys(statuses)))
    names = list(dict.fromkeys(source_name(i, o, ctx) for i, o in shown))
    if names:
        label = ctx.t("Source") if len(names) == 1 else ctx.t("Sources")
        lines.append(f"{label}: " + "; ".join(names))
    return lines


def axis_label(indicator: Indicator, ctx: RenderContext) -> str:
    """The legend's name of an indicator: its short label, else its label."""
    return ctx.text(indicator, "short_label") or ctx.text(indicator, "label")


# ---------------------------------------------------------------- legend and list (pixel-sized)
def _chars(px: float, size: float) -> int:
    return max(8, int(px / (size * CHAR)))


def _note(text: str, x: float, y: float, size: float, ctx: RenderContext, name: str, **extra) -> dict:
    """An annotation ``x`` px right of and ``y`` px below the block's top-left corner (placed later)."""
    note = {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "xshift": x, "yshift": -y}
    note.update(xanchor="left", yanchor="top", align="left", name=name)
    note["font"] = {"size": size, "color": ctx.style.text_color}
    return {**note, **extra}


def _rect(x: float, y: float, side: float, fill: str, name: str) -> dict:
    """A square ``side`` px wide, its top-left ``x`` px right of and ``y`` px below the block's corner."""
    return {
        "type": "rect",
        "xref": "paper",
        "yref": "paper",
        "xsizemode": "pixel",
        "ysizemode": "pixel",
        "x0": x,
        "x1": x + side,
        "y0": -(y + side),
        "y1": -y,
        "fillcolor": fill,
        "line": {"color": "#ffffff", "width": 1},
        "layer": "above",
        "name": name,
    }


def _legend(need: Classed, cover: Classed, width: float, ctx: RenderContext) -> tuple[list, list, float]:
    """The 3 x 3 key (need going up, coverage falling to the right) with its breaks: shapes, notes, height."""
    small = ctx.style.small_size
    ticks = [need.tick(ctx, 0), need.tick(ctx, 1), cover.tick(ctx, 0), cover.tick(ctx, 1)]
    tick_px = max(len(t) for t in ticks) * small * 0.62
    side = round(max(small * 2.6, tick_px + 8))
    left = round(tick_px + 8)
    chars = _chars(width, small)
    need_title = wrap(ctx.t("↑ Need: {label}", label=axis_label(need.indicator, ctx)), chars)
    top = (need_title.count("<br>") + 1) * small * LINE + 4
    notes = [_note(need_title, 0, 0, small, ctx, "gap-legend-need")]
    shapes = [
        _rect(
            left + column * side, top + row * side, side, PALETTE[3 * (2 - row) + column], f"gap-legend-{row}{column}"
        )
        for row in range(3)
        for column in range(3)
    ]
    muted = {"color": ctx.style.muted_color, "size": small}
    for row, index in ((1, 1), (2, 0)):  # need breaks at the rows' edges: b2 above b1
        notes.append(_note(need.tick(ctx, index), left - 4, top + row * side, small, ctx, "gap-legend-tick"))
        notes[-1].update(xanchor="right", yanchor="middle", font=muted)
    for column, index in ((1, 1), (2, 0)):  # coverage breaks at the columns' edges: b2 left of b1
        notes.append(
            _note(cover.tick(ctx, index), left + column * side, top + 3 * side + 2, small, ctx, "gap-legend-tick")
        )
        notes[-1].update(xanchor="center", font=muted)
    below = top + 3 * side + small * LINE + 4
    cover_title = wrap(ctx.t("Coverage: {label} (lower →)", label=axis_label(cover.indicator, ctx)), chars)
    notes.append(_note(cover_title, 0, below, small, ctx, "gap-legend-coverage"))
    return shapes, notes, below + (cover_title.count("<br>") + 1) * small * LINE


def _worst_list(
    store: DataStore, units: list[str], width: float, room: float, ctx: RenderContext
) -> tuple[dict, float]:
    """The named high-need, low-coverage units (one a line, or a wrapped run when they would not fit)."""
    size = ctx.style.small_size + (1 if ctx.style.name == "screen" else 0)
    chars = _chars(width, size)
    swatch = f'<span style="color:{PALETTE[WORST]}">■</span> '
    title = wrap(ctx.t("High need, low coverage:"), chars - 2)
    names = [unit_name(store.units[u], ctx) for u in units]
    lines = title.count("<br>") + 1
    if not names:
        body = wrap(ctx.t("none this year"), chars)
    elif (lines + len(names)) * size * LINE <= room:
        body = "<br>".join(names)
    else:
        body = wrap(", ".join(names), chars)
    text = f"{swatch}<b>{title}</b><br>{body}"
    return _note(text, 0, 0, size, ctx, "gap-list"), (lines + body.count("<br>") + 1) * size * LINE


def _place(shapes: list, notes: list, x: float, y: float, dx: float, dy: float) -> None:
    """Anchor a block at paper (``x``, ``y``), moved ``dx`` px right and ``dy`` px up."""
    for note in notes:
        note.update(x=x, y=y, xshift=round(note["xshift"] + dx, 1), yshift=round(note["yshift"] + dy, 1))
    for shape in shapes:
        shape.update(xanchor=x, yanchor=y)
        shape.update({k: round(shape[k] + (dx if k[0] == "x" else dy), 1) for k in ("x0", "x1", "y0", "y1")})


def assumed_height(ctx: RenderContext) -> int:
    """The figure's height the layout is planned for (the page sets the real one)."""
    if ctx.presenting:
        width, height = ctx.style.size
        return round(height * (PHONE_STAGE_SHARE if width <= PHONE_STAGE else PROJECTOR_SHARE))
    return NARROW_HEIGHT if ctx.narrow else SCREEN_HEIGHT


def _panel(store: DataStore, need: Classed, cover: Classed, layout: dict, ctx: RenderContext) -> dict:
    """Legend and list beside the map (wide) or under it (narrow); returns the geo domain."""
    margin = layout["margin"]
    width, height = ctx.width - margin["l"] - margin["r"], assumed_height(ctx) - margin["t"] - margin["b"]
    units = worst_units(need, cover)
    if ctx.narrow:
        column = width / 2 - GAP / 2
        shapes, notes, legend_h = _legend(need, cover, column, ctx)
        listed, list_h = _worst_list(store, units, column, legend_h, ctx)
        panel = max(legend_h, list_h)
        _place(shapes, notes + [listed], 0, 0, 0, panel)
        listed["xshift"] += round(width / 2 + GAP / 2, 1)
        domain = {"x": [0, 1], "y": [round((panel + GAP) / height, 4), 1]}
    else:
        side = max(160, min(width * 0.3, ctx.style.small_size * 24))
        shapes, notes, legend_h = _legend(need, cover, side, ctx)
        room = height - legend_h - ctx.style.small_size * LINE  # the attribution is under the map
        listed, _ = _worst_list(store, units, side, room, ctx)
        listed["yshift"] -= round(legend_h + ctx.style.small_size * LINE, 1)
        _place(shapes, notes + [listed], round(1 - side / width, 4), 1, 0, 0)
        domain = {"x": [0, round(1 - (side + GAP) / width, 4)], "y": [0, 1]}
    layout["shapes"] = shapes
    layout["annotations"] += notes + [listed]
    return domain


def gap_figure(store: DataStore, view: ViewState, ctx: RenderContext, geojson_url: str) -> dict:
    """The coverage-gap map of ``view.need`` against ``view.service`` (a plain figure dict)."""
    year = gap_year(store, view)
    if year is None or view.need not in store.indicators or view.service not in store.indicators:
        return empty_figure(ctx.t("No year has values of both indicators."), ctx.style)
    need = classed(store, store.indicators[view.need], year)
    cover = classed(store, store.indicators[view.service], year)
    if need.breaks is None or cover.breaks is None:
        return empty_figure(ctx.t("Too few districts have values in {year} to compare them.", year=year), ctx.style)
    indicators = [need.indicator, cover.indicator]
    ranges = ctx.t("need {need}; coverage {coverage}", need=_ranges(need, ctx), coverage=_ranges(cover, ctx))
    layout = ctx.layout(
        ctx.t(
            "{need} against {service}, {year}",
            need=ctx.text(need.indicator, "label"),
            service=ctx.text(cover.indicator, "label"),
            year=year,
        ),
        ctx.t("Tertiles of {year}: {ranges}", year=year, ranges=ranges),
        illustrative=store.shows_illustrative([i.id for i in indicators]),
    )
    layout["annotations"] = provenance_annotations(store, indicators, ctx, fraction=0.95)
    place_footer(layout, ctx.style, axis_room=FOOTER_GAP)
    domain = _panel(store, need, cover, layout, ctx)
    attribution = _attribution(ctx)
    attribution.update(x=domain["x"][1], y=domain["y"][0])
    layout["annotations"].append(attribution)
    layout.update(
        geo={
            **_frame(store),
            "visible": False,
            "projection": {"type": "mercator"},
            "bgcolor": "rgba(0,0,0,0)",
            "domain": domain,
        },
        uirevision="gap",
        clickmode="event",
        dragmode=False,
    )
    return {"data": _traces(store, view, need, cover, year, ctx, geojson_url), "layout": layout}


def _ranges(data: Classed, ctx: RenderContext) -> str:
    low, high = data.tick(ctx, 0), data.tick(ctx, 1)
    return ctx.t("≤ {low} | {low}–{high} | > {high} {unit}", low=low, high=high, unit=unit_text(data.indicator, ctx))


def _traces(
    store: DataStore, view: ViewState, need: Classed, cover: Classed, year: int, ctx: RenderContext, url: str
) -> list[dict]:
    """The six traces (see the module's docstring)."""
    polygons = list(store.polygon_ids)
    cells = cells_of(need, cover)
    names = [f"<b>{place_title(store, u, None, ctx)}</b>" for u in polygons]
    hovers = {u: "<br>".join(hover_text(store, need, cover, u, year, ctx)) for u in store.units}
    thin = {"color": "#ffffff", "width": 0.8}
    template = "%{text}<br>%{customdata}"
    missing = [cells[u] is None for u in polygons]
    base = _choropleth(ctx.t("No data"), url, polygons, thin, text=names, z=[int(m) for m in missing], zmin=0, zmax=1)
    base.update(colorscale=[[0, "#ffffff"], [1, NO_DATA_COLOR]], showscale=False, hovertemplate=template)
    base["customdata"] = [hovers[u] if m else "" for u, m in zip(polygons, missing)]
    colours = _choropleth(ctx.t("Need and coverage"), url, polygons, thin, text=names, hovertemplate=template)
    colours.update(z=[cells[u] for u in polygons], zmin=0, zmax=8, colorscale=discrete_colorscale(), showscale=False)
    colours["customdata"] = [hovers[u] for u in polygons]
    selected = [view.selected] if view.selected in polygons else []
    width = 3 if ctx.style.name == "screen" else 5
    outline = {"color": [OUTLINE_COLOR] * len(selected), "width": [width] * len(selected)}
    marks = _choropleth(ctx.t("Selected"), url, selected, outline, z=[0] * len(selected), colorscale=TRANSPARENT)
    marks.update(showscale=False, hoverinfo="skip")
    points = _points_trace(store, ctx)
    ids = list(store.boundaries.points)
    points["hovertext"] = [hovers[u] for u in ids]
    points["marker"].update(
        color=[NO_DATA_COLOR if cells.get(u) is None else PALETTE[cells[u]] for u in ids],
        line={
            "width": [4 if u == view.selected else 1.5 for u in ids],
            "color": [OUTLINE_COLOR if u == view.selected else "#1f2933" for u in ids],
        },
    )
    labels = {**_labels(store, ctx), "visible": view.labels is not False}
    rings, places = _small_trace(ctx), label_positions(store)
    small = [u for u in store.units if cells.get(u) is not None and (_small(need, u) or _small(cover, u))]
    rings.update(lon=[places[u][0] for u in small], lat=[places[u][1] for u in small], customdata=small)
    rings["hovertext"] = [f"<b>{place_title(store, u, None, ctx)}</b><br>{hovers[u]}" for u in small]
    return [base, colours, marks, points, labels, rings]


def _small(data: Classed, unit_id: str) -> bool:
    """A shown value from a small sample (DESIGN §5: a hollow ring at the unit's label point)."""
    observation = data.observations[unit_id]
    return data.values[unit_id] is not None and sample_flag(data.indicator, observation) is SampleFlag.SMALL
