"""Row-level fields of indicator files (``status``, ``includes``), survey rows replacing
illustrative ones, and the optional catalogue columns."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.data.combined import Replacement, describe_replacements
from dashboard.data.loader import check_data_dir
from dashboard.data.model import Status
from dashboard.data.tables import build_resolver, load_catalogue, load_districts, name_keys
from dashboard.data.values import ValueContext, read_value_file

from .helpers import problems_of, read_rows, write_rows

HEADER = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note", "status", "includes"]
CATALOGUE = Path("indicators/catalogue.csv")


def write_round(data_dir: Path, *rows: list[str], header: list[str] = HEADER) -> Path:
    path = data_dir / "indicators" / "round.csv"
    write_rows(path, [header, *rows])
    return path


def context_of(data_dir: Path) -> ValueContext:
    districts, _ = load_districts(data_dir / "districts.csv", "districts.csv")
    indicators, _ = load_catalogue(data_dir / CATALOGUE, "catalogue.csv")
    return ValueContext(build_resolver(districts), indicators, known_keys=name_keys(districts))


def row(district: str, indicator: str, year: str, value: str, status: str = "", includes: str = "") -> list[str]:
    return [district, indicator, year, value, "", "", "", "", status, includes]


# ---------------------------------------------------------------- status
def test_status_column_is_typed_and_filled_from_the_catalogue(data_copy: Path) -> None:
    path = write_round(
        data_copy,
        row("tajikistan", "remittances_pct_gdp", "2030", "30", "estimate"),
        row("tajikistan", "remittances_pct_gdp", "2031", "31"),
        row("tajikistan", "households_with_migrant_national_pct", "2030", "20", ""),
    )
    typed, problems = read_value_file(path, "round.csv", context_of(data_copy))
    assert problems == []
    assert typed["status"].tolist() == ["estimate", "official", "survey"]
    assert all(type(s) is str for s in typed["status"])


def test_status_column_may_be_absent(data_copy: Path) -> None:
    path = write_round(data_copy, row("tajikistan", "remittances_pct_gdp", "2030", "30")[:8], header=HEADER[:8])
    typed, problems = read_value_file(path, "round.csv", context_of(data_copy))
    assert problems == [] and typed["status"].tolist() == ["official"] and typed["includes"].tolist() == [""]


def test_unknown_status(data_copy: Path) -> None:
    write_round(data_copy, row("dusti", "hh_member_abroad_pct", "2024", "40", "Survey 2025"))
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: status: 'Survey 2025' is not one of: official, survey, estimate, illustrative"
    ]


# ---------------------------------------------------------------- replacement by status
def test_survey_rows_replace_illustrative_rows(data_copy: Path) -> None:
    write_round(
        data_copy,
        row("Dusti", "hh_member_abroad_pct", "2024", "38.5", "survey"),
        row("Kulob", "hh_member_abroad_pct", "2024", "30.1", "survey"),
        row("Vose", "hh_member_abroad_pct", "2024", "33.3", "estimate"),
    )
    validation = check_data_dir(data_copy, shown_as="data")
    assert validation.problems == ()
    assert validation.store is not None
    assert validation.store.observation("hh_member_abroad_pct", "dusti", 2024).value == 38.5
    replaced = sorted(validation.replaced, key=lambda r: r.district_id)
    assert [(r.district_id, r.status, r.by_status, r.by_file, r.by_line) for r in replaced] == [
        ("dusti", Status.ILLUSTRATIVE, Status.SURVEY, "data/indicators/round.csv", 2),
        ("kulob", Status.ILLUSTRATIVE, Status.SURVEY, "data/indicators/round.csv", 3),
        ("vose", Status.ILLUSTRATIVE, Status.ESTIMATE, "data/indicators/round.csv", 4),
    ]
    assert all(r.file == "data/indicators/illustrative_migration.csv" for r in replaced)
    assert validation.summary().endswith(
        "; 2 illustrative rows replaced by survey rows; 1 illustrative row replaced by an estimate row"
    )


def test_describe_replacements_wording() -> None:
    assert describe_replacements([]) == ""
    one = Replacement("dusti", "population", 2020, "a.csv", 2, Status.ESTIMATE, "b.csv", 3, Status.OFFICIAL)
    assert describe_replacements([one]) == "1 estimate row replaced by an official row"


def test_a_less_trusted_row_does_not_replace_a_more_trusted_one(data_copy: Path) -> None:
    write_round(
        data_copy,
        row("tajikistan", "remittances_pct_gdp", "2020", "99", "illustrative"),
        row("tajikistan", "remittances_pct_gdp", "2021", "99", "survey"),
    )
    validation = check_data_dir(data_copy, shown_as="data")
    assert validation.problems == ()
    assert {(r.file, r.line, r.by_status) for r in validation.replaced} == {
        ("data/indicators/round.csv", 2, Status.OFFICIAL),
        ("data/indicators/round.csv", 3, Status.OFFICIAL),
    }
    assert validation.store.observation("remittances_pct_gdp", "tajikistan", 2020).value != 99


def test_rows_of_equal_status_are_still_duplicates(data_copy: Path) -> None:
    write_round(
        data_copy,
        row("dusti", "hh_member_abroad_pct", "2024", "38.5", "illustrative"),
        row("kulob", "hh_member_abroad_pct", "2024", "38.5", "survey"),
        row("Kulob", "hh_member_abroad_pct", "2024", "38.6", "survey"),
    )
    problems = problems_of(data_copy)
    assert len(problems) == 2
    assert re.fullmatch(
        r"data/indicators/(illustrative_migration|round)\.csv:\d+: district: duplicate row for "
        r"\(dusti, hh_member_abroad_pct, 2024\); first given at data/indicators/(illustrative_migration|round)\.csv:\d+",
        problems[0],
    )
    assert problems[1] == (
        "data/indicators/round.csv:4: district: duplicate row for (kulob, hh_member_abroad_pct, 2024); "
        "first given at data/indicators/round.csv:3"
    )


# ---------------------------------------------------------------- includes
def test_includes_are_resolved_to_ids(data_copy: Path) -> None:
    path = write_round(
        data_copy,
        row("Kushoniyon", "population", "2020", "1", includes="г. Бохтар"),
        row("Danghara", "population", "2020", "1", includes=" Qurghonteppa ; Norak ; Bokhtar"),
    )
    typed, problems = read_value_file(path, "round.csv", context_of(data_copy))
    assert problems == []
    assert typed["includes"].tolist() == ["bokhtar", "bokhtar;norak"]


def test_includes_an_unknown_unit(data_copy: Path) -> None:
    write_round(data_copy, row("Kushoniyon", "population", "2020", "1", includes="Bokhtr"))
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: includes: unknown district 'Bokhtr'; did you mean Bokhtar (city, formerly "
        "Qurghonteppa) [bokhtar], Kushoniyon (district, formerly Bokhtar District) [kushoniyon]?"
    ]


def test_includes_its_own_unit(data_copy: Path) -> None:
    write_round(data_copy, row("Kushoniyon", "population", "2020", "1", includes="Kushoniyon District"))
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: includes: 'Kushoniyon District' is this row's own unit; "
        "list only the other units its figure also counts"
    ]


def test_double_counting(data_copy: Path) -> None:
    population = data_copy / "indicators" / "population.csv"
    rows = [r for r in read_rows(population) if r[0] not in ("Bokhtar", "Kushoniyon")]
    write_rows(population, [*rows, ["Bokhtar", "population", "2020", "200000"] + [""] * (len(rows[0]) - 4)])
    write_round(data_copy, row("Kushoniyon", "population", "2020", "250000", "official", "Bokhtar"))
    assert problems_of(data_copy) == [
        "data/indicators/round.csv:2: includes: double counting: this figure includes bokhtar, which has its own "
        f"row for (population, 2020) at data/indicators/population.csv:{len(rows) + 1}"
    ]


# ---------------------------------------------------------------- catalogue columns
def set_catalogue_cells(data_dir: Path, **columns: dict[int, str]) -> None:
    """Set catalogue cells, ``column={line: text}``, adding the column (empty elsewhere) if it is new."""
    rows = read_rows(data_dir / CATALOGUE)
    for name, cells in columns.items():
        if name not in rows[0]:
            for cells_row in rows:
                cells_row.append(name if cells_row is rows[0] else "")
        for line, text in cells.items():
            rows[line - 1][rows[0].index(name)] = text
    write_rows(data_dir / CATALOGUE, rows)


def test_catalogue_translations_and_thresholds(data_copy: Path) -> None:
    set_catalogue_cells(
        data_copy,
        label_ru={2: "Домохозяйства с членом семьи за рубежом"},
        label_tg={2: ""},
        unit_tg={2: "% хонаводҳо"},
        caveat_ru={2: ""},
        calibration={2: "2021: 44% (IOM, 2021)", 3: ""},
        small_sample={2: "50", 3: ""},
        suppress_below={2: "12", 3: ""},
    )
    validation = check_data_dir(data_copy, shown_as="data")
    assert validation.problems == ()
    first, second = list(validation.store.indicators.values())[:2]
    assert first.text("label", "ru") == "Домохозяйства с членом семьи за рубежом"
    assert first.text("label", "tg") == first.label  # falls back to English
    assert first.text("unit", "tg") == "% хонаводҳо"
    assert "ru" not in first.texts["caveat"]  # empty cells are omitted
    assert first.texts["label"]["en"] == first.label
    assert first.calibration == "2021: 44% (IOM, 2021)"
    assert (first.small_sample_below, first.suppress_below) == (50, 12)
    assert (second.small_sample_below, second.suppress_below, second.calibration) == (30, 10, "")
    assert validation.store.indicators["population"].is_whole_number
    assert not first.is_whole_number


def test_catalogue_thresholds_must_be_whole_numbers_in_order(data_copy: Path) -> None:
    set_catalogue_cells(data_copy, small_sample={2: "3O", 3: "20"}, suppress_below={2: "", 3: "25"})
    assert problems_of(data_copy) == [
        "data/indicators/catalogue.csv:2: small_sample: '3O' is not a whole number",
        "data/indicators/catalogue.csv:3: suppress_below: suppress_below 25 is above small_sample 20: "
        "values are suppressed below the first and marked as small samples below the second",
    ]


def test_misspelt_translation_column(data_copy: Path) -> None:
    set_catalogue_cells(data_copy, lable_ru={})
    assert problems_of(data_copy) == [
        "data/indicators/catalogue.csv:1: lable_ru: unknown column; did you mean 'label_ru'?"
    ]
