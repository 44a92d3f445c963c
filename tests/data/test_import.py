"""``khatlon-dashboard import``: published tables as real files have them -> exactly the tidy rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from dashboard.cli import main
from dashboard.data.importer import ImportOptions, import_table, parse_number
from dashboard.data.loader import cached_resolver

from ..conftest import BUNDLED

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = ImportOptions("hh_member_abroad_pct", 2024, source="Test survey 2024")
# (name as printed, unit id, value as printed, value, lower, upper, n as printed, n)
RUSSIAN = [
    ("г. Бохтар", "bokhtar", "44,13", 44.13, "38,0", 38.0, "50,3", 50.3, "289", 289),
    ("Вахшский район", "vakhsh", "37,5", 37.5, "31,2", 31.2, "43,8", 43.8, "1 204", 1204),
    ("р-н Дангара", "danghara", "52", 52.0, "45,5", 45.5, "58,4", 58.4, "312", 312),
    ("Ноҳияи Панҷ", "panj", "29,9", 29.9, "23,1", 23.1, "36,7", 36.7, "25", 25),
    ("Район Носири Хусрава", "nosiri_khusrav", "41,0", 41.0, "—", None, "—", None, "8", 8),
    ("Итого по Хатлонской области", "khatlon", "40,7", 40.7, "", None, "", None, "2 038", 2038),
]


def russian_workbook(path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["Таблица 3. Доля домохозяйств, 2024"])
    ws.append([])
    ws.append(["Район / город", "Доля домохозяйств с членом семьи за рубежом, %", None, None, "Число опрошенных"])
    ws.append([None, "оценка", "нижняя граница", "верхняя граница", None])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:D3")
    ws.merge_cells("E3:E4")
    for name, _, value, _, lower, _, upper, _, n, _ in RUSSIAN:
        ws.append([name, value, lower, upper, n])
    ws.append([])
    ws.append(["Источник: обследование 2024 года"])
    book.save(path)


def import_args(table: object, out: object, *extra: str) -> list[str]:
    """``khatlon-dashboard import`` of the share of households with a member abroad, 2024."""
    return ["import", str(table), "--indicator", "hh_member_abroad_pct", "--year", "2024", *extra, "--out", str(out)]


def resolver():
    return cached_resolver(BUNDLED.resolve())


def as_expected(rows) -> dict:
    return {r["district"]: (r["value"], r["lower"], r["upper"], r["sample_size"]) for r in rows.to_dict("records")}


def nan_to_none(values: tuple) -> tuple:
    return tuple(None if v is None or v != v else v for v in values)


def test_a_russian_workbook_with_merged_headers_comma_decimals_and_a_total_row(tmp_path: Path) -> None:
    russian_workbook(tmp_path / "table.xlsx")
    result = import_table(tmp_path / "table.xlsx", OPTIONS, resolver(), "table.xlsx")
    assert result.problems == []
    got = {area: nan_to_none(v) for area, v in as_expected(result.rows).items()}
    assert got == {unit: (value, lower, upper, n) for _, unit, _, value, _, lower, _, upper, _, n in RUSSIAN}
    assert result.skipped == [(12, "Источник: обследование 2024 года")]
    assert set(result.rows["status"]) == {"survey"} and set(result.rows["source"]) == {"Test survey 2024"}
    assert result.rows.loc[0, "note"] == "Imported from table.xlsx, line 5 (г. Бохтар)"


def test_a_tajik_csv_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "jadval.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Ноҳия / шаҳр", "Арзиш, %", "Поёни фосила", "Болои фосила", "Шумораи пурсидашудагон"])
        writer.writerow(["Шаҳри Кӯлоб", "52,1", "47,1", "57,1", "377"])
        writer.writerow(["Ноҳияи Ҷалолиддини Балхӣ", "44,4", "38,0", "50,8", "301"])
        writer.writerow(["Ноҳияи Данғара", "33,9", "28,5", "39,3", "290"])
        writer.writerow(["Ҳамагӣ", "41,2", "", "", "968"])
    result = import_table(path, OPTIONS, resolver(), "jadval.csv")
    assert result.problems == []
    assert {a: nan_to_none(v) for a, v in as_expected(result.rows).items()} == {
        "kulob": (52.1, 47.1, 57.1, 377),
        "jaloliddini_balkhi": (44.4, 38.0, 50.8, 301),
        "danghara": (33.9, 28.5, 39.3, 290),
        "khatlon": (41.2, None, None, 968),
    }


def test_an_english_csv_with_thousands_commas_and_a_named_value_column(tmp_path: Path) -> None:
    path = tmp_path / "remit.csv"
    path.write_text('District,Households,Amount\nDusti,1204,"1,250.5"\nKulob city,310,"980"\n', encoding="utf-8")
    options = ImportOptions("remittance_monthly_usd", 2024, columns={"value": "Amount", "n": "Households"})
    result = import_table(path, options, resolver(), "remit.csv")
    assert result.problems == []
    assert {a: nan_to_none(v) for a, v in as_expected(result.rows).items()} == {
        "dusti": (1250.5, None, None, 1204),
        "kulob": (980.0, None, None, 310),
    }


def test_unknown_names_junk_numbers_and_repeated_districts_are_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "Район,Значение\nВахшский район,12\nВахшский р-н,13\nКулябский район,14\nДусти,много\n", encoding="utf-8"
    )
    result = import_table(path, OPTIONS, resolver(), "bad.csv")
    messages = [str(p) for p in result.problems]
    assert messages[0] == "bad.csv:3: Район: 'Вахшский р-н' is vakhsh, already on line 2"
    assert messages[1].startswith("bad.csv:4: Район: unknown district 'Кулябский район'; did you mean Kulob")
    assert messages[2] == "bad.csv:5: Значение: 'много' is not a number"


@pytest.mark.parametrize(
    ("text", "decimal", "number"),
    [
        ("44,1", "comma", 44.1),
        ("1 234,5", "comma", 1234.5),
        ("1\u00a0234,5", "comma", 1234.5),
        ("1,234.5", "point", 1234.5),
        ("1.234,5", "comma", 1234.5),
        ("1.234,5", "point", 1234.5),  # both separators: the last one is the decimal, whatever the column
        ("1,234", "point", 1234.0),
        ("12%", "point", 12.0),
        ("—", "comma", None),
        ("н/д", "comma", None),
        ("", "point", None),
    ],
)
def test_numbers_as_tables_print_them(text: str, decimal: str, number: float | None) -> None:
    assert parse_number(text, decimal) == number


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1_0", "12,3,4.5.6", "много"])
def test_text_that_is_not_a_finite_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text, "point")


def test_excel_percentage_cells_are_read_as_shown(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["District", "Share"])
    ws.append(["Dusti", 0.441])
    ws["B2"].number_format = "0.0%"
    book.save(tmp_path / "p.xlsx")
    result = import_table(tmp_path / "p.xlsx", OPTIONS, resolver(), "p.xlsx")
    assert result.problems == [] and result.rows["value"].tolist() == [44.1]


def test_styled_empty_rows_under_a_table_do_not_hide_its_columns(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["District", "Value", "Lower", "Upper"])
    ws.append(["Dusti", 40.5, 35.0, 46.0])
    for row in range(3, 300):
        ws.cell(row=row, column=1).number_format = "0.0"  # formatted, empty: openpyxl reads these rows
    book.save(tmp_path / "styled.xlsx")
    result = import_table(tmp_path / "styled.xlsx", OPTIONS, resolver(), "styled.xlsx")
    assert nan_to_none(as_expected(result.rows)["dusti"]) == (40.5, 35.0, 46.0, None)


def test_importing_again_into_the_data_folder_replaces_the_file(data_copy: Path, capsys) -> None:
    out = data_copy / "indicators" / "round_2024.csv"
    table = str(ROOT / "data" / "examples" / "synthetic_table_tg.csv")
    command = import_args(table, out, "--data", str(data_copy))
    assert main(command) == 0 and out.exists()
    capsys.readouterr()
    assert main(command) == 0, capsys.readouterr().out  # the file already there is not a duplicate of itself
    assert ": 0 added, 0 changed, 26 unchanged, 0 removed" in capsys.readouterr().out


def test_rows_that_fail_validation_are_not_written(data_copy: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "t.csv"
    path.write_text("District,Value\nDusti,140\n", encoding="utf-8")  # a percentage over 100
    out = tmp_path / "out.csv"
    assert main(import_args(path, out)) == 1
    assert "140" in capsys.readouterr().out and not out.exists()


def test_the_command_on_the_example_table(tmp_path: Path, capsys) -> None:
    out = tmp_path / "imported.csv"
    table = str(ROOT / "data" / "examples" / "synthetic_table_ru.xlsx")
    status = main(import_args(table, out, "--source", "Synthetic example"))
    printed = capsys.readouterr().out
    assert status == 0, printed
    assert f"{out}: written and valid with" in printed
    assert ": 0 added, 26 changed, 0 unchanged, 0 removed" in printed  # 25 units + Khatlon replace model rows
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 26 and {r["status"] for r in rows} == {"survey"}


def test_the_command_refuses_an_unknown_indicator(tmp_path: Path, capsys) -> None:
    table = str(ROOT / "data" / "examples" / "synthetic_table_tg.csv")
    status = main(
        ["import", table, "--indicator", "hh_member_abroad", "--year", "2024", "--out", str(tmp_path / "x.csv")]
    )
    assert status == 1
    assert "unknown indicator 'hh_member_abroad' (closest: hh_member_abroad_pct" in capsys.readouterr().out
    assert not (tmp_path / "x.csv").exists()
