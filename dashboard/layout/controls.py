"""The controls: indicator picker grouped by theme, year slider with Play, district picker and toggles."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from ..data import DataStore, Indicator
from ..figures import RenderContext
from ..figures.labels import unit_name
from ..figures.provenance import badge_text
from ..i18n import N_
from ..state import Mode, ViewState, need_ids, service_ids
from .ids import ID

PLAY_INTERVAL_MS = 1200  # one year per 1.2 s: slow enough to read the map, steady

THEME_LABELS = {
    "migration": N_("Migration"),
    "remittances": N_("Remittances"),
    "families": N_("Families left behind"),
    "services": N_("Services for families"),
    "population": N_("Population"),
    "national": N_("National context"),
}


def indicator_options(store: DataStore, ctx: RenderContext) -> list[dict]:
    """Options grouped by theme: a disabled heading per theme, then its indicators."""
    options: list[dict] = []
    theme = None
    for indicator in store.district_indicators():
        if indicator.theme != theme:
            theme = indicator.theme
            heading = ctx.t(THEME_LABELS.get(theme, theme))
            options.append(
                {
                    "label": html.Span(heading, className="option-group"),
                    "value": f"__theme__{theme}",
                    "disabled": True,
                    "search": "",
                }
            )
        label = ctx.text(indicator, "label")
        options.append(
            {
                "label": _indicator_label(store, indicator, ctx),
                "value": indicator.id,
                "search": f"{label} {indicator.label} {ctx.t(THEME_LABELS.get(theme, theme))}",
            }
        )
    return options


def _indicator_label(store: DataStore, indicator: Indicator, ctx: RenderContext) -> html.Span:
    badge = (
        [html.Span(ctx.t("illustrative"), className="badge badge-illustrative badge-small")]
        if badge_text(store, [indicator], ctx)
        else []
    )
    return html.Span([html.Span(ctx.text(indicator, "label")), *badge], className="option-indicator")


def year_props(store: DataStore, indicator_id: str) -> dict:
    """``min``, ``max``, ``marks`` and ``disabled`` of the slider for an indicator's years."""
    years = store.years(indicator_id)
    return {
        "min": years[0] if len(years) > 1 else years[0] - 1,
        "max": years[-1],
        "marks": {str(y): {"label": str(y)} for y in years},
        "disabled": len(years) == 1,
    }


def district_options(store: DataStore, ctx: RenderContext) -> list[dict]:
    """Every unit by name (in the page's language); searchable by any spelling, current or former."""
    units = sorted(store.units.values(), key=lambda u: unit_name(u, ctx).casefold())
    return [
        {
            "label": unit_name(u, ctx),
            "value": u.unit_id,
            "search": " ".join(
                [u.name_en, u.name_ru, u.name_tg, u.name(ctx.language), *u.former_names, *u.alt_spellings]
            ),
        }
        for u in units
    ]


def dropdown_labels(ctx: RenderContext) -> dict:
    t = ctx.t
    return {
        "search": t("Search"),
        "clear_search": t("Clear search"),
        "clear_selection": t("Clear selection"),
        "no_options_found": t("No match"),
        "select_all": t("Select all"),
        "deselect_all": t("Deselect all"),
        "selected_count": t("{num} selected", num="{num_selected}"),  # Dash fills in {num_selected}
    }


def show_options(store: DataStore, indicator_id: str, year: int, ctx: RenderContext) -> list[dict]:
    """What the map and ranking show: the year's value, or the change since each earlier year."""
    earlier = [y for y in store.years(indicator_id) if y < year]
    return [{"label": ctx.t("Value in {year}", year=year), "value": ""}] + [
        {"label": ctx.t("Change since {year}", year=y), "value": str(y)} for y in earlier
    ]


def show_value(view: ViewState) -> str:
    return str(view.from_year) if view.mode is Mode.CHANGE and view.from_year else ""


def _indicator_choices(store: DataStore, ids: list[str], ctx: RenderContext) -> list[dict]:
    return [{"label": _indicator_label(store, store.indicators[i], ctx), "value": i} for i in ids]


def gap_pickers(store: DataStore, view: ViewState, ctx: RenderContext) -> html.Div:
    """The gap map's two choices: the need, and the service whose coverage is set against it."""
    t = ctx.t
    pick = {"clearable": False, "searchable": False, "labels": dropdown_labels(ctx), "maxHeight": 420}
    return html.Div(
        className="gap-pickers",
        children=[
            _labelled(
                t("Need"),
                ID.GAP_NEED,
                dcc.Dropdown(
                    id=ID.GAP_NEED, options=_indicator_choices(store, need_ids(store), ctx), value=view.need, **pick
                ),
                class_name="control-need",
            ),
            _labelled(
                t("Service coverage"),
                ID.GAP_SERVICE,
                dcc.Dropdown(
                    id=ID.GAP_SERVICE,
                    options=_indicator_choices(store, service_ids(store), ctx),
                    value=view.service,
                    **pick,
                ),
                class_name="control-service",
            ),
        ],
    )


