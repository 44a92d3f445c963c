"""The brief as a PDF: the same HTML, made self-contained, printed by headless Chromium.

The file Chromium opens holds its styles and the Tajik font subset itself (``data:`` URLs), so it
prints offline, without the server, and the HTML can be kept beside the PDF.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..data import DataStore, UnknownDistrictError
from ..figures.render import RenderContext
from ..state import clean_unit
from .content import build_brief
from .page import Resources, brief_page

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_ENV = "KHATLON_CHROMIUM"  # a browser to use instead of the first of CHROMIUM_NAMES on PATH
# Headless and quiet (no background requests to Google's hosts), one throw-away profile per run.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=5000",  # fonts load before printing; time is virtual, so no real wait
)
TIMEOUT_SECONDS = 120
_FONT_URL = re.compile(r'url\("(fonts/[^"]+\.woff2)"\)')


class PrintError(RuntimeError):
    """The brief could not be printed (no browser, or the browser failed); the message says why."""


def find_chromium() -> str | None:
    """The browser to print with: ``KHATLON_CHROMIUM``, else the first Chromium or Chrome on PATH."""
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        return configured if shutil.which(configured) else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def offline_css(assets: Path = ASSETS_DIR) -> str:
    """``fonts.css`` with each font as a ``data:`` URL, then ``brief/brief.css``: styles needing no server."""

    def inline(match: re.Match) -> str:
        data = base64.b64encode((assets / match[1]).read_bytes()).decode("ascii")
        return f'url("data:font/woff2;base64,{data}")'

    fonts = _FONT_URL.sub(inline, (assets / "fonts.css").read_text(encoding="utf-8"))
    return fonts + "\n" + (assets / "brief" / "brief.css").read_text(encoding="utf-8")


def offline_html(store: DataStore, unit_id: str, language: str) -> str:
    """The brief's page with everything it needs written into it (no toolbar, no script)."""
    ctx = RenderContext(language)
    return brief_page(build_brief(store, unit_id, ctx), ctx, Resources(inline_css=offline_css()))


def print_pdf(html: str, out: Path, chromium: str | None = None) -> None:
    """Print ``html`` to the PDF file ``out`` with headless Chromium (raises :class:`PrintError`)."""
    browser = chromium or find_chromium()
    if browser is None:
        raise PrintError(
            "no Chromium found to print with (install Debian's `chromium` package, or set "
            f"{CHROMIUM_ENV} to a Chromium or Chrome executable)"
        )
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)  # a file left from an earlier run must not pass for this one
    with tempfile.TemporaryDirectory(prefix="khatlon-brief-") as folder:
        page = Path(folder) / "brief.html"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",  # its own profile: several prints may run at once
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PrintError(f"{browser} could not print the brief ({type(error).__name__}: {error})") from None
    if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise PrintError(
            f"{browser} did not write {out} (exit status {result.returncode}): {detail[-1] if detail else ''}"
        )


def write_brief(store: DataStore, district: str, language: str, out: Path, chromium: str | None = None) -> str:
    """Print the brief of ``district`` (any spelling) to ``out``; return the unit's id.

    Raises :class:`~dashboard.data.UnknownDistrictError` (naming close spellings) or :class:`PrintError`.
    """
    unit_id = clean_unit(store, district)
    if unit_id is None:
        store.resolve(district if isinstance(district, str) else "")  # raises, naming the closest names
        raise UnknownDistrictError(str(district))  # pragma: no cover - resolve() raised above
    print_pdf(offline_html(store, unit_id, language), Path(out), chromium)
    return unit_id
