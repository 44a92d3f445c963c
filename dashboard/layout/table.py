"""The Table tab: the current indicator for every unit, one year (or all), sortable and filterable.

A plain HTML table rendered on the server: small, readable on a phone, translatable, and the CSV
download exports exactly what it shows. The selected district's rows are highlighted.
"""

from __future__ import annotations

from dash import dcc, html

from ..data import DataStore, Indicator, Status
from ..data.export import TableOptions, indicator_rows
from ..figures import RenderContext
from ..figures.labels import area_name, unit_text
from ..i18n import N_
from ..state import ViewState
from .common import indicator_badge, status_badge
from .ids import ID, SORT_BUTTON

ALL_YEARS = "all"
MAX_ROWS_SHOWN = 400
COLUMNS = {  # column id -> heading (sortable ones are buttons)
    "area": N_("District / area"),
    "year": N_("Year"),
    "value": N_("Value"),
    "interval": N_("Interval"),
    "sample_size": N_("Sample size"),
    "status": N_("Status"),
    "source": N_("Source"),
}
SORTABLE = ("area", "year", "value", "sample_size", "status")
NARROW = ("interval", "sample_size", "source")  # hidden on a phone (class "wide-only")


def table_options(view: ViewState, year: object, search: object, sort: object) -> TableOptions:
    """Options from the table's controls (untrusted): junk falls back to the view's year and value order."""
    chosen = view.year if year is None else (None if year == ALL_YEARS else year)
    chosen = chosen if chosen is None or isinstance(chosen, int) else view.year
    sort = sort if isinstance(sort, dict) else {}
    column = sort.get("column") if sort.get("column") in SORTABLE else "value"
    return TableOptions(
        year=chosen,
        search=search[:60] if isinstance(search, str) else "",
        sort=column,
        descending=sort.get("descending", column == "value") is True,
    )


def table_records(store: DataStore, view: ViewState, options: TableOptions, ctx: RenderContext) -> list[dict]:
    indicator = store.indicators[view.indicator]
    return indicator_rows(store, indicator, options, lambda area: area_name(store, area, ctx))


def _interval(indicator: Indicator, row: dict, ctx: RenderContext) -> str:
    if row["lower"] == "" or row["upper"] == "":
        return ""
    lower, upper = ctx.number(row["lower"], indicator.decimals), ctx.number(row["upper"], indicator.decimals)
    return f"{lower}–{upper}" + (" " + ctx.t("(model)") if row["status"] == Status.ILLUSTRATIVE else "")


def _row(indicator: Indicator, row: dict, view: ViewState, ctx: RenderContext) -> html.Tr:
    status = Status(row["status"])
    flag = {"small": ctx.t("small sample"), "suppressed": ctx.t("too few responses")}.get(row["sample_flag"], "")
    value = ctx.t("not shown") if row["sample_flag"] == "suppressed" else ctx.number(row["value"], indicator.decimals)
    classes = " ".join(
        c
        for c in (
            "is-selected" if row["area_id"] == view.selected else "",
            "is-aggregate" if row["area_id"] in ("khatlon", "tajikistan") else "",
            f"row-{status.value}",
        )
        if c
    )
    return html.Tr(
        className=classes,
        children=[
            html.Td(row["area"]),
            html.Td(str(row["year"]), className="num"),
            html.Td(value, className="num strong"),
            html.Td(_interval(indicator, row, ctx), className="num wide-only"),
            html.Td(
                [ctx.number(row["sample_size"]) if row["sample_size"] != "" else "", html.Br() if flag else None, flag],
                className="num wide-only",
            ),
            html.Td(
                status_badge(status, ctx, ctx.t("illustrative") if status is Status.ILLUSTRATIVE else None),
                title=row["note"],
            ),
            _source_cell(indicator, row, ctx),
        ],
    )


