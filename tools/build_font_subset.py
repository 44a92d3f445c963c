"""Build the "Khatlon Tajik" web-font subsets: Noto Sans cut down to the Tajik-specific letters.

    python tools/build_font_subset.py [--source-dir DIR | --deb FILE]

Needs ``fonttools`` and ``brotli`` (``pip install 'fonttools[woff]'``, both in the ``test`` extra);
the dashboard itself does not: it only serves the files this script writes.

Why: Debian's Liberation fonts have no glyphs for the six Tajik letter pairs below, and a machine
need not have DejaVu or Noto installed. ``assets/fonts.css`` declares the subsets with a
``unicode-range`` of exactly these code points, so the browser uses them for those letters only, and
downloads them only when such a letter is on the page; every other letter keeps the system font.

Writes, in ``assets/fonts/``:

* ``khatlon-tajik-regular.woff2`` and ``khatlon-tajik-bold.woff2`` (weights 400 and 700),
* ``LICENSE-NotoSans.txt`` (the fonts' copyright and the SIL Open Font License 1.1),
* ``README.md`` (what the files are, from which font and package version, how to rebuild).

Source: Debian's ``fonts-noto-core`` package (Noto Sans 2.004 in Debian 12). By default the fonts
and the licence are read from that package where it is installed; otherwise the package is fetched
with ``apt-get download`` (no installation, no root needed) and unpacked with ``dpkg -x`` into a
temporary folder. ``--deb`` takes an already downloaded ``.deb``; ``--source-dir`` a folder holding
``NotoSans-Regular.ttf``, ``NotoSans-Bold.ttf`` and Debian's ``copyright`` file.

The output is reproducible: the same source font, fontTools and brotli give the same bytes (the
font's own timestamps are kept rather than set to the build time).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "fonts"

FAMILY = "Khatlon Tajik"
POSTSCRIPT_FAMILY = "KhatlonTajik"
PACKAGE = "fonts-noto-core"
SYSTEM_FONT_DIR = Path("/usr/share/fonts/truetype/noto")
SYSTEM_COPYRIGHT = Path(f"/usr/share/doc/{PACKAGE}/copyright")
LICENSE_NAME = "LICENSE-NotoSans.txt"

# The Tajik letters that Russian Cyrillic lacks, capital and small (12 code points).
TAJIK_LETTERS = {
    0x0492: "CYRILLIC CAPITAL LETTER GHE WITH STROKE",
    0x0493: "CYRILLIC SMALL LETTER GHE WITH STROKE",
    0x049A: "CYRILLIC CAPITAL LETTER KA WITH DESCENDER",
    0x049B: "CYRILLIC SMALL LETTER KA WITH DESCENDER",
    0x04B2: "CYRILLIC CAPITAL LETTER HA WITH DESCENDER",
    0x04B3: "CYRILLIC SMALL LETTER HA WITH DESCENDER",
    0x04B6: "CYRILLIC CAPITAL LETTER CHE WITH DESCENDER",
    0x04B7: "CYRILLIC SMALL LETTER CHE WITH DESCENDER",
    0x04E2: "CYRILLIC CAPITAL LETTER I WITH MACRON",
    0x04E3: "CYRILLIC SMALL LETTER I WITH MACRON",
    0x04EE: "CYRILLIC CAPITAL LETTER U WITH MACRON",
    0x04EF: "CYRILLIC SMALL LETTER U WITH MACRON",
}
# As written in assets/fonts.css (pairs of adjacent code points).
UNICODE_RANGE = "U+0492-0493, U+049A-049B, U+04B2-04B3, U+04B6-04B7, U+04E2-04E3, U+04EE-04EF"


@dataclass(frozen=True)
class Weight:
    style: str  # the source font's style name, as in NotoSans-<style>.ttf
    css_weight: int
    output: str


WEIGHTS = (
    Weight("Regular", 400, "khatlon-tajik-regular.woff2"),
    Weight("Bold", 700, "khatlon-tajik-bold.woff2"),
)


@dataclass(frozen=True)
class Source:
    font_dir: Path
    copyright_file: Path
    package_version: str


def subset_options() -> subset.Options:
    options = subset.Options()
    options.flavor = "woff2"
    # Keep the TrueType hinting (about 2.3 kB of the 3.9 kB files): the letters then render as
    # crisply as the hinted system fonts beside them on Windows. Layout features (kerning and mark
    # positioning among these letters) stay at fontTools' defaults.
    options.hinting = True
    options.notdef_outline = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence
    options.name_languages = [0x0409]
    options.drop_tables += ["DSIG"]
    return options


def rename(font: TTFont, style: str, source_version: str) -> None:
    """Give the subset its own family name: it is a Modified Version under the OFL."""
    name = font["name"]
    postscript = f"{POSTSCRIPT_FAMILY}-{style}"
    records = {
        1: FAMILY,
        2: style,
        3: f"{source_version};{postscript}",
        4: f"{FAMILY} {style}",
        6: postscript,
        10: f"Subset of Noto Sans {source_version} with the Tajik letters only, for the Khatlon Migration Dashboard.",
    }
    for name_id, text in records.items():
        name.removeNames(nameID=name_id)
        name.setName(text, name_id, 3, 1, 0x0409)  # Windows, Unicode BMP, en-US


def font_version(font: TTFont) -> str:
    """'2.004' from 'Version 2.004; ttfautohint ...'."""
    match = re.match(r"Version\s+([0-9.]+)", font["name"].getDebugName(5) or "")
    return match.group(1) if match else f"{font['head'].fontRevision:.3f}"


def build_subset(source: Path, style: str) -> tuple[bytes, str]:
    font = TTFont(source, recalcTimestamp=False)
    version = font_version(font)
    options = subset_options()
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(TAJIK_LETTERS))
    subsetter.subset(font)
    rename(font, style, version)
    missing = set(TAJIK_LETTERS) - set(font.getBestCmap())
    if missing:
        raise SystemExit(f"{source.name} lacks {', '.join(f'U+{c:04X}' for c in sorted(missing))}")
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)  # applies options.flavor (WOFF2)
    return buffer.getvalue(), version


def licence_text(copyright_file: Path) -> str:
    """The fonts' copyright and the full OFL 1.1 text, from Debian's machine-readable copyright file."""
    paragraphs = re.split(r"\n\s*\n", copyright_file.read_text(encoding="utf-8"))
    holders = ""
    body = ""
    for paragraph in paragraphs:
        fields = parse_paragraph(paragraph)
        if fields.get("Files", "").strip() == "*":
            holders = fields.get("Copyright", "")
        if "Files" not in fields and fields.get("License", "").startswith("OFL-1.1\n"):
            body = fields["License"].split("\n", 1)[1]
    if not holders or not body:
        raise SystemExit(f"{copyright_file}: no copyright for Files: * or no OFL-1.1 licence text")
    notice = "\n".join(f"Copyright (c) {line.strip().rstrip(',')}" for line in holders.strip().splitlines())
    return (
        "Noto Sans (the Khatlon Tajik subsets in this folder are a Modified Version of it)\n\n"
        f"{notice}\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n\n"
        "-----------------------------------------------------------\n"
        "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n"
        "-----------------------------------------------------------\n\n"
        f"{body.rstrip()}\n"
    )


def parse_paragraph(paragraph: str) -> dict[str, str]:
    """Fields of one deb822 paragraph; continuation lines lose one leading space, ' .' is a blank line."""
    fields: dict[str, str] = {}
    key = None
    for line in paragraph.splitlines():
        if line[:1] in (" ", "\t") and key:
            fields[key] += "\n" + ("" if line.strip() == "." else line[1:])
        elif ":" in line:
            key, value = line.split(":", 1)
            fields[key] = value.strip()
    return fields


def readme(sizes: dict[str, int], version: str, package_version: str) -> str:
    letters = "\n".join(f"| U+{code:04X} | {chr(code)} | {name.title()} |" for code, name in TAJIK_LETTERS.items())
    files = "\n".join(
        f"| `{w.output}` | {w.css_weight} | Noto Sans {w.style} {version} | {sizes[w.output]:,} bytes |"
        for w in WEIGHTS
    )
    return f"""# Bundled font: "{FAMILY}"

