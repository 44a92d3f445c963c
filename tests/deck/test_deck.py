"""``khatlon-dashboard deck``: the storyboard as 16:9 slides, read back with python-pptx and converted by
LibreOffice; the figures drawn offline; the command's errors in one line (the route: test_routes.py).

The English and Tajik decks are built once per session through the command (headless Chromium draws
the charts: Debian's ``chromium``, which ``make test`` installs, as it installs LibreOffice Impress).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from dashboard import cli
from dashboard.data import DataStore
from dashboard.deck import images
from dashboard.deck.images import embed_geojson, kaleido_options, local_fonts, topojson_url
from dashboard.deck.plan import GEOJSON_PLACEHOLDER, deck_indicators, deck_plan
from dashboard.figures import RenderContext
from dashboard.i18n import translator
from dashboard.layout.presenter import shows_illustrative
from dashboard.state import scene_state

from ..conftest import BUNDLED
from .conftest import LANGUAGES

MARK = "Illustrative data — not official statistics"
TAJIK_LETTERS = "ӣӯҳҷқғӢӮҲҶҚҒ"


def slide_title(slide) -> str:
    return slide.shapes.title.text_frame.text.replace("\u00a0", " ")  # digit groups are kept on one line


def pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def named_text(slide, name: str) -> str:
    return next((shape.text_frame.text for shape in slide.shapes if shape.name == name), "")


def table_text(slide) -> str:
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    return "\n".join(cell.text for table in tables for row in table.rows for cell in row.cells)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_slide_per_scene_with_a_title_and_a_sources_slide_all_16_9(decks, store: DataStore, language: str) -> None:
    path, printed, seconds = decks[language]
    deck = Presentation(str(path))
    assert len(deck.slides) == len(store.scenes) + 2
    assert deck.slide_width * 9 == deck.slide_height * 16  # every slide of a deck has the deck's size
    assert printed.startswith(f"{path}: {len(store.scenes) + 2} slides ({len(store.scenes)} scenes")
    assert seconds < 240, f"the {language} deck took {seconds:.0f} s"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_scene_slide_has_the_scenes_title_and_its_note_in_the_speaker_notes(
    decks, store: DataStore, language: str
) -> None:
    deck = Presentation(str(decks[language][0]))
    slides = list(deck.slides)[1:-1]
    for scene, slide in zip(store.scenes, slides):
        assert slide_title(slide) == scene.title(language)
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text == scene.note(language)
    t = translator(language)
    title_slide = deck.slides[0]
    assert slide_title(title_slide) == t("Khatlon Migration Dashboard")
    assert t("Data as of {date}", date=t.date(store.data_as_of())) in title_slide.placeholders[1].text_frame.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_scenes_have_high_resolution_png_pictures_undistorted_in_a_16_9_box(
    decks, store: DataStore, language: str
) -> None:
    deck = Presentation(str(decks[language][0]))
    plan = deck_plan(store, language)
    for scene, slide in zip(plan.scenes, list(deck.slides)[1:-1]):
        shapes = pictures(slide)
        assert len(shapes) == len(scene.pictures), scene.number
        for shape, picture in zip(shapes, scene.pictures):
            image = shape.image
            assert image.content_type == "image/png" and image.blob.startswith(b"\x89PNG\r\n\x1a\n")
            width, height = image.size
            assert width >= 1600 and (width, height) == picture.pixels, (scene.number, picture.kind)
            assert abs(width / height - picture.width / picture.height) < 0.01  # the figure's own aspect
            assert abs(shape.width / shape.height - width / height) < 0.01  # placed without stretching
            if picture.kind != "map" and picture.kind != "ranking":
                assert (width, height) == (1920, 1080), scene.number
        if shapes:  # the pictures together fill a 16:9 box, as the stage's cards fill the stage
            left = min(shape.left for shape in shapes)
            right = max(shape.left + shape.width for shape in shapes)
            assert abs((right - left) / shapes[0].height - 16 / 9) < 0.01, scene.number
        if scene.number in (2, 4, 7, 9):  # the storyboard's map scenes: map and ranking side by side
            assert [p.kind for p in scene.pictures] == ["map", "ranking"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_illustrative_mark_and_the_source_line_are_on_the_slides(decks, store: DataStore, language: str) -> None:
    deck = Presentation(str(decks[language][0]))
    t = translator(language)
    mark = "⚠ " + t(MARK)
    illustrative = []
    for scene, slide in zip(store.scenes, list(deck.slides)[1:-1]):
        view = scene_state(store, scene.number, language)
        shown = named_text(slide, "Illustrative mark")
        assert shown == (mark if shows_illustrative(store, view) else ""), scene.number
        illustrative.append(bool(shown))
        line = named_text(slide, "Source line")
        if scene.tab != "sources":
            assert line.startswith((t("Source") + ": ", t("Sources") + ": ")), scene.number
        if scene.tab in ("map", "gap"):
            assert t("© OpenStreetMap contributors; geoBoundaries (ODbL)") in line
    assert any(illustrative) and not all(illustrative)  # the storyboard has both kinds
    assert mark in named_text(deck.slides[0], "Illustrative mark")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sources_slide_lists_each_indicators_source_and_licence_and_the_boundaries(
    decks, store: DataStore, language: str
) -> None:
    deck = Presentation(str(decks[language][0]))
    ctx = RenderContext(language)
    last = deck.slides[len(deck.slides) - 1]
    assert slide_title(last) == ctx.t("Sources")
    text = table_text(last)
    indicators = deck_indicators(store, language)
    assert len(indicators) >= 10
    for indicator in indicators:
        assert ctx.text(indicator, "label") in text
        assert (ctx.text(indicator, "source_name") or ctx.text(indicator, "source")) in text
        assert ctx.text(indicator, "licence") in text
    assert ctx.t("© OpenStreetMap contributors; geoBoundaries (ODbL)") in text
    sources_scene = next(s for s in store.scenes if s.tab == "sources")
    slide = deck.slides[sources_scene.number]
    assert not pictures(slide) and table_text(slide) == text  # the Sources scene: a text slide of the sources


def test_libreoffice_converts_both_decks_to_pdf_with_a_page_per_slide(decks, store: DataStore, tmp_path: Path) -> None:
    """``soffice --headless --convert-to pdf``: a file it would have to repair does not convert headless."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Impress is missing: make install-test installs it (export-deps)"
    paths = [str(decks[language][0]) for language in LANGUAGES]
    profile = (tmp_path / "profile").as_uri()
    started = time.perf_counter()
    run = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + paths,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    print(f"LibreOffice converted both decks in {time.perf_counter() - started:.1f} s")
    for language in LANGUAGES:
        pdf = tmp_path / f"deck-{language}.pdf"
        assert pdf.is_file(), run.stdout + run.stderr
        reader = PdfReader(pdf)
        assert len(reader.pages) == len(store.scenes) + 2
        for scene in store.scenes:  # a slide LibreOffice could not read would be a blank page, not a failure
            text = "".join(reader.pages[scene.number].extract_text().split())
            assert "".join(scene.title(language).split()) in text, (language, scene.number)
    tajik = "".join(PdfReader(tmp_path / "deck-tg.pdf").pages[0].extract_text().split())
    assert "Панелиназоратимуҳоҷиратдар" in tajik  # ҳ and ҷ came through as letters, not boxes


