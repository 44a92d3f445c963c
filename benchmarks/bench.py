"""``make bench``: the dashboard measured in a real browser and under load, against a naive Dash app.

    python benchmarks/bench.py [--users 50] [--seconds 60] [--spawn-rate 10] [--loads 5] [--quick]
                               [--json benchmarks/results.json]

1. Starts the real app as production does (``khatlon-dashboard serve``: gunicorn with
   ``dashboard/gunicorn_conf.py``) and the naive comparison app (``benchmarks/naive_app.py``, full
   figure per callback) under the same gunicorn configuration, each on a free port.
2. In headless Chromium (``benchmarks/browser.py``), for both apps: the first load with an empty
   cache (bytes on the wire, decoded, requests; time to the drawn map, median of ``--loads`` new
   browsers), then an indicator change, a year change and a district click (round trips, bytes,
   time to redraw); for the real app also every presenter scene step at 1920x1080, twice.
3. Replays the requests the browser made, recorded above, with locust (``benchmarks/locustfile.py``):
   ``--users`` simulated visitors for ``--seconds`` against each app in turn, sampling the memory of
   every gunicorn worker each second.
4. Prints one Markdown table (with the targets, each marked) and writes everything as JSON.

Exit status 0 even when a target is missed (a measurement, not a test); 1 if a step failed.
``--quick`` is a smoke run: 5 users for 10 s, one cold load per app.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import browser, report  # noqa: E402
from benchmarks.servers import REPO, MemorySampler, Server, naive_app, real_app  # noqa: E402

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
DEFAULT_JSON = Path(__file__).resolve().parent / "results.json"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, help="simulated users in the load test (default 50)")
    parser.add_argument("--seconds", type=float, help="length of each load test (default 60)")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second (default 10)")
    parser.add_argument("--loads", type=int, help="cold loads per app for the map-drawn median (default 5)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 5 users x 10 s, 1 cold load")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"results file (default {DEFAULT_JSON})")
    args = parser.parse_args(argv)
    quick = {"users": 5, "seconds": 10.0, "loads": 1} if args.quick else {"users": 50, "seconds": 60.0, "loads": 5}
    for key, value in quick.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


def load_test(server: Server, sessions: dict, args: argparse.Namespace, folder: Path) -> dict:
    """locust in a process of its own (it patches the standard library with gevent); memory sampled here."""
    sessions_file, result_file = folder / f"{server.port}-sessions.json", folder / f"{server.port}-load.json"
    sessions_file.write_text(json.dumps(sessions), encoding="utf-8")
    command = [
        sys.executable,
        str(LOCUSTFILE),
        *("--host", server.base, "--sessions", str(sessions_file), "--json", str(result_file)),
        *("--users", str(args.users), "--seconds", str(args.seconds), "--spawn-rate", str(args.spawn_rate)),
    ]
    print(f"  load test: {server.name}, {args.users} users x {args.seconds:.0f} s ...", flush=True)
    sampler = MemorySampler(server)
    sampler.start()
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=args.seconds + 120)
    finally:
        memory = sampler.stop()
    server.check()
    if done.returncode != 0 or not result_file.exists():
        raise RuntimeError(f"locust failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return {**json.loads(result_file.read_text(encoding="utf-8")), "memory": memory}


def run_step(results: dict, server: Server, name: str, title: str, function, *args) -> object:
    """Run one part of the benchmark; a failure is recorded and reported, the rest still runs.

    This machine may be shared: if the server was stopped from outside, it is started again (same
    port) and the part runs once more; ``results["restarts"]`` says so.
    """
    for attempt in (1, 2):
        if server.ensure():
            results["restarts"].append(f"{server.name} was started again before {name}")
            print(f"  ({server.name} had stopped: started again)", file=sys.stderr)
        print(f"{title} ...", flush=True)
        started = time.monotonic()
        try:
            value = function(*args)
        except KeyboardInterrupt:
            raise
        except Exception as error:
            if attempt == 1 and not server.running:
                print(f"  {server.name} stopped during {name} ({type(error).__name__}): once more", file=sys.stderr)
                continue
            results["failures"][name] = f"{type(error).__name__}: {error}"
            print(f"  FAILED: {type(error).__name__}: {error}", file=sys.stderr)
            traceback.print_exc(limit=3, file=sys.stderr)
            return None
        print(f"  done in {time.monotonic() - started:.0f} s", flush=True)
        return value
    return None


def environment(args: argparse.Namespace) -> dict:
    from dashboard import gunicorn_conf

    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "commit": commit,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "gunicorn_workers": gunicorn_conf.workers,
        "gunicorn_threads": gunicorn_conf.threads,
        "users": args.users,
        "seconds": args.seconds,
        "spawn_rate": args.spawn_rate,
        "cold_loads": args.loads,
        "quick": args.quick,
        "replayed": "the page, /_dash-layout, /_dash-dependencies and callbacks; no static files",
    }


def measure(args: argparse.Namespace, folder: Path) -> dict:
    results: dict = {"environment": environment(args), "failures": {}, "restarts": []}
    real, naive = real_app(folder), naive_app(folder)
    try:
        for server in (real, naive):
            print(f"starting {server.name} ...", flush=True)
            server.start()
            print(f"  {server.base} (log: {server.log_path.name})", flush=True)
        title = "{} in Chromium: cold loads and interactions"
        results["real"] = run_step(
            results, real, "real", title.format("real app"), browser.measure_app, real.base, args.loads, 1
        )
        results["presenter"] = run_step(
            results, real, "presenter", "real app in Chromium: presenter steps", browser.presenter, real.base
        )
        # the naive map has one trace: the district's path is in trace 0 (the real app's values are in trace 1)
        results["naive"] = run_step(
            results, naive, "naive", title.format("naive app"), browser.measure_app, naive.base, args.loads, 0
        )
        for key, server in (("real", real), ("naive", naive)):
            sessions = (results.get(key) or {}).get("sessions")
            if sessions:
                title = f"{server.name} under load"
                results[f"load_{key}"] = run_step(
                    results, server, f"load_{key}", title, load_test, server, sessions, args, folder
                )
    except BaseException:
        for server in (real, naive):
            tail = server.log_path.read_text(errors="replace").splitlines()[-15:] if server.log_path.exists() else []
            if tail:
                print(f"--- last lines of {server.name}'s log:\n" + "\n".join(tail), file=sys.stderr)
        raise
    finally:
        for server in (real, naive):
            server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the servers on kill as on Ctrl-C
    folder = Path(tempfile.mkdtemp(prefix="khatlon-bench-"))
    try:
        results = measure(args, folder)  # the servers are stopped however it ends
    except KeyboardInterrupt:
        print(f"\ninterrupted: servers stopped, nothing written (server logs in {folder})", file=sys.stderr)
        return 130
    if results["failures"] or results["restarts"]:
        print(f"\nServer logs kept in {folder}", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)
    rows = report.build_rows(results)
    table = report.markdown(rows)
    results["table"] = table
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    environment_line = results["environment"]
    print(
        f"\nKhatlon dashboard benchmark, {environment_line['date']}, {environment_line['commit']}, "
        f"{environment_line['cpus']} CPUs, gunicorn {environment_line['gunicorn_workers']} workers x "
        f"{environment_line['gunicorn_threads']} threads. KB = 1,000 B. Load test replays: "
        f"{environment_line['replayed']}.\n"
    )
    print(table)
    district = report.get(results, "real", "interactions", "district")
    if district and not district.get("selected"):
        print(f"\nNote: the district click did not select the district (URL after it: {district.get('url')}).")
    missed = report.missed(rows)
    if missed:
        print("\nTargets missed:")
        for row in missed:
            print(f"  ✗ {row.label}: {row.real} (target {row.target})")
    else:
        print("\nEvery target met.")
    for restart in results["restarts"]:
        print(f"\nNote: {restart} (it had been stopped from outside); its numbers come from the second try.")
    for name, failure in results["failures"].items():
        print(f"\nFAILED {name}: {failure}", file=sys.stderr)
    print(f"\nResults: {args.json}")
    return 1 if results["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
