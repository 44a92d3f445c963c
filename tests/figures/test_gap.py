"""The coverage-gap map: tertile classes, the 3 x 3 palette, the cells, hovers, the named units and the layout."""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import pytest

from dashboard.data import DataStore
from dashboard.data.model import Status, UnitType
from dashboard.data.quality import shown_value
from dashboard.figures import RenderContext, projector
from dashboard.figures.bivariate import PALETTE, cell, classify, color, discrete_colorscale, tertile_breaks
from dashboard.figures.gap import BASE, CELLS, LABELS, MARKS, POINTS, SMALL, assumed_height, gap_figure, gap_year
from dashboard.figures.map import label_positions
from dashboard.figures.style import NO_DATA_COLOR, OUTLINE_COLOR
from dashboard.state import ViewState

from ..conftest import store_frame
from .hovertext import lines

URL = "/geo/boundaries.0123456789abcdef.json"
EN = RenderContext("en", width=1366)
NEED, SERVICE = "children_parent_abroad_pct", "coverage_psychosocial_pct"


def build(store: DataStore, year: int = 2024, ctx: RenderContext = EN, need=NEED, service=SERVICE, **view) -> dict:
    return gap_figure(store, ViewState("hh_member_abroad_pct", year, need=need, service=service, **view), ctx, URL)


def variant(store: DataStore, drop=(), suppress=(), official=()) -> DataStore:
    """The store with 2024 rows removed or given n = 5 (suppressed), and indicators made official."""
    frame = store_frame(store)

    def rows(indicator: str, unit: str):
        return (frame["indicator"] == indicator) & (frame["district_id"] == unit) & (frame["year"] == 2024)

    for indicator, unit in drop:
        frame = frame[~rows(indicator, unit)]
    for indicator, unit in suppress:
        frame.loc[rows(indicator, unit), "sample_size"] = 5
    frame.loc[frame["indicator"].isin(official), "status"] = "official"
    indicators = {
        key: replace(i, status=Status.OFFICIAL) if key in official else i for key, i in store.indicators.items()
    }
    units = list(store.units.values())
    return DataStore(units, indicators, frame, store.boundaries, store.resolver, store.scenes)


def expected_classes(store: DataStore, indicator_id: str, year: int = 2024) -> dict[str, int | None]:
    """Classes computed here, independently: numpy tertiles of the shown values, rounded as displayed."""
    indicator = store.indicators[indicator_id]
    values = {u: shown_value(indicator, store.observation(indicator_id, u, year)) for u in store.units}
    present = [v for v in values.values() if v is not None]
    low, high = (round(float(q), indicator.decimals) for q in np.quantile(present, [1 / 3, 2 / 3]))
    found = {}
    for unit, value in values.items():
        if value is None:
            found[unit] = None
        else:
            shown = round(value, indicator.decimals)
            found[unit] = 0 if shown <= low else 1 if shown <= high else 2
    return found


def hover_of(figure: dict, unit_id: str, trace: int = CELLS) -> list[str]:
    index = figure["data"][trace]["locations"].index(unit_id)
    return lines(figure["data"][trace], index, figure["layout"]["separators"])


def note(figure: dict, name: str) -> dict:
    return next(a for a in figure["layout"]["annotations"] if a.get("name") == name)


# ---------------------------------------------------------------- classing and palette
def test_tertile_breaks_are_numpy_quantiles_of_the_values_that_are_there() -> None:
    values = [12.5, None, 3.0, float("nan"), 7.25, 30.0, 18.0, 3.0, 22.5]
    present = [v for v in values if v is not None and not math.isnan(v)]
    assert tertile_breaks(values) == pytest.approx(tuple(np.quantile(present, [1 / 3, 2 / 3])))
    assert all(type(b) is float for b in tertile_breaks(np.array(present)))  # no numpy types reach the figure


def test_fewer_than_three_values_have_no_breaks() -> None:
    assert tertile_breaks([]) is None
    assert tertile_breaks([4.0, None, float("nan"), 9.0]) is None
    assert tertile_breaks([4.0, None, 9.0, 1.0]) is not None


def test_classes_follow_the_documented_rule() -> None:
    breaks = (10.0, 20.0)
    assert [classify(v, breaks) for v in (-5, 10, 10.01, 20, 20.01, 99)] == [0, 0, 1, 1, 2, 2]
    assert classify(None, breaks) is None and classify(float("nan"), breaks) is None
    assert classify(15.0, None) is None


