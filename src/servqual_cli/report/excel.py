"""Render a report :class:`~servqual_cli.report.spec.Document` as an Excel workbook (openpyxl).

One sheet per table (title in row 1, styled header in row 2, frozen, with an autofilter), number
formats from the table's display formats, a fill on the cells the table's own test puts below 0
(the flags :attr:`~.spec.Table.below` its builder set, with the legend that names the rule
under the note; a table without a test has no flags and no fill), the charts as embedded PNGs
on a "Diagram"/"Charts" sheet and a "Metod"/"Method" sheet.
Values keep full precision; only the number format rounds.

Cells, number formats, sheet names and the bytes come from :mod:`~servqual_cli.report.workbook`
(text that Excel would take for a formula stays text). The workbook's created/modified
properties and the zip entries' dates are the given time stamp, so two runs with the same
``SOURCE_DATE_EPOCH`` give the same file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from servqual_cli import __version__
from servqual_cli.report.catalog import rl
from servqual_cli.report.charts import figures
from servqual_cli.report.safe_text import xml_safe
from servqual_cli.report.spec import Document, Glance, Table, format_value, number_columns
from servqual_cli.report.workbook import FONT_NAME, number_format, put, sheet_name, workbook_bytes

HEADER_FILL = PatternFill("solid", fgColor="0072B2")  # Okabe-Ito blue, as in the charts
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=12)
COVER_TITLE_FONT = Font(name=FONT_NAME, bold=True, size=16)
SIGNIFICANT_FONT = Font(bold=True, color="FFFFFF")
# a darker vermillion than the charts' Okabe-Ito D55E00: white bold text on D55E00 is 3.87:1,
# on B34700 5.5:1, above WCAG 1.4.3's 4.5:1 for 11 pt text (review 14, finding 7)
SIGNIFICANT_FILL = PatternFill("solid", fgColor="B34700", bgColor="B34700")
BELOW_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")  # SIGNIFICANT_FONT, in a cell
# Verdicts that the measurement and KPI tables write for a significant deterioration or a
# missed target; cells holding exactly one of them are highlighted like a significant gap.
DETERIORATION = ("sämre", "worse", "ej uppfyllt", "not met",
                 "▼ sämre", "▼ worse", "✗ ej uppfyllt", "✗ not met")  # fmt: skip
HEADER_ROW = 2
RIGHT = Alignment(horizontal="right")


def _digits_as_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of whole numbers written as text (item numbers "11", years "2024") become
    numbers, so Excel sorts and sums them."""
    out = frame
    for col in frame.columns:
        values = frame[col]
        if values.dtype.kind in "iufbmM":
            continue
        present = values.dropna()
        if len(present) and all(isinstance(v, str) and v.isdigit() for v in present):
            out = out.assign(
                **{str(col): values.map(lambda v: int(v) if isinstance(v, str) else v)}
            )
    return out


def write_table(ws: Worksheet, table: Table, lang: str = "en") -> None:
    frame = _digits_as_numbers(table.frame)
    ncol, nrow = len(frame.columns), len(frame)
    put(ws, 1, 1, table.title).font = TITLE_FONT
    thin = Side(style="thin", color="FFFFFF")
    # A column of mostly numbers is right-aligned, header and words too (spec.number_columns,
    # the rule every renderer shares); Excel right-aligns the numbers themselves, so only its
    # text cells ("–", "ingen ökning kan skiljas från slumpen …") are set, cell by cell.
    right = number_columns(frame)
    for j, name in enumerate(frame.columns, start=1):
        cell = put(ws, HEADER_ROW, j, str(name))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        side = "right" if right[j - 1] else None
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal=side)
        cell.border = Border(left=thin, right=thin)
    formats = [table.formats.get(str(c)) for c in frame.columns]
    excel_formats = [number_format(f, lang) for f in formats]
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=HEADER_ROW + 1):
        for j, value in enumerate(row, start=1):
            cell = put(ws, i, j, value)
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = excel_formats[j - 1]
            elif right[j - 1] and isinstance(cell.value, str):
                cell.alignment = RIGHT
    last = HEADER_ROW + max(nrow, 1)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(max(ncol, 1))}{last}"
    notes = [text for text in (table.note, table.legend) if text]
    for at, text in enumerate(notes, start=last + 2):
        put(ws, at, 1, text).font = Font(name=FONT_NAME, italic=True)
    _conditional(ws, table, last)
    _below(ws, table)
    _widths(ws, table, formats)


