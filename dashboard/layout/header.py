"""The header (title, data vintage, Present button) and the presenter's scene bar."""

from __future__ import annotations

from dash import html

from ..data import DataStore
from ..i18n import Translator
from .ids import ID


def header(store: DataStore, t: Translator) -> html.Header:
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


def presenter_bar(t: Translator) -> html.Div:
    """Scene title, note and position; shown only in presenter mode (see assets/presenter.css)."""
    return html.Div(
        id=ID.PRESENTER_BAR,
        className="presenter-bar",
        children=[
            html.Div(
                className="scene-text",
                children=[
                    html.H2(id=ID.SCENE_TITLE, className="scene-title"),
                    html.P(id=ID.SCENE_NOTE, className="scene-note"),
                ],
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
                    html.Span(id=ID.SCENE_POSITION, className="scene-position", **{"aria-live": "polite"}),
                    html.Span(id=ID.LEAVE_QUERY, hidden=True),  # where Esc goes: this scene's view, not presenting
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
        ],
    )
