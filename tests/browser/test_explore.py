"""Exploring the dashboard in headless Chromium: the first view, indicators, the map, the URL, junk input,
the language switch, the spotlight and type-to-search. Each test starts a fresh page (dash_duo)."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from dashboard.figures.map import BASE, MARKS, POINTS, VALUES

from .pages import Browser, wait

DEFAULT_TITLE = "Households with a member working abroad, 2024"


def choose(page: Browser, selector: str, label: str) -> None:
    """Pick the dropdown option whose first line of text is ``label`` (options carry badges)."""
    page.click(selector)
    menu = page.driver.find_element(By.CSS_SELECTOR, ".dash-dropdown-options")
    for option in menu.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option"):
        if option.text.split("\n")[0] == label:
            page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", option)
            option.click()
            return
    raise AssertionError(f"no option {label!r} in {selector}")


def paths_by_trace(page: Browser, graph: str = "map") -> dict[int, list[str]]:
    """Trace index -> unit ids of the SVG paths plotly drew for it."""
    found = page.driver.execute_script(
        """
        const out = {};
        document.querySelectorAll('#' + arguments[0] + ' path.choroplethlocation').forEach(p => {
            const trace = p.parentNode.__data__ && p.parentNode.__data__[0] && p.parentNode.__data__[0].trace;
            const key = trace ? String(trace.index) : '?';
            (out[key] = out[key] || []).push(p.__data__.loc); });
        return out;""",
        graph,
    )
    return {int(k): v for k, v in found.items() if k != "?"}


def fills(page: Browser) -> dict[str, str]:
    """Unit id -> fill colour of the values trace, read from plotly's own data on each SVG path."""
    return page.driver.execute_script(
        """
        const out = {};
        document.querySelectorAll('#map path.choroplethlocation').forEach(p => {
            const trace = p.parentNode.__data__[0].trace;
            if (trace.index === arguments[0] && p.__data__.z !== undefined) out[p.__data__.loc] = getComputedStyle(p).fill; });
        return out;""",
        VALUES,
    )


def title(page: Browser, graph: str = "map") -> str:
    return page.driver.execute_script(
        "const t = document.querySelector('#' + arguments[0] + ' .gtitle'); return t ? t.textContent : ''", graph
    )


def update_responses(page: Browser) -> list[dict]:
    """Callback requests since the last call: url, encoded bytes (Chrome's network log)."""
    requests, sizes = {}, {}
    for entry in page.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message["params"]
        if message["method"] == "Network.requestWillBeSent" and "_dash-update-component" in params["request"]["url"]:
            requests[params["requestId"]] = params["request"].get("postData", "")
        elif message["method"] == "Network.loadingFinished":
            sizes[params["requestId"]] = params["encodedDataLength"]
    return [{"body": body, "bytes": sizes.get(key, 0)} for key, body in requests.items()]


def drawn(page: Browser, store) -> bool:
    traces = paths_by_trace(page)
    return sorted(traces.get(BASE, [])) == sorted(store.polygon_ids)


