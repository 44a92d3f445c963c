"""The storyboard (data/scenes.yaml): the bundled one is valid; each broken fixture gives FILE:LINE."""

from __future__ import annotations

from pathlib import Path

from dashboard.data import DataStore
from dashboard.data.scenes import shows_illustrative
from dashboard.glossary import says_illustrative

from .helpers import problems_of

SCENES = Path("scenes.yaml")
GOOD = """scenes:
  - title: First scene
    note: Illustrative figures, one sentence.
    tab: map
    indicator: hh_member_abroad_pct
    year: 2024
  - title: Second scene
    note: Illustrative figures again.
    tab: chart
    chart: services
    indicator: coverage_medical_pct
    year: 2023
    spotlight: Dousti
    compare: Kulyab
"""


def write(data_copy: Path, text: str) -> None:
    (data_copy / SCENES).write_text(text, encoding="utf-8")


def test_bundled_storyboard(store: DataStore) -> None:
    assert 6 <= len(store.scenes) <= 12
    assert [s.number for s in store.scenes] == list(range(1, len(store.scenes) + 1))
    assert {s.tab for s in store.scenes} >= {"map", "chart", "sources"}
    services = next(s for s in store.scenes if s.chart == "services")
    assert (services.spotlight, services.compare) == ("dusti", "kulob")
    for scene in store.scenes:
        assert set(scene.titles) == set(scene.notes) == {"en", "ru", "tg"}, scene.number
        assert scene.year in store.years(scene.indicator)


def test_no_invented_number_is_stated_as_a_finding(store: DataStore) -> None:
    """Scenes on the model's figures say so in every language; those naming Dusti and Kulob say the
    figures are not UNICEF's; scene 1 calls remittances a ratio to GDP."""
    for scene in store.scenes:
        if shows_illustrative(
            store.indicators,
            lambda i: frozenset(s.value for s in store.statuses(i)),
            scene.tab,
            scene.chart,
            scene.indicator,
        ):
            for language in ("en", "ru", "tg"):
                assert says_illustrative(scene.title(language) + " " + scene.note(language), language), (
                    scene.number,
                    language,
                )
        if {"dusti", "kulob"} & {scene.spotlight, scene.compare} and scene.tab != "sources":
            assert "UNICEF" in scene.note("en") and "ЮНИСЕФ" in scene.note("ru") and "ЮНИСЕФ" in scene.note("tg")
    first = store.scenes[0]
    assert "ratio to the size of the economy" in first.note("en") and "half of the economy" not in first.note("en")
    assert "widest gap" not in " ".join(s.title("en") for s in store.scenes)


def test_names_resolve_in_any_spelling(data_copy: Path) -> None:
    write(data_copy, GOOD)
    assert problems_of(data_copy) == []


def test_yaml_syntax_error_has_its_line(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("    tab: map\n", "    tab: [map\n"))
    problems = problems_of(data_copy)
    assert len(problems) == 1 and problems[0].startswith("data/scenes.yaml:")
    assert "invalid YAML" in problems[0]


def test_missing_and_unknown_fields(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("    note: Illustrative figures, one sentence.\n", "    notes: Illustrative.\n"))
    assert sorted(problems_of(data_copy)) == [
        "data/scenes.yaml:2: note: scene 1: required field is missing",
        "data/scenes.yaml:3: notes: scene 1: unknown field",
    ]


def test_bad_values(data_copy: Path) -> None:
    text = (
        GOOD.replace("tab: chart", "tab: slideshow")
        .replace("year: 2024", "year: 2031")
        .replace("spotlight: Dousti", "spotlight: Atlantis")
    )
    write(data_copy, text)
    problems = problems_of(data_copy)
    assert (
        "data/scenes.yaml:6: year: scene 1: hh_member_abroad_pct has no data for 2031 (years: 2019, 2020, 2021, 2022, 2023, 2024)"
        in problems
    )
    assert any(
        p.startswith("data/scenes.yaml:9: tab: scene 2: Input should be 'map', 'chart', 'table', 'sources' or 'gap'")
        for p in problems
    )


