"""Numbers, dates and languages in each locale's conventions."""

from __future__ import annotations

import pytest

from dashboard.i18n import LANGUAGES, Translator, format_number, preferred_language

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234,567.5"), ("ru", f"1{NBSP}234{NBSP}567,5"), ("tg", f"1{NBSP}234{NBSP}567,5")],
)
def test_numbers_use_the_locale_separators_with_a_no_break_space(language: str, expected: str) -> None:
    assert format_number(1234567.49, 1, language) == expected
    assert format_number(None, 1, language) == "–"
    assert format_number(float("nan"), 0, language) == "–"


@pytest.mark.parametrize(("language", "separators"), [("en", ".,"), ("ru", "," + NBSP), ("tg", "," + NBSP)])
def test_plotly_separators_match_the_locale(language: str, separators: str) -> None:
    assert Translator(language).separators == separators


def test_percent_signs() -> None:
    assert Translator("en").percent(42) == "42%"
    assert Translator("ru").percent(42.5, 1) == f"42,5{NBSP}%"


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "April 1, 2026"), ("ru", "1 апреля 2026\u202fг."), ("tg", "01 Апрел 2026")]
)
def test_dates_in_each_language(language: str, expected: str) -> None:
    assert Translator(language).date("2026-04-01") == expected
    assert Translator(language).date("not a date") == "not a date"


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("tg-TJ, ru;q=0.8", "tg"),
        ("de-DE,de;q=0.9,ru;q=0.5,en;q=0.4", "ru"),
        ("en;q=0.2, tg;q=0.9", "tg"),
        ("fr-FR", "en"),
        ("", "en"),
        (None, "en"),
        ("ru;q=abc,tg", "tg"),
        ("x" * 5000, "en"),
    ],
)
def test_the_browsers_preferred_language_among_the_three(header, language: str) -> None:
    assert preferred_language(header) == language


def test_unknown_language_falls_back_to_english() -> None:
    assert Translator("fr").language == "en" and set(LANGUAGES) == {"en", "ru", "tg"}
