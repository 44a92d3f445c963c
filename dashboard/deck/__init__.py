"""The presenter's storyboard as a slide deck (PowerPoint, 16:9): ``khatlon-dashboard deck`` and ``/deck.pptx``.

* :mod:`.plan`: store + storyboard + language -> :class:`~.plan.DeckPlan` (texts, figures to draw);
* :mod:`.images`: figures -> PNG bytes with kaleido (headless Chromium), offline;
* :mod:`.slides`: plan + PNGs -> ``.pptx`` bytes (python-pptx);
* :mod:`.routes`: ``GET /deck.pptx?lang=…``, each language built once in the background.

Importing this package loads neither kaleido nor python-pptx: :func:`build_deck` does, when called.
"""

from __future__ import annotations

from ..data import DataStore


def build_deck(store: DataStore, language: str = "en") -> bytes:
    """The deck of ``store.scenes`` in ``language`` as ``.pptx`` bytes.

    Raises :class:`~.images.RendererUnavailable` when no Chromium can be started to draw the charts.
    """
    from .images import render_pngs
    from .plan import deck_plan
    from .slides import write_deck

    plan = deck_plan(store, language)
    drawn = iter(render_pngs([picture for scene in plan.scenes for picture in scene.pictures], store.geojson))
    return write_deck(plan, [[next(drawn) for _ in scene.pictures] for scene in plan.scenes])


__all__ = ["build_deck"]
