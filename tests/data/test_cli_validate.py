"""`khatlon-dashboard validate`: exit codes and one `FILE:LINE: COLUMN: message` line per problem."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .helpers import read_rows, set_cell

LINE = re.compile(r"^[^:\n]+:\d+: [^:\n]+: [^\n]+$")


def run_validate(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    script = Path(sys.executable).parent / "khatlon-dashboard"
    return subprocess.run([str(script), "validate", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_bundled_data_is_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    result = run_validate("data", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    indicators = len(read_rows(root / "data" / "indicators" / "catalogue.csv")) - 1
    assert result.stdout.startswith(f"data: OK (25 units, {indicators} indicators,")
    assert result.stderr == ""


def test_broken_data_exits_1_with_one_line_per_problem(data_copy: Path) -> None:
    set_cell(data_copy / "indicators" / "illustrative_services.csv", 3, "value", "abc")
    set_cell(data_copy / "indicators" / "population.csv", 3, "district", "Atlantis")
    result = run_validate("data", cwd=data_copy.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "data/indicators/illustrative_services.csv:3: value: 'abc' is not a number",
        "data/indicators/population.csv:3: district: unknown district 'Atlantis'",
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip() == "2 problems found in data"


def test_missing_folder_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    result = run_validate(str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert LINE.match(result.stdout.strip())
    assert "data folder not found" in result.stdout
    assert "Traceback" not in result.stderr


def test_garbage_everywhere_never_shows_a_traceback(data_copy: Path) -> None:
    for path in data_copy.rglob("*"):
        if path.is_file():
            path.write_bytes(b"\xff\xfe garbage \x00\x01")
    result = run_validate(str(data_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert all(LINE.match(line) for line in result.stdout.splitlines())
    shutil.rmtree(data_copy)
