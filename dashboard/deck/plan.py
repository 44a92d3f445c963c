"""What the deck holds, slide by slide, in one language: texts and the figures to draw (no browser here).

Each scene's figures are built exactly as presenter mode builds them for a 1920 x 1080 screen
(:func:`dashboard.layout.stage.stage_content` with that :class:`Viewport`, so projector type and the
widths the stage gives them). A map scene keeps its map and its ranking side by side, as on the
stage; a chart or gap-map scene has one picture; a Sources or Table scene has no picture but a table
of its sources. The pictures of a scene fill one 16:9 box; every picture is drawn
:data:`PIXELS_WIDE` pixels wide.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..data import DataStore, Indicator
from ..data.problems import Problem
from ..data.scenes import Scene, read_scenes
from ..figures import RenderContext
from ..figures.keys import GAP, MAP
from ..figures.labels import status_text
from ..figures.provenance import source_names
from ..i18n import N_
from ..layout.placement import Viewport, figure_width
from ..layout.presenter import shown_indicators
from ..layout.stage import stage_content
from ..state import Chart, Tab, ViewState, scene_state

VIEWPORT = Viewport(1920, 1080)  # the projector the deck is drawn for
PIXELS_WIDE = 1920  # every picture's width in pixels (its figure is laid out in CSS pixels and scaled)
BOX_ASPECT = 16 / 9  # the box a scene's pictures fill together
GEOJSON_PLACEHOLDER = "/geo/boundaries.json"  # figures name the boundaries by URL; images.py embeds them
ILLUSTRATIVE = N_("Illustrative data — not official statistics")  # the presenter's corner mark (data-status)
BOUNDARIES = N_("© OpenStreetMap contributors; geoBoundaries (ODbL)")
BOUNDARIES_LICENCE = "ODbL 1.0"


@dataclass(frozen=True)
class Picture:
    """One figure to draw: ``width`` x ``height`` CSS pixels, placed ``left``..``left + share`` across the box."""

    kind: str  # map, ranking, a chart kind, or gap
    figure: dict
    width: int
    height: int
    left: float  # where it starts, as a share of the box's width
    share: float  # how much of the box's width it takes

    @property
    def scale(self) -> float:
        """Device pixels per CSS pixel; a hair over, as the browser's canvas drops any fraction of a pixel."""
        return (PIXELS_WIDE + 0.01) / self.width

    @property
    def pixels(self) -> tuple[int, int]:
        """The PNG's size in pixels."""
        return int(self.width * self.scale), int(self.height * self.scale)


@dataclass(frozen=True)
class SourceRow:
    """One source and the indicators of the deck it gives (a row of a sources table)."""

    indicators: tuple[str, ...]
    source: str
    status: str
    licence: str


@dataclass(frozen=True)
class SceneSlide:
    number: int
    title: str
    note: str
    pictures: tuple[Picture, ...]  # none: a text slide (Sources, Table)
    source_line: str  # "Sources: …", and for maps a second line with the boundaries' attribution
    mark: str  # "⚠ Illustrative data — not official statistics", or "" where the scene shows none
    sources: tuple[SourceRow, ...] = ()  # the table of a text slide


@dataclass(frozen=True)
class DeckPlan:
    language: str
    title: str
    subtitle: str
    data_as_of: str
    mark: str  # on the title slide, where any scene is illustrative
    scenes: tuple[SceneSlide, ...]
    sources_title: str
    headings: tuple[str, str, str, str]  # Indicator, Source, Status, Licence
    sources: tuple[SourceRow, ...]


def storyboard(store: DataStore, path: Path, shown: str) -> tuple[list[Scene], list[Problem]]:
    """Another storyboard file, checked as ``validate`` checks ``data/scenes.yaml`` (same checker)."""
    return read_scenes(
        path,
        shown,
        store.indicators,
        store.years,
        store.resolve,
        lambda indicator_id: frozenset(status.value for status in store.statuses(indicator_id)),
    )


def with_scenes(store: DataStore, scenes: Sequence[Scene]) -> DataStore:
    """The same data with another storyboard (a shallow copy: the data itself is shared, never changed)."""
    other = copy.copy(store)
    other.scenes = tuple(scenes)
    return other


