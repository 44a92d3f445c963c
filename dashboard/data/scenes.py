"""The presenter's storyboard, ``data/scenes.yaml``: an ordered list of scenes, checked with pydantic.

Each scene says what the room sees::

    scenes:
      - title: Where migrant-sending households concentrate
        note: One or two sentences the presenter can read out.
        tab: map                  # map | chart | table | sources
        chart: ranking            # with tab: chart -> ranking | trend | profile | services | context
        indicator: hh_member_abroad_pct
        year: 2024
        spotlight: Dusti          # optional, any spelling of a district
        compare: Kulob            # optional

YAML positions are kept (``yaml.compose``) so every problem is reported as ``FILE:LINE: FIELD: message``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from .model import Indicator, Level
from .names import UnknownDistrictError
from .problems import NO_COLUMN, Problem
from .readers import read_text

MAX_SCENES = 30
MAX_NOTE_CHARACTERS = 320


class SceneSpec(BaseModel):
    """The fields of one scene as written in the file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=90)
    note: str = Field(min_length=1, max_length=MAX_NOTE_CHARACTERS)
    tab: Literal["map", "chart", "table", "sources"]
    chart: Literal["ranking", "trend", "profile", "services", "context"] = "ranking"
    indicator: str = Field(min_length=1)
    year: StrictInt  # not "2024", not 2024.0, not true
    spotlight: str | None = Field(default=None, min_length=1)
    compare: str | None = Field(default=None, min_length=1)


@dataclass(frozen=True)
class Scene:
    """A checked scene: ids resolved, ready for the view state."""

    number: int
    title: str
    note: str
    tab: str
    chart: str
    indicator: str
    year: int
    spotlight: str | None = None
    compare: str | None = None


def _lines(node: yaml.Node) -> dict[str, int]:
    """Field name -> 1-based line of its value in a YAML mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value.start_mark.line + 1 for key, value in node.value}


def _repeated_keys(node: yaml.Node) -> list[tuple[str, int]]:
    """Keys given twice in one mapping (YAML would silently keep the last), with their lines."""
    seen: set[str] = set()
    repeated = []
    for key, _ in node.value if isinstance(node, yaml.MappingNode) else []:
        if str(key.value) in seen:
            repeated.append((str(key.value), key.start_mark.line + 1))
        seen.add(str(key.value))
    return repeated


def _to_python(node: yaml.Node):
    """The plain value of a node; ``yaml.YAMLError`` for what safe_load refuses (e.g. a list as a key)."""
    return yaml.safe_load(yaml.serialize(node))


def needs_illustrative_note(indicator: Indicator, tab: str, chart: str) -> bool:
    """Whether the scene puts illustrative district figures on screen (so its note must say so)."""
    national_chart = tab == "chart" and chart == "context"
    return indicator.is_illustrative and not national_chart and tab != "sources"


def read_scenes(
    path: Path,
    shown: str,
    indicators: Mapping[str, Indicator],
    years: Callable[[str], tuple[int, ...]],
    resolve: Callable[[str], str],
) -> tuple[list[Scene], list[Problem]]:
    """Parse and check the storyboard against the catalogue, the data's years and the districts."""
    text, problems = read_text(path, shown)
    if text is None:
        return [], problems
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return [], [Problem(shown, line, NO_COLUMN, f"invalid YAML: {error.problem or error}")]
    scene_nodes = _scene_nodes(root)
    for key, line in _repeated_keys(root):
        problems.append(Problem(shown, line, key, f"{key!r} is given twice; only one is allowed"))
    if scene_nodes is None:
        return [], [Problem(shown, 1, "scenes", "expected a mapping with a list under 'scenes:'")]
    if not scene_nodes:
        return [], [Problem(shown, root.start_mark.line + 1, "scenes", "the storyboard has no scenes")]
    if len(scene_nodes) > MAX_SCENES:
        problems.append(
            Problem(
                shown,
                scene_nodes[MAX_SCENES].start_mark.line + 1,
                "scenes",
                f"more than {MAX_SCENES} scenes; a roundtable cannot step through that many",
            )
        )
    scenes: list[Scene] = []
    for number, node in enumerate(scene_nodes[:MAX_SCENES], start=1):
        scene, found = _check_scene(number, node, shown, indicators, years, resolve)
        problems += found
        if scene is not None:
            scenes.append(scene)
    return scenes, problems


def _scene_nodes(root: yaml.Node | None) -> list[yaml.Node] | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == "scenes":
            return list(value.value) if isinstance(value, yaml.SequenceNode) else None
    return None


def _check_scene(
    number: int,
    node: yaml.Node,
    shown: str,
    indicators: Mapping[str, Indicator],
    years: Callable[[str], tuple[int, ...]],
    resolve: Callable[[str], str],
) -> tuple[Scene | None, list[Problem]]:
    start = node.start_mark.line + 1
    lines = _lines(node)
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(shown, start, NO_COLUMN, f"scene {number} is not a mapping of fields")]
    repeated = [
        Problem(shown, line, key, f"scene {number}: {key!r} is given twice") for key, line in _repeated_keys(node)
    ]
    if repeated:
        return None, repeated
    try:
        spec = SceneSpec.model_validate(_to_python(node))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else start
        return None, [
            Problem(shown, line, NO_COLUMN, f"scene {number}: cannot read: {getattr(error, 'problem', error)}")
        ]
    except ValidationError as error:
        problems = []
        for issue in error.errors():
            field = str(issue["loc"][0]) if issue["loc"] else NO_COLUMN
            message = (
                "required field is missing"
                if issue["type"] == "missing"
                else "unknown field"
                if issue["type"] == "extra_forbidden"
                else issue["msg"]
            )
            problems.append(Problem(shown, lines.get(field, start), field, f"scene {number}: {message}"))
        return None, problems
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(shown, lines.get(field, start), field, f"scene {number}: {message}"))

    indicator = indicators.get(spec.indicator)
    if indicator is None:
        problem("indicator", f"unknown indicator {spec.indicator!r}")
    elif indicator.level is not Level.DISTRICT:
        problem(
            "indicator",
            f"{spec.indicator!r} is a national indicator; choose a district indicator "
            "(national figures are shown with chart: context)",
        )
    elif spec.year not in years(spec.indicator):
        problem(
            "year",
            f"{spec.indicator} has no data for {spec.year} (years: {', '.join(map(str, years(spec.indicator)))})",
        )
    if (
        indicator is not None
        and needs_illustrative_note(indicator, spec.tab, spec.chart)
        and "illustrative" not in spec.note.lower()
    ):
        problem("note", f"{spec.indicator} is illustrative (not official statistics): the note must say 'illustrative'")
    resolved: dict[str, str | None] = {}
    for field in ("spotlight", "compare"):
        name = getattr(spec, field)
        try:
            resolved[field] = resolve(name) if name else None
        except UnknownDistrictError as error:
            problem(field, str(error))
    if problems:
        return None, problems
    return Scene(
        number,
        spec.title,
        spec.note,
        spec.tab,
        spec.chart,
        spec.indicator,
        spec.year,
        resolved["spotlight"],
        resolved["compare"],
    ), []
