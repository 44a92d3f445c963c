"""Translation and number formatting (Babel). Every user-facing string goes through ``t``.

Only English ships today; Russian and Tajik catalogues go to ``locales/<lang>/LC_MESSAGES/``
(``make messages`` extracts ``messages.pot``). Unknown languages fall back to English.
"""

from __future__ import annotations

import functools
import math
from datetime import date
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en",)


class Translator:
    """``t("Year {year}", year=2024)``: the translated message with its placeholders filled."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._catalogue = _catalogue(self.language)

    def __call__(self, message: str, **values: object) -> str:
        text = self._catalogue.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, **values: object) -> str:
        return self._catalogue.ngettext(singular, plural, count).format(count=count, **values)

    def number(self, value: float | None, decimals: int = 0) -> str:
        """``1234.5`` -> ``"1,234.5"`` in this language's conventions; ``None``/NaN -> ``"–"``."""
        return format_number(value, decimals, self.language)

    def date(self, iso_date: str) -> str:
        """``"2026-04-01"`` -> ``"1 April 2026"`` (long form, this language)."""
        try:
            return format_date(date.fromisoformat(iso_date), format="long", locale=_locale(self.language))
        except ValueError:
            return iso_date


@functools.lru_cache(maxsize=8)
def _catalogue(language: str) -> NullTranslations:
    return Translations.load(str(LOCALES_DIR), [language], DOMAIN)


@functools.lru_cache(maxsize=8)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_LANGUAGE)


def format_number(value: float | None, decimals: int = 0, language: str = DEFAULT_LANGUAGE) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(float(value), decimals), format=pattern, locale=_locale(language))


@functools.lru_cache(maxsize=8)
def translator(language: str = DEFAULT_LANGUAGE) -> Translator:
    return Translator(language)
