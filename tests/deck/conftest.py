"""The English and Tajik decks, built once per session through ``khatlon-dashboard deck``."""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path

import pytest

from dashboard import cli

LANGUAGES = ("en", "tg")


@pytest.fixture(scope="session")
def decks(tmp_path_factory) -> dict[str, tuple[Path, str, float]]:
    """language -> (the .pptx written by the command, what it printed, seconds it took)."""
    folder = tmp_path_factory.mktemp("decks")
    built = {}
    for language in LANGUAGES:
        out = folder / f"deck-{language}.pptx"
        printed = io.StringIO()
        started = time.perf_counter()
        with contextlib.redirect_stdout(printed):
            status = cli.main(["deck", "--lang", language, "--out", str(out)])
        assert status == 0, printed.getvalue()
        built[language] = (out, printed.getvalue(), time.perf_counter() - started)
        print(f"deck {language}: {out.stat().st_size:,} bytes in {built[language][2]:.1f} s")
    return built
