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

Layout annotations: 0 the illustrative badge (hidden when no number is illustrative), 1 the source
line, 2 the boundaries' attribution.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..data import DataStore, Indicator
from ..data.quality import shown_value
from ..state import ViewState
from .colorscale import color_axis, color_range, colorbar_px, colorbar_style, colorbar_title, point_color
from .hover import EXTRA, point_hovers
from .labels import hover_lines, place_title, unit_name, unit_text
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

BASE, VALUES, MARKS, POINTS, LABELS = range(5)
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


def _values(store: DataStore, indicator: Indicator, ids: list[str], year: int) -> list[float | None]:
    return [shown_value(indicator, store.observation(indicator.id, d, year)) for d in ids]


def _base_updates(store: DataStore, indicator: Indicator, values: list, year: int, ctx: RenderContext) -> dict:
    """Grey where there is no value; the hover of those polygons says why (no data, counted elsewhere...)."""
    polygons = store.polygon_ids
    missing = [d for d, v in zip(polygons, values) if v is None]
    reasons = {d: "<br>".join(hover_lines(store, indicator, d, year, ctx)[1:]) for d in missing}
    plain = ctx.t("No data for {year}", year=year)
    updates: dict[Path, Any] = {("data", BASE, "z"): [1 if v is None else 0 for v in values]}
    if all(reason == plain for reason in reasons.values()):
        updates[("data", BASE, "hovertemplate")] = f"%{{text}}<br>{plain}"
    else:
        updates[("data", BASE, "hovertemplate")] = "%{text}<br>%{customdata}"
        updates[("data", BASE, "customdata")] = [reasons.get(d, "") for d in polygons]
    return updates


def _marks(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext) -> dict:
    """Outlines on top: the selection (dark) and illustrative rows among real ones (orange)."""
    polygons = store.polygon_ids
    flagged = []
    if store.is_partly_illustrative(indicator.id):
        observations = {d: store.observation(indicator.id, d, view.year) for d in polygons}
        flagged = [d for d, o in observations.items() if o is not None and o.is_illustrative and d != view.selected]
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
    frame = ctx.layout(
        ctx.t("{label}, {year}", label=ctx.text(indicator, "label"), year=view.year),
        unit_text(indicator, ctx),
        illustrative=store.shows_illustrative([indicator.id]),
    )
    source = provenance_annotations(store, [indicator], ctx, fraction=0.85)[-1]
    frame["annotations"] = [source]
    place_footer(frame, ctx.style, axis_room=FOOTER_GAP)
    cmin, cmax = color_range(store, indicator)
    partly = store.is_partly_illustrative(indicator.id)
    axis = color_axis(indicator)
    return {
        ("data", VALUES, "coloraxis"): axis,
        ("layout", axis, "cmin"): cmin,
        ("layout", axis, "cmax"): cmax,
        ("layout", axis, "colorbar", "title", "text"): colorbar_title(unit_text(indicator, ctx), ctx),
        ("layout", axis, "colorbar", "tickformat"): f",.{indicator.decimals}f",
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
    values = _values(store, indicator, polygons, view.year)
    hovers = point_hovers(store, indicator, polygons, view.year, ctx, plain=True)
    focus = view.spotlit
    cmin, cmax = color_range(store, indicator)
    return {
        **_base_updates(store, indicator, values, view.year, ctx),
        ("data", VALUES, "z"): values,
        ("data", VALUES, "customdata"): hovers.customdata,
        ("data", VALUES, "hovertemplate"): hovers.template,
        ("data", VALUES, "selectedpoints"): [polygons.index(focus)] if focus in polygons else None,
        **_marks(store, indicator, view, ctx),
        **_points(store, indicator, view, ctx, cmin, cmax),
        ("data", LABELS, "visible"): view.labels is not False,
        **_layout_updates(store, indicator, view, ctx),
    }


def _points(store: DataStore, indicator: Indicator, view: ViewState, ctx: RenderContext, cmin, cmax) -> dict:
    """The point-drawn units (Bokhtar city): colour, outline, dimming and a finished hover."""
    ids = list(store.boundaries.points)
    values = _values(store, indicator, ids, view.year)
    focus = {view.selected, view.spotlit} - {None}
    return {
        ("data", POINTS, "marker", "color"): [point_color(indicator, v, cmin, cmax) for v in values],
        ("data", POINTS, "marker", "opacity"): [1 if not view.spotlit or d == view.spotlit else 0.5 for d in ids],
        ("data", POINTS, "marker", "line"): {
            "width": [4 if d in focus else 1.5 for d in ids],
            "color": [OUTLINE_COLOR if d in focus else "#1f2933" for d in ids],
        },
        ("data", POINTS, "hovertext"): ["<br>".join(hover_lines(store, indicator, d, view.year, ctx)[1:]) for d in ids],
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


def short_name(name: str) -> str:
    """``Abdurahmoni Jomi`` -> ``A. Jomi`` (as Tajik tables write it: ``А. Ҷомӣ``); one word stays whole."""
    words = name.split()
    if len(words) < 2:
        return name
    first = words[0][:2] if words[0][:2].lower() in ("sh", "ш") else words[0][0]
    return f"{first}. {' '.join(words[1:])}"


def _labels(store: DataStore, ctx: RenderContext) -> dict:
    """District names at a point well inside each polygon, in the page's language (no hover).

    Small districts get the short form of their name, and a few in the crowded centre are nudged
    off their neighbours' names. Larger districts come first: on a small map the browser drops the
    names that would overlap one already written (``assets/dashboard.js``, declutter), keeping the
    selected district's and the larger ones.
    """
    points = store.boundaries.label_points()
    areas = store.boundaries.areas()
    ids = sorted((d for d in store.polygon_ids if d in points), key=lambda d: -areas[d])
    size = ctx.style.small_size if ctx.style.name == "screen" else ctx.style.small_size - 2

    def text(unit_id: str) -> str:
        name = unit_name(store.units[unit_id], ctx, with_type=False)
        return short_name(name) if areas[unit_id] < SMALL_AREA or len(name) > 14 else wrap(name, 11)

    def position(unit_id: str) -> tuple[float, float]:
        nudge = LABEL_NUDGES.get(unit_id, (0, 0))
        return points[unit_id][0] + nudge[0], points[unit_id][1] + nudge[1]

    return {
        "type": "scattergeo",
        "mode": "text",
        "lon": [position(d)[0] for d in ids],
        "lat": [position(d)[1] for d in ids],
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
