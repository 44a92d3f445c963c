"""``GET /deck.pptx?lang=en|ru|tg``: the storyboard as slides, each language built once in the background.

Drawing a deck's charts takes headless Chromium some seconds per language, so a request never waits
for it: the first request of a process starts a thread that builds the asked language, then the
others, and is answered 503 ("being prepared, try again in a minute", ``Retry-After``) until its
deck is ready; the bytes are then kept in memory and served as an attachment. Where Chromium cannot
be started the answer is a page naming the command that builds the deck elsewhere (retried after
:data:`RETRY_FAILED_AFTER` seconds). ``KHATLON_DECK_AT_START=1`` starts the thread when the app is
created instead. A language the dashboard does not speak is English.

Under gunicorn (``preload_app``) each worker builds its own decks on its first request: a thread does
not survive the fork, and a build the master had finished before forking is kept by every worker.
"""

from __future__ import annotations

import html
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable

from dash import Dash
from flask import Response, request

from ..data import DataStore
from ..gate import ERROR_PAGE
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, translator

LOG = logging.getLogger(__name__)
ROUTE = "/deck.pptx"
EXTENSION = "khatlon_deck"  # app.server.extensions[EXTENSION]: the DeckBuilds the route serves from
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
RETRY_AFTER = 60  # seconds: what the 503 asks a client to wait
RETRY_FAILED_AFTER = 600  # seconds before a failed build is tried again
READY, BUILDING, UNAVAILABLE = "ready", "building", "unavailable"


def deck_filename(language: str) -> str:
    return f"khatlon-storyboard-{language}.pptx"


class DeckBuilds:
    """Each language's deck, built by one background thread per process and kept (bytes per language)."""

    def __init__(self, build: Callable[[str], bytes], languages: tuple[str, ...] = LANGUAGES) -> None:
        self._build = build
        self._languages = languages
        self._decks: dict[str, bytes] = {}
        self._wanted: list[str] = []  # languages still to build, the next first
        self._failed_at: float | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        _ALL.add(self)

    def state(self, language: str) -> tuple[str, bytes | None]:
        """``(READY, bytes)``, or ``(BUILDING, None)`` having started the build, or ``(UNAVAILABLE, None)``."""
        with self._lock:
            if language in self._decks:
                return READY, self._decks[language]
            if self._failed_at is not None and time.monotonic() - self._failed_at < RETRY_FAILED_AFTER:
                return UNAVAILABLE, None
            self._start(language)
            return BUILDING, None

    def start(self, first: str = DEFAULT_LANGUAGE) -> None:
        """Build every language in the background, ``first`` first (no-op for what is built or building)."""
        with self._lock:
            self._start(first)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the thread has nothing left to build; ``False`` on timeout."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _start(self, first: str) -> None:  # with the lock held
        self._failed_at = None
        order = [first, *(language for language in self._languages if language != first)]
        self._wanted = [language for language in order if language not in self._decks]
        if self._wanted and (self._thread is None or not self._thread.is_alive()):
            self._thread = threading.Thread(target=self._run, name="khatlon-deck", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        from .images import RendererUnavailable

        while True:
            with self._lock:
                if not self._wanted:
                    return
                language = self._wanted[0]
            started = time.monotonic()
            try:
                deck = self._build(language)
            except RendererUnavailable as error:
                LOG.warning("deck: cannot draw the charts (%s); khatlon-dashboard deck builds it elsewhere", error)
                self._fail()
                return
            except Exception:  # noqa: BLE001 - a background thread: logged, and the route says what to do
                LOG.exception("deck: building the %s deck failed", language)
                self._fail()
                return
            LOG.info("deck: %s built in %.1f s (%d bytes)", language, time.monotonic() - started, len(deck))
            with self._lock:
                self._decks[language] = deck
                self._wanted = [wanted for wanted in self._wanted if wanted != language]

    def _fail(self) -> None:
        with self._lock:
            self._failed_at = time.monotonic()
            self._wanted = []

    def _forked(self) -> None:
        """In a new child process: no thread runs here any more (decks built before the fork are kept)."""
        self._lock = threading.Lock()
        self._thread = None
        self._wanted = []


_ALL: weakref.WeakSet[DeckBuilds] = weakref.WeakSet()
os.register_at_fork(after_in_child=lambda: [builds._forked() for builds in list(_ALL)])


def message_page(language: str, status: int, title: str, text: str) -> Response:
    t = translator(language)
    page = ERROR_PAGE.format(
        lang=language,
        title=html.escape(title),
        text=html.escape(text),
        home=f"/?present=1&amp;lang={language}",
        back=html.escape(t("Back to the dashboard")),
    )
    response = Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def answer(builds: DeckBuilds, language: str) -> Response:
    t = translator(language)
    state, deck = builds.state(language)
    if state == READY and deck is not None:
        response = Response(deck, mimetype=PPTX)
        response.headers.set("Content-Disposition", "attachment", filename=deck_filename(language))
        return response
    if state == BUILDING:
        response = message_page(
            language,
            503,
            t("Preparing the slides"),
            t("The slides are being prepared. Please try again in a minute."),
        )
        response.headers["Retry-After"] = str(RETRY_AFTER)
        return response
    command = f"khatlon-dashboard deck --lang {language} --out {deck_filename(language)}"
    return message_page(
        language,
        503,
        t("The slides cannot be drawn on this server"),
        t(
            "Drawing the charts needs Chromium, which this server cannot start. "
            "Build the slides on a computer that has it, with the command: {command}",
            command=command,
        ),
    )


def add_deck_routes(app: Dash, store: DataStore, at_start: bool = False) -> DeckBuilds:
    """Register ``/deck.pptx``; with ``at_start`` the decks start building now (in the background)."""

    def build(language: str) -> bytes:
        from . import build_deck

        return build_deck(store, language)

    builds = DeckBuilds(build)
    app.server.extensions[EXTENSION] = builds

    def deck() -> Response:
        language = request.args.get("lang", DEFAULT_LANGUAGE)
        return answer(app.server.extensions[EXTENSION], language if language in LANGUAGES else DEFAULT_LANGUAGE)

    app.server.add_url_rule(ROUTE, "deck_pptx", deck)
    if at_start:
        builds.start()
    return builds
