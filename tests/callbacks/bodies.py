"""Callback request bodies of the shape dash-renderer sends (for the junk-request, fuzz and proxy tests)."""

from __future__ import annotations

import re

HASH = re.compile(r"@[0-9a-f]{64}")  # the suffix Dash gives outputs declared with allow_duplicate


def server_callbacks(app) -> list[tuple[str, dict]]:
    """The callbacks computed on the server (the others run in the browser)."""
    return [(key, spec) for key, spec in app.callback_map.items() if "callback" in spec]


def body_for(key: str, spec: dict, values: list | None = None) -> dict:
    """A body of the shape dash-renderer sends for the callback ``key``, with the given input values."""
    names = key.strip(".").split("...") if key.startswith("..") else [key]
    # as dash-renderer: an output declared allow_duplicate keeps its "@hash" in the property
    outputs = [{"id": n.rsplit(".", 1)[0], "property": n.rsplit(".", 1)[1]} for n in names]
    declared = [*spec["inputs"], *spec.get("state", [])]
    values = values if values is not None else [None] * len(declared)

    def entry(item: dict, value: object) -> object:
        if str(item["id"]).startswith("{"):  # a pattern (ALL): a list of matching components
            return [
                {"id": {"column": "value", "type": "table-sort-button"}, "property": item["property"], "value": value}
            ]
        return {"id": str(item["id"]), "property": item["property"], "value": value}

    entries = [entry(item, value) for item, value in zip(declared, values)]
    return {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": entries[: len(spec["inputs"])],
        "state": entries[len(spec["inputs"]) :],
        "changedPropIds": [f"{spec['inputs'][0]['id']}.{spec['inputs'][0]['property']}"],
    }