def test_the_figures_are_drawn_offline(monkeypatch, store: DataStore) -> None:
    """Local plotly.js, no MathJax, a file:// topojson folder, the boundaries embedded, a dead proxy."""
    page = kaleido_options()["page_generator"].generate_index()
    assert "http://" not in page and "https://" not in page and "mathjax" not in page.lower()
    assert str(images.PLOTLY_JS) in page and images.PLOTLY_JS.is_file()
    assert images.PLOTLY_JS.is_relative_to(Path(images.plotly.__file__).parent)
    assert topojson_url().startswith("file:///") and topojson_url().endswith("/")
    assert (images.TOPOJSON_DIR / "world_110m.json").is_file()
    options = kaleido_options()
    assert options["proxy_server"] == images.NO_NETWORK and "mathjax" not in options

    calls = []

    class RecordingKaleido:  # stands in for kaleido.Kaleido: what would Chromium be given?
        def __init__(self, **given):
            calls.append(("open", given))

        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return False

        async def calc_fig(self, figure, opts=None, topojson=None):
            calls.append(("figure", figure, opts, topojson))
            return b"\x89PNG"

    monkeypatch.setattr("kaleido.Kaleido", RecordingKaleido)
    plan = deck_plan(store, "en")
    drawn = [picture for scene in plan.scenes for picture in scene.pictures]
    assert any(
        trace.get("geojson") == GEOJSON_PLACEHOLDER for picture in drawn for trace in picture.figure["data"]
    )  # the stage's figures name the boundaries by URL...
    assert images.render_pngs(drawn, store.geojson) == [b"\x89PNG"] * len(drawn)
    figures = [call for call in calls if call[0] == "figure"]
    assert len(figures) == len(drawn) and calls[0][1]["page_generator"] is not None
    for _, figure, opts, topojson in figures:
        assert topojson == topojson_url()
        for trace in figure["data"]:  # ...and the images get the GeoJSON itself
            assert not isinstance(trace.get("geojson"), str)
        assert "http" not in str(figure["layout"].get("images", ""))
        assert opts["format"] == "png" and int(opts["width"] * opts["scale"]) == 1920


