"""Every package the dashboard imports is declared in pyproject.toml (not only installed by chance)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"dashboard", "__future__"}


def declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=~!; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_every_import_of_the_app_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dependencies = declared(project["dependencies"])
    distributions = packages_distributions()
    modules = imported_modules(ROOT / "dashboard") | imported_modules(ROOT / "deploy")
    assert {"flask", "pandas", "pydantic", "werkzeug"} <= modules  # the scan sees imports
    missing = {m for m in modules if not {d.lower() for d in distributions.get(m, [m])} & dependencies}
    assert missing == set()
