"""The Khatlon reference value drawn on charts: the data's own ``khatlon`` row where there is one."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data import KHATLON, DataStore, Indicator
from ..data.model import Aggregate
from ..i18n import Translator


@dataclass(frozen=True)
class Reference:
    value: float
    label: str  # what the line is: "Khatlon (weighted, from the data)" or "unweighted mean of districts"
    from_data: bool


def khatlon_reference(store: DataStore, indicator: Indicator, year: int, t: Translator) -> Reference | None:
    """Khatlon's row for the year; else the unweighted mean of districts, labelled as such.

    Totals (``aggregate = sum``, e.g. population) get no reference line: a total is not comparable
    with a district's value.
    """
    if indicator.aggregate is Aggregate.SUM:
        return None
    observation = store.observation(indicator.id, KHATLON, year)
    if observation is not None:
        return Reference(observation.value, t("Khatlon"), True)
    values = store.snapshot(indicator.id, year)["value"].dropna()
    if values.empty:
        return None
    return Reference(float(values.mean()), t("Unweighted mean of districts (no Khatlon figure in the data)"), False)


def khatlon_series(store: DataStore, indicator: Indicator, t: Translator) -> tuple[pd.DataFrame, str]:
    """Khatlon's value per year (``year, value, lower, upper``) and how it was obtained."""
    rows = store.rows(indicator.id)
    own = rows[rows["district_id"] == KHATLON][["year", "value", "lower", "upper"]]
    if indicator.aggregate is Aggregate.SUM:  # a total is not comparable with one district
        return own.iloc[0:0].reset_index(drop=True), t("Khatlon")
    if not own.empty:
        return own.reset_index(drop=True), t("Khatlon")
    units = rows[rows["district_id"].isin(store.district_ids)]
    means = units.groupby("year", as_index=False)["value"].mean()
    means["lower"] = means["upper"] = float("nan")
    return means, t("Unweighted mean of districts")
