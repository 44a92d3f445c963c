"""The all-data routes: the files, their names and types, the cache, and no traceback for any request;
and the Sources tab's links to them."""

from __future__ import annotations

import io
import time
import zipfile

import openpyxl
import pytest
from dash import Dash, html

from dashboard.data import DataStore
from dashboard.data.bundle import XLSX_PATH, ZIP_PATH
from dashboard.figures import RenderContext
from dashboard.layout.sources import sources_panel

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("path", "query", "content_type", "filename"),
    [
        (ZIP_PATH, "", "application/zip", "khatlon-data.zip"),
        (ZIP_PATH, "?lang=ru", "application/zip", "khatlon-data_ru.zip"),
        (XLSX_PATH, "?lang=tg", XLSX_TYPE, "khatlon-data_tg.xlsx"),
        (XLSX_PATH, "?lang=en", XLSX_TYPE, "khatlon-data.xlsx"),
    ],
)
def test_download_answers_with_the_file(app: Dash, path: str, query: str, content_type: str, filename: str) -> None:
    response = app.server.test_client().get(path + query)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == f"attachment; filename={filename}"
    assert response.headers["X-Content-Type-Options"] == "nosniff" and "Content-Encoding" not in response.headers
    body = io.BytesIO(response.data)
    if path == ZIP_PATH:
        assert len(zipfile.ZipFile(body).namelist()) == 21
    else:
        assert len(openpyxl.load_workbook(body, read_only=True).sheetnames) == 7


def test_each_file_is_built_once_per_language(app: Dash) -> None:
    client = app.server.test_client()
    downloads = app.server.extensions["khatlon_downloads"]
    first = client.get(XLSX_PATH + "?lang=ru").data
    kept = downloads.file("xlsx", "ru")
    started = time.perf_counter()
    second = client.get(XLSX_PATH + "?lang=ru").data
    elapsed = time.perf_counter() - started
    assert second == first and downloads.file("xlsx", "ru") is kept  # the same object: not built again
    assert elapsed < 0.25, elapsed  # a build takes about a second; a kept file is sent at once


@pytest.mark.parametrize(
    "query", ["?lang=xx", "?lang=", "?lang=EN", "?lang=%3Cscript%3E", "?lang=ru&lang=tg&x=1", "?foo=bar&indicator=x"]
)
def test_unknown_language_and_parameters_fall_back_to_english(app: Dash, query: str) -> None:
    client = app.server.test_client()
    response = client.get(ZIP_PATH + query)
    expected = "khatlon-data_ru.zip" if query.startswith("?lang=ru") else "khatlon-data.zip"
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith(expected)
    if expected == "khatlon-data.zip":
        assert response.data == client.get(ZIP_PATH).data


def test_other_methods_and_paths_get_no_traceback(app: Dash) -> None:
    client = app.server.test_client()
    posted = client.post(ZIP_PATH, data="x")
    assert posted.status_code == 405 and b"Traceback" not in posted.data
    assert client.get("/download/khatlon-data.csv").status_code == 404
    assert client.head(XLSX_PATH).status_code == 200


def test_a_failed_build_answers_with_the_error_page(app: Dash, monkeypatch) -> None:
    downloads = app.server.extensions["khatlon_downloads"]

    def broken(kind: str, language: str) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(downloads, "file", broken)
    response = app.server.test_client().get(ZIP_PATH + "?lang=ru")
    assert response.status_code == 500 and response.mimetype == "text/html"
    assert b"Traceback" not in response.data and b"disk on fire" not in response.data


def links(component) -> list[html.A]:
    return [c for c in component._traverse() if isinstance(c, html.A)] if hasattr(component, "_traverse") else []


def test_sources_tab_links_to_both_files_in_the_page_language(store: DataStore) -> None:
    ctx = RenderContext("ru")
    panel = sources_panel(store, store.indicators["coverage_medical_pct"], ctx)
    found = {a.href: a.download for section in panel for a in links(section) if a.href.startswith("/download/")}
    assert found == {f"{ZIP_PATH}?lang=ru": "khatlon-data_ru.zip", f"{XLSX_PATH}?lang=ru": "khatlon-data_ru.xlsx"}
    presenter = sources_panel(store, store.indicators["coverage_medical_pct"], ctx, downloads=False)
    assert not [a for section in presenter for a in links(section) if a.href.startswith("/download/")]
