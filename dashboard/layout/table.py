"""The Table tab: the current indicator for every unit and year, sortable, with a CSV download."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from ..data import DataStore, Indicator
from ..data.export import indicator_rows
from ..figures.labels import area_name
from ..i18n import Translator
from .common import status_badge
from .ids import ID


def table_rows(store: DataStore, indicator: Indicator, t: Translator) -> list[dict]:
    """Grid rows (numbers stay numbers so that sorting is numeric)."""
    rows = indicator_rows(store, indicator, None, lambda area: area_name(store, area, t))
    status = {"official": t("official"), "survey": t("survey"), "illustrative": t("illustrative")}[
        indicator.status.value
    ]
    return [
        {**row, "key": f"{row['area_id']}|{row['year']}", "status": status}
        for row in sorted(rows, key=lambda r: (-r["year"], r["area_id"] not in ("khatlon", "tajikistan"), r["area"]))
    ]


def column_defs(indicator: Indicator, t: Translator) -> list[dict]:
    number = {"type": "numericColumn", "filter": "agNumberColumnFilter"}
    return [
        {"field": "area", "headerName": t("District / area"), "pinned": "left", "minWidth": 170},
        {"field": "year", "headerName": t("Year"), **number, "maxWidth": 100},
        {"field": "value", "headerName": t("Value ({unit})", unit=t(indicator.unit)), **number, "minWidth": 150},
        {"field": "lower", "headerName": t("Lower 95%"), **number},
        {"field": "upper", "headerName": t("Upper 95%"), **number},
        {"field": "sample_size", "headerName": t("Sample size"), **number},
        {"field": "status", "headerName": t("Status"), "minWidth": 160},
        {"field": "note", "headerName": t("Note"), "minWidth": 260, "tooltipField": "note"},
    ]


def grid_options(indicator: Indicator) -> dict:
    """AG Grid options; ``context`` remembers whose rows the grid holds."""
    return {
        "animateRows": False,
        "tooltipShowDelay": 300,
        "enableCellTextSelection": True,
        "context": {"indicator": indicator.id},
    }


def caption(indicator: Indicator, t: Translator) -> list:
    return [html.Strong(t(indicator.label)), f" · {t(indicator.unit)} · ", status_badge(indicator, t)]


def table_tab(store: DataStore, indicator: Indicator, t: Translator) -> html.Div:
    return html.Div(
        className="table-layout",
        children=[
            html.Div(
                className="table-toolbar",
                children=[
                    html.Div(caption(indicator, t), id=ID.TABLE_CAPTION, className="table-caption"),
                    html.Button(
                        t("Download CSV"),
                        id=ID.DOWNLOAD_BUTTON,
                        className="button button-download",
                        n_clicks=0,
                        title=t("The rows shown, in the order shown, with source and licence columns"),
                    ),
                    dcc.Download(id=ID.DOWNLOAD),
                ],
            ),
            dag.AgGrid(
                id=ID.TABLE,
                rowData=table_rows(store, indicator, t),
                columnDefs=column_defs(indicator, t),
                defaultColDef={
                    "sortable": True,
                    "filter": True,
                    "resizable": True,
                    "flex": 1,
                    "minWidth": 110,
                    "wrapHeaderText": True,
                    "autoHeaderHeight": True,
                },
                dashGridOptions=grid_options(indicator),
                className="ag-theme-quartz table-grid",
                style={"height": "100%"},
            ),
        ],
    )
