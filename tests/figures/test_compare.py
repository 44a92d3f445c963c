"""Districts compared on the trend (URL ``districts``): one line and band per district, Khatlon dashed."""

from __future__ import annotations

import json
from dataclasses import replace

from dashboard.data import DataStore
from dashboard.figures import RenderContext, trend_figure
from dashboard.figures.style import projector
from dashboard.figures.trend import COMPARE_COLORS
from dashboard.state import Chart, Tab, ViewState

INDICATOR = "children_parent_abroad_pct"
FIVE = ("dusti", "kulob", "panj", "vose", "farkhor")


def view(districts: tuple[str, ...], **fields) -> ViewState:
    return ViewState(INDICATOR, 2024, tab=Tab.CHART, chart=Chart.TREND, districts=districts, **fields)


def lines(figure: dict) -> list[dict]:
    return [t for t in figure["data"] if "hovertext" in t]


def test_one_line_per_district_with_its_values_and_colour(store: DataStore) -> None:
    figure = trend_figure(store, view(FIVE), RenderContext("en"))
    drawn = lines(figure)
    khatlon, districts = drawn[0], drawn[1:]
    assert khatlon["line"]["dash"] == "dash"
    assert khatlon["y"] == [o.value for o in store.series(INDICATOR, "khatlon")]
    assert len(districts) == 5
    for trace, unit_id, color in zip(districts, FIVE, COMPARE_COLORS):
        series = store.series(INDICATOR, unit_id)
        assert trace["y"] == [o.value for o in series]  # exactly the stored values, in year order
        assert trace["x"] == [o.year for o in series]
        assert trace["line"]["color"] == color
        assert trace["name"].startswith(store.units[unit_id].name_en)
    assert len(set(COMPARE_COLORS)) == 5
    assert figure["layout"]["showlegend"] is True
    legend = [t["name"] for t in figure["data"] if t.get("showlegend")]
    assert legend == [khatlon["name"], *(t["name"] for t in districts)]  # bands are not in the legend
    json.dumps(figure)


def test_each_interval_is_a_band_of_its_lines_colour(store: DataStore) -> None:
    figure = trend_figure(store, view(("dusti", "kulob")), RenderContext("en"))
    bands = [t for t in figure["data"] if t.get("fill") == "tonexty"]
    assert len(bands) == 2
    for band, unit_id, color in zip(bands, ("dusti", "kulob"), COMPARE_COLORS):
        series = store.series(INDICATOR, unit_id)
        assert band["y"] == [o.lower for o in series]
        red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
        assert band["fillcolor"].startswith(f"rgba({red},{green},{blue},")


def test_without_districts_the_trend_is_the_selected_districts(store: DataStore) -> None:
    single = trend_figure(store, replace(view(()), selected="dusti"), RenderContext("en"))
    assert single["layout"]["showlegend"] is False
    assert len(lines(single)) == 2  # Khatlon and Dusti


def test_the_legend_gets_room_above_the_plot_on_every_screen(store: DataStore) -> None:
    for ctx in (
        RenderContext("ru", width=390),
        RenderContext("tg", width=1366),
        RenderContext("ru", projector(1280, 720), 1250),
    ):
        plain = trend_figure(store, replace(view(()), selected="dusti"), ctx)["layout"]
        compared = trend_figure(store, view(FIVE), ctx)["layout"]
        assert compared["legend"]["yanchor"] == "bottom" and compared["legend"]["y"] == 1
        rows = 3 if ctx.width < 500 else 1
        assert compared["margin"]["t"] - plain["margin"]["t"] >= rows * ctx.style.small_size * 1.5
