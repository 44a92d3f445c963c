"""Texts found in Russian and Tajik screenshots that did not fit or were left in English."""

from __future__ import annotations

from dashboard.data import DataStore
from dashboard.figures import RenderContext
from dashboard.figures.colorscale import colorbar_title
from dashboard.figures.profile import compact_unit
from dashboard.figures.style import projector, wrap
from dashboard.layout.presenter import unbroken_numbers
from dashboard.layout.sources import indicator_sources


def test_a_colour_bar_title_never_breaks_a_word_without_a_hyphen() -> None:
    ctx = RenderContext("tg", projector(), 900)
    lines = colorbar_title("% оилаҳои муҳоҷирфиристанда", ctx).split("<br>")
    assert lines[0] == "% оилаҳои"
    assert (
        all(line.endswith("-") for line in lines[1:-1]) and "".join(lines[1:]).replace("-", "") == "муҳоҷирфиристанда"
    )
    assert colorbar_title("% домохозяйств", RenderContext("ru")) == "% домохозяйств"  # fits: one line


def test_wrap_keeps_long_words_whole() -> None:
    assert wrap("% of migrant-sending families", 10) == "% of<br>migrant-sending<br>families"


def test_the_profile_gives_every_currency_its_short_unit(store: DataStore) -> None:
    usd = store.indicators["remittance_monthly_usd"]
    assert [compact_unit(usd, RenderContext(lang)) for lang in ("en", "ru", "tg")] == ["US$", "долл.", "доллари"]


def test_numbers_in_scene_notes_do_not_break_across_lines() -> None:
    assert unbroken_numbers("652 014 сафар, 1 000 000 ва 44 %") == "652\u00a0014 сафар, 1\u00a0000\u00a0000 ва 44 %"


def _strings(component: object) -> list[str]:
    """Every text of a Dash component tree."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [text for child in component for text in _strings(child)]
    return _strings(getattr(component, "children", None) or [])


def test_the_models_rows_are_named_in_the_page_language_on_the_sources_tab(store: DataStore) -> None:
    indicator = store.indicators["hh_member_abroad_pct"]
    for language, model in (("ru", "Иллюстративная модель"), ("tg", "Модели намунавӣ")):
        text = " ".join(_strings(indicator_sources(store, indicator, RenderContext(language))))
        assert "Illustrative model" not in text and "calibrated" not in text
        assert model in text and "44\u00a0%" in text