def test_unknown_district_suggests(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("spotlight: Dousti", "spotlight: Dusty"))
    assert problems_of(data_copy) == [
        "data/scenes.yaml:13: spotlight: scene 2: unknown district 'Dusty'; did you mean "
        "Dusti (district, formerly Jilikul District) [dusti]?"
    ]


def test_unknown_or_national_indicator(data_copy: Path) -> None:
    write(
        data_copy,
        GOOD.replace("indicator: hh_member_abroad_pct", "indicator: remittances_pct_gdp").replace(
            "indicator: coverage_medical_pct", "indicator: coverage_medicl_pct"
        ),
    )
    problems = problems_of(data_copy)
    assert problems[0].startswith(
        "data/scenes.yaml:5: indicator: scene 1: 'remittances_pct_gdp' is a national indicator"
    )
    assert problems[1] == "data/scenes.yaml:11: indicator: scene 2: unknown indicator 'coverage_medicl_pct'"


def test_wrong_shapes(data_copy: Path) -> None:
    write(data_copy, "- title: a list at the top\n")
    assert problems_of(data_copy) == ["data/scenes.yaml:1: scenes: expected a mapping with a list under 'scenes:'"]
    write(data_copy, "scenes: []\n")
    assert problems_of(data_copy) == ["data/scenes.yaml:1: scenes: the storyboard has no scenes"]
    write(data_copy, "scenes:\n  - just text\n")
    assert problems_of(data_copy) == ["data/scenes.yaml:2: -: scene 1 is not a mapping of fields"]


def test_a_note_too_long_for_a_slide(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("note: Illustrative figures, one sentence.", "note: illustrative " + "word " * 80))
    assert problems_of(data_copy) == [
        "data/scenes.yaml:3: note: scene 1: Value error, the en text has 412 characters; at most 320"
    ]


def test_the_storyboard_is_optional(data_copy: Path) -> None:
    (data_copy / SCENES).unlink(missing_ok=True)
    assert problems_of(data_copy) == []


def test_keys_given_twice(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("    year: 2024\n", "    year: 2024\n    year: 2019\n") + "scenes: []\n")
    assert sorted(problems_of(data_copy)) == [
        "data/scenes.yaml:16: scenes: 'scenes' is given twice; only one is allowed",
        "data/scenes.yaml:7: year: scene 1: 'year' is given twice",
    ]


def test_unreadable_key_is_a_problem_not_a_crash(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("    tab: map\n", "    tab: map\n    ? [a, b]\n    : c\n"))
    problems = problems_of(data_copy)
    assert len(problems) == 1 and problems[0].startswith("data/scenes.yaml:") and "scene 1: cannot read" in problems[0]


def test_strict_types(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("year: 2024", 'year: "2024"').replace("spotlight: Dousti", 'spotlight: ""'))
    problems = problems_of(data_copy)
    assert "data/scenes.yaml:6: year: scene 1: Input should be a valid integer" in problems
    assert any(
        p.startswith("data/scenes.yaml:13: spotlight: scene 2: String should have at least 1 character")
        for p in problems
    )


def test_notes_about_illustrative_figures_must_say_so(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("Illustrative figures again.", "Dusti has the lowest coverage."))
    assert problems_of(data_copy) == [
        "data/scenes.yaml:8: note: scene 2: the view shows illustrative numbers (not official statistics): "
        "the en title or note must say so ('illustrative')"
    ]


def test_every_language_of_a_scene_must_say_illustrative(data_copy: Path) -> None:
    text = GOOD.replace(
        "  - title: First scene\n    note: Illustrative figures, one sentence.\n",
        "  - title:\n      en: First scene\n      ru: Первая сцена (иллюстративные данные)\n"
        "      tg: Саҳнаи аввал\n    note:\n      en: Illustrative figures.\n      ru: Одна фраза.\n"
        "      tg: Як ҷумла.\n",
    )
    write(data_copy, text)
    assert problems_of(data_copy) == [
        "data/scenes.yaml:7: note: scene 1: the view shows illustrative numbers (not official statistics): "
        "the tg title or note must say so ('намунавӣ')"
    ]


