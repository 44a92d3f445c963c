"""Shared fixtures: the bundled data folder, a writable copy of it, the loaded store and variants of it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data import DataStore, load_store

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
SURVEY_ROUND = """district,indicator,year,value,lower,upper,sample_size,note,source,source_url,status
Dusti,hh_member_abroad_pct,2024,47.5,44.1,50.9,612,survey round (test),Test survey 2024,https://example.org/survey,survey
Куляб,hh_member_abroad_pct,2024,39.2,35.8,42.6,590,survey round (test),Test survey 2024,https://example.org/survey,survey
Baljuvon,hh_member_abroad_pct,2024,55.0,38.1,71.9,24,small sample (test),Test survey 2024,https://example.org/survey,survey
"""


@pytest.fixture(scope="session")
def store() -> DataStore:
    return load_store(BUNDLED)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data (without the raw sources and scripts)."""
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("sources", "scripts", "*.md", "*.yaml"))
    return target


@pytest.fixture(scope="session")
def mixed_store(tmp_path_factory) -> DataStore:
    """The bundled data plus a survey round for three units of an illustrative indicator (2024).

    The survey rows replace the model's rows: the indicator is then partly illustrative, and
    Baljuvon's row has a small sample (n = 24).
    """
    target = tmp_path_factory.mktemp("mixed") / "data"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("sources", "scripts", "*.md"))
    (target / "indicators" / "survey_round.csv").write_text(SURVEY_ROUND, encoding="utf-8")
    return load_store(target)


def store_frame(store: DataStore) -> pd.DataFrame:
    """Every value of a store as the loader's frame (to build variants of it)."""
    rows = [
        {
            "district_id": o.area_id,
            "indicator": indicator_id,
            "year": o.year,
            "value": o.value,
            "lower": o.lower,
            "upper": o.upper,
            "sample_size": o.sample_size,
            "note": o.note,
            "source": o.source,
            "source_url": o.source_url,
            "status": o.status.value,
            "includes": ";".join(o.includes),
        }
        for indicator_id in store.indicators
        for o in store.indicator_observations(indicator_id)
    ]
    return pd.DataFrame(rows)


def store_with(store: DataStore, **changes) -> DataStore:
    """A copy of ``store`` whose indicators have some fields changed: ``store_with(s, x={"scale": ...})``."""
    indicators = {key: replace(i, **changes.get(key, {})) for key, i in store.indicators.items()}
    return DataStore(
        list(store.units.values()), indicators, store_frame(store), store.boundaries, store.resolver, store.scenes
    )
