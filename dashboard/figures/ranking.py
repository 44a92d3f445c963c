"""Ranking: every unit's value for one indicator and year, best to worst, with bounds."""

from __future__ import annotations

from ..data import DataStore
from ..i18n import Translator
from .labels import unit_name, value_text
from .reference import khatlon_reference
from .style import (
    BAR_COLOR,
    COMPARED_COLOR,
    DIMMED_OPACITY,
    KHATLON_COLOR,
    SELECTED_COLOR,
    Theme,
    base_layout,
    empty_figure,
    place_footer,
    provenance_annotations,
    wrap,
)


def _upper_edge(present) -> float:
    """Room to the right of the longest bar (or whisker) for its label."""
    top = float(present[["value", "upper"]].max().max())
    return top * 1.14 if top > 0 else 1.0


def ranking_figure(
    store: DataStore,
    indicator_id: str,
    year: int,
    selected: str | None,
    t: Translator,
    theme: Theme,
    spotlight: str | None = None,
    compared: str | None = None,
) -> dict:
    """Horizontal bars, highest at the top; the selected unit highlighted; Khatlon as a reference line."""
    indicator = store.indicators[indicator_id]
    snapshot = store.snapshot(indicator_id, year)
    present = snapshot.dropna(subset=["value"]).sort_values("value")
    if present.empty:
        return empty_figure(t("No district has a value for {year}.", year=year), theme)
    missing = [unit_name(store.districts[d], t) for d in snapshot.index if d not in present.index]
    focus = spotlight or selected
    names = [
        f"<b>{unit_name(store.districts[d], t)}</b>" if d in (focus, compared) else unit_name(store.districts[d], t)
        for d in present.index
    ]

    def color(district_id: str) -> str:
        if district_id == focus:
            return SELECTED_COLOR
        return COMPARED_COLOR if district_id == compared else BAR_COLOR

    has_bounds = present["lower"].notna().any()
    bar = {
        "type": "bar",
        "orientation": "h",
        "x": present["value"].tolist(),
        "y": names,
        "customdata": list(present.index),
        "name": t(indicator.label),
        "marker": {
            "color": [color(d) for d in present.index],
            "opacity": [1.0 if not spotlight or d in (spotlight, compared) else DIMMED_OPACITY for d in present.index],
        },
        "text": [value_text(indicator, v, t, with_unit=False) for v in present["value"]],
        "textposition": "outside" if not has_bounds else "none",
        "cliponaxis": False,
        "hovertext": [f"<b>{n}</b><br>{value_text(indicator, v, t)}" for n, v in zip(names, present["value"])],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    if has_bounds:
        bar["error_x"] = {
            "type": "data",
            "symmetric": False,
            "color": "#3e4c59",
            "thickness": 1.2,
            "width": 3,
            "array": (present["upper"] - present["value"]).fillna(0).tolist(),
            "arrayminus": (present["value"] - present["lower"]).fillna(0).tolist(),
        }
    reference = khatlon_reference(store, indicator, year, t)
    explained = [t(indicator.unit)]
    if has_bounds:
        explained.append(t("whiskers: 95% interval"))
    if reference is not None:  # named in the subtitle, so no label can sit on the bars
        explained.append(
            t(
                "dashed line: {label} {value}",
                label=reference.label,
                value=value_text(indicator, reference.value, t, with_unit=False),
            )
        )
    layout = base_layout(
        theme,
        t("{label}: ranking, {year}", label=t(indicator.label), year=year),
        " · ".join(explained),
        illustrative=indicator.is_illustrative,
    )
    traces = [bar]
    if reference is not None:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [reference.value, reference.value],
                "y": [names[0], names[-1]],
                "line": {"color": KHATLON_COLOR, "width": 2, "dash": "dash"},
                "name": reference.label,
                "hovertemplate": f"{reference.label}: %{{x}}<extra></extra>",
            }
        )
    notes = [wrap(t("No data: {names}", names=", ".join(missing)), 70)] if missing else []
    annotations = provenance_annotations([indicator], t, theme, width=70)
    annotations[-1]["text"] = "<br>".join([*notes, annotations[-1]["text"]])
    layout.update(
        xaxis={
            "title": {"text": ""},
            "gridcolor": theme.grid_color,
            "zeroline": True,
            "side": "bottom",
            "tickformat": f",.{indicator.decimals}f",
            "automargin": True,
            "range": [min(0, float(present["value"].min())), _upper_edge(present)],
        },
        yaxis={
            "automargin": True,
            "tickfont": {"size": min(theme.small_size + 1, 18)},
            "tickmode": "array",
            "tickvals": names,
            "ticktext": names,
            "range": [-0.7, len(names) - 0.3],
        },
        annotations=annotations,
        showlegend=False,
        bargap=0.22,
    )
    place_footer(layout, theme, axis_room=theme.font_size * 2 + 8)
    return {"data": traces, "layout": layout}
