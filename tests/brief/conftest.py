"""The app with the ``/brief`` route, built once (without the start-up warm-up: these tests need no Dash page)."""

from __future__ import annotations

import pytest
from dash import Dash

from dashboard.app import create_app
from dashboard.data import DataStore
from dashboard.settings import Settings

from ..conftest import BUNDLED


@pytest.fixture(scope="session")
def brief_app(store: DataStore) -> Dash:
    return create_app(Settings(data_dir=BUNDLED, secret_key="test"), store=store, warm=False)
