"""``khatlon-dashboard estimate``: design-based estimates from household microdata (svy, Taylor).

Point estimates are checked exactly against a direct weighted computation; interval coverage by
simulation from a synthetic population with known true values; the library against a published
worked example (R survey package, data ``fpc``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
import pytest
import svy

from dashboard.cli import main
from dashboard.data.estimate import Mapping, estimate, prepare, read_microdata

from ..conftest import BUNDLED

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples"


def resolver():
    from dashboard.data.loader import cached_resolver

    return cached_resolver(BUNDLED.resolve())


def mapping(**survey) -> Mapping:
    return Mapping.model_validate(
        {
            "survey": {"year": 2024, "source": "Test survey", "district": "district", "weight": "weight", **survey},
            "indicators": [
                {"indicator": "hh_member_abroad_pct", "share": "abroad"},
                {"indicator": "remittance_monthly_usd", "mean": "remittance", "where": {"receives": 1}},
                {
                    "indicator": "remittance_share_income_pct",
                    "ratio": ["remittance", "income"],
                    "where": {"receives": 1},
                    "percent": True,
                },
            ],
        }
    )


def run(frame: pd.DataFrame, spec: Mapping, store) -> pd.DataFrame:
    prepared, problems = prepare(frame, spec, resolver(), "test.csv")
    assert problems == []
    return estimate(prepared, spec, dict(store.indicators))


def households(rng: np.random.Generator, per_cluster: int = 10) -> pd.DataFrame:
    rows = []
    for district, level in (("Dusti", 0.3), ("г. Куляб", 0.55), ("Ноҳияи Панҷ", 0.45)):
        for stratum in ("urban", "rural"):
            for cluster in range(6):
                weight = rng.uniform(20, 200)
                for _ in range(per_cluster):
                    receives = int(rng.random() < level)
                    remittance = float(rng.gamma(3, 80)) if receives else 0.0
                    rows.append(
                        {
                            "district": district,
                            "stratum": f"{district}-{stratum}",
                            "cluster": f"{district}-{stratum}-{cluster}",
                            "weight": f"{weight:.3f}",
                            "abroad": "да" if rng.random() < level else "нет",
                            "receives": str(receives),
                            "remittance": f"{remittance:.2f}",
                            "income": f"{remittance + rng.gamma(3, 60):.2f}",
                        }
                    )
    return pd.DataFrame(rows)


def test_point_estimates_equal_the_direct_weighted_computation(store) -> None:
    frame = households(np.random.default_rng(3))
    rows = run(frame, mapping(stratum="stratum", psu="cluster"), store)
    numbers = frame.assign(
        area=frame["district"].map({"Dusti": "dusti", "г. Куляб": "kulob", "Ноҳияи Панҷ": "panj"}),
        w=frame["weight"].astype(float),
        yes=(frame["abroad"] == "да").astype(float),
        r=frame["remittance"].astype(float),
        i=frame["income"].astype(float),
        receiving=frame["receives"] == "1",
    )
    for area, group in [*numbers.groupby("area"), ("khatlon", numbers)]:
        got = rows[rows["district"] == area].set_index("indicator")["value"]
        receiving = group[group["receiving"]]
        share = 100 * (group.w * group.yes).sum() / group.w.sum()
        mean = (receiving.w * receiving.r).sum() / receiving.w.sum()
        ratio = 100 * (receiving.w * receiving.r).sum() / (receiving.w * receiving.i).sum()
        assert got["hh_member_abroad_pct"] == pytest.approx(share, rel=1e-12), area
        assert got["remittance_monthly_usd"] == pytest.approx(mean, rel=1e-12), area
        assert got["remittance_share_income_pct"] == pytest.approx(ratio, rel=1e-12), area
    sizes = rows.set_index(["indicator", "district"])["sample_size"]
    assert sizes["hh_member_abroad_pct", "dusti"] == 120 and sizes["hh_member_abroad_pct", "khatlon"] == 360
    assert sizes["remittance_monthly_usd", "dusti"] == (numbers[numbers.area == "dusti"].receiving).sum()


def population(rng: np.random.Generator) -> pd.DataFrame:
    """2 strata x 40 clusters x 25 households; the share living with a member abroad varies by cluster."""
    rows = []
    for stratum, level in (("urban", 0.3), ("rural", 0.5)):
        for cluster in range(40):
            p = np.clip(level + rng.normal(0, 0.12), 0.02, 0.98)
            rows += [
                {"stratum": stratum, "cluster": f"{stratum}{cluster}", "abroad": int(rng.random() < p)}
                for _ in range(25)
            ]
    return pd.DataFrame(rows)


def test_interval_coverage_by_simulation(store) -> None:
    """300 two-stage samples (8 of 40 clusters per stratum, 10 of 25 households in each): the 95 %
    intervals cover the population's true share in 92-98 % of them (binomial sd of the coverage with
    300 samples: 1.3 points; Taylor's with-replacement first stage is slightly conservative)."""
    rng = np.random.default_rng(2026)
    people = population(rng)
    truth = 100 * people["abroad"].mean()
    spec = Mapping.model_validate(
        {
            "survey": {
                "year": 2024,
                "source": "simulation",
                "district": "district",
                "weight": "weight",
                "stratum": "stratum",
                "psu": "cluster",
            },
            "indicators": [{"indicator": "hh_member_abroad_pct", "share": "abroad"}],
        }
    )
    covered = 0
    for _ in range(300):
        parts = []
        for _stratum, group in people.groupby("stratum"):
            clusters = rng.choice(group["cluster"].unique(), 8, replace=False)
            for cluster in clusters:
                members = group[group["cluster"] == cluster].sample(10, random_state=int(rng.integers(1 << 31)))
                parts.append(members.assign(weight=str((40 / 8) * (25 / 10))))
        sample = pd.concat(parts).assign(district="Dusti").astype(str)
        row = run(sample, spec, store).query("district == 'khatlon'").iloc[0]
        assert 0 <= row["lower"] <= row["value"] <= row["upper"] <= 100
        covered += row["lower"] <= truth <= row["upper"]
    assert 0.92 <= covered / 300 <= 0.98, covered


