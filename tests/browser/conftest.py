"""Real-browser tests: headless Debian Chromium; console errors and requests to other hosts fail a test.

Two ways to get a browser:

* ``dashboard``: dash_duo's server and browser for one test (a fresh page each time);
* ``live_server`` + ``browser_at(width, height)``: one server for the session and one browser per
  window size, reused across many views (the layout checks visit hundreds of views).
"""

from __future__ import annotations

import json
import threading
from urllib.parse import urlparse

import pytest
from selenium.webdriver.chrome.options import Options
from werkzeug.serving import make_server

from dashboard.app import create_app
from dashboard.settings import Settings
from tools.chromium import chromium_options

from ..conftest import BUNDLED

pytestmark = pytest.mark.browser


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


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def network_log(driver) -> list[dict]:
    """Chrome's network events since the last call (requests and responses)."""
    return [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]


def foreign_requests(events: list[dict], host: str) -> list[str]:
    """Every URL the page requested from a host other than the server's."""
    urls = []
    for message in events:
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("data:", "blob:")) and urlparse(url).netloc != host:
                urls.append(url)
    return urls


def severe_console(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.fixture
def dashboard(dash_duo, store):
    """The app served by dash_duo; after the test: no console error, no request to another host."""
    app = create_app(Settings(data_dir=BUNDLED, secret_key="browser-tests"), store=store)
    dash_duo.start_server(app)
    yield dash_duo
    host = urlparse(dash_duo.server_url).netloc
    assert foreign_requests(network_log(dash_duo.driver), host) == []
    assert severe_console(dash_duo.driver) == []


class LiveServer:
    """The app on a free port in a background thread (one for the whole session)."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app.server, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="session")
def live_server(store):
    app = create_app(Settings(data_dir=BUNDLED, secret_key="browser-tests"), store=store)
    server = LiveServer(app)
    yield server
    server.stop()
