"""Presenter figures on small room screens (1024 x 768 and 1280 x 720): nothing overlaps, nothing runs out."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.data import DataStore
from dashboard.figures import RenderContext, context_figure, ranking_figure, services_figure
from dashboard.figures.style import MIN_PROJECTOR_LABEL, projector
from dashboard.state import ViewState

from .test_charts import annotation, names

VIEW = ViewState("hh_member_abroad_pct", 2024, present=True)
SMALL = projector(1040, 800)  # a 1024 x 768 projector, as the page reports it (rounded)
VIDEO_CALL = projector(1280, 720)


def test_ranking_labels_keep_the_projector_minimum_at_1280x720(store: DataStore) -> None:
    figure = ranking_figure(store, VIEW, RenderContext("ru", VIDEO_CALL, 540))
    assert figure["layout"]["yaxis"]["tickfont"]["size"] >= MIN_PROJECTOR_LABEL


def test_ranking_labels_shrink_to_their_rows_on_a_1024_projector(store: DataStore) -> None:
    short = projector(1040, 640)  # a 4:3 screen with little height: 25 rows of 16 px would touch
    figure = ranking_figure(store, VIEW, RenderContext("ru", short, 990))  # a chart scene: the ranking alone
    layout = figure["layout"]
    size = layout["yaxis"]["tickfont"]["size"]
    assert 11 <= size < MIN_PROJECTOR_LABEL
    plot = 640 - 150 - layout["margin"]["t"] - layout["margin"]["b"]  # the scene's heading takes about 150 px
    assert size <= plot / len(figure["data"][0]["y"]) * 1.1


def test_badge_wraps_when_wider_than_the_figure(store: DataStore) -> None:
    narrow = annotation(ranking_figure(store, VIEW, RenderContext("ru", SMALL, 440)), "illustrative-mark")["text"]
    wide = annotation(ranking_figure(store, VIEW, RenderContext("ru", VIDEO_CALL, 540)), "illustrative-mark")["text"]
    assert "<br>" in narrow and "<br>" not in wide
    assert max(len(line) for line in narrow.split("<br>")) * SMALL.small_size * 0.6 <= 440


def test_service_headings_alternate_lines_when_their_columns_are_narrow(store: DataStore) -> None:
    narrow = services_figure(store, VIEW, RenderContext("ru", SMALL, 990))
    go.Figure(narrow)
    text = narrow["layout"]["xaxis"]["ticktext"]
    assert ["<br>" in t for t in text] == [n % 2 == 1 for n in range(len(text))]
    assert narrow["data"][0]["showscale"] is False  # the bars' names need the colour bar's room
    wide = services_figure(store, VIEW, RenderContext("en", projector(), 1840))
    assert "ticktext" not in wide["layout"]["xaxis"] and wide["data"][0]["showscale"] is True


def test_national_panels_stack_when_too_few_characters_fit_across(store: DataStore) -> None:
    figure = context_figure(store, VIEW, RenderContext("ru", SMALL, 990))
    layout = figure["layout"]
    assert all(layout[k]["domain"] == [0, 1] for k in layout if k.startswith("xaxis"))
    ticks = [t for k in layout if k.startswith("xaxis") for t in layout[k].get("ticktext", [])]
    assert any(t.endswith("*") for t in ticks) and not any("<br>" in t for t in ticks)
    side_by_side = context_figure(store, VIEW, RenderContext("ru", VIDEO_CALL, 1200))
    assert any(side_by_side["layout"][k]["domain"] != [0, 1] for k in side_by_side["layout"] if k.startswith("xaxis"))


def test_beside_the_map_the_ranking_leaves_indicator_and_source_to_the_map(store: DataStore) -> None:
    beside = ranking_figure(store, VIEW, RenderContext("ru", VIDEO_CALL, 540))
    assert beside["layout"]["title"]["text"] == "Рейтинг, 2024"
    assert names(beside) == ["illustrative-mark"]  # the badge stays; the map beside it has the source line
    alone = ranking_figure(store, VIEW, RenderContext("ru", VIDEO_CALL, 1200))
    assert alone["layout"]["title"]["text"].startswith("Домохозяйства") and "source-line" in names(alone)
    assert beside["layout"]["margin"]["b"] < alone["layout"]["margin"]["b"]  # no source line to make room for
