"""Build the real (published) indicator files in ``data/indicators/`` from the shared sources.

Usage::

    python data/scripts/build_real_indicators.py SOURCE_DIR [--out-dir DIR]

Reads ``SOURCE_DIR/indicators/{remittances_tajikistan,migration_tajikistan,population_khatlon,
population_census_2020_khatlon}.csv`` and writes tidy files in the project format (``district,
indicator, year, value, lower, upper, sample_size, note, source, source_url, status, includes``).
Every row keeps the source and address it was copied from. Nothing is estimated, interpolated or
filled in:

* ``national_remittances.csv``: personal remittances received, % of GDP, 2008-2024 (World Bank
  WDI ``BX.TRF.PWKR.DT.GD.ZS``). The press figures that disagree with WDI are not mixed in.
* ``national_migration.csv``: labour migrants who departed (2016, 2022, 2023) and returned
  (2023), Ministry of Labour figures; share of households with a member in labour migration
  (World Bank Listening to Tajikistan 2015 and 2016, IOM 2021 and 2023, World Bank 2024). Where
  a figure's year is the year of the report rather than of the data, its note starts with
  ``report year``.
* ``population.csv``: population on 1 January 2020 (Statistics Agency estimates) for the 23 units
  where it was found, and for Khatlon as a whole. Vose and Qubodiyon have no 1 January 2020
  figure and no row: other years are not comparable and are left out.
* ``population_census.csv``: the 2020 Population and Housing Census (October 2020), exact counts
  for 23 units and Khatlon. Bokhtar city and Kushoniyon are published only together: that figure
  is stored once, on ``kushoniyon``, with ``includes = bokhtar`` (the row counts both units), and
  is never split.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "indicators"
COLUMNS = [
    "district",
    "indicator",
    "year",
    "value",
    "lower",
    "upper",
    "sample_size",
    "note",
    "source",
    "source_url",
    "status",
    "includes",
]

# (source file, source indicator, geography filter) -> project indicator id
REMITTANCES = {"personal_remittances_received_pct_gdp (BX.TRF.PWKR.DT.GD.ZS)": "remittances_pct_gdp"}
MIGRATION = {
    "labour_migrants_departed": "labour_migrants_departed",
    "labour_migrants_returned": "labour_migrants_returned",
    "households_with_migrants_share_L2TJK_F2F": "households_with_migrant_national_pct",
    "households_with_migrants_share_L2TJK": "households_with_migrant_national_pct",
    "households_with_member_working_abroad_share": "households_with_migrant_national_pct",
    "households_with_member_in_labour_migration_share": "households_with_migrant_national_pct",
    "households_with_labour_migrant_abroad_share": "households_with_migrant_national_pct",
}
# Figures dated by the report that published them, not by the data they describe.
REPORT_YEAR = {
    ("households_with_member_in_labour_migration_share", "2024"),
    ("households_with_member_working_abroad_share", "2023"),
}
POPULATION = {"population_1_january": "population"}
POPULATION_YEAR = "2020"
CENSUS = {"population_census": "population_census"}
# The census file states Bokhtar city and Kushoniyon only together: stored on Kushoniyon (whose
# 2017 polygon contains Bokhtar city), with ``includes`` naming the city it also counts.
COMBINED = {"Bokhtar + Kushoniyon": ("Kushoniyon", "Bokhtar")}


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def geography(row: dict[str, str]) -> tuple[str, str]:
    """The row's area as the tidy format names it, and the other unit it also counts (if any)."""
    level = row["geography_level"]
    if level == "country":
        return "tajikistan", ""
    if level == "province":
        return "khatlon", ""
    return COMBINED.get(row["geography"], (row["geography"], ""))


def number(text: str) -> str:
    value = float(text)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def tidy(rows: list[dict[str, str]], mapping: dict[str, str], keep=lambda row: True) -> list[dict[str, str]]:
    out = []
    for row in rows:
        if row["indicator"] not in mapping or not row["year"] or not keep(row):
            continue
        report = (
            "report year (the source does not give the data year)"
            if (row["indicator"], row["year"]) in REPORT_YEAR
            else ""
        )
        notes = re.sub(r"^(VERIFIED|NEW): ", "", row["notes"])  # markers of the collection process, not facts
        note = "; ".join(part for part in (report, row["unit"], notes) if part)
        area, includes = geography(row)
        out.append(
            {
                "district": area,
                "indicator": mapping[row["indicator"]],
                "year": row["year"],
                "value": number(row["value"]),
                "lower": "",
                "upper": "",
                "sample_size": "",
                "note": note,
                "source": row["source"],
                "source_url": row["source_url"],
                "status": "",
                "includes": includes,
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
    write(args.out_dir / "population_census.csv", tidy(read(source / "population_census_2020_khatlon.csv"), CENSUS))


if __name__ == "__main__":
    main()
