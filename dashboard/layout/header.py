"""The header (title, data vintage, language switch, Present), the notice bar and the presenter's scene bar."""

from __future__ import annotations

from dash import dcc, html

from ..data import DataStore
from ..figures import RenderContext
from ..i18n import LANGUAGE_NAMES, LANGUAGES, N_
from ..state import Notice
from .ids import ID
from .presenter import PresenterText

NOTICE_TEXTS = {
    "district": N_("District '{value}' not found — showing all of Khatlon."),
    "compare": N_("District '{value}' to compare with not found — comparing with the default."),
    "indicator": N_("Indicator '{value}' not found — showing the default indicator."),
    "year": N_("Year '{value}' has no data for this indicator — showing the latest year."),
    "tab": N_("Tab '{value}' does not exist — showing the map."),
    "chart": N_("Chart '{value}' does not exist — showing the ranking."),
    "lang": N_("Language '{value}' is not available — showing English."),
    "labels": N_("Map labels '{value}' not understood — names are shown as the screen allows."),
    "query": N_("The address could not be read — showing the default view."),
    "need": N_("Need '{value}' cannot be shown on the gap map — showing the default need."),
    "service": N_("Service '{value}' not found — showing the default service."),
    "mode": N_("Change '{value}' needs an earlier year — showing the year's values."),
    "from": N_("Start year '{value}' not available — showing the change since the first year."),
    "districts": N_("Districts '{value}' not found or more than five — comparing the others."),
}


def header(store: DataStore, ctx: RenderContext) -> html.Header:
    t = ctx.t
    return html.Header(
        className="app-header",
        children=[
            html.Div(
                className="brand",
                children=[
                    html.H1(t("Khatlon Migration Dashboard")),
                    html.P(
                        t(
                            "Labour migration, remittances and services for the families left behind, "
                            "in the 25 districts and cities of Khatlon, Tajikistan"
                        ),
                        className="tagline",
                    ),
                ],
            ),
            html.Div(
                className="header-meta",
                children=[
                    html.Span(
                        t("Data as of {date}", date=t.date(store.data_as_of())),
                        id=ID.DATA_AS_OF,
                        className="data-as-of",
                    ),
                    dcc.RadioItems(
                        id=ID.LANGUAGE,
                        options=[{"label": LANGUAGE_NAMES[code], "value": code} for code in LANGUAGES],
                        value=ctx.language,
                        inline=True,
                        className="language-switch",
                        inputClassName="language-input",
                        labelClassName="language-option",
                    ),
                    html.Button(
                        t("▶ Present"),
                        id=ID.PRESENT_BUTTON,
                        className="button button-present",
                        title=t("Presenter mode: the storyboard's scenes in large type (key P)"),
                        **{"data-action": "present"},
                    ),
                ],
            ),
        ],
    )


def notice_text(notices: tuple[Notice, ...], ctx: RenderContext) -> str:
    """One sentence per URL value that was not understood."""
    return " ".join(ctx.t(NOTICE_TEXTS[key], value=value) for key, value in notices if key in NOTICE_TEXTS)


def notice_bar(notices: tuple[Notice, ...], ctx: RenderContext) -> html.Div:
    """A small, dismissible notice (hidden when there is nothing to say)."""
    text = notice_text(notices, ctx)
    return html.Div(
        id=ID.NOTICE,
        className="notice",
        role="status",
        hidden=not text,
        children=[
            html.Span(text, id=ID.NOTICE_TEXT),
            html.Button(
                "✕",
                id=ID.NOTICE_CLOSE,
                className="notice-close",
                title=ctx.t("Close"),
                **{"aria-label": ctx.t("Close")},
            ),
        ],
    )


def presenter_bar(ctx: RenderContext, text: PresenterText) -> html.Div:
    """Scene title, note, position and the illustrative mark; shown only in presenter mode."""
    t = ctx.t
    return html.Div(
        id=ID.PRESENTER_BAR,
        className="presenter-bar",
        children=[
            html.Div(
                className="scene-text",
                children=[
                    html.H2(text.title, id=ID.SCENE_TITLE, className="scene-title"),
                    html.P(text.note, id=ID.SCENE_NOTE, className="scene-note"),
                ],
            ),
            html.Div(
                className="scene-side",
                children=[
                    html.Div(
                        "⚠ " + t("Illustrative data — not official statistics"),
                        id=ID.DATA_STATUS,
                        className="data-status",
                        hidden=not text.illustrative,
                    ),
                    html.Div(
                        className="scene-nav",
                        children=[
                            html.Button(
                                "‹",
                                className="button scene-step",
                                title=t("Previous scene (PageUp, ←)"),
                                **{"data-action": "previous", "aria-label": t("Previous scene")},
                            ),
                            html.Span(
                                text.position,
                                id=ID.SCENE_POSITION,
                                className="scene-position",
                                **{"aria-live": "polite"},
                            ),
                            html.Span(
                                text.leave_query, id=ID.LEAVE_QUERY, hidden=True
                            ),  # where Esc goes: this scene's view
                            html.Button(
                                "›",
                                className="button scene-step",
                                title=t("Next scene (PageDown, →, space)"),
                                **{"data-action": "next", "aria-label": t("Next scene")},
                            ),
                            html.Button(
                                "✕",
                                className="button scene-exit",
                                title=t("Leave presenter mode (Esc)"),
                                **{"data-action": "leave", "aria-label": t("Leave presenter mode")},
                            ),
                        ],
                    ),
                    html.A(  # the storyboard as PowerPoint slides (dashboard/deck), in the page's language
                        t("Download deck"),
                        href=f"/deck.pptx?lang={ctx.language}",
                        className="button scene-step deck-download",
                        target="_blank",  # a deck still being prepared answers with a page: not in place of the talk
                        rel="noopener",
                    ),
                ],
            ),
        ],
    )
