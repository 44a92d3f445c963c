"""Figure builders: pure functions from the data store and a view to plotly figure dicts (no Dash here).

Every builder has the signature ``builder(store, view, ctx) -> dict``: the immutable
:class:`~dashboard.data.DataStore`, the :class:`~dashboard.state.ViewState` (what is on screen)
and a :class:`~dashboard.figures.render.RenderContext` (language, translator, style).
"""

from collections.abc import Callable

from ..data import DataStore
from ..state import Chart, ViewState
from .map import apply_updates, map_figure, map_updates
from .national import context_figure
from .profile import profile_figure
from .ranking import ranking_figure
from .render import RenderContext
from .services import comparison_pair, services_figure
from .style import PROJECTOR, SCREEN, Style, projector
from .trend import trend_figure

__all__ = [
    "CHARTS",
    "PROJECTOR",
    "SCREEN",
    "RenderContext",
    "Style",
    "apply_updates",
    "chart_figure",
    "comparison_pair",
    "context_figure",
    "map_figure",
    "map_updates",
    "profile_figure",
    "projector",
    "ranking_figure",
    "services_figure",
    "trend_figure",
]

Builder = Callable[[DataStore, ViewState, RenderContext], dict]
CHARTS: dict[Chart, Builder] = {
    Chart.RANKING: ranking_figure,
    Chart.TREND: trend_figure,
    Chart.PROFILE: profile_figure,
    Chart.SERVICES: services_figure,
    Chart.CONTEXT: context_figure,
}


def chart_figure(kind: Chart, store: DataStore, view: ViewState, ctx: RenderContext) -> dict:
    """The chart of ``kind`` for the view."""
    return CHARTS[Chart(kind)](store, view, ctx)
