"""Component ids, in one place. ``map``, ``indicator``, ``year`` and ``district`` are a contract
with outside checks (DESIGN.md §5): do not rename them."""
from __future__ import annotations

from enum import StrEnum


class ID(StrEnum):
    URL = "url"
    MAP = "map"
    INDICATOR = "indicator"
    YEAR = "year"
    DISTRICT = "district"
    TABS = "tabs"
    CHART_KIND = "chart-kind"
    CHART = "chart"
    RANKING = "ranking"
    TREND = "trend"
    PROFILE = "profile"
    INDICATOR_NOTE = "indicator-note"
    DATA_AS_OF = "data-as-of"
