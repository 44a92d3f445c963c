"""Words and numbers shown on figures: place names, values with units, and the four hover lines.

A hover has four lines (DESIGN §5): (1) the place's name; (2) the value with its unit and year;
(3) the interval and sample size, or the small-sample note; (4) the status when not official, and
the source's name (never a file path).
"""

from __future__ import annotations

import math

from ..data import KHATLON, TAJIKISTAN, DataStore, Indicator, Observation, Status, Unit
from ..data.model import UnitType
from ..data.quality import SampleFlag, calibration, sample_flag
from ..i18n import N_
from .render import RenderContext

STATUS_NAMES = {
    Status.OFFICIAL: N_("official statistics"),
    Status.SURVEY: N_("survey estimate"),
    Status.ESTIMATE: N_("estimate"),
    Status.ILLUSTRATIVE: N_("illustrative — not official statistics"),
}


def unit_name(unit: Unit, ctx: RenderContext, with_type: bool = True) -> str:
    """``Kulob (city)`` for cities, ``Dusti`` for districts, in the context's language."""
    name = unit.name(ctx.language)
    if with_type and unit.type is UnitType.CITY:
        return ctx.t("{name} (city)", name=name)
    return name


def short_name(name: str) -> str:
    """``Abdurahmoni Jomi`` -> ``A. Jomi`` (as Tajik tables write it: ``А. Ҷомӣ``); one word stays whole."""
    words = name.split()
    if len(words) < 2:
        return name
    first = words[0][:2] if words[0][:2].lower() in ("sh", "ш") else words[0][0]
    return f"{first}. {' '.join(words[1:])}"


def area_name(store: DataStore, area_id: str, ctx: RenderContext) -> str:
    """A unit's name, or Khatlon / Tajikistan."""
    if area_id == KHATLON:
        return ctx.t("Khatlon")
    if area_id == TAJIKISTAN:
        return ctx.t("Tajikistan")
    return unit_name(store.units[area_id], ctx) if area_id in store.units else area_id


def place_title(store: DataStore, area_id: str, observation: Observation | None, ctx: RenderContext) -> str:
    """Hover line 1: the name; a figure that also counts another unit says so ("Kushoniyon + Bokhtar (city)")."""
    name = area_name(store, area_id, ctx)
    if observation is not None and observation.includes:
        others = [area_name(store, other, ctx) for other in observation.includes]
        return " + ".join([name, *others])
    unit = store.units.get(area_id)
    if unit is not None and unit.previous_name and ctx.language == "en":
        return ctx.t("{name} (formerly {previous})", name=name, previous=unit.previous_name)
    return name


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def unit_text(indicator: Indicator, ctx: RenderContext) -> str:
    return ctx.text(indicator, "unit")


def value_text(indicator: Indicator, value: float | None, ctx: RenderContext, with_unit: bool = True) -> str:
    """``48.2 % of households``, ``312 US$ per receiving household``; ``no data`` when missing."""
    if is_missing(value):
        return ctx.t("no data")
    number = ctx.number(value, indicator.decimals)
    return f"{number} {unit_text(indicator, ctx)}" if with_unit else number


def interval_text(indicator: Indicator, observation: Observation, ctx: RenderContext) -> str:
    """Hover line 3: ``95% interval 41.0–55.3 · n = 512``, a model interval, a small-sample note, or empty."""
    flag = sample_flag(indicator, observation)
    size = ctx.number(observation.sample_size) if observation.sample_size is not None else ""
    if flag is SampleFlag.SUPPRESSED:
        return ctx.t("too few responses (n = {count}): not shown", count=size)
    has_bounds = not is_missing(observation.lower) and not is_missing(observation.upper)
    bounds = {
        "lower": ctx.number(observation.lower, indicator.decimals),
        "upper": ctx.number(observation.upper, indicator.decimals),
    }
    if observation.is_illustrative and has_bounds:
        text = ctx.t("model interval {lower}–{upper}", **bounds)
    elif has_bounds:
        text = ctx.t("95% interval {lower}–{upper}", **bounds)
    else:
        text = ""
    if flag is SampleFlag.SMALL:
        note = ctx.t("small sample (n = {count}): read with care", count=size)
        return f"{text} · {note}" if text else note
    if size and not observation.is_illustrative:  # a model's simulated sample size says nothing to a reader
        n = ctx.t("n = {count}", count=size)
        return f"{text} · {n}" if text else n
    return text


def source_name(indicator: Indicator, observation: Observation | None, ctx: RenderContext) -> str:
    """The source's name as a reader knows it: the catalogue's short name, or the row's own source."""
    if observation is not None and observation.status is not indicator.status and observation.source:
        return short(observation.source, 70)
    return ctx.text(indicator, "source_name") or short(ctx.text(indicator, "source"), 70)


def provenance_text(indicator: Indicator, observation: Observation | None, ctx: RenderContext) -> str:
    """Hover line 4: the status (when not official) and the source's name."""
    status = observation.status if observation is not None else indicator.status
    if status is Status.ILLUSTRATIVE:
        if observation is not None and observation.area_id == KHATLON:
            anchor = calibration(indicator, observation.year, ctx.language)
            if anchor:
                return "⚠ " + ctx.t("Illustrative: model calibrated to {anchor}", anchor=anchor)
            return "⚠ " + ctx.t("Illustrative: weighted mean of the model's districts")
        return "⚠ " + ctx.t("Illustrative: not official statistics")
    name = source_name(indicator, observation, ctx)
    if status is Status.OFFICIAL:
        return name
    return f"{ctx.t(STATUS_NAMES[status]).capitalize()} · {name}"


def status_text(status: Status, ctx: RenderContext) -> str:
    return ctx.t(STATUS_NAMES[status])


def hover_lines(
    store: DataStore, indicator: Indicator, area_id: str, year: int, ctx: RenderContext, name: str | None = None
) -> list[str]:
    """The four hover lines (as text) of one place, indicator and year."""
    observation = store.observation(indicator.id, area_id, year)
    first = f"<b>{name or place_title(store, area_id, observation, ctx)}</b>"
    if observation is None:
        counted = store.counted_in(indicator.id, area_id, year)
        if counted:
            other = store.observation(indicator.id, counted, year)
            together = value_text(indicator, other.value if other else None, ctx)
            return [
                first,
                ctx.t("counted with {name}: {value} together", name=area_name(store, counted, ctx), value=together),
            ]
        return [first, ctx.t("No data for {year}", year=year)]
    suppressed = sample_flag(indicator, observation) is SampleFlag.SUPPRESSED
    value = ctx.t("not shown") if suppressed else value_text(indicator, observation.value, ctx)
    lines = [first, f"{value} · {year}"]
    extra = interval_text(indicator, observation, ctx)
    if extra:
        lines.append(extra)
    lines.append(provenance_text(indicator, observation, ctx))
    return lines


def short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
