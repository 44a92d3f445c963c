"""gunicorn servers for ``make bench``: start on a free port, wait until healthy, sample memory, stop.

The real app starts exactly as in production, ``khatlon-dashboard serve`` (gunicorn with
``dashboard/gunicorn_conf.py``: its workers, threads, preloading and access log), with ``PORT``
set; the naive comparison app runs under the same gunicorn configuration, so with the same
worker and thread counts.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESERVED_PORTS = {8050}  # `make run`'s default: someone else's server may be there


def free_port() -> int:
    """A port nobody listens on (never 8050)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port not in RESERVED_PORTS:
            return port


@dataclass
class Server:
    name: str
    command: list[str]
    health: str  # path that answers 200 once the app is ready
    log_path: Path
    env: dict = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> None:
        """Start on a free port (or, when started again, on the same one: recorded requests name it)."""
        self.port = self.port or free_port()
        env = {**os.environ, **self.env, "PORT": str(self.port), "HOST": "127.0.0.1"}
        with open(self.log_path, "wb") as log:  # the server keeps its own copy of the file
            self.process = subprocess.Popen(
                self.command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + self.health, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{self.name} did not answer {self.health} within {timeout:.0f} s; see {self.log_path}")

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def check(self) -> None:
        """Raise if the server is gone (something else may stop every gunicorn on the machine)."""
        if not self.running:
            code = None if self.process is None else self.process.returncode
            raise RuntimeError(
                f"{self.name} stopped during the measurement (exit status {code}; 0 is gunicorn's answer to a "
                f"SIGTERM from outside); see {self.log_path}"
            )

    def ensure(self) -> bool:
        """Start the server again if it has stopped (on the same port); ``True`` if it had to."""
        if self.running:
            return False
        self.log_path.rename(self.log_path.with_suffix(f".{int(time.time())}.log"))
        self.start()
        return True

    def workers(self) -> list[int]:
        """Process ids of the gunicorn workers (the master's children)."""
        if self.process is None:
            return []
        return children(self.process.pid)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM to the master (graceful), then SIGKILL to its process group if it lingers."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group is this server's own (start_new_session)
            process.wait(10)


def real_app(log_dir: Path) -> Server:
    return Server("the real app", [str(BIN / "khatlon-dashboard"), "serve"], "/healthz", log_dir / "real-app.log")


def naive_app(log_dir: Path) -> Server:
    command = [str(BIN / "gunicorn"), "-c", "python:dashboard.gunicorn_conf", "--chdir", str(REPO)]
    return Server("the naive app", [*command, "benchmarks.naive_app:server"], "/", log_dir / "naive-app.log")


def children(pid: int) -> list[int]:
    try:
        import psutil

        return [child.pid for child in psutil.Process(pid).children()]
    except ImportError:
        pass
    except Exception:  # the process is gone
        return []
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def memory_bytes(pid: int) -> tuple[int, int | None] | None:
    """Resident memory (RSS) of one process and its proportional share (PSS; ``None`` if unknown).

    RSS counts the pages the workers share with the master (``preload_app``) once per worker, so
    the sum over workers overstates their total; PSS divides each shared page among its sharers.
    ``None`` if the process has gone.
    """
    try:
        import psutil

        info = psutil.Process(pid).memory_full_info()
        return info.rss, getattr(info, "pss", None)
    except ImportError:
        pass
    except Exception:
        return None
    values = {}
    for name, key in ((f"/proc/{pid}/status", "VmRSS:"), (f"/proc/{pid}/smaps_rollup", "Pss:")):
        try:
            for line in Path(name).read_text().splitlines():
                if line.startswith(key):
                    values[key] = int(line.split()[1]) * 1024
                    break
        except OSError:
            pass
    return (values["VmRSS:"], values.get("Pss:")) if "VmRSS:" in values else None


class MemorySampler(threading.Thread):
    """Every ``interval`` seconds, the RSS of each of a server's workers; keeps each one's maximum."""

    def __init__(self, server: Server, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.server, self.interval = server, interval
        self.peaks: dict[int, int] = {}
        self.peak_total = 0
        self.peak_pss_total = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            total = pss_total = 0
            for pid in self.server.workers():
                memory = memory_bytes(pid)
                if memory is not None:
                    rss, pss = memory
                    self.peaks[pid] = max(self.peaks.get(pid, 0), rss)
                    total += rss
                    pss_total += pss or 0
            self.peak_total = max(self.peak_total, total)
            self.peak_pss_total = max(self.peak_pss_total, pss_total)
            self.samples += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> dict:
        self._stop_event.set()
        self.join(5)
        mib = 1024 * 1024
        return {
            "samples": self.samples,
            "workers": len(self.peaks),
            "max_rss_per_worker_mib": {str(pid): round(rss / mib, 1) for pid, rss in sorted(self.peaks.items())},
            "max_rss_worker_mib": round(max(self.peaks.values(), default=0) / mib, 1),
            "max_rss_total_mib": round(self.peak_total / mib, 1),
            "max_pss_total_mib": round(self.peak_pss_total / mib, 1) if self.peak_pss_total else None,
        }
