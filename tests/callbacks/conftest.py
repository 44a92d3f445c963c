"""The app built once for callback tests; a client that calls a callback over HTTP like the browser;
and a guard that fails a test when a callback logged an error (a caught crash is still a crash)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

import pytest
from dash import Dash

from dashboard.app import create_app
from dashboard.data import DataStore
from dashboard.settings import Settings

from ..conftest import BUNDLED
from .bodies import HASH, body_for


@pytest.fixture(scope="session")
def app(store: DataStore) -> Dash:
    return create_app(Settings(data_dir=BUNDLED, secret_key="test"), store=store)


@pytest.fixture(autouse=True)
def no_callback_errors(caplog):
    """Any error the callbacks log (they answer "no update" instead of failing) fails the test."""
    caplog.set_level(logging.INFO, logger="dashboard.callbacks")
    yield
    errors = [r for r in caplog.records if r.name == "dashboard.callbacks" and r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage()[:500] for r in errors]


class CallbackClient:
    """POSTs to ``/_dash-update-component`` exactly as dash-renderer does."""

    def __init__(self, app: Dash) -> None:
        self.app = app
        self.client = app.server.test_client()

    def spec(self, outputs: Sequence[str]) -> tuple[str, dict]:
        """The callback whose outputs are exactly ``outputs`` (ignoring allow_duplicate hashes)."""
        for key, spec in self.app.callback_map.items():
            plain = HASH.sub("", key)
            names = plain.strip(".").split("...") if plain.startswith("..") else [plain]
            if names == list(outputs):
                return key, spec
        raise KeyError(outputs)

    def call(self, outputs: Sequence[str], inputs: dict[str, object], changed: Sequence[str], compressed: bool = False):
        key, spec = self.spec(outputs)

        declared = [*spec["inputs"], *spec.get("state", [])]
        body = body_for(key, spec, [inputs.get(f"{item['id']}.{item['property']}") for item in declared])
        for part in ("inputs", "state"):  # a pattern (ALL) input: the matching components given, else none
            body[part] = [
                inputs.get(f"{item['id']}.{item['property']}", []) if str(item["id"]).startswith("{") else entry
                for item, entry in zip(spec.get(part, []), body[part])
            ]
        body["changedPropIds"] = list(changed)
        return self.client.post(
            "/_dash-update-component",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Accept-Encoding": "gzip" if compressed else "identity"},
        )


@pytest.fixture
def callbacks(app: Dash) -> CallbackClient:
    return CallbackClient(app)
