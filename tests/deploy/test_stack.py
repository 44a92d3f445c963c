"""The production stack (deploy/stack.py): nginx with TLS in front of two gunicorn instances.

Started once for this module on free loopback ports with a self-signed certificate. Needs Debian's
nginx and openssl (``make test`` installs them as it installs Chromium); a missing nginx fails the
tests, it never skips them. The instance-failure test kills an instance, so it runs last.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from dash._callback_signing import END_SCOPE, unsign

from ..callbacks.bodies import body_for

ROOT = Path(__file__).resolve().parents[2]
SECRET = "stack-test-secret"
VIEW = "?indicator=coverage_medical_pct&year=2024&district=dusti&lang=ru"


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


class Stack:
    def __init__(self, run_dir: Path, https_port: int, http_port: int) -> None:
        self.run_dir = run_dir
        self.base = f"https://127.0.0.1:{https_port}"
        self.http = f"http://127.0.0.1:{http_port}"
        self.cert = str(run_dir / "tls" / "localhost.crt")
        record = json.loads((run_dir / "instances.json").read_text())
        self.instances = record["instances"]
        self.data_version = record["data_version"]

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.base + path, verify=self.cert, timeout=10, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(self.base + path, verify=self.cert, timeout=10, **kwargs)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    assert shutil.which("nginx") or Path("/usr/sbin/nginx").exists(), "nginx is missing: run `make test`"
    run_dir = tmp_path_factory.mktemp("stack")
    https_port, http_port, app_port = free_ports(3)
    env = {**os.environ, "WEB_CONCURRENCY": "2", "THREADS": "2", "PYTHONUNBUFFERED": "1", "KHATLON_SECRET_KEY": SECRET}
    command = [sys.executable, str(ROOT / "deploy" / "stack.py"), "--run-dir", str(run_dir)]
    command += ["--https-port", str(https_port), "--http-port", str(http_port), "--app-port", str(app_port)]
    command += ["--rate", "30"]  # low, so the rate-limit test can reach it
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if line.startswith("Serving") or process.poll() is not None:
            break
    assert lines[-1].startswith("Serving"), "".join(lines)
    threading.Thread(target=process.stdout.read, daemon=True).start()  # keep the pipe drained
    yield Stack(run_dir, https_port, http_port)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=40)
    assert not (run_dir / "nginx.pid").exists() or process.returncode == 0


def test_the_page_is_served_over_tls_with_its_headers(stack) -> None:
    page = stack.get("/" + VIEW)
    assert page.status_code == 200 and '<html lang="ru">' in page.text
    assert page.headers["Server"] == "nginx" and "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store" and page.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    redirect = requests.get(stack.http + "/" + VIEW, allow_redirects=False, timeout=10)
    assert redirect.status_code == 301 and redirect.headers["Location"] == stack.base + "/" + VIEW
    assert stack.get("/nowhere").status_code == 404
    assert stack.get("/readyz").json()["ready"] is True
    assert not (Path.home() / ".gunicorn" / "gunicorn.ctl").exists()  # no control socket shared by instances


def test_static_files_come_precompressed_from_nginx_with_long_caching(stack) -> None:
    page = stack.get("/").text
    style = next(part.split('"')[0] for part in page.split('href="') if part.startswith("/assets/style.css?v="))
    answer = stack.get(style, headers={"Accept-Encoding": "gzip"})
    assert answer.headers["Content-Encoding"] == "gzip" and "ETag" in answer.headers  # nginx's .gz twin
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.content == (ROOT / "assets" / "style.css").read_bytes()  # requests decompresses it
    unversioned = stack.get("/assets/topojson/world_110m.json")
    assert unversioned.status_code == 200 and unversioned.headers["Cache-Control"] == "public, max-age=86400"
    boundaries = f"/geo/boundaries.{stack.data_version}.json"
    assert boundaries in page  # the page names the file nginx serves
    geo = stack.get(boundaries, headers={"Accept-Encoding": "gzip"})
    assert geo.status_code == 200 and geo.headers["Content-Encoding"] == "gzip" and geo.json()["features"]
    assert stack.get("/geo/boundaries.0000000000000000.json").status_code == 404  # an old version is gone


def test_request_size_and_rate_are_limited_per_client(stack) -> None:
    assert stack.post("/_dash-update-component", data=b"x" * 100_000).status_code == 413
    with ThreadPoolExecutor(32) as pool:
        statuses = list(pool.map(lambda _: stack.get("/_dash-layout").status_code, range(300)))
    print(f"rate limit: {statuses.count(200)} answered, {statuses.count(429)} refused with 429 of 300")
    assert statuses.count(429) > 0 and set(statuses) <= {200, 429}, sorted(set(statuses))
    time.sleep(2)  # let the rate limit recover before the next test
    assert stack.get("/_dash-layout").status_code == 200


def trickle(stack: Stack, stop: threading.Event, held: list) -> None:
    """A client that sends a request's headers, then its body one byte at a time."""
    context = ssl.create_default_context(cafile=stack.cert)
    port = int(stack.base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as raw:
        with context.wrap_socket(raw, server_hostname="localhost") as connection:
            connection.sendall(
                b"POST /_dash-update-component HTTP/1.1\r\nHost: localhost\r\n"
                b"Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n"
            )
            held.append(1)
            while not stop.is_set():
                connection.sendall(b" ")
                stop.wait(0.5)


def test_sixteen_slow_clients_do_not_slow_the_health_check(stack) -> None:
    stop, held = threading.Event(), []
    clients = [threading.Thread(target=trickle, args=(stack, stop, held), daemon=True) for _ in range(16)]
    for client in clients:
        client.start()
    time.sleep(1.0)
    timings = []
    try:
        for _ in range(30):
            start = time.perf_counter()
            assert stack.get("/healthz").status_code == 200
            timings.append(time.perf_counter() - start)
            time.sleep(0.2)
    finally:
        stop.set()
    assert len(held) == 16  # every slow client was connected and trickling throughout
    p95 = sorted(timings)[int(0.95 * len(timings)) - 1]
    print(f"16 slow clients held; /healthz p50 {sorted(timings)[15] * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    assert p95 < 0.2, f"p95 {p95 * 1000:.0f} ms"


def test_the_same_url_renders_the_same_view_from_either_instance(stack) -> None:
    direct = [f"http://127.0.0.1:{i['port']}" for i in stack.instances]
    assert len(direct) == 2
    pages = [requests.get(base + "/" + VIEW, timeout=10).text for base in direct]
    layouts = [
        requests.get(base + "/_dash-layout", headers={"Referer": base + "/" + VIEW}, timeout=10).content
        for base in direct
    ]
    shells, configs = zip(*(split_config(page) for page in pages))
    # Each page load carries a random token signed with the secret key: the instances share the key
    tokens = [config.pop("end_id") for config in configs]
    assert all(unsign(SECRET.encode(), END_SCOPE, token) for token in tokens)
    assert shells[0] == shells[1] and configs[0] == configs[1]  # the same page (JSON compared as data)
    assert json.loads(layouts[0]) == json.loads(layouts[1]) and b"dusti" in layouts[0]
    draw = draw_body(stack)
    answers = [requests.post(base + "/_dash-update-component", json=draw, timeout=10) for base in direct]
    assert answers[0].status_code == 200 and answers[0].json() == answers[1].json()


def split_config(page: str) -> tuple[str, dict]:
    """The page without Dash's config script, and that script's JSON (its key order varies by process)."""
    found = re.search(r'(<script id="_dash-config" type="application/json">)(.*?)(</script>)', page, re.S)
    return page[: found.start(2)] + page[found.end(2) :], json.loads(found[2])


def draw_body(stack: Stack) -> dict:
    dependencies = stack.get("/_dash-dependencies").json()
    spec = next(d for d in dependencies if d["output"].startswith("..figure-updates.data"))
    return body_for(spec["output"], spec)


def test_no_request_fails_when_an_instance_dies_under_load(stack) -> None:
    draw = draw_body(stack)
    requests_made: list[int] = []
    failures: list[str] = []
    stop = threading.Event()

    def user(number: int) -> None:
        session = requests.Session()  # keeps its connections, as a browser does
        options = {"verify": stack.cert, "timeout": 10}  # per request: the environment's CA bundle would win
        while not stop.is_set():
            try:
                kind = len(requests_made) % 3
                if kind == 0:
                    answer = session.get(stack.base + "/" + VIEW, **options)
                elif kind == 1:
                    referer = {"Referer": stack.base + "/" + VIEW}
                    answer = session.get(stack.base + "/_dash-layout", headers=referer, **options)
                else:
                    answer = session.post(stack.base + "/_dash-update-component", json=draw, **options)
                requests_made.append(answer.status_code)
                if answer.status_code != 200:
                    failures.append(f"{answer.status_code} {answer.request.path_url}")
            except requests.RequestException as error:
                failures.append(repr(error))
            stop.wait(0.2)  # 4 users x 5 requests/s, under the proxy's rate limit

    users = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(4)]
    for thread in users:
        thread.start()
    time.sleep(3)
    victim = stack.instances[0]["pid"]
    os.killpg(victim, signal.SIGKILL)  # the instance and all its workers, at once
    killed_at = len(requests_made)
    time.sleep(5)
    stop.set()
    for thread in users:
        thread.join(timeout=15)
    print(f"instance killed after {killed_at} requests; {len(requests_made)} in all, {len(failures)} failed")
    assert failures == []
    assert killed_at >= 20 and len(requests_made) - killed_at >= 40, (killed_at, len(requests_made))
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{stack.instances[0]['port']}/healthz", timeout=2)  # really gone
