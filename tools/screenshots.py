"""Take screenshots of the running dashboard in headless Chromium (laptop and projector sizes).

    python tools/screenshots.py http://127.0.0.1:8050 screenshots/ [QUERY ...]

Prints the browser console errors and any request to another host, so a screenshot run is also
a quick offline check.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chromium import chromium  # noqa: E402

SIZES = {"laptop": (1366, 768), "projector": (1920, 1080)}


def browser(width: int, height: int) -> webdriver.Chrome:
    return chromium(width, height)


def shoot(base: str, out: Path, query: str, name: str, size: str, full_page: bool = False) -> list[str]:
    width, height = SIZES[size]
    driver = browser(width, height)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    problems = []
    try:
        driver.get(base + query)
        time.sleep(4)
        if full_page:
            total = driver.execute_script("return document.documentElement.scrollHeight")
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": total, "deviceScaleFactor": 1, "mobile": False},
            )
            time.sleep(1.5)
        out.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out / f"{name}-{size}.png"))
        host = urlparse(base).netloc
        for entry in driver.get_log("browser"):
            if entry["level"] in ("SEVERE", "WARNING"):
                problems.append(f"console {entry['level']}: {entry['message']}")
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                if urlparse(url).netloc not in (host, "") and not url.startswith(("data:", "blob:")):
                    problems.append(f"foreign request: {url}")
    finally:
        driver.quit()
    return problems


if __name__ == "__main__":
    base, folder, *queries = sys.argv[1:]
    for index, query in enumerate(queries or ["/"]):
        for size in SIZES:
            name = f"view{index}"
            for problem in shoot(base, Path(folder), query, name, size, full_page="full" in folder):
                print(name, size, problem)
    print("done")
