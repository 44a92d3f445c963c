"""Files that are not plain comma-separated UTF-8: one clear line each, never a flood; invisible
characters made visible; at most 50 problems listed per file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from dashboard.data import DataValidationError, load_store, validate_data_dir

from .helpers import read_rows, write_rows

ROOT = Path(__file__).resolve().parents[2]
POPULATION = Path("indicators/population.csv")
MIGRATION = Path("indicators/illustrative_migration.csv")
HEADER = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note"]


def problems_of(data_dir: Path) -> list[str]:
    _, problems = validate_data_dir(data_dir, shown_as="data")
    return [str(p) for p in problems]


def rewrite(path: Path, delimiter: str = ",", encoding: str = "utf-8", prefix: str = "") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(read_rows(path))
    path.write_bytes(prefix.encode("utf-8") + buffer.getvalue().encode(encoding))


def test_semicolon_separated_file_is_one_line(data_copy: Path) -> None:
    rewrite(data_copy / POPULATION, delimiter=";")
    assert problems_of(data_copy) == [
        'data/indicators/population.csv:1: -: the file is separated by semicolons (;); save it as "CSV UTF-8 '
        '(comma delimited)" or replace ; with ,'
    ]


def test_tab_separated_file_is_one_line(data_copy: Path) -> None:
    rewrite(data_copy / "districts.csv", delimiter="\t")
    assert problems_of(data_copy) == [
        'data/districts.csv:1: -: the file is separated by tabs; save it as "CSV UTF-8 (comma delimited)" '
        "or replace the tabs with ,"
    ]


def test_windows_1251_file_is_one_line_without_cascade(data_copy: Path) -> None:
    shutil.copy(ROOT / "data" / "scenes.yaml", data_copy / "scenes.yaml")  # it shows this file's indicator
    assert problems_of(data_copy) == []
    rows = read_rows(data_copy / MIGRATION)
    rows[1][HEADER.index("note")] = "иллюстративные данные"
    write_rows(data_copy / MIGRATION, rows)
    rewrite(data_copy / MIGRATION, encoding="cp1251")
    assert problems_of(data_copy) == [
        "data/indicators/illustrative_migration.csv:2: -: bad encoding: byte 0xe8 is not UTF-8 (the file looks "
        'like Windows-1251 Cyrillic); save it as "CSV UTF-8"'
    ]


def test_windows_1251_districts_file_is_one_line_without_cascade(data_copy: Path) -> None:
    shutil.copy(ROOT / "data" / "scenes.yaml", data_copy / "scenes.yaml")
    text = (data_copy / "districts.csv").read_text(encoding="utf-8")
    (data_copy / "districts.csv").write_bytes(text.encode("cp1251", errors="replace"))
    problems = problems_of(data_copy)
    assert len(problems) == 1, problems
    assert problems[0].startswith("data/districts.csv:2: -: bad encoding: byte 0x")
    assert problems[0].endswith('is not UTF-8 (the file looks like Windows-1251 Cyrillic); save it as "CSV UTF-8"')


def test_one_byte_order_mark_is_fine(data_copy: Path) -> None:
    rewrite(data_copy / POPULATION, prefix="\ufeff")
    assert problems_of(data_copy) == []


def test_doubled_byte_order_mark_is_shown(data_copy: Path) -> None:
    rewrite(data_copy / POPULATION, prefix="\ufeff\ufeff")
    assert problems_of(data_copy) == [
        "data/indicators/population.csv:1: U+FEFFdistrict: column name contains an invisible character U+FEFF; "
        "remove it"
    ]


def test_zero_width_characters_in_a_column_name(data_copy: Path) -> None:
    rows = read_rows(data_copy / POPULATION)
    rows[0][HEADER.index("sample_size")] = "sample\u200b_size\u2060"
    write_rows(data_copy / POPULATION, rows)
    assert problems_of(data_copy) == [
        "data/indicators/population.csv:1: sampleU+200B_sizeU+2060: column name contains invisible characters "
        "U+200B, U+2060; remove them"
    ]


def test_invisible_characters_in_cells_are_shown(data_copy: Path) -> None:
    write_rows(
        data_copy / "indicators" / "round.csv",
        [HEADER, ["\u200bDusti", "hh_member_abroad_pct", "2019", "4\t2", "", "", "", ""]],
    )
    problems = problems_of(data_copy)
    assert problems[0].startswith("data/indicators/round.csv:2: district: unknown district 'U+200BDusti'")
    assert problems[1] == "data/indicators/round.csv:2: value: '4U+00092' is not a number"
    assert len(problems) == 2 and all(p.isprintable() for p in problems)


def test_at_most_50_problems_per_file_then_a_count(data_copy: Path) -> None:
    rows = [["dusti", "hh_member_abroad_pct", "2019", "abc", "x", "", "", ""] for _ in range(40)]  # 2 each
    write_rows(data_copy / "indicators" / "round.csv", [HEADER, *rows])
    rows = [["dusti", "hh_member_abroad_pct", "2019", "abc", "", "", "", ""] for _ in range(3)]
    write_rows(data_copy / "indicators" / "round_2.csv", [HEADER, *rows])
    problems = problems_of(data_copy)
    first = [p for p in problems if p.startswith("data/indicators/round.csv")]
    assert len(first) == 51
    assert first[:2] == [
        "data/indicators/round.csv:2: lower: 'x' is not a number",
        "data/indicators/round.csv:2: value: 'abc' is not a number",
    ]
    assert first[49] == "data/indicators/round.csv:26: value: 'abc' is not a number"
    assert first[50] == "data/indicators/round.csv:27: -: and 30 more problems in this file"
    assert len([p for p in problems if p.startswith("data/indicators/round_2.csv")]) == 3


def test_problems_of_later_stages_count_towards_the_limit(data_copy: Path) -> None:
    rows = [["dusti", "hh_member_abroad_pct", str(1990 + n), "42", "", "", "", ""] for n in range(55)]
    rows[0][3] = "abc"  # a text problem on line 2; the other 54 rows are outside the catalogue's years
    write_rows(data_copy / "indicators" / "round.csv", [HEADER, *rows])
    problems = problems_of(data_copy)
    assert len(problems) == 51
    assert problems[0] == "data/indicators/round.csv:2: value: 'abc' is not a number"
    assert problems[1].startswith("data/indicators/round.csv:3: year: year 1991 is outside the catalogue's range")
    assert problems[50] == "data/indicators/round.csv:52: -: and 5 more problems in this file"


def test_lines_of_districts_are_read_from_the_folder_checked(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing shape is reported on the line of the unit in *this* folder's districts.csv, not in
    whatever ``data/districts.csv`` the command happens to run beside."""
    rows = read_rows(data_copy / "districts.csv")
    vakhsh = next(n for n, r in enumerate(rows, start=1) if r[0] == "vakhsh")
    decoy = tmp_path / "elsewhere" / "data" / "districts.csv"
    decoy.parent.mkdir(parents=True)
    write_rows(decoy, [rows[0], *[r for r in rows[1:] if r[0] == "vakhsh"], *[r for r in rows[1:] if r[0] != "vakhsh"]])
    boundaries = data_copy / "boundaries" / "khatlon_districts.geojson"
    lines = boundaries.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if '"district_id":"vakhsh"' not in line]
    boundaries.write_text("\n".join(kept) + "\n", encoding="utf-8")
    monkeypatch.chdir(decoy.parent.parent)
    assert problems_of(data_copy) == [
        f"data/districts.csv:{vakhsh}: district_id: 'vakhsh' has no polygon or point in boundaries/"
    ]
    assert vakhsh != 2


def test_load_store_raises_with_the_listed_problems(data_copy: Path) -> None:
    rows = [["dusti", "hh_member_abroad_pct", "2019", "abc", "", "", "", ""] for _ in range(60)]
    write_rows(data_copy / "indicators" / "round.csv", [HEADER, *rows])
    with pytest.raises(DataValidationError) as raised:
        load_store(data_copy)
    assert len(raised.value.problems) == 51
    assert str(raised.value.problems[-1]).endswith("round.csv:52: -: and 10 more problems in this file")