def test_svy_reproduces_the_published_fpc_example() -> None:
    """R survey package, data(fpc): svytotal(~x, subset(dfpc, x > 4)) = 123.9, SE 33.004; the other
    domain 23.2, SE 17.018 (design: id=~psuid, strata=~stratid, weight=~weight, nest=TRUE)."""
    fpc = pl.DataFrame(
        {
            "stratid": [1, 1, 1, 1, 1, 2, 2, 2],
            "psuid": ["1-1", "1-2", "1-3", "1-4", "1-5", "2-1", "2-2", "2-3"],
            "weight": [3.0, 3, 3, 3, 3, 4, 4, 4],
            "x": [2.8, 4.1, 6.8, 6.8, 9.2, 3.7, 6.6, 4.2],
        }
    ).with_columns((pl.col("x") > 4).alias("big"))
    sample = svy.Sample(fpc, svy.Design(stratum="stratid", psu="psuid", wgt="weight"))
    totals = sample.estimation.total("x", by="big").to_polars().sort("big")
    assert totals["est"].to_list() == pytest.approx([23.2, 123.9])
    assert totals["se"].to_list() == pytest.approx([17.01764, 33.00409], abs=5e-5)


def test_shares_stay_within_0_and_100_and_small_samples_are_flagged(store) -> None:
    rng = np.random.default_rng(5)
    frame = households(rng, per_cluster=2)  # 24 households per district: a small sample
    frame.loc[frame["district"] == "Dusti", "abroad"] = "да"  # every Dusti household: 100 %, no interval
    rows = run(frame, mapping(stratum="stratum", psu="cluster"), store).set_index(["indicator", "district"])
    dusti = rows.loc["hh_member_abroad_pct", "dusti"]
    assert dusti["value"] == 100 and pd.isna(dusti["lower"]) and "no interval" in dusti["note"]
    kulob = rows.loc["hh_member_abroad_pct", "kulob"]
    assert 0 <= kulob["lower"] < kulob["value"] < kulob["upper"] <= 100
    assert "small sample (n < 30)" in kulob["note"] and kulob["sample_size"] == 24
    few = rows.loc["remittance_monthly_usd"]
    assert all(("does not show" in note) == (n < 10) for note, n in zip(few["note"], few["sample_size"]))
    assert (few["sample_size"] < 10).any()


