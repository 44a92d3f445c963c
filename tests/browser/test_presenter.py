"""Presenter mode in headless Chromium: the whole storyboard stepped with clicker keys."""

from __future__ import annotations

import os
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .test_dashboard import district_paths, map_title, paths_by_trace, wait

FORWARD = [Keys.PAGE_DOWN, Keys.ARROW_RIGHT, Keys.SPACE, Keys.ENTER]
BACKWARD = [Keys.PAGE_UP, Keys.ARROW_LEFT, Keys.BACKSPACE]
SCREENSHOTS = os.environ.get("KHATLON_SCREENSHOTS")  # a folder: save every scene at 1920x1080


def press(duo, key: str) -> None:
    duo.driver.find_element(By.TAG_NAME, "body").send_keys(key)


def text_of(duo, element_id: str) -> str:
    return duo.driver.execute_script(
        f"const e = document.getElementById('{element_id}'); return e ? e.textContent : ''"
    )


def graph_title(duo, graph_id: str) -> str:
    return duo.driver.execute_script(
        f"const t = document.querySelector('#{graph_id} .gtitle'); return t ? t.textContent : ''"
    )


def squeeze(text: str) -> str:
    """Text without spaces: a wrapped plotly title loses the space at its line break."""
    return "".join(text.split())


def check_scene(duo, store, number: int, url: bool = True) -> None:
    """The screen shows scene ``number``: its title, position, URL and a drawn, non-empty view."""
    scene = store.scenes[number - 1]
    total = len(store.scenes)
    wait(
        duo,
        lambda: text_of(duo, "scene-title") == scene.title and text_of(duo, "scene-position") == f"{number} / {total}",
    )
    assert text_of(duo, "scene-note") == scene.note
    assert not url or f"present=1&scene={number}" in duo.driver.current_url
    label = store.indicators[scene.indicator].label
    if scene.tab == "map":
        wait(duo, lambda: squeeze(f"{label}, {scene.year}") in squeeze(map_title(duo)))
        wait(duo, lambda: len(district_paths(duo)) == 24)
        if scene.spotlight:
            wait(duo, lambda: paths_by_trace(duo).get("3") == [scene.spotlight])  # drawn apart, full strength
            dimmed = duo.driver.execute_script(
                """
                return [...document.querySelectorAll('#map path.choroplethlocation')]
                    .filter(p => p.parentNode.__data__[0].trace.index === 0)
                    .map(p => parseFloat(getComputedStyle(p).opacity));""",
                scene.spotlight,
            )
            assert dimmed and max(dimmed) < 0.5
    elif scene.tab == "chart":
        wait(duo, lambda: graph_title(duo, "chart") != "")
        traces = duo.driver.execute_script("return document.querySelectorAll('#chart .trace').length")
        assert traces > 0, f"scene {number}: empty chart"
    elif scene.tab == "sources":
        wait(duo, lambda: label in duo.find_element("#sources").text)
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        duo.driver.save_screenshot(str(Path(SCREENSHOTS) / f"presenter-scene-{number}.png"))


def projector(duo) -> None:
    """A 1920x1080 viewport exactly (a window of that size has a smaller viewport)."""
    duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False}
    )


def test_the_whole_storyboard_with_clicker_keys(dashboard, store) -> None:
    projector(dashboard)
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=1")
    check_scene(dashboard, store, 1)
    dashboard.driver.execute_script("window.__noReload = 42")
    total = len(store.scenes)
    for number in range(2, total + 1):
        press(dashboard, FORWARD[number % len(FORWARD)])
        check_scene(dashboard, store, number)
    press(dashboard, Keys.PAGE_DOWN)  # past the end: stays on the last scene
    check_scene(dashboard, store, total)
    for step, number in enumerate(range(total - 1, total - 4, -1)):
        press(dashboard, BACKWARD[step % len(BACKWARD)])
        check_scene(dashboard, store, number)
    press(dashboard, Keys.HOME)
    check_scene(dashboard, store, 1)
    press(dashboard, Keys.END)
    check_scene(dashboard, store, total)
    assert dashboard.driver.execute_script("return window.__noReload") == 42  # never reloaded


def test_projector_type_and_nothing_else_on_screen(dashboard, store) -> None:
    projector(dashboard)
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=2")
    check_scene(dashboard, store, 2)
    size = lambda selector: dashboard.driver.execute_script(  # noqa: E731
        f"return parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)"
    )
    assert size("#scene-title") >= 40 and size("#scene-note") >= 24 and size(".app") >= 24
    hidden = dashboard.driver.execute_script("""
        return ['.controls', '.app-header', '.indicator-note', '.tab-container', '.app-footer', '.card-trend']
            .map(s => getComputedStyle(document.querySelector(s)).display);""")
    assert set(hidden) == {"none"}
    title_px = dashboard.driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('#map .gtitle')).fontSize)"
    )
    assert title_px >= 30


def test_keys_enter_full_screen_leave_and_present_again(dashboard, store) -> None:
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=4")
    check_scene(dashboard, store, 4)
    press(dashboard, "f")  # full screen may be refused headless; it must never raise an error
    press(dashboard, Keys.ESCAPE)
    wait(dashboard, lambda: "present=1" not in dashboard.driver.current_url)
    wait(
        dashboard,
        lambda: (
            dashboard.driver.execute_script("return getComputedStyle(document.getElementById('presenter-bar')).display")
            == "none"
        ),
    )
    scene = store.scenes[3]
    wait(
        dashboard,
        lambda: squeeze(f"{store.indicators[scene.indicator].label}, {scene.year}") in squeeze(map_title(dashboard)),
    )
    assert "Dusti" in dashboard.find_element("#district").text  # the scene's spotlight stays selected
    press(dashboard, "p")
    check_scene(dashboard, store, 1)
    dashboard.find_element(".scene-nav [data-action='next']").click()
    check_scene(dashboard, store, 2)


def test_a_bookmarked_scene_and_junk_scene_numbers(dashboard, store) -> None:
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=6")
    check_scene(dashboard, store, 6)
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=999")
    check_scene(dashboard, store, len(store.scenes), url=False)
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=%3Cscript%3E")
    check_scene(dashboard, store, 1, url=False)


def test_back_after_leaving_returns_to_the_scene(dashboard, store) -> None:
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=5")
    check_scene(dashboard, store, 5)
    press(dashboard, Keys.ESCAPE)
    wait(dashboard, lambda: "present=1" not in dashboard.driver.current_url)
    assert f"indicator={store.scenes[4].indicator}" in dashboard.driver.current_url
    dashboard.driver.back()
    check_scene(dashboard, store, 5)


def test_clicker_keys_win_over_a_focused_button_and_dropdowns_keep_their_keys(dashboard, store) -> None:
    dashboard.driver.get(dashboard.server_url + "/?present=1&scene=3")
    check_scene(dashboard, store, 3)
    dashboard.find_element(".scene-nav [data-action='previous']").click()
    check_scene(dashboard, store, 2)
    dashboard.driver.switch_to.active_element.send_keys(Keys.ENTER)
    check_scene(dashboard, store, 3)
    dashboard.driver.get(dashboard.server_url + "/")
    dashboard.find_element("#indicator").click()  # the dropdown opens with its search box focused
    dashboard.driver.switch_to.active_element.send_keys("p")
    time.sleep(1)
    assert "present" not in dashboard.driver.current_url
