"""Callbacks never fail in front of a user: errors are logged and the screen keeps its last state."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from dash.exceptions import PreventUpdate

LOG = logging.getLogger("dashboard.callbacks")


def never_fail(function: Callable) -> Callable:
    """Wrap a callback: on any exception, log it with its traceback (server side) and keep the screen."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except PreventUpdate:
            raise
        except Exception:  # noqa: BLE001 - the point is to catch everything
            LOG.exception("callback %s failed; the view keeps its previous state", function.__name__)
            raise PreventUpdate from None

    return wrapper
