"""Real-browser tests: headless Debian Chromium, console errors and foreign requests fail a test."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from selenium.webdriver.chrome.options import Options

from dashboard.app import create_app
from dashboard.settings import Settings
from tools.chromium import chromium_options

from ..conftest import BUNDLED


class LoggingOptions(Options):
    """Chrome options whose logging preferences dash_duo cannot narrow.

    dash.testing sets ``goog:loggingPrefs`` to ``{"browser": "SEVERE"}`` after our hook runs; we also
    need Chrome's network ("performance") log to see every request the page makes.
    """

    def set_capability(self, name, value) -> None:
        if name == "goog:loggingPrefs":
            value = {"browser": "ALL", "performance": "ALL"}
        super().set_capability(name, value)


def pytest_setup_options() -> Options:
    """Options for dash_duo's Chrome: Debian's chromium, headless, no background traffic, logs on."""
    return chromium_options(1366, 900, LoggingOptions())


def foreign_requests(driver, host: str) -> list[str]:
    """Every URL the page requested from a host other than the server's (from Chrome's network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("data:", "blob:")) and urlparse(url).netloc != host:
                urls.append(url)
    return urls


@pytest.fixture
def dashboard(dash_duo, store):
    """The app served by dash_duo; after the test: no console error, no request to another host."""
    app = create_app(Settings(data_dir=BUNDLED, secret_key="browser-tests"), store=store)
    dash_duo.start_server(app)
    yield dash_duo
    host = urlparse(dash_duo.server_url).netloc
    assert foreign_requests(dash_duo.driver, host) == []
    errors = [entry for entry in dash_duo.driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
