"""Measure what crosses the wire, in a real browser (headless Chromium, Chrome's network log).

    python benchmarks/wire.py [http://127.0.0.1:8050]

Run it against ``make run`` (gunicorn, compression on). Prints, for the first page load and for
one indicator change, every response with its encoded (compressed) size as the browser received
it, plus the server time of each callback.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chromium import chromium  # noqa: E402


def browser() -> webdriver.Chrome:
    return chromium(1366, 768)


def drain(driver) -> list[dict]:
    """Responses since the last call: url, encoded bytes, decoded bytes, milliseconds."""
    urls, sizes, starts, ends = {}, defaultdict(int), {}, {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
            starts[params["requestId"]] = params["timestamp"]
        elif message["method"] == "Network.dataReceived":
            sizes[params["requestId"]] += params["dataLength"]
        elif message["method"] == "Network.loadingFinished":
            ends[params["requestId"]] = (params["encodedDataLength"], params["timestamp"])
    rows = []
    for request_id, (encoded, finished) in ends.items():
        rows.append(
            {
                "url": urls.get(request_id, "?"),
                "encoded": int(encoded),
                "decoded": sizes[request_id],
                "ms": round((finished - starts.get(request_id, finished)) * 1000, 1),
            }
        )
    return rows


def report(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    for row in sorted(rows, key=lambda r: -r["encoded"]):
        sizes = f"{row['encoded']:>9,} B on the wire  {row['decoded']:>9,} B decoded"
        print(f"  {sizes}  {row['ms']:>7} ms  {row['url'][-70:]}")
    print(
        f"  {sum(r['encoded'] for r in rows):>9,} B in total over {len(rows)} responses "
        f"({sum(r['decoded'] for r in rows):,} B decoded)"
    )


def main(base: str) -> None:
    driver = browser()
    try:
        driver.get(base + "/")
        time.sleep(5)
        report("First page load (cold cache)", drain(driver))
        driver.find_element(By.CSS_SELECTOR, "#indicator").click()
        for option in driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option"):
            if option.text.split("\n")[0] == "Coverage: medical care":
                option.click()
                break
        time.sleep(3)
        rows = drain(driver)
        report("Indicator change (all requests it caused)", rows)
        patches = [r for r in rows if "_dash-update-component" in r["url"]]
        print(f"  {len(patches)} callback responses")
        driver.get(base + "/")
        time.sleep(4)
        report("Second visit (warm browser cache)", drain(driver))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8050")
