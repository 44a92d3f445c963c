"""The coverage-gap map, change over time and districts compared on the trend, in headless Chromium:
each URL parameter (``tab=gap&need=&service=``, ``mode=change&from=``, ``districts=``), the controls
that set them, and a ``gap`` presenter scene. Console errors and requests to other hosts fail a test."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.figures.bivariate import PALETTE

from .pages import Browser, wait
from .test_explore import choose, drawn, paths_by_trace, title


def figure(page: Browser, graph: str) -> dict:
    """The figure plotly drew in ``graph``: its traces' names, z and titles (from plotly's own data)."""
    return page.driver.execute_script(
        """const g = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
           if (!g || !g.data) return null;
           return {data: g.data.map(t => ({type: t.type, name: t.name, z: t.z, locations: t.locations,
                                          showlegend: t.showlegend, mode: t.mode, y: t.y})),
                   title: (g.layout.title || {}).text || ''};""",
        graph,
    )


def gap_fills(page: Browser, graph: str = "gap-map") -> dict[str, str]:
    """Unit id -> fill of the coloured polygons of the gap map (hex, as plotly's colorscale gives it)."""
    return page.driver.execute_script(
        """const out = {};
           document.querySelectorAll('#' + arguments[0] + ' path.choroplethlocation').forEach(p => {
             const rgb = getComputedStyle(p).fill.match(/\\d+/g);
             if (rgb && p.__data__.z !== undefined && p.parentNode.__data__[0].trace.index === 1)
               out[p.__data__.loc] = '#' + rgb.slice(0, 3).map(n => (+n).toString(16).padStart(2, '0')).join('');
           });
           return out;""",
        graph,
    )


def test_the_gap_tab_draws_need_against_a_service_and_its_picker_changes_the_service(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?tab=gap&need=children_parent_abroad_pct&service=coverage_psychosocial_pct&year=2024")
    wait(lambda: len(gap_fills(page)) >= 20, about=lambda: gap_fills(page))
    fills = gap_fills(page)
    assert set(fills.values()) <= {c.lower() for c in PALETTE}  # every district in a cell of the 3x3 palette
    assert len(set(fills.values())) >= 5  # the classes really vary
    assert "Children with one or both parents abroad" in title(page, "gap-map")
    assert "psychosocial" in title(page, "gap-map").lower()
    text = page.driver.find_element(By.ID, "gap-map").text
    assert "High need, low coverage" in text
    assert "Illustrative data — not official statistics" in text
    before = dict(fills)
    choose(page, "#gap-service", "Coverage: medical care")
    wait(lambda: "service=coverage_medical_pct" in page.driver.current_url, about=lambda: page.driver.current_url)
    wait(lambda: "medical" in title(page, "gap-map").lower(), about=lambda: title(page, "gap-map"))
    wait(lambda: gap_fills(page) != before)
    assert "need=children_parent_abroad_pct" in page.driver.current_url


def test_a_junk_need_falls_back_with_a_notice(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?tab=gap&need=coverage_medical_pct")
    wait(lambda: len(gap_fills(page)) >= 20)
    assert "coverage_medical_pct" in page.text("notice-text")
    assert not page.driver.find_element(By.ID, "notice").get_attribute("hidden")
    assert "need=children_parent_abroad_pct" in page.driver.current_url


def test_change_mode_from_the_url_and_back_to_the_value_with_the_show_picker(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?indicator=hh_member_abroad_pct&mode=change&from=2019&year=2024")
    wait(lambda: drawn(page, store))
    wait(lambda: "Change" in title(page), about=lambda: title(page))
    assert "2019" in title(page) and "2024" in title(page)
    assert "Change" in title(page, "ranking")
    assert "Change since 2019" in page.driver.find_element(By.ID, "show").text
    shown = figure(page, "map")
    expected = [
        round(
            store.observation("hh_member_abroad_pct", d, 2024).value
            - store.observation("hh_member_abroad_pct", d, 2019).value,
            6,
        )
        for d in store.polygon_ids
    ]
    assert [round(v, 6) for v in shown["data"][1]["z"]] == expected  # the map shows the differences
    choose(page, "#show", "Value in 2024")
    wait(lambda: "mode=" not in page.driver.current_url, about=lambda: page.driver.current_url)
    wait(lambda: title(page).startswith("Households with a member working abroad, 2024"), about=lambda: title(page))
    assert paths_by_trace(page)  # the map is still drawn


def test_five_districts_on_the_trend_from_the_url_and_one_added_with_the_picker(dashboard, store) -> None:
    page = Browser.attach(dashboard)
    page.open("/?tab=chart&chart=trend&indicator=children_parent_abroad_pct&districts=dusti,Kulyab,panj,vose,farkhor")
    wait(lambda: figure(page, "chart") and "Districts compared" in figure(page, "chart")["title"])
    legend = [t["name"] for t in figure(page, "chart")["data"] if t["showlegend"]]
    assert legend[0] == "Khatlon" and len(legend) == 6, legend
    assert "districts=dusti,kulob,panj,vose,farkhor" in page.driver.current_url
    assert page.driver.find_element(By.ID, "trend-districts-box").is_displayed()
    page.open("/?tab=chart&chart=trend&indicator=children_parent_abroad_pct")
    page.click("#trend-districts")
    search = page.driver.switch_to.active_element
    search.send_keys("Vose")
    wait(lambda: page.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option"))
    search.send_keys(Keys.ENTER)
    wait(lambda: "districts=vose" in page.driver.current_url, about=lambda: page.driver.current_url)
    wait(lambda: "Districts compared" in figure(page, "chart")["title"])
    page.open("/?tab=chart&chart=ranking")
    assert not page.driver.find_element(By.ID, "trend-districts-box").is_displayed()


def test_a_gap_scene_in_presenter_mode(dashboard, store) -> None:
    number = next(s.number for s in store.scenes if s.tab == "gap")
    page = Browser.attach(dashboard, 1920, 1080)
    page.open(f"/?present=1&scene={number}")
    wait(lambda: "stage-chart" in page.driver.find_element(By.ID, "stage").get_attribute("class"))
    wait(lambda: len(gap_fills(page, "stage-chart")) >= 20, about=lambda: gap_fills(page, "stage-chart"))
    assert page.driver.find_element(By.ID, "data-status").is_displayed()
    assert page.text("scene-title") == store.scenes[number - 1].title("en")
    page.press(Keys.PAGE_UP)  # the scene before, and back, from the scene cache
    wait(lambda: f"scene={number - 1}" in page.driver.current_url)
    page.press(Keys.PAGE_DOWN)
    wait(lambda: f"scene={number}" in page.driver.current_url)
    wait(lambda: len(gap_fills(page, "stage-chart")) >= 20)
    assert page.layout_problems() == []
