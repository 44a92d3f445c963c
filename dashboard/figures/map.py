"""The district map: a ``go.Choropleth`` over Khatlon's polygons, no basemap, no tiles.

The figure is split in two so that the geometry crosses the wire once:

* :func:`map_figure` builds the whole figure (the page's first load). Its traces refer to the
  boundaries by URL, so the polygons are fetched once and cached by the browser.
* :func:`map_updates` returns only what changes with the view, as ``path -> value`` pairs: numbers
  (values, colours, the sample sizes and bounds the hover shows) and a few texts. Locations, names,
  label positions and styling never change. The browser applies the pairs as a ``dash.Patch``.

Traces (fixed order, the update paths rely on it):

0 ``base``    every polygon: grey where there is no value, the scale's light end under the others
1 ``values``  every polygon, coloured through ``layout.coloraxis`` (no value: not drawn, the grey base
              shows); with a spotlight the others are see-through, so they fade toward the light end
              of the scale (never toward "no data" grey)
2 ``marks``   outlines on top: the selected district (dark, thick) and, in a partly illustrative
              indicator, each illustrative row (orange; DESIGN §5)
3 ``points``  units drawn as points (Bokhtar city), coloured with the same scale
4 ``labels``  district names at a point inside each polygon (toggled with ``labels``)
5 ``small``   a hollow ring at the label point (Bokhtar: around its point) of each unit whose number
              rests on a small sample (n < 30; in change mode: either year's; DESIGN §5)

With ``mode=change`` the values are changes since ``from_year`` (:mod:`.change`), on the diverging
colour axis ``coloraxis2`` with a range symmetric around 0; the same paths are set in both modes.

Layout annotations: 0 the illustrative badge (hidden when no number is illustrative), 1 the source
line, 2 the boundaries' attribution.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from ..data import DataStore, Indicator
from ..state import ViewState
from . import change
from .colorscale import color_range, colorbar_px, colorbar_style, colorbar_title  # noqa: F401 (color_range: tests)
from .hover import EXTRA
from .labels import place_title, short_name, unit_name
from .provenance import partly_text, provenance_annotations
from .render import RenderContext
from .style import (
    DIMMED_OPACITY,
    DIVERGING_SCALE,
    ILLUSTRATIVE_LINE,
    LIGHT_END,
    NO_DATA_COLOR,
    OUTLINE_COLOR,
    SEQUENTIAL_SCALE,
    badge_wrap,
    illustrative_mark,
    place_footer,
    wrap,
)

BASE, VALUES, MARKS, POINTS, LABELS, SMALL = range(6)
BADGE, PARTLY, SOURCE, ATTRIBUTION_NOTE = range(4)
Path = tuple[Any, ...]
TRANSPARENT = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]
FOOTER_GAP = 6  # px between the map and its source line
SMALL_AREA = 0.065  # square degrees: below this a district's name is written in short ("A. Jomi")
# Nudges (longitude, latitude) of names that would sit on a neighbour's in the crowded centre.
LABEL_NUDGES = {
    "kushoniyon": (-0.02, -0.05),
    "khuroson": (-0.04, 0.02),
    "abdurahmoni_jomi": (0.02, 0.05),
    "levakant": (0.03, 0.05),
    "shamsiddin_shohin": (0.06, 0),
}


def _hover_text(store: DataStore, indicator: Indicator, view: ViewState, unit_id: str, ctx: RenderContext) -> str:
    """Hover lines 2-4 of a unit in the view's mode, as one text."""
    return "<br>".join(change.unit_hover(store, indicator, view, unit_id, ctx)[1:])


