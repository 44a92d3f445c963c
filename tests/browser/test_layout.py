"""Every tab, chart kind and storyboard scene at four screen sizes, in the three languages: the page
is no wider than the window, no text is clipped, no two texts in a figure overlap, no figure covers
another; and in Russian and Tajik no English word is left on screen (acronyms and names excepted).

One browser per screen size visits every view (in-page navigation, no reload), so that the whole
matrix takes a few minutes. KHATLON_SCREENSHOTS=folder saves a picture of each view.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from dashboard.data import DataStore

from .pages import Browser, wait

SIZES = [(1280, 720), (1366, 768), (1920, 1080), (390, 844)]
LANGUAGES = ("en", "ru", "tg")
VIEWS = {
    "map": "?district=dusti&tab=map",
    "ranking": "?tab=chart&chart=ranking&district=dusti",
    "trend": "?tab=chart&chart=trend&district=kulob",
    "profile": "?tab=chart&chart=profile&district=dusti",
    "services": "?tab=chart&chart=services",
    "context": "?tab=chart&chart=context",
    "table": "?tab=table&district=dusti",
    "sources": "?tab=sources",
    "gap": "?tab=gap&need=children_parent_abroad_pct&service=coverage_psychosocial_pct&district=dusti",
    "change": "?indicator=coverage_medical_pct&mode=change&from=2019&district=dusti&tab=map",
    "compare": "?tab=chart&chart=trend&indicator=children_parent_abroad_pct&districts=dusti,kulob,panj,vose,farkhor",
}
SCREENSHOTS = os.environ.get("KHATLON_SCREENSHOTS")


def shoot(browser: Browser, name: str) -> None:
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        browser.driver.save_screenshot(str(folder / f"{browser.width}x{browser.height}-{name}.png"))


def check(browser: Browser, name: str, language: str, found: list[str]) -> None:
    shoot(browser, f"{language}-{name}")
    found += [f"{language} {name}: {problem}" for problem in browser.layout_problems()]
    if language != "en":
        found += [f"{language} {name}: English word on screen: {word}" for word in browser.latin_words()]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_view_fits_in_every_language(live_server, store: DataStore, width: int, height: int) -> None:
    browser = Browser(live_server.url, width, height)
    found: list[str] = []
    try:
        for language in LANGUAGES:
            browser.open(f"/?lang={language}")
            for name, query in VIEWS.items():
                browser.go(f"{query}&lang={language}")
                check(browser, name, language, found)
            browser.go(f"?present=1&scene=1&lang={language}")
            wait(
                lambda: browser.text("scene-position").startswith("1 /"),
                about=lambda: (
                    f"{browser.driver.current_url} {browser.text('scene-position')!r} {browser.problems_in_logs()}"
                ),
            )
            browser.settle(quiet=1.0)
            for number in range(1, len(store.scenes) + 1):
                if number > 1:
                    browser.press(Keys.PAGE_DOWN)
                    wait(lambda n=number: browser.text("scene-position").startswith(f"{n} /"))
                    browser.settle()
                check(browser, f"scene {number}", language, found)
            browser.press(Keys.ESCAPE)
        found += browser.problems_in_logs()
    finally:
        browser.quit()
    assert found == [], "\n".join(found)


ROOMS = [(1024, 768), (1440, 900), (3840, 2160)]  # 4:3, 16:10 and a 4K screen


@pytest.mark.parametrize(("width", "height"), ROOMS, ids=[f"{w}x{h}" for w, h in ROOMS])
def test_every_scene_fits_other_room_screens(live_server, store: DataStore, width: int, height: int) -> None:
    """Presenter mode on the other screens a room may have: the storyboard in Russian (the longest texts)."""
    browser = Browser(live_server.url, width, height)
    found: list[str] = []
    try:
        browser.open("/?present=1&scene=1&lang=ru")
        for number in range(1, len(store.scenes) + 1):
            if number > 1:
                browser.press(Keys.PAGE_DOWN)
                wait(lambda n=number: browser.text("scene-position").startswith(f"{n} /"))
                browser.settle()
            check(browser, f"scene {number}", "ru", found)
            scroll = browser.driver.execute_script("return document.documentElement.scrollHeight - innerHeight")
            if scroll > 1:
                found.append(f"ru scene {number}: the scene scrolls by {scroll} px")
        found += browser.problems_in_logs()
    finally:
        browser.quit()
    assert found == [], "\n".join(found)
