"""The deck as a PowerPoint file (python-pptx): 16:9, a title slide, a slide per scene, a sources slide.

Every slide's title is a real title placeholder (PowerPoint's outline and screen readers find it);
a scene's note goes in the speaker notes; its source line and illustrative mark sit under the picture
as text, so they stay when a picture is copied elsewhere. Sizes are in inches of a 13.333 x 7.5 in
slide (PowerPoint's "Widescreen").
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from .plan import DeckPlan, SceneSlide, SourceRow

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in: 16:9
MARGIN = 0.45
TITLE_TOP, TITLE_HEIGHT = 0.2, 1.0
BOX_TOP, BOX_HEIGHT = 1.25, 5.25  # the pictures' 16:9 box (9.33 in wide, centred)
FOOTER_TOP, FOOTER_HEIGHT = 6.6, 0.8
MARK_WIDTH = 3.9
TEXT = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x30, 0x30, 0x30)
MARK_FILL, MARK_LINE, MARK_TEXT = RGBColor(0xFF, 0xF4, 0xD6), RGBColor(0xB4, 0x53, 0x09), RGBColor(0x7C, 0x2D, 0x12)
TITLE_ONLY, TITLE_SLIDE = 5, 0  # layouts of python-pptx's default template
TABLE_SIZES = range(16, 8, -1)  # points: the largest that fits is used
TABLE_COLUMNS = (0.3, 0.32, 0.2, 0.18)  # shares of the width: indicator, source, status, licence
CELL_MARGIN = 0.05  # inches, each side


def _inches(value: float) -> Emu:
    return Inches(value)


def _text(frame, text: str, size: float, *, bold: bool = False, color: RGBColor = TEXT, align=PP_ALIGN.LEFT) -> None:
    """Put ``text`` (lines separated by newlines) in a text frame, each paragraph in one style."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for number, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color


def _title(slide, text: str, size: float | None = None) -> None:
    shape = slide.shapes.title
    shape.left, shape.top = _inches(MARGIN), _inches(TITLE_TOP)
    shape.width, shape.height = SLIDE_WIDTH - 2 * _inches(MARGIN), _inches(TITLE_HEIGHT)
    shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _text(shape.text_frame, text, size or (30 if len(text) <= 55 else 26), bold=True)


def _mark(slide, text: str, left: float, top: float, width: float, height: float, size: float) -> None:
    """The illustrative mark: the presenter's orange-bordered corner note."""
    box = slide.shapes.add_textbox(_inches(left), _inches(top), _inches(width), _inches(height))
    box.name = "Illustrative mark"
    box.fill.solid()
    box.fill.fore_color.rgb = MARK_FILL
    box.line.color.rgb = MARK_LINE
    box.line.width = Pt(1.5)
    box.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _text(box.text_frame, text, size, bold=True, color=MARK_TEXT, align=PP_ALIGN.CENTER)


def _footer(slide, scene: SceneSlide) -> None:
    width = 13.333 - 2 * MARGIN - (MARK_WIDTH + 0.2 if scene.mark else 0)
    line = slide.shapes.add_textbox(_inches(MARGIN), _inches(FOOTER_TOP), _inches(width), _inches(FOOTER_HEIGHT))
    line.name = "Source line"
    line.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _text(line.text_frame, scene.source_line, 12, color=MUTED)
    if scene.mark:
        _mark(slide, scene.mark, 13.333 - MARGIN - MARK_WIDTH, FOOTER_TOP + 0.05, MARK_WIDTH, 0.6, 14)


def _pictures(slide, scene: SceneSlide, pngs: Sequence[bytes]) -> None:
    box_width = BOX_HEIGHT * 16 / 9
    box_left = (13.333 - box_width) / 2
    for picture, png in zip(scene.pictures, pngs):
        width = picture.share * box_width
        shape = slide.shapes.add_picture(
            io.BytesIO(png),
            _inches(box_left + picture.left * box_width),
            _inches(BOX_TOP),
            _inches(width),
            _inches(width * picture.height / picture.width),  # the figure's own aspect, never stretched
        )
        shape.name = f"Chart: {picture.kind}"