def test_a_district_where_nobody_says_yes_is_0_and_an_empty_domain_gives_no_row(store) -> None:
    frame = households(np.random.default_rng(8))
    frame.loc[frame["district"] == "Ноҳияи Панҷ", "abroad"] = "нет"  # nobody in Panj: 0 %
    frame.loc[frame["district"] == "Dusti", "receives"] = "0"  # no receiving household in Dusti
    rows = run(frame, mapping(stratum="stratum", psu="cluster"), store).set_index(["indicator", "district"])
    panj = rows.loc["hh_member_abroad_pct", "panj"]
    assert panj["value"] == 0 and pd.isna(panj["lower"]) and panj["sample_size"] == 120
    assert ("remittance_monthly_usd", "dusti") not in rows.index  # no estimate rather than a NaN
    assert rows["value"].notna().all() and np.isfinite(rows["value"]).all()


def test_when_nobody_in_the_survey_says_yes_every_share_is_0(store) -> None:
    frame = households(np.random.default_rng(9)).assign(abroad="нет")
    rows = run(frame, mapping(stratum="stratum", psu="cluster"), store).query("indicator == 'hh_member_abroad_pct'")
    assert sorted(rows["district"]) == ["dusti", "khatlon", "kulob", "panj"] and (rows["value"] == 0).all()


def test_a_percentage_ratio_keeps_its_interval_within_100(store) -> None:
    """Remittances nearly all of income: the ratio's symmetric interval would pass 100 %; it is cut there."""
    frame = households(np.random.default_rng(10))
    remittance = frame["remittance"].astype(float)
    frame["income"] = (remittance * np.where(np.arange(len(frame)) % 7 == 0, 1.3, 1.0)).map("{:.2f}".format)
    rows = run(frame, mapping(stratum="stratum", psu="cluster"), store).query(
        "indicator == 'remittance_share_income_pct'"
    )
    assert (rows["upper"] <= 100).all() and (rows["upper"] == 100).any()


def test_problems_in_the_microdata_are_reported_by_line(store) -> None:
    frame = households(np.random.default_rng(1), per_cluster=1)
    frame.loc[2, "district"] = "Atlantis"
    frame.loc[4, "abroad"] = "maybe"
    frame.loc[5, "weight"] = "-3"
    _, problems = prepare(frame, mapping(stratum="stratum", psu="cluster"), resolver(), "hh.csv")
    text = [str(p) for p in problems]
    assert text[0].startswith("hh.csv:4: district: unknown district 'Atlantis'")
    assert "hh.csv:7: weight: a survey weight must be a number above 0" in text
    assert "hh.csv:6: abroad: 'maybe' is neither yes nor no (add it to count_as_yes: or count_as_no:)" in text
    _, missing = prepare(frame.drop(columns="income"), mapping(), resolver(), "hh.csv")
    assert str(missing[0]).startswith("hh.csv:1: income: no such column (the columns are: district, stratum")


def test_the_command_on_the_example_files(tmp_path: Path, capsys) -> None:
    out = tmp_path / "estimates.csv"
    status = main(
        [
            "estimate",
            str(EXAMPLES / "synthetic_households.csv"),
            "--map",
            str(EXAMPLES / "synthetic_mapping.yaml"),
            "--out",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0, printed
    assert "2400 households, 200 clusters, 50 strata" in printed and f"{out}: written and valid" in printed
    rows = read_microdata(out)
    assert len(rows) == 4 * 26 and set(rows["status"]) == {"survey"}
    assert rows["source"].str.startswith("SYNTHETIC EXAMPLE").all()


def test_a_mapping_with_two_kinds_for_one_indicator_is_refused(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "map.yaml"
    bad.write_text(
        "survey: {year: 2024, source: Test, district: district, weight: weight}\n"
        "indicators:\n  - indicator: hh_member_abroad_pct\n    share: a\n    mean: b\n",
        encoding="utf-8",
    )
    status = main(
        ["estimate", str(EXAMPLES / "synthetic_households.csv"), "--map", str(bad), "--out", str(tmp_path / "o.csv")]
    )
    assert status == 1
    assert "give exactly one of share, mean or ratio" in capsys.readouterr().out