def trend_picker(store: DataStore, view: ViewState, ctx: RenderContext) -> html.Div:
    """Up to five districts compared on the trend (hidden unless the Chart tab shows the trend)."""
    t = ctx.t
    return html.Div(
        id=ID.TREND_DISTRICTS_BOX,
        hidden=view.chart.value != "trend",
        children=_labelled(
            t("Compare districts (up to five)"),
            ID.TREND_DISTRICTS,
            dcc.Dropdown(
                id=ID.TREND_DISTRICTS,
                options=district_options(store, ctx),
                value=list(view.districts),
                multi=True,
                clearable=True,
                placeholder=t("The selected district against Khatlon"),
                labels=dropdown_labels(ctx),
                search_order="index",
            ),
            class_name="control-compare",
        ),
    )


def brief_href(view: ViewState) -> str:
    """The printable brief of the selected unit, in the page's language (relative: same server)."""
    return f"brief?{urlencode({'district': view.selected or '', 'lang': view.lang})}"


def _labelled(label: str, target: str, *children, class_name: str) -> html.Div:
    return html.Div(className=f"control {class_name}", children=[html.Label(label, htmlFor=target), *children])


def controls(store: DataStore, view: ViewState, ctx: RenderContext, can_play: bool) -> html.Section:
    t = ctx.t
    indicator = _labelled(
        t("Indicator"),
        ID.INDICATOR,
        dcc.Dropdown(
            id=ID.INDICATOR,
            options=indicator_options(store, ctx),
            value=view.indicator,
            clearable=False,
            searchable=True,
            maxHeight=420,
            labels=dropdown_labels(ctx),
            search_order="original",
        ),
        class_name="control-indicator",
    )
    year = _labelled(
        t("Year"),
        ID.YEAR,
        html.Div(
            className="year-row",
            children=[
                html.Button(
                    "▶",
                    id=ID.PLAY,
                    className="button button-play",
                    n_clicks=0,
                    disabled=not can_play,
                    title=t("Play: step through the years"),
                    **{"aria-label": t("Play through the years")},
                ),
                dcc.Slider(
                    id=ID.YEAR,
                    value=view.year,
                    step=None,
                    included=False,
                    allow_direct_input=False,
                    updatemode="mouseup",
                    className="year-slider",
                    **year_props(store, view.indicator),
                ),
            ],
        ),
        html.Div(
            className="show-row",
            children=[
                html.Label(t("Show"), htmlFor=ID.SHOW),
                dcc.Dropdown(
                    id=ID.SHOW,
                    options=show_options(store, view.indicator, view.year, ctx),
                    value=show_value(view),
                    clearable=False,
                    searchable=False,
                    labels=dropdown_labels(ctx),
                    className="show-picker",
                ),
            ],
        ),
        dcc.Store(id=ID.YEAR_COMMITTED, data=view.year),
        dcc.Store(id=ID.PLAY_FRAMES),
        dcc.Interval(id=ID.PLAY_TIMER, interval=PLAY_INTERVAL_MS, disabled=True, n_intervals=0),
        class_name="control-year",
    )
    district = _labelled(
        t("District"),
        ID.DISTRICT,
        dcc.Dropdown(
            id=ID.DISTRICT,
            options=district_options(store, ctx),
            value=view.selected,
            clearable=True,
            placeholder=t("All of Khatlon (click the map)"),
            labels=dropdown_labels(ctx),
            search_order="index",
        ),
        html.A(
            t("District brief (printable)"),
            id=ID.BRIEF_LINK,
            href=brief_href(view),
            hidden=not view.selected,
            className="brief-link",
            target="_blank",
        ),
        html.Div(
            className="toggles",
            children=[
                dcc.Checklist(
                    id=ID.SPOTLIGHT,
                    options=[{"label": t("Spotlight: dim the other districts"), "value": "on"}],
                    value=["on"] if view.spotlight else [],
                    className="toggle",
                    inline=True,
                ),
                dcc.Checklist(
                    id=ID.LABELS,
                    options=[{"label": t("District names on the map"), "value": "on"}],
                    value=[] if view.labels is False else ["on"],
                    className="toggle",
                    inline=True,
                ),
            ],
        ),
        class_name="control-district",
    )
    return html.Section(className="controls", children=[indicator, year, district])
