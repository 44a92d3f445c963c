"""Callbacks never fail in front of a user: an error is logged with the inputs that caused it and the
screen keeps its last state (each output answers "no update")."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable

from dash import no_update
from dash.exceptions import PreventUpdate

LOG = logging.getLogger("dashboard.callbacks")
MAX_LOGGED_INPUTS = 2000  # characters of the inputs written to the log with an error


def _short(values: tuple) -> str:
    try:
        text = json.dumps(values, default=str)
    except (TypeError, ValueError):
        text = repr(values)
    return text if len(text) <= MAX_LOGGED_INPUTS else text[:MAX_LOGGED_INPUTS] + "…"


def guarded(no_update_count: int = 1) -> Callable[[Callable], Callable]:
    """Wrap a callback: on an exception, log it (with its inputs) and answer "no update" for every output.

    The answer is a normal 200 with no changes, so the page keeps what it shows; tests find the
    failure in the log (see ``tests/callbacks/conftest.py``), never as a quiet pass.
    """

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except PreventUpdate:
                raise
            except Exception:  # noqa: BLE001 - the point is to catch everything
                LOG.exception("callback %s failed; inputs: %s", function.__name__, _short(args))
                return no_update if no_update_count == 1 else (no_update,) * no_update_count

        return wrapper

    return decorate
