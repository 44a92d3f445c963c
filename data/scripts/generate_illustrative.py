"""Generate the ILLUSTRATIVE district indicators in ``data/indicators/illustrative_*.csv``.

Usage::

    python data/scripts/generate_illustrative.py [--data-dir DATA_DIR] [--seed 2026]

**These numbers are invented.** No district-level figures on migrant households, remittances or
service coverage for Khatlon are published anywhere we could reach. To let the dashboard be built,
tested and demonstrated, this script draws plausible figures from a small, seeded model. Every
indicator it writes is marked ``status = illustrative`` in ``catalogue.csv`` and every row says
"illustrative" in its ``note``. Re-running it with the same seed writes identical files.

The model, for each of the 25 units ``d`` and years ``y`` = 2019-2024:

1. **Weights** (all real figures, none imputed). Population ``P_d``: the Statistics Agency's
   1 January 2020 estimates (``population.csv``, 23 units); Vose and Qubodiyon have no such
   estimate, so their 2020 census counts (``population_census.csv``, October 2020, a different
   series) are used. Households ``H_d = P_d / s_d`` with an *assumed* household size
   ``s_d = 6.2 + 1.2 r_d``. ``r_d`` in [0, 1] is a rough judgement of remoteness (``REMOTENESS``),
   used only to shape the variation. The weights are written to ``data/scripts/illustrative_weights.csv``.
2. **Households with a member abroad** ``p_dy = A_y + m_d + e_dy``. The Khatlon level ``A_y`` is
   calibrated to the national household surveys that use the same definition (at least one member
   working abroad): 44 % in 2021 (IOM), 40 % in 2023 (IOM, report year) and 42 % in 2024 (World
   Bank report, report year). The model follows these, not World Bank's Listening to Tajikistan
   2015-2016 figures (16 % and 23 %), which come from a different survey design before the model's
   years. 2022 follows the change in labour-migrant departures from 2022 to 2023 (775,600 against
   652,014, Ministry of Labour; elasticity 0.5: 43.6 %); 2019 (43 %) and 2020 (42 %) are
   assumptions. District effects ``m_d = 12 (r_d - mean r) + N(0, 3.5)``, 6 points lower for units
   that are mostly urban (only Bokhtar city: the Kulob, Norak and Levakant units include large
   rural areas); yearly noise ``N(0, 1.2)``. Each year is then shifted so that the
   household-weighted mean equals ``A_y``.
3. **Derived shares**: receiving remittances ``q = p * N(0.82, 0.04)``; remittances as a share of
   income among receiving households ``48 + 0.35 (p - A_y) + 6 r_d + N(0, 3)`` (4 points lower in
   2020); average monthly remittance (US$) ``180 (G_y / G_2020)^0.7 (1 - 0.15 r_d + N(0, 0.06))``:
   the level (180 US$ in 2020) is an assumption, and ``G_y`` is one World Bank series, WDI
   remittances received as % of GDP (``national_remittances.csv``), so that the years move with
   the published national figure; returned migrants per 1,000 residents ``R_y (p / A_y) N(1, 0.08)``,
   scaled so that the population-weighted mean is ``R_y``, with ``R_2023 = 61.2`` calibrated to
   the 590,710 returns of 2023 (Ministry of Labour) over the 2020 census population of Tajikistan
   (9,657,005), other years assumed; children with a parent abroad ``0.62 p + N(0, 2)``;
   women-headed households because of migration ``0.30 p + N(0, 1.5)``.
4. **Service coverage** (% of migrant-sending families able to reach the service): on the logit
   scale, a Khatlon level per service and year (``COVERAGE_BASE``, slowly improving after 2021)
   minus ``2.5 k_s (r_d - mean r)`` plus ``N(0, 0.25)``, so values stay strictly between 0 and 100.
   These levels are assumptions: no published figure anchors them.
5. **Model intervals.** A simulated sample size ``n_dy = clip(H_d / 60, 400, 1200) U(0.9, 1.1)``
   households; bounds for shares ``p +- 1.96 sqrt(deff p (1 - p) / n_eff)`` with design effect 1.8
   and ``n_eff`` the relevant denominator; for the US$ mean a coefficient of variation of 0.6. They
   are *model intervals*, not survey confidence intervals, and are labelled so.
6. **Khatlon rows** are the weighted mean of the model's district values with the indicator's own
   denominator as weight (households; receiving households; migrant-sending households;
   residents; children). They carry no interval and no sample size: they are not a survey
   estimate. Where the Khatlon level is calibrated to a published figure, the row's ``source``
   says so (``model, calibrated to 40% (IOM, 2023)``).

Every row is written with ``status = illustrative``.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = HERE.parent
YEARS = list(range(2019, 2025))
SEED = 2026
DESIGN_EFFECT = 1.8
COLUMNS = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note", "source", "status"]
STATUS = "illustrative"
DISTRICT_NOTE = (
    "ILLUSTRATIVE model row (seed {seed}); the bounds are a model interval, not a survey confidence interval"
)
KHATLON_NOTE = "ILLUSTRATIVE: weighted mean of the model's district values; no interval, not a survey estimate"

# Remoteness judgement (0 = regional capital, 1 = most remote mountain district); shapes variation only.
REMOTENESS = {
    "bokhtar": 0.0,
    "kulob": 0.2,
    "levakant": 0.3,
    "norak": 0.4,
    "kushoniyon": 0.3,
    "vakhsh": 0.3,
    "abdurahmoni_jomi": 0.3,
    "yovon": 0.3,
    "khuroson": 0.4,
    "jaloliddini_balkhi": 0.4,
    "vose": 0.4,
    "danghara": 0.5,
    "hamadoni": 0.5,
    "farkhor": 0.5,
    "jayhun": 0.5,
    "qubodiyon": 0.5,
    "panj": 0.6,
    "dusti": 0.6,
    "shahritus": 0.6,
    "nosiri_khusrav": 0.7,
    "temurmalik": 0.7,
    "muminobod": 0.8,
    "shamsiddin_shohin": 0.9,
    "khovaling": 1.0,
    "baljuvon": 1.0,
}
# Units that are mostly urban. Kulob, Norak and Levakant are cities whose units include large rural
# areas (city proper 106,300 of 214,700; 31,400 of 61,500; 17,700 of 48,300 residents in 2020).
MOSTLY_URBAN = {"bokhtar"}
# Khatlon level of households with a member abroad: (value, how it was set).
ANCHOR_MEMBER_ABROAD = {
    2019: (43.0, ""),
    2020: (42.0, ""),
    2021: (44.0, "44% (IOM, 2021)"),
    2022: (40.0 * (775_600 / 652_014) ** 0.5, ""),
    2023: (40.0, "40% (IOM, report 2023)"),
    2024: (42.0, "42% (World Bank, report 2024)"),
}
RETURNS_PER_1000 = {
    2019: (45.0, ""),
    2020: (70.0, ""),
    2021: (40.0, ""),
    2022: (55.0, ""),
    2023: (590_710 / 9_657_005 * 1000, "61.2 per 1,000 (Ministry of Labour: 590,710 returns in 2023)"),
    2024: (58.0, ""),
}
# service -> (Khatlon coverage in 2019, yearly gain after 2021, remoteness sensitivity k_s); assumed levels.
COVERAGE_BASE = {
    "coverage_psychosocial_pct": (14.0, 2.5, 1.1),
    "coverage_medical_pct": (55.0, 1.5, 1.0),
    "coverage_livelihood_pct": (24.0, 2.0, 0.9),
    "coverage_education_pct": (80.0, 0.8, 0.9),
    "coverage_social_pct": (28.0, 2.0, 1.0),
}
MODEL_SOURCE = "Illustrative model (seed {seed})"
CALIBRATED_SOURCE = "Illustrative model (seed {seed}), calibrated to {anchor}"


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def population_weights(data_dir: Path) -> dict[str, float]:
    """2020 population per unit (see step 1 of the module docstring)."""
    names = {row["name_en"]: row["district_id"] for row in read_csv(data_dir / "districts.csv")}

    def by_unit(file: str, indicator: str) -> dict[str, float]:
        rows = read_csv(data_dir / "indicators" / file)
        return {
            names[r["district"]]: float(r["value"])
            for r in rows
            if r["indicator"] == indicator and r["year"] == "2020" and r["district"] in names and not r["includes"]
        }

    population = by_unit("population.csv", "population")
    census = by_unit("population_census.csv", "population_census")
    for unit in set(REMOTENESS) - set(population):
        population[unit] = census[unit]
    assert set(population) == set(REMOTENESS), set(REMOTENESS) ^ set(population)
    return population


def remittances_pct_gdp(data_dir: Path) -> dict[int, float]:
    """World Bank WDI remittances received, % of GDP, by year (one series)."""
    rows = read_csv(data_dir / "indicators" / "national_remittances.csv")
    return {int(r["year"]): float(r["value"]) for r in rows if r["indicator"] == "remittances_pct_gdp"}


def bounds(p: np.ndarray, n_eff: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Percentages and their model bounds."""
    share = np.clip(p / 100, 0.001, 0.999)
    se = 100 * np.sqrt(DESIGN_EFFECT * share * (1 - share) / np.maximum(n_eff, 1))
    return np.clip(p - 1.96 * se, 0, 100), np.clip(p + 1.96 * se, 0, 100)


