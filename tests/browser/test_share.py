"""Taking a view out of the dashboard, in headless Chromium: the link copied (or shown selected where
the clipboard is unavailable), the citation, and each chart saved as an image that carries its title,
source line, data date and illustrative mark."""

from __future__ import annotations

import base64
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from .pages import Browser, wait

IMAGE = (  # selenium passes the callback last
    "var done = arguments[arguments.length - 1];"
    "window.khatlonShare.image(arguments[0], arguments[1], arguments[2]).then(done, e => done('ERR ' + e));"
)


def image(page: Browser, graph: str, kind: str, size: str) -> bytes:
    url = page.driver.execute_async_script(IMAGE, graph, kind, size)
    assert url.startswith("data:"), url
    head, body = url.split(",", 1)
    return base64.b64decode(body) if ";base64" in head else urllib.parse.unquote(body).encode()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize(("language", "source", "date", "mark"), [
    ("en", "Source: Illustrative model", "Data as of November 28, 2026", "Illustrative data — not official statistics"),
    ("tg", "Манбаъ:", "Маълумот ба ҳолати", "Маълумоти намунавӣ — омори расмӣ нест"),
])  # fmt: skip
def test_a_saved_map_and_chart_carry_their_source_date_and_mark(dashboard, store, language, source, date, mark) -> None:
    page = Browser.attach(dashboard)
    page.open(f"/?district=dusti&lang={language}")
    wait(lambda: page.driver.execute_script("return !!(document.querySelector('#map .js-plotly-plot') || {}).data"))
    title = page.driver.execute_script("return document.querySelector('#map .gtitle').textContent")
    svg = image(page, "map", "svg", "slide").decode()
    assert 'width="1920"' in svg and 'height="1080"' in svg
    for text in (title, source, date, mark):
        assert text in svg, text
    ranking = image(page, "ranking", "svg", "shown").decode()
    assert source in ranking and date in ranking and mark in ranking
    assert png_size(image(page, "map", "png", "slide")) == (1920, 1080)
    shown = page.driver.execute_script(
        "var l = document.querySelector('#ranking .js-plotly-plot')._fullLayout; return [l.width, l.height]"
    )
    assert png_size(image(page, "ranking", "png", "shown")) == tuple(shown)
    page.click(".image-menu > summary")  # the menu lists the graphs on screen only
    rows = page.driver.execute_script(
        "return [...document.querySelectorAll('.image-row')].filter(r => !r.hidden).map(r => r.dataset.graph)"
    )
    assert rows == ["map", "ranking", "trend", "profile"]


def test_copy_link_shows_the_link_selected_where_there_is_no_clipboard(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_medical_pct&district=vose&lang=ru")
    page.driver.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
    page.click("button[data-share=link]")
    wait(lambda: not page.driver.find_element(By.ID, "share-fallback").get_attribute("hidden"))
    value, start, end, focused = page.driver.execute_script(
        "var f = document.getElementById('share-link'); return [f.value, f.selectionStart, f.selectionEnd, document.activeElement.id]"
    )
    assert value == page.driver.current_url and "indicator=coverage_medical_pct" in value
    assert (start, end, focused) == (0, len(value), "share-link")
    assert "Скопируйте" in page.driver.find_element(By.CSS_SELECTOR, ".share-status").text


def test_the_citation_names_the_view_the_date_the_address_and_the_status(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?tab=gap&lang=en")
    page.click(".cite-box > summary")
    cite = page.driver.find_element(By.ID, "cite-text").text
    assert cite.startswith(
        "Khatlon Migration Dashboard. Service gaps: Children with one or both parents abroad against"
    )
    assert "Data as of November 28, 2026." in cite
    assert page.driver.current_url in cite
    assert "not official statistics" in cite
    page.go("?tab=chart&chart=context&lang=en")  # the citation follows the view
    wait(lambda: "National context" in page.driver.find_element(By.ID, "cite-text").text)
