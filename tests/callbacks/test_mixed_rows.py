"""An indicator that mixes survey rows and model rows is labelled row by row in the table and the CSV
(the map's outlines and hovers: tests/figures/test_map.py)."""

from __future__ import annotations

import csv
import io

from dashboard.callbacks.table import csv_download
from dashboard.data import DataStore
from dashboard.figures import RenderContext
from dashboard.layout.table import table_body, table_options
from dashboard.state import ViewState

SURVEYED = {"dusti", "kulob", "baljuvon"}  # tests/conftest.py SURVEY_ROUND


def rows_of(component: object) -> list[dict]:
    """The <tr> of a rendered table body, as plain dicts (Dash components -> JSON)."""
    found = []

    def walk(node: object) -> None:
        if hasattr(node, "to_plotly_json"):
            node = node.to_plotly_json()
        if isinstance(node, dict):
            if node.get("type") == "Tr":
                found.append(node)
            walk(node.get("props", {}).get("children"))
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)

    walk(component)
    return found


def text_of(node: object) -> str:
    if hasattr(node, "to_plotly_json"):
        node = node.to_plotly_json()
    if isinstance(node, dict):
        return text_of(node.get("props", {}).get("children"))
    if isinstance(node, list | tuple):
        return "".join(text_of(child) for child in node)
    return "" if node is None else str(node)


def test_table_marks_each_row_with_its_own_status(mixed_store: DataStore) -> None:
    view = ViewState("hh_member_abroad_pct", 2024)
    ctx = RenderContext("en")
    body = table_body(mixed_store, view, table_options(view, 2024, "", None), ctx)
    rows = [r for r in rows_of(body) if "row-" in r["props"].get("className", "")]
    assert len(rows) == 26  # 25 units and Khatlon
    by_place = {text_of(r["props"]["children"][0]): r for r in rows}
    for place, row in by_place.items():
        status_cell = text_of(row["props"]["children"][5])
        if place in ("Dusti", "Kulob (city)", "Baljuvon"):
            assert "row-survey" in row["props"]["className"] and status_cell == "survey estimate", place
        else:
            assert "row-illustrative" in row["props"]["className"], place
            assert status_cell.startswith("⚠") and "illustrative" in status_cell, place


def test_csv_marks_each_row_and_the_file_name_says_partly_illustrative(mixed_store: DataStore) -> None:
    view = ViewState("hh_member_abroad_pct", 2024)
    download = csv_download(mixed_store, view.to_dict(), 2024, "", None)
    assert download["filename"] == "khatlon_hh_member_abroad_pct_PARTLY_ILLUSTRATIVE.csv"
    rows = list(csv.DictReader(io.StringIO(download["content"].lstrip("\ufeff"))))
    statuses = {r["area_id"]: r["Status"] for r in rows}
    assert {a for a, s in statuses.items() if s == "survey"} == SURVEYED
    assert {s for a, s in statuses.items() if a not in SURVEYED} == {"illustrative"}
    sources = {r["area_id"]: r["Source"] for r in rows}
    assert sources["dusti"] == "Test survey 2024" and sources["vakhsh"].startswith("Illustrative model")
    small = next(r for r in rows if r["area_id"] == "baljuvon")
    assert small["Sample size"] == "24" and small["Sample flag"] == "small"
