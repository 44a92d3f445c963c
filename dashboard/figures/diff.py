"""What changed between two figures, as ``[["data.0.x", value], ...]`` pairs the browser applies as a Patch.

The browser already shows the old figure (the page says which: its *drawn* keys), so a new view
only needs the leaves that differ. Dicts are compared key by key and lists of traces or annotations
item by item, items added at the end assigned one by one (a shorter list is sent whole); any other
list that differs is sent whole. A key that disappears is set to ``None``.
"""

from __future__ import annotations

from typing import Any

Pairs = list[list]


def _join(path: tuple, key: Any) -> tuple:
    return (*path, key)


def _walk(old: Any, new: Any, path: tuple, out: list[tuple[tuple, Any]]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in new:
            if key not in old:
                out.append((_join(path, key), new[key]))
            elif old[key] != new[key]:
                _walk(old[key], new[key], _join(path, key), out)
        out.extend((_join(path, key), None) for key in old if key not in new)
        return
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and len(old) <= len(new)
        and all(isinstance(item, dict) for item in (*old, *new))
    ):
        for index, (o, n) in enumerate(zip(old, new)):
            if o != n:
                _walk(o, n, _join(path, index), out)
        # items added at the end (a district's trace beside Khatlon's): each assigned at its index
        out.extend((_join(path, index), new[index]) for index in range(len(old), len(new)))
        return
    out.append((path, new))


def figure_diff(old: dict, new: dict) -> Pairs:
    """The pairs that turn ``old`` into ``new`` (empty when they are equal)."""
    found: list[tuple[tuple, Any]] = []
    _walk(old, new, (), found)
    return [[".".join(map(str, path)), value] for path, value in found]


def apply_pairs(figure: dict, pairs: Pairs) -> dict:
    """Apply pairs to a figure in place (what the browser does; for tests). Returns the figure."""
    for dotted, value in pairs:
        keys = [int(k) if k.isdigit() else k for k in dotted.split(".")]
        node = figure
        for key in keys[:-1]:
            node = node[key]
        if value is None and isinstance(node, dict):
            node.pop(keys[-1], None)
        elif isinstance(node, list) and keys[-1] == len(node):  # an item added at the end
            node.append(value)
        else:
            node[keys[-1]] = value
    return figure
