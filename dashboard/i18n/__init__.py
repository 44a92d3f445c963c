"""Translation and number formatting (Babel). Every user-facing string goes through ``t``.

Languages: English (the source text), Russian and Tajik. The catalogues are gettext ``.po`` files in
``locales/<lang>/LC_MESSAGES/messages.po`` (``make messages`` extracts ``messages.pot`` and updates
them); they are compiled in memory when the app starts, so a compiled catalogue is never stale.
Strings kept in constants are marked with :func:`N_` so that extraction finds them.

Numbers and dates follow each locale's conventions (CLDR via Babel): ``1,234.5`` in English,
``1 234,5`` in Russian and Tajik, where the thousands separator is a no-break space.
"""

from __future__ import annotations

import functools
import io
import math
from datetime import date
from pathlib import Path

from babel.core import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "en"
LANGUAGES = ("tg", "ru", "en")  # as the switch shows them
LANGUAGE_NAMES = {"tg": "Тоҷикӣ", "ru": "Русский", "en": "English"}


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (it is translated where it is shown)."""
    return message


class Translator:
    """``t("Year {year}", year=2024)``: the translated message with its placeholders filled."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._catalogue = catalogue(self.language)
        self._locale = Locale.parse(self.language)

    def __call__(self, message: str, **values: object) -> str:
        text = self._catalogue.gettext(message) if message else message
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, **values: object) -> str:
        return self._catalogue.ngettext(singular, plural, count).format(count=count, **values)

    def number(self, value: float | None, decimals: int = 0) -> str:
        """``1234.5`` -> ``"1,234.5"`` in this language's conventions; ``None``/NaN -> ``"–"``."""
        return format_number(value, decimals, self.language)

    def percent(self, value: float | None, decimals: int = 0) -> str:
        """``42`` -> ``"42%"`` (English) or ``"42 %"`` (Russian, Tajik: a no-break space before %)."""
        number = self.number(value, decimals)
        return number + ("%" if self.language == "en" else "\u00a0%")

    def date(self, iso_date: str) -> str:
        """``"2026-04-01"`` -> ``"1 April 2026"`` (long form, this language)."""
        try:
            return format_date(date.fromisoformat(iso_date), format="long", locale=self._locale)
        except ValueError:
            return iso_date

    @property
    def separators(self) -> str:
        """Decimal then thousands mark, as plotly's ``layout.separators`` wants them."""
        return get_decimal_symbol(self._locale) + get_group_symbol(self._locale)


@functools.cache
def catalogue(language: str) -> NullTranslations:
    """The language's messages, compiled from its ``.po`` file (English: the messages themselves)."""
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not path.is_file():
        return NullTranslations()
    with open(path, "rb") as handle:
        po = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def format_number(value: float | None, decimals: int = 0, language: str = DEFAULT_LANGUAGE) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(float(value), decimals), format=pattern, locale=language)


@functools.cache
def translator(language: str = DEFAULT_LANGUAGE) -> Translator:
    return Translator(language)


def preferred_language(accept_language: str | None) -> str:
    """The first of the browser's languages (``Accept-Language``) that the dashboard speaks, else English."""
    ranked = []
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower().split("-")[0]))
    for _, _, language in sorted(ranked):
        if language in LANGUAGES:
            return language
    return DEFAULT_LANGUAGE
