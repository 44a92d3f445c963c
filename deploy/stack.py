"""Start the whole stack on one machine: nginx (TLS, static files, limits) in front of several
dashboard instances, each a gunicorn on its own port, all sharing one secret key.

    python deploy/stack.py [--instances 2] [--host 127.0.0.1] [--https-port 8443] [--http-port 8080]
                           [--app-port 8051] [--cert FILE --key FILE] [--run-dir .stack]

``make stack`` runs it with the defaults. Without ``--cert``/``--key`` a self-signed certificate for
``localhost`` and ``127.0.0.1`` is made with openssl (for trying it out; use a real one in production).
The data folder is ``KHATLON_DATA_DIR`` (default: the bundled ``data/``); it is checked first and the
stack does not start on a folder with problems. Ctrl-C (or SIGTERM) stops nginx and every instance.
The run folder gets ``instances.json`` (each instance's port and process id) and nginx's logs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
COMPRESSIBLE = {".js", ".css", ".json", ".svg", ".txt", ".ico", ".html"}


def checked_store():
    """The data folder's store, checked as ``validate`` checks it; ``None`` (problems printed) if invalid."""
    sys.path.insert(0, str(ROOT))
    from dashboard.data.loader import check_data_dir
    from dashboard.settings import Settings

    validation = check_data_dir(Settings.from_env().data_dir)
    for problem in validation.problems:
        print(problem)
    return validation.store


def prepare_static(run_dir: Path, store) -> None:
    """Copy ``assets/`` and write the boundaries under their versioned name, each with a ``.gz`` twin.

    Run again after a data update: the new boundaries get a new name (the data version), so no
    browser or proxy ever keeps stale geometry.
    """
    static = run_dir / "static"
    shutil.rmtree(static, ignore_errors=True)
    shutil.copytree(ROOT / "assets", static / "assets")
    (static / "geo").mkdir(parents=True)
    (static / "geo" / f"boundaries.{store.version}.json").write_bytes(store.geojson)
    for path in list(static.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            twin = path.with_name(path.name + ".gz")
            twin.write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))
            shutil.copystat(path, twin)  # same time as its source: the same ETag after every restart


def self_signed(run_dir: Path) -> tuple[Path, Path]:
    tls = run_dir / "tls"
    tls.mkdir(parents=True, exist_ok=True)
    cert, key = tls / "localhost.crt", tls / "localhost.key"
    if not cert.exists():
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=localhost"]
            + ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
    return cert, key


def nginx_config(args: argparse.Namespace, run_dir: Path, cert: Path, key: Path, ports: list[int]) -> str:
    upstreams = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in ports)
    values = {
        "RUN": str(run_dir),
        "STATIC": str(run_dir / "static"),
        "HOST": args.host,
        "HTTP_PORT": str(args.http_port),
        "HTTPS_PORT": str(args.https_port),
        "CERT": str(cert),
        "KEY": str(key),
        "UPSTREAMS": upstreams,
        "RATE": str(args.rate),
        "BURST": str(args.rate * 2),
        "CONNECTIONS": str(args.connections),
    }
    # Started by root, nginx's workers would switch to "nobody", who cannot read a run folder in root's
    # home or in pytest's private temporary folder. A system nginx (its own user, a static folder it can
    # read) is the production setup; this stack is for one machine and for the tests.
    values["USER_LINE"] = "user root;" if os.geteuid() == 0 else "# (not root: workers run as the invoking user)"
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    return text


def start_instance(port: int, secret: str, run_dir: Path) -> subprocess.Popen:
    """One gunicorn in its own process group (stopped, or killed in tests, as a whole)."""
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "KHATLON_SECRET_KEY": secret}
    env.setdefault("KHATLON_TRUSTED_PROXIES", "1")
    env.setdefault("ACCESS_LOG", str(run_dir / "logs" / f"instance-{port}.log"))
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "-c", "python:dashboard.gunicorn_conf", "dashboard.app:server"]
    log = open(run_dir / "logs" / f"instance-{port}.err", "ab")  # noqa: SIM115 - kept open for the child
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


def wait_ready(url: str, seconds: float = 60.0, context=None) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"not ready after {seconds:.0f} s: {url}")
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--host", default="127.0.0.1", help="address nginx listens on")
    parser.add_argument("--https-port", type=int, default=8443)
    parser.add_argument("--http-port", type=int, default=8080, help="redirects to HTTPS")
    parser.add_argument("--app-port", type=int, default=8051, help="first instance's port (then +1, +2, ...)")
    parser.add_argument("--cert", type=Path, help="TLS certificate (PEM); default: a self-signed one")
    parser.add_argument("--key", type=Path, help="TLS private key (PEM)")
    parser.add_argument("--rate", type=int, default=100, help="dynamic requests per second per client address")
    parser.add_argument("--connections", type=int, default=64, help="open connections per client address")
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".stack")
    args = parser.parse_args(argv)
    if bool(args.cert) != bool(args.key):
        parser.error("--cert and --key go together")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        print("nginx is not installed (Debian: apt-get install nginx)", file=sys.stderr)
        return 1
    store = checked_store()
    if store is None:
        print("Not starting: fix the data problems above.", file=sys.stderr)
        return 1

    run_dir = args.run_dir.resolve()
    for folder in ("logs", "buffers"):
        (run_dir / folder).mkdir(parents=True, exist_ok=True)
    prepare_static(run_dir, store)
    cert, key = (args.cert.resolve(), args.key.resolve()) if args.cert else self_signed(run_dir)
    secret = os.environ.get("KHATLON_SECRET_KEY") or secrets.token_hex(32)
    ports = [args.app_port + i for i in range(args.instances)]
    instances = [start_instance(port, secret, run_dir) for port in ports]
    processes: list[subprocess.Popen] = list(instances)

    def stop(*_ignored, status: int = 0) -> None:
        for process in reversed(processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        raise SystemExit(status)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        for port in ports:
            wait_ready(f"http://127.0.0.1:{port}/readyz")
    except SystemExit as failed:  # an instance that never gets ready: stop the others, then say so
        print(failed, file=sys.stderr)
        stop(status=1)
    (run_dir / "nginx.conf").write_text(nginx_config(args, run_dir, cert, key, ports), encoding="utf-8")
    nginx_log = open(run_dir / "logs" / "nginx.err", "ab")  # noqa: SIM115 - kept open for the child
    proxy = subprocess.Popen(
        [nginx, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-g", "daemon off;"],
        stdout=nginx_log,
        stderr=nginx_log,
        start_new_session=True,
    )
    processes.append(proxy)
    record = {"instances": [{"port": p, "pid": i.pid} for p, i in zip(ports, instances)], "nginx": proxy.pid}
    (run_dir / "instances.json").write_text(json.dumps({**record, "data_version": store.version}), encoding="utf-8")
    try:
        wait_ready(f"https://{args.host}:{args.https_port}/healthz", context=ssl.create_default_context(cafile=cert))
    except SystemExit as failed:
        print(f"{failed} (see {run_dir / 'logs' / 'nginx.err'})", file=sys.stderr)
        stop(status=1)
    print(
        f"Serving the Khatlon Migration Dashboard on https://{args.host}:{args.https_port}/ "
        f"({len(ports)} instances on ports {', '.join(map(str, ports))}; certificate {cert})",
        flush=True,
    )
    while True:  # until a signal; if nginx dies, stop everything
        if proxy.poll() is not None:
            print(f"nginx stopped (see {run_dir / 'logs'})", file=sys.stderr)
            processes.remove(proxy)
            stop(status=1)
        time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())
