"""Build the real (published) indicator files in ``data/indicators/`` from the shared sources.

Usage::

    python data/scripts/build_real_indicators.py SOURCE_DIR [--out-dir DIR]

Reads ``SOURCE_DIR/indicators/{remittances_tajikistan,migration_tajikistan,population_khatlon}.csv``
and writes tidy files in the project format (``district, indicator, year, value, lower, upper,
sample_size, note, source, source_url``). Every row keeps the source and address it was copied
from. Nothing is estimated, interpolated or filled in:

* ``national_remittances.csv``: personal remittances received, % of GDP, 2008-2024 (World Bank
  WDI ``BX.TRF.PWKR.DT.GD.ZS``). The press figures that disagree with WDI are not mixed in.
* ``national_migration.csv``: labour migrants who departed (2016, 2022, 2023) and returned
  (2023), Ministry of Labour figures; share of households with a member in labour migration
  (World Bank Listening to Tajikistan 2015 and 2016, IOM 2023, World Bank 2024).
* ``population.csv``: population on 1 January 2020 for the districts where the Statistics
  Agency's 2020 estimate was found (16 of 25 units), and for Khatlon as a whole. Units without a
  2020 figure have no row: other years are not comparable and are left out.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "indicators"
COLUMNS = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note", "source", "source_url"]

# (source file, source indicator, geography filter) -> project indicator id
REMITTANCES = {"personal_remittances_received_pct_gdp (BX.TRF.PWKR.DT.GD.ZS)": "remittances_pct_gdp"}
MIGRATION = {
    "labour_migrants_departed": "labour_migrants_departed",
    "labour_migrants_returned": "labour_migrants_returned",
    "households_with_migrants_share_L2TJK_F2F": "households_with_migrant_national_pct",
    "households_with_migrants_share_L2TJK": "households_with_migrant_national_pct",
    "households_with_member_working_abroad_share": "households_with_migrant_national_pct",
    "households_with_member_in_labour_migration_share": "households_with_migrant_national_pct",
}
POPULATION = {"population_1_january": "population"}
POPULATION_YEAR = "2020"


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def geography(row: dict[str, str]) -> str:
    level = row["geography_level"]
    if level == "country":
        return "tajikistan"
    if level == "province":
        return "khatlon"
    return row["geography"]


def number(text: str) -> str:
    value = float(text)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def tidy(rows: list[dict[str, str]], mapping: dict[str, str], keep=lambda row: True) -> list[dict[str, str]]:
    out = []
    for row in rows:
        if row["indicator"] not in mapping or not row["year"] or not keep(row):
            continue
        note = "; ".join(part for part in (row["unit"], row["notes"]) if part)
        out.append(
            {
                "district": geography(row),
                "indicator": mapping[row["indicator"]],
                "year": row["year"],
                "value": number(row["value"]),
                "lower": "",
                "upper": "",
                "sample_size": "",
                "note": note,
                "source": row["source"],
                "source_url": row["source_url"],
            }
        )
    return sorted(out, key=lambda r: (r["indicator"], r["district"] != "khatlon", r["district"], int(r["year"])))


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", type=Path)
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    source = args.source_dir / "indicators"
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write(args.out_dir / "national_remittances.csv", tidy(read(source / "remittances_tajikistan.csv"), REMITTANCES))
    write(
        args.out_dir / "national_migration.csv",
        tidy(read(source / "migration_tajikistan.csv"), MIGRATION, keep=lambda r: r["geography_level"] == "country"),
    )
    write(
        args.out_dir / "population.csv",
        tidy(read(source / "population_khatlon.csv"), POPULATION, keep=lambda r: r["year"] == POPULATION_YEAR),
    )


if __name__ == "__main__":
    main()
