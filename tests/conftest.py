"""Shared fixtures: the bundled data folder, a writable copy of it, and the loaded store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.data import DataStore, load_store

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"


@pytest.fixture(scope="session")
def store() -> DataStore:
    return load_store(BUNDLED)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data (without the raw sources and scripts)."""
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("sources", "scripts", "*.md", "*.yaml"))
    return target
