"""The dashboard in headless Chromium: the map, recolouring, map clicks, URL state, back button."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15


def wait(duo, condition, timeout: float = TIMEOUT):
    return WebDriverWait(duo.driver, timeout).until(lambda driver: condition())


def choose(duo, selector: str, label: str) -> None:
    """Pick the dropdown option whose first line of text is ``label`` (options carry badges)."""
    duo.find_element(selector).click()
    menu = duo.find_element(".dash-dropdown-options")
    for option in menu.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option"):
        if option.text.split("\n")[0] == label:
            duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", option)
            option.click()
            return
    raise AssertionError(f"no option {label!r} in {selector}")


def paths_by_trace(duo) -> dict[str, list[str]]:
    """Map trace index -> district ids of the SVG paths plotly drew for it."""
    return duo.driver.execute_script("""
        const out = {};
        document.querySelectorAll('#map path.choroplethlocation').forEach(p => {
            const trace = p.parentNode.__data__ && p.parentNode.__data__[0] && p.parentNode.__data__[0].trace;
            const key = trace ? String(trace.index) : '?';
            (out[key] = out[key] || []).push(p.__data__.loc); });
        return out;""")


def district_paths(duo) -> list[str]:
    """District ids drawn by the value, no-data and spotlight traces: each of the 24 exactly once."""
    traces = paths_by_trace(duo)
    return traces.get("0", []) + traces.get("1", []) + traces.get("3", [])


def fills(duo) -> dict[str, str]:
    """District id -> fill colour, read from plotly's own data on each SVG path."""
    return duo.driver.execute_script("""
        const out = {};
        document.querySelectorAll('#map path.choroplethlocation').forEach(p => {
            const d = p.__data__; if (d && d.loc && d.z !== undefined) out[d.loc] = getComputedStyle(p).fill; });
        return out;""")


def map_title(duo) -> str:
    return duo.driver.execute_script("const t = document.querySelector('#map .gtitle'); return t ? t.textContent : ''")


def path_of(duo, district_id: str):
    return duo.driver.execute_script(
        """
        return [...document.querySelectorAll('#map .choroplethlayer .trace:first-child path.choroplethlocation')]
            .find(p => p.__data__ && p.__data__.loc === arguments[0]);""",
        district_id,
    )


def test_map_draws_24_districts_and_the_bokhtar_marker(dashboard, store) -> None:
    wait(dashboard, lambda: len(district_paths(dashboard)) == 24)
    assert sorted(district_paths(dashboard)) == sorted(store.boundaries.polygons["district_id"])
    markers = dashboard.driver.find_elements(By.CSS_SELECTOR, "#map .frontplot .scattergeo path.point")
    assert len(markers) == 1
    assert "Households with a member working abroad, 2024" in map_title(dashboard)
    assert len(set(fills(dashboard).values())) > 5  # really coloured, not one flat fill
    text = dashboard.driver.find_element(By.CSS_SELECTOR, "#map").text
    assert "Illustrative data — not official statistics" in text
    assert "OpenStreetMap contributors" in text


def test_picking_an_indicator_recolours_the_map(dashboard) -> None:
    wait(dashboard, lambda: len(district_paths(dashboard)) == 24)
    before = fills(dashboard)
    choose(dashboard, "#indicator", "Coverage: medical care")
    wait(dashboard, lambda: "Coverage: medical care" in map_title(dashboard))
    wait(dashboard, lambda: fills(dashboard) != before and len(fills(dashboard)) == 24)
    after = fills(dashboard)
    assert sum(after[d] != before[d] for d in after) > 10
    assert "indicator=coverage_medical_pct" in dashboard.driver.current_url
    assert len(district_paths(dashboard)) == 24


def test_population_map_shows_no_data_districts_in_grey(dashboard) -> None:
    choose(dashboard, "#indicator", "Population (1 January 2020)")
    wait(dashboard, lambda: "Population" in map_title(dashboard))
    wait(dashboard, lambda: len(district_paths(dashboard)) == 24)
    assert len(paths_by_trace(dashboard)["1"]) == 8
    greys = dashboard.driver.execute_script("""
        return [...document.querySelectorAll('#map path.choroplethlocation')]
            .filter(p => p.parentNode.__data__[0].trace.index === 1).map(p => getComputedStyle(p).fill);""")
    assert len(greys) == 8 and set(greys) == {"rgb(189, 189, 189)"}
    assert "Illustrative data" not in dashboard.driver.find_element(By.CSS_SELECTOR, "#map").text


def test_clicking_a_district_selects_it_everywhere(dashboard) -> None:
    wait(dashboard, lambda: path_of(dashboard, "dusti") is not None)
    ActionChains(dashboard.driver).move_to_element(path_of(dashboard, "dusti")).click().perform()
    wait(dashboard, lambda: "Dusti" in dashboard.find_element("#district").text)
    wait(dashboard, lambda: "district=dusti" in dashboard.driver.current_url)
    profile = lambda: dashboard.driver.execute_script(  # noqa: E731
        "const t = document.querySelector('#profile .gtitle'); return t ? t.textContent : ''"
    )
    wait(dashboard, lambda: profile().startswith("Dusti: profile"))
    wait(dashboard, lambda: paths_by_trace(dashboard).get("4") == ["dusti"])  # the outline trace


def test_a_url_reproduces_the_view_and_back_restores_it(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=coverage_education_pct&year=2021&district=kulob")
    wait(dashboard, lambda: "Coverage: education, 2021" in map_title(dashboard))
    assert "Kulob" in dashboard.find_element("#district").text
    assert "Coverage: education" in dashboard.find_element("#indicator").text
    ranking = dashboard.driver.execute_script("return document.querySelector('#ranking .gtitle').textContent")
    assert "2021" in ranking
    choose(dashboard, "#indicator", "Returned migrants")
    wait(dashboard, lambda: "Returned migrants" in map_title(dashboard))
    assert "indicator=returned_migrants_per_1000" in dashboard.driver.current_url
    dashboard.driver.back()
    wait(dashboard, lambda: "Coverage: education, 2021" in map_title(dashboard))


def test_junk_in_the_url_falls_back_quietly(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?indicator=%3Cscript%3E&year=9999&district=atlantis&tab=x")
    wait(dashboard, lambda: len(district_paths(dashboard)) == 24)
    assert "Households with a member working abroad, 2024" in map_title(dashboard)


def test_chart_tab_shows_the_services_panel(dashboard) -> None:
    dashboard.driver.get(dashboard.server_url + "/?tab=chart&chart=services&district=dusti")
    wait(dashboard, lambda: dashboard.driver.find_elements(By.CSS_SELECTOR, "#chart .heatmaplayer image, #chart .hm"))
    title = dashboard.driver.execute_script("return document.querySelector('#chart .gtitle').textContent")
    assert title.startswith("Service coverage for migrant-sending families")