def _lines(text: str, size: float, width: float) -> int:
    """About how many lines ``text`` takes in a cell ``width`` inches wide at ``size`` points."""
    per_line = max(8, int((width - 2 * CELL_MARGIN) * 72 / (size * 0.56)))
    return sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in text.split("\n"))


def _cells(row: SourceRow) -> tuple[str, str, str, str]:
    return "\n".join(row.indicators), row.source, row.status, row.licence


def _table_size(rows: Sequence[tuple[str, ...]], widths: Sequence[float], height: float) -> float:
    """The largest type size (points) at which the table's estimated height fits ``height`` inches."""
    for size in TABLE_SIZES:
        needed = sum(
            max(_lines(cell, size, width) for cell, width in zip(row, widths)) * size * 1.2 / 72 + 2 * CELL_MARGIN
            for row in rows
        )
        if needed <= height:
            return size
    return TABLE_SIZES[-1]


def _sources_table(slide, headings: Sequence[str], sources: Sequence[SourceRow], top: float, height: float) -> None:
    width = 13.333 - 2 * MARGIN
    widths = [share * width for share in TABLE_COLUMNS]
    rows = [tuple(headings), *(_cells(row) for row in sources)]
    size = _table_size(rows, widths, height)
    shape = slide.shapes.add_table(len(rows), len(headings), _inches(MARGIN), _inches(top), _inches(width), Pt(10))
    shape.name = "Sources"
    table = shape.table
    for column, column_width in zip(table.columns, widths):
        column.width = _inches(column_width)
    for row_number, cells in enumerate(rows):
        table.rows[row_number].height = Pt(size * 1.2 + 2 * CELL_MARGIN * 72)
        for column, text in enumerate(cells):
            cell = table.cell(row_number, column)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = _inches(CELL_MARGIN)
            _text(
                cell.text_frame,
                text,
                size,
                bold=row_number == 0,
                color=RGBColor(0xFF, 0xFF, 0xFF) if row_number == 0 else TEXT,
            )


def _title_slide(deck, plan: DeckPlan) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (
        _inches(0.8),
        _inches(1.5),
        SLIDE_WIDTH - _inches(1.6),
        _inches(1.5),
    )
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    _text(title.text_frame, plan.title, 40, bold=True)
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        _inches(0.8),
        _inches(3.2),
        SLIDE_WIDTH - _inches(1.6),
        _inches(1.6),
    )
    subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _text(subtitle.text_frame, f"{plan.subtitle}\n{plan.data_as_of}", 20, color=MUTED)
    if plan.mark:
        _mark(slide, plan.mark, 0.8, 5.2, 7.0, 0.7, 18)


def _scene_slide(deck, plan: DeckPlan, scene: SceneSlide, pngs: Sequence[bytes]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _title(slide, scene.title)
    if scene.pictures:
        _pictures(slide, scene, pngs)
    else:
        _sources_table(slide, plan.headings, scene.sources, BOX_TOP, FOOTER_TOP - BOX_TOP - 0.15)
    _footer(slide, scene)
    slide.notes_slide.notes_text_frame.text = scene.note


def _sources_slide(deck, plan: DeckPlan) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _title(slide, plan.sources_title)
    _sources_table(slide, plan.headings, plan.sources, BOX_TOP, 7.5 - BOX_TOP - 0.35)


def write_deck(plan: DeckPlan, pngs: Sequence[Sequence[bytes]]) -> bytes:
    """The .pptx bytes: ``pngs[i]`` are the PNGs of scene ``i``'s pictures, in order."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    deck.core_properties.title = plan.title
    deck.core_properties.language = plan.language
    _title_slide(deck, plan)
    for scene, images in zip(plan.scenes, pngs):
        _scene_slide(deck, plan, scene, images)
    _sources_slide(deck, plan)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
