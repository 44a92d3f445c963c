"""Hover texts built in the browser: a hover template plus a little ``customdata`` per point.

Sending four finished lines for every district on every update would make the hover text most of
the bytes on the wire. Instead the template holds what all points share (the unit, the year, the
status and source when they are the same for every point) and ``customdata`` only what differs:
the bounds and sample size as numbers, or a line of text where points differ in kind (for example a
survey row among model rows). plotly formats the numbers with the page's separators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data import DataStore, Indicator, Observation
from ..data.quality import SampleFlag, sample_flag
from .labels import area_name, interval_text, is_missing, provenance_text
from .render import RenderContext

EXTRA = "<extra></extra>"


@dataclass(frozen=True)
class PointHovers:
    """``hovertemplate`` and ``customdata`` of a trace."""

    template: str
    customdata: list


def _interval_kind(indicator: Indicator, observation: Observation | None) -> tuple | None:
    """A key telling which template fits a point's line 3 (None: only text can say it)."""
    if observation is None:
        return ("none",)
    if sample_flag(indicator, observation) is not SampleFlag.OK or observation.includes:
        return None
    bounds = not is_missing(observation.lower) and not is_missing(observation.upper)
    sized = observation.sample_size is not None and not observation.is_illustrative
    return ("bounds" if bounds else "plain", observation.is_illustrative, sized)


def _numeric_line(indicator: Indicator, kind: tuple, ctx: RenderContext, first: int) -> tuple[str, int]:
    """Line 3 as a template over numbers in ``customdata[first:]``; returns it and how many it uses."""
    shape, illustrative, sized = kind
    number = f",.{indicator.decimals}f"
    parts, used = [], 0
    if shape == "bounds":
        bounds = {"lower": f"%{{customdata[{first}]:{number}}}", "upper": f"%{{customdata[{first + 1}]:{number}}}"}
        parts.append(
            ctx.t("model interval {lower}–{upper}", **bounds)
            if illustrative
            else ctx.t("95% interval {lower}–{upper}", **bounds)
        )
        used = 2
    if sized and not illustrative:  # a model's simulated sample size says nothing to a reader
        count = f"%{{customdata[{first + used}]:,}}"
        parts.append(ctx.t("n = {count}", count=count))
        used += 1
    return " · ".join(parts), used


def _line3(store: DataStore, indicator: Indicator, observation: Observation, ctx: RenderContext) -> str:
    """Line 3 as text: the interval, and for a combined figure the units it counts together."""
    text = interval_text(indicator, observation, ctx)
    if observation.includes:
        names = [area_name(store, a, ctx) for a in (observation.area_id, *observation.includes)]
        together = ctx.t("{names}: one figure, counted together", names=" + ".join(names))
        return f"{together} · {text}" if text else together
    return text


def point_hovers(
    store: DataStore,
    indicator: Indicator,
    area_ids: Sequence[str],
    year: int,
    ctx: RenderContext,
    name: str = "%{text}",
    value: str = "%{z}",
    plain: bool = False,
) -> PointHovers:
    """Hover template and customdata for ``area_ids`` (one point each, in that order).

    ``name`` and ``value`` are the template fields holding the place's name and value (a bar chart
    has them in ``%{y}`` and ``%{x}``). Points without a value get placeholders: they are not drawn.
    ``plain``: no ``<b>`` and no ``<extra>`` tags (the trace has bold names and ``hoverlabel.namelength``
    0), which keeps the map's updates small: every ``<`` and ``>`` is sent as a six-character escape.
    """
    observations = [store.observation(indicator.id, a, year) for a in area_ids]
    drawn = [o for o in observations if o is not None]
    fmt = f",.{indicator.decimals}f"
    value_field = value[:-1] + f":{fmt}}}" if value.endswith("}") else value
    lines = [name if plain else f"<b>{name}</b>", f"{value_field} {ctx.text(indicator, 'unit')} · {year}"]
    columns: list[list] = [[] for _ in observations]

    kinds = {_interval_kind(indicator, o) for o in drawn}
    if None not in kinds and len(kinds) == 1 and next(iter(kinds))[0] != "none":
        template, used = _numeric_line(indicator, next(iter(kinds)), ctx, 0)
        if template:
            lines.append(template)
        for column, observation in zip(columns, observations):
            if observation is not None:
                numbers = [observation.lower, observation.upper][: 2 if used >= 2 else 0]
                numbers += [observation.sample_size] if used in (1, 3) else []
                column += [round(float(v), indicator.decimals) if isinstance(v, float) else v for v in numbers]
            else:
                column += [None] * used
    elif drawn:
        texts = [_line3(store, indicator, o, ctx) if o is not None else "" for o in observations]
        index = len(columns[0])
        if any(texts):
            lines.append(f"%{{customdata[{index}]}}")
            for column, text in zip(columns, texts):
                column.append(text)

    provenance = [provenance_text(indicator, o, ctx) if o is not None else "" for o in observations]
    distinct = {p for o, p in zip(observations, provenance) if o is not None}
    if len(distinct) <= 1:
        lines.append(next(iter(distinct), provenance_text(indicator, None, ctx)))
    else:
        index = len(columns[0]) if columns else 0
        lines.append(f"%{{customdata[{index}]}}")
        for column, text in zip(columns, provenance):
            column.append(text)
    customdata = columns if any(columns) else []
    return PointHovers("<br>".join(lines) + ("" if plain else EXTRA), customdata)
