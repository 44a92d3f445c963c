"""The glossary of key terms in English, Russian and Tajik (``glossary.csv``), for translators and checks.

A leaf module (it imports nothing of the dashboard), so both the data layer (the storyboard check)
and the translation layer can use it.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parent / "glossary.csv"
LANGUAGES = ("en", "ru", "tg")
# The part of the word for "illustrative" that every inflected form contains, per language.
ILLUSTRATIVE_STEMS = {"en": "illustrative", "ru": "иллюстратив", "tg": "намунавӣ"}


@functools.cache
def glossary() -> dict[str, dict[str, str]]:
    """term -> {"en": ..., "ru": ..., "tg": ..., "note": ...}."""
    with open(GLOSSARY_FILE, encoding="utf-8") as handle:
        return {row["term"]: row for row in csv.DictReader(handle)}


def says_illustrative(text: str, language: str) -> bool:
    """Whether ``text`` carries the glossary's word for "illustrative" in ``language``."""
    stem = ILLUSTRATIVE_STEMS.get(language, ILLUSTRATIVE_STEMS["en"])
    return stem in text.casefold()
