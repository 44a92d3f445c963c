"""The marks that say where a figure's numbers come from: the illustrative badge and the source line."""

from __future__ import annotations

from collections.abc import Sequence

from ..data import DataStore, Indicator
from .render import RenderContext
from .style import badge_wrap, footer_width, illustrative_mark, source_line


def partly_text(ctx: RenderContext) -> str:
    return ctx.t("Partly illustrative: orange outlines and ⚠ mark model figures")


def badge_text(store: DataStore, indicators: Sequence[Indicator], ctx: RenderContext) -> str:
    """The badge's words: fully illustrative, partly illustrative, or none (empty)."""
    ids = [i.id for i in indicators]
    if not store.shows_illustrative(ids):
        return ""
    if any(store.is_partly_illustrative(i) for i in ids):
        return partly_text(ctx)
    return ctx.t("Illustrative data — not official statistics")


def source_names(store: DataStore, indicators: Sequence[Indicator], ctx: RenderContext) -> list[str]:
    """Each source once, by the name a reader knows (the model named once for all illustrative rows)."""
    names = []
    for indicator in indicators:
        statuses = store.statuses(indicator.id) or {indicator.status}
        if indicator.status in statuses:
            names.append(ctx.text(indicator, "source_name") or ctx.text(indicator, "source"))
        if statuses - {indicator.status}:
            names.append(ctx.t("rows from other sources: see the Sources tab"))
    return list(dict.fromkeys(names))


def provenance_annotations(
    store: DataStore, indicators: Sequence[Indicator], ctx: RenderContext, fraction: float = 1.0
) -> list[dict]:
    """The illustrative badge (when any row shown is illustrative) and the source line."""
    badge = badge_text(store, indicators, ctx)
    wrap_at = badge_wrap(ctx.style, ctx.width, len(badge) + 2)
    marks = [illustrative_mark(badge, ctx.style, wrap_at)] if badge else []
    names = source_names(store, indicators, ctx)
    label = ctx.t("Source") if len(names) == 1 else ctx.t("Sources")
    text = f"{label}: " + "; ".join(names)
    return marks + [source_line(text, ctx.style, footer_width(ctx.style, (ctx.width - 30) * fraction))]