def _row_formats(
    ws: Worksheet, table: Table, rows: Sequence[Mapping[str, str]], lang: str = "en"
) -> None:
    """Number formats per row where a column mixes units (the overview: counts, percent and
    gaps in one value column), written over the column's format of :func:`write_table`."""
    columns = [str(c) for c in table.frame.columns]
    for i, formats in enumerate(rows, start=HEADER_ROW + 1):
        for j, col in enumerate(columns, start=1):
            cell = ws.cell(row=i, column=j)
            fmt = formats.get(col)
            if fmt and isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = number_format(fmt, lang)


def _conditional(ws: Worksheet, table: Table, last: int) -> None:
    """Verdict cells saying "worse" / "not met" (:data:`DETERIORATION`) stand out: the words
    themselves say it."""
    if last <= HEADER_ROW:
        return
    for j, col in enumerate(table.frame.columns, start=1):
        values = {v for v in table.frame[col].tolist() if isinstance(v, str)}
        for word in DETERIORATION:
            if word in values:
                letter = get_column_letter(j)
                ws.conditional_formatting.add(
                    f"{letter}{HEADER_ROW + 1}:{letter}{last}",
                    CellIsRule(
                        operator="equal",
                        formula=[f'"{word}"'],
                        font=SIGNIFICANT_FONT,
                        fill=SIGNIFICANT_FILL,
                    ),
                )


def _below(ws: Worksheet, table: Table) -> None:
    """Fill the cells the table's own test puts below 0 (:attr:`~.spec.Table.below`, set by the
    table builder: :mod:`~servqual_cli.report.below_test`) and no others. A table without a test
    has no flags: its negative values keep their minus sign and get no colour (review 12c,
    finding 6: the "Total" and "Viktat" sheets filled every negative light red, "worse" where
    no test says so). The fill is the cell's own, so it moves with its row when the sheet is
    sorted."""
    cols = [str(c) for c in table.frame.columns]
    for name, flags in table.below.items():
        j = cols.index(name) + 1
        for i, flagged in enumerate(flags, start=HEADER_ROW + 1):
            if flagged:
                cell = ws.cell(row=i, column=j)
                cell.font, cell.fill = BELOW_FONT, SIGNIFICANT_FILL


def _widths(ws: Worksheet, table: Table, formats: list[str | None]) -> None:
    frame = table.frame
    for j, name in enumerate(frame.columns, start=1):
        shown = [format_value(v, formats[j - 1]) for v in frame.iloc[:, j - 1].tolist()]
        longest = max([len(str(name)), *(len(s) for s in shown)])
        ws.column_dimensions[get_column_letter(j)].width = min(max(8, longest + 2), 50)


