"""The district map: a ``go.Choropleth`` over Khatlon's polygons, no basemap, no tiles.

The figure is split in two so that the geometry crosses the wire once:

* :func:`map_figure` builds the whole figure (the page's first load). Its traces refer to the
  boundaries by URL (``geojson_url``), so the polygons are fetched once and cached by plotly.
* :func:`map_updates` returns only what changes with indicator, year or district, as
  ``path -> value`` pairs; the callback turns them into a ``dash.Patch``.

Traces (fixed order, the patch paths rely on it):
0 ``values``   districts with a value, coloured through ``layout.coloraxis``
1 ``no_data``  districts without a value, grey, "no data" in the hover
2 ``points``   units drawn as points (Bokhtar city), coloured with the same scale
3 ``spotlit``  the spotlighted district, drawn at full strength while trace 0 is dimmed
4 ``selected`` an outline around the selected district

(plotly's choropleth takes one opacity per trace, so dimming needs the spotlit district apart.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from plotly.colors import sample_colorscale

from ..data import DataStore, Indicator
from ..data.boundaries import ATTRIBUTION as BOUNDARIES_ATTRIBUTION
from ..data.model import Scale
from ..i18n import Translator
from .labels import hover_text, is_missing, unit_name
from .style import (
    DIMMED_OPACITY,
    DIVERGING_SCALE,
    NO_DATA_COLOR,
    SELECTED_COLOR,
    SEQUENTIAL_SCALE,
    Theme,
    base_layout,
    place_footer,
    provenance_annotations,
    wrap,
)

VALUES, NO_DATA, POINTS, SPOTLIT, SELECTED = range(5)
ATTRIBUTION = f"{BOUNDARIES_ATTRIBUTION} (ODbL)"
Path = tuple[Any, ...]


def color_range(store: DataStore, indicator: Indicator) -> tuple[float, float]:
    """Colour range over every year (so colours compare across years), rounded outwards."""
    low, high = store.unit_range(indicator.id)
    if indicator.scale is Scale.DIVERGING:
        edge = max(abs(low), abs(high))
        return -edge, edge
    step = 10 ** max(0, math.floor(math.log10(max(high - low, 1e-9))) - 1) * 5
    return math.floor(low / step) * step, math.ceil(high / step) * step


def _scale(indicator: Indicator) -> list:
    return DIVERGING_SCALE if indicator.scale is Scale.DIVERGING else SEQUENTIAL_SCALE


def point_color(indicator: Indicator, value: float | None, cmin: float, cmax: float) -> str:
    if is_missing(value):
        return NO_DATA_COLOR
    position = 0.5 if cmax == cmin else min(max((value - cmin) / (cmax - cmin), 0.0), 1.0)
    return sample_colorscale(_scale(indicator), [position])[0]


def map_updates(
    store: DataStore,
    indicator_id: str,
    year: int,
    selected: str | None,
    t: Translator,
    theme: Theme,
    spotlight: str | None = None,
) -> dict[Path, Any]:
    """Everything on the map that depends on the view, as ``path -> value``."""
    indicator = store.indicators[indicator_id]
    snapshot = store.snapshot(indicator_id, year)
    polygon_ids = [d for d in snapshot.index if d not in store.boundaries.points]
    point_ids = [d for d in snapshot.index if d in store.boundaries.points]
    hovers = {d: hover_text(store, indicator, d, year, t) for d in snapshot.index}
    with_value = [d for d in polygon_ids if not is_missing(snapshot.at[d, "value"])]
    without_value = [d for d in polygon_ids if d not in with_value]
    cmin, cmax = color_range(store, indicator)
    focus = spotlight or None
    others = [d for d in with_value if d != focus]
    spotlit = [d for d in with_value if d == focus]
    dimmed = DIMMED_OPACITY if focus else 1.0

    def values(trace: int, ids: list[str]) -> dict[Path, Any]:
        return {
            ("data", trace, "locations"): ids,
            ("data", trace, "z"): [float(snapshot.at[d, "value"]) for d in ids],
            ("data", trace, "customdata"): ids,
            ("data", trace, "hovertext"): [hovers[d] for d in ids],
        }

    frame = base_layout(
        theme,
        t("{label}, {year}", label=t(indicator.label), year=year),
        t("{unit} · click a district to select it", unit=t(indicator.unit)),
        illustrative=indicator.is_illustrative,
    )
    frame["annotations"] = [*provenance_annotations([indicator], t, theme, width=110), _attribution(theme)]
    place_footer(frame, theme, axis_room=6)
    updates: dict[Path, Any] = {
        **values(VALUES, others),
        ("data", VALUES, "marker", "opacity"): dimmed,
        **values(SPOTLIT, spotlit),
        ("data", NO_DATA, "locations"): without_value,
        ("data", NO_DATA, "z"): [0] * len(without_value),
        ("data", NO_DATA, "customdata"): without_value,
        ("data", NO_DATA, "hovertext"): [hovers[d] for d in without_value],
        ("data", NO_DATA, "marker", "opacity"): dimmed,
        ("data", POINTS, "marker", "color"): [
            point_color(indicator, snapshot.at[d, "value"], cmin, cmax) for d in point_ids
        ],
        ("data", POINTS, "marker", "line", "width"): [4 if d in (selected, focus) else 1.5 for d in point_ids],
        ("data", POINTS, "marker", "line", "color"): [
            SELECTED_COLOR if d in (selected, focus) else "#1f2933" for d in point_ids
        ],
        ("data", POINTS, "marker", "opacity"): [1.0 if focus in (None, d) else DIMMED_OPACITY for d in point_ids],
        ("data", POINTS, "hovertext"): [hovers[d] for d in point_ids],
        ("data", SELECTED, "locations"): [d for d in (selected, focus) if d in polygon_ids],
        ("data", SELECTED, "z"): [0 for d in (selected, focus) if d in polygon_ids],
        ("data", SELECTED, "marker", "line", "width"): 5 if focus else 3,
        ("layout", "coloraxis"): {
            "cmin": cmin,
            "cmax": cmax,
            "colorscale": _scale(indicator),
            **({"cmid": 0} if indicator.scale is Scale.DIVERGING else {}),
            "colorbar": {
                "title": {"text": wrap(t(indicator.unit), 16), "side": "top"},
                "thickness": 14,
                "len": 0.6,
                "x": 0.85,
                "xanchor": "left",
                "y": 0.5,
                "tickformat": f",.{indicator.decimals}f",
                "outlinewidth": 0,
            },
        },
        ("layout", "title"): frame["title"],
        ("layout", "margin"): frame["margin"],
        ("layout", "font"): frame["font"],
        ("layout", "hoverlabel"): frame["hoverlabel"],
        ("data", POINTS, "marker", "size"): 16 if theme.name == "screen" else 26,
        ("data", POINTS, "textfont"): {"size": theme.small_size + 1, "color": theme.text_color},
        ("layout", "annotations"): frame["annotations"],
    }
    return updates


def _frame(store: DataStore, padding: float = 0.02) -> dict:
    """Longitude and latitude ranges around the boundaries (``fitbounds`` leaves a wide margin)."""
    west, south, east, north = store.boundaries.polygons.total_bounds
    for lon, lat in store.boundaries.points.values():
        west, east, south, north = min(west, lon), max(east, lon), min(south, lat), max(north, lat)
    pad_x, pad_y = (east - west) * padding, (north - south) * padding
    return {"lonaxis": {"range": [west - pad_x, east + pad_x]}, "lataxis": {"range": [south - pad_y, north + pad_y]}}


def _attribution(theme: Theme) -> dict:
    return {
        "text": ATTRIBUTION,
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "xanchor": "right",
        "yanchor": "bottom",
        "font": {"size": theme.small_size - 1, "color": theme.muted_color},
        "bgcolor": "rgba(255,255,255,0.7)",
        "name": "attribution",
    }


HOVER = "%{hovertext}<extra></extra>"


def _choropleth(name: str, geojson_url: str, line: dict, **extra) -> dict:
    """One choropleth trace over the boundaries (all five share the geometry by URL)."""
    trace = {
        "type": "choropleth",
        "name": name,
        "geojson": geojson_url,
        "featureidkey": "id",
        "marker": {"line": line},
        "hovertemplate": HOVER,
        "showlegend": False,
    }
    return {**trace, **extra}


def map_figure(
    store: DataStore,
    indicator_id: str,
    year: int,
    selected: str | None,
    t: Translator,
    theme: Theme,
    geojson_url: str,
    spotlight: str | None = None,
) -> dict:
    """The complete map figure (as a plain dict, ready for ``dcc.Graph``)."""
    line = {"color": "#ffffff", "width": 0.8}
    points = store.boundaries.points
    figure = {
        "data": [
            _choropleth(t("District value"), geojson_url, line, coloraxis="coloraxis"),
            _choropleth(
                t("No data"),
                geojson_url,
                line,
                colorscale=[[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]],
                showscale=False,
                showlegend=True,
            ),
            {
                "type": "scattergeo",
                "name": t("Bokhtar city (point)"),
                "mode": "markers+text",
                "lon": [points[d][0] for d in points],
                "lat": [points[d][1] for d in points],
                "customdata": list(points),
                "text": [unit_name(store.districts[d], t, with_type=False) for d in points],
                "textposition": "middle left",
                "marker": {"symbol": "circle"},
                "hovertemplate": HOVER,
                "showlegend": False,
            },
            _choropleth(t("Spotlight"), geojson_url, line, coloraxis="coloraxis"),
            _choropleth(
                t("Selected"),
                geojson_url,
                {"color": SELECTED_COLOR, "width": 3},
                hoverinfo="skip",
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
            ),
        ],
        "layout": {
            **base_layout(theme, ""),
            "geo": {
                **_frame(store),
                "visible": False,
                "projection": {"type": "mercator"},
                "bgcolor": "rgba(0,0,0,0)",
                "domain": {"x": [0, 0.84], "y": [0, 1]},
            },
            "legend": {
                "orientation": "h",
                "x": 0,
                "y": 0.0,
                "xanchor": "left",
                "yanchor": "bottom",
                "bgcolor": "rgba(255,255,255,0.7)",
            },
            "uirevision": "map",
            "clickmode": "event",
        },
    }
    apply_updates(figure, map_updates(store, indicator_id, year, selected, t, theme, spotlight))
    return figure


def apply_updates(target: Any, updates: Mapping[Path, Any]) -> None:
    """Write ``path -> value`` pairs into a nested dict/list (or a ``dash.Patch``)."""
    for path, value in updates.items():
        node = target
        for key in path[:-1]:
            if isinstance(node, dict):
                node = node.setdefault(key, {})
            else:
                node = node[key]
        node[path[-1]] = value
