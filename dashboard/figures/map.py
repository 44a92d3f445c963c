"""The district map: a ``go.Choropleth`` over Khatlon's polygons, no basemap, no tiles.

The figure is split in two so that the geometry crosses the wire once:

* :func:`map_figure` builds the whole figure (the page's first load). Its traces refer to the
  boundaries by URL, so the polygons are fetched once and cached by the browser.
* :func:`map_updates` returns only what changes with the view, as ``path -> value`` pairs; the
  callback turns them into a ``dash.Patch``. Locations, names and label positions never change,
  so an update is numbers (values, colours) plus a hover template.

Traces (fixed order, the patch paths rely on it):

0 ``base``      every polygon: grey where there is no value, the scale's light end under the others
1 ``values``    every polygon, coloured through ``layout.coloraxis`` (no value: not drawn);
                dimmed with a spotlight, so the base's light end shows through (within the scale)
2 ``spotlit``   the spotlighted district at full strength
3 ``outline``   a thick dark outline around the selected or spotlighted district
4 ``flagged``   an orange outline around illustrative rows of a partly illustrative indicator
5 ``points``    units drawn as points (Bokhtar city), coloured with the same scale
6 ``labels``    district names at a point inside each polygon (toggled with ``labels``)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from plotly.colors import sample_colorscale

from ..data import DataStore, Indicator
from ..data.boundaries import ATTRIBUTION as BOUNDARIES_ATTRIBUTION
from ..data.model import Scale
from ..data.quality import shown_value
from ..state import ViewState
from .hover import EXTRA, point_hovers
from .labels import hover_lines, is_missing, place_title, unit_name, unit_text
from .provenance import provenance_annotations
from .render import RenderContext
from .style import (
    DIMMED_OPACITY,
    DIVERGING_SCALE,
    ILLUSTRATIVE_LINE,
    LIGHT_END,
    NO_DATA_COLOR,
    OUTLINE_COLOR,
    SEQUENTIAL_SCALE,
    place_footer,
    wrap,
)

BASE, VALUES, SPOTLIT, OUTLINE, FLAGGED, POINTS, LABELS = range(7)
ATTRIBUTION = f"{BOUNDARIES_ATTRIBUTION} (ODbL)"
Path = tuple[Any, ...]
TRANSPARENT = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]


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


def _values(store: DataStore, indicator: Indicator, ids: list[str], year: int) -> list[float | None]:
    return [shown_value(indicator, store.observation(indicator.id, d, year)) for d in ids]


def map_updates(store: DataStore, view: ViewState, ctx: RenderContext) -> dict[Path, Any]:
    """Everything on the map that depends on the view, as ``path -> value``."""
    indicator = store.indicators[view.indicator]
    year, t, style = view.year, ctx.t, ctx.style
    polygons = store.polygon_ids
    values = _values(store, indicator, polygons, year)
    focus = view.spotlit
    hovers = point_hovers(store, indicator, polygons, year, ctx)
    spotlit = [d for d, v in zip(polygons, values) if d == focus and v is not None]
    flagged = (
        [d for d in polygons if (o := store.observation(indicator.id, d, year)) is not None and o.is_illustrative]
        if store.is_partly_illustrative(indicator.id)
        else []
    )
    outlined = [d for d in (view.selected,) if d in polygons]
    cmin, cmax = color_range(store, indicator)
    frame = ctx.layout(
        t("{label}, {year}", label=ctx.text(indicator, "label"), year=year),
        t("{unit} · click a district to select it", unit=unit_text(indicator, ctx)),
        illustrative=store.shows_illustrative([indicator.id]),
    )
    frame["annotations"] = [*provenance_annotations(store, [indicator], ctx, fraction=0.85), _attribution(ctx)]
    place_footer(frame, style, axis_room=6)
    return {
        ("data", BASE, "z"): [1 if v is None else 0 for v in values],
        ("data", BASE, "customdata"): [
            "<br>".join(hover_lines(store, indicator, d, year, ctx)[1:]) if v is None else ""
            for d, v in zip(polygons, values)
        ],
        ("data", VALUES, "z"): values,
        ("data", VALUES, "customdata"): hovers.customdata,
        ("data", VALUES, "hovertemplate"): hovers.template,
        ("data", VALUES, "marker", "opacity"): DIMMED_OPACITY if spotlit else 1.0,
        ("data", SPOTLIT, "locations"): spotlit,
        ("data", SPOTLIT, "text"): [place_title(store, d, None, ctx) for d in spotlit],
        ("data", SPOTLIT, "z"): _values(store, indicator, spotlit, year),
        ("data", SPOTLIT, "customdata"): [hovers.customdata[polygons.index(d)] for d in spotlit]
        if hovers.customdata
        else [],
        ("data", SPOTLIT, "hovertemplate"): hovers.template,
        ("data", OUTLINE, "locations"): outlined + [d for d in spotlit if d not in outlined],
        ("data", OUTLINE, "z"): [0] * len(set(outlined + spotlit)),
        ("data", FLAGGED, "locations"): flagged,
        ("data", FLAGGED, "z"): [0] * len(flagged),
        ("data", POINTS): _points(store, indicator, view, ctx, cmin, cmax),
        ("layout", "coloraxis"): {
            "cmin": cmin,
            "cmax": cmax,
            "colorscale": _scale(indicator),
            **({"cmid": 0} if indicator.scale is Scale.DIVERGING else {}),
            "colorbar": {
                "title": {"text": wrap(unit_text(indicator, ctx), 16), "side": "top"},
                "thickness": 14 if style.name == "screen" else 20,
                "len": 0.6,
                "x": 1,
                "xanchor": "right",
                "y": 0.5,
                "tickformat": f",.{indicator.decimals}f",
                "tickfont": {"size": style.small_size},
                "outlinewidth": 0,
            },
        },
        ("layout", "title"): frame["title"],
        ("layout", "margin"): frame["margin"],
        ("layout", "separators"): frame["separators"],
        ("layout", "annotations"): frame["annotations"],
    }


def _points(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext, cmin, cmax) -> dict:
    """The point-drawn units (Bokhtar city) as one scattergeo trace, with a finished hover."""
    ids = list(store.boundaries.points)
    values = _values(store, indicator, ids, view.year)
    focus = {view.selected, view.spotlit} - {None}
    return {
        "type": "scattergeo",
        "name": ctx.t("Bokhtar city (point)"),
        "mode": "markers+text",
        "lon": [store.boundaries.points[d][0] for d in ids],
        "lat": [store.boundaries.points[d][1] for d in ids],
        "customdata": ids,
        "text": [unit_name(store.units[d], ctx, with_type=False) for d in ids],
        "textposition": "middle left",
        "textfont": {"size": ctx.style.small_size + 1, "color": ctx.style.text_color},
        "marker": {
            "symbol": "circle",
            "size": 16 if ctx.style.name == "screen" else 26,
            "color": [point_color(indicator, v, cmin, cmax) for v in values],
            "opacity": [1.0 if not view.spotlit or d == view.spotlit else DIMMED_OPACITY + 0.2 for d in ids],
            "line": {
                "width": [4 if d in focus else 1.5 for d in ids],
                "color": [OUTLINE_COLOR if d in focus else "#1f2933" for d in ids],
            },
        },
        "hovertext": ["<br>".join(hover_lines(store, indicator, d, view.year, ctx)) for d in ids],
        "hovertemplate": "%{hovertext}" + EXTRA,
        "showlegend": False,
    }


def _frame(store: DataStore, padding: float = 0.02) -> dict:
    """Longitude and latitude ranges around the boundaries (``fitbounds`` leaves a wide margin)."""
    west, south, east, north = store.boundaries.polygons.total_bounds
    for lon, lat in store.boundaries.points.values():
        west, east, south, north = min(west, lon), max(east, lon), min(south, lat), max(north, lat)
    pad_x, pad_y = (east - west) * padding, (north - south) * padding
    return {"lonaxis": {"range": [west - pad_x, east + pad_x]}, "lataxis": {"range": [south - pad_y, north + pad_y]}}


def _attribution(ctx: RenderContext) -> dict:
    return {
        "text": ATTRIBUTION,
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "xanchor": "right",
        "yanchor": "bottom",
        "font": {"size": max(9, ctx.style.small_size - 2), "color": ctx.style.muted_color},
        "bgcolor": "rgba(255,255,255,0.7)",
        "name": "attribution",
    }


def _choropleth(name: str, geojson_url: str, locations: list[str], line: dict, **extra) -> dict:
    """One choropleth trace over the boundaries (all share the geometry by URL)."""
    trace = {
        "type": "choropleth",
        "name": name,
        "geojson": geojson_url,
        "featureidkey": "id",
        "locations": locations,
        "marker": {"line": line},
        "showlegend": False,
        "hoverinfo": "skip",
    }
    return {**trace, **extra}


def map_figure(store: DataStore, view: ViewState, ctx: RenderContext, geojson_url: str) -> dict:
    """The complete map figure (as a plain dict, ready for ``dcc.Graph``)."""
    polygons = store.polygon_ids
    names = [place_title(store, d, None, ctx) for d in polygons]
    thin = {"color": "#ffffff", "width": 0.8}
    outline_width = 3 if ctx.style.name == "screen" else 5
    figure = {
        "data": [
            _choropleth(
                ctx.t("No data"),
                geojson_url,
                polygons,
                thin,
                text=names,
                z=[1] * len(polygons),
                zmin=0,
                zmax=1,
                colorscale=[[0, LIGHT_END], [1, NO_DATA_COLOR]],
                showscale=False,
                hoverinfo=None,
                hovertemplate="<b>%{text}</b><br>%{customdata}" + EXTRA,
            ),
            _choropleth(
                ctx.t("District value"), geojson_url, polygons, thin, text=names, coloraxis="coloraxis", hoverinfo=None
            ),
            _choropleth(ctx.t("Spotlight"), geojson_url, [], thin, text=[], coloraxis="coloraxis", hoverinfo=None),
            _choropleth(
                ctx.t("Selected"),
                geojson_url,
                [],
                {"color": OUTLINE_COLOR, "width": outline_width},
                z=[],
                colorscale=TRANSPARENT,
                showscale=False,
            ),
            _choropleth(
                ctx.t("Illustrative rows"),
                geojson_url,
                [],
                {"color": ILLUSTRATIVE_LINE, "width": outline_width},
                z=[],
                colorscale=TRANSPARENT,
                showscale=False,
            ),
            {"type": "scattergeo", "lon": [], "lat": [], "showlegend": False},
            {"type": "scattergeo", "lon": [], "lat": [], "mode": "text", "showlegend": False, "hoverinfo": "skip"},
        ],
        "layout": {
            **ctx.layout(""),
            "geo": {
                **_frame(store),
                "visible": False,
                "projection": {"type": "mercator"},
                "bgcolor": "rgba(0,0,0,0)",
                "domain": {"x": [0, 0.86], "y": [0, 1]},
            },
            "uirevision": "map",
            "clickmode": "event",
            "dragmode": False,
        },
    }
    apply_updates(figure, map_updates(store, view, ctx))
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
