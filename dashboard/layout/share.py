"""Taking a view out of the dashboard: copy its link, cite it, save its charts as images.

* **Copy link** copies the address of the view; where the browser's clipboard is unavailable (plain
  HTTP) or refuses, the link is shown in a text box, selected, to copy by hand.
* **Cite this view**: the dashboard's title, the view, the data date, the address and, where the view
  shows illustrative numbers, that they are not official statistics (the address is filled in by the
  browser, which knows it; the rest is drawn by the server for each view).
* **Save image**: each chart and map on screen as PNG or SVG, at the size shown or at slide size
  (1920 x 1080), drawn in the browser from the figure itself, so the title, subtitle, source line
  and illustrative mark are in the image; the data date is added to the source line.

The browser side is ``assets/share.js``; texts it shows come from ``data-`` attributes set here.
"""

from __future__ import annotations

from dash import html

from ..data import DataStore
from ..figures import RenderContext
from ..i18n import N_
from ..state import Mode, Tab, ViewState
from .ids import ID
from .presenter import shows_illustrative

SLIDE = (1920, 1080)
# The graphs whose images can be saved, with their names in the menu.
IMAGE_GRAPHS = {
    ID.MAP: N_("Map"),
    ID.RANKING: N_("Ranking"),
    ID.TREND: N_("Trend"),
    ID.PROFILE: N_("District profile"),
    ID.CHART: N_("Chart"),
    ID.GAP: N_("Service gaps"),
}
CHART_NAMES = {
    "ranking": N_("Ranking"),
    "trend": N_("Trend"),
    "profile": N_("District profile"),
    "services": N_("Services"),
    "context": N_("National context"),
}


def view_summary(store: DataStore, view: ViewState, ctx: RenderContext) -> str:
    """One line naming what the view shows, e.g. "Map: Households with a member working abroad, 2024"."""
    t = ctx.t
    if view.tab == Tab.GAP:
        need, service = store.indicators[view.need], store.indicators[view.service]
        what = t(
            "{need} against {service}, {year}",
            need=ctx.text(need, "label"),
            service=ctx.text(service, "label"),
            year=view.year,
        )
        return t("Service gaps: {what}", what=what)
    label = ctx.text(store.indicators[view.indicator], "label")
    if view.mode is Mode.CHANGE and view.from_year:
        label = t("Change in {label}, {from_year} to {year}", label=label, from_year=view.from_year, year=view.year)
    else:
        label = t("{label}, {year}", label=label, year=view.year)
    if view.tab == Tab.CHART:
        return t("{chart}: {what}", chart=t(CHART_NAMES[view.chart.value]), what=label)
    if view.tab == Tab.TABLE:
        return t("{chart}: {what}", chart=t("Table"), what=label)
    if view.tab == Tab.SOURCES:
        return t("{chart}: {what}", chart=t("Sources"), what=ctx.text(store.indicators[view.indicator], "label"))
    return t("{chart}: {what}", chart=t("Map"), what=label)


def citation(store: DataStore, view: ViewState, ctx: RenderContext) -> list:
    """The citation's parts; the address goes in the ``cite-url`` span (filled by the browser)."""
    t = ctx.t
    sentences = [
        t("Khatlon Migration Dashboard"),
        view_summary(store, view, ctx),
        t("Data as of {date}", date=t.date(store.data_as_of())),
    ]
    parts = [" ".join(s if s.endswith(".") else s + "." for s in sentences), " ", html.Span(className="cite-url")]
    if shows_illustrative(store, view):
        parts += [" ", t("District figures are illustrative (a documented model), not official statistics.")]
    return parts


def share_bar(store: DataStore, view: ViewState, ctx: RenderContext) -> html.Div:
    """Copy link, Cite this view and Save image, above the tabs."""
    t = ctx.t
    return html.Div(
        className="share-bar",
        children=[
            html.Button(
                t("Copy link"),
                className="button button-small",
                **{"data-share": "link", "data-done": t("Link copied"), "data-manual": t("Copy this link:")},
            ),
            html.Details(
                className="share-menu cite-box",
                children=[
                    html.Summary(t("Cite this view"), className="button button-small"),
                    html.Div(
                        className="share-panel",
                        children=[
                            html.P(citation(store, view, ctx), id=ID.CITE, className="cite-text"),
                            html.Button(
                                t("Copy citation"),
                                className="button button-small",
                                **{
                                    "data-share": "cite",
                                    "data-done": t("Citation copied"),
                                    "data-manual": t("Select the citation and copy it."),
                                },
                            ),
                        ],
                    ),
                ],
            ),
            image_menu(ctx),
            html.Div(
                id=ID.SHARE_FALLBACK,
                className="share-fallback",
                hidden=True,
                children=[
                    html.Label(t("Link to this view"), htmlFor=ID.SHARE_LINK),
                    html.Textarea(id=ID.SHARE_LINK, readOnly=True, rows=2, className="share-link"),
                ],
            ),
            html.Span(className="share-status", role="status", **{"aria-live": "polite"}),
        ],
    )


def image_menu(ctx: RenderContext) -> html.Details:
    """Each graph on screen as PNG or SVG, at the size shown or at slide size (rows of hidden graphs hide)."""
    t = ctx.t
    sizes = (("shown", t("as shown")), ("slide", t("slide {width}×{height}", width=SLIDE[0], height=SLIDE[1])))
    rows = [
        html.Div(
            className="image-row",
            **{"data-graph": graph.value},
            children=[
                html.Span(t(name), className="image-name"),
                *(
                    html.Button(
                        f"{kind.upper()} {size_label}",
                        className="button button-small",
                        **{"data-image": kind, "data-size": size, "data-graph": graph.value},
                    )
                    for size, size_label in sizes
                    for kind in ("png", "svg")
                ),
            ],
        )
        for graph, name in IMAGE_GRAPHS.items()
    ]
    return html.Details(
        className="share-menu image-menu",
        children=[
            html.Summary(t("Save image"), className="button button-small"),
            html.Div(rows, className="share-panel", **{"data-lang": ctx.language}),
        ],
    )