def test_first_view_is_drawn_by_the_server_and_labelled(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    wait(lambda: drawn(page, store), about=lambda: paths_by_trace(page))
    page.settle()
    assert DEFAULT_TITLE in title(page)
    assert len(set(fills(page).values())) > 5  # really coloured, not one flat fill
    points = page.driver.find_elements(By.CSS_SELECTOR, "#map .scattergeo .point")
    assert len(points) == len(store.boundaries.points) == 1  # Bokhtar city
    text = page.driver.find_element(By.ID, "map").text
    assert "Illustrative data — not official statistics" in text
    assert "OpenStreetMap contributors" in text
    # the page arrived with its figures, drawn for this window: no callback at all after loading
    assert update_responses(page) == []


def test_an_indicator_change_recolours_the_map_with_a_small_update(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    wait(lambda: drawn(page, store))
    page.settle()
    update_responses(page)  # forget the page load
    before = fills(page)
    choose(page, "#indicator", "Coverage: medical care")
    wait(lambda: "Coverage: medical care" in title(page), about=lambda: title(page))
    wait(lambda: fills(page) != before and len(fills(page)) == len(before))
    page.settle()
    after = fills(page)
    assert sum(after[d] != before[d] for d in after) > 10
    assert "indicator=coverage_medical_pct" in page.driver.current_url
    assert drawn(page, store)  # the geometry stayed; only values changed
    responses = update_responses(page)
    assert 1 <= len(responses) <= 2, responses
    assert sum(r["bytes"] for r in responses) < 12_000, [r["bytes"] for r in responses]


def test_clicking_a_district_selects_it_everywhere_and_clicking_again_clears_it(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    wait(lambda: drawn(page, store))
    page.settle()

    def path(unit: str):
        return page.driver.execute_script(
            """return [...document.querySelectorAll('#map path.choroplethlocation')]
                .find(p => p.parentNode.__data__[0].trace.index === arguments[1] && p.__data__.loc === arguments[0]);""",
            unit,
            VALUES,
        )

    ActionChains(page.driver).move_to_element(path("dusti")).click().perform()
    wait(lambda: "Dusti" in page.driver.find_element(By.ID, "district").text)
    wait(lambda: "district=dusti" in page.driver.current_url)
    wait(lambda: title(page, "profile").startswith("Dusti"), about=lambda: title(page, "profile"))
    wait(lambda: paths_by_trace(page).get(MARKS) == ["dusti"], about=lambda: paths_by_trace(page))
    page.settle()
    ActionChains(page.driver).move_to_element(path("dusti")).click().perform()
    wait(lambda: "district=" not in page.driver.current_url, about=lambda: page.driver.current_url)
    wait(lambda: not paths_by_trace(page).get(MARKS), about=lambda: paths_by_trace(page))


def test_a_url_reproduces_the_view_and_back_restores_it(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_education_pct&year=2021&district=kulob")
    wait(lambda: "Coverage: education, 2021" in title(page), about=lambda: title(page))
    assert "Kulob" in page.driver.find_element(By.ID, "district").text
    assert "Coverage: education" in page.driver.find_element(By.ID, "indicator").text
    assert "2021" in title(page, "ranking")
    choose(page, "#indicator", "Returned migrants")
    wait(lambda: "Returned migrants" in title(page))
    assert "indicator=returned_migrants_per_1000" in page.driver.current_url
    page.driver.back()
    wait(lambda: "Coverage: education, 2021" in title(page), about=lambda: title(page))
    wait(lambda: "Coverage: education" in page.driver.find_element(By.ID, "indicator").text)


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)], ids=["laptop", "phone"])
def test_junk_in_the_url_falls_back_to_defaults_with_a_notice(dashboard, store, width, height) -> None:
    page = Browser.attach(dashboard, width, height)
    page.open("/?indicator=%3Cscript%3Ealert(1)%3C/script%3E&year=9999&district=atlantis&tab=x&lang=xx")
    wait(lambda: drawn(page, store))
    page.settle()  # the cleaned URL written back and (on a phone) the window size reported: the notice stays
    assert DEFAULT_TITLE.replace(" ", "") in title(page).replace(" ", "")  # a phone's title wraps
    notice = page.driver.find_element(By.ID, "notice")
    assert notice.is_displayed()
    words = notice.text
    assert "indicator" in words and "atlantis" in words.lower() or "district" in words, words
    assert "<script>alert(1)" not in page.driver.page_source  # the junk is shown as text, if at all
    page.click("#notice-close")
    wait(lambda: not page.driver.find_element(By.ID, "notice").is_displayed())
    assert not page.driver.execute_script("return window.__xss"), "a script from the URL ran"


def test_the_language_switch_keeps_the_view_and_never_reloads(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_medical_pct&year=2022&district=kulob&tab=chart&chart=trend")
    wait(lambda: title(page, "chart") != "")
    page.driver.execute_script("window.__noReload = 42")
    page.driver.find_element(By.XPATH, "//*[@id='language']//label[normalize-space()='Русский']").click()
    wait(lambda: page.driver.execute_script("return document.documentElement.lang") == "ru")
    wait(lambda: "lang=ru" in page.driver.current_url, about=lambda: page.driver.current_url)
    page.settle()
    url = page.driver.current_url
    for kept in ("indicator=coverage_medical_pct", "year=2022", "district=kulob", "tab=chart", "chart=trend"):
        assert kept in url, url
    wait(lambda: "Куляб" in title(page, "chart"), about=lambda: title(page, "chart"))
    assert "Куляб" in page.driver.find_element(By.ID, "district").text
    assert page.driver.execute_script("return window.__noReload") == 42
    page.driver.find_element(By.XPATH, "//*[@id='language']//label[normalize-space()='Тоҷикӣ']").click()
    wait(lambda: page.driver.execute_script("return document.documentElement.lang") == "tg")
    wait(lambda: "Кӯлоб" in title(page, "chart"), about=lambda: title(page, "chart"))
    page.driver.back()  # Back steps through languages too
    wait(lambda: page.driver.execute_script("return document.documentElement.lang") == "ru")


def test_the_spotlight_dims_the_other_districts_toward_the_light_end(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=coverage_psychosocial_pct&district=dusti")
    wait(lambda: paths_by_trace(page).get(MARKS) == ["dusti"])

    def opacities() -> dict[str, float]:
        return page.driver.execute_script(
            """const out = {};
            document.querySelectorAll('#map path.choroplethlocation').forEach(p => {
                if (p.parentNode.__data__[0].trace.index === arguments[0])
                    out[p.__data__.loc] = parseFloat(getComputedStyle(p).opacity); });
            return out;""",
            VALUES,
        )

    assert min(opacities().values()) == 1
    page.click("#spotlight label")
    wait(lambda: "spotlight=1" in page.driver.current_url)
    wait(
        lambda: opacities().get("dusti") == 1 and max(v for k, v in opacities().items() if k != "dusti") < 0.5,
        about=lambda: opacities(),
    )
    page.click("#spotlight label")
    wait(lambda: min(opacities().values()) == 1 and "spotlight" not in page.driver.current_url, about=opacities)


def test_typing_on_a_closed_dropdown_searches_it(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    wait(lambda: drawn(page, store))
    page.driver.execute_script("document.getElementById('district').focus()")  # as Tab would
    ActionChains(page.driver).send_keys("k").perform()  # the first letter opens the menu and searches
    wait(lambda: page.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-options"))
    box = page.driver.find_element(By.CSS_SELECTOR, ".dash-dropdown-search, .dash-dropdown-content input")
    wait(lambda: box.get_attribute("value") == "k", about=lambda: box.get_attribute("value"))
    # the next letters once the menu is open (on a loaded machine Dash's dropdown can drop a key
    # typed while its menu is still opening: the fresh-clone run once read "kl")
    ActionChains(page.driver).send_keys("ul").perform()
    wait(lambda: box.get_attribute("value") == "kul", about=lambda: box.get_attribute("value"))
    options = [o.text for o in page.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")]
    assert "Kulob (city)" in options and len(options) <= 3, options  # Dusti was Jilikul: found by its old name
    assert "present" not in page.driver.current_url  # "p" and friends typed here are not presenter keys


def test_the_points_trace_is_coloured_with_the_map_scale(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    wait(lambda: drawn(page, store))
    colour = page.driver.execute_script(
        "const p = document.querySelector('#map .scattergeo .point'); return p ? getComputedStyle(p).fill : ''"
    )
    assert colour.startswith("rgb") and colour not in ("rgb(0, 0, 0)", "rgb(255, 255, 255)")
    assert POINTS == 3
