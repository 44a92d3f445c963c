"""Which indicators a view puts on screen: one answer for the storyboard check and the figures.

A view is a tab (``map``, ``chart``, ``table``, ``sources``, ``gap``) and, on the Chart tab, a chart
kind. Most views show the current indicator; the profile shows every district indicator that is
an average, the services chart every service-coverage indicator, the national context the national
series, and the Sources tab no number at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Aggregate, Indicator, Level

SERVICES_THEME = "services"


def profile_indicators(indicators: Iterable[Indicator]) -> list[Indicator]:
    """District indicators that are averages (a total such as population is not comparable)."""
    return [i for i in indicators if i.level is Level.DISTRICT and i.aggregate is Aggregate.MEAN]


def service_indicators(indicators: Iterable[Indicator]) -> list[Indicator]:
    return [i for i in indicators if i.level is Level.DISTRICT and i.theme == SERVICES_THEME]


def gap_needs(indicators: Iterable[Indicator]) -> list[Indicator]:
    """What the coverage-gap map can set against a service: district averages that are not a service."""
    return [i for i in profile_indicators(indicators) if i.theme != SERVICES_THEME]


def national_indicators(indicators: Iterable[Indicator]) -> list[Indicator]:
    return [i for i in indicators if i.level is Level.NATIONAL]


def indicators_shown(
    indicators: Mapping[str, Indicator], tab: str, chart: str, indicator_id: str, extra: Iterable[str] = ()
) -> list[Indicator]:
    """The indicators whose numbers the view shows (``extra``: more ids a view names, e.g. the gap map's)."""
    if tab == "sources":
        return []
    if tab == "chart" and chart == "profile":
        return profile_indicators(indicators.values())
    if tab == "chart" and chart == "services":
        return service_indicators(indicators.values())
    if tab == "chart" and chart == "context":
        return national_indicators(indicators.values())
    ids = [indicator_id, *extra]
    return [indicators[i] for i in dict.fromkeys(ids) if i in indicators]
