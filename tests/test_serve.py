"""``khatlon-dashboard serve`` refuses a broken data folder before it says "Serving" (issue 11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dashboard import gunicorn_conf

from .data.helpers import set_cell


def test_serve_on_a_broken_folder_lists_the_problems_and_exits_1(data_copy: Path) -> None:
    set_cell(data_copy / "districts.csv", 3, "type", "village")
    answer = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "serve", "--port", "1"],  # port 1: it must never get that far
        env={"KHATLON_DATA_DIR": str(data_copy), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = answer.stdout + answer.stderr
    assert answer.returncode == 1, output
    assert "Serving" not in output and "Traceback" not in output
    assert f"{data_copy}/districts.csv:3: type: " in answer.stdout
    assert "Not serving" in answer.stderr


def test_gunicorn_runs_without_a_shared_control_socket() -> None:
    # gunicorn 27's control socket defaults to one path per user, which a second instance deletes
    assert gunicorn_conf.control_socket_disable is True
