"""The app built once for callback tests, and a helper that calls a callback over HTTP like the browser."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from dash import Dash

from dashboard.app import create_app
from dashboard.data import DataStore
from dashboard.settings import Settings

from ..conftest import BUNDLED


@pytest.fixture(scope="session")
def app(store: DataStore) -> Dash:
    return create_app(Settings(data_dir=BUNDLED, secret_key="test"), store=store)


class CallbackClient:
    """POSTs to ``/_dash-update-component`` exactly as dash-renderer does."""

    def __init__(self, app: Dash) -> None:
        self.app = app
        self.client = app.server.test_client()

    def call(self, outputs: Sequence[str], inputs: dict[str, object], changed: Sequence[str], compressed: bool = False):
        key = outputs[0] if len(outputs) == 1 else ".." + "...".join(outputs) + ".."
        assert key in self.app.callback_map, key
        spec = self.app.callback_map[key]

        def values(items):
            return [
                {
                    "id": str(item["id"]),
                    "property": item["property"],
                    "value": inputs.get(f"{item['id']}.{item['property']}"),
                }
                for item in items
            ]

        out = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in outputs]
        body = {
            "output": key,
            "outputs": out[0] if len(out) == 1 else out,
            "inputs": values(spec["inputs"]),
            "changedPropIds": list(changed),
            "state": values(spec.get("state", [])),
        }
        response = self.client.post(
            "/_dash-update-component",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Accept-Encoding": "gzip" if compressed else "identity"},
        )
        return response


@pytest.fixture
def callbacks(app: Dash) -> CallbackClient:
    return CallbackClient(app)
