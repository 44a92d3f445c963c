"""The Sources tab: where the current indicator comes from, the boundaries, and every source."""

from __future__ import annotations

from urllib.parse import urlparse

from dash import html

from ..data import KHATLON, DataStore, Indicator, Status
from ..data.bundle import XLSX_PATH, ZIP_PATH, bundle_filename
from ..data.quality import calibrations
from ..figures import RenderContext
from ..figures.labels import area_name
from ..i18n import N_
from .common import indicator_badge, status_badge

BOUNDARIES_ATTRIBUTION = N_(
    "© OpenStreetMap contributors; geoBoundaries (Runfola et al. 2020), gbOpen TJK ADM2, "
    "2017. Licence: Open Database License (ODbL) 1.0. Simplified with shared borders kept. "
    "Bokhtar city has no polygon of its own in these data and is drawn as a point."
)
DIRECTIONS = {
    "higher_is_better": N_("higher is better"),
    "lower_is_better": N_("lower is better"),
    "neutral": N_("neither higher nor lower is better in itself"),
}


def _link(text: str, url: str) -> html.Span | html.A:
    if url.startswith("http"):
        return html.A(text, href=url, target="_blank", rel="noopener noreferrer")
    return html.Span([text, " (", html.Code(url), ")"] if url and url not in text else text)


def _row_sources(store: DataStore, indicator: Indicator, ctx: RenderContext) -> list[tuple[str, str, str, Status]]:
    """(which rows, source, address, status): one line per distinct source of the indicator's rows."""
    groups: dict[tuple[str, str, Status], list[str]] = {}
    anchors = calibrations(ctx.text(indicator, "calibration"))
    for o in store.indicator_observations(indicator.id):
        key = (o.source or indicator.source, o.source_url or indicator.source_url, o.status)
        if o.status is Status.ILLUSTRATIVE:  # the model's rows: named in the page's language, not the file's
            model = ctx.text(indicator, "source_name") or ctx.text(indicator, "source")
            anchor = anchors.get(o.year) if o.area_id == KHATLON else None
            text = ctx.t("model, calibrated to {anchors}", anchors=anchor) if anchor else ""
            key = (f"{model}; {text}" if text else model, indicator.source_url, o.status)
        groups.setdefault(key, []).append(f"{area_name(store, o.area_id, ctx)} {o.year}")
    if len(groups) <= 1:
        return []
    return [
        (", ".join(areas[:12]) + (" …" if len(areas) > 12 else ""), s, u, st) for (s, u, st), areas in groups.items()
    ]


def _facts(store: DataStore, indicator: Indicator, ctx: RenderContext) -> list[tuple[str, object]]:
    t = ctx.t
    years = store.years(indicator.id)
    facts = [
        (t("Definition"), ctx.text(indicator, "definition")),
        (t("Unit"), ctx.text(indicator, "unit")),
        (t("Status"), indicator_badge(store, indicator, ctx)),
        (t("Source"), _link(ctx.text(indicator, "source"), indicator.source_url)),
        (t("Licence"), ctx.text(indicator, "licence")),
        (t("Last update"), t.date(indicator.updated)),
        (t("Years"), f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]) if years else "–"),
        (t("Reading"), t(DIRECTIONS[indicator.direction.value])),
    ]
    anchors = calibrations(ctx.text(indicator, "calibration"))
    if anchors:
        texts = "; ".join(f"{year}: {anchor}" for year, anchor in sorted(anchors.items()))
        facts.append((t("Khatlon level"), t("model, calibrated to {anchors}", anchors=texts)))
    if indicator.caveat:
        facts.append((t("Caveat"), ctx.text(indicator, "caveat")))
    return facts


def indicator_sources(store: DataStore, indicator: Indicator, ctx: RenderContext) -> html.Section:
    children = [
        html.H3(ctx.text(indicator, "label")),
        html.Dl([part for label, value in _facts(store, indicator, ctx) for part in (html.Dt(label), html.Dd(value))]),
    ]
    rows = _row_sources(store, indicator, ctx)
    if rows:
        children += [
            html.H4(ctx.t("Source of each row")),
            html.Ul(
                [
                    html.Li(
                        [
                            status_badge(status, ctx),
                            " ",
                            html.Strong(areas),
                            ": ",
                            # a real row's citation as its file gives it (English); the model's in the page's language
                            html.Span(_link(source, url), lang=None if status is Status.ILLUSTRATIVE else "en"),
                            " ",
                            html.Span(f"({urlparse(url).netloc})" if url.startswith("http") else "", className="host"),
                        ]
                    )
                    for areas, source, url, status in rows
                ],
                className="row-sources",
            ),
        ]
    return html.Section(children, className="sources-current")


def _every_source(store: DataStore, ctx: RenderContext) -> html.Section:
    t = ctx.t
    order = list(Status)
    every = sorted(store.indicators.values(), key=lambda i: (order.index(i.status), i.theme, i.label))
    headings = (t("Indicator"), t("Status"), t("Source"), t("Licence"), t("Last update"))
    head = html.Thead(html.Tr([html.Th(h) for h in headings]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    # data-label: a phone shows each row as a block, each cell under its heading's name
                    html.Td(cell, **{"data-label": heading})
                    for heading, cell in zip(
                        headings,
                        (
                            ctx.text(i, "label"),
                            indicator_badge(store, i, ctx),
                            _link(ctx.text(i, "source"), i.source_url),
                            ctx.text(i, "licence"),
                            t.date(i.updated),
                        ),
                    )
                ]
            )
            for i in every
        ]
    )
    return html.Section(
        className="sources-all",
        children=[html.H3(t("All indicators and their sources")), html.Table([head, body], className="sources-table")],
    )


def all_data_downloads(ctx: RenderContext) -> html.Section:
    """Links to every value of every indicator: a zip of CSVs and an Excel workbook, in the page's language."""
    t = ctx.t
    links = (
        (ZIP_PATH, "zip", t("All data (ZIP: CSV, catalogue, sources, licences)")),
        (XLSX_PATH, "xlsx", t("All data (Excel workbook)")),
    )
    return html.Section(
        className="sources-downloads",
        children=[
            html.H3(t("Download all data")),
            html.Ul(
                [
                    html.Li(
                        html.A(text, href=f"{path}?lang={ctx.language}", download=bundle_filename(kind, ctx.language))
                    )
                    for path, kind, text in links
                ],
                className="download-links",
            ),
            html.P(
                t(
                    "Values are exact, as stored (the screen rounds them); illustrative rows are marked as such "
                    "in the status column."
                )
            ),
        ],
    )


def sources_panel(store: DataStore, indicator: Indicator, ctx: RenderContext, downloads: bool = True) -> list:
    """The tab's sections; ``downloads=False`` (presenter mode): without the download links."""
    t = ctx.t
    boundaries = html.Section(
        className="sources-boundaries",
        children=[
            html.H3(t("District boundaries")),
            html.P(
                [
                    t(BOUNDARIES_ATTRIBUTION),
                    " ",
                    _link("geoBoundaries", "https://www.geoboundaries.org/"),
                ]
            ),
        ],
    )
    translations = html.Section(
        className="sources-translation",
        children=[
            html.H3(t("Translations")),
            html.P(
                t(
                    "The Russian and Tajik texts were translated for this dashboard and should be reviewed by a "
                    "native speaker before an official event."
                )
            ),
        ],
    )
    sections = [indicator_sources(store, indicator, ctx), boundaries, _every_source(store, ctx), translations]
    return [sections[0], all_data_downloads(ctx), *sections[1:]] if downloads else sections
