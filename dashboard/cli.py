"""The ``khatlon-dashboard`` command: ``serve`` the dashboard or ``validate`` a data folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .settings import BUNDLED_DATA_DIR, Settings


def validate(data_dir: str | None) -> int:
    """Print one ``FILE:LINE: COLUMN: message`` line per problem; 0 if none, else 1."""
    from .data import validate_data_dir

    folder = Path(data_dir) if data_dir else Settings.from_env().data_dir
    shown = data_dir if data_dir else str(folder)
    try:
        store, problems = validate_data_dir(folder, shown_as=shown)
    except Exception as error:  # never show a traceback to a data officer
        print(
            f"{shown}:1: -: internal error while validating ({type(error).__name__}: {error}); "
            "please report it with the file that caused it"
        )
        return 1
    for problem in problems:
        print(problem)
    if store is None:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found in {shown}", file=sys.stderr)
        return 1
    rows = sum(len(store.rows(i)) for i in store.indicators)
    print(f"{shown}: OK ({len(store.districts)} units, {len(store.indicators)} indicators, {rows} values)")
    return 0


def serve(host: str | None, port: int | None) -> int:
    """Run the production server (gunicorn with ``gunicorn.conf.py``)."""
    from .server import run_gunicorn

    return run_gunicorn(host=host, port=port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="khatlon-dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder and list every problem")
    check.add_argument("data_dir", nargs="?", help=f"data folder (default: KHATLON_DATA_DIR or {BUNDLED_DATA_DIR})")
    run = commands.add_parser("serve", help="serve the dashboard with gunicorn")
    run.add_argument("--host", help="interface to listen on (default: HOST or 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default: PORT or 8050)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir)
    return serve(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
