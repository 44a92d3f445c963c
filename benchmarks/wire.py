"""What crosses the wire, read from Chromium's network log (the ``performance`` log of ``tools/chromium.py``).

As a module: :class:`NetworkLog` turns the log, read in pieces, into one :class:`Exchange` per request
(URL, method, body sent, status, bytes on the wire and decoded), used by ``benchmarks/bench.py``.

As a command, a quick look at one running server (``make run``, gunicorn, compression on)::

    python benchmarks/wire.py [http://127.0.0.1:8050]

prints, for the first page load and for one indicator change, every response with its encoded
(compressed) size as the browser received it.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chromium import chromium  # noqa: E402

CALLBACK = "/_dash-update-component"
# Request headers worth replaying (the rest are the browser's own or hop-by-hop).
REPLAYED_HEADERS = {"accept", "accept-language", "content-type", "referer", "x-csrftoken"}
DOCUMENT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class Exchange:
    """One request and its response, as the browser saw them."""

    request_id: str
    url: str = "?"
    method: str = "GET"
    kind: str = ""  # Document, Script, Fetch, XHR... (Chrome's resource type)
    headers: dict = field(default_factory=dict)
    post_data: str | None = None
    status: int = 0
    header_bytes: int = 0  # response headers on the wire
    encoded: int = 0  # everything on the wire: headers and (compressed) body
    decoded: int = 0  # the body after decompression
    started: float = 0.0  # seconds, the browser's monotonic clock
    finished: float = 0.0
    failed: str = ""

    @property
    def body_on_wire(self) -> int:
        return max(self.encoded - self.header_bytes, 0)

    @property
    def is_callback(self) -> bool:
        return CALLBACK in self.url

    @property
    def ms(self) -> float:
        return round((self.finished - self.started) * 1000, 1) if self.finished else 0.0

    def replayable(self) -> dict:
        """What a load test needs to send the same request again."""
        path = self.url.split("://", 1)[-1]
        path = path[path.find("/") :] if "/" in path else "/"
        headers = {k: v for k, v in self.headers.items() if k.lower() in REPLAYED_HEADERS}
        if self.kind == "Document" and not any(k.lower() == "accept" for k in headers):
            headers["Accept"] = DOCUMENT_ACCEPT  # the log leaves out a navigation's own headers
        return {"method": self.method, "path": path, "headers": headers, "body": self.post_data}

    def as_dict(self) -> dict:
        return {**asdict(self), "body_on_wire": self.body_on_wire, "ms": self.ms}


class NetworkLog:
    """Chromium's network log, read in pieces: requests still in flight are kept for the next read."""

    def __init__(self, driver: webdriver.Chrome) -> None:
        self.driver = driver
        self._open: dict[str, Exchange] = {}
        self._chunks: dict[str, int] = {}

    @property
    def in_flight(self) -> int:
        return sum(1 for e in self._open.values() if e.url != "?" and not e.url.startswith("data:"))

    def poll(self) -> list[Exchange]:
        """The requests that finished (or failed) since the last call, in the order they started."""
        done = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method", ""), message.get("params", {})
            request_id = params.get("requestId")
            if request_id and method.startswith("Network."):
                exchange = self._open.setdefault(request_id, Exchange(request_id))
                if self._read(exchange, method, params):
                    done.append(self._open.pop(request_id))
        for exchange in done:
            chunks = self._chunks.pop(exchange.request_id, 0)
            if chunks:  # the body's bytes on the wire, when Chrome counts them per chunk
                exchange.header_bytes = max(exchange.encoded - chunks, 0)
        return sorted((e for e in done if e.url != "?" and not e.url.startswith("data:")), key=lambda e: e.started)

    def _read(self, exchange: Exchange, method: str, params: dict) -> bool:
        """Apply one log event; ``True`` when the exchange is over."""
        if method == "Network.requestWillBeSent":
            request = params["request"]
            exchange.url, exchange.method = request["url"], request["method"]
            exchange.kind = params.get("type", "")
            exchange.headers = dict(request.get("headers", {}))
            exchange.started = exchange.started or params["timestamp"]
            if request.get("hasPostData"):
                exchange.post_data = request.get("postData") or _post_data(self.driver, exchange.request_id)
        elif method == "Network.responseReceived":
            response = params["response"]
            exchange.status = int(response.get("status", 0))
            exchange.header_bytes = int(response.get("encodedDataLength") or 0)
        elif method == "Network.dataReceived":
            exchange.decoded += int(params.get("dataLength", 0))
            key = exchange.request_id
            self._chunks[key] = self._chunks.get(key, 0) + int(params.get("encodedDataLength", 0))
        elif method == "Network.loadingFinished":
            exchange.encoded = int(params["encodedDataLength"])
            exchange.finished = params["timestamp"]
            return True
        elif method == "Network.loadingFailed":
            exchange.failed = params.get("errorText", "failed")
            exchange.finished = params["timestamp"]
            return True
        return False


def drain(driver: webdriver.Chrome) -> list[Exchange]:
    """The requests logged since the last read that have finished (one-shot :class:`NetworkLog`)."""
    return NetworkLog(driver).poll()


def _post_data(driver: webdriver.Chrome, request_id: str) -> str | None:
    """A request body too long for the log entry, asked of the browser (while it still has it)."""
    try:
        return driver.execute_cdp_cmd("Network.getRequestPostData", {"requestId": request_id})["postData"]
    except Exception:  # gone already: the body is then unknown
        return None


def totals(exchanges: list[Exchange]) -> dict:
    """Sums over some exchanges: requests, bytes on the wire (bodies, everything), decoded bytes."""
    return {
        "requests": len(exchanges),
        "on_wire": sum(e.encoded for e in exchanges),
        "bodies_on_wire": sum(e.body_on_wire for e in exchanges),
        "decoded": sum(e.decoded for e in exchanges),
        "sent": sum(len((e.post_data or "").encode()) for e in exchanges),
        "failed": sum(1 for e in exchanges if e.failed or e.status >= 400),
    }


def report(title: str, rows: list[Exchange]) -> None:
    print(f"\n{title}")
    for row in sorted(rows, key=lambda r: -r.encoded):
        sizes = f"{row.encoded:>9,} B on the wire  {row.decoded:>9,} B decoded"
        print(f"  {sizes}  {row.ms:>7} ms  {row.url[-70:]}")
    sums = totals(rows)
    print(f"  {sums['on_wire']:>9,} B in total over {sums['requests']} responses ({sums['decoded']:,} B decoded)")


def main(base: str) -> None:
    driver = chromium(1366, 768)
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
        print(f"  {sum(1 for r in rows if r.is_callback)} callback responses")
        driver.get(base + "/")
        time.sleep(4)
        report("Second visit (warm browser cache)", drain(driver))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8050")
