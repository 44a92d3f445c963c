"""Headless Debian Chromium as used by the tests, screenshots and benchmarks (one set of flags)."""

from __future__ import annotations

from selenium import webdriver
from selenium.webdriver.chrome.options import Options

CHROMIUM = "/usr/bin/chromium"
# Headless, and quiet: without the background-networking flags Chromium tries to reach Google's hosts.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--hide-scrollbars",
)


def chromium_options(width: int = 1366, height: int = 768, options: Options | None = None) -> Options:
    """Options with the flags above, every browser and network log kept."""
    options = options or Options()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return options


def chromium(width: int = 1366, height: int = 768) -> webdriver.Chrome:
    return webdriver.Chrome(options=chromium_options(width, height))
