"""The browser side of ``make bench``: cold loads, interactions and presenter steps in headless Chromium.

Times are measured inside the page (``benchmarks/probes.js``, installed before any of the page's
scripts), in milliseconds from navigation start or from the user's action (the click's pointerup,
the key's keydown), so Selenium's own round trips never count. Bytes come from Chromium's network
log (``benchmarks/wire.py``).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.wire import Exchange, NetworkLog, totals  # noqa: E402
from tools.chromium import chromium  # noqa: E402

PROBES = (Path(__file__).resolve().parent / "probes.js").read_text(encoding="utf-8")
REPLAYED = ("/_dash-layout", "/_dash-dependencies", "/_dash-update-component")  # plus the page itself
INDICATOR_LABEL = "Coverage: medical care"
YEAR = "2021"
DISTRICT = "dusti"
# A point well inside a district's polygon of one trace, in viewport pixels (the path's bounding
# box centre can fall outside it); the map is scrolled into view first.
POINT_IN_DISTRICT = """
const [unit, trace] = arguments;
const path = [...document.querySelectorAll('#map path.choroplethlocation')].find(
  p => p.__data__ && p.__data__.loc === unit && p.parentNode.__data__[0].trace.index === trace);
if (!path) { return null; }
path.scrollIntoView({block: 'center'});
const box = path.getBBox(), matrix = path.getScreenCTM(), inside = [];
for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
  const x = box.x + box.width * i / 24, y = box.y + box.height * j / 24;
  if (path.isPointInFill(new DOMPoint(x, y))) { inside.push([x, y]); }
}
if (!inside.length) { return null; }
const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
inside.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
const point = new DOMPoint(inside[0][0], inside[0][1]).matrixTransform(matrix);
return [point.x, point.y];
"""
CALLBACKS_SINCE = """
return performance.getEntriesByType('resource')
  .filter(r => r.name.indexOf('_dash-update-component') !== -1 && r.startTime >= arguments[0])
  .map(r => r.responseEnd);
