"""The partial plotly.js bundle (assets/plotly-khatlon.min.js, built by `make plotly-bundle`).

No browser and no Node.js here: the tests read the committed bundle, its manifest and the npm
pins, and build the dashboard's figures to check that every trace type they use is bundled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import plotly.offline
import pytest

from dashboard.data import DataStore


def dashboard_figures(store: DataStore) -> Iterator[dict]:
    """Every kind of figure the dashboard draws, for a few indicators, years and selections.

    This is the one place that calls the figure builders: adapt it when their signatures change
    or when a new builder is added.
    """
    from dashboard import figures
    from dashboard.state import Chart, ViewState

    ctx = figures.RenderContext("en")
    for n, indicator in enumerate(store.district_indicators()):
        years = store.years(indicator.id)
        kinds = list(Chart) if n < 2 else [Chart.RANKING, Chart.TREND]  # the others do not depend on the indicator
        for year, unit in ((min(years), None), (max(years), "dusti"), (max(years), "bokhtar")):
            view = ViewState(indicator.id, year, unit, spotlight=unit == "dusti")
            for kind in kinds:
                yield figures.chart_figure(kind, store, view, ctx)
            yield figures.map_figure(store, view, ctx, "/geo/boundaries.json")


def trace_types(figures: Iterable) -> set[str]:
    """The plotly trace types in figures (dicts or plotly Figure objects); plotly's default is scatter."""
    found = set()
    for figure in figures:
        if hasattr(figure, "to_plotly_json"):
            figure = figure.to_plotly_json()
        found.update(trace.get("type") or "scatter" for trace in figure.get("data") or [])
    return found


ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "assets" / "plotly-khatlon.min.js"
MANIFEST = ROOT / "assets" / "plotly-khatlon.json"
TOOL = ROOT / "tools" / "plotly-bundle"
HEADER = re.compile(r"^/\* plotly\.js (\S+) partial bundle: (.+); locales (.+)\. Built by tools/plotly-bundle")
REBUILD = (
    "edit tools/plotly-bundle (entry.js, package.json), run `make plotly-bundle` and commit assets/plotly-khatlon.*"
)


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bundle() -> str:
    return BUNDLE.read_text(encoding="utf-8")


def header(bundle: str) -> re.Match:
    match = HEADER.match(bundle.partition("\n")[0])
    assert match, f"{BUNDLE.name} does not start with the build header; {REBUILD}"
    return match


def test_plotly_js_versions_agree(manifest: dict, bundle: str) -> None:
    package = json.loads((TOOL / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((TOOL / "package-lock.json").read_text(encoding="utf-8"))
    versions = {
        "plotly (Python) ships": plotly.offline.get_plotlyjs_version(),
        "assets/plotly-khatlon.json": manifest["plotly_js_version"],
        "assets/plotly-khatlon.min.js header": header(bundle).group(1),
        "tools/plotly-bundle/package.json": package["dependencies"]["plotly.js"],
        "tools/plotly-bundle/package-lock.json": lock["packages"]["node_modules/plotly.js"]["version"],
        "package-lock.json root pin": lock["packages"][""]["dependencies"]["plotly.js"],
    }
    assert len(set(versions.values())) == 1, f"plotly.js versions drifted apart: {versions}; {REBUILD}"


def test_header_and_registrations_match_the_manifest(manifest: dict, bundle: str) -> None:
    match = header(bundle)
    assert match.group(2).split(", ") == manifest["traces"]
    assert match.group(3).split(", ") == manifest["locales"]
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle))
    assert registered == set(manifest["traces"]), f"bundle registers {sorted(registered)}; {REBUILD}"
    locales = set(re.findall(r'moduleType:"locale",name:"([\w-]+)"', bundle))
    assert locales == {"en", "en-US", *manifest["locales"]}


def test_every_trace_type_the_figures_use_is_bundled(store: DataStore, manifest: dict) -> None:
    used = trace_types(dashboard_figures(store))
    assert {"choropleth", "scattergeo", "bar", "heatmap", "scatter"} <= used  # the builders were really called
    missing = used - set(manifest["traces"])
    assert not missing, f"figures use trace types the plotly.js bundle lacks: {sorted(missing)}; {REBUILD}"


def test_a_trace_type_outside_the_bundle_is_detected(manifest: dict) -> None:
    made_up = [
        {"data": [{"type": "bar", "x": [1]}, {"type": "pie", "values": [1, 2]}], "layout": {}},
        {"data": [{"x": [1], "y": [2]}]},  # no type: scatter
    ]
    assert trace_types(made_up) == {"bar", "pie", "scatter"}
    assert trace_types(made_up) - set(manifest["traces"]) == {"pie"}


def test_bundle_is_partial_licensed_and_eval_free(bundle: str, manifest: dict) -> None:
    size = BUNDLE.stat().st_size
    assert size < 1_600_000, f"{BUNDLE.name} is {size} bytes"
    assert 'name:"choropleth"' in bundle and 'name:"tg"' in bundle and 'name:"ru"' in bundle
    assert "window.Plotly=" in bundle  # what dcc.Graph looks for before loading the full plotly.min.js
    licence = bundle[: bundle.index("*/", bundle.index("\n")) + 2]
    assert f"plotly.js v{manifest['plotly_js_version']}" in licence and "MIT license" in licence
    licences = (BUNDLE.parent / "plotly-khatlon.LICENSES.txt").read_text(encoding="utf-8")
    assert all(f"\n{name} {meta['version']} (" in licences for name, meta in manifest["bundled_packages"].items())
    assert not re.search(r"(^|[^\w$.])eval\(|new Function\(", bundle)  # the CSP has no 'unsafe-eval'
