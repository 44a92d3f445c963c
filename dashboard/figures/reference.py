"""The Khatlon reference drawn on charts: the data's own ``khatlon`` row where there is one."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import KHATLON, DataStore, Indicator, Observation
from ..data.model import Aggregate
from .render import RenderContext


@dataclass(frozen=True)
class Reference:
    year: int
    value: float
    label: str  # "Khatlon", or "Unweighted mean of districts (no Khatlon figure in the data)"
    observation: Observation | None  # the data's row, when the value is one


def khatlon_reference(store: DataStore, indicator: Indicator, year: int, ctx: RenderContext) -> Reference | None:
    """Khatlon's row for the year; else the unweighted mean of districts, labelled as such.

    Totals (``aggregate = sum``, e.g. population) get no reference: a total is not comparable with
    a district's value.
    """
    if indicator.aggregate is Aggregate.SUM:
        return None
    observation = store.observation(indicator.id, KHATLON, year)
    if observation is not None:
        return Reference(year, observation.value, ctx.t("Khatlon"), observation)
    values = [o.value for o in store.year_observations(indicator.id, year)]
    if not values:
        return None
    mean = sum(values) / len(values)
    return Reference(year, mean, ctx.t("Unweighted mean of districts (no Khatlon figure in the data)"), None)


def khatlon_series(store: DataStore, indicator: Indicator, ctx: RenderContext) -> tuple[list[Reference], str]:
    """Khatlon's value for every year that has one, and how it was obtained."""
    if indicator.aggregate is Aggregate.SUM:  # a total is not comparable with one district
        return [], ctx.t("Khatlon")
    found = [khatlon_reference(store, indicator, year, ctx) for year in store.years(indicator.id)]
    references = [r for r in found if r is not None]
    label = (
        ctx.t("Khatlon")
        if all(r.observation is not None for r in references)
        else ctx.t("Unweighted mean of districts")
    )
    return references, label