def _method_sheet(ws: Worksheet, doc: Document, lang: str) -> None:
    put(ws, 1, 1, doc.title).font = TITLE_FONT
    row = HEADER_ROW  # organisation and period are on the cover sheet
    for col, text in enumerate((rl("heading", lang), rl("text", lang)), start=1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for heading, text in doc.meta.get("method") or ():
        row += 1
        put(ws, row, 1, heading).font = Font(name=FONT_NAME, bold=True)
        put(ws, row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 110


def _charts_sheet(ws: Worksheet, doc: Document, images: Mapping[str, Path]) -> None:
    row = 1
    for fig in figures(doc):
        path = images.get(fig.name)
        if path is None:
            continue
        put(ws, row, 1, fig.title).font = TITLE_FONT
        img = Image(str(path))
        scale = 0.55  # 150-dpi PNGs at a readable on-screen size
        img.width, img.height = int(img.width * scale), int(img.height * scale)
        ws.add_image(img, f"A{row + 1}")
        row += 3 + math.ceil(img.height / 20)  # default rows are 20 px high
        if fig.caption:
            put(ws, row - 1, 1, fig.caption).font = Font(name=FONT_NAME, italic=True)
        row += 1


def page_setup(ws: Worksheet, header_row: int | None = HEADER_ROW) -> None:
    """Print settings a board can use: landscape A4, fit to one page wide, the header row
    repeated on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_row is not None and ws.max_row >= header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "&P / &N"


def _cover_sheet(ws: Worksheet, doc: Document, lang: str, sheets: list[str]) -> None:
    """The first sheet: title, organisation, period, date, and the contents (one link per
    sheet)."""
    put(ws, 1, 1, doc.title).font = COVER_TITLE_FONT
    row = 3
    for key, value in doc.meta.get("facts") or ():
        put(ws, row, 1, str(key)).font = Font(name=FONT_NAME, bold=True)
        text = str(value)
        put(ws, row, 2, int(text) if text.isdigit() else text)  # a year is a number
        row += 1
    date = doc.meta.get("date")
    if date:
        put(ws, row, 1, rl("report_date", lang)).font = Font(name=FONT_NAME, bold=True)
        put(ws, row, 2, dt.date.fromisoformat(str(date))).number_format = "yyyy-mm-dd"
        row += 1
    row += 1
    put(ws, row, 1, rl("contents", lang)).font = TITLE_FONT
    for name in sheets:
        row += 1
        cell = put(ws, row, 1, name)
        cell.hyperlink = f"#'{name}'!A1"
        cell.font = Font(name=FONT_NAME, color="0563C1", underline="single")
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 50


def build_workbook(
    doc: Document, images: Mapping[str, Path] | None = None, stamp: dt.datetime | None = None
) -> Workbook:
    """The workbook: table sheets in document order, then charts, then the method sheet."""
    lang = str(doc.meta.get("lang", "en"))
    wb = Workbook()
    default = wb.active
    used: set[str] = {rl("cover_sheet", lang).lower()}
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Glance):
                from servqual_cli.report.glance_table import glance_numbers, glance_row_formats

                ws = wb.create_sheet(sheet_name(block.title, used))
                numbers = glance_numbers(block, lang)
                write_table(ws, numbers, lang)
                _row_formats(ws, numbers, glance_row_formats(block, lang), lang)
            elif isinstance(block, Table):
                wanted = block.sheet or block.title or ("Tabell" if lang == "sv" else "Table")
                ws = wb.create_sheet(sheet_name(wanted, used, section.title or None))
                write_table(ws, block, lang)
    if images:
        _charts_sheet(wb.create_sheet(sheet_name(rl("charts_sheet", lang), used)), doc, images)
    _method_sheet(wb.create_sheet(sheet_name(rl("method", lang), used)), doc, lang)
    if default is not None:
        wb.remove(default)
    cover = wb.create_sheet(rl("cover_sheet", lang), 0)
    _cover_sheet(cover, doc, lang, wb.sheetnames[1:])
    for ws in wb.worksheets:
        page_setup(ws, None if ws is cover else HEADER_ROW)
    props = wb.properties
    props.creator = f"servqual-cli {__version__}"
    props.lastModifiedBy = props.creator
    props.title = xml_safe(doc.title)
    stamp = (stamp or dt.datetime(2000, 1, 1)).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = stamp
    return wb


def workbook_stamp(doc: Document, stamp: dt.datetime, epoch: int | None) -> dt.datetime:
    """The date ``report.xlsx`` is stamped with: ``stamp`` when it came from
    ``SOURCE_DATE_EPOCH``, else midnight of the date the report prints (its config's ``date``,
    else the day of ``stamp``), so two runs of one day give the same bytes, as the commands'
    own workbooks do.

    >>> from servqual_cli.report.spec import Document
    >>> now = dt.datetime(2026, 12, 7, 19, 53, 43, tzinfo=dt.UTC)
    >>> workbook_stamp(Document("T", [], meta={"date": "2025-02-15"}), now, None)
    datetime.datetime(2025, 2, 15, 0, 0)
    >>> workbook_stamp(Document("T", []), now, None)
    datetime.datetime(2026, 12, 7, 0, 0)
    >>> workbook_stamp(Document("T", []), now, 1796672023) == now
    True
    """
    if epoch is not None:
        return stamp
    given = doc.meta.get("date")
    day = dt.date.fromisoformat(str(given)) if given else stamp.date()
    return dt.datetime.combine(day, dt.time())


def write_workbook(
    doc: Document, path: Path, images: Mapping[str, Path] | None, stamp: dt.datetime
) -> None:
    """Build and write ``report.xlsx``."""
    path.write_bytes(workbook_bytes(build_workbook(doc, images, stamp), stamp))