def pictures(view: ViewState, content: dict) -> tuple[Picture, ...]:
    """The stage's figures of a scene, sized as the stage sizes them, filling one 16:9 box."""
    box = figure_width("stage", view, VIEWPORT)  # the stage's full width (a chart takes all of it)
    height = round(box / BOX_ASPECT)
    if content["map"] is not None:
        ranking = figure_width(Chart.RANKING, view, VIEWPORT)
        shown = figure_width(MAP, view, VIEWPORT)
        return (
            Picture(MAP, content["map"], shown, height, 0.0, shown / box),
            Picture(Chart.RANKING.value, content["ranking"], ranking, height, 1 - ranking / box, ranking / box),
        )
    if content["chart"] is not None:
        kind = GAP if view.tab == Tab.GAP else view.chart.value
        return (Picture(kind, content["chart"], box, height, 0.0, 1.0),)
    return ()


def source_rows(store: DataStore, indicators: Iterable[Indicator], ctx: RenderContext) -> tuple[SourceRow, ...]:
    """One row per source (name, status, licence) with the indicators it gives, in order of appearance."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for indicator in dict.fromkeys(indicators):
        source = ctx.text(indicator, "source_name") or ctx.text(indicator, "source")
        key = (source, status_text(indicator.status, ctx), ctx.text(indicator, "licence"))
        groups.setdefault(key, []).append(ctx.text(indicator, "label"))
    return tuple(SourceRow(tuple(labels), *key) for key, labels in groups.items())


def boundaries_row(ctx: RenderContext) -> SourceRow:
    return SourceRow((ctx.t("District boundaries"),), ctx.t(BOUNDARIES), "", BOUNDARIES_LICENCE)


def source_line(store: DataStore, indicators: Sequence[Indicator], view: ViewState, ctx: RenderContext) -> str:
    """The scene's sources by name (as the figures' source lines give them); maps add the boundaries."""
    names = source_names(store, indicators, ctx)
    lines = [f"{ctx.t('Source') if len(names) == 1 else ctx.t('Sources')}: " + "; ".join(names)] if names else []
    if view.tab in (Tab.MAP, Tab.GAP):
        lines.append(ctx.t(BOUNDARIES))
    return "\n".join(lines)


def scene_slide(store: DataStore, number: int, language: str, every: Sequence[Indicator]) -> SceneSlide:
    """One scene as presenter mode shows it at 1920 x 1080 (``every``: the deck's indicators, for Sources)."""
    view = scene_state(store, number, language)
    ctx = RenderContext(language)
    content = stage_content(store, view, VIEWPORT, GEOJSON_PLACEHOLDER)
    shown = shown_indicators(store, view)
    drawn = pictures(view, content)
    sources: tuple[SourceRow, ...] = ()
    if not drawn:  # Sources: every source of the deck; Table: the scene's own
        listed = every if view.tab == Tab.SOURCES else shown
        sources = (*source_rows(store, listed, ctx), boundaries_row(ctx))
    return SceneSlide(
        number=number,
        title=content["title"],
        note=store.scenes[number - 1].note(language),
        pictures=drawn,
        source_line=source_line(store, shown, view, ctx),
        mark="" if content["hideStatus"] else "⚠ " + ctx.t(ILLUSTRATIVE),
        sources=sources,
    )


def deck_indicators(store: DataStore, language: str = "en") -> list[Indicator]:
    """Every indicator some scene of the storyboard shows, in the order the scenes show them."""
    found: dict[str, Indicator] = {}
    for number in range(1, len(store.scenes) + 1):
        for indicator in shown_indicators(store, scene_state(store, number, language)):
            found.setdefault(indicator.id, indicator)
    return list(found.values())


def deck_plan(store: DataStore, language: str) -> DeckPlan:
    """Every slide of the deck in ``language``: a title slide, a slide per scene, a sources slide."""
    ctx = RenderContext(language)
    t = ctx.t
    every = deck_indicators(store, language)
    scenes = tuple(scene_slide(store, number, language, every) for number in range(1, len(store.scenes) + 1))
    return DeckPlan(
        language=language,
        title=t("Khatlon Migration Dashboard"),
        subtitle=t(
            "Labour migration, remittances and services for the families left behind, "
            "in the 25 districts and cities of Khatlon, Tajikistan"
        ),
        data_as_of=t("Data as of {date}", date=t.date(store.data_as_of())),
        mark="⚠ " + t(ILLUSTRATIVE) if any(scene.mark for scene in scenes) else "",
        scenes=scenes,
        sources_title=t("Sources"),
        headings=(t("Indicator"), t("Source"), t("Status"), t("Licence")),
        sources=(*source_rows(store, every, ctx), boundaries_row(ctx)),
    )
