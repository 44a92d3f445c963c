"""Download CSV: exactly the rows the table shows, in its order, with source and licence columns."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from ..data import DataStore
from ..data.export import export_filename, indicator_rows, to_csv
from ..figures.labels import area_name
from ..i18n import translator
from ..layout.ids import ID
from ..state import from_dict
from .safety import never_fail

MAX_ROWS = 10_000


def shown_keys(virtual_rows: object) -> list[tuple[str, int]] | None:
    """(area id, year) of each row the grid shows; ``None`` if the grid sent nothing usable."""
    if not isinstance(virtual_rows, list):
        return None
    keys = []
    for row in virtual_rows[:MAX_ROWS]:
        try:
            area, year = str(row["key"]).split("|", 1)
            keys.append((area, int(year)))
        except (TypeError, KeyError, ValueError):
            continue
    return keys


def csv_download(store: DataStore, view: object, virtual_rows: object) -> dict:
    """The ``dcc.Download`` payload. Values come from the store, never from the browser."""
    t = translator()
    indicator = store.indicators[from_dict(store, view).indicator]
    rows = indicator_rows(store, indicator, shown_keys(virtual_rows), lambda area: area_name(store, area, t))
    return {"content": to_csv(rows), "filename": export_filename(indicator), "type": "text/csv"}


def register(app: Dash, store: DataStore) -> None:
    @app.callback(
        Output(ID.DOWNLOAD, "data"),
        Input(ID.DOWNLOAD_BUTTON, "n_clicks"),
        State(ID.VIEW, "data"),
        State(ID.TABLE, "virtualRowData"),
        prevent_initial_call=True,
    )
    @never_fail
    def download_csv(clicks, view, virtual_rows):
        return csv_download(store, view, virtual_rows) if clicks else no_update
