"""Thin wiring between components and the figure builders. Each module registers its callbacks:

* :mod:`.navigation`: URL <-> controls <-> the ``view`` store, and the language switch;
* :mod:`.drawing`: the ``view`` store -> everything on screen (one round trip), presenter stage and cache;
* :mod:`.table`: the Table tab's sorting, filters and CSV download;
* :mod:`.play`: the year animation (one request, then frames in the browser).
"""

from __future__ import annotations

from dash import Dash

from ..data import DataStore
from ..layout.page import PageUrls
from . import drawing, navigation, play, table


def register_callbacks(app: Dash, store: DataStore, urls: PageUrls) -> drawing.Drawing:
    navigation.register(app, store, urls)
    found = drawing.register(app, store, urls)
    table.register(app, store)
    play.register(app, store, found.renderer)
    return found
