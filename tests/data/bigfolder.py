"""A large broken data folder for timing the validator: the bundled data plus one big file.

``python -m tests.data.bigfolder TARGET [ROWS]`` writes a copy of the bundled data to ``TARGET``
with ``indicators/big_round.csv`` of ``ROWS`` rows (default 200,000): half of them good, half
broken in assorted ways (unknown district, non-number, percentage outside 0-100, bad year, ...).
The catalogue gets a few survey indicators spanning 1800-2199 so that the good rows are unique.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note"]
BIG_INDICATORS = [f"big_survey_{k}_pct" for k in range(20)]
FIRST_YEAR, LAST_YEAR = 1800, 2199


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _extend_catalogue(path: Path) -> None:
    rows = _rows(path)
    header, template = rows[0], rows[1]
    overrides = {
        "theme": "migration",
        "value_type": "percent",
        "first_year": str(FIRST_YEAR),
        "last_year": str(LAST_YEAR),
        "level": "district",
        "status": "survey",
        "caveat": "",
    }
    for name in BIG_INDICATORS:
        row = list(template)
        for column, value in {**overrides, "id": name, "label": name.replace("_", " ")}.items():
            if column in header:
                row[header.index(column)] = value
        rows.append(row)
    _write(path, rows)


def _names(districts: Path) -> list[list[str]]:
    """Each unit's id and current names (any of them may be written in a data file)."""
    rows = _rows(districts)
    header = rows[0]
    columns = [header.index(c) for c in ("district_id", "name_en", "name_ru", "name_tg")]
    return [[row[c] for c in columns] for row in rows[1:]]


def _broken(rng: random.Random, row: list[str], kind: int) -> list[str]:
    row = list(row)
    if kind == 0:
        row[0] = rng.choice(["Atlantis", "Dousty", "Kulobb", "Nowhere district", "Vakshh"])
    elif kind == 1:
        row[3] = rng.choice(["abc", "12,5%", "n/a", "--", "4O"])
    elif kind == 2:
        row[3] = f"{rng.uniform(101, 400):.1f}"
    elif kind == 3:
        row[2] = rng.choice(["FY24", "24", "20x4"])
    elif kind == 4:
        row[1] = rng.choice(["big_survey_pct", "hh_member_abroad", "unknown_thing"])
    elif kind == 5:
        row[3] = ""
    elif kind == 6:
        row[4] = f"{float(row[3]) + 5:.1f}"
    elif kind == 7:
        row[6] = rng.choice(["12.5", "0", "many"])
    elif kind == 8:
        row[3] = rng.choice(["inf", "1e999", "nan", "٤٢٧"])
    else:
        row[2] = "2030" if row[1] in BIG_INDICATORS else row[2]
        row[1] = "hh_member_abroad_pct"
    return row


def make_big_folder(target: Path, rows: int = 200_000, source: Path | None = None, seed: int = 7) -> Path:
    """Copy ``source`` (default: the bundled data) to ``target`` and add the big broken file."""
    source = source or ROOT / "data"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("sources", "scripts", "*.md"))
    _extend_catalogue(target / "indicators" / "catalogue.csv")
    rng = random.Random(seed)
    units = _names(target / "districts.csv")
    keys = [(i, y) for i in BIG_INDICATORS for y in range(FIRST_YEAR, LAST_YEAR + 1)]
    table = [HEADER]
    for number in range(rows):
        indicator, year = keys[(number // len(units)) % len(keys)]
        value = rng.uniform(5, 90)
        good = [
            rng.choice(units[number % len(units)]),
            indicator,
            str(year),
            f"{value:.1f}",
            f"{value - 3:.1f}",
            f"{value + 3:.1f}",
            str(rng.randint(30, 900)),
            "survey round",
        ]
        table.append(good if number % 2 == 0 else _broken(rng, good, (number // 2) % 10))
    _write(target / "indicators" / "big_round.csv", table)
    return target


if __name__ == "__main__":
    make_big_folder(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200_000)
