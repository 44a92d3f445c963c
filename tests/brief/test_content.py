"""The brief's content: the store's numbers, formatted as the dashboard formats them, with their status."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.brief.content import HEADLINE, build_brief, short_value
from dashboard.data import KHATLON, DataStore, Status, load_store
from dashboard.data.quality import SampleFlag
from dashboard.data.views import profile_indicators, service_indicators
from dashboard.figures import RenderContext
from dashboard.figures.labels import value_text

from ..conftest import BUNDLED

EN, RU, TG = RenderContext("en"), RenderContext("ru"), RenderContext("tg")


def test_every_average_indicator_is_a_row_with_the_stores_value_and_khatlons(store: DataStore) -> None:
    brief = build_brief(store, "dusti", EN)
    indicators = profile_indicators(store.district_indicators())
    assert [r.indicator_id for r in brief.rows] == [i.id for i in indicators]
    for row, indicator in zip(brief.rows, indicators):
        year = store.years(indicator.id)[-1]
        own = store.observation(indicator.id, "dusti", year)
        khatlon = store.observation(indicator.id, KHATLON, year)
        assert row.year == year
        assert row.value == own.value and row.value_text == value_text(indicator, own.value, EN)
        assert row.khatlon == khatlon.value and row.khatlon_text == short_value(indicator, khatlon.value, EN)
        assert row.status is Status.ILLUSTRATIVE and row.status_text == "⚠ illustrative"
        assert row.flag is SampleFlag.OK and row.sample_note == ""


def test_values_are_formatted_in_each_language(store: DataStore) -> None:
    """Exact texts: the unit's value with its unit, Khatlon's with a short unit (decimal comma in ru, tg)."""
    first = {c.language: build_brief(store, "dusti", c).rows[0] for c in (EN, RU, TG)}
    assert store.observation("hh_member_abroad_pct", "dusti", 2024).value == 45.6
    assert first["en"].value_text == "45.6 % of households" and first["en"].khatlon_text == "42.0\u00a0%"
    assert first["ru"].value_text == "45,6 % домохозяйств" and first["ru"].khatlon_text == "42,0\u00a0%"
    assert first["tg"].value_text.startswith("45,6 % ") and first["tg"].khatlon_text == "42,0\u00a0%"
    assert build_brief(store, "dusti", RU).rows[4].khatlon_text == "252\u00a0долл."


def test_name_type_date_and_the_illustrative_mark(store: DataStore) -> None:
    dusti = build_brief(store, "dusti", EN)
    assert (dusti.name, dusti.former_name) == ("Dusti", "Jilikul")
    assert dusti.type_line == "District of Khatlon province, Tajikistan"
    assert dusti.data_as_of == "Data as of November 28, 2026" == f"Data as of {EN.t.date(store.data_as_of())}"
    assert dusti.illustrative and dusti.table_illustrative and dusti.services_illustrative
    assert dusti.illustrative_mark == "Illustrative data — not official statistics"
    kulob = build_brief(store, "kulob", TG)
    assert (kulob.name, kulob.former_name) == ("Кӯлоб", "")
    assert kulob.type_line == TG.t("City of Khatlon province, Tajikistan")
    assert "намунавӣ" in kulob.illustrative_mark  # the glossary's word for "illustrative"


def test_a_survey_row_among_model_rows_and_a_small_sample(mixed_store: DataStore) -> None:
    """Baljuvon's 2024 survey row has n = 24: survey status and the small-sample note; Khatlon stays model."""
    baljuvon = build_brief(mixed_store, "baljuvon", EN).rows[0]
    assert baljuvon.indicator_id == "hh_member_abroad_pct"
    assert baljuvon.value_text == "55.0 % of households"
    assert baljuvon.status is Status.SURVEY and baljuvon.status_text == "survey estimate"
    assert baljuvon.flag is SampleFlag.SMALL
    assert baljuvon.sample_note == "small sample (n = 24): read with care"
    assert baljuvon.khatlon_illustrative and baljuvon.illustrative  # Khatlon's figure is still the model's
    dusti = build_brief(mixed_store, "dusti", RU).rows[0]
    assert dusti.value_text == "47,5 % домохозяйств" and dusti.status is Status.SURVEY and dusti.sample_note == ""
    assert build_brief(mixed_store, "dusti", RU).rows[1].status is Status.ILLUSTRATIVE


