"""Thin wiring between components and the figure builders. Each module registers its callbacks."""

from __future__ import annotations

from dash import Dash

from ..data import DataStore
from . import downloads, play, url_state, views


def register_callbacks(app: Dash, store: DataStore) -> None:
    url_state.register(app, store)
    views.register(app, store)
    downloads.register(app, store)
    play.register(app, store)