def test_a_title_in_the_title_counts_and_the_profile_shows_many_indicators(data_copy: Path) -> None:
    """The profile shows every average indicator: its scene must say illustrative even for population."""
    text = GOOD.replace(
        "    tab: map\n    indicator: hh_member_abroad_pct",
        "    tab: chart\n    chart: profile\n    indicator: population",
    )
    text = text.replace("note: Illustrative figures, one sentence.", "note: One sentence.").replace(
        "year: 2024", "year: 2020", 1
    )
    write(data_copy, text)
    assert problems_of(data_copy) == [
        "data/scenes.yaml:3: note: scene 1: the view shows illustrative numbers (not official statistics): "
        "the en title or note must say so ('illustrative')"
    ]
    write(data_copy, text.replace("title: First scene", "title: First scene (illustrative)"))
    assert problems_of(data_copy) == []


def test_national_figures_need_no_illustrative_note(data_copy: Path) -> None:
    text = GOOD.replace("    tab: map\n", "    tab: chart\n    chart: context\n").replace(
        "note: Illustrative figures, one sentence.", "note: Remittances were 47.9% of GDP in 2024."
    )
    write(data_copy, text)
    assert problems_of(data_copy) == []


def test_languages_are_checked(data_copy: Path) -> None:
    write(data_copy, GOOD.replace("title: First scene", "title:\n      fr: Première scène"))
    problems = problems_of(data_copy)
    assert (
        len(problems) == 1
        and "unknown language 'fr'" in problems[0]
        and problems[0].startswith("data/scenes.yaml:3: title:")
    )


GAP = """scenes:
  - title: Need against services (illustrative)
    note: Illustrative figures, one sentence.
    tab: gap
    indicator: children_parent_abroad_pct
    service: coverage_psychosocial_pct
    year: 2024
"""


def test_a_gap_scene_names_its_need_and_service(data_copy: Path, store: DataStore) -> None:
    write(data_copy, GAP)
    assert problems_of(data_copy) == []
    gap = next(s for s in store.scenes if s.tab == "gap")  # the bundled storyboard has one
    assert (gap.need, gap.service) == (gap.indicator, "coverage_psychosocial_pct")


def test_gap_scene_problems_have_their_lines(data_copy: Path) -> None:
    write(data_copy, GAP.replace("service: coverage_psychosocial_pct", "service: coverage_psychosocal_pct"))
    assert problems_of(data_copy) == [
        "data/scenes.yaml:6: service: scene 1: unknown service-coverage indicator 'coverage_psychosocal_pct'"
    ]
    write(data_copy, GAP.replace("service: coverage_psychosocial_pct", "service: hh_member_abroad_pct"))
    assert problems_of(data_copy) == [
        "data/scenes.yaml:6: service: scene 1: unknown service-coverage indicator 'hh_member_abroad_pct'"
    ]
    write(data_copy, GAP.replace("tab: gap", "tab: map"))
    assert problems_of(data_copy) == ["data/scenes.yaml:6: service: scene 1: service is used with tab: gap only"]
    write(data_copy, GAP.replace("indicator: children_parent_abroad_pct", "indicator: coverage_medical_pct"))
    assert problems_of(data_copy) == [
        "data/scenes.yaml:5: indicator: scene 1: 'coverage_medical_pct' cannot be the need on the gap map "
        "(a service or a count)"
    ]


def test_a_gap_scene_says_illustrative_for_its_service_too(data_copy: Path) -> None:
    write(data_copy, GAP.replace("(illustrative)", "").replace("Illustrative figures", "Figures"))
    assert any("must say so" in p for p in problems_of(data_copy))