def test_equal_values_share_a_class_and_all_equal_values_are_low() -> None:
    values = [5.0, 5.0, 5.0, 7.0, 7.0, 9.0, 9.0, 9.0]
    breaks = tertile_breaks(values)
    classes = {}
    for value in values:
        classes.setdefault(value, set()).add(classify(value, breaks))
    assert all(len(found) == 1 for found in classes.values())
    flat = tertile_breaks([4.0, 4.0, 4.0, 4.0])
    assert flat == (4.0, 4.0) and {classify(4.0, flat)} == {0}


def test_palette_is_nine_distinct_colours_with_the_darkest_at_high_need_low_coverage() -> None:
    assert len(PALETTE) == 9 and len(set(PALETTE)) == 9
    assert all(len(c) == 7 and c.startswith("#") for c in PALETTE)
    assert color(2, 0) == PALETTE[cell(2, 0)] == "#3b4994"  # high need, low coverage: the worst place
    assert color(0, 2) == "#e8e8e8"  # low need, high coverage: the best
    assert color(2, 2) == "#be64ac" and color(0, 0) == "#5ac8c8"
    assert sorted(cell(n, c) for n in range(3) for c in range(3)) == list(range(9))

    def lightness(hex_colour: str) -> int:
        return sum(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

    assert min(PALETTE, key=lightness) == color(2, 0)
    with pytest.raises(ValueError):
        cell(3, 0)


def test_discrete_colour_scale_gives_each_cell_index_its_colour() -> None:
    scale = discrete_colorscale()
    assert scale[0][0] == 0 and scale[-1][0] == 1
    assert [p for p, _ in scale] == sorted(p for p, _ in scale)
    for index, colour in enumerate(PALETTE):
        position = index / 8  # z = index with zmin 0 and zmax 8
        band = [c for (p0, c), (p1, _) in zip(scale, scale[1:]) if p0 <= position <= p1 and c == _]
        assert band == [colour], index


# ---------------------------------------------------------------- year
def test_gap_year_falls_back_to_the_latest_year_both_have(store: DataStore) -> None:
    def year(need: str, service: str, wanted: int):
        return gap_year(store, ViewState("hh_member_abroad_pct", wanted, need=need, service=service))

    assert year(NEED, SERVICE, 2021) == 2021
    assert year(NEED, SERVICE, 2031) == 2024
    assert year("population", SERVICE, 2024) == 2020  # the only year the population has
    assert year("population", "labour_migrants_returned", 2023) is None  # 2020 against 2023: nothing shared
    assert year("nope", SERVICE, 2024) is None


def test_no_shared_year_gives_a_calm_message(store: DataStore) -> None:
    figure = build(store, need="nope")
    assert figure["data"] == [] and "No year has values" in figure["layout"]["annotations"][0]["text"]


# ---------------------------------------------------------------- the map
def test_every_polygon_has_the_cell_of_its_two_values(store: DataStore) -> None:
    figure = build(store)
    cells = figure["data"][CELLS]
    assert cells["locations"] == list(store.polygon_ids) and len(cells["locations"]) == 24
    assert (cells["zmin"], cells["zmax"], cells["showscale"]) == (0, 8, False)
    need, cover = expected_classes(store, NEED), expected_classes(store, SERVICE)
    assert cells["z"] == [3 * need[u] + 2 - cover[u] for u in store.polygon_ids]
    assert len(set(cells["z"])) > 3  # the bundled data spreads over the grid
    assert set(figure["data"][BASE]["z"]) == {0}
    point = figure["data"][POINTS]
    assert point["customdata"] == ["bokhtar"]
    assert point["marker"]["color"] == [PALETTE[3 * need["bokhtar"] + 2 - cover["bokhtar"]]]


def test_a_missing_or_suppressed_value_is_grey_and_says_why(store: DataStore) -> None:
    changed = variant(store, drop=[(NEED, "vose")], suppress=[(SERVICE, "panj")])
    figure = build(changed)
    cells, base = figure["data"][CELLS], figure["data"][BASE]
    z = dict(zip(cells["locations"], cells["z"]))
    grey = dict(zip(base["locations"], base["z"]))
    assert z["vose"] is None and z["panj"] is None and z["dusti"] is not None
    assert {u for u, g in grey.items() if g == 1} == {"vose", "panj"}
    assert base["colorscale"][-1][1] == NO_DATA_COLOR
    need, cover = expected_classes(changed, NEED), expected_classes(changed, SERVICE)
    assert [v for u, v in z.items() if u not in ("vose", "panj")] == [
        3 * need[u] + 2 - cover[u] for u in changed.polygon_ids if u not in ("vose", "panj")
    ]
    assert hover_of(figure, "vose", BASE)[1] == "Need: no data for 2024"
    assert hover_of(figure, "panj", BASE)[2] == "Coverage: too few responses (n = 5), not shown"


def test_hover_names_both_values_their_classes_the_status_and_source(store: DataStore) -> None:
    figure = build(store)
    need, cover = expected_classes(store, NEED), expected_classes(store, SERVICE)
    need_row, cover_row = store.observation(NEED, "dusti", 2024), store.observation(SERVICE, "dusti", 2024)
    levels = ("low", "medium", "high")
    assert hover_of(figure, "dusti") == [
        "<b>Dusti (formerly Jilikul)</b>",
        f"{need_row.value:.1f} % of children · 2024 · {levels[need['dusti']]} need",
        f"{cover_row.value:.1f} % of migrant-sending families · 2024 · {levels[cover['dusti']]} coverage",
        "⚠ Illustrative: not official statistics",
        "Source: Illustrative model (not official statistics)",
    ]
    assert len(hover_of(figure, "dusti")) <= 6  # DESIGN §5: six lines for two values
    official = build(variant(store, official=(NEED, SERVICE)))
    assert not any("⚠" in line for line in hover_of(official, "dusti"))


def test_hover_of_a_survey_row_among_model_rows_and_a_small_sample(mixed_store: DataStore) -> None:
    figure = build(mixed_store, need="hh_member_abroad_pct")
    assert hover_of(figure, "dusti")[3:] == [
        "Survey estimate · ⚠ Illustrative: not official statistics",
        "Sources: Test survey 2024; Illustrative model (not official statistics)",
    ]
    assert hover_of(figure, "baljuvon")[3] == "Need: small sample (n = 24), read with care"
    rings = figure["data"][SMALL]  # DESIGN §5: a hollow ring at the label point of a small sample, only there
    assert rings["customdata"] == ["baljuvon"]
    assert rings["marker"]["symbol"] == "circle-open"
    assert (rings["lon"][0], rings["lat"][0]) == label_positions(mixed_store)["baljuvon"]
    assert "small sample (n = 24)" in rings["hovertext"][0]
    assert build(mixed_store)["data"][SMALL]["customdata"] == []  # the other need: no small sample
    assert "Partly illustrative" in note(figure, "illustrative-mark")["text"]


def test_the_named_units_are_those_of_high_need_and_low_coverage_by_need(store: DataStore) -> None:
    need, cover = expected_classes(store, NEED), expected_classes(store, SERVICE)
    worst = sorted(
        (u for u in store.units if need[u] == 2 and cover[u] == 0),
        key=lambda u: -store.observation(NEED, u, 2024).value,
    )
    assert worst  # the bundled data has some
    names = [store.units[u].name_en + (" (city)" if store.units[u].type is UnitType.CITY else "") for u in worst]
    text = note(build(store), "gap-list")["text"]
    assert "High need, low coverage:" in text
    assert text.split("</b><br>")[1].split("<br>") == names
    # a service set against itself: high "need" is high coverage, so no unit can be in the list
    same = note(build(store, need=SERVICE), "gap-list")["text"]
    assert same.endswith("<br>none this year")


def test_subtitle_and_legend_state_the_breaks(store: DataStore) -> None:
    figure = build(store)
    present = {
        i: [shown_value(store.indicators[i], o) for o in store.year_observations(i, 2024)] for i in (NEED, SERVICE)
    }
    (a, b), (c, d) = (np.quantile([v for v in present[i] if v is not None], [1 / 3, 2 / 3]) for i in (NEED, SERVICE))
    a, b, c, d = (f"{v:.1f}" for v in (a, b, c, d))
    subtitle = figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert subtitle == (
        f"Tertiles of 2024: need ≤ {a} | {a}–{b} | > {b} % of children; "
        f"coverage ≤ {c} | {c}–{d} | > {d} % of migrant-sending families"
    )
    ticks = [n["text"] for n in figure["layout"]["annotations"] if n.get("name") == "gap-legend-tick"]
    assert ticks == [b, a, d, c]  # need going up (b2 above b1), coverage falling to the right
    assert "Psychosocial" in note(figure, "gap-legend-coverage")["text"]
    assert "Children with one or both" in note(figure, "gap-legend-need")["text"]


def test_illustrative_badge_and_source_line(store: DataStore) -> None:
    names = [a.get("name") for a in build(store)["layout"]["annotations"]]
    assert names[:2] == ["illustrative-mark", "source-line"] and "attribution" in names
    assert "Illustrative data" in note(build(store), "illustrative-mark")["text"]
    official = build(variant(store, official=(NEED, SERVICE)))
    assert "illustrative-mark" not in [a.get("name") for a in official["layout"]["annotations"]]
    assert build(store)["layout"]["margin"]["t"] > official["layout"]["margin"]["t"]  # room for the badge


def test_selection_outline_and_names(store: DataStore) -> None:
    figure = build(store, selected="dusti")
    marks = figure["data"][MARKS]
    assert marks["locations"] == ["dusti"] and marks["marker"]["line"]["color"] == [OUTLINE_COLOR]
    assert build(store)["data"][MARKS]["locations"] == []
    assert build(store, selected="bokhtar")["data"][POINTS]["marker"]["line"]["width"] == [4]
    assert figure["data"][LABELS]["visible"] is True and "Dusti" in figure["data"][LABELS]["text"]
    assert build(store, labels=False)["data"][LABELS]["visible"] is False


def test_figure_is_json_and_valid_plotly(store: DataStore) -> None:
    figure = build(store, selected="kulob")
    json.dumps(figure)
    go.Figure(figure)  # raises on any invalid property
    assert all(t.get("geojson") == URL for t in figure["data"] if t["type"] == "choropleth")
    assert figure["layout"]["geo"]["visible"] is False


# ---------------------------------------------------------------- layout from a phone to a projector
def _boxes(figure: dict, ctx: RenderContext) -> tuple[list, list]:
    """The legend's squares and the panel's texts as paper boxes (x0, x1, y0, y1), at the planned height."""
    margin = figure["layout"]["margin"]
    width, height = ctx.width - margin["l"] - margin["r"], assumed_height(ctx) - margin["t"] - margin["b"]
    squares = [
        (
            s["xanchor"] + s["x0"] / width,
            s["xanchor"] + s["x1"] / width,
            s["yanchor"] + s["y0"] / height,
            s["yanchor"] + s["y1"] / height,
        )
        for s in figure["layout"]["shapes"]
    ]
    texts = []
    for n in figure["layout"]["annotations"]:
        if not n.get("name", "").startswith("gap-"):
            continue
        rows = [re.sub("<[^>]+>", "", row) for row in n["text"].split("<br>")]
        size = n["font"]["size"]
        wide = max(len(row) for row in rows) * size * 0.6
        tall = len(rows) * size * 1.3
        left = n["x"] + n["xshift"] / width - {"left": 0, "center": 0.5, "right": 1}[n["xanchor"]] * wide / width
        top = n["y"] + n["yshift"] / height + {"top": 0, "middle": 0.5, "bottom": 1}[n["yanchor"]] * tall / height
        texts.append((left, left + wide / width, top - tall / height, top))
    return squares, texts


def _overlap(box: tuple, domain: dict) -> bool:
    (x0, x1, y0, y1), (dx0, dx1), (dy0, dy1) = box, domain["x"], domain["y"]
    return x0 < dx1 and dx0 < x1 and y0 < dy1 and dy0 < y1


@pytest.mark.parametrize(
    "ctx",
    [RenderContext("en", width=390), RenderContext("en", width=1366), RenderContext("en", projector(1920, 1080), 1920)],
    ids=["phone", "laptop", "projector"],
)
def test_legend_and_list_sit_inside_the_figure_off_the_map(store: DataStore, ctx: RenderContext) -> None:
    figure = build(store, ctx=ctx)
    domain = figure["layout"]["geo"]["domain"]
    squares, texts = _boxes(figure, ctx)
    assert len(squares) == 9 and len(texts) >= 7
    for box in squares + texts:
        assert all(-0.001 <= v <= 1.001 for v in box), box
        assert not _overlap(box, domain), (box, domain)
    if ctx.narrow:
        assert domain["x"] == [0, 1] and domain["y"][0] > 0.2  # under the map
    else:
        assert domain["y"] == [0, 1] and domain["x"][1] < 0.85  # right of the map
    panel = texts + [
        (min(s[0] for s in squares), max(s[1] for s in squares), min(s[2] for s in squares), max(s[3] for s in squares))
    ]
    for index, box in enumerate(panel):  # the texts and the grid do not cover one another
        for other in panel[index + 1 :]:
            assert not _overlap(box, {"x": other[:2], "y": other[2:]}), (box, other)
    side = squares[0][1] - squares[0][0]
    assert all(math.isclose(s[1] - s[0], side) for s in squares)  # a grid of equal squares
    assert len({(round(s[0], 4), round(s[2], 4)) for s in squares}) == 9  # none on another
