"""The controls: indicator picker grouped by theme, year slider, district picker."""

from __future__ import annotations

from dash import dcc, html

from ..data import DataStore, Indicator
from ..figures.labels import unit_name
from ..i18n import Translator
from .ids import ID

PLAY_INTERVAL_MS = 1200  # one year per 1.2 s: slow enough to read the map, steady

THEME_LABELS = {
    "migration": "Migration",
    "remittances": "Remittances",
    "families": "Families left behind",
    "services": "Services for families",
    "population": "Population",
    "national": "National context",
}


def indicator_options(store: DataStore, t: Translator) -> list[dict]:
    """Options grouped by theme: a disabled heading per theme, then its indicators."""
    options: list[dict] = []
    theme = None
    for indicator in store.district_indicators():
        if indicator.theme != theme:
            theme = indicator.theme
            options.append(
                {
                    "label": html.Span(t(THEME_LABELS.get(theme, theme)), className="option-group"),
                    "value": f"__theme__{theme}",
                    "disabled": True,
                    "search": "",
                }
            )
        options.append(
            {
                "label": _indicator_label(indicator, t),
                "value": indicator.id,
                "search": f"{t(indicator.label)} {t(indicator.theme)}",
            }
        )
    return options


def _indicator_label(indicator: Indicator, t: Translator) -> html.Span:
    badge = (
        [html.Span(t("illustrative"), className="badge badge-illustrative badge-small")]
        if indicator.is_illustrative
        else []
    )
    return html.Span([html.Span(t(indicator.label)), *badge], className="option-indicator")


def year_props(store: DataStore, indicator_id: str) -> dict:
    """``min``, ``max``, ``marks`` and ``disabled`` of the slider for an indicator's years."""
    years = store.years(indicator_id)
    return {
        "min": years[0] if len(years) > 1 else years[0] - 1,
        "max": years[-1],
        "marks": {str(y): {"label": str(y)} for y in years},
        "disabled": len(years) == 1,
    }


def district_options(store: DataStore, t: Translator) -> list[dict]:
    """Every unit by name; searchable by former names and Russian or Tajik spellings too."""
    return [
        {
            "label": unit_name(d, t),
            "value": d.district_id,
            "search": " ".join([d.name_en, d.name_ru, d.name_tg, *d.former_names, *d.alt_spellings]),
        }
        for d in store.districts.values()
    ]


def dropdown_labels(t: Translator) -> dict:
    return {
        "search": t("Search"),
        "clear_search": t("Clear search"),
        "clear_selection": t("Clear selection"),
        "no_options_found": t("No match"),
        "select_all": t("Select all"),
        "deselect_all": t("Deselect all"),
        "selected_count": t("{num} selected"),
    }


def controls(store: DataStore, indicator_id: str, year: int, district: str | None, t: Translator) -> html.Section:
    return html.Section(
        className="controls",
        children=[
            html.Div(
                className="control control-indicator",
                children=[
                    html.Label(t("Indicator"), htmlFor=ID.INDICATOR),
                    dcc.Dropdown(
                        id=ID.INDICATOR,
                        options=indicator_options(store, t),
                        value=indicator_id,
                        clearable=False,
                        searchable=True,
                        maxHeight=420,
                        labels=dropdown_labels(t),
                        search_order="original",
                    ),
                ],
            ),
            html.Div(
                className="control control-year",
                children=[
                    html.Label(t("Year"), htmlFor=ID.YEAR),
                    html.Div(
                        className="year-row",
                        children=[
                            html.Button(
                                "▶",
                                id=ID.PLAY,
                                className="button button-play",
                                n_clicks=0,
                                title=t("Play: step through the years"),
                                **{"aria-label": t("Play through the years")},
                            ),
                            dcc.Slider(
                                id=ID.YEAR,
                                value=year,
                                step=None,
                                included=False,
                                allow_direct_input=False,
                                updatemode="mouseup",
                                className="year-slider",
                                **year_props(store, indicator_id),
                            ),
                        ],
                    ),
                    dcc.Store(id=ID.YEAR_COMMITTED, data=year),
                    dcc.Store(id=ID.PLAY_FRAMES),
                    dcc.Interval(id=ID.PLAY_TIMER, interval=PLAY_INTERVAL_MS, disabled=True, n_intervals=0),
                ],
            ),
            html.Div(
                className="control control-district",
                children=[
                    html.Label(t("District"), htmlFor=ID.DISTRICT),
                    dcc.Dropdown(
                        id=ID.DISTRICT,
                        options=district_options(store, t),
                        value=district,
                        clearable=True,
                        placeholder=t("All of Khatlon (click the map)"),
                        labels=dropdown_labels(t),
                        search_order="index",
                    ),
                    dcc.Checklist(
                        id=ID.SPOTLIGHT,
                        options=[{"label": t("Spotlight: dim the other districts"), "value": "on"}],
                        value=[],
                        className="spotlight-toggle",
                        inline=True,
                    ),
                ],
            ),
        ],
    )
