"""``khatlon-dashboard deck [--lang tg|ru|en] [--scenes FILE] [--data DIR] --out FILE.pptx``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def deck_command(args: argparse.Namespace) -> int:
    """Write the storyboard's deck; one line on success, ``FILE:LINE: FIELD: message`` lines on problems."""
    from ..data.loader import check_data_dir
    from ..settings import Settings
    from . import build_deck
    from .images import RendererUnavailable
    from .plan import storyboard, with_scenes

    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"{args.out}: not written: the folder {out.parent} does not exist")
        return 1
    folder = Path(args.data) if args.data else Settings.from_env().data_dir
    shown = args.data or str(folder)
    store = check_data_dir(folder).store
    if store is None:
        print(f"{shown}: the data folder has problems; run `khatlon-dashboard validate {shown}` first")
        return 1
    if args.scenes:
        scenes, problems = storyboard(store, Path(args.scenes), args.scenes)
        for problem in problems:
            print(problem)
        if any(not problem.warning for problem in problems) or not scenes:
            print(f"{args.scenes}: the storyboard has problems; no deck written", file=sys.stderr)
            return 1
        store = with_scenes(store, scenes)
    if not store.scenes:
        print(f"{shown}: no storyboard (scenes.yaml); name one with --scenes")
        return 1
    started = time.monotonic()
    try:
        deck = build_deck(store, args.lang)
    except RendererUnavailable as error:
        print(f"{args.out}: not written: {error}")
        return 1
    out.write_bytes(deck)
    scenes = len(store.scenes)
    print(
        f"{args.out}: {scenes + 2} slides ({scenes} scenes, a title and a sources slide; {args.lang}), "
        f"{len(deck):,} bytes, built in {time.monotonic() - started:.1f} s"
    )
    return 0


def add_deck_parser(commands) -> None:
    """The ``deck`` subcommand's arguments (``commands``: the parser's subparsers)."""
    deck = commands.add_parser("deck", help="the presenter's storyboard as PowerPoint slides (16:9), one per scene")
    deck.add_argument("--lang", choices=["tg", "ru", "en"], default="en", help="language of the slides (default: en)")
    deck.add_argument("--scenes", help="another storyboard file (default: the data folder's scenes.yaml)")
    deck.add_argument("--data", help="data folder (default: KHATLON_DATA_DIR or data/)")
    deck.add_argument("--out", required=True, help="the .pptx file to write")
