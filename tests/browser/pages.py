"""Helpers for driving the dashboard in Chromium: a browser per window size, waiting, reading the page."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from tools.chromium import chromium_options

from .conftest import foreign_requests, network_log, severe_console

LAYOUT_CHECKS = Path(__file__).with_name("layout_checks.js").read_text(encoding="utf-8").split("*/", 1)[1].strip()
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Words that stay as they are in Russian and Tajik: acronyms, proper names, key names, the language switch.
ALLOWED_LATIN = {
    "English", "WDI", "CSV", "ODbL", "OpenStreetMap", "geoBoundaries", "Runfola", "et", "al", "gbOpen", "TJK",
    "ADM", "CC", "BY", "SA", "CC0", "GitHub", "PNG", "SVG", "PageDown", "PageUp", "Home", "End", "Esc", "US",
    "Listening", "to", "Tajikistan", "IOM", "UNICEF", "OSM", "mirror", "Backspace", "Open", "Database",
    "License", "DemographicMap", "advaitsridhar", "ZIP", "Excel", "PDF", "PPTX",
}  # fmt: skip


class Browser:
    """One headless Chromium with a fixed window (CSS pixels), reused for many pages."""

    def __init__(self, base: str, width: int, height: int, driver: webdriver.Chrome | None = None) -> None:
        self.base, self.width, self.height = base, width, height
        self.driver = driver or webdriver.Chrome(options=chromium_options(width, height))
        self.resize(width, height)
        self.driver.set_script_timeout(20)

    @classmethod
    def attach(cls, duo, width: int = 1366, height: int = 900) -> Browser:
        """Drive dash_duo's browser (its server, its logs) with these helpers."""
        return cls(duo.server_url, width, height, driver=duo.driver)

    def resize(self, width: int, height: int) -> None:
        """An exact viewport of ``width`` x ``height`` CSS pixels (a window of that size has a smaller one)."""
        self.width, self.height = width, height
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
        )

    def open(self, query: str = "/") -> None:
        self.driver.get(self.base + query)
        self.wait_ready()

    def go(self, query: str) -> None:
        """Change the URL inside the page (as a link or the keyboard script does): no reload."""
        self.driver.execute_script(
            "window.history.pushState({}, '', window.location.pathname + arguments[0]);"
            "window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));",
            query,
        )
        self.settle()

    def wait_ready(self, timeout: float = 20) -> None:
        wait(
            lambda: self.driver.execute_script("return !!document.querySelector('#app-root .tabs, #app-root .stage')"),
            timeout,
        )
        self.settle()

    def settle(self, quiet: float = 0.35, timeout: float = 15) -> None:
        """Wait until no callback is pending and plotly has drawn (Dash marks the page while loading)."""
        time.sleep(0.15)
        end = time.time() + timeout
        calm_since = None
        while time.time() < end:
            busy = self.driver.execute_script(
                "return !!document.querySelector('[data-dash-is-loading=\"true\"]') || (window.__dashBusy || 0) > 0"
            )
            if busy:
                calm_since = None
            elif calm_since is None:
                calm_since = time.time()
            elif time.time() - calm_since >= quiet:
                return
            time.sleep(0.05)

    def press(self, key: str) -> None:
        ActionChains(self.driver).send_keys(key).perform()

    def click(self, selector: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def text(self, element_id: str) -> str:
        return self.driver.execute_script(
            "const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", element_id
        )

    def layout_problems(self) -> list[str]:
        return self.driver.execute_script("return " + LAYOUT_CHECKS)

    def latin_words(self) -> list[str]:
        """Latin-script words in the visible text and figures (elements marked lang="en" excepted)."""
        text = self.driver.execute_script(
            """
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const words = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!parent || parent.closest('[lang]:not(html)') || parent.closest('script, style, .hoverlayer')) continue;
              if (!parent.getClientRects().length) continue;
              const style = getComputedStyle(parent);
              if (style.visibility === 'hidden' || style.display === 'none') continue;
              if (parent.closest('[hidden]')) continue;
              words.push(node.textContent);
            }
            return words.join(' ');
            """
        )
        tokens = [t for t in text.split() if "/" not in t and "." not in t.strip(".,;:()")]  # paths, URLs, codes
        return sorted({w for w in LATIN_WORD.findall(" ".join(tokens)) if w not in ALLOWED_LATIN})

    def problems_in_logs(self) -> list[str]:
        host = urlparse(self.base).netloc
        found = [f"request to another host: {u}" for u in foreign_requests(network_log(self.driver), host)]
        return found + [f"console: {e['message'][:200]}" for e in severe_console(self.driver)]

    def quit(self) -> None:
        self.driver.quit()


def wait(condition: Callable[[], object], timeout: float = 15, interval: float = 0.1, about: Callable[[], str] = str):
    """Poll ``condition`` until it is truthy; fail with a clear message after ``timeout`` seconds."""
    end = time.time() + timeout
    while True:
        try:
            value = condition()
        except Exception:  # noqa: BLE001 - the page may be between renders
            value = None
        if value:
            return value
        if time.time() > end:
            raise AssertionError(f"timed out after {timeout} s: {about()}")
        time.sleep(interval)
