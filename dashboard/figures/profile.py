"""Profile: one unit across every indicator, placed between the lowest and highest district."""

from __future__ import annotations

from ..data import DataStore, Indicator
from ..data.model import Aggregate
from ..i18n import Translator
from .labels import is_missing, unit_name, value_text
from .reference import khatlon_reference
from .style import (
    KHATLON_COLOR,
    SELECTED_COLOR,
    Theme,
    base_layout,
    empty_figure,
    place_footer,
    provenance_annotations,
)


def _year_for(store: DataStore, indicator: Indicator, year: int) -> int:
    """The chosen year if the indicator has it, else its latest year before, else its first."""
    years = store.years(indicator.id)
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier else years[0]


def profile_figure(store: DataStore, year: int, district_id: str | None, t: Translator, theme: Theme) -> dict:
    """A strip per indicator: the district range (grey), Khatlon (black tick), the unit (orange dot)."""
    indicators = [i for i in store.district_indicators() if i.aggregate is Aggregate.MEAN]
    rows = []
    for indicator in indicators:
        used_year = _year_for(store, indicator, year)
        snapshot = store.snapshot(indicator.id, used_year)["value"].dropna()
        if snapshot.empty:
            continue
        low, high = float(snapshot.min()), float(snapshot.max())
        reference = khatlon_reference(store, indicator, used_year, t)
        value = snapshot.get(district_id) if district_id else None
        rank = int(snapshot.rank(ascending=False, method="min")[district_id]) if value is not None else None
        rows.append((indicator, used_year, low, high, reference, value, rank, len(snapshot)))
    if not rows:
        return empty_figure(t("No values to draw."), theme)

    def position(value: float, low: float, high: float) -> float:
        return 0.5 if high == low else (value - low) / (high - low)

    labels = [t(r[0].label) + ("" if r[1] == year else f" ({r[1]})") for r in rows]
    range_x, range_y = [], []
    for label in labels:
        range_x += [0, 1, None]
        range_y += [label, label, None]
    traces = [
        {
            "type": "scatter",
            "x": range_x,
            "y": range_y,
            "mode": "lines",
            "hoverinfo": "skip",
            "line": {"color": "#cbd2d9", "width": 6},
            "name": t("Range across districts"),
        }
    ]
    with_reference = [(label, r) for label, r in zip(labels, rows) if r[4] is not None]
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("Khatlon"),
            "x": [position(r[4].value, r[2], r[3]) for _, r in with_reference],
            "y": [label for label, _ in with_reference],
            "marker": {
                "symbol": "line-ns-open",
                "size": 14 if theme.name == "screen" else 22,
                "color": KHATLON_COLOR,
                "line": {"width": 3, "color": KHATLON_COLOR},
            },
            "hovertext": [f"{r[4].label}: {value_text(r[0], r[4].value, t)}" for _, r in with_reference],
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
    )
    name = unit_name(store.districts[district_id], t) if district_id in store.districts else None
    annotations = []
    if name:
        shown = [(label, r) for label, r in zip(labels, rows) if not is_missing(r[5])]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": [position(r[5], r[2], r[3]) for _, r in shown],
                "y": [label for label, _ in shown],
                "marker": {
                    "size": 14 if theme.name == "screen" else 22,
                    "color": SELECTED_COLOR,
                    "line": {"width": 1.5, "color": "#ffffff"},
                },
                "hovertext": [
                    t(
                        "{name}: {value} (rank {rank} of {count})",
                        name=name,
                        value=value_text(r[0], r[5], t),
                        rank=r[6],
                        count=r[7],
                    )
                    for _, r in shown
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    columns = [name, t("Khatlon")] if name else [t("Khatlon")]
    for index, column in enumerate(columns):  # a small table right of the strips, headed at the bottom
        annotations.append(
            {
                "text": f"<b>{column}</b>",
                "x": 1.08 + 0.3 * index,
                "xref": "x",
                "y": 0,
                "yref": "paper",
                "yanchor": "top",
                "yshift": -4,
                "xanchor": "left",
                "showarrow": False,
                "font": {"size": theme.font_size},
            }
        )
    for label, r in zip(labels, rows):
        cells = [value_text(r[0], r[5], t, with_unit=False)] if name else []
        cells.append(value_text(r[0], r[4].value, t, with_unit=False) if r[4] is not None else "–")
        for index, cell in enumerate(cells):
            annotations.append(
                {
                    "text": f"<b>{cell}</b>" if index == 0 and name else cell,
                    "x": 1.08 + 0.3 * index,
                    "xref": "x",
                    "y": label,
                    "yref": "y",
                    "xanchor": "left",
                    "showarrow": False,
                    "font": {"size": theme.small_size + 1},
                }
            )
    title = (
        t("{name}: profile, {year}", name=name, year=year)
        if name
        else t("Khatlon profile, {year} · select a district", year=year)
    )
    explained = t("Grey: lowest to highest district · black tick: Khatlon") + (
        " · " + t("dot: {name}", name=name) if name else ""
    )
    layout = base_layout(theme, title, explained, illustrative=any(r[0].is_illustrative for r in rows))
    layout.update(
        xaxis={
            "range": [-0.04, 1.08 + 0.3 * len(columns)],
            "tickvals": [0, 1],
            "ticktext": [t("lowest"), t("highest")],
            "showgrid": False,
            "zeroline": False,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": theme.small_size + 1}},
        showlegend=False,
        annotations=annotations + provenance_annotations([r[0] for r in rows], t, theme, width=80),
        hovermode="closest",
    )
    place_footer(layout, theme, axis_room=theme.font_size * 2 + 8)
    return {"data": traces, "layout": layout}
