"""The map figure: offline geometry by URL, grey districts without data, Bokhtar's point, hover."""

from __future__ import annotations

import json
from dataclasses import replace

import plotly.graph_objects as go
import pytest

from dashboard.data import DataStore
from dashboard.data.model import Scale
from dashboard.figures import SCREEN, apply_updates, map_figure, map_updates
from dashboard.figures.map import NO_DATA, POINTS, SELECTED, SPOTLIT, VALUES, color_range
from dashboard.figures.style import DIVERGING_SCALE, NO_DATA_COLOR, SEQUENTIAL_SCALE
from dashboard.i18n import translator

t = translator()
URL = "/geo/boundaries.json"


def build(store: DataStore, indicator="hh_member_abroad_pct", year=2024, selected=None, spotlight=None) -> dict:
    return map_figure(store, indicator, year, selected, t, SCREEN, URL, spotlight=spotlight)


def test_figure_is_valid_plotly_with_no_tiles(store: DataStore) -> None:
    figure = build(store)
    go.Figure(figure)  # raises on any invalid property
    types = [trace["type"] for trace in figure["data"]]
    assert types == ["choropleth", "choropleth", "scattergeo", "choropleth", "choropleth"]
    assert not any("map" in kind and kind != "choropleth" for kind in types)
    assert figure["layout"]["geo"]["visible"] is False
    assert all(trace.get("geojson") == URL for trace in figure["data"] if trace["type"] == "choropleth")


def test_all_24_polygons_are_drawn_whatever_is_missing(store: DataStore) -> None:
    full = build(store)
    assert len(full["data"][VALUES]["locations"]) == 24 and full["data"][NO_DATA]["locations"] == []
    population = build(store, "population", 2020)
    with_value = population["data"][VALUES]["locations"]
    without = population["data"][NO_DATA]["locations"]
    assert len(with_value) == 16 and len(without) == 8  # + Bokhtar (a point) = 9 units without a 2020 figure
    assert set(with_value) | set(without) == set(store.boundaries.polygons["district_id"])
    assert population["data"][NO_DATA]["colorscale"][0][1] == NO_DATA_COLOR


def test_no_data_districts_say_so_in_the_hover(store: DataStore) -> None:
    figure = build(store, "population", 2020)
    hover = dict(zip(figure["data"][NO_DATA]["locations"], figure["data"][NO_DATA]["hovertext"]))
    assert "No data for 2020" in hover["kushoniyon"]
    assert figure["data"][POINTS]["marker"]["color"] == [NO_DATA_COLOR]  # Bokhtar has no 2020 figure either


def test_hover_has_name_former_name_value_unit_year_bounds_and_source(store: DataStore) -> None:
    figure = build(store)
    hover = dict(zip(figure["data"][VALUES]["locations"], figure["data"][VALUES]["hovertext"]))["dusti"]
    row = store.observation("hh_member_abroad_pct", "dusti", 2024)
    assert "<b>Dusti — formerly Jilikul (renamed 2016)</b>" in hover
    assert f"<b>{row.value:.1f} % of households</b> · 2024" in hover
    assert f"95% interval {row.lower:.1f}–{row.upper:.1f}" in hover and f"n = {row.sample_size:,}" in hover
    assert "Source: Illustrative figures" in hover and "ILLUSTRATIVE — not official statistics" in hover


def test_bokhtar_is_a_marker_with_its_own_value(store: DataStore) -> None:
    figure = build(store)
    points = figure["data"][POINTS]
    assert points["customdata"] == ["bokhtar"]
    assert points["lon"] == [pytest.approx(68.78028)] and points["lat"] == [pytest.approx(37.83639)]
    value = store.observation("hh_member_abroad_pct", "bokhtar", 2024).value
    assert f"{value:.1f} % of households" in points["hovertext"][0]
    assert points["marker"]["color"][0] != NO_DATA_COLOR


def test_colour_scale_is_sequential_with_unit_title_and_stable_across_years(store: DataStore) -> None:
    figure = build(store, year=2019)
    axis = figure["layout"]["coloraxis"]
    assert axis["colorscale"] == SEQUENTIAL_SCALE
    assert axis["colorbar"]["title"]["text"] == "% of households"
    assert (axis["cmin"], axis["cmax"]) == color_range(store, store.indicators["hh_member_abroad_pct"])
    assert build(store, year=2024)["layout"]["coloraxis"]["cmin"] == axis["cmin"]


def test_a_change_indicator_gets_a_diverging_scale_centred_on_zero(store: DataStore) -> None:
    indicator = replace(store.indicators["hh_member_abroad_pct"], scale=Scale.DIVERGING)
    diverging = DataStore(
        list(store.districts.values()),
        {**store.indicators, indicator.id: indicator},
        _all_values(store),
        store.boundaries,
        store.resolver,
    )
    axis = build(diverging)["layout"]["coloraxis"]
    assert axis["colorscale"] == DIVERGING_SCALE and axis["cmid"] == 0 and axis["cmin"] == -axis["cmax"]


def _all_values(store: DataStore):
    import pandas as pd

    frames = []
    for indicator_id in store.indicators:
        rows = store.rows(indicator_id)
        rows.insert(1, "indicator", indicator_id)
        frames.append(rows)
    return pd.concat(frames, ignore_index=True)


def test_illustrative_mark_and_attribution(store: DataStore) -> None:
    names = [a.get("name") for a in build(store)["layout"]["annotations"]]
    assert "illustrative-mark" in names and "attribution" in names and "source-line" in names
    official = [a.get("name") for a in build(store, "population", 2020)["layout"]["annotations"]]
    assert "illustrative-mark" not in official and "attribution" in official


def test_spotlight_dims_everything_else(store: DataStore) -> None:
    figure = build(store, selected="dusti", spotlight="dusti")
    assert figure["data"][SPOTLIT]["locations"] == ["dusti"] and "dusti" not in figure["data"][VALUES]["locations"]
    assert figure["data"][VALUES]["marker"]["opacity"] < 0.5 and figure["data"][SPOTLIT]["coloraxis"] == "coloraxis"
    assert figure["data"][SELECTED]["marker"]["line"]["width"] == 5
    assert figure["data"][POINTS]["marker"]["opacity"] == [pytest.approx(0.35)]
    plain = build(store, selected="dusti")
    assert plain["data"][SPOTLIT]["locations"] == [] and plain["data"][VALUES]["marker"]["opacity"] == 1.0


def test_selected_district_is_outlined(store: DataStore) -> None:
    assert build(store, selected="dusti")["data"][SELECTED]["locations"] == ["dusti"]
    assert build(store)["data"][SELECTED]["locations"] == []
    marker = build(store, selected="bokhtar")["data"][POINTS]["marker"]
    assert marker["line"]["width"] == [4]


def test_updates_touch_no_geometry_and_stay_small(store: DataStore) -> None:
    updates = map_updates(store, "coverage_medical_pct", 2021, "kulob", t, SCREEN)
    assert not any("geojson" in path for path in updates)
    size = len(json.dumps({"/".join(map(str, k)): v for k, v in updates.items()}))
    assert size < 15_000  # uncompressed; the geometry alone is ~34 kB
    figure = build(store)
    apply_updates(figure, updates)
    assert figure["layout"]["title"]["text"].startswith("<b>Coverage: medical care, 2021")
    assert figure["data"][VALUES]["geojson"] == URL
