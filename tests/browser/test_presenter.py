"""Presenter mode in headless Chromium: the storyboard stepped with clicker keys, in every language,
the illustrative mark, projector type per screen, leaving and coming back, and stepping offline."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.figures.style import projector
from dashboard.layout.presenter import unbroken_numbers

from .pages import Browser, wait

FORWARD = [Keys.PAGE_DOWN, Keys.ARROW_RIGHT, Keys.SPACE, Keys.ENTER]
BACKWARD = [Keys.PAGE_UP, Keys.ARROW_LEFT, Keys.BACKSPACE]
GRAPHS = {"map": ["stage-map", "stage-ranking"], "chart": ["stage-chart"]}


def squeeze(text: str) -> str:
    """Text without spaces: a wrapped plotly title loses the space at its line break."""
    return "".join(text.split())


def shown(page: Browser, element_id: str) -> bool:
    return page.driver.execute_script(
        "const e = document.getElementById(arguments[0]); return !!e && !e.hidden && e.getClientRects().length > 0",
        element_id,
    )


def check_scene(page: Browser, store, number: int, language: str = "en", url: bool = True) -> None:
    """The screen shows scene ``number``: title, note, position, URL, the illustrative mark and a drawn view."""
    scene = store.scenes[number - 1]
    total = len(store.scenes)
    wait(
        lambda: (
            page.text("scene-title") == unbroken_numbers(scene.title(language))
            and page.text("scene-position") == f"{number} / {total}"
        ),
        about=lambda: f"scene {number}: {page.text('scene-title')!r} {page.text('scene-position')!r}",
    )
    assert page.text("scene-note") == unbroken_numbers(scene.note(language))  # "652 014" kept on one line
    assert not url or f"present=1&scene={number}" in page.driver.current_url
    illustrative = store.shows_illustrative([scene.indicator]) or scene.tab == "chart" and scene.chart == "services"
    if scene.tab in ("map", "chart") and not (scene.tab == "chart" and scene.chart == "context"):
        wait(lambda: shown(page, "data-status") == illustrative, about=lambda: f"scene {number}: data-status")
    for graph in GRAPHS.get(scene.tab, []):
        wait(
            lambda g=graph: (
                page.driver.execute_script("return document.querySelectorAll('#' + arguments[0] + ' .trace').length", g)
                > 0
            ),
            about=lambda g=graph: f"scene {number}: #{g} is empty",
        )
    if scene.tab == "map":
        label = page.driver.execute_script("return document.querySelector('#stage-map .gtitle').textContent")
        assert str(scene.year) in label
    if scene.tab in ("sources", "table"):
        wait(lambda: len(page.driver.find_element(By.ID, "stage-panel").text) > 40)


def no_reload_marker(page: Browser) -> None:
    page.driver.execute_script("window.__noReload = 42")


def never_reloaded(page: Browser) -> bool:
    return page.driver.execute_script("return window.__noReload") == 42


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_the_whole_storyboard_with_clicker_keys(dashboard, store, language) -> None:
    page = Browser.attach(dashboard, 1920, 1080)
    page.open(f"/?present=1&scene=1&lang={language}")
    check_scene(page, store, 1, language)
    no_reload_marker(page)
    total = len(store.scenes)
    for number in range(2, total + 1):
        page.press(FORWARD[number % len(FORWARD)])
        check_scene(page, store, number, language)
        assert f"lang={language}" in page.driver.current_url
    page.press(Keys.PAGE_DOWN)  # past the end: stays on the last scene
    check_scene(page, store, total, language)
    for step, number in enumerate(range(total - 1, total - 4, -1)):
        page.press(BACKWARD[step % len(BACKWARD)])
        check_scene(page, store, number, language)
    page.press(Keys.HOME)
    check_scene(page, store, 1, language)
    page.press(Keys.END)
    check_scene(page, store, total, language)
    assert never_reloaded(page)
    assert page.driver.execute_script("return document.documentElement.lang") == language


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_projector_type_for_the_room_screen_and_nothing_else_on_screen(dashboard, store, width, height) -> None:
    page = Browser.attach(dashboard, width, height)
    page.open("/?present=1&scene=2")
    check_scene(page, store, 2)
    page.settle()

    def px(selector: str) -> float:
        return page.driver.execute_script(
            "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", selector
        )

    style = projector(width, height)
    assert px("#scene-title") >= (40 if width >= 1920 else 28)
    assert px("#scene-note") >= (24 if width >= 1920 else 16)
    assert px("#stage-map .gtitle") >= style.title_size - 0.5  # figures drawn for this screen, not a laptop's
    smallest = page.driver.execute_script(
        """return Math.min(...[...document.querySelectorAll('#stage .main-svg text')]
            .filter(t => t.textContent.trim() && t.getClientRects().length)
            .map(t => parseFloat(getComputedStyle(t).fontSize)))"""
    )
    assert smallest >= 14, smallest  # map district names may be a little smaller than the 16 px of labels
    hidden = page.driver.execute_script(
        """return ['.controls', '.app-header', '.tab-container', '.app-footer']
            .map(s => document.querySelector(s)).filter(e => e && e.getClientRects().length).map(e => e.className)"""
    )
    assert hidden == []
    assert page.layout_problems() == []


def test_keys_full_screen_leave_and_present_again(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?present=1&scene=4")
    check_scene(page, store, 4)
    page.press("f")  # full screen may be refused headless; it must never raise an error
    page.press(Keys.ESCAPE)
    wait(lambda: "present=1" not in page.driver.current_url)
    wait(lambda: not shown(page, "presenter-bar"))
    scene = store.scenes[3]
    assert f"indicator={scene.indicator}" in page.driver.current_url
    if scene.spotlight:
        wait(lambda: scene.spotlight in page.driver.current_url)  # the scene's place stays selected
    page.press("p")
    check_scene(page, store, 1)
    page.click(".scene-nav [data-action='next']")
    check_scene(page, store, 2)


def test_a_bookmarked_scene_and_junk_scene_numbers(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?present=1&scene=6&lang=ru")
    check_scene(page, store, 6, "ru")
    page.open("/?present=1&scene=999")
    check_scene(page, store, len(store.scenes), url=False)
    page.open("/?present=1&scene=%3Cscript%3E")
    check_scene(page, store, 1, url=False)


def test_back_after_leaving_returns_to_the_scene(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?present=1&scene=5")
    check_scene(page, store, 5)
    page.press(Keys.ESCAPE)
    wait(lambda: "present=1" not in page.driver.current_url)
    assert f"indicator={store.scenes[4].indicator}" in page.driver.current_url
    page.driver.back()
    check_scene(page, store, 5)


def test_clicker_keys_win_over_a_focused_button_and_dropdowns_keep_their_keys(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?present=1&scene=3")
    check_scene(page, store, 3)
    page.click(".scene-nav [data-action='previous']")
    check_scene(page, store, 2)
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    check_scene(page, store, 3)
    page.open("/")
    page.click("#indicator")  # the dropdown opens with its search box focused
    page.driver.switch_to.active_element.send_keys("p")
    page.settle(quiet=0.8)
    assert "present" not in page.driver.current_url


def test_stepping_needs_no_server_once_the_scenes_are_cached(dashboard, store) -> None:
    """The venue's network drops after the first scene: every scene still shows, drawn, with no error."""
    page = Browser.attach(dashboard)
    page.open("/?present=1&scene=1")
    check_scene(page, store, 1)
    wait(
        lambda: (
            page.driver.execute_script("return document.body.getAttribute('data-scenes-cached')")
            == str(len(store.scenes))
        )
    )
    wait(
        lambda: page.driver.execute_script(
            "return performance.getEntriesByType('resource').some(e => e.name.includes('/geo/boundaries') && e.responseEnd > 0)"
        )
    )
    page.driver.execute_cdp_cmd("Network.enable", {})
    page.driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
    )
    try:
        no_reload_marker(page)
        for number in range(2, len(store.scenes) + 1):
            page.press(Keys.PAGE_DOWN)
            check_scene(page, store, number)
            if store.scenes[number - 1].tab == "map":
                paths = page.driver.execute_script(
                    "return document.querySelectorAll('#stage-map path.choroplethlocation').length"
                )
                assert paths >= len(store.polygon_ids), f"scene {number}: {paths} paths drawn offline"
        page.press(Keys.HOME)
        check_scene(page, store, 1)
        assert never_reloaded(page)
        assert not page.driver.find_elements(By.CSS_SELECTOR, ".dash-fe-error__title, .dash-debug-menu__error")
    finally:
        page.driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )


