"""``GET /deck.pptx``: built in the background (503 until ready, then the bytes), English for a language it
does not speak, the command named where Chromium cannot start; the presenter bar's link."""

from __future__ import annotations

import io
import threading

import pytest
from pptx import Presentation

import dashboard.deck
from dashboard.app import create_app
from dashboard.data import DataStore
from dashboard.deck.images import RendererUnavailable
from dashboard.deck.routes import EXTENSION, PPTX, DeckBuilds
from dashboard.figures import RenderContext
from dashboard.i18n import translator
from dashboard.layout.header import presenter_bar
from dashboard.layout.presenter import presenter_text
from dashboard.settings import Settings
from dashboard.state import scene_state

from ..conftest import BUNDLED


@pytest.fixture
def deck_app(store: DataStore):
    return create_app(Settings(data_dir=BUNDLED, secret_key="test"), store=store, warm=False)


def test_the_app_does_not_build_decks_until_asked(deck_app) -> None:
    builds = deck_app.server.extensions[EXTENSION]
    assert builds._thread is None  # tests (and servers) do not pay for decks nobody asked for
    assert Settings.from_env({}).deck_at_start is False
    assert Settings.from_env({"KHATLON_DECK_AT_START": "1"}).deck_at_start is True


def test_the_route_answers_503_while_building_then_the_deck(deck_app) -> None:
    release, asked = threading.Event(), []

    def build(language: str) -> bytes:
        asked.append(language)
        release.wait(10)
        return f"deck {language}".encode()

    builds = DeckBuilds(build)
    deck_app.server.extensions[EXTENSION] = builds
    client = deck_app.server.test_client()
    waiting = client.get("/deck.pptx?lang=tg")
    assert waiting.status_code == 503 and waiting.mimetype == "text/html"
    assert waiting.headers["Retry-After"] == "60" and waiting.headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in waiting.headers  # the security headers apply as to every page
    page = waiting.get_data(as_text=True)
    t = translator("tg")
    assert '<html lang="tg">' in page and t("The slides are being prepared. Please try again in a minute.") in page
    release.set()
    assert builds.wait(10)
    ready = client.get("/deck.pptx?lang=tg")
    assert ready.status_code == 200 and ready.mimetype == PPTX and ready.data == b"deck tg"
    assert ready.headers["Content-Disposition"] == "attachment; filename=khatlon-storyboard-tg.pptx"
    assert asked == ["tg", "ru", "en"]  # the asked language first, then the others, each once
    assert client.get("/deck.pptx?lang=xx").data == b"deck en"  # a language it does not speak: English
    assert client.get("/deck.pptx").data == b"deck en"


def test_a_junk_language_builds_english_first(deck_app) -> None:
    asked = []
    builds = DeckBuilds(lambda language: asked.append(language) or b"deck")
    deck_app.server.extensions[EXTENSION] = builds
    deck_app.server.test_client().get("/deck.pptx?lang=<script>")
    assert builds.wait(10) and asked[0] == "en"


def test_without_chromium_the_route_says_which_command_builds_the_deck(deck_app) -> None:
    def build(language: str) -> bytes:
        raise RendererUnavailable("no Chromium found")

    builds = DeckBuilds(build)
    deck_app.server.extensions[EXTENSION] = builds
    client = deck_app.server.test_client()
    assert client.get("/deck.pptx?lang=ru").status_code == 503
    assert builds.wait(10)
    answer = client.get("/deck.pptx?lang=ru")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 503 and "Retry-After" not in answer.headers
    assert "khatlon-dashboard deck --lang ru --out khatlon-storyboard-ru.pptx" in page
    assert translator("ru")("The slides cannot be drawn on this server") in page


def test_the_route_serves_the_deck_the_command_builds(deck_app, decks, monkeypatch) -> None:
    """The app's own builder (not a stand-in) calls build_deck; here it returns the session's deck."""
    built = decks["en"][0].read_bytes()
    monkeypatch.setattr(dashboard.deck, "build_deck", lambda store, language: built if language == "en" else b"")
    builds = deck_app.server.extensions[EXTENSION]
    client = deck_app.server.test_client()
    assert client.get("/deck.pptx?lang=en").status_code == 503
    assert builds.wait(30)
    answer = client.get("/deck.pptx?lang=en")
    assert answer.status_code == 200 and answer.data == built
    assert len(Presentation(io.BytesIO(answer.data)).slides) == len(deck_app.store.scenes) + 2


@pytest.mark.parametrize("language", ["tg", "ru", "en"])
def test_the_presenter_bar_links_the_deck_in_the_pages_language(store: DataStore, language: str) -> None:
    view = scene_state(store, 1, language)
    ctx = RenderContext(language)
    bar = presenter_bar(ctx, presenter_text(store, view, ctx))
    links = [c for c in _walk(bar) if getattr(c, "href", None) and "deck" in c.href]
    assert len(links) == 1 and links[0].href == f"/deck.pptx?lang={language}"
    assert links[0].children == ctx.t("Download deck") and links[0].target == "_blank"


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        if hasattr(child, "to_plotly_json"):
            yield from _walk(child)