Subsets of **Noto Sans {version}** (from Debian's `{PACKAGE}` package, version {package_version})
holding only the Tajik letters that Russian Cyrillic lacks, so that they render on machines whose
fonts have no glyphs for them (Debian's Liberation fonts have none; DejaVu and Noto need not be
installed). Nothing is fetched from the internet.

| file | CSS weight | from | size |
| --- | --- | --- | --- |
{files}

`../fonts.css` declares them as the family `"{FAMILY}"` with

    unicode-range: {UNICODE_RANGE};

and the family comes first in the font stacks of `../style.css` and `dashboard/figures/style.py`.
Because of the `unicode-range`, the browser uses these faces for these 12 code points only (every
other character keeps the system font) and downloads a file only when a page shows one of them.

| code point | letter | name |
| --- | --- | --- |
{letters}

The files also hold the glyphs that these letters are composed of (И, и, У, у and the macron);
those are not mapped to any character, so the fonts draw nothing else.

## Licence

Noto Sans is licensed under the SIL Open Font License 1.1: see `{LICENSE_NAME}`. The subsets are a
Modified Version under that licence, renamed "{FAMILY}", and are distributed under the same licence.

## Rebuilding

    pip install 'fonttools[woff]'   # fontTools and brotli; both are in the project's `test` extra
    python tools/build_font_subset.py

The script reads `NotoSans-Regular.ttf`, `NotoSans-Bold.ttf` and the licence from the installed
`{PACKAGE}` package, or else downloads that package with `apt-get download` and unpacks it with
`dpkg -x` (nothing is installed). It rewrites the two `.woff2` files, `{LICENSE_NAME}` and this
README. The code points are listed in the script (`TAJIK_LETTERS`);
`tests/figures/test_font_subset.py` checks the files against them and against `../fonts.css`.
"""


def system_source() -> Source | None:
    fonts = [SYSTEM_FONT_DIR / f"NotoSans-{w.style}.ttf" for w in WEIGHTS]
    if not all(f.is_file() for f in fonts) or not SYSTEM_COPYRIGHT.is_file():
        return None
    query = ["dpkg-query", "--showformat=${Version}", "--show", PACKAGE]
    version = subprocess.run(query, capture_output=True, text=True, check=False).stdout.strip() or "unknown"
    return Source(SYSTEM_FONT_DIR, SYSTEM_COPYRIGHT, version)


def deb_source(deb: Path, workdir: Path) -> Source:
    unpacked = workdir / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    version = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return Source(unpacked / SYSTEM_FONT_DIR.relative_to("/"), unpacked / SYSTEM_COPYRIGHT.relative_to("/"), version)


def download_deb(workdir: Path) -> Path:
    if not shutil.which("apt-get"):
        raise SystemExit(f"{PACKAGE} is not installed and apt-get is missing: pass --deb or --source-dir")
    print(f"downloading {PACKAGE} with apt-get download", file=sys.stderr)
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    (deb,) = workdir.glob(f"{PACKAGE}_*.deb")
    return deb


def build(source: Source, out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}
    versions = set()
    for weight in WEIGHTS:
        data, version = build_subset(source.font_dir / f"NotoSans-{weight.style}.ttf", weight.style)
        versions.add(version)
        (out_dir / weight.output).write_bytes(data)
        sizes[weight.output] = len(data)
        print(f"{weight.output}: {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    (out_dir / LICENSE_NAME).write_text(licence_text(source.copyright_file), encoding="utf-8")
    (out_dir / "README.md").write_text(readme(sizes, "/".join(sorted(versions)), source.package_version), "utf-8")
    print(f"wrote {LICENSE_NAME} and README.md in {out_dir}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--deb", type=Path, help=f"a downloaded {PACKAGE} .deb")
    group.add_argument("--source-dir", type=Path, help="folder with NotoSans-Regular.ttf, NotoSans-Bold.ttf, copyright")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help=f"default: {OUT_DIR.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.source_dir:
            source = Source(args.source_dir, args.source_dir / "copyright", "unknown")
        elif args.deb:
            source = deb_source(args.deb, Path(tmp))
        else:
            source = system_source() or deb_source(download_deb(Path(tmp)), Path(tmp))
        build(source, args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
