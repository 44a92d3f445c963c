"""Change over time (``mode=change``): the computation, its words, and the ranking of changes and small samples.

The map in change mode and its small-sample rings: tests/figures/test_map.py.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import pytest

from dashboard.data import KHATLON, DataStore
from dashboard.figures import RenderContext, ranking_figure
from dashboard.figures.change import (
    change_hover_lines,
    change_of,
    change_range,
    change_unit_text,
    changes,
    half_width,
    signed,
)
from dashboard.state import Mode, ViewState

from ..conftest import store_frame
from .hovertext import lines

EN = RenderContext("en")
RU = RenderContext("ru")
SHARE = "hh_member_abroad_pct"  # percent, illustrative model rows with model intervals, 2019-2024
AMOUNT = "remittance_monthly_usd"  # US$, no decimals


def edited(store: DataStore, edits: dict[tuple[str, str, int], dict | None]) -> DataStore:
    """A copy of ``store`` with some rows changed (``{(indicator, area, year): {"value": 1.0, ...}}``) or
    removed (``None``)."""
    frame = store_frame(store)
    for (indicator, area, year), fields in edits.items():
        row = (frame["indicator"] == indicator) & (frame["district_id"] == area) & (frame["year"] == year)
        assert row.sum() == 1, (indicator, area, year)
        if fields is None:
            frame = frame[~row]
        else:
            for column, value in fields.items():
                frame.loc[row, column] = value
    return DataStore(
        list(store.units.values()), store.indicators, frame, store.boundaries, store.resolver, store.scenes
    )


def survey(value: float, lower: float | None, upper: float | None, n: int | None = 400) -> dict:
    return {
        "value": value,
        "lower": lower,
        "upper": upper,
        "sample_size": n,
        "status": "survey",
        "source": "Test survey",
    }


def change_view(indicator: str = SHARE, from_year: int = 2019, year: int = 2024, **view) -> ViewState:
    return ViewState(indicator, year, mode=Mode.CHANGE, from_year=from_year, **view)


# ------------------------------------------------------------------------------ the computation


def test_a_missing_from_year_leaves_no_change_and_the_hover_names_the_year(store: DataStore) -> None:
    missing = edited(store, {(SHARE, "dusti", 2019): None})
    indicator = missing.indicators[SHARE]
    assert change_of(missing, indicator, "dusti", 2019, 2024) is None
    assert change_of(missing, indicator, "kulob", 2019, 2024) is not None
    assert change_hover_lines(missing, indicator, "dusti", 2019, 2024, EN)[1:] == [
        "No change to show",
        "No data for 2019",
    ]


def test_a_missing_current_year_leaves_no_change(store: DataStore) -> None:
    missing = edited(store, {(SHARE, "dusti", 2024): None})
    indicator = missing.indicators[SHARE]
    assert change_of(missing, indicator, "dusti", 2019, 2024) is None
    assert change_hover_lines(missing, indicator, "dusti", 2019, 2024, EN)[-1] == "No data for 2024"
    assert change_of(missing, indicator, "dusti", 2019, 2023) is not None  # another pair of years still has one


def test_a_suppressed_year_leaves_no_change(store: DataStore) -> None:
    few = edited(store, {(SHARE, "dusti", 2019): survey(40.0, 30.0, 50.0, n=6)})
    indicator = few.indicators[SHARE]
    assert change_of(few, indicator, "dusti", 2019, 2024) is None
    assert change_hover_lines(few, indicator, "dusti", 2019, 2024, EN)[-1] == "too few responses in 2019 (n = 6)"


def test_bounds_on_both_years_give_the_root_sum_of_squares_half_width(store: DataStore) -> None:
    rows = edited(
        store, {(SHARE, "dusti", 2019): survey(40.0, 36.0, 44.0), (SHARE, "dusti", 2024): survey(43.5, 41.0, 47.0)}
    )
    found = change_of(rows, rows.indicators[SHARE], "dusti", 2019, 2024)
    expected = math.sqrt(((44.0 - 36.0) / 2) ** 2 + ((47.0 - 41.0) / 2) ** 2)  # sqrt(4² + 3²) = 5
    assert found.value == pytest.approx(3.5) and found.half_width == pytest.approx(expected) == pytest.approx(5.0)
    assert (found.lower, found.upper) == (pytest.approx(-1.5), pytest.approx(8.5))
    hover = change_hover_lines(rows, rows.indicators[SHARE], "dusti", 2019, 2024, EN)
    assert hover[1] == "+3.5 pp (2019: 40.0% → 2024: 43.5%)"
    assert hover[2] == "approx. 95% interval −1.5 to +8.5 · n = 400 → 400"
    assert hover[3] == "Survey estimate · Test survey"
    russian = change_hover_lines(rows, rows.indicators[SHARE], "dusti", 2019, 2024, RU)
    assert "+3,5" in russian[1] and "40,0\u00a0%" in russian[1] and "−1,5" in russian[2]  # the page's numbers


def test_model_rows_give_an_approximate_model_interval(store: DataStore) -> None:
    indicator = store.indicators[SHARE]
    before, after = (store.observation(SHARE, "kulob", y) for y in (2019, 2024))
    found = change_of(store, indicator, "kulob", 2019, 2024)
    h1, h2 = (before.upper - before.lower) / 2, (after.upper - after.lower) / 2
    assert found.half_width == pytest.approx(math.sqrt(h1 * h1 + h2 * h2))
    assert change_hover_lines(store, indicator, "kulob", 2019, 2024, EN)[2].startswith("approx. model interval ")


def test_bounds_on_one_year_only_give_no_interval(store: DataStore) -> None:
    rows = edited(
        store, {(SHARE, "dusti", 2019): survey(40.0, None, None), (SHARE, "dusti", 2024): survey(43.0, 41.0, 45.0)}
    )
    indicator = rows.indicators[SHARE]
    found = change_of(rows, indicator, "dusti", 2019, 2024)
    assert found.value == pytest.approx(3.0) and found.half_width is None and found.lower is None
    assert half_width(found.before, found.after) is None
    assert not any("interval" in line for line in change_hover_lines(rows, indicator, "dusti", 2019, 2024, EN))


def test_percentages_change_in_percentage_points_other_units_in_their_own(store: DataStore) -> None:
    share, amount = store.indicators[SHARE], store.indicators[AMOUNT]
    assert change_unit_text(share, EN) == "percentage points" and change_unit_text(share, EN, short=True) == "pp"
    assert change_unit_text(amount, EN) == "US$ per receiving household (change)"
    found = change_of(store, amount, "kulob", 2019, 2024)
    line = change_hover_lines(store, amount, "kulob", 2019, 2024, EN)[1]
    assert line == (
        f"{signed(found.value, 0, EN)} US$ per receiving household "
        f"(2019: {found.before.value:,.0f} → 2024: {found.after.value:,.0f})"
    )


def test_the_sign_is_always_shown_and_numbers_follow_the_language() -> None:
    assert signed(3.14, 1, EN) == "+3.1"
    assert signed(-2.0, 1, EN) == "−2.0"  # the typographic minus, as plotly's axes write it
    assert signed(1234.5, 1, EN) == "+1,234.5"
    assert signed(0.04, 1, EN) == "0.0"  # rounds to zero: no sign
    assert signed(3.14, 1, RU) == "+3,1"


def test_the_colour_range_is_symmetric_around_zero_and_rounded_outwards(store: DataStore) -> None:
    indicator = store.indicators[SHARE]
    found = [c.value for c in changes(store, indicator, list(store.units), 2019, 2024) if c is not None]
    largest = max(abs(v) for v in found)
    cmin, cmax = change_range(store, indicator, 2019, 2024)
    assert cmin == -cmax and largest <= cmax < largest * 1.5
    # one large change decides the range: 83.3 - 10.0 = 73.3 -> ±75
    jump = edited(store, {(SHARE, "dusti", 2019): {"value": 10.0}, (SHARE, "dusti", 2024): {"value": 83.3}})
    assert change_range(jump, jump.indicators[SHARE], 2019, 2024) == (-75.0, 75.0)
    fall = edited(store, {(SHARE, "dusti", 2019): {"value": 83.3}, (SHARE, "dusti", 2024): {"value": 10.0}})
    assert change_range(fall, fall.indicators[SHARE], 2019, 2024) == (-75.0, 75.0)


# ------------------------------------------------------------------------------ the ranking


def test_ranking_of_changes_sorted_with_differences_and_root_sum_of_squares_whiskers(store: DataStore) -> None:
    figure = ranking_figure(store, change_view(selected="dusti"), EN)
    go.Figure(figure)
    bar, line = figure["data"]
    assert bar["x"] == sorted(bar["x"]) and len(bar["x"]) == 25
    names = {store.units[d].name_en: d for d in store.units}
    for index, (name, value) in enumerate(zip(bar["y"], bar["x"])):
        unit_id = names[name.replace("<b>", "").replace("</b>", "").removesuffix(" (city)")]
        before, after = (store.observation(SHARE, unit_id, y) for y in (2019, 2024))
        assert value == after.value - before.value
        h1, h2 = (before.upper - before.lower) / 2, (after.upper - after.lower) / 2
        assert bar["error_x"]["array"][index] == pytest.approx(math.sqrt(h1**2 + h2**2))
        assert bar["error_x"]["arrayminus"][index] == pytest.approx(math.sqrt(h1**2 + h2**2))
    khatlon = store.observation(SHARE, KHATLON, 2024).value - store.observation(SHARE, KHATLON, 2019).value
    assert line["x"] == [khatlon, khatlon] and line["name"] == "Khatlon"
    assert figure["layout"]["title"]["text"].replace("<br>", " ") == (
        "Change in Households with a member working abroad, 2019 to 2024"
    )
    subtitle = figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert subtitle.startswith("percentage points · whiskers: approx. model interval")
    assert f"dashed line: Khatlon {signed(khatlon, 1, EN)}" in subtitle
    hover = lines(bar, bar["y"].index("<b>Dusti</b>"))
    before, after = (store.observation(SHARE, "dusti", y).value for y in (2019, 2024))
    assert hover[1] == f"{signed(after - before, 1, EN)} pp (2019: {before:.1f}% → 2024: {after:.1f}%)"
    assert figure["layout"]["xaxis"]["range"][0] <= min(v - e for v, e in zip(bar["x"], bar["error_x"]["arrayminus"]))


def test_ranking_leaves_out_units_without_a_change_and_khatlon_without_both_years(store: DataStore) -> None:
    rows = edited(store, {(SHARE, "dusti", 2019): None, (SHARE, KHATLON, 2019): None})
    figure = ranking_figure(rows, change_view(), EN)
    assert len(figure["data"]) == 1 and len(figure["data"][0]["x"]) == 24  # no reference line
    assert "Dusti" not in figure["data"][0]["y"]
    source = next(a for a in figure["layout"]["annotations"] if a.get("name") == "source-line")["text"]
    assert "No change (a year is missing): Dusti" in source.replace("<br>", " ")
    assert "dashed line" not in figure["layout"]["title"]["subtitle"]["text"]


def small_samples(store: DataStore) -> DataStore:
    """Small samples (n < 30) for Baljuvon and Khuroson (2024; Khuroson's name is nudged off its label
    point), Bokhtar city (2024) and Kulob (2019 only); Dusti small in 2019 and suppressed in 2024 (n < 10);
    every other row as bundled (n of about 400)."""
    return edited(
        store,
        {
            (SHARE, "baljuvon", 2024): survey(55.0, 38.1, 71.9, n=24),
            (SHARE, "khuroson", 2024): survey(41.0, 25.0, 57.0, n=28),
            (SHARE, "bokhtar", 2024): survey(30.0, 12.0, 48.0, n=20),
            (SHARE, "kulob", 2019): survey(35.0, 20.0, 50.0, n=25),
            (SHARE, "dusti", 2019): survey(45.0, 30.0, 60.0, n=25),
            (SHARE, "dusti", 2024): survey(50.0, 20.0, 80.0, n=6),
        },
    )


def hatched(figure: dict) -> set[str]:
    bar = figure["data"][0]
    shapes = bar["marker"].get("pattern", {}).get("shape", [""] * len(bar["y"]))
    return {name.replace("<b>", "").replace("</b>", "") for name, shape in zip(bar["y"], shapes) if shape == "/"}


def test_ranking_hatches_exactly_the_small_samples(store: DataStore) -> None:
    small = small_samples(store)
    value = ranking_figure(small, ViewState(SHARE, 2024), EN)
    assert hatched(value) == {"Baljuvon", "Bokhtar (city)", "Khuroson"}  # not Kulob (2019 only), not Dusti
    assert "Dusti" not in value["data"][0]["y"]
    assert "hatched: small sample (n < 30)" in value["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    bar = value["data"][0]
    assert "small sample (n = 24)" in " ".join(lines(bar, bar["y"].index("Baljuvon")))
    changed = ranking_figure(small, change_view(), EN)
    assert hatched(changed) == {"Baljuvon", "Bokhtar (city)", "Khuroson", "Kulob (city)"}  # either year's sample
    bar = changed["data"][0]
    assert "small sample in 2019 (n = 25): read with care" in lines(bar, bar["y"].index("Kulob (city)"))[2]
    plain = ranking_figure(store, ViewState(SHARE, 2024), EN)
    assert hatched(plain) == set() and "pattern" not in plain["data"][0]["marker"]
    assert "hatched" not in plain["layout"]["title"]["subtitle"]["text"]


def test_value_mode_ranking_is_unchanged_by_a_from_year_without_change_mode(store: DataStore) -> None:
    plain = ranking_figure(store, ViewState(SHARE, 2024), EN)
    assert ranking_figure(store, ViewState(SHARE, 2024, from_year=2019), EN) == plain
    assert plain["data"][0]["x"] == sorted(o.value for o in store.year_observations(SHARE, 2024))