def _source_cell(indicator: Indicator, row: dict, ctx: RenderContext) -> html.Td:
    """The source by the catalogue's (translated) name when the row comes from the indicator's own source;
    a row from another source shows its citation as written in the data (marked as English)."""
    if row["status"] == indicator.status.value:
        text: object = ctx.text(indicator, "source_name") or ctx.text(indicator, "source")
    else:
        text = html.Span(row["source"][:90], lang="en")
    return html.Td(text, className="wide-only source-cell", title=row["source"])


def _heading(column: str, options: TableOptions, indicator: Indicator, ctx: RenderContext) -> html.Th:
    label = ctx.t(COLUMNS[column])
    if column == "value":
        label = f"{label} ({unit_text(indicator, ctx)})"
    classes = "wide-only" if column in NARROW else ""
    if column not in SORTABLE:
        return html.Th(label, className=classes)
    arrow = ("▼" if options.descending else "▲") if options.sort == column else ""
    return html.Th(
        html.Button(
            [label, html.Span(arrow, className="sort-arrow")],
            id={"type": SORT_BUTTON, "column": column},
            className="sort-button",
            n_clicks=0,
            title=ctx.t("Sort by this column"),
        ),
        className=classes,
        **{"aria-sort": ("descending" if options.descending else "ascending") if options.sort == column else "none"},
    )


def table_body(store: DataStore, view: ViewState, options: TableOptions, ctx: RenderContext) -> list:
    """The table (head and rows) and a line saying how many rows it shows."""
    indicator = store.indicators[view.indicator]
    rows = table_records(store, view, options, ctx)
    head = html.Thead(html.Tr([_heading(c, options, indicator, ctx) for c in COLUMNS]))
    body = html.Tbody([_row(indicator, r, view, ctx) for r in rows[:MAX_ROWS_SHOWN]])
    count = ctx.t("{count} rows", count=ctx.number(len(rows))) if rows else ctx.t("No rows match these filters.")
    return [html.Table([head, body], className="data-table"), html.P(count, className="table-count")]


def caption(store: DataStore, view: ViewState, ctx: RenderContext) -> list:
    indicator = store.indicators[view.indicator]
    return [
        html.Strong(ctx.text(indicator, "label")),
        f" · {unit_text(indicator, ctx)} · ",
        indicator_badge(store, indicator, ctx),
    ]


def year_options(store: DataStore, view: ViewState, ctx: RenderContext) -> list[dict]:
    years = store.years(view.indicator)
    return [{"label": ctx.t("All years"), "value": ALL_YEARS}] + [
        {"label": str(y), "value": y} for y in reversed(years)
    ]


def table_tab(store: DataStore, view: ViewState, ctx: RenderContext, filled: bool) -> html.Div:
    """The tab's controls and table (``filled=False``: an empty shell, filled when the tab opens)."""
    t = ctx.t
    options = table_options(view, None, "", None)
    return html.Div(
        className="table-layout",
        children=[
            html.Div(caption(store, view, ctx) if filled else [], id=ID.TABLE_CAPTION, className="table-caption"),
            html.Div(
                className="table-toolbar",
                children=[
                    html.Label([t("Year"), " "], htmlFor=ID.TABLE_YEAR, className="toolbar-label"),
                    dcc.Dropdown(
                        id=ID.TABLE_YEAR,
                        options=year_options(store, view, ctx),
                        value=view.year,
                        clearable=False,
                        searchable=False,
                        className="table-year",
                    ),
                    dcc.Input(
                        id=ID.TABLE_SEARCH,
                        type="search",
                        placeholder=t("Filter by name"),
                        debounce=True,
                        maxLength=60,
                        className="table-search",
                    ),
                    html.Button(
                        t("Download CSV"),
                        id=ID.DOWNLOAD_BUTTON,
                        className="button button-download",
                        n_clicks=0,
                        title=t("The rows shown, in the order shown, with source, status and licence columns"),
                    ),
                    dcc.Download(id=ID.DOWNLOAD),
                    dcc.Store(id=ID.TABLE_SORT, data={"column": options.sort, "descending": options.descending}),
                ],
            ),
            html.Div(table_body(store, view, options, ctx) if filled else [], id=ID.TABLE, className="table-scroll"),
        ],
    )
