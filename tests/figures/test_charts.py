"""Ranking, trend, profile, services and national context: unit tests on the figure dicts."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.data import KHATLON, DataStore, Status
from dashboard.figures import (
    RenderContext,
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
from dashboard.state import Chart, ViewState

from ..conftest import store_with
from .hovertext import lines

EN = RenderContext("en")
RU = RenderContext("ru")


def names(figure: dict) -> list[str]:
    return [a.get("name") for a in figure["layout"].get("annotations", [])]


def annotation(figure: dict, name: str) -> dict:
    return next(a for a in figure["layout"]["annotations"] if a.get("name") == name)


def test_ranking_sorted_with_selection_bounds_and_khatlon_line(store: DataStore) -> None:
    figure = ranking_figure(store, ViewState("coverage_psychosocial_pct", 2024, "dusti"), EN)
    go.Figure(figure)
    bar, line = figure["data"]
    assert bar["x"] == sorted(bar["x"]) and len(bar["x"]) == 25
    colours = dict(zip(bar["y"], bar["marker"]["color"]))
    assert colours["<b>Dusti</b>"] == SELECTED_COLOR and list(colours.values()).count(SELECTED_COLOR) == 1
    assert len(bar["error_x"]["array"]) == 25 and figure["layout"]["yaxis"]["dtick"] == 1  # every name shown
    khatlon = store.observation("coverage_psychosocial_pct", KHATLON, 2024).value
    assert line["x"] == [khatlon, khatlon]
    subtitle = figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert f"dashed line: Khatlon {khatlon:.1f}" in subtitle and "whiskers: model interval" in subtitle
    assert "illustrative-mark" in names(figure)


def test_the_khatlon_line_is_the_data_row_not_the_plain_mean(store: DataStore) -> None:
    indicator = store.indicators["coverage_psychosocial_pct"]
    reference = khatlon_reference(store, indicator, 2024, EN)
    assert reference.observation is not None and reference.label == "Khatlon"
    assert reference.value == store.observation(indicator.id, "khatlon", 2024).value  # the row itself
    values = [o.value for o in store.year_observations(indicator.id, 2024)]
    assert abs(reference.value - sum(values) / len(values)) > 0.1  # weighted, not the plain mean


def test_ranking_of_a_total_has_no_reference_and_lists_missing_units(store: DataStore) -> None:
    figure = ranking_figure(store, ViewState("population", 2020), EN)
    assert len(figure["data"]) == 1 and len(figure["data"][0]["x"]) == 23
    assert "illustrative-mark" not in names(figure)
    source = annotation(figure, "source-line")["text"].replace("<br>", " ")
    assert "No data: Qubodiyon, Vose" in source
    assert figure["data"][0]["text"][-1] == "245,900"  # values beside the bars (no whiskers for a count)


def test_every_hover_of_every_chart_states_the_status_of_illustrative_rows(store: DataStore) -> None:
    """Ranking, trend, profile, services (and the map, see test_map): each illustrative number says so."""
    view = ViewState("hh_member_abroad_pct", 2024, "dusti")
    ranking = ranking_figure(store, view, EN)["data"][0]
    assert all(lines(ranking, i)[-1].startswith("⚠ Illustrative") for i in range(len(ranking["x"])))
    for trace in trend_figure(store, view, EN)["data"]:
        if trace.get("hoverinfo") != "skip":
            assert all("⚠ Illustrative" in text for text in trace["hovertext"]), trace["name"]
    khatlon = next(t for t in trend_figure(store, view, EN)["data"] if t["name"] == "Khatlon")
    assert "⚠ Illustrative: model calibrated to 42% (World Bank, report 2024)" in khatlon["hovertext"][-1]
    profile = profile_figure(store, view, EN)
    dots = next(t for t in profile["data"] if t["name"] == "Dusti")
    assert all("⚠ Illustrative" in text for text in dots["hovertext"])
    heatmap = services_figure(store, view, EN)["data"][0]
    assert "⚠ Illustrative" in heatmap["hovertemplate"]


def test_official_rows_name_their_source_in_the_hover(store: DataStore) -> None:
    ranking = ranking_figure(store, ViewState("population", 2020), EN)["data"][0]
    hover = lines(ranking, 0)
    assert hover[-1] == "Statistics Agency of Tajikistan (estimate for 1 January 2020)"
    assert not any("⚠" in line for line in hover)


def test_survey_rows_among_model_rows_are_marked_in_the_ranking(mixed_store: DataStore) -> None:
    bar = ranking_figure(mixed_store, ViewState("hh_member_abroad_pct", 2024), EN)["data"][0]
    widths = dict(zip(bar["y"], bar["marker"]["line"]["width"]))
    assert widths["Dusti"] == 0 and widths["Vakhsh"] > 0  # orange outlines on the model's bars only
    dusti = bar["y"].index("Dusti")
    assert lines(bar, dusti)[-1] == "Survey estimate · Test survey 2024"


def test_trend_of_the_selection_against_khatlon_with_model_band(store: DataStore) -> None:
    figure = trend_figure(store, ViewState("women_headed_migration_pct", 2022, "kulob"), EN)
    go.Figure(figure)
    traces = {t["name"]: t for t in figure["data"]}
    assert set(traces) >= {"Kulob (city)", "Khatlon", "model interval"}
    assert traces["Kulob (city)"]["line"]["color"] == SELECTED_COLOR
    assert traces["Khatlon"]["line"]["dash"] == "dash"
    assert figure["layout"]["shapes"][0]["x0"] == 2022  # the year shown is marked


def test_trend_with_nothing_selected_shows_khatlon(store: DataStore) -> None:
    figure = trend_figure(store, ViewState("hh_member_abroad_pct", 2024), EN)
    assert [t["name"] for t in figure["data"]] == ["Khatlon"]
    assert "select a district to compare" in figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")


def test_profile_headings_do_not_collide_and_values_carry_units(store: DataStore) -> None:
    figure = profile_figure(store, ViewState("hh_member_abroad_pct", 2024, "dusti"), EN)
    go.Figure(figure)
    headings = [
        a for a in figure["layout"]["annotations"] if a.get("yref") == "paper" and a.get("y") == 1 and not a.get("name")
    ]
    assert [h["text"] for h in headings] == ["<b>Dusti</b>", "<b>Khatlon</b>"]
    cells = [a["text"] for a in figure["layout"]["annotations"] if a.get("yref") == "y"]
    # columns placed in pixels right of the strips: the second starts after the widest cell of the first
    widest = max(len(c.replace("<b>", "").replace("</b>", "")) for c in cells[: len(cells) // 2])
    assert headings[1]["xshift"] - headings[0]["xshift"] >= widest * 12 * 0.6
    assert figure["layout"]["margin"]["r"] > headings[1]["xshift"] + 5 * 12 * 0.6  # the margin holds the table
    assert any(text.endswith("\u00a0US$") for text in cells) and any(text.endswith("\u00a0%") for text in cells)
    assert any(text.endswith("\u00a0‰") for text in cells)  # per 1,000 residents
    assert figure["layout"]["title"]["text"].startswith("Dusti: profile, 2024")


def test_profile_source_line_is_wrapped_to_the_card(store: DataStore) -> None:
    figure = profile_figure(store, ViewState("hh_member_abroad_pct", 2024, "dusti"), EN)
    source = annotation(figure, "source-line")["text"]
    assert all(len(line) <= 140 for line in source.split("<br>"))


def test_services_badge_when_any_service_is_illustrative(store: DataStore) -> None:
    """Not only the first indicator decides: one illustrative service is enough for the badge."""
    one_real = store_with(store, coverage_psychosocial_pct={"status": Status.OFFICIAL})
    rows = {o.status for o in one_real.indicator_observations("coverage_medical_pct")}
    assert rows == {Status.ILLUSTRATIVE}
    figure = services_figure(one_real, ViewState("coverage_psychosocial_pct", 2024), EN)
    assert "illustrative-mark" in names(figure)


def test_services_compare_dusti_and_kulob_by_default(store: DataStore) -> None:
    figure = services_figure(store, ViewState("coverage_psychosocial_pct", 2024), EN)
    go.Figure(figure)
    heatmap, first, second, khatlon = figure["data"]
    assert len(heatmap["y"]) == 25 and len(heatmap["x"]) == 5
    assert (first["name"], second["name"], khatlon["name"]) == ("Dusti", "Kulob (city)", "Khatlon")
    assert heatmap["x"] == ["Psychosocial", "Medical", "Livelihood", "Education", "Social"]
    assert comparison_pair("panj") == ("panj", "kulob") and comparison_pair("kulob") == ("kulob", "dusti")


def test_services_headings_are_short_in_every_language(store: DataStore) -> None:
    for language in ("ru", "tg"):
        headings = services_figure(store, ViewState("coverage_psychosocial_pct", 2024), RenderContext(language))
        assert len(set(headings["data"][0]["x"])) == 5 and all(len(h) <= 12 for h in headings["data"][0]["x"])


@pytest.mark.parametrize("width", [390, 1366, 1920])
def test_services_names_get_room_from_their_length_not_from_automargin(store: DataStore, width: int) -> None:
    """plotly's automargin on the heatmap's names cost ~150 ms per drawing; the room is computed instead
    (that no name is cut off is checked in the browser, tests/browser/test_layout.py)."""
    view = ViewState("coverage_psychosocial_pct", 2024, "dusti")
    margins = {}
    for language in ("en", "ru", "tg"):
        figure = services_figure(store, view, RenderContext(language, width=width))
        layout, names = figure["layout"], figure["data"][0]["y"]
        assert layout["yaxis"]["automargin"] is False
        size = layout["yaxis"]["tickfont"]["size"]
        longest = max(len(name.replace("<b>", "").replace("</b>", "")) for name in names)
        assert longest * size * 0.6 < layout["margin"]["l"] < longest * size * 0.85 + 20
        margins[language] = layout["margin"]["l"]
    assert margins["ru"] > margins["en"]  # Cyrillic letters are wider


def test_national_context_uses_a_true_time_axis_and_full_numbers(store: DataStore) -> None:
    figure = context_figure(store, ViewState("hh_member_abroad_pct", 2024), RenderContext("en", width=1300))
    go.Figure(figure)
    departures = next(t for t in figure["data"] if t["name"].startswith("Labour migrants"))
    assert departures["x"] == [2016, 2022, 2023]  # numbers on a time axis: the gap 2016-2022 shows
    layout = figure["layout"]
    axis = layout[f"xaxis{departures['xaxis'][1:]}"]
    assert axis["range"][0] < 2016 and axis["range"][1] > 2023
    titles = " ".join(a["text"] for a in layout["annotations"])
    assert "thousands" not in titles and not any(
        str(layout[k].get("ticksuffix", "")) == "k" for k in layout if "axis" in k
    )
    households = next(t for t in figure["data"] if t["name"].startswith("Households"))
    households_axis = layout[f"xaxis{households['xaxis'][1:]}"]
    assert households_axis["ticktext"][-1] == "2024*" and households_axis["ticktext"][0] == "2015"
    assert "* year of the report" in titles  # the star explained where it is used
    assert "illustrative-mark" not in names(figure)


def test_numbers_follow_the_language(store: DataStore) -> None:
    figure = ranking_figure(store, ViewState("population", 2020), RU)
    assert figure["layout"]["separators"] == ",\u00a0"
    assert figure["data"][0]["text"][-1] == "245\u00a0900"
    trend = trend_figure(store, ViewState("hh_member_abroad_pct", 2024, "dusti"), RU)
    dusti = next(t for t in trend["data"] if t["name"] == "Дусти")
    value = store.observation("hh_member_abroad_pct", "dusti", 2024).value
    assert f"{value:.1f}".replace(".", ",") + " % домохозяйств" in dusti["hovertext"][-1]


@pytest.mark.parametrize("kind", list(Chart))
def test_every_chart_kind_builds_in_every_language(store: DataStore, kind: Chart) -> None:
    for language in ("en", "ru", "tg"):
        figure = chart_figure(
            kind, store, ViewState("remittance_monthly_usd", 2023, "baljuvon"), RenderContext(language)
        )
        go.Figure(figure)
        assert figure["data"] and figure["layout"]["title"]["text"]


PHONE = RenderContext("ru", width=350)


def test_on_a_phone_services_is_the_heatmap_alone_with_upright_headings(store: DataStore) -> None:
    figure = services_figure(store, ViewState("hh_member_abroad_pct", 2024), PHONE)
    go.Figure(figure)
    assert [t["type"] for t in figure["data"]] == ["heatmap"]
    assert "xaxis2" not in figure["layout"] and figure["layout"]["xaxis"]["domain"] == [0, 1]
    assert figure["layout"]["xaxis"]["tickangle"] == -90
    assert figure["data"][0]["showscale"] is False  # the numbers are in the cells
    wide = services_figure(store, ViewState("hh_member_abroad_pct", 2024), RenderContext("ru", width=1200))
    assert len(wide["data"]) > 1 and "xaxis2" in wide["layout"]


def test_on_a_phone_the_national_panels_stack_full_width(store: DataStore) -> None:
    figure = context_figure(store, ViewState("hh_member_abroad_pct", 2024), PHONE)
    go.Figure(figure)
    layout = figure["layout"]
    axes = sorted((k for k in layout if k.startswith("yaxis")), key=lambda k: -layout[k]["domain"][1])
    assert len(axes) >= 3
    assert all(layout[k.replace("y", "x", 1)]["domain"] == [0, 1] for k in axes)
    for upper, lower in zip(axes, axes[1:]):  # one under the other, with room for the title between
        assert layout[lower]["domain"][1] < layout[upper]["domain"][0]


def test_on_a_phone_the_illustrative_badge_wraps_inside_the_figure(store: DataStore) -> None:
    figure = ranking_figure(store, ViewState("hh_member_abroad_pct", 2024), PHONE)
    badge = annotation(figure, "illustrative-mark")["text"]
    assert "<br>" in badge
    assert max(len(line) for line in badge.split("<br>")) * (PHONE.style.small_size + 1) * 0.64 <= PHONE.width
