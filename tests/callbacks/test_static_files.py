"""Static files: content-hashed URLs cached for a year, the others for a day (offline presenters)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def test_asset_urls_carry_the_hash_of_their_content(app) -> None:
    page = app.server.test_client().get("/").get_data(as_text=True)
    urls = re.findall(r'"/assets/([^"?]+)\?v=([0-9a-f]+)"', page)
    assert {name for name, _ in urls} >= {"style.css", "dashboard.js", "stage.js", "plotly-khatlon.min.js"}
    for name, version in urls:
        assert version == hashlib.sha256((ASSETS / name).read_bytes()).hexdigest()[:12], name
    assert "?m=" not in page  # Dash's modification-time versions differ between machines


def test_versioned_files_are_kept_a_year_and_the_others_a_day(app) -> None:
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    style = re.search(r'"(/assets/style\.css\?v=[0-9a-f]+)"', page)[1]
    assert client.get(style).headers["Cache-Control"] == "public, max-age=31536000, immutable"
    suite = re.search(r'"(/_dash-component-suites/[^"]+\.v\d+_\d+_\d+m\d+[^"]*\.js)"', page)[1]
    assert "immutable" in client.get(suite).headers["Cache-Control"]
    for path in ("/assets/topojson/world_110m.json", "/_dash-component-suites/dash/dcc/async-graph.js"):
        assert client.get(path).headers["Cache-Control"] == "public, max-age=86400", path


def test_a_revalidated_file_is_kept_again(app) -> None:
    client = app.server.test_client()
    first = client.get("/_dash-component-suites/dash/dcc/async-graph.js")
    again = client.get(
        "/_dash-component-suites/dash/dcc/async-graph.js", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304 and again.headers["Cache-Control"] == "public, max-age=86400"
