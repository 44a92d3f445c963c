"""The translation catalogues: complete, consistent with the code, and with the catalogue and storyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from dashboard.data import DataStore
from dashboard.data.model import TEXT_FIELDS
from dashboard.glossary import glossary
from dashboard.i18n import LOCALES_DIR, Translator

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def catalogue(language: str):
    with open(LOCALES_DIR / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def extracted_messages() -> set[str]:
    """The messages the code asks for today (what `make messages` extracts, with babel.cfg's mapping)."""
    found = extract_from_dir(
        str(ROOT / "dashboard"), method_map=[("**.py", "python")], keywords={"t": None, "N_": None}
    )
    return {message for _, _, message, _, _ in found if isinstance(message, str) and message}


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    messages = [m for m in catalogue(language) if m.id]
    assert messages
    for message in messages:
        assert message.string, f"{language}: untranslated {message.id!r}"
        assert not message.fuzzy, f"{language}: fuzzy {message.id!r}"
        assert sorted(PLACEHOLDER.findall(message.id)) == sorted(PLACEHOLDER.findall(message.string)), message.id
        assert message.id.count("<br>") == message.string.count("<br>"), message.id
    if language == "tg":
        assert not any(re.search("[ыщ]", m.string) for m in messages)  # Russian letters Tajik does not use


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_catalogues_cover_every_message_the_code_uses(language: str) -> None:
    """A new t("...") without a translation fails here (run `make messages`, then translate)."""
    missing = extracted_messages() - {m.id for m in catalogue(language)}
    assert not missing, sorted(missing)


def test_the_app_uses_the_catalogues() -> None:
    assert Translator("ru")("Map") == "Карта" and Translator("tg")("Map") == "Харита"
    assert Translator("ru")("{count} rows", count=3) == "Строк: 3"


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_catalogue_text_and_unit_name_exists_in_each_language(store: DataStore, language: str) -> None:
    for indicator in store.indicators.values():
        for field in TEXT_FIELDS:
            english = getattr(indicator, field, "") or indicator.texts.get(field, {}).get("en", "")
            if english:
                assert indicator.texts.get(field, {}).get(language), (indicator.id, field, language)
    assert all(unit.name(language) != unit.name_en or unit.name_en in ("Vakhsh",) for unit in store.units.values())
    for scene in store.scenes:
        assert scene.titles.get(language) and scene.notes.get(language), scene.number


def test_glossary_has_every_term_in_three_languages() -> None:
    terms = glossary()
    assert {"illustrative", "remittances", "household", "district", "coverage", "psychosocial_support"} <= set(terms)
    assert all(row["en"] and row["ru"] and row["tg"] for row in terms.values())


def test_the_glossary_is_used_for_illustrative(store: DataStore) -> None:
    assert glossary()["illustrative"]["tg"] in Translator("tg")("Illustrative data — not official statistics")
    assert "иллюстратив" in Translator("ru")("Illustrative data — not official statistics").casefold()
