"""The render context: everything a figure builder needs besides the data and the view.

One object instead of loose arguments: the language and its translator, number formatting, and
the visual style (screen, or projector type sized for the screen).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import Indicator
from ..i18n import Translator, translator
from .style import SCREEN, Style, base_layout


@dataclass(frozen=True)
class RenderContext:
    """Language, translator and style of one rendering (hashable: figures are cached per context)."""

    language: str = "en"
    style: Style = SCREEN
    width: int = 800  # the figure's width in CSS pixels (titles and source lines are wrapped to it)
    t: Translator = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "t", translator(self.language))

    @property
    def separators(self) -> str:
        return self.t.separators

    def number(self, value: float | None, decimals: int = 0) -> str:
        return self.t.number(value, decimals)

    def text(self, indicator: Indicator, field_name: str) -> str:
        """An indicator's catalogue text (label, unit, definition, caveat, source...) in this language."""
        return indicator.text(field_name, self.language)

    def layout(self, title: str, subtitle: str = "", illustrative: bool = False) -> dict:
        """The shared base layout in this context's style and number separators."""
        badge = len(self.t("Illustrative data — not official statistics")) + 2
        return base_layout(self.style, title, subtitle, illustrative, self.separators, self.width, badge)

    def chars(self, font_size: float, share: float = 1.0) -> int:
        """About how many characters of ``font_size`` fit across ``share`` of the figure's width."""
        return max(12, int(self.width * share / (font_size * 0.64)))

    @property
    def narrow(self) -> bool:
        """A phone-width figure: panels stack, side panels are left out, headings turn."""
        return self.width < 450

    @property
    def presenting(self) -> bool:
        return self.style.presenting
