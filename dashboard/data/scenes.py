"""The presenter's storyboard, ``data/scenes.yaml``: an ordered list of scenes, checked with pydantic.

Each scene says what the room sees::

    scenes:
      - title:                    # one text, or one per language (en required; ru, tg)
          en: Where migrant-sending households concentrate (illustrative)
          ru: Где сосредоточены домохозяйства мигрантов (иллюстративные данные)
        note: One or two sentences the presenter can read out.
        tab: map                  # map | chart | table | sources | gap
        chart: ranking            # with tab: chart -> ranking | trend | profile | services | context
        indicator: hh_member_abroad_pct   # with tab: gap, the need (set against ``service``)
        service: coverage_psychosocial_pct  # optional, tab: gap only
        year: 2024
        spotlight: Dusti          # optional, any spelling of a district
        compare: Kulob            # optional

YAML positions are kept (``yaml.compose``) so every problem is reported as ``FILE:LINE: FIELD: message``.
A scene whose view shows an illustrative number (any indicator it shows, see :mod:`.views`) must
say so: its title or note carries the glossary's word for "illustrative" in every language it has.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError, field_validator

from ..glossary import ILLUSTRATIVE_STEMS, LANGUAGES, says_illustrative
from .model import Indicator, Level, Status
from .names import UnknownDistrictError
from .problems import NO_COLUMN, Problem
from .readers import read_text
from .views import gap_needs, indicators_shown, service_indicators

MAX_SCENES = 30
MAX_TITLE_CHARACTERS = 90
MAX_NOTE_CHARACTERS = 320
Texts = Mapping[str, str]  # language -> text


def _texts(value: object, limit: int) -> dict[str, str]:
    """A text, or a mapping of language -> text with English, each 1..limit characters."""
    texts = {"en": value} if isinstance(value, str) else value
    if not isinstance(texts, dict) or not texts:
        raise ValueError("expected a text, or a mapping of languages (en, ru, tg) to texts")
    unknown = sorted(str(k) for k in texts if k not in LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language {unknown[0]!r}; use {', '.join(LANGUAGES)}")
    if "en" not in texts:
        raise ValueError("the English text (en) is required")
    cleaned = {}
    for language, text in texts.items():
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"the {language} text is empty")
        if len(text.strip()) > limit:
            raise ValueError(f"the {language} text has {len(text.strip())} characters; at most {limit}")
        cleaned[language] = " ".join(text.split())
    return cleaned


class SceneSpec(BaseModel):
    """The fields of one scene as written in the file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: dict[str, str]
    note: dict[str, str]
    tab: Literal["map", "chart", "table", "sources", "gap"]
    chart: Literal["ranking", "trend", "profile", "services", "context"] = "ranking"
    indicator: str = Field(min_length=1)
    year: StrictInt  # not "2024", not 2024.0, not true
    spotlight: str | None = Field(default=None, min_length=1)
    compare: str | None = Field(default=None, min_length=1)
    service: str | None = Field(default=None, min_length=1)

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: object) -> dict[str, str]:
        return _texts(value, MAX_TITLE_CHARACTERS)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> dict[str, str]:
        return _texts(value, MAX_NOTE_CHARACTERS)


@dataclass(frozen=True)
class Scene:
    """A checked scene: ids resolved, ready for the view state. Texts by language (``en`` always)."""

    number: int
    titles: Texts
    notes: Texts
    tab: str
    chart: str
    indicator: str
    year: int
    spotlight: str | None = None
    compare: str | None = None
    service: str | None = None  # the gap map's service (its need is ``indicator``)

    @property
    def need(self) -> str | None:
        return self.indicator if self.tab == "gap" else None

    def title(self, language: str = "en") -> str:
        return self.titles.get(language) or self.titles["en"]

    def note(self, language: str = "en") -> str:
        return self.notes.get(language) or self.notes["en"]


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


Statuses = Callable[[str], frozenset[str]]  # indicator id -> the statuses of its rows


def catalogue_statuses(indicators: Mapping[str, Indicator]) -> Statuses:
    """Row statuses taken from the catalogue alone (when the values are not at hand)."""
    return lambda indicator_id: (
        frozenset({indicators[indicator_id].status.value}) if indicator_id in indicators else frozenset()
    )


def shows_illustrative(
    indicators: Mapping[str, Indicator],
    statuses: Statuses,
    tab: str,
    chart: str,
    indicator_id: str,
    extra: tuple[str, ...] = (),
) -> bool:
    """Whether any number the view shows comes from an illustrative row."""
    shown = indicators_shown(indicators, tab, chart, indicator_id, extra)
    return any(Status.ILLUSTRATIVE.value in statuses(i.id) for i in shown)


def read_scenes(
    path: Path,
    shown: str,
    indicators: Mapping[str, Indicator],
    years: Callable[[str], tuple[int, ...]],
    resolve: Callable[[str], str],
    statuses: Statuses | None = None,
) -> tuple[list[Scene], list[Problem]]:
    """Parse and check the storyboard against the catalogue, the data's years and the districts.

    ``statuses`` gives the statuses of an indicator's rows (default: the catalogue's status).
    """
    statuses = statuses or catalogue_statuses(indicators)
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
        scene, found = _check_scene(number, node, shown, indicators, years, resolve, statuses)
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
    statuses: Statuses,
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
    service = indicators.get(spec.service) if spec.service else None
    if spec.service and (service is None or service not in service_indicators(indicators.values())):
        problem("service", f"unknown service-coverage indicator {spec.service!r}")
    elif spec.service and spec.tab != "gap":
        problem("service", "service is used with tab: gap only")
    elif spec.tab == "gap" and indicator is not None and indicator not in gap_needs(indicators.values()):
        problem("indicator", f"{spec.indicator!r} cannot be the need on the gap map (a service or a count)")
    extra = (spec.service,) if spec.service else ()
    if indicator is not None and shows_illustrative(indicators, statuses, spec.tab, spec.chart, spec.indicator, extra):
        for language in sorted(set(spec.title) | set(spec.note)):
            text = spec.title.get(language, "") + " " + spec.note.get(language, "")
            if not says_illustrative(text, language):
                problem(
                    "note",
                    f"the view shows illustrative numbers (not official statistics): the {language} title or note "
                    f"must say so ({ILLUSTRATIVE_STEMS[language]!r})",
                )
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
        spec.service,
    ), []
