"""Nothing the project ships names a CDN or a cloud service: the app must work with no internet.

Browser tests already fail on any request to another host; this test also catches an address
that only a rarely used path would fetch (a config default, a button), in every file of the
repository, the partial plotly.js bundle included.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPED_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
SKIPPED_FILES = {"package-lock.json"}  # npm's registry addresses, used only by `make plotly-bundle`
TEXT_SUFFIXES = {".py", ".js", ".mjs", ".css", ".json", ".yaml", ".yml", ".html", ".md", ".txt", ".cfg", ".toml"}
# The same pattern as tools/plotly-bundle/build.mjs, which refuses to write such a bundle.
NETWORK_ADDRESS = re.compile(
    r"https?://(cdn\.[a-z0-9.-]+|[a-z0-9.-]*cdn[a-z0-9.-]*\.[a-z]+|cloud\.plotly\.com|unpkg\.com"
    r"|[a-z0-9.-]*googleapis\.com)",
    re.IGNORECASE,
)
THIS_FILE = Path(__file__).resolve()
DOCUMENTS = {"README.md", "SOURCES.md", "DESIGN.md"}  # may explain what is avoided, in words


def shipped_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        if any(part in SKIPPED_DIRS for part in path.relative_to(ROOT).parts) or not path.is_file():
            continue
        if path.suffix in TEXT_SUFFIXES and path.name not in SKIPPED_FILES and path.resolve() != THIS_FILE:
            files.append(path)
    return files


def test_no_file_names_a_cdn_or_cloud_address() -> None:
    found = []
    for path in shipped_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in NETWORK_ADDRESS.finditer(text):
            if path.name in DOCUMENTS and path.parent != ROOT / "assets":
                continue
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)}")
    assert found == [], "\n".join(found)
    assert any(p.name == "plotly-khatlon.min.js" for p in shipped_files())  # the bundle is scanned


def test_the_bundle_defaults_to_the_local_topojson_stub() -> None:
    bundle = (ROOT / "assets" / "plotly-khatlon.min.js").read_text(encoding="utf-8")
    assert 'dflt:"/assets/topojson/"' in bundle  # plotly's topojsonURL default, rewritten by build.mjs
    assert (ROOT / "assets" / "topojson" / "world_110m.json").is_file()
