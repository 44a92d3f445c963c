"""The Table tab (sort, filter, CSV of exactly the rows shown, in the page's language) and Play, in
headless Chromium."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.data.export import export_filename

from .pages import Browser, wait
from .test_explore import drawn, title, update_responses


def cells(page: Browser, column: int) -> list[str]:
    return page.driver.execute_script(
        "return [...document.querySelectorAll('#table tbody tr:not(.is-aggregate)')].map(r => r.children[arguments[0]].textContent)",
        column,
    )


def number(text: str) -> float:
    return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_table_sorts_filters_and_downloads_exactly_the_rows_shown(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_medical_pct&tab=table&year=2024")
    wait(lambda: len(cells(page, 0)) > 20)
    page.click("button[id*='table-sort-button'][id*='value']")
    wait(lambda: page.driver.execute_script("return document.querySelector('th[aria-sort=ascending]') !== null"))
    page.click("button[id*='table-sort-button'][id*='value']")
    wait(lambda: page.driver.execute_script("return document.querySelector('th[aria-sort=descending]') !== null"))
    values = [number(v) for v in cells(page, 2)]
    assert values == sorted(values, reverse=True) and len(values) > 20
    search = page.driver.find_element(By.ID, "table-search")
    search.send_keys("ku", Keys.ENTER)
    wait(lambda: 0 < len(cells(page, 0)) < len(values), about=lambda: cells(page, 0))
    places = cells(page, 0)
    assert all("ku" in p.lower() for p in places), places
    page.click("#download-csv")
    target = Path(dashboard.download_path) / export_filename(store, store.indicators["coverage_medical_pct"], "en")
    wait(target.exists, timeout=10, about=lambda: list(Path(dashboard.download_path).glob("*")))
    rows = read_csv(target)
    districts = [r for r in rows if r["area_id"] not in ("khatlon", "tajikistan")]
    assert [r["District / area"] for r in districts] == places  # the rows shown, in the order shown
    assert [float(r["Value"]) for r in districts] == sorted((float(r["Value"]) for r in districts), reverse=True)
    assert "ILLUSTRATIVE" in target.name
    assert {r["Status"] for r in rows} == {"illustrative"}
    assert all(r["Licence"] and r["Source"] for r in rows)


def test_the_csv_is_in_the_page_language(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=population&tab=table&lang=ru")
    wait(lambda: len(cells(page, 0)) > 5)
    page.click("#download-csv")
    indicator = store.indicators["population"]
    target = Path(dashboard.download_path) / export_filename(store, indicator, "ru")
    wait(target.exists, timeout=10, about=lambda: list(Path(dashboard.download_path).glob("*")))
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Год" in header and "Источник" in header, header
    assert "ILLUSTRATIVE" not in target.name  # real figures
    rows = read_csv(target)
    assert len([r for r in rows if r["area_id"] not in ("khatlon", "tajikistan")]) == len(cells(page, 0))


def test_play_runs_through_the_years_in_the_browser_and_stops_at_the_last(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_medical_pct&year=2024")
    wait(lambda: "Coverage: medical care, 2024" in title(page))
    page.settle()
    update_responses(page)  # forget the page load
    seen = [title(page).rsplit(", ", 1)[-1]]  # read before the click: the first frame may come before the first poll
    page.click("#play")
    started = time.time()
    while time.time() - started < 20:
        year = title(page).rsplit(", ", 1)[-1]
        if year and (not seen or seen[-1] != year):
            seen.append(year)
        if seen[-1:] == ["2024"] and len(seen) > 1 and page.driver.find_element(By.ID, "play").text == "▶":
            break
        time.sleep(0.1)
    assert seen == ["2024", "2019", "2020", "2021", "2022", "2023", "2024"], seen
    page.settle()
    requests = update_responses(page)
    assert len(requests) <= 4, [r["body"][:80] for r in requests]  # the frames once, the year committed once
    assert drawn(page, store)


def test_play_pressed_again_stops_and_keeps_the_year_on_screen(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_medical_pct&year=2024")
    wait(lambda: "Coverage: medical care, 2024" in title(page))
    page.click("#play")
    wait(lambda: title(page).endswith(("2020", "2021")), about=lambda: title(page))
    page.click("#play")
    wait(lambda: page.driver.find_element(By.ID, "play").text == "▶")
    year = title(page).rsplit(", ", 1)[-1]
    assert year in {"2020", "2021", "2022"}
    time.sleep(2)  # stopped: nothing moves any more
    assert title(page).rsplit(", ", 1)[-1] == year
    assert drawn(page, store)
    wait(lambda: f"year={year}" in page.driver.current_url)  # and the year is committed
    wait(lambda: year in title(page, "ranking"))


def test_play_is_disabled_when_there_is_nothing_to_animate(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=population")
    wait(lambda: page.driver.find_element(By.ID, "play").get_attribute("disabled") == "true")
