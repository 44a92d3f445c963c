"""Profile: one unit across every indicator, placed between the lowest and highest district.

Built in named steps: :func:`profile_rows` (the numbers), the strips (range, Khatlon tick, the
unit's dot), and the small table of values with units beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import DataStore, Indicator, Observation
from ..data.model import ValueType
from ..data.quality import shown_value
from ..data.views import profile_indicators
from ..state import ViewState
from .hover import EXTRA
from .labels import hover_lines, unit_name, value_text
from .provenance import provenance_annotations
from .reference import Reference, khatlon_reference
from .render import RenderContext
from .style import KHATLON_COLOR, SELECTED_COLOR, empty_figure, lift_badge, place_footer, wrap

CELL_GAP = 14  # px between the strips and the value columns, and between the columns


@dataclass(frozen=True)
class ProfileRow:
    indicator: Indicator
    year: int  # the view's year, or the indicator's latest year before it
    low: float
    high: float
    reference: Reference | None
    observation: Observation | None  # the unit's
    rank: int | None
    count: int

    def position(self, value: float) -> float:
        return 0.5 if self.high == self.low else (value - self.low) / (self.high - self.low)


def _year_for(store: DataStore, indicator: Indicator, year: int) -> int:
    """The chosen year if the indicator has it, else its latest year before, else its first."""
    years = store.years(indicator.id)
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier else years[0]


def profile_rows(store: DataStore, year: int, unit_id: str | None, ctx: RenderContext) -> list[ProfileRow]:
    rows = []
    for indicator in profile_indicators(store.district_indicators()):
        used = _year_for(store, indicator, year)
        values = {
            o.area_id: o.value
            for o in store.year_observations(indicator.id, used)
            if shown_value(indicator, o) is not None
        }
        if not values:
            continue
        observation = store.observation(indicator.id, unit_id, used) if unit_id else None
        own = shown_value(indicator, observation)
        rank = 1 + sum(v > own for v in values.values()) if own is not None else None
        reference = khatlon_reference(store, indicator, used, ctx)
        rows.append(
            ProfileRow(
                indicator,
                used,
                min(values.values()),
                max(values.values()),
                reference,
                observation if own is not None else None,
                rank,
                len(values),
            )
        )
    return rows


def compact_unit(indicator: Indicator, ctx: RenderContext) -> str:
    """``%``, ``‰`` or ``US$``: a unit short enough to stand beside a number in a table."""
    unit = indicator.unit
    if indicator.value_type is ValueType.PERCENT:
        return "%"
    if "1,000" in unit or "1000" in unit:
        return "‰"
    first = ctx.text(indicator, "unit").split()[0] if ctx.text(indicator, "unit") else ""
    return first if len(first) <= 8 else ""  # "US$", "долл.", "доллари"


def _cell(row: ProfileRow, value: float | None, ctx: RenderContext) -> str:
    if value is None:
        return "–"
    return f"{value_text(row.indicator, value, ctx, with_unit=False)}\u00a0{compact_unit(row.indicator, ctx)}".strip()


def _labels(rows: list[ProfileRow], year: int, ctx: RenderContext) -> list[str]:
    """Row labels wrapped to at most two lines where the figure allows (a third would run into the next row)."""
    texts = [ctx.text(r.indicator, "label") + ("" if r.year == year else f" ({r.year})") for r in rows]
    if ctx.narrow:
        width = ctx.chars(ctx.style.label_size, 0.9)
    else:
        two_lines = max(len(t) for t in texts) // 2 + 6  # word breaks need a few characters of slack
        width = min(
            34, max(ctx.chars(ctx.style.label_size, 0.3), min(two_lines, ctx.chars(ctx.style.label_size, 0.42)))
        )
    return [wrap(text, width) for text in texts]


def _strips(
    store: DataStore, rows: list[ProfileRow], labels: list[str], name: str | None, ctx: RenderContext
) -> list[dict]:
    range_x, range_y = [], []
    for label in labels:
        range_x += [0, 1, None]
        range_y += [label, label, None]
    size = 14 if ctx.style.name == "screen" else 22
    traces = [
        {
            "type": "scatter",
            "x": range_x,
            "y": range_y,
            "mode": "lines",
            "hoverinfo": "skip",
            "line": {"color": "#cbd2d9", "width": 6},
            "name": ctx.t("Range across districts"),
        }
    ]
    with_reference = [(label, r) for label, r in zip(labels, rows) if r.reference is not None]
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": ctx.t("Khatlon"),
            "x": [r.position(r.reference.value) for _, r in with_reference],
            "y": [label for label, _ in with_reference],
            "marker": {
                "symbol": "line-ns-open",
                "size": size,
                "color": KHATLON_COLOR,
                "line": {"width": 3, "color": KHATLON_COLOR},
            },
            "hovertext": [
                f"<b>{r.reference.label}</b><br>{value_text(r.indicator, r.reference.value, ctx)} · {r.year}"
                for _, r in with_reference
            ],
            "hovertemplate": "%{hovertext}" + EXTRA,
        }
    )
    shown = [(label, r) for label, r in zip(labels, rows) if r.observation is not None]
    if name and shown:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": [r.position(r.observation.value) for _, r in shown],
                "y": [label for label, _ in shown],
                "marker": {"size": size, "color": SELECTED_COLOR, "line": {"width": 1.5, "color": "#ffffff"}},
                "hovertext": [
                    "<br>".join(
                        hover_lines(store, r.indicator, r.observation.area_id, r.year, ctx)
                        + [ctx.t("rank {rank} of {count}", rank=r.rank, count=r.count)]
                    )
                    for _, r in shown
                ],
                "hovertemplate": "%{hovertext}" + EXTRA,
            }
        )
    return traces


def _table(rows: list[ProfileRow], labels: list[str], name: str | None, ctx: RenderContext) -> tuple[list[dict], int]:
    """Values with units right of the strips, with wrapped column headings above them; and the pixels
    the columns take (the figure's right margin). Columns are placed in pixels, so they never overlap."""
    columns = [(name, [r.observation.value if r.observation else None for r in rows])] if name else []
    columns.append((ctx.t("Khatlon"), [r.reference.value if r.reference else None for r in rows]))
    annotations = []
    size = ctx.style.label_size
    offset = CELL_GAP
    for index, (heading, values) in enumerate(columns):
        cells = [_cell(row, value, ctx) for row, value in zip(rows, values)]
        heading_lines = wrap(heading, 11)
        chars = max([len(c) for c in cells] + [len(line) for line in heading_lines.split("<br>")])
        common = {
            "x": 1,
            "xref": "paper",
            "xanchor": "left",
            "xshift": offset,
            "showarrow": False,
            "font": {"size": size},
        }
        annotations.append(
            {**common, "text": f"<b>{heading_lines}</b>", "y": 1, "yref": "paper", "yanchor": "bottom", "align": "left"}
        )
        for label, cell in zip(labels, cells):
            annotations.append(
                {**common, "text": f"<b>{cell}</b>" if index == 0 and name else cell, "y": label, "yref": "y"}
            )
        offset += round(chars * size * 0.62) + CELL_GAP
    return annotations, offset


def _labels_above(labels: list[str], ctx: RenderContext) -> list[dict]:
    """On a phone each indicator's name goes above its strip, across the whole width (not left of it)."""
    if not ctx.narrow:
        return []
    return [
        {
            "text": label,
            "x": 0,
            "xref": "paper",
            "y": label,
            "yref": "y",
            "xanchor": "left",
            "yanchor": "bottom",
            "yshift": 10,
            "align": "left",
            "showarrow": False,
            "font": {"size": ctx.style.label_size},
        }
        for label in labels
    ]


def profile_figure(store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """A strip per indicator: the district range (grey), Khatlon (black tick), the unit (orange dot)."""
    unit_id = view.spotlit or view.selected
    unit_id = unit_id if unit_id in store.units else None
    rows = profile_rows(store, view.year, unit_id, ctx)
    if not rows:
        return empty_figure(ctx.t("No values to draw."), ctx.style)
    name = unit_name(store.units[unit_id], ctx) if unit_id else None
    labels = _labels(rows, view.year, ctx)
    title = (
        ctx.t("{name}: profile, {year}", name=name, year=view.year)
        if name
        else ctx.t("Khatlon profile, {year} · select a district", year=view.year)
    )
    explained = ctx.t("grey: lowest to highest district · black tick: Khatlon") + (
        " · " + ctx.t("dot: {name}", name=name) if name else ""
    )
    indicators = [r.indicator for r in rows]
    layout = ctx.layout(title, explained, store.shows_illustrative([i.id for i in indicators]))
    table, columns_px = _table(rows, labels, name, ctx)
    layout["margin"]["r"] = columns_px + 10
    layout.update(
        xaxis={
            "range": [-0.05, 1.05],
            "tickvals": [0, 1],
            "ticktext": [ctx.t("lowest"), ctx.t("highest")],
            "tickfont": {"size": ctx.style.small_size},
            "showticklabels": not ctx.narrow,  # a phone's strips are too short for both words
            "showgrid": False,
            "zeroline": False,
        },
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": ctx.style.label_size},
            "showticklabels": not ctx.narrow,
        },
        showlegend=False,
        annotations=table + _labels_above(labels, ctx) + provenance_annotations(store, indicators, ctx, fraction=0.6),
        hovermode="closest",
    )
    lift_badge(layout, round(ctx.style.label_size * 2.8))  # room for the table's headings
    for note in layout["annotations"]:
        if note.get("name") == "illustrative-mark":
            note["xshift"] = columns_px  # right-aligned with the table, not the strips
    place_footer(layout, ctx.style, axis_room=ctx.style.small_size * 2 + 8)
    return {"data": _strips(store, rows, labels, name, ctx), "layout": layout}