SIZES = """const out = {};
    ['stage-map', 'stage-ranking', 'stage-chart'].forEach(id => {
        const gd = document.querySelector('#' + id + ' .js-plotly-plot'), layout = gd._fullLayout;
        out[id] = [layout.width, layout.height, gd.clientWidth, gd.clientHeight];
    });
    return out;"""
FITS = """return ['stage-map', 'stage-ranking', 'stage-chart'].map(id => {
    const gd = document.querySelector('#' + id + ' .js-plotly-plot');
    if (!gd || !gd.clientWidth || getComputedStyle(gd).visibility === 'hidden') return null;  // not in this scene
    const layout = gd._fullLayout;
    return Math.abs(layout.width - gd.clientWidth) <= 1 && Math.abs(layout.height - gd.clientHeight) <= 1;
}).filter(fit => fit !== null)"""


def test_a_step_redraws_only_what_it_shows_and_graphs_fit_after_a_resize(dashboard, store) -> None:
    """No stage graph is redrawn to the size it already has (dcc.Graph asks after every container change,
    hidden graphs included); a graph drawn ahead for its scene is redrawn only if its card's size changed;
    the Sources panel is built before its scene; a card that changes size still has its graph redrawn.
    At exactly 1920x1080 (the size the server assumes) the scene cache still arrives."""
    page = Browser.attach(dashboard, 1920, 1080)
    page.open("/?present=1&scene=1")
    check_scene(page, store, 1)
    total = str(len(store.scenes))
    cached = "return document.body.getAttribute('data-scenes-cached')"
    wait(lambda: page.driver.execute_script(cached) == total, about=lambda: str(page.driver.execute_script(cached)))
    wait(lambda: len(page.driver.find_element(By.ID, "stage-panel").get_attribute("textContent")) > 200)
    assert not page.driver.find_element(By.ID, "stage-panel").is_displayed()  # built while scene 1 shows
    page.driver.execute_script(
        """window.__resized = [];
        ['stage-map', 'stage-ranking', 'stage-chart'].forEach(id => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            gd.on('plotly_relayout', change => { if (change && change.autosize) window.__resized.push(id); });
        });"""
    )
    for number in range(2, len(store.scenes) + 1):
        drawn_at = page.driver.execute_script(SIZES)
        page.press(Keys.PAGE_DOWN)
        check_scene(page, store, number)
        page.settle()
        assert all(page.driver.execute_script(FITS)), f"scene {number}: a graph not at its card's size"
        cards = page.driver.execute_script(SIZES)
        resized = page.driver.execute_script("const r = window.__resized; window.__resized = []; return r")
        assert len(resized) == len(set(resized)), f"scene {number}: a graph redrawn twice: {resized}"
        for graph in resized:  # a redraw to fit is for a card whose size changed, never for one that did not
            drawn, card = drawn_at[graph], cards[graph]
            assert abs(drawn[0] - card[2]) > 1 or abs(drawn[1] - card[3]) > 1, f"scene {number}: {graph} {drawn} {card}"
    page.press(Keys.HOME)
    check_scene(page, store, 1)
    page.press(Keys.PAGE_DOWN)
    check_scene(page, store, 2)
    # the stage's cards change size without a window resize (a longer note): the graphs are redrawn to fit
    page.settle()
    page.driver.execute_script("window.__resized = []; document.getElementById('scene-note').style.minHeight = '12em'")
    wait(lambda: all(page.driver.execute_script(FITS) or [False]), about=lambda: str(page.driver.execute_script(FITS)))
    assert set(page.driver.execute_script("return window.__resized")) == {"stage-map", "stage-ranking"}
    # the map's card changes size while a chart scene shows (it is invisible then): fitted when it shows
    page.press(Keys.PAGE_DOWN)
    check_scene(page, store, 3)
    page.settle()
    page.driver.execute_script("document.getElementById('stage').style.maxHeight = '420px'")
    page.settle()
    page.press(Keys.PAGE_UP)
    check_scene(page, store, 2)
    wait(lambda: all(page.driver.execute_script(FITS) or [False]), about=lambda: str(page.driver.execute_script(SIZES)))
