"""National context: remittances as % of GDP (World Bank), migrant departures, household shares."""

from __future__ import annotations

from ..data import TAJIKISTAN, DataStore
from ..i18n import Translator
from .style import (
    BAR_COLOR,
    KHATLON_COLOR,
    SELECTED_COLOR,
    Theme,
    base_layout,
    empty_figure,
    place_footer,
    provenance_annotations,
)

REMITTANCES = "remittances_pct_gdp"
DEPARTURES = "labour_migrants_departed"
HOUSEHOLDS = "households_with_migrant_national_pct"


def _survey(source: str) -> str:
    """A few words naming the survey behind a bar (the bars come from different surveys)."""
    for needle, short in (("Listening to Tajikistan", "L2TJK"), ("IOM", "IOM"), ("World Bank", "World Bank")):
        if needle in source:
            return short
    return source.split(",")[0][:18]


def _panel_title(text: str, x: float, y: float, theme: Theme) -> dict:
    return {
        "text": f"<b>{text}</b>",
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": theme.font_size},
    }


def context_figure(store: DataStore, year: int, t: Translator, theme: Theme) -> dict:
    """Real national series: the backdrop to the (illustrative) district picture."""
    if REMITTANCES not in store.indicators:
        return empty_figure(t("The national series are not in the data."), theme)
    remittances = store.series(REMITTANCES, TAJIKISTAN)
    traces = [
        {
            "type": "scatter",
            "x": [o.year for o in remittances],
            "y": [o.value for o in remittances],
            "mode": "lines+markers+text",
            "name": t("Remittances, % of GDP"),
            "line": {"color": BAR_COLOR, "width": 3},
            "marker": {"size": 7},
            "text": [
                f"{o.value:.1f}" if o.year in (2008, 2015, 2022, remittances[-1].year) else "" for o in remittances
            ],
            "textposition": "top center",
            "xaxis": "x",
            "yaxis": "y",
            "hovertemplate": "%{x}: %{y:.2f}% " + t("of GDP") + "<extra></extra>",
        }
    ]
    annotations = [_panel_title(t("Personal remittances received, % of GDP (World Bank WDI)"), 0, 0.9, theme)]
    used = [store.indicators[REMITTANCES]]
    if DEPARTURES in store.indicators:
        departures = store.series(DEPARTURES, TAJIKISTAN)
        traces.append(
            {
                "type": "bar",
                "x": [str(o.year) for o in departures],
                "y": [o.value / 1000 for o in departures],
                "marker": {"color": KHATLON_COLOR},
                "xaxis": "x2",
                "yaxis": "y2",
                "name": t("Labour migrants"),
                "texttemplate": "%{y:,.0f}k",
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{x}: %{y:,.1f} " + t("thousand") + "<extra></extra>",
            }
        )
        annotations.append(
            _panel_title(t("Labour migrants who departed (thousands; Ministry of Labour)"), 0, 0.34, theme)
        )
        used.append(store.indicators[DEPARTURES])
    if HOUSEHOLDS in store.indicators:
        shares = store.series(HOUSEHOLDS, TAJIKISTAN)
        traces.append(
            {
                "type": "bar",
                "x": [f"{o.year}<br>{_survey(o.source)}" for o in shares],
                "y": [o.value for o in shares],
                "marker": {"color": SELECTED_COLOR},
                "xaxis": "x3",
                "yaxis": "y3",
                "name": t("Households with a migrant"),
                "texttemplate": "%{y:.0f}%",
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": [o.source for o in shares],
                "hovertemplate": "%{x}: %{y:.0f}%<br>%{customdata}<extra></extra>",
            }
        )
        annotations.append(
            _panel_title(t("Households with a migrant, % (4 surveys, not one series)"), 0.54, 0.34, theme)
        )
        used.append(store.indicators[HOUSEHOLDS])
    layout = base_layout(
        theme,
        t("National context: Tajikistan"),
        title_chars=90,
        subtitle=t("Real published figures (not illustrative); the marked year is {year}", year=year),
    )
    layout.update(
        xaxis={"domain": [0, 1], "anchor": "y", "dtick": 2, "gridcolor": theme.grid_color, "automargin": True},
        yaxis={
            "domain": [0.5, 0.86],
            "title": {"text": t("% of GDP")},
            "gridcolor": theme.grid_color,
            "range": [0, 1.2 * max(o.value for o in remittances)],
            "automargin": True,
        },
        xaxis2={"domain": [0, 0.44], "anchor": "y2", "type": "category", "automargin": True},
        yaxis2={
            "domain": [0, 0.26],
            "anchor": "x2",
            "gridcolor": theme.grid_color,
            "automargin": True,
            "rangemode": "tozero",
            "ticksuffix": "k",
        },
        xaxis3={"domain": [0.54, 1], "anchor": "y3", "type": "category", "automargin": True},
        yaxis3={
            "domain": [0, 0.26],
            "anchor": "x3",
            "rangemode": "tozero",
            "gridcolor": theme.grid_color,
            "automargin": True,
            "ticksuffix": "%",
        },
        showlegend=False,
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": year,
                "x1": year,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#9aa5b1", "width": 1, "dash": "dot"},
            }
        ],
        annotations=annotations + provenance_annotations(used, t, theme, width=150),
    )
    place_footer(layout, theme, axis_room=theme.font_size * 2 + 10)
    return {"data": traces, "layout": layout}
