"""The Table tab: sorting and filters (its own small callback) and the CSV download of what it shows."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from ..data import DataStore
from ..data.export import COLUMNS, export_filename, to_csv
from ..figures import RenderContext
from ..i18n import N_
from ..layout.ids import ID, SORT_BUTTON
from ..layout.table import table_body, table_options, table_records
from ..state import from_dict
from .safety import guarded

CSV_HEADERS = {  # column -> heading in the download, translated
    "area_id": "area_id",
    "area": N_("District / area"),
    "indicator": "indicator",
    "indicator_label": N_("Indicator"),
    "year": N_("Year"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "lower": N_("Lower bound"),
    "upper": N_("Upper bound"),
    "sample_size": N_("Sample size"),
    "sample_flag": N_("Sample flag"),
    "status": N_("Status"),
    "includes": N_("Also counts"),
    "note": N_("Note"),
    "source": N_("Source"),
    "source_url": N_("Source address"),
    "licence": N_("Licence"),
}


def next_sort(current: object, column: str | None) -> dict:
    """A click on the sorted column flips the direction; another column sorts descending by value, else ascending."""
    current = current if isinstance(current, dict) else {}
    if column == current.get("column"):
        return {"column": column, "descending": not current.get("descending", False)}
    return {"column": column, "descending": column in ("value", "sample_size", "year")}


def csv_download(store: DataStore, view_data: object, year: object, search: object, sort: object) -> dict:
    """The ``dcc.Download`` payload: the rows the table shows, in its order, values from the store."""
    view = from_dict(store, view_data)
    context = RenderContext(view.lang)
    rows = table_records(store, view, table_options(view, year, search, sort), context)
    indicator = store.indicators[view.indicator]
    headers = [context.t(CSV_HEADERS[c]) if CSV_HEADERS[c] not in ("area_id", "indicator") else c for c in COLUMNS]
    return {
        "content": to_csv(rows, COLUMNS, headers),
        "filename": export_filename(store, indicator, view.lang),
        "type": "text/csv",
    }


def register(app: Dash, store: DataStore) -> None:
    @app.callback(
        Output(ID.TABLE, "children", allow_duplicate=True),
        Output(ID.TABLE_SORT, "data"),
        Input(ID.TABLE_YEAR, "value"),
        Input(ID.TABLE_SEARCH, "value"),
        Input({"type": SORT_BUTTON, "column": ALL}, "n_clicks"),
        State(ID.TABLE_SORT, "data"),
        State(ID.VIEW, "data"),
        prevent_initial_call=True,
    )
    @guarded(no_update_count=2)
    def filter_and_sort(year, search, _clicks, sort, view_data):
        trigger = ctx.triggered_id
        if isinstance(trigger, dict):  # a column heading was clicked
            if not any(_clicks or []):
                return no_update, no_update
            sort = next_sort(sort, trigger.get("column"))
        view = from_dict(store, view_data)
        context = RenderContext(view.lang)
        return table_body(store, view, table_options(view, year, search, sort), context), sort

    @app.callback(
        Output(ID.DOWNLOAD, "data"),
        Input(ID.DOWNLOAD_BUTTON, "n_clicks"),
        State(ID.VIEW, "data"),
        State(ID.TABLE_YEAR, "value"),
        State(ID.TABLE_SEARCH, "value"),
        State(ID.TABLE_SORT, "data"),
        prevent_initial_call=True,
    )
    @guarded()
    def download_csv(clicks, view_data, year, search, sort):
        return csv_download(store, view_data, year, search, sort) if clicks else no_update
