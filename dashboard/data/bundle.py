"""All the data in two files: a zip (a tidy CSV per indicator, the catalogue, SOURCES.md, the licences)
and an Excel workbook (a sheet per theme and a Sources sheet, built in :mod:`.workbook`).

Pure functions: store + the documents of its data folder + the wording of one language -> bytes. The
caller translates (the data layer has no i18n) and caches (the store never changes). Values are
written exactly as stored, never rounded; every text cell is formula-safe (:func:`export.safe_text`)
and no workbook cell is ever a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .export import COLUMNS, export_filename, indicator_rows, safe_text, to_csv
from .model import STATUS_ORDER, Indicator
from .store import THEME_ORDER, DataStore

ZIP_PATH = "/download/khatlon-data.zip"
XLSX_PATH = "/download/khatlon-data.xlsx"
ZIP_ROOT = "khatlon-data"
CATALOGUE = "catalogue.csv"
SOURCES = "SOURCES.md"
LICENCES = "LICENCES.md"


@dataclass(frozen=True)
class Wording:
    """What the files say in one language, translated by the caller.

    ``headings`` names every column id of :data:`export.COLUMNS` and of the workbook's sheets
    (:data:`.workbook.SHEET_COLUMNS`, :data:`.workbook.SOURCE_COLUMNS`); ``themes`` names the catalogue's
    themes (the sheets).
    """

    language: str
    area_name: Callable[[str], str]
    headings: Mapping[str, str]
    themes: Mapping[str, str]
    sources_sheet: str
    licences_title: str
    licences_intro: str
    boundaries_title: str
    boundaries_text: str


def bundle_filename(kind: str, language: str) -> str:
    """``khatlon-data.zip``, ``khatlon-data_ru.xlsx``: the language suffix as in a CSV export's name."""
    return f"khatlon-data{'' if language == 'en' else '_' + language}.{kind}"


def read_documents(data_dir: Path) -> dict[str, str]:
    """The data folder's files that go into the zip as written: the catalogue and ``SOURCES.md`` (if present)."""
    found = {}
    for name, path in ((CATALOGUE, Path("indicators") / CATALOGUE), (SOURCES, Path(SOURCES))):
        if (data_dir / path).is_file():
            found[name] = (data_dir / path).read_text(encoding="utf-8-sig")
    return found


# ---------------------------------------------------------------- rows


def indicator_table(store: DataStore, indicator: Indicator, wording: Wording) -> list[dict]:
    """Every row of the indicator (the CSV export's columns), values exactly as stored; texts in the language."""
    language = wording.language
    rows = indicator_rows(
        store,
        indicator,
        None,
        wording.area_name,
        label=indicator.text("label", language),
        unit=indicator.text("unit", language),
    )
    licence = indicator.text("licence", language)
    return [{**row, "licence": licence} for row in rows]


def indicator_status(store: DataStore, indicator: Indicator) -> str:
    """The statuses of the indicator's rows, most trusted first (``survey; illustrative`` when mixed)."""
    statuses = store.statuses(indicator.id)
    return "; ".join(s.value for s in STATUS_ORDER if s in statuses) or indicator.status.value


def source_rows(store: DataStore, wording: Wording) -> list[dict]:
    """One row per indicator of the catalogue: what it is, its status, source, licence, update and caveat."""
    language = wording.language
    return [
        {
            "indicator": i.id,
            "indicator_label": i.text("label", language),
            "unit": i.text("unit", language),
            "status": indicator_status(store, i),
            "source": i.text("source", language),
            "source_url": i.source_url,
            "licence": i.text("licence", language),
            "updated": i.updated,
            "caveat": i.text("caveat", language) if i.caveat else "",
        }
        for i in store.indicators.values()
    ]


def themes(store: DataStore) -> list[str]:
    """The catalogue's themes: the usual order first, then any other in alphabetical order."""
    present = {i.theme for i in store.indicators.values()}
    return [t for t in THEME_ORDER if t in present] + sorted(present - set(THEME_ORDER))


# ---------------------------------------------------------------- zip


def catalogue_csv(text: str) -> str:
    """The catalogue as written (same columns, same texts), with a byte-order mark and formula-safe cells."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text)):
        writer.writerow([cell if _is_number(cell) else safe_text(cell) for cell in row])
    return buffer.getvalue()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def licences_markdown(store: DataStore, wording: Wording) -> str:
    """Each licence of the catalogue with the indicators under it, and the boundaries' attribution."""
    language = wording.language
    groups: dict[str, list[Indicator]] = {}
    for indicator in store.indicators.values():
        groups.setdefault(indicator.text("licence", language), []).append(indicator)
    lines = [f"# {wording.licences_title}", "", wording.licences_intro, ""]
    for licence, indicators in groups.items():
        lines += [f"## {licence}", ""]
        lines += [f"- {i.text('label', language)} (`{i.id}`)" for i in indicators]
        lines.append("")
    lines += [f"## {wording.boundaries_title}", "", wording.boundaries_text, ""]
    return "\n".join(lines)


def zip_members(store: DataStore, wording: Wording, documents: Mapping[str, str]) -> dict[str, str]:
    """File name in the zip -> text, in the order they are written."""
    members = {}
    if CATALOGUE in documents:
        members[f"{ZIP_ROOT}/{CATALOGUE}"] = catalogue_csv(documents[CATALOGUE])
    if SOURCES in documents:
        members[f"{ZIP_ROOT}/{SOURCES}"] = documents[SOURCES]
    members[f"{ZIP_ROOT}/{LICENCES}"] = licences_markdown(store, wording)
    headers = [wording.headings[c] for c in COLUMNS]
    for indicator in store.indicators.values():
        name = export_filename(store, indicator, wording.language)
        rows = indicator_table(store, indicator, wording)
        members[f"{ZIP_ROOT}/indicators/{name}"] = to_csv(rows, COLUMNS, headers)  # as the Table tab's download
    return members


def build_zip(store: DataStore, wording: Wording, documents: Mapping[str, str]) -> bytes:
    """The zip's bytes (the same bytes for the same store and language: entries are dated by the data)."""
    stamp = _data_date(store)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in zip_members(store, wording, documents).items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _data_date(store: DataStore) -> tuple[int, int, int, int, int, int]:
    try:
        day = date.fromisoformat(store.data_as_of())
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)
