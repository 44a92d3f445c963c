"""Trend: one unit over every year against Khatlon, with its 95% band."""

from __future__ import annotations

from ..data import DataStore
from ..i18n import Translator
from .labels import unit_name, value_text
from .reference import khatlon_series
from .style import (
    KHATLON_COLOR,
    SELECTED_COLOR,
    Theme,
    base_layout,
    empty_figure,
    place_footer,
    provenance_annotations,
)


def _band(years: list[int], lower: list[float], upper: list[float], color: str, name: str) -> list[dict]:
    """Two traces drawing a filled band between ``lower`` and ``upper``."""
    return [
        {
            "type": "scatter",
            "x": years,
            "y": upper,
            "mode": "lines",
            "line": {"width": 0},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": name,
        },
        {
            "type": "scatter",
            "x": years,
            "y": lower,
            "mode": "lines",
            "line": {"width": 0},
            "fill": "tonexty",
            "fillcolor": color,
            "hoverinfo": "skip",
            "name": name,
        },
    ]


def trend_figure(
    store: DataStore, indicator_id: str, year: int, district_id: str | None, t: Translator, theme: Theme
) -> dict:
    """The selected unit's series (or Khatlon alone when none is selected), the current year marked."""
    indicator = store.indicators[indicator_id]
    khatlon, khatlon_label = khatlon_series(store, indicator, t)
    traces: list[dict] = []
    if not khatlon.empty:
        traces.append(
            {
                "type": "scatter",
                "x": khatlon["year"].tolist(),
                "y": khatlon["value"].tolist(),
                "mode": "lines+markers",
                "name": khatlon_label,
                "line": {"color": KHATLON_COLOR, "width": 2, "dash": "dash"},
                "hovertemplate": f"{khatlon_label} %{{x}}: %{{y:,.{indicator.decimals}f}}<extra></extra>",
            }
        )
    title_name = t("Khatlon")
    if district_id in store.districts:
        title_name = unit_name(store.districts[district_id], t)
        series = store.series(indicator_id, district_id)
        years = [o.year for o in series]
        if not series and khatlon.empty:
            return empty_figure(t("{name} has no value for this indicator in any year.", name=title_name), theme)
        if series and all(o.lower is not None and o.upper is not None for o in series):
            traces += _band(
                years, [o.lower for o in series], [o.upper for o in series], "rgba(217,95,2,0.18)", t("95% interval")
            )
        traces.append(
            {
                "type": "scatter",
                "x": years,
                "y": [o.value for o in series],
                "mode": "lines+markers" if len(series) > 1 else "markers",
                "name": title_name,
                "line": {"color": SELECTED_COLOR, "width": 3},
                "marker": {"size": 8 if theme.name == "screen" else 12},
                "hovertext": [f"<b>{title_name}</b> {o.year}: {value_text(indicator, o.value, t)}" for o in series],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    if not traces:
        return empty_figure(t("No values to draw."), theme)
    explained = [t("{unit}, by year", unit=t(indicator.unit))]
    if district_id in store.districts:
        explained.append(t("solid: {name}, shaded: 95% interval", name=title_name))
    if not khatlon.empty:
        explained.append(t("dashed: {label}", label=khatlon_label))
    if district_id not in store.districts:
        explained.append(t("select a district to compare"))
    layout = base_layout(
        theme,
        t("{name}: {label}", name=title_name, label=t(indicator.label)),
        " · ".join(explained),
        illustrative=indicator.is_illustrative,
    )
    all_years = store.years(indicator_id)
    layout.update(
        xaxis={
            "tickmode": "array",
            "tickvals": list(all_years),
            "gridcolor": theme.grid_color,
            "range": [min(all_years) - 0.4, max(all_years) + 0.4],
        },
        yaxis={
            "gridcolor": theme.grid_color,
            "rangemode": "tozero",
            "tickformat": f",.{indicator.decimals}f",
            "automargin": True,
        },
        showlegend=False,
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": year,
                "x1": year,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#9aa5b1", "width": 1, "dash": "dot"},
            }
        ],
        annotations=provenance_annotations([indicator], t, theme, width=70),
        hovermode="closest",
    )
    place_footer(layout, theme, axis_room=theme.font_size * 2 + 12)
    return {"data": traces, "layout": layout}
