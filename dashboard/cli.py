"""The ``khatlon-dashboard`` command: ``serve`` the dashboard or ``validate`` a data folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .settings import BUNDLED_DATA_DIR, Settings


def validate(data_dir: str | None, strict: bool = False) -> int:
    """Print one ``FILE:LINE: COLUMN: message`` line per problem (at most 50 per file).

    Exit status 0 if there is no error, else 1; with ``strict``, warnings count as errors.
    """
    from .data.loader import check_data_dir

    folder = Path(data_dir) if data_dir else Settings.from_env().data_dir
    shown = data_dir if data_dir else str(folder)
    try:
        validation = check_data_dir(folder, shown_as=shown)
    except Exception as error:  # never show a traceback to a data officer
        print(
            f"{shown}:1: -: internal error while validating ({type(error).__name__}: {error}); "
            "please report it with the file that caused it"
        )
        return 1
    for problem in validation.problems:
        print(problem)
    warnings = _count(validation.warnings, "warning")
    if validation.store is None:
        also = f" and {warnings}" if validation.warnings else ""
        print(f"{_count(validation.errors, 'problem')}{also} found in {shown}", file=sys.stderr)
        return 1
    if strict and validation.warnings:
        print(f"{warnings} found in {shown} (--strict: warnings count as problems)", file=sys.stderr)
        return 1
    also = f"; {warnings}" if validation.warnings else ""
    print(f"{shown}: OK ({validation.summary()}){also}")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def serve(host: str | None, port: int | None) -> int:
    """Check the data folder, then run the production server (gunicorn with ``gunicorn_conf.py``).

    A folder with problems is listed exactly as ``validate`` lists it and the command exits 1
    before anything says "Serving".
    """
    from .server import run_gunicorn

    if validate(None) != 0:
        print("Not serving: fix the problems above (khatlon-dashboard validate lists them).", file=sys.stderr)
        return 1
    return run_gunicorn(host=host, port=port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="khatlon-dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder and list every problem")
    check.add_argument("data_dir", nargs="?", help=f"data folder (default: KHATLON_DATA_DIR or {BUNDLED_DATA_DIR})")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems (exit status 1)")
    run = commands.add_parser("serve", help="serve the dashboard with gunicorn")
    run.add_argument("--host", help="interface to listen on (default: HOST or 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default: PORT or 8050)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir, args.strict)
    return serve(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
