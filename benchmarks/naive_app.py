"""A deliberately naive Dash app over the same data, for ``make bench`` to compare against.

"Full figure per callback": one callback (indicator, year, map click) returns the whole map as a
``go.Choropleth`` with the district polygons inline and every hover text built on the server, each
time (no ``dash.Patch``, no geometry by URL, no partial plotly.js bundle: plain Dash defaults).

Only three things are not naive, because without them the comparison would not run or not be fair:

* it is offline like the real app (DESIGN §6): plotly's world topojson is the repo's empty stub,
  served at ``/topojson/`` (the assets folder is ``assets/topojson``, which holds only that stub);
* responses are compressed (``compress=True``), as the real app's are, so that the comparison
  measures what is sent rather than whether it is compressed;
* the page is served once before gunicorn forks, so that every worker can serve Dash's scripts.

Serve it as production serves the real app: ``gunicorn -c python:dashboard.gunicorn_conf
benchmarks.naive_app:server`` from the repository's root (``benchmarks/bench.py`` does).
"""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
from dash import Dash, Input, Output, dcc, html

from dashboard.data import load_store
from dashboard.data.model import Scale
from dashboard.figures import RenderContext
from dashboard.figures.labels import hover_lines
from dashboard.figures.map import color_range
from dashboard.figures.style import DIVERGING_SCALE, SEQUENTIAL_SCALE
from dashboard.settings import Settings
from dashboard.state import clean_unit, default_state

REPO = Path(__file__).resolve().parent.parent
STUB_FOLDER = REPO / "assets" / "topojson"  # holds only world_110m.json, the empty Topology

store = load_store(Settings.from_env().data_dir)
GEOJSON = json.loads(store.geojson)  # the real app's boundaries: exterior rings already clockwise
INDICATORS = store.district_indicators()
YEARS = sorted({year for indicator in INDICATORS for year in store.years(indicator.id)})
DEFAULT = default_state(store)
CTX = RenderContext()


def map_figure(indicator_id: str, year: int, selected: str | None) -> go.Figure:
    """The whole map, geometry included, rebuilt from scratch."""
    indicator = store.indicators[indicator_id]
    ids = list(store.polygon_ids)
    values = []
    for unit in ids:
        observation = store.observation(indicator.id, unit, year)
        values.append(None if observation is None else observation.value)
    hovers = ["<br>".join(hover_lines(store, indicator, unit, year, CTX)) for unit in ids]
    low, high = color_range(store, indicator)
    diverging = indicator.scale is Scale.DIVERGING
    figure = go.Figure(
        go.Choropleth(
            geojson=GEOJSON,
            featureidkey="id",
            locations=ids,
            z=values,
            zmin=low,
            zmax=high,
            colorscale=DIVERGING_SCALE if diverging else SEQUENTIAL_SCALE,
            customdata=ids,
            text=hovers,
            hoverinfo="text",
            marker_line_color=["#111111" if unit == selected else "#ffffff" for unit in ids],
            marker_line_width=[3 if unit == selected else 0.8 for unit in ids],
            colorbar_title_text=indicator.unit,
        )
    )
    figure.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    figure.update_layout(
        title_text=f"{indicator.label}, {year}",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=560,
        clickmode="event",
        dragmode=False,
    )
    return figure


app = Dash(
    __name__,
    title="Khatlon Migration Dashboard (naive comparison)",
    assets_folder=str(STUB_FOLDER),
    assets_url_path="topojson",
    compress=True,
)
app.layout = html.Div(
    [
        html.H1("Khatlon Migration Dashboard (naive: full figure per callback)"),
        dcc.Dropdown(
            id="indicator",
            options=[{"label": indicator.label, "value": indicator.id} for indicator in INDICATORS],
            value=DEFAULT.indicator,
            clearable=False,
        ),
        dcc.Slider(
            id="year",
            min=YEARS[0],
            max=YEARS[-1],
            step=None,
            marks={year: str(year) for year in YEARS},
            value=DEFAULT.year,
        ),
        dcc.Graph(id="map", config={"topojsonURL": app.get_relative_path("/topojson/")}),
    ]
)


@app.callback(Output("map", "figure"), Input("indicator", "value"), Input("year", "value"), Input("map", "clickData"))
def draw(indicator_id: str, year: int, click: dict | None) -> go.Figure:
    if indicator_id not in store.indicators:
        indicator_id = DEFAULT.indicator
    selected = None
    if click and click.get("points"):
        selected = clean_unit(store, click["points"][0].get("customdata") or click["points"][0].get("location"))
    return map_figure(indicator_id, int(year or DEFAULT.year), selected)


server = app.server
# Dash registers its script paths when it first serves the page, in that process only; with several
# gunicorn workers a worker that never served it answers 500 for the scripts. Serve it once here,
# before the workers fork (``preload_app``), as the real app's ``warm_up`` does.
server.test_client().get("/")