def test_embedding_the_boundaries_replaces_only_url_strings() -> None:
    figure = {"data": [{"type": "choropleth", "geojson": "/geo/b.json"}, {"type": "scattergeo"}], "layout": {}}
    embedded = embed_geojson(figure, {"type": "FeatureCollection", "features": []})
    assert embedded["data"][0]["geojson"] == {"type": "FeatureCollection", "features": []}
    assert embedded["data"][1] == {"type": "scattergeo"} and figure["data"][0]["geojson"] == "/geo/b.json"


def test_the_tajik_letters_reach_chromium_as_a_truetype_font(tmp_path: Path) -> None:
    config = local_fonts(tmp_path)
    assert config is not None
    text = config.read_text(encoding="utf-8")
    assert "<include" in text and f"<dir>{tmp_path / 'fonts'}</dir>" in text
    fonts = sorted((tmp_path / "fonts").glob("*.ttf"))
    assert [f.name for f in fonts] == ["khatlon-tajik-bold.ttf", "khatlon-tajik-regular.ttf"]
    for font in fonts:
        loaded = TTFont(font)
        assert loaded.flavor is None and {ord(c) for c in TAJIK_LETTERS} <= set(loaded.getBestCmap())
        assert loaded["name"].getDebugName(1) == "Khatlon Tajik"
    chromium = kaleido_options(config)["browser_cls"]
    assert chromium.__new__(chromium).get_env()["FONTCONFIG_FILE"] == str(config)  # what Chromium starts with


def test_a_missing_chromium_is_one_line_and_no_file(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    out = tmp_path / "deck.pptx"
    assert cli.main(["deck", "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert printed.out.startswith(f"{out}: not written: Chromium (") and "BROWSER_PATH" in printed.out
    assert printed.out.count("\n") == 1 and "Traceback" not in printed.out + printed.err and not out.exists()


def test_another_storyboard_is_checked_like_scenes_yaml(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "talk.yaml"
    bad.write_text("scenes:\n- title: A\n  note: B\n  tab: map\n  indicator: nope\n  year: 2024\n", encoding="utf-8")
    out = tmp_path / "deck.pptx"
    assert cli.main(["deck", "--scenes", str(bad), "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert printed.out == f"{bad}:5: indicator: scene 1: unknown indicator 'nope'\n" and not out.exists()
    assert "Traceback" not in printed.err


def test_another_storyboard_makes_its_own_deck(tmp_path: Path, store: DataStore, capsys) -> None:
    """Scenes without a chart need no browser: a Table scene and a Sources scene, in Russian."""
    talk = tmp_path / "talk.yaml"
    talk.write_text(
        "scenes:\n"
        "- title: {en: Psychosocial support (illustrative), ru: Психосоциальная поддержка (иллюстративные данные)}\n"
        "  note: {en: The table of an illustrative model., ru: Таблица иллюстративной модели.}\n"
        "  tab: table\n  indicator: coverage_psychosocial_pct\n  year: 2024\n"
        "- title: Every number has a source\n  note: Sources and licences.\n  tab: sources\n"
        "  indicator: coverage_psychosocial_pct\n  year: 2024\n",
        encoding="utf-8",
    )
    out = tmp_path / "talk.pptx"
    assert cli.main(["deck", "--lang", "ru", "--scenes", str(talk), "--data", str(BUNDLED), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: 4 slides (2 scenes")
    deck = Presentation(str(out))
    assert [slide_title(s) for s in deck.slides][1:3] == [
        "Психосоциальная поддержка (иллюстративные данные)",
        "Every number has a source",  # no Russian given: English, as presenter mode shows it
    ]
    t = translator("ru")
    assert named_text(deck.slides[1], "Illustrative mark") == "⚠ " + t(MARK)
    ctx = RenderContext("ru")
    assert ctx.text(store.indicators["coverage_psychosocial_pct"], "label") in table_text(deck.slides[1])
    assert deck.slides[2].notes_slide.notes_text_frame.text == "Sources and licences."


def test_a_missing_output_folder_is_one_line(tmp_path: Path, capsys) -> None:
    out = tmp_path / "missing" / "deck.pptx"
    assert cli.main(["deck", "--out", str(out)]) == 1
    assert capsys.readouterr().out == f"{out}: not written: the folder {out.parent} does not exist\n"
