"""The pairs sent instead of a whole figure: applied to the old figure they give the new one, and small."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.figures.diff import apply_pairs, figure_diff

OLD = {
    "data": [{"type": "scatter", "name": "Khatlon", "y": [1, 2]}],
    "layout": {"title": {"text": "A"}, "annotations": [{"text": "1"}, {"text": "2"}]},
}


def roundtrip(old: dict, new: dict) -> list:
    pairs = figure_diff(old, new)
    assert apply_pairs(copy.deepcopy(old), pairs) == new
    return pairs


def test_a_trace_added_at_the_end_is_sent_alone() -> None:
    new = copy.deepcopy(OLD)
    new["data"].append({"type": "scatter", "name": "Kulob", "y": [3, 4]})
    new["layout"]["annotations"][1]["text"] = "2.5"
    new["layout"]["annotations"].append({"text": "3"})
    assert roundtrip(OLD, new) == [
        ["data.1", new["data"][1]],
        ["layout.annotations.1.text", "2.5"],
        ["layout.annotations.2", {"text": "3"}],
    ]


def test_a_shorter_list_is_sent_whole_and_a_removed_key_as_none() -> None:
    new = copy.deepcopy(OLD)
    new["layout"]["annotations"].pop()
    del new["layout"]["title"]
    assert roundtrip(OLD, new) == [["layout.annotations", [{"text": "1"}]], ["layout.title", None]]


def test_equal_figures_give_no_pairs() -> None:
    assert figure_diff(OLD, copy.deepcopy(OLD)) == []


leaf = st.one_of(st.integers(-3, 3), st.text("ab", max_size=2))  # no None: a key set to None is removed
trace = st.dictionaries(st.sampled_from(["x", "y", "name", "marker"]), st.one_of(leaf, st.lists(leaf, max_size=3)))
figure = st.fixed_dictionaries(
    {"data": st.lists(trace, max_size=4), "layout": st.dictionaries(st.sampled_from(["a", "b"]), leaf)}
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(figure, figure)
def test_any_two_figures_roundtrip(old: dict, new: dict) -> None:
    roundtrip(old, new)