def _base_updates(store: DataStore, indicator: Indicator, values: list, view: ViewState, ctx: RenderContext) -> dict:
    """Grey where there is no value; the hover of those polygons says why (no data, a year missing...)."""
    polygons = store.polygon_ids
    missing = [d for d, v in zip(polygons, values) if v is None]
    reasons = {d: _hover_text(store, indicator, view, d, ctx) for d in missing}
    distinct = set(reasons.values())
    updates: dict[Path, Any] = {("data", BASE, "z"): [1 if v is None else 0 for v in values]}
    if len(distinct) <= 1:
        plain = ctx.t("No change to show") if change.changing(view) else ctx.t("No data for {year}", year=view.year)
        updates[("data", BASE, "hovertemplate")] = f"%{{text}}<br>{next(iter(distinct), plain)}"
    else:
        updates[("data", BASE, "hovertemplate")] = "%{text}<br>%{customdata}"
        updates[("data", BASE, "customdata")] = [reasons.get(d, "") for d in polygons]
    return updates


def _marks(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> dict:
    """Outlines on top: the selection (dark) and illustrative rows among real ones (orange)."""
    polygons = store.polygon_ids
    flagged = []
    if store.is_partly_illustrative(indicator.id):
        rows = {d: change.view_observations(store, indicator, view, d) for d in polygons}  # change mode: either year's
        flagged = [d for d, found in rows.items() if any(o.is_illustrative for o in found) and d != view.selected]
    selected = [view.selected] if view.selected in polygons else []
    width = 3 if ctx.style.name == "screen" else 5
    return {
        ("data", MARKS, "locations"): selected + flagged,
        ("data", MARKS, "z"): [0] * (len(selected) + len(flagged)),
        ("data", MARKS, "marker", "line", "color"): [OUTLINE_COLOR] * len(selected)
        + [ILLUSTRATIVE_LINE] * len(flagged),
        ("data", MARKS, "marker", "line", "width"): [width] * len(selected) + [max(width - 1, 2)] * len(flagged),
    }


def _layout_updates(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> dict:
    title, unit = change.view_texts(indicator, view, ctx)
    frame = ctx.layout(title, unit, illustrative=store.shows_illustrative([indicator.id]))
    source = provenance_annotations(store, [indicator], ctx, fraction=0.85)[-1]
    frame["annotations"] = [source]
    place_footer(frame, ctx.style, axis_room=FOOTER_GAP)
    axis, cmin, cmax = change.view_scale(store, indicator, view)
    partly = store.is_partly_illustrative(indicator.id)
    return {
        ("data", VALUES, "coloraxis"): axis,
        ("layout", axis, "cmin"): cmin,
        ("layout", axis, "cmax"): cmax,
        ("layout", axis, "colorbar", "title", "text"): colorbar_title(unit, ctx),
        ("layout", axis, "colorbar", "tickformat"): f"{'+' if change.changing(view) else ''},.{indicator.decimals}f",
        ("layout", "title", "text"): frame["title"]["text"],
        ("layout", "title", "pad", "t"): frame["title"]["pad"]["t"],
        ("layout", "title", "subtitle", "text"): frame["title"]["subtitle"]["text"],
        ("layout", "margin"): frame["margin"],
        ("layout", "annotations", BADGE, "visible"): store.shows_illustrative([indicator.id]) and not partly,
        ("layout", "annotations", PARTLY, "visible"): partly,
        ("layout", "annotations", SOURCE, "text"): source["text"],
    }


def map_updates(store: DataStore, view: ViewState, ctx: RenderContext) -> dict[Path, Any]:
    """Everything on the map that depends on the view, as ``path -> value``."""
    indicator = store.indicators[view.indicator]
    polygons = store.polygon_ids
    values = change.shown_values(store, indicator, view, polygons)
    hovers = change.view_hovers(store, indicator, view, polygons, ctx, plain=True)
    focus = view.spotlit
    return {
        **_base_updates(store, indicator, values, view, ctx),
        ("data", VALUES, "z"): values,
        ("data", VALUES, "customdata"): hovers.customdata,
        ("data", VALUES, "hovertemplate"): hovers.template,
        ("data", VALUES, "selectedpoints"): [polygons.index(focus)] if focus in polygons else None,
        **_marks(store, indicator, view, ctx),
        **_points(store, indicator, view, ctx),
        ("data", LABELS, "visible"): view.labels is not False,
        **_small_updates(store, indicator, view, ctx),
        **_layout_updates(store, indicator, view, ctx),
    }


def _points(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> dict:
    """The point-drawn units (Bokhtar city): colour, outline, dimming and a finished hover."""
    ids = list(store.boundaries.points)
    values = change.shown_values(store, indicator, view, ids)
    focus = {view.selected, view.spotlit} - {None}
    _, cmin, cmax = change.view_scale(store, indicator, view)
    return {
        ("data", POINTS, "marker", "color"): [change.view_color(indicator, view, v, cmin, cmax) for v in values],
        ("data", POINTS, "marker", "opacity"): [1 if not view.spotlit or d == view.spotlit else 0.5 for d in ids],
        ("data", POINTS, "marker", "line"): {
            "width": [4 if d in focus else 1.5 for d in ids],
            "color": [OUTLINE_COLOR if d in focus else "#1f2933" for d in ids],
        },
        ("data", POINTS, "hovertext"): [_hover_text(store, indicator, view, d, ctx) for d in ids],
    }


def _small_updates(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> dict:
    """Rings at the label points of the units whose number rests on a small sample, with their hover."""
    places = label_positions(store)
    small = change.small_sample_units(store, indicator, view, [d for d in store.units if d in places])
    return {
        ("data", SMALL, "lon"): [places[d][0] for d in small],
        ("data", SMALL, "lat"): [places[d][1] for d in small],
        ("data", SMALL, "customdata"): small,
        ("data", SMALL, "hovertext"): ["<br>".join(change.unit_hover(store, indicator, view, d, ctx)) for d in small],
    }


def _small_trace(ctx: RenderContext) -> dict:
    """Hollow dark rings (DESIGN §5: small sample), filled in by :func:`map_updates`."""
    screen = ctx.style.name == "screen"
    return {
        "type": "scattergeo",
        "mode": "markers",
        "name": ctx.t("small sample"),
        "lon": [],
        "lat": [],
        "marker": {"symbol": "circle-open", "size": 26 if screen else 40, "color": OUTLINE_COLOR, "line": {"width": 2}},
        "hovertemplate": "%{hovertext}" + EXTRA,
        "showlegend": False,
    }


def _points_trace(store: DataStore, ctx: RenderContext) -> dict:
    points = store.boundaries.points
    return {
        "type": "scattergeo",
        "name": ctx.t("Bokhtar city (point)"),
        "mode": "markers+text",
        "lon": [points[d][0] for d in points],
        "lat": [points[d][1] for d in points],
        "customdata": list(points),
        "text": [unit_name(store.units[d], ctx, with_type=False) for d in points],
        "textposition": "middle right",
        "textfont": {"size": ctx.style.small_size + 1, "color": ctx.style.text_color},
        "marker": {"symbol": "circle", "size": 16 if ctx.style.name == "screen" else 26},
        "hovertemplate": "<b>%{text}</b><br>%{hovertext}" + EXTRA,
        "showlegend": False,
    }


@functools.lru_cache(maxsize=8)
def label_positions(store: DataStore) -> dict[str, tuple[float, float]]:
    """Where each unit's name is written (nudged off its neighbours' in the crowded centre); the point
    units (Bokhtar city) at their point."""
    points = store.boundaries.label_points()
    found = {
        d: (p[0] + LABEL_NUDGES.get(d, (0, 0))[0], p[1] + LABEL_NUDGES.get(d, (0, 0))[1]) for d, p in points.items()
    }
    return {**found, **store.boundaries.points}


def _labels(store: DataStore, ctx: RenderContext) -> dict:
    """District names at a point well inside each polygon, in the page's language (no hover).

    Small districts get the short form of their name, and a few in the crowded centre are nudged
    off their neighbours' names. Larger districts come first: on a small map the browser drops the
    names that would overlap one already written (``assets/dashboard.js``, declutter), keeping the
    selected district's and the larger ones.
    """
    places = label_positions(store)
    areas = store.boundaries.areas()
    ids = sorted((d for d in store.polygon_ids if d in places), key=lambda d: -areas[d])
    size = ctx.style.small_size if ctx.style.name == "screen" else ctx.style.small_size - 2

    def text(unit_id: str) -> str:
        name = unit_name(store.units[unit_id], ctx, with_type=False)
        return short_name(name) if areas[unit_id] < SMALL_AREA or len(name) > 14 else wrap(name, 11)

    return {
        "type": "scattergeo",
        "mode": "text",
        "lon": [places[d][0] for d in ids],
        "lat": [places[d][1] for d in ids],
        "text": [text(d) for d in ids],
        "customdata": ids,  # the browser keeps the selected district's name when names collide
        "textfont": {
            "size": max(size, 10),
            "color": "#102a43",
            "shadow": "0 0 2px #ffffff, 0 0 3px #ffffff, 0 0 4px #ffffff",  # a halo: readable on dark fills
        },
        "hoverinfo": "skip",
        "showlegend": False,
        "name": ctx.t("District names"),
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
        "text": wrap(ctx.t("© OpenStreetMap contributors; geoBoundaries (ODbL)"), ctx.chars(ctx.style.small_size, 0.9)),
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
        "hoverlabel": {"namelength": 0},  # no trace name box: the templates need no <extra> tag
    }
    return {**trace, **extra}


def map_figure(store: DataStore, view: ViewState, ctx: RenderContext, geojson_url: str) -> dict:
    """The complete map figure (as a plain dict, ready for ``dcc.Graph``)."""
    polygons = store.polygon_ids
    names = [f"<b>{place_title(store, d, None, ctx)}</b>" for d in polygons]
    thin = {"color": "#ffffff", "width": 0.8}
    source = {**provenance_annotations(store, [], ctx)[-1], "yshift": -FOOTER_GAP}
    full, partly = ctx.t("Illustrative data — not official statistics"), partly_text(ctx)
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
            ),
            _choropleth(
                ctx.t("District value"),
                geojson_url,
                polygons,
                thin,
                text=names,
                coloraxis="coloraxis",
                # the spotlight: plotly draws a choropleth's per-location opacity only through selection
                unselected={"marker": {"opacity": DIMMED_OPACITY}},
                selected={"marker": {"opacity": 1}},
            ),
            _choropleth(
                ctx.t("Selected"),
                geojson_url,
                [],
                {"color": [], "width": []},
                z=[],
                colorscale=TRANSPARENT,
                showscale=False,
                hoverinfo="skip",
            ),
            _points_trace(store, ctx),
            _labels(store, ctx),
            _small_trace(ctx),
        ],
        "layout": {
            **ctx.layout(""),
            "geo": {
                **_frame(store),
                "visible": False,
                "projection": {"type": "mercator"},
                "bgcolor": "rgba(0,0,0,0)",
                "domain": {"x": [0, round(1 - colorbar_px(ctx) / ctx.width, 3)], "y": [0, 1]},
            },
            "coloraxis": {"colorscale": SEQUENTIAL_SCALE, "colorbar": colorbar_style(ctx)},
            "coloraxis2": {"colorscale": DIVERGING_SCALE, "cmid": 0, "colorbar": colorbar_style(ctx)},
            "annotations": [
                {
                    **illustrative_mark(full, ctx.style, badge_wrap(ctx.style, ctx.width, len(full) + 2)),
                    "visible": False,
                },
                {
                    **illustrative_mark(partly, ctx.style, badge_wrap(ctx.style, ctx.width, len(partly) + 2)),
                    "visible": False,
                    "name": "partly-illustrative",
                },
                source,
                _attribution(ctx),
            ],
            "uirevision": "map",
            "clickmode": "event",
            "dragmode": False,
        },
    }
    apply_updates(figure, map_updates(store, view, ctx))
    return figure


def compact(updates: Mapping[Path, Any]) -> list[list]:
    """Updates as ``[["data.1.z", value], ...]``: what crosses the wire (the browser applies them as a Patch)."""
    return [[".".join(map(str, path)), value] for path, value in updates.items()]


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
