"""Words and numbers shown on figures: unit names, values with units, hover texts."""

from __future__ import annotations

import math

from ..data import KHATLON, DataStore, District, Indicator, Observation
from ..data.model import UnitType
from ..i18n import Translator


def unit_name(district: District, t: Translator, with_type: bool = True) -> str:
    """``Kulob (city)`` for cities, ``Dusti`` for districts."""
    if with_type and district.type is UnitType.CITY:
        return t("{name} (city)", name=district.name_en)
    return district.name_en


def area_name(store: DataStore, area_id: str, t: Translator) -> str:
    if area_id == KHATLON:
        return t("Khatlon")
    if area_id in store.districts:
        return unit_name(store.districts[area_id], t)
    return t("Tajikistan")


def name_with_previous(district: District, t: Translator) -> str:
    """``Dusti — formerly Jilikul (renamed 2016)`` where the unit was renamed."""
    name = unit_name(district, t)
    if district.previous_name:
        return t(
            "{name} — formerly {previous} (renamed {year})",
            name=name,
            previous=district.previous_name,
            year=district.renamed,
        )
    return name


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def value_text(indicator: Indicator, value: float | None, t: Translator, with_unit: bool = True) -> str:
    """``48.2 % of households``, ``312 US$ per receiving household``; ``no data`` when missing."""
    if is_missing(value):
        return t("no data")
    number = t.number(value, indicator.decimals)
    return f"{number} {t(indicator.unit)}" if with_unit else number


def bounds_text(indicator: Indicator, observation: Observation, t: Translator) -> str:
    """``95% interval 41.0–55.3 · n = 512``, or empty when the row has neither."""
    parts = []
    if not is_missing(observation.lower) and not is_missing(observation.upper):
        parts.append(
            t(
                "95% interval {lower}–{upper}",
                lower=t.number(observation.lower, indicator.decimals),
                upper=t.number(observation.upper, indicator.decimals),
            )
        )
    if observation.sample_size:
        parts.append(t("n = {count}", count=t.number(observation.sample_size)))
    return " · ".join(parts)


def status_text(indicator: Indicator, t: Translator) -> str:
    return {
        "official": t("official statistics"),
        "survey": t("survey estimate"),
        "illustrative": t("ILLUSTRATIVE — not official statistics"),
    }[indicator.status.value]


def hover_text(store: DataStore, indicator: Indicator, district_id: str, year: int, t: Translator) -> str:
    """Everything a policymaker needs on hover: name, value with unit, year, bounds, source."""
    district = store.districts[district_id]
    observation = store.observation(indicator.id, district_id, year)
    lines = [f"<b>{name_with_previous(district, t)}</b>", t(indicator.label)]
    if observation is None:
        lines.append(t("No data for {year}", year=year))
    else:
        lines.append(f"<b>{value_text(indicator, observation.value, t)}</b> · {year}")
        extra = bounds_text(indicator, observation, t)
        if extra:
            lines.append(extra)
    source = observation.source if observation is not None and observation.source else indicator.source
    lines.append(t("Source: {source}", source=_short(source)))
    lines.append(status_text(indicator, t))
    return "<br>".join(lines)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
