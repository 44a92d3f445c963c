"""``khatlon-dashboard brief``: every unit's brief printed by headless Chromium fits on one A4 page and
says what the page says (read back with pypdf); an unknown name or a missing browser is one line, exit 1.

These tests need Debian's ``chromium`` (``make test`` installs it) and run in ``make test``: they are
marked ``pdf``, never skipped. The 25 prints run three at a time (about 30 s on two cores).
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from dashboard import cli
from dashboard.brief.content import build_brief
from dashboard.data import DataStore
from dashboard.figures import RenderContext

pytestmark = pytest.mark.pdf
A4_POINTS = (595, 842)  # 210 x 297 mm
PARALLEL = 3  # Chromium processes at once


def flat(text: str) -> str:
    """Text without any white space: pypdf breaks lines where the page wraps and puts a space where the
    font changes (a Tajik letter from the bundled subset inside a word: "Д ӯ ст ӣ")."""
    return "".join(text.split())


def pdf_text(path: Path) -> tuple[int, str, tuple[int, int]]:
    """Page count, the text (without white space) and the first page's size in points."""
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    return (
        len(reader.pages),
        flat(" ".join(p.extract_text() for p in reader.pages)),
        (round(box.width), round(box.height)),
    )


def check_brief(store: DataStore, unit_id: str, language: str, path: Path) -> None:
    pages, text, size = pdf_text(path)
    brief = build_brief(store, unit_id, RenderContext(language))
    assert pages == 1, f"{unit_id} ({language}): {pages} pages"
    assert size == A4_POINTS
    assert flat(brief.name) in text, unit_id
    found = [r.value_text for r in brief.rows if flat(r.value_text) in text]
    assert len(found) >= 2, (unit_id, language, [r.value_text for r in brief.rows], text[:600])
    assert flat(brief.illustrative_mark) in text


def test_every_units_brief_prints_on_one_a4_page(store: DataStore, tmp_path: Path, capsys) -> None:
    """All 25 units in English, through the command's function (one loaded store, three prints at a time)."""
    names = {unit_id: unit.name_en for unit_id, unit in store.units.items()}
    started = time.perf_counter()

    def run(unit_id: str) -> int:
        return cli.brief(names[unit_id], "en", str(tmp_path / f"{unit_id}.pdf"), store=store)

    with ThreadPoolExecutor(PARALLEL) as pool:
        statuses = dict(zip(names, pool.map(run, names)))
    elapsed = time.perf_counter() - started
    assert statuses == dict.fromkeys(names, 0)
    for unit_id in names:
        check_brief(store, unit_id, "en", tmp_path / f"{unit_id}.pdf")
    output = capsys.readouterr().out
    assert output.count(" written\n") == 25 and f"{tmp_path / 'dusti.pdf'}: brief of Dusti (en) written" in output
    assert elapsed < 240, f"25 briefs took {elapsed:.0f} s"
    print(f"25 briefs printed in {elapsed:.1f} s")


@pytest.mark.parametrize(("spelling", "unit_id", "language"), [("Jilikul", "dusti", "tg"), ("Куляб", "kulob", "ru")])
def test_the_command_in_russian_and_tajik(
    store: DataStore, tmp_path: Path, spelling: str, unit_id: str, language: str, capsys
) -> None:
    out = tmp_path / "brief.pdf"
    assert cli.main(["brief", "--district", spelling, "--lang", language, "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip().endswith(f"({language}) written")
    check_brief(store, unit_id, language, out)
    pages, text, _ = pdf_text(out)
    if language == "tg":
        assert "Дӯстӣ" in text and "Хатлон" in text  # the Tajik letters, from the bundled font subset


def test_an_unknown_district_is_one_line_naming_close_spellings(store: DataStore, tmp_path: Path, capsys) -> None:
    out = tmp_path / "brief.pdf"
    assert cli.brief("Dusty", "en", str(out), store=store) == 1
    output = capsys.readouterr().out
    assert output.count("\n") == 1 and "Traceback" not in output
    assert output.startswith("brief: unknown district 'Dusty'; did you mean Dusti") and not out.exists()


def test_no_chromium_is_one_line(store: DataStore, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KHATLON_CHROMIUM", str(tmp_path / "no-such-browser"))
    out = tmp_path / "brief.pdf"
    assert cli.brief("Dusti", "en", str(out), store=store) == 1
    output = capsys.readouterr().out
    assert output.count("\n") == 1 and output.startswith("brief: no Chromium found") and not out.exists()
