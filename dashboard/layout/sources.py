"""The Sources tab: where the current indicator comes from, the boundaries, and every source."""

from __future__ import annotations

from urllib.parse import urlparse

from dash import html

from ..data import DataStore, Indicator
from ..figures.labels import area_name
from ..i18n import Translator
from .common import status_badge


def _link(text: str, url: str) -> html.Span | html.A:
    if url.startswith("http"):
        return html.A(text, href=url, target="_blank", rel="noopener noreferrer")
    return html.Span(text if url in text else [text, " (", html.Code(url), ")"])


def _row_sources(store: DataStore, indicator: Indicator, t: Translator) -> list[tuple[str, str, str]]:
    """(which rows, source, address) for rows that name their own source; one line per source."""
    rows = store.rows(indicator.id)
    rows = rows[rows["source"] != ""]
    lines = []
    for (source, url), group in rows.groupby(["source", "source_url"], sort=False):
        areas = ", ".join(f"{area_name(store, a, t)} {y}" for a, y in zip(group["district_id"], group["year"]))
        lines.append((areas, source, url))
    return lines


def indicator_sources(store: DataStore, indicator: Indicator, t: Translator) -> html.Section:
    years = store.years(indicator.id)
    facts = [
        (t("Definition"), t(indicator.definition)),
        (t("Unit"), t(indicator.unit)),
        (t("Status"), status_badge(indicator, t)),
        (t("Source"), _link(t(indicator.source), indicator.source_url)),
        (t("Licence"), t(indicator.licence)),
        (t("Last update"), t.date(indicator.updated)),
        (t("Years"), f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])),
        (
            t("Reading"),
            {
                "higher_is_better": t("higher is better"),
                "lower_is_better": t("lower is better"),
                "neutral": t("neither higher nor lower is better in itself"),
            }[indicator.direction.value],
        ),
    ]
    if indicator.caveat:
        facts.append((t("Caveat"), t(indicator.caveat)))
    rows = _row_sources(store, indicator, t)
    children = [
        html.H3(t(indicator.label)),
        html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))]),
    ]
    if rows:
        children += [
            html.H4(t("Source of each row")),
            html.Ul(
                [
                    html.Li(
                        [
                            html.Strong(areas),
                            ": ",
                            _link(source, url),
                            " ",
                            html.Span(f"({urlparse(url).netloc})" if url.startswith("http") else "", className="host"),
                        ]
                    )
                    for areas, source, url in rows
                ],
                className="row-sources",
            ),
        ]
    return html.Section(children, className="sources-current")


def sources_panel(store: DataStore, indicator: Indicator, t: Translator) -> list:
    every = sorted(store.indicators.values(), key=lambda i: (i.status.value != "official", i.theme, i.label))
    return [
        indicator_sources(store, indicator, t),
        html.Section(
            className="sources-boundaries",
            children=[
                html.H3(t("District boundaries")),
                html.P(
                    [
                        t(
                            "© OpenStreetMap contributors; geoBoundaries (Runfola et al. 2020), gbOpen TJK ADM2, "
                            "2017. Licence: Open Database License (ODbL) 1.0. Simplified with shared borders kept. "
                            "Bokhtar city has no polygon of its own in these data and is drawn as a point."
                        ),
                        " ",
                        _link(t("geoBoundaries"), "https://www.geoboundaries.org/"),
                    ]
                ),
            ],
        ),
        html.Section(
            className="sources-all",
            children=[
                html.H3(t("All indicators and their sources")),
                html.Table(
                    className="sources-table",
                    children=[
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(t("Indicator")),
                                    html.Th(t("Status")),
                                    html.Th(t("Source")),
                                    html.Th(t("Licence")),
                                    html.Th(t("Last update")),
                                ]
                            )
                        ),
                        html.Tbody(
                            [
                                html.Tr(
                                    [
                                        html.Td(t(i.label)),
                                        html.Td(status_badge(i, t)),
                                        html.Td(_link(t(i.source), i.source_url)),
                                        html.Td(t(i.licence)),
                                        html.Td(i.updated),
                                    ]
                                )
                                for i in every
                            ]
                        ),
                    ],
                ),
            ],
        ),
    ]
