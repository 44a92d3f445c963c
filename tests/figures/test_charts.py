"""Ranking, trend, profile, services and national context: unit tests on the figure dicts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.data import KHATLON, DataStore
from dashboard.figures import (
    SCREEN,
    chart_figure,
    comparison_pair,
    context_figure,
    profile_figure,
    ranking_figure,
    services_figure,
    trend_figure,
)
from dashboard.figures.reference import khatlon_reference
from dashboard.figures.style import SELECTED_COLOR
from dashboard.i18n import translator

t = translator()


def names(figure: dict) -> list[str]:
    return [a.get("name") for a in figure["layout"].get("annotations", [])]


def test_ranking_sorted_with_selection_bounds_and_khatlon_line(store: DataStore) -> None:
    figure = ranking_figure(store, "coverage_psychosocial_pct", 2024, "dusti", t, SCREEN)
    go.Figure(figure)
    bar, line = figure["data"]
    assert bar["x"] == sorted(bar["x"]) and len(bar["x"]) == 25
    colours = dict(zip(bar["customdata"], bar["marker"]["color"]))
    assert colours["dusti"] == SELECTED_COLOR and list(colours.values()).count(SELECTED_COLOR) == 1
    assert "error_x" in bar and len(bar["error_x"]["array"]) == 25
    khatlon = store.observation("coverage_psychosocial_pct", KHATLON, 2024).value
    assert line["x"] == [khatlon, khatlon]
    assert f"dashed line: Khatlon {khatlon:.1f}" in figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert "illustrative-mark" in names(figure)


def test_ranking_without_khatlon_row_says_it_uses_the_unweighted_mean(store: DataStore) -> None:
    indicator = store.indicators["coverage_psychosocial_pct"]
    reference = khatlon_reference(store, indicator, 2024, t)
    assert reference.from_data and reference.label == "Khatlon"
    rows = store.snapshot(indicator.id, 2024)["value"]
    assert abs(reference.value - rows.mean()) > 0.1  # weighted, not the plain mean


def test_ranking_of_a_total_has_no_reference_and_lists_missing_units(store: DataStore) -> None:
    figure = ranking_figure(store, "population", 2020, None, t, SCREEN)
    assert len(figure["data"]) == 1 and len(figure["data"][0]["x"]) == 16
    assert "illustrative-mark" not in names(figure)
    source = next(a for a in figure["layout"]["annotations"] if a["name"] == "source-line")["text"]
    assert "No data: " in source and "Bokhtar (city)" in source


def test_trend_has_district_band_and_khatlon(store: DataStore) -> None:
    figure = trend_figure(store, "hh_member_abroad_pct", 2022, "kulob", t, SCREEN)
    go.Figure(figure)
    labels = [trace.get("name") for trace in figure["data"]]
    assert labels[0] == "Khatlon" and labels[-1] == "Kulob (city)" and "95% interval" in labels
    assert figure["data"][-1]["x"] == list(range(2019, 2025))
    assert figure["layout"]["shapes"][0]["x0"] == 2022
    alone = trend_figure(store, "hh_member_abroad_pct", 2022, None, t, SCREEN)
    assert [trace["name"] for trace in alone["data"]] == ["Khatlon"]


def test_profile_covers_every_average_indicator(store: DataStore) -> None:
    figure = profile_figure(store, 2024, "dusti", t, SCREEN)
    go.Figure(figure)
    rows = figure["data"][2]["y"]
    assert len(rows) == 12 and "Coverage: medical care" in rows
    assert all(0 <= x <= 1 for x in figure["data"][2]["x"])
    assert figure["layout"]["title"]["text"].startswith("<b>Dusti: profile, 2024")


def test_services_heatmap_and_pair(store: DataStore) -> None:
    figure = services_figure(store, 2024, ("dusti", "kulob"), t, SCREEN)
    go.Figure(figure)
    heatmap = figure["data"][0]
    assert len(heatmap["y"]) == 25 and len(heatmap["x"]) == 5
    assert "<b>▶ Dusti</b>" in heatmap["y"] and "<b>▶ Kulob (city)</b>" in heatmap["y"]
    assert [trace["name"] for trace in figure["data"][1:]] == ["Dusti", "Kulob (city)", "Khatlon"]
    assert comparison_pair(None) == ("dusti", "kulob")
    assert comparison_pair("kulob") == ("kulob", "dusti")


def test_context_is_real_and_unmarked(store: DataStore) -> None:
    figure = context_figure(store, 2024, t, SCREEN)
    go.Figure(figure)
    remittances = figure["data"][0]
    assert remittances["x"] == list(range(2008, 2025)) and remittances["y"][-1] == pytest.approx(47.89)
    assert "illustrative-mark" not in names(figure)
    assert "World Bank" in next(a for a in figure["layout"]["annotations"] if a.get("name") == "source-line")["text"]


@pytest.mark.parametrize("kind", ["ranking", "trend", "profile", "services", "context", "anything"])
def test_every_chart_kind_builds_for_every_indicator(store: DataStore, kind: str) -> None:
    for indicator in store.district_indicators():
        for year in store.years(indicator.id):
            figure = chart_figure(kind, store, indicator.id, year, "bokhtar", t, SCREEN)
            message = [a["text"] for a in figure["layout"].get("annotations", []) if not a.get("name")]
            assert figure["data"] or message, (kind, indicator.id, year)  # a chart, or a sentence saying why not


def test_a_district_without_values_gets_a_sentence_not_empty_axes(store: DataStore) -> None:
    figure = trend_figure(store, "population", 2020, "panj", t, SCREEN)
    assert figure["data"] == []
    assert figure["layout"]["annotations"][0]["text"] == "Panj has no value for this indicator in any year."


def test_without_a_khatlon_row_the_chart_says_it_uses_the_unweighted_mean(store: DataStore) -> None:
    from dashboard.data import KHATLON

    frames = []
    for indicator_id in store.indicators:
        rows = store.rows(indicator_id)
        rows.insert(1, "indicator", indicator_id)
        frames.append(rows[(rows["district_id"] != KHATLON) | (rows["indicator"] != "coverage_medical_pct")])
    without = DataStore(
        list(store.districts.values()),
        store.indicators,
        pd.concat(frames, ignore_index=True),
        store.boundaries,
        store.resolver,
    )
    figure = ranking_figure(without, "coverage_medical_pct", 2024, None, t, SCREEN)
    mean = without.snapshot("coverage_medical_pct", 2024)["value"].mean()
    subtitle = figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert f"dashed line: Unweighted mean of districts (no Khatlon figure in the data) {mean:.1f}" in subtitle
    assert figure["data"][1]["x"] == [pytest.approx(mean), pytest.approx(mean)]
    trend = trend_figure(without, "coverage_medical_pct", 2024, "dusti", t, SCREEN)
    assert trend["data"][0]["name"] == "Unweighted mean of districts"
