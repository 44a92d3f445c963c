"""The map figure: offline geometry by URL, grey districts without data, Bokhtar's point, four-line hovers."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest
from dash._utils import to_json

from dashboard.data import DataStore
from dashboard.data.model import Scale
from dashboard.figures import RenderContext, apply_updates, map_figure, map_updates, projector
from dashboard.figures.diff import apply_pairs, figure_diff
from dashboard.figures.map import BADGE, BASE, LABELS, MARKS, PARTLY, POINTS, SMALL, VALUES, color_range, compact
from dashboard.figures.style import (
    DIMMED_OPACITY,
    DIVERGING_SCALE,
    ILLUSTRATIVE_LINE,
    LIGHT_END,
    NO_DATA_COLOR,
    OUTLINE_COLOR,
    SEQUENTIAL_SCALE,
)
from dashboard.state import Mode, ViewState

from ..conftest import store_with
from .hovertext import lines
from .test_change import SHARE, change_view, edited, small_samples

URL = "/geo/boundaries.0123456789abcdef.json"
EN = RenderContext("en")


def build(store: DataStore, indicator="hh_member_abroad_pct", year=2024, ctx=EN, **view) -> dict:
    return map_figure(store, ViewState(indicator, year, **view), ctx, URL)


def hover_of(figure: dict, unit_id: str, trace: int = VALUES) -> list[str]:
    index = figure["data"][trace]["locations"].index(unit_id)
    return lines(figure["data"][trace], index, figure["layout"]["separators"])


def test_figure_is_valid_plotly_with_no_tiles(store: DataStore) -> None:
    figure = build(store)
    go.Figure(figure)  # raises on any invalid property
    types = [trace["type"] for trace in figure["data"]]
    assert types == ["choropleth"] * 3 + ["scattergeo"] * 3  # points, labels, small-sample rings
    assert figure["layout"]["geo"]["visible"] is False
    assert all(trace.get("geojson") == URL for trace in figure["data"] if trace["type"] == "choropleth")


def test_every_polygon_has_its_place_and_missing_values_are_grey(store: DataStore) -> None:
    full = build(store)
    assert len(full["data"][VALUES]["locations"]) == 24 and None not in full["data"][VALUES]["z"]
    population = build(store, "population", 2020)
    values = dict(zip(population["data"][VALUES]["locations"], population["data"][VALUES]["z"]))
    assert {d for d, v in values.items() if v is None} == {"vose", "qubodiyon"}  # not drawn: the grey base shows
    base = dict(zip(population["data"][BASE]["locations"], population["data"][BASE]["z"]))
    assert base["vose"] == 1 and base["dusti"] == 0
    assert population["data"][BASE]["colorscale"] == [[0, LIGHT_END], [1, NO_DATA_COLOR]]
    assert hover_of(population, "vose", BASE) == ["<b>Vose</b>", "No data for 2020"]


def test_hover_has_four_lines_name_value_interval_status(store: DataStore) -> None:
    figure = build(store)
    row = store.observation("hh_member_abroad_pct", "dusti", 2024)
    assert hover_of(figure, "dusti") == [
        "<b>Dusti (formerly Jilikul)</b>",
        f"{row.value:.1f} % of households · 2024",
        f"model interval {row.lower:.1f}–{row.upper:.1f}",
        "⚠ Illustrative: not official statistics",
    ]
    official = build(store, "population", 2020)
    assert hover_of(official, "dusti") == [
        "<b>Dusti (formerly Jilikul)</b>",
        "117,100 persons · 2020",
        "Statistics Agency of Tajikistan (estimate for 1 January 2020)",
    ]


def test_hover_never_shows_a_file_path(store: DataStore) -> None:
    for indicator in store.district_indicators():
        figure = build(store, indicator.id, store.years(indicator.id)[-1])
        text = json.dumps([figure["data"][VALUES]["hovertemplate"], figure["data"][VALUES]["customdata"]])
        assert ".py" not in text and "data/" not in text, indicator.id


def test_the_census_counts_bokhtar_with_kushoniyon(store: DataStore) -> None:
    figure = build(store, "population_census", 2020)
    assert hover_of(figure, "kushoniyon")[2] == "Kushoniyon + Bokhtar (city): one figure, counted together"
    points = figure["data"][POINTS]
    assert points["hovertext"][0].split("<br>")[0] == "counted with Kushoniyon: 378,609 persons together"
    assert points["marker"]["color"] == [NO_DATA_COLOR]


def test_bokhtar_is_a_marker_with_its_own_value(store: DataStore) -> None:
    points = build(store)["data"][POINTS]
    assert points["customdata"] == ["bokhtar"]
    assert points["lon"] == [pytest.approx(68.78028)] and points["lat"] == [pytest.approx(37.83639)]
    value = store.observation("hh_member_abroad_pct", "bokhtar", 2024).value
    assert f"{value:.1f} % of households" in points["hovertext"][0]
    assert points["marker"]["color"][0] != NO_DATA_COLOR


def test_colour_scale_is_sequential_with_unit_title_and_stable_across_years(store: DataStore) -> None:
    axis = build(store, year=2019)["layout"]["coloraxis"]
    assert axis["colorscale"] == SEQUENTIAL_SCALE
    assert axis["colorbar"]["title"]["text"].replace("<br>", " ") == "% of households"
    assert (axis["cmin"], axis["cmax"]) == color_range(store, store.indicators["hh_member_abroad_pct"])
    assert build(store, year=2024)["layout"]["coloraxis"]["cmin"] == axis["cmin"]


def test_a_change_indicator_gets_a_diverging_scale_centred_on_zero(store: DataStore) -> None:
    diverging = store_with(store, hh_member_abroad_pct={"scale": Scale.DIVERGING})
    figure = build(diverging)
    axis = figure["layout"]["coloraxis2"]
    assert figure["data"][VALUES]["coloraxis"] == "coloraxis2"
    assert axis["colorscale"] == DIVERGING_SCALE and axis["cmid"] == 0 and axis["cmin"] == -axis["cmax"]


def test_illustrative_mark_and_attribution(store: DataStore) -> None:
    annotations = build(store)["layout"]["annotations"]
    assert [a.get("name") for a in annotations] == [
        "illustrative-mark",
        "partly-illustrative",
        "source-line",
        "attribution",
    ]
    assert annotations[BADGE]["visible"] is True and "Illustrative data" in annotations[BADGE]["text"]
    assert build(store, "population", 2020)["layout"]["annotations"][BADGE]["visible"] is False


def test_spotlight_dims_within_the_scale_and_outlines_the_district(store: DataStore) -> None:
    figure = build(store, selected="dusti", spotlight=True)
    values = figure["data"][VALUES]
    # plotly draws per-location opacity of a choropleth only through selection (not marker.opacity arrays)
    assert [values["locations"][i] for i in values["selectedpoints"]] == ["dusti"]
    assert values["unselected"]["marker"]["opacity"] == DIMMED_OPACITY
    assert set(figure["data"][BASE]["z"]) == {0}  # under the dimmed colours: the scale's light end, not white or grey
    assert figure["data"][MARKS]["locations"] == ["dusti"]
    assert build(store, selected="dusti")["data"][VALUES].get("selectedpoints") is None  # selected, not spotlit


def test_selected_district_is_outlined(store: DataStore) -> None:
    marks = build(store, selected="dusti")["data"][MARKS]
    assert marks["locations"] == ["dusti"] and marks["marker"]["line"]["color"] == [OUTLINE_COLOR]
    assert build(store)["data"][MARKS]["locations"] == []
    assert build(store, selected="bokhtar")["data"][POINTS]["marker"]["line"]["width"] == [4]


def test_survey_rows_among_model_rows_are_marked_one_by_one(mixed_store: DataStore) -> None:
    figure = build(mixed_store)
    marks = figure["data"][MARKS]
    flagged = {d for d, c in zip(marks["locations"], marks["marker"]["line"]["color"]) if c == ILLUSTRATIVE_LINE}
    assert len(flagged) == 24 - 3 and not flagged & {"dusti", "kulob", "baljuvon"}
    assert hover_of(figure, "dusti")[-1] == "Survey estimate · Test survey 2024"
    assert hover_of(figure, "dusti")[2] == "95% interval 44.1–50.9 · n = 612"
    assert hover_of(figure, "vakhsh")[-1] == "⚠ Illustrative: not official statistics"
    assert hover_of(figure, "baljuvon")[2] == "95% interval 38.1–71.9 · small sample (n = 24): read with care"
    badge, partly = figure["layout"]["annotations"][BADGE], figure["layout"]["annotations"][PARTLY]
    assert partly["visible"] is True and "Partly illustrative" in partly["text"] and badge["visible"] is False


def test_district_names_are_on_the_map_in_the_page_language(store: DataStore) -> None:
    figure = build(store, labels=True)
    layer = figure["data"][LABELS]
    assert layer["visible"] is True and "Dusti" in layer["text"] and len(layer["text"]) == 24
    assert build(store, labels=False)["data"][LABELS]["visible"] is False
    russian = build(store, ctx=RenderContext("ru"), labels=True)["data"][LABELS]["text"]
    assert "Дусти" in russian and "Куляб" in russian


def test_updates_touch_no_geometry_and_stay_under_2_kb(store: DataStore) -> None:
    view = ViewState("coverage_medical_pct", 2021, "kulob")
    updates = map_updates(store, view, EN)
    assert not any("geojson" in path or path[1:3] in ((VALUES, "locations"), (BASE, "locations")) for path in updates)
    pairs = compact(updates)  # what the drawing callback sends
    assert len(to_json(pairs).encode("utf-8")) <= 2_000  # decoded bytes of the map's update, as Dash writes them
    figure = build(store)
    apply_updates(figure, updates)
    assert figure["layout"]["title"]["text"].startswith("Coverage: medical care, 2021")
    assert figure["data"][VALUES]["geojson"] == URL


def test_projector_type_scales_with_the_screen(store: DataStore) -> None:
    small = build(store, ctx=RenderContext("en", projector(1280, 720)))
    large = build(store, ctx=RenderContext("en", projector(1920, 1080)))
    assert small["layout"]["title"]["font"]["size"] < large["layout"]["title"]["font"]["size"]
    assert small["data"][POINTS]["textfont"]["size"] >= 16


# ------------------------------------------------------------------------------ change over time


def sign(value: float) -> str:
    return ("+" if value > 0 else "−") + f"{abs(value):.1f}"


def test_change_mode_colours_the_differences_on_the_diverging_axis(store: DataStore) -> None:
    rows = edited(store, {(SHARE, "dusti", 2019): None})  # one unit without a change
    figure = map_figure(rows, change_view(), EN, URL)
    go.Figure(figure)
    values = figure["data"][VALUES]
    for unit_id, z in zip(values["locations"], values["z"]):
        before, after = rows.observation(SHARE, unit_id, 2019), rows.observation(SHARE, unit_id, 2024)
        assert z == (None if before is None else after.value - before.value), unit_id
    assert values["coloraxis"] == "coloraxis2"
    axis = figure["layout"]["coloraxis2"]
    assert axis["colorscale"] == DIVERGING_SCALE and axis["cmid"] == 0
    assert axis["cmin"] == -axis["cmax"] and axis["cmax"] >= max(abs(z) for z in values["z"] if z is not None)
    assert axis["colorbar"]["title"]["text"].replace("<br>", " ") == "percentage points"
    assert axis["colorbar"]["tickformat"] == "+,.1f"
    assert figure["layout"]["title"]["text"].replace("<br>", " ") == (
        "Change in Households with a member working abroad, 2019 to 2024"
    )
    base = dict(zip(figure["data"][BASE]["locations"], figure["data"][BASE]["z"]))
    assert base["dusti"] == 1 and base["kulob"] == 0
    assert hover_of(figure, "dusti", BASE) == [
        "<b>Dusti (formerly Jilikul)</b>",
        "No change to show",
        "No data for 2019",
    ]


def test_change_mode_hover_gives_both_years_and_an_approximate_interval(store: DataStore) -> None:
    figure = build(store, mode=Mode.CHANGE, from_year=2019)
    before, after = (store.observation(SHARE, "kulob", y) for y in (2019, 2024))
    hover = hover_of(figure, "kulob")
    assert hover[0] == "<b>Kulob (city)</b>"
    assert hover[1] == f"{sign(after.value - before.value)} pp (2019: {before.value:.1f}% → 2024: {after.value:.1f}%)"
    assert hover[2].startswith("approx. model interval ")
    assert hover[3] == "⚠ Illustrative: not official statistics"
    points = figure["data"][POINTS]
    b19, b24 = (store.observation(SHARE, "bokhtar", y).value for y in (2019, 2024))
    assert points["hovertext"][0].startswith(f"{sign(b24 - b19)} pp (2019: {b19:.1f}% → 2024: {b24:.1f}%)")
    assert points["marker"]["color"][0] != NO_DATA_COLOR


def test_switching_between_value_and_change_mode_by_pairs_gives_the_whole_figure(store: DataStore) -> None:
    value, change = (json.loads(json.dumps(f)) for f in (build(store), build(store, mode=Mode.CHANGE, from_year=2019)))
    assert apply_pairs(json.loads(json.dumps(value)), figure_diff(value, change)) == change
    assert apply_pairs(json.loads(json.dumps(change)), figure_diff(change, value)) == value
    for view in (ViewState(SHARE, 2024), change_view()):  # the rings are set in every update, even when none
        assert {("data", SMALL, "lon"), ("data", SMALL, "lat")} <= set(map_updates(store, view, EN))


# ------------------------------------------------------------------------------ small samples


def rings(figure: dict) -> dict[str, tuple[float, float]]:
    trace = figure["data"][SMALL]
    return {d: (lon, lat) for d, lon, lat in zip(trace["customdata"], trace["lon"], trace["lat"])}


def label_point(figure: dict, unit_id: str) -> tuple[float, float]:
    for trace in (figure["data"][LABELS], figure["data"][POINTS]):
        if unit_id in trace["customdata"]:
            index = trace["customdata"].index(unit_id)
            return trace["lon"][index], trace["lat"][index]
    raise KeyError(unit_id)


def test_small_samples_get_a_hollow_ring_at_their_label_point(store: DataStore) -> None:
    small = small_samples(store)
    figure = map_figure(small, ViewState(SHARE, 2024), EN, URL)
    go.Figure(figure)
    trace = figure["data"][SMALL]
    assert trace["type"] == "scattergeo" and trace["marker"]["symbol"] == "circle-open"
    found = rings(figure)
    assert set(found) == {"baljuvon", "bokhtar", "khuroson"}  # not Kulob (small in 2019 only), not Dusti (suppressed)
    assert all(found[d] == label_point(figure, d) for d in found)  # Bokhtar city: around its point
    hover = trace["hovertext"][trace["customdata"].index("baljuvon")].split("<br>")
    assert hover == ["<b>Baljuvon</b>", *hover_of(figure, "baljuvon")[1:]]  # the polygon's hover
    assert "small sample (n = 24): read with care" in hover[2]
    assert rings(build(store)) == {}  # the bundled data has no small samples


def test_in_change_mode_a_small_sample_in_either_year_is_ringed(store: DataStore) -> None:
    figure = map_figure(small_samples(store), change_view(), EN, URL)
    found = rings(figure)
    assert set(found) == {"baljuvon", "bokhtar", "khuroson", "kulob"}  # Dusti: small 2019, but 2024 suppressed
    assert found["kulob"] == label_point(figure, "kulob") and found["khuroson"] == label_point(figure, "khuroson")
    kulob = figure["data"][SMALL]["hovertext"][figure["data"][SMALL]["customdata"].index("kulob")]
    assert "small sample in 2019 (n = 25): read with care" in kulob
    assert hover_of(figure, "dusti", BASE)[-1] == "too few responses in 2024 (n = 6)"
