"""The bundled "Khatlon Tajik" font subsets (no browser): files, glyphs, @font-face rules, font stacks.

The files are built by tools/build_font_subset.py; see assets/fonts/README.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.figures.style import FONT_FAMILY

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
FAMILY = "Khatlon Tajik"
# Ғ ғ Қ қ Ҳ ҳ Ҷ ҷ Ӣ ӣ Ӯ ӯ
TAJIK = [0x0492, 0x0493, 0x049A, 0x049B, 0x04B2, 0x04B3, 0x04B6, 0x04B7, 0x04E2, 0x04E3, 0x04EE, 0x04EF]
UNICODE_RANGE = "U+0492-0493, U+049A-049B, U+04B2-04B3, U+04B6-04B7, U+04E2-04E3, U+04EE-04EF"
WEIGHTS = {400: "khatlon-tajik-regular.woff2", 700: "khatlon-tajik-bold.woff2"}


def families(stack: str) -> list[str]:
    return [name.strip().strip("'\"") for name in stack.split(",")]


def font_face_rules() -> list[dict[str, str]]:
    css = re.sub(r"/\*.*?\*/", "", (ASSETS / "fonts.css").read_text(encoding="utf-8"), flags=re.S)
    rules = []
    for body in re.findall(r"@font-face\s*{(.*?)}", css, flags=re.S):
        declarations = (d.split(":", 1) for d in body.split(";") if d.strip())
        rules.append({key.strip(): value.strip() for key, value in declarations})
    return rules


def range_code_points(unicode_range: str) -> set[int]:
    points: set[int] = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_the_unicode_range_is_exactly_the_tajik_letters():
    assert range_code_points(UNICODE_RANGE) == set(TAJIK)
    assert "".join(map(chr, TAJIK)) == "ҒғҚқҲҳҶҷӢӣӮӯ"


@pytest.mark.parametrize("name", WEIGHTS.values())
def test_subset_files_exist_are_woff2_and_small(name):
    data = (FONTS / name).read_bytes()
    assert data[:4] == b"wOF2"
    assert len(data) < 20_000


def test_licence_and_readme_are_bundled():
    licence = (FONTS / "LICENSE-NotoSans.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Copyright" in licence
    readme = (FONTS / "README.md").read_text(encoding="utf-8")
    assert "python tools/build_font_subset.py" in readme and UNICODE_RANGE in readme


@pytest.mark.parametrize(("weight", "name"), WEIGHTS.items())
def test_subsets_map_exactly_the_tajik_letters(weight, name):
    from fontTools.ttLib import TTFont  # fonttools[woff] (with brotli) is in the test extra

    font = TTFont(FONTS / name)
    assert font.flavor == "woff2"
    cmap = font.getBestCmap()
    assert sorted(cmap) == TAJIK
    glyphs = font.getGlyphSet()
    for code in TAJIK:  # a real outline, not an empty glyph
        assert font["glyf"][cmap[code]].numberOfContours != 0, f"U+{code:04X}"
        assert glyphs[cmap[code]].width > 0
    assert font["name"].getDebugName(1) == FAMILY
    assert font["OS/2"].usWeightClass == weight


def test_fonts_css_declares_both_weights_with_the_unicode_range():
    rules = font_face_rules()
    assert len(rules) == 2
    by_weight = {int(rule["font-weight"]): rule for rule in rules}
    assert set(by_weight) == set(WEIGHTS)
    for weight, name in WEIGHTS.items():
        rule = by_weight[weight]
        assert rule["font-family"] == f'"{FAMILY}"'
        assert rule["src"] == f'url("fonts/{name}") format("woff2")'
        assert rule["unicode-range"] == UNICODE_RANGE
        assert rule["font-display"] == "swap"
        assert (ASSETS / "fonts" / name).is_file()  # the url is relative to assets/fonts.css


def test_the_family_comes_first_in_the_page_and_figure_stacks():
    css = (ASSETS / "style.css").read_text(encoding="utf-8")
    root = re.search(r":root\s*{(.*?)}", css, flags=re.S).group(1)
    stack = re.search(r"(?<![-\w])font-family:\s*([^;]+);", root).group(1)
    assert families(stack)[0] == FAMILY
    assert families(FONT_FAMILY)[0] == FAMILY
    # the system fonts follow unchanged
    assert families(stack)[1:] == families(FONT_FAMILY)[1:]
