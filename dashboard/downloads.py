"""``GET /download/khatlon-data.zip`` and ``/download/khatlon-data.xlsx``: all the data, ``?lang=en|ru|tg``.

Each file is built on its first request, once per language, and kept in memory (the store never
changes; six files of a few hundred kB at most). A ``lang`` the dashboard does not speak falls back to
English; other query parameters are ignored. The bytes come from :mod:`dashboard.data.bundle`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from dash import Dash
from flask import Response, request

from .callbacks.table import CSV_HEADERS
from .data import DataStore
from .data.bundle import XLSX_PATH, ZIP_PATH, Wording, build_zip, bundle_filename, read_documents
from .figures import RenderContext
from .figures.labels import area_name
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from .layout.controls import THEME_LABELS
from .layout.sources import BOUNDARIES_ATTRIBUTION

CONTENT_TYPES = {
    "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADINGS = {**CSV_HEADERS, "updated": N_("Last update"), "caveat": N_("Caveat")}
IDENTIFIERS = ("area_id", "indicator")  # column headings that stay as written: they name identifiers


def wording(store: DataStore, language: str) -> Wording:
    """The downloads' texts in ``language``."""
    ctx = RenderContext(language)
    t = ctx.t
    return Wording(
        language=ctx.language,
        area_name=lambda area: area_name(store, area, ctx),
        headings={key: text if key in IDENTIFIERS else t(text) for key, text in HEADINGS.items()},
        themes={theme: t(label) for theme, label in THEME_LABELS.items()},
        sources_sheet=t("Sources"),
        licences_title=t("Licences"),
        licences_intro=t(
            "The licence of each indicator, as the catalogue states it (column “licence”), and the "
            "attribution the district boundaries require."
        ),
        boundaries_title=t("District boundaries"),
        boundaries_text=t(BOUNDARIES_ATTRIBUTION),
    )


class Downloads:
    """The files, built on first request per (kind, language) and kept; one build at a time."""

    def __init__(self, store: DataStore, documents: Mapping[str, str]) -> None:
        self.store = store
        self.documents = dict(documents)
        self._files: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()

    def file(self, kind: str, language: str) -> bytes:
        key = (kind, language)
        if key not in self._files:
            with self._lock:
                if key not in self._files:
                    words = wording(self.store, language)
                    if kind == "zip":
                        self._files[key] = build_zip(self.store, words, self.documents)
                    else:
                        from .data.workbook import build_workbook  # openpyxl: imported when first asked for

                        self._files[key] = build_workbook(self.store, words)
        return self._files[key]


def add_download_routes(app: Dash, store: DataStore, data_dir: Path) -> Downloads:
    """Register both routes; ``data_dir`` is the folder the store was loaded from (catalogue, SOURCES.md)."""
    downloads = Downloads(store, read_documents(Path(data_dir)))

    def answer(kind: str) -> Response:
        language = request.args.get("lang", DEFAULT_LANGUAGE)
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        response = Response(downloads.file(kind, language), mimetype=CONTENT_TYPES[kind])
        response.headers.set("Content-Disposition", "attachment", filename=bundle_filename(kind, language))
        return response

    app.server.add_url_rule(ZIP_PATH, "download_zip", lambda: answer("zip"))
    app.server.add_url_rule(XLSX_PATH, "download_xlsx", lambda: answer("xlsx"))
    app.server.extensions["khatlon_downloads"] = downloads
    return downloads
