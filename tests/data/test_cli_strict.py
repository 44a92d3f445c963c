"""`khatlon-dashboard validate [--strict]`: warnings, the summary line, and large broken files."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .bigfolder import make_big_folder
from .helpers import write_rows

HEADER = ["district", "indicator", "year", "value", "lower", "upper", "sample_size", "note", "status"]
SCRIPT = Path(sys.executable).parent / "khatlon-dashboard"
MEASURE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:]).returncode; "
    "print(f'{time.perf_counter() - start:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', "
    "file=sys.stderr); sys.exit(code)"
)


def run_validate(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), "validate", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def write_shares(data_dir: Path) -> None:
    """A survey round with percentages written as shares (a warning), replacing three model rows."""
    rows = [
        [unit, "hh_member_abroad_pct", "2024", share, "", "", "", "", "survey"]
        for unit, share in (("dusti", "0.41"), ("kulob", "0.38"), ("vose", "0.4"))
    ]
    write_rows(data_dir / "indicators" / "round.csv", [HEADER, *rows])


def test_warnings_exit_0_and_are_printed_with_the_summary(data_copy: Path) -> None:
    write_shares(data_copy)
    result = run_validate("data", cwd=data_copy.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "data/indicators/round.csv:2: value: warning: all 3 values of hh_member_abroad_pct are between 0 and 1; "
        "percentages are 0-100 (write 41.0, not 0.41)"
    )
    assert lines[1].startswith("data: OK (25 units, ")
    assert lines[1].endswith(" values; 3 illustrative rows replaced by survey rows); 1 warning")
    assert len(lines) == 2 and result.stderr == ""


def test_strict_turns_warnings_into_exit_1(data_copy: Path) -> None:
    write_shares(data_copy)
    result = run_validate("data", "--strict", cwd=data_copy.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("data/indicators/round.csv:2: value: warning: all 3 values")
    assert result.stderr.strip() == "1 warning found in data (--strict: warnings count as problems)"


def test_strict_on_clean_data_exits_0(data_copy: Path) -> None:
    result = run_validate("data", "--strict", cwd=data_copy.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("data: OK (25 units, ") and "replaced" not in result.stdout


def test_errors_and_warnings_are_counted(data_copy: Path) -> None:
    write_shares(data_copy)
    write_rows(
        data_copy / "indicators" / "bad.csv",
        [HEADER, ["dusti", "hh_member_abroad_pct", "2019", "x", "", "", "", "", ""]],
    )
    result = run_validate("data", cwd=data_copy.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "data/indicators/bad.csv:2: value: 'x' is not a number"
    assert result.stderr.strip() == "1 problem and 1 warning found in data"


def test_200000_rows_half_broken(tmp_path: Path) -> None:
    """A copy of the bundled data plus 200,000 rows, half of them broken in assorted ways."""
    folder = make_big_folder(tmp_path / "big")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(SCRIPT), "validate", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.perf_counter() - start
    seconds, kilobytes = result.stderr.splitlines()[-1].split()
    print(f"validate 200,000 rows: {seconds} s, peak RSS {int(kilobytes) / 1024:.0f} MB")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    big = [line for line in result.stdout.splitlines() if "/indicators/big_round.csv:" in line]
    assert len(big) == 51
    assert big[-1].endswith("more problems in this file")
    assert elapsed < 30
    assert int(kilobytes) < 300 * 1024
