"""What the presenter's bar says for a view: the scene's title and note, its position, the Esc target,
and whether the scene shows illustrative numbers (``data-status``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data import DataStore, Indicator
from ..data.views import indicators_shown
from ..figures import RenderContext
from ..state import Tab, ViewState, leave_presentation


@dataclass(frozen=True)
class PresenterText:
    app_class: str
    title: str
    note: str
    position: str
    leave_query: str
    illustrative: bool  # the ``data-status`` mark is shown


def shown_indicators(store: DataStore, view: ViewState) -> list[Indicator]:
    """The indicators whose numbers the view shows (the gap map: its need and its service)."""
    if view.tab == Tab.GAP:
        return indicators_shown(store.indicators, view.tab.value, "", view.need, (view.service,))
    return indicators_shown(store.indicators, view.tab.value, view.chart.value, view.indicator)


def shows_illustrative(store: DataStore, view: ViewState) -> bool:
    """Whether any number of the view is illustrative (all indicators it shows, by their rows)."""
    return store.shows_illustrative([i.id for i in shown_indicators(store, view)])


def unbroken_numbers(text: str) -> str:
    """Digit groups kept on one line: "652 014" written with a plain space gets a no-break space."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "\u00a0", text)


def presenter_text(store: DataStore, view: ViewState, ctx: RenderContext) -> PresenterText:
    leave = leave_presentation(view).to_query()
    if not view.present:
        return PresenterText("app", "", "", "", leave, False)
    illustrative = shows_illustrative(store, view)
    if not view.scene:
        label = ctx.text(store.indicators[view.indicator], "label")
        return PresenterText("app presenting", label, "", "1 / 1", leave, illustrative)
    scene = store.scenes[view.scene - 1]
    return PresenterText(
        "app presenting",
        unbroken_numbers(scene.title(ctx.language)),
        unbroken_numbers(scene.note(ctx.language)),
        f"{view.scene} / {len(store.scenes)}",
        leave,
        illustrative,
    )
