"""All the data in two files: every value exactly as stored, the catalogue, sources and licences, and no
cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dashboard.data import DataStore, load_store
from dashboard.data.bundle import build_zip, read_documents, themes
from dashboard.data.export import COLUMNS, export_filename
from dashboard.data.workbook import SHEET_COLUMNS, SOURCE_COLUMNS, build_workbook, sheet_title
from dashboard.downloads import wording
from dashboard.i18n import translator
from dashboard.layout.controls import THEME_LABELS

from ..conftest import BUNDLED
from .helpers import read_rows, set_cell

ROOT = "khatlon-data"
FORMULA = "=cmd|' /C calc'!A0"
# a survey round whose texts would run in a spreadsheet and whose numbers need all 17 digits
HOSTILE_ROUND = f"""district,indicator,year,value,lower,upper,sample_size,note,source,source_url,status
Dusti,hh_member_abroad_pct,2024,47.300000000000004,0.30000000000000004,50.9,612,"{FORMULA}",@SUM(1+1),https://example.org/s,survey
Kulob,hh_member_abroad_pct,2024,39.2,35.8,42.6,590,-2+3,+1+1,https://example.org/s,survey
Panj,hh_member_abroad_pct,2024,40.1,35.8,42.6,590,\a=1+1 (a bell first),source,https://example.org/s,survey
"""


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return read_documents(BUNDLED)


@pytest.fixture(scope="module")
def zips(store: DataStore, documents) -> dict[str, zipfile.ZipFile]:
    return {
        lang: zipfile.ZipFile(io.BytesIO(build_zip(store, wording(store, lang), documents))) for lang in ("en", "ru")
    }


@pytest.fixture(scope="module")
def books(store: DataStore) -> dict[str, openpyxl.Workbook]:
    return {
        lang: openpyxl.load_workbook(io.BytesIO(build_workbook(store, wording(store, lang)))) for lang in ("en", "ru")
    }


def csv_rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    text = archive.read(name).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the names as UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def number(text: str) -> float | None:
    return None if text == "" else float(text)


def sheet_records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    columns = SHEET_COLUMNS if len(rows[0]) == len(SHEET_COLUMNS) else SOURCE_COLUMNS
    return [dict(zip(columns, row)) for row in rows[1:]]


# ---------------------------------------------------------------- zip


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_zip_holds_exactly_the_expected_files(store: DataStore, zips, lang: str) -> None:
    names = zips[lang].namelist()
    expected = [f"{ROOT}/catalogue.csv", f"{ROOT}/SOURCES.md", f"{ROOT}/LICENCES.md"] + [
        f"{ROOT}/indicators/{export_filename(store, i, lang)}" for i in store.indicators.values()
    ]
    assert names == expected and len(names) == 3 + 18
    assert f"{ROOT}/indicators/khatlon_coverage_medical_pct_ILLUSTRATIVE{'_ru' if lang == 'ru' else ''}.csv" in names
    assert zips[lang].testzip() is None


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_csv_value_is_exactly_the_stored_one(store: DataStore, zips, lang: str) -> None:
    """Every value, bound, sample size and status of every indicator, compared with the store (floats: ==)."""
    checked = 0
    for indicator in store.indicators.values():
        rows = csv_rows(zips[lang], f"{ROOT}/indicators/{export_filename(store, indicator, lang)}")
        records = {(r["area_id"], int(r["year"])): r for r in (dict(zip(COLUMNS, row)) for row in rows[1:])}
        observations = store.indicator_observations(indicator.id)
        assert len(rows) - 1 == len(records) == len(observations)
        for o in observations:
            row = records[(o.area_id, o.year)]
            assert number(row["value"]) == o.value
            assert (number(row["lower"]), number(row["upper"])) == (o.lower, o.upper)
            assert row["sample_size"] == ("" if o.sample_size is None else str(o.sample_size))
            assert row["status"] == o.status.value and row["indicator"] == indicator.id
            assert row["source"] == (o.source or indicator.source) and row["licence"]
            checked += 1
    assert checked == sum(len(store.indicator_observations(i)) for i in store.indicators) > 1900


def test_csv_keeps_the_stored_digits(zips) -> None:
    """World Bank's 44.13 % is written 44.13, not the screen's 44.1."""
    rows = csv_rows(zips["en"], f"{ROOT}/indicators/khatlon_remittances_pct_gdp.csv")
    by_year = {row[COLUMNS.index("year")]: row[COLUMNS.index("value")] for row in rows[1:]}
    assert by_year["2008"] == "44.13"


def test_csv_headings_follow_the_language(zips) -> None:
    ru = translator("ru")
    header = csv_rows(zips["ru"], f"{ROOT}/indicators/khatlon_population_ru.csv")[0]
    assert header[COLUMNS.index("value")] == ru("Value") != "Value"
    assert header[COLUMNS.index("area_id")] == "area_id"  # identifiers keep their names
    row = csv_rows(zips["ru"], f"{ROOT}/indicators/khatlon_population_ru.csv")[1]
    assert row[COLUMNS.index("unit")] != "persons"  # the unit in Russian too


def test_catalogue_sources_and_licences_are_in_the_zip(store: DataStore, zips) -> None:
    catalogue = csv_rows(zips["en"], f"{ROOT}/catalogue.csv")
    assert catalogue[0] == read_rows(BUNDLED / "indicators" / "catalogue.csv")[0]
    assert [row[0] for row in catalogue[1:]] == list(store.indicators)
    sources = zips["en"].read(f"{ROOT}/SOURCES.md").decode("utf-8")
    assert sources == (BUNDLED / "SOURCES.md").read_text(encoding="utf-8") and len(sources) > 1000
    licences = zips["en"].read(f"{ROOT}/LICENCES.md").decode("utf-8")
    assert all(f"`{i.id}`" in licences and i.licence in licences for i in store.indicators.values())
    assert "ODbL" in licences and "OpenStreetMap" in licences
    assert "ODbL" in zips["ru"].read(f"{ROOT}/LICENCES.md").decode("utf-8")


def test_zip_is_the_same_bytes_each_time(store: DataStore, documents) -> None:
    words = wording(store, "tg")
    assert build_zip(store, words, documents) == build_zip(store, words, documents)


# ---------------------------------------------------------------- workbook


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_workbook_has_a_sheet_per_theme_and_a_sources_sheet(store: DataStore, books, lang: str) -> None:
    t = translator(lang)
    book = books[lang]
    assert book.sheetnames == [t(THEME_LABELS[theme]) for theme in themes(store)] + [t("Sources")]
    assert len(book.sheetnames) == len({i.theme for i in store.indicators.values()}) + 1 == 7
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(sheet.column_dimensions[c].width >= 8 for c in "ABCDE")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_workbook_value_is_exactly_the_stored_one(store: DataStore, books, lang: str) -> None:
    book = books[lang]
    records = {}
    for sheet, theme in zip(book.worksheets, themes(store)):
        for r in sheet_records(sheet):
            assert store.indicators[r["indicator"]].theme == theme
            records[(r["indicator"], r["area_id"], r["year"])] = r
    count = 0
    for indicator in store.indicators.values():
        for o in store.indicator_observations(indicator.id):
            r = records[(indicator.id, o.area_id, o.year)]
            assert isinstance(r["value"], int | float) and r["value"] == o.value
            assert (r["lower"], r["upper"], r["sample_size"]) == (o.lower, o.upper, o.sample_size)
            assert r["status"] == o.status.value and r["unit"] == indicator.text("unit", lang)
            count += 1
    assert len(records) == count == sum(len(store.indicator_observations(i)) for i in store.indicators)
    assert records[("remittances_pct_gdp", "tajikistan", 2008)]["value"] == 44.13


def test_workbook_headings_follow_the_language(store: DataStore, books) -> None:
    ru = translator("ru")
    heads = [c.value for c in books["ru"].worksheets[0][1]]
    assert heads[SHEET_COLUMNS.index("value")] == ru("Value") != "Value"
    assert heads[SHEET_COLUMNS.index("unit")] == ru("Unit") != "Unit"
    sources = books["ru"][ru("Sources")]
    assert [c.value for c in sources[1]][SOURCE_COLUMNS.index("updated")] == ru("Last update")
    assert [c.value for c in books["en"].worksheets[0][1]][:4] == ["District / area", "Indicator", "Year", "Value"]


def test_sources_sheet_has_one_row_per_indicator(store: DataStore, books) -> None:
    rows = sheet_records(books["en"]["Sources"])
    assert [r["indicator"] for r in rows] == list(store.indicators)
    medical = rows[list(store.indicators).index("coverage_medical_pct")]
    assert medical["status"] == "illustrative" and medical["licence"].startswith("CC0") and medical["caveat"]
    assert medical["source_url"] == store.indicators["coverage_medical_pct"].source_url


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_title("Services: a/b [c]?", taken) == "Services  a b  c"
    assert len(sheet_title("x" * 40, taken)) == 31 and sheet_title("x" * 40, taken) == "x" * 29 + " 2"
    assert sheet_title("'''", taken) == "Sheet"


# ---------------------------------------------------------------- hostile text, long floats


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[DataStore, dict[str, str]]:
    """The bundled data plus a survey round with formula-like notes and sources and 17-digit values, and a
    catalogue whose label of one indicator starts with ``=``."""
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("sources", "scripts", "*.yaml"))
    (target / "indicators" / "survey_round.csv").write_text(HOSTILE_ROUND, encoding="utf-8")
    catalogue = target / "indicators" / "catalogue.csv"
    set_cell(catalogue, 2, "label", '=HYPERLINK("http://x")')  # line 2: the first indicator
    return load_store(target), read_documents(target)


def test_hostile_text_is_written_as_text_in_the_workbook(hostile) -> None:
    store, _ = hostile
    book = openpyxl.load_workbook(io.BytesIO(build_workbook(store, wording(store, "en"))))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert len(cells) > 30000 and not [c.coordinate for c in cells if c.data_type == "f"]
    rows = {
        (r["area_id"], r["year"]): r
        for r in sheet_records(book.worksheets[0])
        if r["indicator"] == "hh_member_abroad_pct"
    }
    dusti, kulob = rows[("dusti", 2024)], rows[("kulob", 2024)]
    assert dusti["note"] == "'" + FORMULA and dusti["source"] == "'@SUM(1+1)"
    assert kulob["note"] == "'-2+3" and kulob["source"] == "'+1+1"
    assert rows[("panj", 2024)]["note"] == "'=1+1 (a bell first)"  # no control character in XML, then made safe
    assert dusti["indicator_label"] == '\'=HYPERLINK("http://x")'
    assert dusti["value"] == 47.300000000000004 and dusti["lower"] == 0.30000000000000004  # all 17 digits
    assert dusti["status"] == "survey" and rows[("baljuvon", 2024)]["status"] == "illustrative"
    sources = sheet_records(book["Sources"])[0]
    assert sources["indicator_label"] == '\'=HYPERLINK("http://x")' and sources["status"] == "survey; illustrative"


def test_hostile_text_is_escaped_in_the_zip(hostile) -> None:
    store, documents = hostile
    archive = zipfile.ZipFile(io.BytesIO(build_zip(store, wording(store, "en"), documents)))
    name = f"{ROOT}/indicators/khatlon_hh_member_abroad_pct_PARTLY_ILLUSTRATIVE.csv"
    rows = [dict(zip(COLUMNS, row)) for row in csv_rows(archive, name)[1:]]
    dusti = next(r for r in rows if r["area_id"] == "dusti" and r["year"] == "2024")
    assert dusti["note"] == "'" + FORMULA and dusti["source"] == "'@SUM(1+1)"
    assert dusti["value"] == "47.300000000000004" and dusti["lower"] == "0.30000000000000004"
    catalogue = csv_rows(archive, f"{ROOT}/catalogue.csv")
    assert catalogue[1][catalogue[0].index("label")] == '\'=HYPERLINK("http://x")'
    assert catalogue[1][catalogue[0].index("decimals")] == "1"  # numbers stay numbers
    assert f"{ROOT}/SOURCES.md" in archive.namelist()


def test_a_folder_without_sources_md_gives_a_zip_without_it(data_copy: Path) -> None:
    store = load_store(data_copy)  # the fixture's copy leaves out the .md files
    names = zipfile.ZipFile(io.BytesIO(build_zip(store, wording(store, "en"), read_documents(data_copy)))).namelist()
    assert f"{ROOT}/SOURCES.md" not in names and f"{ROOT}/catalogue.csv" in names and f"{ROOT}/LICENCES.md" in names
