"""The load test of ``make bench``: simulated users replay requests recorded from a real browser.

``benchmarks/bench.py`` records, with Chromium's network log, the exact HTTP requests the page makes
for a first visit (the page, ``/_dash-layout``, ``/_dash-dependencies`` and the first callbacks;
static files are not replayed: browsers keep them for a year), an indicator change, a year change
and a district click. Each simulated user then runs that session again and again, with a pause
between steps; each step (all its requests, one after the other, as the browser sends them) is
timed as a whole and reported under its name: ``load``, ``indicator``, ``year``, ``district``.

Run by ``bench.py`` in a process of its own (locust patches the standard library with gevent)::

    python benchmarks/locustfile.py --host http://127.0.0.1:PORT --sessions sessions.json \\
        --users 50 --seconds 60 --json result.json

A request fails on an exception or a status outside 2xx (a callback's 204 is a valid "no update").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import gevent
from locust import FastHttpUser, between, events, task
from locust.env import Environment

ORDER = ("load", "indicator", "year", "district")
HEADERS = {"Accept-Encoding": "br, gzip"}  # what a browser sends
SESSIONS: dict[str, list[dict]] = {}
TIMES: dict[str, list[float]] = {}  # milliseconds per finished step, by step name
ERRORS: dict[str, int] = {}


class Visitor(FastHttpUser):
    """One person on the dashboard: arrives, changes the indicator, the year, clicks a district; again."""

    wait_time = between(1, 3)  # reading the map between two actions
    connection_timeout = 30.0
    network_timeout = 30.0

    @task
    def session(self) -> None:
        for name in ORDER:
            if name in SESSIONS:
                self.step(name, SESSIONS[name])
                self.wait()

    def step(self, name: str, requests: list[dict]) -> None:
        started = time.perf_counter()
        failed = None
        for number, request in enumerate(requests, 1):
            body = request.get("body")
            with self.client.request(
                request["method"],
                request["path"],
                data=body.encode() if body is not None else None,
                headers={**request.get("headers", {}), **HEADERS},
                name=f"{name} {number}: {request['method']} {request['path'].split('?')[0]}",
                catch_response=True,
            ) as response:
                if not 200 <= (response.status_code or 0) < 300:
                    status = response.status_code
                    problem = f"HTTP {status}" if status else f"{type(response.error).__name__}: {response.error}"[:200]
                    failed = f"{problem} on {request['path'].split('?')[0]}"
                    response.failure(failed)
                    break
                response.success()
        elapsed = (time.perf_counter() - started) * 1000
        if failed:
            ERRORS[name] = ERRORS.get(name, 0) + 1
        else:
            TIMES.setdefault(name, []).append(elapsed)
        events.request.fire(
            request_type="STEP",
            name=name,
            response_time=elapsed,
            response_length=0,
            exception=RuntimeError(failed) if failed else None,
            context={},
        )


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return round(ordered[int(rank) - 1], 1)


def run(host: str, users: int, seconds: float, spawn_rate: float) -> dict:
    env = Environment(user_classes=[Visitor], host=host, events=events)
    runner = env.create_local_runner()
    started = time.monotonic()
    runner.start(users, spawn_rate=spawn_rate)
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    duration = time.monotonic() - started
    requests = [entry for entry in env.stats.entries.values() if entry.method != "STEP"]
    total = sum(entry.num_requests for entry in requests)
    failures = sum(entry.num_failures for entry in requests)
    steps = {
        name: {
            "count": len(TIMES.get(name, [])),
            "errors": ERRORS.get(name, 0),
            "requests_each": len(SESSIONS[name]),
            "p50_ms": percentile(TIMES.get(name, []), 50),
            "p95_ms": percentile(TIMES.get(name, []), 95),
            "p99_ms": percentile(TIMES.get(name, []), 99),
            "max_ms": round(max(TIMES[name]), 1) if TIMES.get(name) else None,
        }
        for name in ORDER
        if name in SESSIONS
    }
    errors = [
        {"name": error.name, "method": error.method, "error": str(error.error), "count": error.occurrences}
        for error in env.stats.errors.values()
    ]
    return {
        "host": host,
        "users": users,
        "seconds": round(duration, 1),
        "spawn_rate": spawn_rate,
        "requests": total,
        "failed_requests": failures,
        "requests_per_s": round(total / duration, 1) if duration else None,
        "steps": steps,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", required=True, help="the server, e.g. http://127.0.0.1:8123")
    parser.add_argument("--sessions", required=True, help="JSON: step name -> recorded requests")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--json", help="write the result here (else to standard output)")
    args = parser.parse_args(argv)
    with open(args.sessions, encoding="utf-8") as file:
        SESSIONS.update({name: requests for name, requests in json.load(file).items() if requests})
    result = run(args.host.rstrip("/"), args.users, args.seconds, args.spawn_rate)
    text = json.dumps(result, indent=2)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            file.write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # skip interpreter shutdown: gevent's greenlets would complain while being torn down
