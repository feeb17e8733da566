"""Read a workbook's sheet into a :class:`~servqual_cli.io.raw_table.RawTable`.

Spreadsheets go through calamine (:mod:`servqual_cli.io.sheets`, checked first by
:mod:`servqual_cli.io.zipguard`); a long xlsx sheet is parsed once into columns
(:mod:`servqual_cli.io.xlsxfast`), its header found in the first rows of the same read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.header import find_header_row
from servqual_cli.io.limits import Limits
from servqual_cli.io.raw_table import RawTable, sha256_of
from servqual_cli.io.rows import drop_blank, header_at, is_blank, table_from_rows
from servqual_cli.io.sheets import OpenSheet, open_sheet, sheet_rows
from servqual_cli.io.xlsxfast import (
    HEAD_ROWS,
    frame_from,
    general_only,
    head_rows,
    numeric_text_cells,
    read_columns,
)
from servqual_cli.io.xlsxparts import SheetPart, sheet_parts


def read_spreadsheet(
    data: bytes,
    source: str,
    suffix: str,
    sheet: str | int | None,
    header_row: int | None,
    header_rows: int | None,
    lim: Limits,
) -> RawTable:
    """A workbook's sheet as a :class:`RawTable` (see :mod:`servqual_cli.io.sheets`).

    A long xlsx sheet is parsed once into columns (:mod:`servqual_cli.io.xlsxfast`); any other
    sheet, or one whose cells that path cannot convert exactly, goes through calamine's rows.
    """
    opened = open_sheet(data, source, suffix, sheet, lim)
    plan = _single_read_plan(opened, source, header_row, header_rows, lim)
    # fastexcel's workbooks (the sheet whole, or cut in two halves parsed at once) are opened
    # from the guard's XML; the XML itself is not needed while fastexcel parses the sheet
    parts = None if plan is None else sheet_parts(opened, data, plan.hdr_index + 1, lim)
    opened = opened.without_xml()
    if plan is not None:
        plan.numeric_text.opened = opened  # (unpacked again only if it is ever asked)
    fast = None if plan is None else _single_read(plan, opened, data, source, lim, parts)
    if fast is not None:
        frame, hdr, row_numbers, n_hdr = fast
    else:
        rows = sheet_rows(opened, source)
        frame, hdr, row_numbers, n_hdr = table_from_rows(
            rows, source, opened.name, header_row, False, header_rows
        )
    return RawTable(
        frame, source, opened.name, hdr, row_numbers, sha256_of(data), header_rows=n_hdr
    )


@dataclass(frozen=True)
class _Plan:
    """What the first rows decided for the single read: header position, names, and whether
    the workbook has text that could read as a number (see :func:`numeric_text_cells`)."""

    hdr_index: int
    header: list[str]
    header_rows: int
    numeric_text: _NumericText


class _NumericText:
    """:func:`numeric_text_cells`, computed when first asked: only a number-like value in a
    text column asks (a sheet of numbers never does; the scan costs a pass over the XML)."""

    def __init__(self, opened: OpenSheet, lim: Limits) -> None:
        self.opened, self.lim = opened, lim
        self.value: bool | None = None

    def __call__(self) -> bool:
        if self.value is None:
            self.value = numeric_text_cells(self.opened, self.lim)
        return self.value


def _single_read_plan(
    opened: OpenSheet,
    source: str,
    header_row: int | None,
    header_rows: int | None,
    lim: Limits,
) -> _Plan | None:
    """The header of a long xlsx sheet from its first rows, as :func:`table_from_rows` finds
    it; None when the general path must read the sheet (short sheet, XML out of row order)."""
    if header_rows not in (None, 1, 2):
        return None  # table_from_rows names the bad option
    upto = HEAD_ROWS if header_row is None else max(HEAD_ROWS, header_row + 2)
    head = head_rows(opened, source, upto, lim)
    if head is None or all(all(is_blank(v) for v in r) for r in head):
        return None
    if header_row is None:
        hdr_index = find_header_row(head)
    else:
        if header_row < 1:
            return None
        hdr_index = header_row - 1
    hdr_index, header, n_hdr = header_at(head, hdr_index, header_rows)
    numeric_text = _NumericText(opened, lim)
    if general_only(head[hdr_index + 1 :], numeric_text):
        return None  # dates, or a number typed as text, in the first data rows
    return _Plan(hdr_index, header, n_hdr, numeric_text)


def _single_read(
    plan: _Plan,
    opened: OpenSheet,
    data: bytes,
    source: str,
    lim: Limits,
    parts: list[SheetPart] | None = None,
) -> tuple[pd.DataFrame, int, np.ndarray, int] | None:
    """:func:`table_from_rows` for a long xlsx sheet parsed once into columns (None: the
    general path); ``parts`` as :func:`sheet_parts` gives them (by default the whole sheet)."""
    hdr_index = plan.hdr_index
    width = len(plan.header)
    body = read_columns(opened, data, source, hdr_index + 1, width, lim, plan.numeric_text, parts)
    if body is None:
        return None
    cells, blank = body
    header = plan.header + [""] * (cells.shape[1] - len(plan.header))
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    first = hdr_index + 2
    row_numbers = np.arange(first, first + len(cells), dtype=np.int64)
    frame, row_numbers = drop_blank(frame_from(cells, names), blank, header, row_numbers)
    if len(frame) == 0:
        raise DataError(
            f"has a header (row {hdr_index + 1}) but no data rows below it",
            Location(source, opened.name),
        )
    return frame, hdr_index + 1, row_numbers, plan.header_rows
