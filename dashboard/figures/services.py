"""Services: coverage of the five services in every unit, and two units side by side."""

from __future__ import annotations

import pandas as pd

from ..data import KHATLON, DataStore
from ..i18n import Translator
from .labels import unit_name
from .style import (
    COMPARED_COLOR,
    KHATLON_COLOR,
    SELECTED_COLOR,
    SEQUENTIAL_SCALE,
    Theme,
    base_layout,
    empty_figure,
    place_footer,
    provenance_annotations,
)

SERVICES_THEME = "services"


def short_service_name(label: str) -> str:
    """``Coverage: psychosocial support`` -> ``Psychosocial`` (column headings must fit)."""
    words = label.split(": ", 1)[-1].split()
    return words[0].capitalize() if words else label


def services_figure(store: DataStore, year: int, pair: tuple[str, str], t: Translator, theme: Theme) -> dict:
    """Heatmap of coverage (units x services, lowest average first) + grouped bars for ``pair``."""
    indicators = [i for i in store.district_indicators() if i.theme == SERVICES_THEME]
    if not indicators:
        return empty_figure(t("No service coverage indicators in the data."), theme)
    years = [y for y in store.years(indicators[0].id) if y <= year] or list(store.years(indicators[0].id))
    used_year = years[-1]
    columns = [short_service_name(t(i.label)) for i in indicators]
    table = {i.id: store.snapshot(i.id, used_year)["value"] for i in indicators}
    average = pd.DataFrame(table).mean(axis=1, skipna=True)  # units without any value go last
    order = sorted(
        store.district_ids, key=lambda d: (pd.isna(average[d]), average[d] if not pd.isna(average[d]) else 0)
    )
    pair = tuple(d for d in pair if d in store.districts)

    def row_label(district_id: str) -> str:
        name = unit_name(store.districts[district_id], t)
        return f"<b>▶ {name}</b>" if district_id in pair else name

    z = [[None if table[i.id].isna()[d] else float(table[i.id][d]) for i in indicators] for d in order]
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": columns,
        "y": [row_label(d) for d in order],
        "xaxis": "x",
        "yaxis": "y",
        "colorscale": SEQUENTIAL_SCALE,
        "zmin": 0,
        "zmax": 100,
        "xgap": 2,
        "ygap": 2,
        "text": [["" if v is None else f"{v:.0f}" for v in row] for row in z],
        "texttemplate": "%{text}",
        "textfont": {"size": theme.small_size},
        "colorbar": {"title": {"text": "%"}, "thickness": 12, "len": 0.5, "x": 0.51, "xanchor": "left", "y": 0.75},
        "hovertemplate": "%{y} · %{x}: %{z:.1f}%<extra></extra>",
    }

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
            "cliponaxis": False,
            "hovertemplate": "%{fullData.name} · %{y}: %{x:.1f}%<extra></extra>",
        }

    compared = [
        bars(unit_name(store.districts[d], t), [table[i.id].get(d) for i in indicators], color)
        for color, d in zip((SELECTED_COLOR, COMPARED_COLOR), pair)
    ]
    khatlon = [store.observation(i.id, KHATLON, used_year) for i in indicators]
    if all(o is not None for o in khatlon):
        compared.append(bars(t("Khatlon"), [o.value for o in khatlon], KHATLON_COLOR))
    names = " vs ".join(unit_name(store.districts[d], t) for d in pair)
    layout = base_layout(
        theme,
        t("Service coverage for migrant-sending families, {year}", year=used_year),
        t("% of migrant-sending families able to reach each service; lowest average first"),
        illustrative=indicators[0].is_illustrative,
        title_chars=90,
    )
    layout.update(
        xaxis={
            "domain": [0, 0.49],
            "side": "top",
            "tickfont": {"size": theme.small_size + 1},
            "automargin": True,
            "tickangle": 0,
        },
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": theme.small_size},
            "tickmode": "array",
            "tickvals": heatmap["y"],
            "ticktext": heatmap["y"],
        },
        xaxis2={
            "domain": [0.66, 1],
            "range": [0, 110],
            "ticksuffix": "%",
            "gridcolor": theme.grid_color,
            "anchor": "y2",
            "automargin": True,
            "tickvals": [0, 50, 100],
        },
        yaxis2={"anchor": "x2", "autorange": "reversed", "automargin": True, "tickfont": {"size": theme.font_size}},
        barmode="group",
        bargap=0.25,
        bargroupgap=0.05,
        legend={
            "orientation": "h",
            "x": 0.66,
            "y": -0.07,
            "xanchor": "left",
            "yanchor": "top",
            "yref": "paper",
            "title": {"text": names + ":", "side": "top"},
        },
        annotations=provenance_annotations(indicators[:1], t, theme, width=110),
    )
    place_footer(layout, theme, axis_room=theme.font_size * 6 + 10)
    return {"data": [heatmap, *compared], "layout": layout}
