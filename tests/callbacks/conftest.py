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
from .bodies import HASH


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

        def values(items):
            return [
                # a pattern-matching (ALL) input is a list of the matching components: none unless given
                inputs.get(f"{item['id']}.{item['property']}", [])
                if str(item["id"]).startswith("{")
                else {
                    "id": item["id"],
                    "property": item["property"],
                    "value": inputs.get(f"{item['id']}.{item['property']}"),
                }
                for item in items
            ]

        ids = key.strip(".").split("...") if key.startswith("..") else [key]  # "@hash" kept, as dash-renderer does
        out = [{"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in ids]
        body = {
            "output": key,
            "outputs": out[0] if len(out) == 1 else out,
            "inputs": values(spec["inputs"]),
            "changedPropIds": list(changed),
            "state": values(spec.get("state", [])),
        }
        return self.client.post(
            "/_dash-update-component",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Accept-Encoding": "gzip" if compressed else "identity"},
        )


@pytest.fixture
def callbacks(app: Dash) -> CallbackClient:
    return CallbackClient(app)