"""


@dataclass
class Page:
    """A browser with the probes installed, and its network log."""

    driver: webdriver.Chrome
    log: NetworkLog
    base: str
    exchanges: list[Exchange] = field(default_factory=list)

    def quit(self) -> None:
        self.driver.quit()


def open_page(base: str, path: str = "/", width: int = 1366, height: int = 768) -> Page:
    """A fresh browser (new profile: cold cache) on ``base + path``; returns once the map is drawn."""
    driver = chromium(width, height)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBES})
    page = Page(driver, NetworkLog(driver), base)
    driver.get(base + path)
    return page


def wait_for(page: Page, script: str, timeout: float = 60.0, *args):
    """Poll ``script`` (which returns a value) until it is truthy; ``None`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = page.driver.execute_script(script, *args)
        if value:
            return value
        page.exchanges += page.log.poll()
        time.sleep(0.05)
    return None


def settle(page: Page, quiet: float = 0.8, timeout: float = 20.0) -> tuple[list[Exchange], dict]:
    """Wait until nothing changes in the DOM and nothing is on the network for ``quiet`` seconds."""
    seen: list[Exchange] = []
    end = time.monotonic() + timeout
    last_network = time.monotonic()
    while True:
        time.sleep(0.1)
        new = page.log.poll()
        if new or page.log.in_flight:
            seen += new
            last_network = time.monotonic()
        state = page.driver.execute_script("return window.__benchState()")
        dom_quiet = state["now"] - state["lastMutation"] >= quiet * 1000
        if dom_quiet and time.monotonic() - last_network >= quiet:
            return seen, state
        if time.monotonic() > end:
            print(f"  (the page did not settle within {timeout:.0f} s)", file=sys.stderr)
            return seen, state


def cold_load(base: str, keep: bool = False) -> tuple[dict, Page | None]:
    """One first visit with an empty cache: bytes, requests, and the timeline to the drawn map."""
    page = open_page(base)
    try:
        drawn = wait_for(page, "return window.__bench && window.__bench.mapDrawn", 60.0)
        page.driver.execute_script("return window.__benchArm()")
        more, _ = settle(page, quiet=1.0)
        page.exchanges += more
        timeline = page.driver.execute_script("return window.__benchLoad()")
        result = {
            "map_drawn_ms": round(drawn, 1) if drawn else None,
            "timeline_ms": {k: (round(v, 1) if v is not None else None) for k, v in timeline.items()},
            **totals(page.exchanges),
            "responses": [e.as_dict() for e in page.exchanges],
            "replay": [e.replayable() for e in page.exchanges if _replayed(e)],
        }
    except BaseException:
        page.quit()
        raise
    if keep:
        return result, page
    page.quit()
    return result, None


def _replayed(exchange: Exchange) -> bool:
    path = urlsplit(exchange.url).path
    return exchange.kind == "Document" or path.startswith(REPLAYED)


def interaction(page: Page, prepare: Callable[[Page], object], act: Callable[[Page, object], None]) -> dict:
    """``prepare`` (not timed: open a dropdown, find a point), then ``act``; measure until the page settles."""
    setup = prepare(page)
    page.exchanges += page.log.poll()
    armed = page.driver.execute_script("return window.__benchArm()")
    act(page, setup)
    exchanges, state = settle(page)
    start = state["input"] if state["input"] is not None else armed
    callbacks = [e for e in exchanges if e.is_callback]
    ends = page.driver.execute_script(CALLBACKS_SINCE, start)

    def since(value: float | None) -> float | None:
        return round(value - start, 1) if value is not None else None

    return {
        "map_part_decoded": sum(_map_part(page, e) for e in callbacks),
        "round_trips": len(callbacks),
        "bodies_on_wire": sum(e.body_on_wire for e in callbacks),
        "on_wire": sum(e.encoded for e in callbacks),
        "decoded": sum(e.decoded for e in callbacks),
        "largest_decoded": max((e.decoded for e in callbacks), default=0),
        "largest_body_on_wire": max((e.body_on_wire for e in callbacks), default=0),
        "sent": sum(len((e.post_data or "").encode()) for e in callbacks),
        "map_changed_ms": since(state["mapChanged"]),
        "last_response_ms": since(max(ends)) if ends else None,
        "settled_ms": since(state["settled"]),
        "last_change": state["lastChange"],
        "redraw_ms": since(state["mapChanged"] if state["mapChanged"] is not None else state["settled"]),
        "input_seen": state["input"] is not None,
        "url": page.driver.execute_script("return location.pathname + location.search"),
        "all_requests": totals(exchanges),
        "responses": [e.as_dict() for e in exchanges],
        "replay": [e.replayable() for e in exchanges if _replayed(e)],
    }


def _map_part(page: Page, exchange: Exchange) -> int:
    """Bytes (decoded, as JSON) of what a callback response carries for the map itself.

    The real app sends the map's patch in one response with the charts' patches
    (``figure-updates.data.map``); the naive app sends the whole figure (``map.figure``).
    """
    try:
        body = page.driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": exchange.request_id})
        answer = json.loads(body["body"]).get("response", {})
    except Exception:  # no body (a 204) or not JSON
        return 0
    part = (answer.get("map") or {}).get("figure") or ((answer.get("figure-updates") or {}).get("data") or {}).get(
        "map"
    )
    return len(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode()) if part else 0


def _open_indicator(page: Page) -> object:
    page.driver.find_element(By.CSS_SELECTOR, "#indicator").click()
    options = wait_for(page, "return document.querySelectorAll('.dash-dropdown-option').length", 10.0)
    if not options:
        raise RuntimeError("the indicator dropdown did not open")
    for option in page.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option"):
        if option.text.split("\n")[0].strip() == INDICATOR_LABEL:
            page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", option)
            return option
    raise RuntimeError(f"no option {INDICATOR_LABEL!r} in #indicator")


def _year_mark(page: Page) -> object:
    for mark in page.driver.find_elements(By.CSS_SELECTOR, "#year .dash-slider-mark"):
        if mark.text.strip() == YEAR:
            page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
            return mark
    raise RuntimeError(f"no slider mark {YEAR} in #year")


def _click(page: Page, element) -> None:
    ActionChains(page.driver).move_to_element(element).click().perform()


def _click_at(page: Page, point) -> None:
    ActionChains(page.driver).move_to_location(int(point[0]), int(point[1])).click().perform()


def interactions(page: Page, district_trace: int) -> dict:
    """Indicator change, year change and district click on a loaded page, one after the other."""
    results = {
        "indicator": interaction(page, _open_indicator, _click),
        "year": interaction(page, _year_mark, _click),
    }

    def district_point(page: Page):
        point = page.driver.execute_script(POINT_IN_DISTRICT, DISTRICT, district_trace)
        if not point:
            raise RuntimeError(f"no path for {DISTRICT!r} in trace {district_trace} of #map")
        time.sleep(0.3)  # let the scroll finish
        return point

    results["district"] = interaction(page, district_point, _click_at)
    results["district"]["selected"] = f"district={DISTRICT}" in results["district"]["url"]
    return results


def presenter(base: str, passes: int = 2) -> dict:
    """Step through every scene with PageDown at 1920x1080, ``passes`` times (Home in between)."""
    page = open_page(base, "/?present=1&scene=1", 1920, 1080)
    try:
        cached = wait_for(page, "return document.body && document.body.getAttribute('data-scenes-cached')", 60.0)
        page.driver.execute_script("return window.__benchArm()")
        settle(page, quiet=1.0)
        position = page.driver.execute_script("return window.__benchState().positionText") or ""
        count = int(position.split("/")[-1]) if "/" in position else 0
        steps, requests = [], []
        for number in range(passes):
            if number:
                page.driver.execute_script("return window.__benchArm()")
                ActionChains(page.driver).send_keys(Keys.HOME).perform()
                settle(page)
            for _ in range(max(count - 1, 0)):
                page.driver.execute_script("return window.__benchArm()")
                ActionChains(page.driver).send_keys(Keys.PAGE_DOWN).perform()
                wait_for(page, "return window.__bench.position !== null", 10.0)
                exchanges, state = settle(page, quiet=0.6)
                requests += exchanges
                if state["input"] is not None and state["position"] is not None:
                    steps.append(
                        {
                            "to": state["positionText"],
                            "ms": round(state["settled"] - state["input"], 1),
                            "position_ms": round(state["position"] - state["input"], 1),
                            "last_change": state["lastChange"],
                        }
                    )
        times = sorted(step["ms"] for step in steps)
        return {
            "scenes": count,
            "scenes_cached": cached,
            "samples": len(times),
            "p50_ms": _percentile(times, 50),
            "p95_ms": _percentile(times, 95),
            "max_ms": times[-1] if times else None,
            "requests_while_stepping": totals(requests),
            "steps": steps,
        }
    finally:
        page.quit()


def _percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (no interpolation: with 16 samples, p95 is the 16th)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def measure_app(base: str, loads: int, district_trace: int) -> dict:
    """Cold loads (the first one's page then runs the interactions) and the requests to replay."""
    first, page = cold_load(base, keep=True)
    assert page is not None
    try:
        steps = interactions(page, district_trace)
    finally:
        page.quit()
    others = [cold_load(base)[0] for _ in range(loads - 1)]
    drawn = [r["map_drawn_ms"] for r in [first, *others] if r["map_drawn_ms"] is not None]
    return {
        "first_load": {k: v for k, v in first.items() if k != "replay"},
        "map_drawn_ms": drawn,
        "map_drawn_median_ms": round(statistics.median(drawn), 1) if drawn else None,
        "interactions": {k: {x: y for x, y in v.items() if x != "replay"} for k, v in steps.items()},
        "sessions": {"load": first["replay"], **{k: v["replay"] for k, v in steps.items()}},
    }
