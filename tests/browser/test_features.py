"""Spotlight, Play and the Table tab's CSV download, in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

from selenium.webdriver.common.by import By

from .test_dashboard import district_paths, map_title, paths_by_trace, wait


def opacity_of_others(duo) -> list[float]:
    return duo.driver.execute_script("""
        return [...document.querySelectorAll('#map path.choroplethlocation')]
            .filter(p => p.parentNode.__data__[0].trace.index === 0)
            .map(p => parseFloat(getComputedStyle(p).opacity));""")


def ranking_opacity(duo) -> list[float]:
    return duo.driver.execute_script("""
        return [...document.querySelectorAll('#ranking .bars .point path')]
            .map(p => parseFloat(getComputedStyle(p).opacity));""")


def test_spotlight_toggle_dims_map_and_ranking(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=coverage_psychosocial_pct&district=dusti")
    wait(dashboard, lambda: paths_by_trace(dashboard).get("4") == ["dusti"])
    assert min(opacity_of_others(dashboard)) == 1
    dashboard.find_element("#spotlight input").click()
    wait(dashboard, lambda: "spotlight=1" in dashboard.driver.current_url)
    wait(dashboard, lambda: paths_by_trace(dashboard).get("3") == ["dusti"])
    wait(dashboard, lambda: max(opacity_of_others(dashboard) or [1]) < 0.5)
    wait(dashboard, lambda: sorted(set(ranking_opacity(dashboard))) == [0.35, 1.0])
    outline = dashboard.driver.execute_script("""
        const p = [...document.querySelectorAll('#map path.choroplethlocation')]
            .find(p => p.parentNode.__data__[0].trace.index === 4);
        return parseFloat(getComputedStyle(p).strokeWidth);""")
    assert outline >= 5
    dashboard.find_element("#spotlight input").click()
    wait(dashboard, lambda: min(opacity_of_others(dashboard)) == 1 and "spotlight" not in dashboard.driver.current_url)


def update_requests(duo) -> list[float]:
    """Timestamps of callback requests since the last call (Chrome's network log)."""
    stamps = []
    for entry in duo.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if (
            message["method"] == "Network.requestWillBeSent"
            and "_dash-update-component" in message["params"]["request"]["url"]
        ):
            stamps.append(message["params"]["timestamp"])
    return stamps


def test_play_runs_through_the_years_clientside_and_stops_at_the_last(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=coverage_medical_pct&year=2024")
    wait(dashboard, lambda: "Coverage: medical care, 2024" in map_title(dashboard))
    update_requests(dashboard)  # forget the page load
    seen = []
    dashboard.find_element("#play").click()
    started = time.time()
    while time.time() - started < 14:
        title = map_title(dashboard)
        year = title.rsplit(", ", 1)[-1] if ", " in title else ""
        if year and (not seen or seen[-1] != year):
            seen.append(year)
        if seen[-1:] == ["2024"] and len(seen) > 1 and dashboard.find_element("#play").text == "▶":
            break
        time.sleep(0.2)
    assert seen == ["2024", "2019", "2020", "2021", "2022", "2023", "2024"], seen
    slider = dashboard.driver.execute_script(
        "return document.querySelector('#year .rc-slider-handle, #year [role=slider]').getAttribute('aria-valuenow')"
    )
    assert slider == "2024"
    requests = update_requests(dashboard)
    # one request for the frames, one chain when the last year is committed; none per frame
    assert len(requests) <= 9, len(requests)
    animation = [s for s in requests if min(requests) + 1.0 < s < max(requests) - 1.0]
    assert animation == [], "server requests while the frames were playing"


def test_table_sorts_and_downloads_exactly_the_rows_shown(dashboard, store) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=coverage_medical_pct&tab=table")
    wait(dashboard, lambda: len(dashboard.driver.find_elements(By.CSS_SELECTOR, "#table .ag-row")) > 5)
    header = dashboard.driver.find_element(
        By.CSS_SELECTOR, "#table .ag-header-cell[col-id='value'] .ag-header-cell-label"
    )
    header.click()  # ascending
    header.click()  # descending

    def first() -> str:
        return dashboard.driver.find_element(By.CSS_SELECTOR, "#table .ag-row[row-index='0'] [col-id='value']").text

    highest = float(store.rows("coverage_medical_pct")["value"].max())
    wait(dashboard, lambda: first() != "" and float(first()) == highest)
    dashboard.find_element("#download-csv").click()
    target = Path(dashboard.download_path) / "khatlon_coverage_medical_pct_ILLUSTRATIVE.csv"
    wait(dashboard, target.exists, timeout=10)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(store.rows("coverage_medical_pct")) == 26 * 6
    values = [float(r["value"]) for r in rows]
    assert values == sorted(values, reverse=True)  # the order on screen
    assert {r["status"] for r in rows} == {"illustrative"}
    assert all(r["source"] and r["licence"] for r in rows)
    assert rows[0]["value"] == first()


def test_play_pressed_again_stops_and_keeps_the_year_on_screen(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=coverage_medical_pct&year=2024")
    wait(dashboard, lambda: "Coverage: medical care, 2024" in map_title(dashboard))
    dashboard.find_element("#play").click()
    wait(dashboard, lambda: "2020" in map_title(dashboard) or "2021" in map_title(dashboard))
    dashboard.find_element("#play").click()
    wait(dashboard, lambda: dashboard.find_element("#play").text == "▶")
    year = map_title(dashboard).rsplit(", ", 1)[-1]
    assert year in {"2020", "2021", "2022"}
    time.sleep(2.5)  # stopped: nothing moves any more
    assert map_title(dashboard).rsplit(", ", 1)[-1] == year
    assert len(district_paths(dashboard)) == 24  # the map is intact
    wait(dashboard, lambda: f"year={year}" in dashboard.driver.current_url)  # and the year is committed
    ranking = dashboard.driver.execute_script("return document.querySelector('#ranking .gtitle').textContent")
    assert year in ranking


def test_play_is_disabled_when_there_is_nothing_to_animate(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=population")
    wait(dashboard, lambda: "Population" in map_title(dashboard))
    wait(dashboard, lambda: dashboard.find_element("#play").get_attribute("disabled") == "true")
    dashboard.driver.get(dashboard.server_url + "/?tab=chart")
    wait(dashboard, lambda: dashboard.find_element("#play").get_attribute("disabled") == "true")
