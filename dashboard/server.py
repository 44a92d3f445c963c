"""Start gunicorn with the project's configuration (used by ``khatlon-dashboard serve``)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def run_gunicorn(host: str | None = None, port: int | None = None) -> int:
    env = dict(os.environ)
    if host:
        env["HOST"] = host
    if port:
        env["PORT"] = str(port)
    executable = Path(sys.executable).parent / "gunicorn"
    program = str(executable) if executable.exists() else shutil.which("gunicorn") or "gunicorn"
    print(
        f"Serving the Khatlon Migration Dashboard on http://{env.get('HOST', '127.0.0.1')}:{env.get('PORT', '8050')}/",
        flush=True,
    )
    os.execve(program, [program, "-c", "python:dashboard.gunicorn_conf", "dashboard.app:server"], env)
    return 0  # not reached
