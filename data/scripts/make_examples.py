"""Write the SYNTHETIC example files of data/examples/ (seeded: the same files on every run).

    python data/scripts/make_examples.py [OUT_DIR]   (default: data/examples)

* ``synthetic_table_ru.xlsx``: a table as a statistics office publishes it: title row, headers over
  two rows with merged cells, Russian names with "район"/"г.", comma decimals, a total row, a note;
* ``synthetic_table_tg.csv``: the same kind of table in Tajik, semicolon-separated, comma decimals;
* ``synthetic_households.csv`` + ``synthetic_mapping.yaml``: household microdata (district in mixed
  spellings, stratum, cluster, weight) and the mapping from its variables to catalogue indicators.

Every number in them is invented (seed 7). They exist to show and test ``khatlon-dashboard import``
and ``estimate``; never copy their output into data/indicators/.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SEED = 7
NOTE_RU = "СИНТЕТИЧЕСКИЙ ПРИМЕР: числа выдуманы (data/scripts/make_examples.py, seed 7), не настоящие данные"
NOTE_TG = "НАМУНАИ СУНЪӢ: рақамҳо сохта шудаанд (data/scripts/make_examples.py, seed 7), маълумоти воқеӣ нестанд"


def units() -> list[dict]:
    with open(ROOT / "data" / "districts.csv", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def comma(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def table_rows(rng: np.random.Generator) -> list[tuple[dict, float, float, float, int]]:
    rows = []
    for unit in units():
        value = float(np.round(rng.uniform(25, 60), 1))
        n = int(rng.integers(8, 420))
        half = float(np.round(1.96 * np.sqrt(value * (100 - value) / n), 1))
        rows.append((unit, value, max(0.0, round(value - half, 1)), min(100.0, round(value + half, 1)), n))
    return rows


def write_ru_table(path: Path, rows) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Таблица 3"
    ws.append([NOTE_RU])
    ws.append([])
    ws.append(["Район / город", "Доля домохозяйств с членом семьи за рубежом, %", None, None, "Число опрошенных"])
    ws.append([None, "оценка", "нижняя граница", "верхняя граница", None])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:D3")
    ws.merge_cells("E3:E4")
    for unit, value, lower, upper, n in rows:
        name = unit["name_ru"]  # as published: "г. Куляб", "Вахшский район", "Район Носири Хусрава"
        ws.append([name, comma(value), comma(lower), comma(upper), n])
    total_n = sum(r[4] for r in rows)
    mean = sum(r[1] * r[4] for r in rows) / total_n
    ws.append(["Всего по Хатлонской области", comma(mean), None, None, f"{total_n:,}".replace(",", "\u00a0")])
    ws.append([])
    ws.append(["Источник: синтетический пример для документации, не официальная статистика."])
    book.save(path)


def write_tg_table(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([NOTE_TG])
        writer.writerow(["Ноҳия / шаҳр", "Арзиш, %", "Поёни фосила", "Болои фосила", "Шумораи пурсидашудагон"])
        for unit, value, lower, upper, n in rows:
            name = unit["name_tg"]  # "Шаҳри Кӯлоб", "Ноҳияи Вахш"
            writer.writerow([name, comma(value), comma(lower), comma(upper), n])
        total_n = sum(r[4] for r in rows)
        writer.writerow(["Ҳамагӣ", comma(sum(r[1] * r[4] for r in rows) / total_n), "", "", total_n])


def write_households(path: Path, rng: np.random.Generator) -> None:
    """Two strata (urban, rural) per unit, 4 clusters of 12 households each; unequal weights."""
    spellings = ("name_en", "name_ru", "name_tg")
    fields = ["household", "district", "stratum", "cluster", "weight", "member_abroad", "receives_remittances",
              "remittance_usd", "income_usd", "remittance_income_usd"]  # fmt: skip
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        number = 0
        for u, unit in enumerate(units()):
            level = rng.uniform(0.25, 0.6)
            for area in ("urban", "rural"):
                for cluster in range(4):
                    cluster_level = np.clip(level + rng.normal(0, 0.08), 0.02, 0.95)
                    weight = float(np.round(rng.uniform(40, 160), 2))
                    for _ in range(12):
                        number += 1
                        abroad = int(rng.random() < cluster_level)
                        receives = int(abroad and rng.random() < 0.85 or rng.random() < 0.05)
                        remittance = float(np.round(rng.gamma(4, 60), 0)) if receives else 0.0
                        income = float(np.round(remittance + rng.gamma(3, 70), 0))
                        name = unit[spellings[number % 3]]
                        writer.writerow([number, name, f"{unit['district_id']}-{area}", f"{u:02d}{area[0]}{cluster}",
                                         weight, "да" if abroad else "нет", receives, remittance or "", income,
                                         remittance])  # fmt: skip


MAPPING = """# SYNTHETIC EXAMPLE: how synthetic_households.csv maps to catalogue indicators.
# khatlon-dashboard estimate data/examples/synthetic_households.csv \\
#     --map data/examples/synthetic_mapping.yaml --out FILE.csv
survey:
  year: 2024
  source: "SYNTHETIC EXAMPLE household survey (data/scripts/make_examples.py, seed 7): not real data"
  district: district     # any spelling the name resolver knows
  weight: weight
  stratum: stratum       # optional
  psu: cluster           # optional (primary sampling unit)
indicators:
  - indicator: hh_member_abroad_pct
    share: member_abroad             # yes/no: the share answering yes, in %
    count_as_yes: ["да", "yes", "ҳа", 1]   # and count_as_no: (default: 0, no, нет, не)
  - indicator: hh_receiving_remittances_pct
    share: receives_remittances
  - indicator: remittance_monthly_usd
    mean: remittance_usd
    where: {receives_remittances: 1}  # among receiving households
  - indicator: remittance_share_income_pct
    ratio: [remittance_income_usd, income_usd]
    where: {receives_remittances: 1}
    percent: true                    # the ratio times 100
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    rows = table_rows(rng)
    write_ru_table(out / "synthetic_table_ru.xlsx", rows)
    write_tg_table(out / "synthetic_table_tg.csv", rows)
    write_households(out / "synthetic_households.csv", rng)
    (out / "synthetic_mapping.yaml").write_text(MAPPING, encoding="utf-8")
    print(f"wrote the synthetic examples to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "examples")