def test_a_survey_rows_source_is_cited_by_its_own_name_without_the_models_licence(mixed_store: DataStore) -> None:
    sources = {s.name: s for s in build_brief(mixed_store, "dusti", EN).sources}
    survey = sources["Test survey 2024"]
    assert survey.licence == "" and survey.indicators == ("Households with a member working abroad",)
    model = sources["Illustrative model (not official statistics)"]
    assert model.licence.startswith("CC0") and len(model.indicators) == len(
        profile_indicators(mixed_store.indicators.values())
    )


def test_every_source_once_with_its_licence(store: DataStore) -> None:
    sources = build_brief(store, "vose", EN).sources
    indicators = profile_indicators(store.district_indicators())
    assert sorted(label for s in sources for label in s.indicators) == sorted(i.label for i in indicators)
    assert len({s.name for s in sources}) == len(sources) == 1  # the bundled district figures: one model
    assert all(s.licence for s in sources)


@pytest.fixture(scope="module")
def suppressed_store(tmp_path_factory) -> DataStore:
    """A survey row with n = 6 for Panj (below the suppression threshold of 10)."""
    target = tmp_path_factory.mktemp("suppressed") / "data"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("sources", "scripts", "*.md"))
    (Path(target) / "indicators" / "tiny.csv").write_text(
        "district,indicator,year,value,lower,upper,sample_size,note,source,source_url,status\n"
        "Panj,children_parent_abroad_pct,2024,61.0,,,6,tiny sample (test),Test survey 2024,,survey\n",
        encoding="utf-8",
    )
    return load_store(target)


def test_too_few_responses_are_not_shown(suppressed_store: DataStore) -> None:
    brief = build_brief(suppressed_store, "panj", EN)
    row = next(r for r in brief.rows if r.indicator_id == "children_parent_abroad_pct")
    assert row.value is None and row.flag is SampleFlag.SUPPRESSED
    assert row.value_text == "too few responses (n = 6): not shown"
    trend = next(t for t in brief.trends if t.indicator_id == "children_parent_abroad_pct")
    assert trend.values[-1] is None and trend.values[0] is not None  # a gap in the line, not the value


def test_service_coverage_against_khatlon(store: DataStore) -> None:
    brief = build_brief(store, "kulob", RU)
    services = service_indicators(store.district_indicators())
    year = store.years(services[0].id)[-1]
    assert brief.services_year == year and len(brief.services) == len(services) == 5
    for bar, indicator in zip(brief.services, services):
        assert bar.value == store.observation(indicator.id, "kulob", year).value
        assert bar.khatlon == store.observation(indicator.id, KHATLON, year).value
        assert bar.value_text == RU.number(bar.value, indicator.decimals)


def test_trends_of_the_headline_indicators(store: DataStore) -> None:
    trends = build_brief(store, "panj", EN).trends
    assert [t.indicator_id for t in trends] == list(HEADLINE)
    for trend in trends:
        assert trend.years == store.years(trend.indicator_id)
        assert list(trend.values) == [o.value for o in store.series(trend.indicator_id, "panj")]
        assert list(trend.khatlon) == [o.value for o in store.series(trend.indicator_id, KHATLON)]
        assert trend.illustrative and trend.unit == "%"


def test_the_locator_has_every_polygon_and_bokhtar_as_a_point(store: DataStore) -> None:
    locator = build_brief(store, "bokhtar", EN).locator
    assert len(locator.shapes) == len(store.polygon_ids) == 24
    assert [unit for unit, _ in locator.points] == ["bokhtar"] and locator.selected == "bokhtar"
    assert locator.marker == store.boundaries.points["bokhtar"]
    assert all(ring[0] == ring[-1] and len(ring) >= 4 for _, rings in locator.shapes for ring in rings)