class Generator:
    """Holds the units, weights and random stream; ``run()`` returns every output row."""

    def __init__(self, data_dir: Path, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.seed = seed
        self.units = sorted(REMOTENESS)
        population = population_weights(data_dir)
        self.remittances = remittances_pct_gdp(data_dir)
        self.r = np.array([REMOTENESS[u] for u in self.units])
        self.population = np.array([population[u] for u in self.units])
        self.households = self.population / (6.2 + 1.2 * self.r)
        self.urban = np.array([u in MOSTLY_URBAN for u in self.units])
        self.rows: list[dict[str, str]] = []

    def sample_sizes(self) -> np.ndarray:
        base = np.clip(self.households / 60, 400, 1200)
        return np.round(base * self.rng.uniform(0.9, 1.1, len(self.units))).astype(int)

    def emit(self, indicator: str, year: int, value, lower, upper, n, weight, decimals: int, anchor: str = "") -> None:
        """Write the district rows (model intervals) and the weighted Khatlon row (no interval)."""
        source = CALIBRATED_SOURCE if anchor else MODEL_SOURCE
        for unit, v, lo, hi, size in zip(self.units, value, lower, upper, n):
            lo, hi = min(lo, v), max(hi, v)
            self.rows.append(
                {
                    "district": unit,
                    "indicator": indicator,
                    "year": str(year),
                    "value": f"{v:.{decimals}f}",
                    "lower": f"{max(lo, 0):.{decimals}f}",
                    "upper": f"{hi:.{decimals}f}",
                    "sample_size": str(int(round(size))),
                    "note": DISTRICT_NOTE.format(seed=self.seed),
                    "source": MODEL_SOURCE.format(seed=self.seed),
                    "status": STATUS,
                }
            )
        khatlon = float(np.sum(weight * value) / np.sum(weight))
        self.rows.append(
            {
                "district": "khatlon",
                "indicator": indicator,
                "year": str(year),
                "value": f"{khatlon:.{decimals}f}",
                "lower": "",
                "upper": "",
                "sample_size": "",
                "note": KHATLON_NOTE,
                "source": source.format(seed=self.seed, anchor=anchor),
                "status": STATUS,
            }
        )

    def share(self, indicator: str, year: int, p, n_eff, n, weight, anchor: str = "") -> None:
        p = np.clip(p, 0.5, 99.5)
        lower, upper = bounds(p, n_eff)
        self.emit(indicator, year, p, lower, upper, n, weight, 1, anchor)

    def run(self) -> list[dict[str, str]]:
        k = len(self.units)
        effect = 12 * (self.r - self.r.mean()) + self.rng.normal(0, 3.5, k) - 6 * self.urban
        receiving_ratio = np.clip(self.rng.normal(0.82, 0.04, k), 0.65, 0.95)
        usd_effect = 1 - 0.15 * self.r + self.rng.normal(0, 0.06, k)
        for year in YEARS:
            n = self.sample_sizes()
            level, anchor = ANCHOR_MEMBER_ABROAD[year]
            p = level + effect + self.rng.normal(0, 1.2, k)
            p += level - np.sum(self.households * p) / np.sum(self.households)
            hh, migrant_hh = self.households, self.households * p / 100
            self.share("hh_member_abroad_pct", year, p, n, n, hh, anchor)
            q = p * receiving_ratio
            receiving_hh, n_receiving = hh * q / 100, n * q / 100
            self.share("hh_receiving_remittances_pct", year, q, n, n, hh)
            income = 48 + 0.35 * (p - level) + 6 * self.r + self.rng.normal(0, 3, k) - 4 * (year == 2020)
            self.share("remittance_share_income_pct", year, income, n_receiving, np.round(n_receiving), receiving_hh)
            usd = 180 * (self.remittances[year] / self.remittances[2020]) ** 0.7 * usd_effect
            usd_se = 0.6 * usd / np.sqrt(np.maximum(n_receiving, 1))
            self.emit(
                "remittance_monthly_usd",
                year,
                usd,
                usd - 1.96 * usd_se,
                usd + 1.96 * usd_se,
                np.round(n_receiving).astype(int),
                receiving_hh,
                0,
            )
            rate, rate_anchor = RETURNS_PER_1000[year]
            returns = rate * (p / level) * self.rng.normal(1, 0.08, k)
            returns *= rate / (np.sum(self.population * returns) / np.sum(self.population))
            people = n * (6.2 + 1.2 * self.r)
            rate_se = 1000 * np.sqrt(DESIGN_EFFECT * (returns / 1000) * (1 - returns / 1000) / people)
            self.emit(
                "returned_migrants_per_1000",
                year,
                returns,
                returns - 1.96 * rate_se,
                returns + 1.96 * rate_se,
                n,
                self.population,
                1,
                rate_anchor,
            )
            children = 0.62 * p + self.rng.normal(0, 2, k)
            lower, upper = bounds(children, n * 2.2)
            self.emit("children_parent_abroad_pct", year, children, lower, upper, n, self.population * 0.4, 1)
            self.share("women_headed_migration_pct", year, 0.30 * p + self.rng.normal(0, 1.5, k), n, n, hh)
            for indicator, (base, gain, sensitivity) in COVERAGE_BASE.items():
                coverage_level = base + gain * max(0, year - 2021)
                logit = np.log(coverage_level / (100 - coverage_level)) - 2.5 * sensitivity * (self.r - self.r.mean())
                coverage = 100 / (1 + np.exp(-(logit + self.rng.normal(0, 0.25, k))))
                n_migrant = np.round(n * p / 100)
                self.share(indicator, year, coverage, n_migrant, n_migrant, migrant_hh)
        return self.rows

    def weights_table(self) -> list[dict[str, str]]:
        return [
            {
                "district_id": u,
                "population_2020_weight": f"{pop:.0f}",
                "households_weight": f"{hh:.0f}",
                "remoteness": f"{r:.1f}",
            }
            for u, pop, hh, r in zip(self.units, self.population, self.households, self.r)
        ]


def write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


FILES = {
    "illustrative_migration.csv": ("hh_member_abroad_pct", "returned_migrants_per_1000"),
    "illustrative_remittances.csv": (
        "hh_receiving_remittances_pct",
        "remittance_share_income_pct",
        "remittance_monthly_usd",
    ),
    "illustrative_families.csv": ("children_parent_abroad_pct", "women_headed_migration_pct"),
    "illustrative_services.csv": tuple(COVERAGE_BASE),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    generator = Generator(args.data_dir, args.seed)
    rows = generator.run()
    order = {u: i for i, u in enumerate(["khatlon"] + generator.units)}
    for name, indicators in FILES.items():
        selected = [r for r in rows if r["indicator"] in indicators]
        selected.sort(key=lambda r: (indicators.index(r["indicator"]), int(r["year"]), order[r["district"]]))
        write(args.data_dir / "indicators" / name, selected, COLUMNS)
    write(
        HERE / "illustrative_weights.csv",
        generator.weights_table(),
        ["district_id", "population_2020_weight", "households_weight", "remoteness"],
    )


if __name__ == "__main__":
    main()
