"""Figures -> PNG bytes with kaleido (headless Chromium), offline.

Nothing is fetched from the network while drawing:

* plotly.js is the local plotly package's (``plotly/package_data/plotly.min.js``), MathJax is off
  (kaleido would load it from a CDN otherwise): both through a :class:`kaleido.PageGenerator` whose
  page names local files only (:func:`page`);
* the choropleths' world topojson comes from ``assets/topojson/`` (a ``file://`` folder URL; plotly
  fetches ``world_110m.json`` from a CDN otherwise, DESIGN §6), and the boundaries are embedded in
  each figure instead of their URL (:func:`embed_geojson`);
* Chromium is started with a proxy that does not exist (:data:`NO_NETWORK`), so a request that would
  still leave the machine fails instead.

Fonts: Chromium draws the figures' SVG text with the system's fonts (fontconfig; web fonts do not
reach an SVG drawn as an image). The dashboard's Tajik letter subset (``assets/fonts/*.woff2``,
"Khatlon Tajik", first in the figures' font family) is converted to TrueType into a temporary folder
that a fontconfig file adds to the system's fonts, so ӣ ӯ ҳ ҷ қ ғ are drawn even where no system
font has them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import plotly

from .plan import Picture

LOG = logging.getLogger(__name__)
ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
TOPOJSON_DIR = ASSETS_DIR / "topojson"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
NO_NETWORK = "http://127.0.0.1:9"  # the discard port: a proxy that answers nothing (file:// is not proxied)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TABS = 2  # figures drawn at once (two cores on the machines measured)
TIMEOUT = 90  # seconds for one figure


class RendererUnavailable(RuntimeError):
    """No Chromium could be found or started: the charts cannot be drawn on this machine."""


def chromium_path() -> str | None:
    """``BROWSER_PATH`` (kaleido's variable), ``KHATLON_CHROMIUM``, else the first Chromium on ``PATH``."""
    for variable in ("BROWSER_PATH", "KHATLON_CHROMIUM"):
        if os.environ.get(variable):
            return os.environ[variable]
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def topojson_url() -> str:
    """The folder of the empty world topojson, as a ``file://`` URL ending in ``/`` (plotly adds the name)."""
    return TOPOJSON_DIR.resolve().as_uri() + "/"


def page():
    """The page kaleido draws in: local plotly.js, no MathJax, no other script."""
    from kaleido import PageGenerator

    return PageGenerator(plotly=str(PLOTLY_JS), mathjax=False)


def kaleido_options(fonts_config: Path | None = None) -> dict:
    """The arguments of ``kaleido.Kaleido``: what makes drawing offline (a test checks them)."""
    return {
        "n": TABS,
        "timeout": TIMEOUT,
        "page_generator": page(),
        "path": chromium_path(),
        "proxy_server": NO_NETWORK,
        "browser_cls": _browser_class(fonts_config),
    }


def _browser_class(fonts_config: Path | None):
    """choreographer's Chromium, started with ``FONTCONFIG_FILE`` naming our fonts (when there are any)."""
    from choreographer.browsers import Chromium

    class LocalFontsChromium(Chromium):
        def get_env(self):
            env = super().get_env()
            if fonts_config is not None:
                env["FONTCONFIG_FILE"] = str(fonts_config)
            return env

    return LocalFontsChromium


def local_fonts(folder: Path) -> Path | None:
    """A fontconfig file: the system's fonts plus the Tajik subset as TrueType in ``folder``.

    ``None`` (system fonts only, with a warning) when the subset cannot be converted.
    """
    try:
        from fontTools.ttLib import TTFont

        fonts = folder / "fonts"
        fonts.mkdir()
        for woff2 in sorted(FONTS_DIR.glob("*.woff2")):
            font = TTFont(woff2)
            font.flavor = None  # WOFF2 -> plain TrueType, which Chromium's fontconfig reads
            font.save(fonts / f"{woff2.stem}.ttf")
    except Exception as error:  # noqa: BLE001 - the figures still draw, with the system's fonts
        LOG.warning("deck: the Tajik font subset is not used (%s: %s)", type(error).__name__, error)
        return None
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(system)}</include>\n'
        f"  <dir>{escape(str(fonts))}</dir>\n"
        f"  <cachedir>{escape(str(folder / 'cache'))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def embed_geojson(figure: dict, geojson: dict) -> dict:
    """The figure with every trace's boundaries URL replaced by the GeoJSON itself (a shallow copy)."""
    data = [
        {**trace, "geojson": geojson} if isinstance(trace.get("geojson"), str) else trace
        for trace in figure.get("data", [])
    ]
    return {**figure, "data": data}


def image_options(picture: Picture) -> dict:
    return {"format": "png", "width": picture.width, "height": picture.height, "scale": picture.scale}


def render_pngs(pictures: Sequence[Picture], geojson: bytes | str | dict) -> list[bytes]:
    """Each picture as PNG bytes, in order. :class:`RendererUnavailable` when Chromium cannot start."""
    if not pictures:
        return []
    boundaries = geojson if isinstance(geojson, dict) else json.loads(geojson)
    figures = [(embed_geojson(p.figure, boundaries), image_options(p)) for p in pictures]
    with tempfile.TemporaryDirectory(prefix="khatlon-deck-") as folder:
        options = kaleido_options(local_fonts(Path(folder)))
        if options["path"] is None:
            raise RendererUnavailable("no Chromium found: install Debian's chromium, or set BROWSER_PATH")
        try:
            return asyncio.run(_render(figures, options))
        except Exception as error:
            if _browser_failure(error):
                raise RendererUnavailable(
                    f"Chromium ({options['path']}) could not be started: {type(error).__name__}; "
                    "install Debian's chromium, or set BROWSER_PATH to a Chromium or Chrome"
                ) from error
            raise


def _browser_failure(error: BaseException) -> bool:
    from choreographer.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError

    return isinstance(error, ChromeNotFoundError | BrowserFailedError | BrowserClosedError | FileNotFoundError)


async def _render(figures: list[tuple[dict, dict]], options: dict) -> list[bytes]:
    import kaleido

    async with kaleido.Kaleido(**options) as browser:
        return list(
            await asyncio.gather(
                *(browser.calc_fig(figure, opts=opts, topojson=topojson_url()) for figure, opts in figures)
            )
        )
