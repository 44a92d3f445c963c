"""The ``khatlon-dashboard`` command: ``serve`` the dashboard, ``validate`` a data folder, ``import`` a
published table, ``estimate`` indicators from household microdata or print a district ``brief``."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from .deck.command import add_deck_parser, deck_command
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


def _shown(folder: Path) -> str:
    """A folder as the user would type it: relative to the working directory when inside it."""
    try:
        return str(folder.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(folder)


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


def import_table_command(args: argparse.Namespace) -> int:
    """Read a wide table, write the tidy CSV, check it with the data folder, print a summary and a diff."""
    from .data.importer import ImportOptions, import_table
    from .data.intake import compare, describe_changes, write_checked
    from .data.loader import cached_resolver, check_data_dir

    data_dir = Path(args.data) if args.data else Settings.from_env().data_dir
    shown_data = args.data or _shown(data_dir)
    table = Path(args.table)
    store = check_data_dir(data_dir).store
    if store is None:
        print(f"{shown_data}: the data folder has problems; run `khatlon-dashboard validate {shown_data}` first")
        return 1
    if args.indicator not in store.indicators:
        close = ", ".join(difflib.get_close_matches(args.indicator, list(store.indicators), n=3)) or "none"
        print(f"{args.table}:1: -: unknown indicator {args.indicator!r} (closest: {close})")
        return 1
    given = {
        role: value for role in ("value", "lower", "upper", "n", "name") if (value := getattr(args, f"{role}_column"))
    }
    options = ImportOptions(
        args.indicator,
        args.year,
        args.sheet,
        args.status,
        args.source or "",
        args.source_url or "",
        given,
        args.decimal,
    )
    result = import_table(table, options, cached_resolver(data_dir.resolve()), args.table)
    for problem in result.problems:
        print(problem)
    if result.rows.empty or any(not p.warning for p in result.problems):
        print(f"{len(result.problems)} problem(s) in {args.table}; nothing written", file=sys.stderr)
        return 1
    out = Path(args.out)
    problems = write_checked(result.rows, out, data_dir, args.out)
    for problem in problems:
        print(problem)
    khatlon = "with" if "khatlon" in set(result.rows["district"]) else "without"
    print(f"{args.table}: {len(result.rows)} rows for {args.indicator}, {args.year} ({khatlon} a Khatlon row)")
    for line, text in result.skipped:
        print(f"  line {line} skipped (not a district): {text!r}")
    if any(not p.warning for p in problems):
        print(
            f"{args.out}: not written: the rows do not pass validation with {shown_data} (see above)", file=sys.stderr
        )
        return 1
    print(f"{args.out}: written and valid with {shown_data}")
    for line in describe_changes(compare(result.rows, store, args.indicator, args.year), shown_data):
        print(line)
    return 0


def estimate_command(args: argparse.Namespace) -> int:
    """Household microdata + mapping -> district and Khatlon estimates (tidy CSV), checked with the folder."""
    import pandas as pd

    from .data.estimate import estimate, load_mapping, prepare, read_microdata
    from .data.intake import write_checked
    from .data.loader import cached_resolver, check_data_dir
    from .data.problems import Problem

    data_dir = Path(args.data) if args.data else Settings.from_env().data_dir
    store = check_data_dir(data_dir).store
    if store is None:
        print(f"{data_dir}: the data folder has problems; run `khatlon-dashboard validate` first")
        return 1
    mapping, problems = load_mapping(Path(args.map), args.map)
    if mapping is not None:
        problems += [
            Problem(args.map, 1, "indicators", f"unknown indicator {spec.indicator!r}")
            for spec in mapping.indicators
            if spec.indicator not in store.indicators
        ]
    if problems or mapping is None:
        for problem in problems:
            print(problem)
        return 1
    frame = read_microdata(Path(args.microdata))
    prepared, problems = prepare(frame, mapping, cached_resolver(data_dir.resolve()), args.microdata)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.microdata}; nothing written", file=sys.stderr)
        return 1
    rows = estimate(prepared, mapping, dict(store.indicators))
    out = Path(args.out)
    problems = write_checked(rows, out, data_dir, args.out)
    for problem in problems:
        print(problem)
    print(f"{args.microdata}: {len(frame)} households, {prepared['_psu'].nunique()} clusters, "
          f"{prepared['_stratum'].nunique()} strata")  # fmt: skip
    for spec in mapping.indicators:
        mine = rows[rows["indicator"] == spec.indicator]
        flagged = mine["note"].str.contains("small sample").sum()
        hidden = mine["note"].str.contains("does not show").sum()
        khatlon = mine[mine["district"] == "khatlon"]
        whole = "no Khatlon estimate (no household in the domain)"
        if len(khatlon):
            row = khatlon.iloc[0]
            interval = f"{row.lower:.1f}-{row.upper:.1f}, " if pd.notna(row.lower) else ""
            whole = f"Khatlon {row.value:.1f} ({interval}n={row.sample_size})"
        units = len(mine) - len(khatlon)
        counts = f"{flagged} small samples, {hidden} not shown (too few responses)"
        print(f"  {spec.indicator}: {units} units + {whole}; {counts}")
    if any(not p.warning for p in problems):
        print(f"{args.out}: not written: the rows do not pass validation (see above)", file=sys.stderr)
        return 1
    print(f"{args.out}: written and valid with {args.data or _shown(data_dir)}")
    return 0


def brief(district: str, language: str, out: str, data_dir: str | None = None, store=None) -> int:
    """Print a unit's district brief (any spelling of its name) to the PDF ``out`` with headless Chromium.

    One line on success or failure: an unknown name (with close spellings), no Chromium, a data folder
    with problems. ``store``: an already loaded store (to print many briefs without reloading).
    """
    from .brief.pdf import PrintError, write_brief
    from .data import UnknownDistrictError
    from .data.loader import check_data_dir

    if store is None:
        folder = Path(data_dir) if data_dir else Settings.from_env().data_dir
        store = check_data_dir(folder).store
        if store is None:
            shown = data_dir or _shown(folder)
            print(f"{shown}: the data folder has problems; run `khatlon-dashboard validate {shown}` first")
            return 1
    try:
        unit_id = write_brief(store, district, language, Path(out))
    except UnknownDistrictError as error:
        print(f"brief: {error}")
        return 1
    except PrintError as error:
        print(f"brief: {error}")
        return 1
    print(f"{out}: brief of {store.units[unit_id].name_en} ({language}) written")
    return 0


def _without_traceback(command, args: argparse.Namespace, shown: str) -> int:
    """Run a data officer's command; an unexpected error is one line to report, never a traceback."""
    try:
        return command(args)
    except Exception as error:  # noqa: BLE001 - a data officer gets one line, not a traceback
        print(f"{shown}:1: -: internal error ({type(error).__name__}: {error}); please report it with the file")
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="khatlon-dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder and list every problem")
    check.add_argument("data_dir", nargs="?", help=f"data folder (default: KHATLON_DATA_DIR or {BUNDLED_DATA_DIR})")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems (exit status 1)")
    run = commands.add_parser("serve", help="serve the dashboard with gunicorn")
    run.add_argument("--host", help="interface to listen on (default: HOST or 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default: PORT or 8050)")
    table = commands.add_parser("import", help="read a published table (a row per district) into the tidy format")
    table.add_argument("table", help="the table: .xlsx or .csv")
    table.add_argument("--indicator", required=True, help="catalogue id of the indicator the table gives")
    table.add_argument("--year", required=True, type=int)
    table.add_argument("--sheet", help="worksheet name (default: the first)")
    table.add_argument("--status", default="survey", choices=["survey", "official", "estimate"])
    table.add_argument("--source", help="the source's name, as it should be cited (default: the file name)")
    table.add_argument("--source-url", help="where the table was published")
    table.add_argument("--data", help="data folder to check and compare with (default: KHATLON_DATA_DIR or data/)")
    table.add_argument("--out", required=True, help="the tidy CSV to write (put it in data/indicators/ to use it)")
    for role in ("name", "value", "lower", "upper", "n"):
        table.add_argument(f"--{role}-column", help=f"heading of the {role} column, if not found by its heading")
    table.add_argument("--decimal", choices=["auto", "comma", "point"], default="auto", help="decimal separator")
    micro = commands.add_parser("estimate", help="district and Khatlon estimates from household microdata")
    micro.add_argument("microdata", help="household microdata: .csv or .xlsx, a row per household")
    micro.add_argument("--map", required=True, help="YAML mapping of survey columns to indicators")
    micro.add_argument("--data", help="data folder to check with (default: KHATLON_DATA_DIR or data/)")
    micro.add_argument("--out", required=True, help="the tidy CSV to write")
    sheet = commands.add_parser("brief", help="print a district's brief (one A4 page) to PDF with headless Chromium")
    sheet.add_argument("--district", required=True, help="the district or city, in any spelling (Dusti, Куляб, ...)")
    sheet.add_argument("--lang", choices=["en", "ru", "tg"], default="en", help="language of the brief (default: en)")
    sheet.add_argument("--out", required=True, help="the PDF file to write")
    sheet.add_argument("--data", help="data folder (default: KHATLON_DATA_DIR or data/)")
    add_deck_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "deck":
        return _without_traceback(deck_command, args, args.out)
    if args.command == "brief":
        return _without_traceback(lambda a: brief(a.district, a.lang, a.out, a.data), args, args.out)
    if args.command == "estimate":
        return _without_traceback(estimate_command, args, args.microdata)
    if args.command == "validate":
        return validate(args.data_dir, args.strict)
    if args.command == "import":
        return _without_traceback(import_table_command, args, args.table)
    return serve(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
