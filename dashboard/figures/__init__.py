"""Figure builders: pure functions from the data store to plotly figure dicts (no Dash here).

Each builder takes the store, the view (indicator, year, district...), a translator ``t`` and a
:class:`~dashboard.figures.style.Theme`, and returns a figure as a plain dict.
"""

from .context import context_figure
from .map import apply_updates, map_figure, map_updates
from .profile import profile_figure
from .ranking import ranking_figure
from .services import services_figure
from .style import PROJECTOR, SCREEN, Theme
from .trend import trend_figure

__all__ = [
    "PROJECTOR",
    "SCREEN",
    "Theme",
    "apply_updates",
    "context_figure",
    "map_figure",
    "map_updates",
    "profile_figure",
    "ranking_figure",
    "services_figure",
    "trend_figure",
    "chart_figure",
    "comparison_pair",
]

DEFAULT_PAIR = ("dusti", "kulob")


def comparison_pair(selected: str | None, compared: str | None = None) -> tuple[str, str]:
    """The two units the services chart puts side by side: the selection and its comparison,
    defaulting to Dusti and Kulob (the pair the UNICEF situational analysis looked at)."""
    first = selected or DEFAULT_PAIR[0]
    second = compared or next(d for d in (DEFAULT_PAIR[1], DEFAULT_PAIR[0], "bokhtar") if d != first)
    return first, second


def chart_figure(
    kind: str,
    store,
    indicator_id: str,
    year: int,
    district: str | None,
    t,
    theme: Theme,
    spotlight: str | None = None,
    compared: str | None = None,
) -> dict:
    """The chart of ``kind`` (ranking, trend, profile, services or context) for the view."""
    if kind == "trend":
        return trend_figure(store, indicator_id, year, spotlight or district, t, theme)
    if kind == "profile":
        return profile_figure(store, year, spotlight or district, t, theme)
    if kind == "services":
        return services_figure(store, year, comparison_pair(spotlight or district, compared), t, theme)
    if kind == "context":
        return context_figure(store, year, t, theme)
    return ranking_figure(store, indicator_id, year, district, t, theme, spotlight=spotlight, compared=compared)
