"""Read a workbook's sheet into a :class:`~servqual_cli.io.raw_table.RawTable`.

Spreadsheets go through calamine (:mod:`servqual_cli.io.sheets`, checked first by
:mod:`servqual_cli.io.zipguard`); a long xlsx sheet is parsed once into columns
(:mod:`servqual_cli.io.xlsxfast`), its header found in the first rows of the same read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.header import find_header_row
from servqual_cli.io.limits import Limits
from servqual_cli.io.raw_table import RawTable, sha256_of
from servqual_cli.io.rows import blank_mask, drop_blank, header_at, is_blank, read_rows
from servqual_cli.io.sheets import OpenSheet, open_sheet, sheet_hidden, sheet_rows
from servqual_cli.io.title_rows import title_rows
from servqual_cli.io.xlsxfast import (
    HEAD_ROWS,
    frame_from,
    general_only,
    head_rows,
    numeric_text_cells,
    read_columns,
)
from servqual_cli.io.xlsxmerge import fill_merged
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
    merged = _Merged(opened.scan.merges)
    fast = None if plan is None else _single_read(plan, opened, data, source, lim, parts, merged)
    if fast is not None and plan is not None:
        frame, hdr, row_numbers, n_hdr = fast
        titles = plan.titles
    else:
        rows = sheet_rows(opened, source)
        if opened.scan.merges:
            merged = _Merged(opened.scan.merges)  # (a fast read given up may have filled some)
            _fill_rows(rows, merged, header_row, header_rows)
        frame, hdr, row_numbers, n_hdr, _ = read_rows(
            rows, source, opened.name, header_row, False, header_rows
        )  # (no short rows in a sheet: see read_rows)
        titles = title_rows(rows, None, hdr - n_hdr)  # (row i of a sheet is rows[i - 1])
    return RawTable(
        frame, source, opened.name, hdr, row_numbers, sha256_of(data), header_rows=n_hdr,
        merged_cells=merged.filled, merged_not_filled=merged.across, title_rows=titles,
        sheet_hidden=sheet_hidden(opened.workbook, opened.name),
        hidden_rows=opened.scan.hidden_rows,
    )  # fmt: skip


class _Merged:
    """The sheet's merged ranges, and what :func:`fill_merged` did with them (column names)."""

    def __init__(self, merges: tuple[tuple[int, int, int, int], ...]) -> None:
        self.merges = merges
        self.filled: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
        self.across: tuple[str, ...] = ()

    def fill(self, cells: np.ndarray, blank: np.ndarray, first_row: int, header: list[str]) -> None:
        """Fill the data rows ``cells`` (row 0 = sheet row ``first_row``) and name the fills."""
        fills, across = fill_merged(cells, blank, first_row, self.merges)
        names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
        self.filled = tuple((names[f.column], f.cells, f.ranges) for f in fills)
        self.across = tuple(across)

    def in_data(self, last_header_row: int) -> bool:
        """Some range starts below the header (1-based row of its last line)."""
        return any(r[0] > last_header_row for r in self.merges)


def _fill_rows(
    rows: list[list[Any]], merged: _Merged, header_row: int | None, header_rows: int | None
) -> None:
    """:meth:`_Merged.fill` on the general path's rows, in place, with the header that
    :func:`read_rows` will find (nothing when it will refuse the sheet)."""
    if header_rows not in (None, 1, 2) or all(all(is_blank(v) for v in r) for r in rows):
        return  # (an empty sheet too: read_rows refuses it)
    hdr_index = find_header_row(rows) if header_row is None else header_row - 1
    if not 0 <= hdr_index < len(rows):
        return
    hdr_index, header, _ = header_at(rows, hdr_index, header_rows)
    body = rows[hdr_index + 1 :]
    if not body or not merged.in_data(hdr_index + 1):
        return
    frame = pd.DataFrame(body, dtype=object)  # short rows padded with None
    cells, width = frame.to_numpy(dtype=object, copy=True), frame.shape[1]
    blank = blank_mask(frame)
    before = blank.copy()
    merged.fill(cells, blank, hdr_index + 2, header[:width] + [""] * (width - len(header)))
    changed_rows, changed_cols = np.nonzero(before & ~blank)
    for i, j in zip(changed_rows.tolist(), changed_cols.tolist(), strict=True):
        row = body[i]
        if j >= len(row):
            row.extend([""] * (j + 1 - len(row)))
        row[j] = cells[i, j]


@dataclass(frozen=True)
class _Plan:
    """What the first rows decided for the single read: header position, names, and whether
    the workbook has text that could read as a number (see :func:`numeric_text_cells`)."""

    hdr_index: int
    header: list[str]
    header_rows: int
    numeric_text: _NumericText
    titles: tuple[tuple[int, str], ...] = ()  # the rows above the header (io/title_rows.py)


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
    """The header of a long xlsx sheet from its first rows, as :func:`read_rows` finds
    it; None when the general path must read the sheet (short sheet, XML out of row order)."""
    if header_rows not in (None, 1, 2):
        return None  # read_rows names the bad option
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
    titles = title_rows(head, None, hdr_index + 1 - n_hdr)
    return _Plan(hdr_index, header, n_hdr, numeric_text, titles)


def _single_read(
    plan: _Plan,
    opened: OpenSheet,
    data: bytes,
    source: str,
    lim: Limits,
    parts: list[SheetPart] | None = None,
    merged: _Merged | None = None,
) -> tuple[pd.DataFrame, int, np.ndarray, int] | None:
    """:func:`read_rows` for a long xlsx sheet parsed once into columns (None: the
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
    if merged is not None and merged.in_data(hdr_index + 1):
        cells, blank = np.array(cells, dtype=object), np.array(blank, dtype=bool)  # (writable)
        merged.fill(cells, blank, first, header)
    row_numbers = np.arange(first, first + len(cells), dtype=np.int64)
    frame, row_numbers = drop_blank(frame_from(cells, names), blank, header, row_numbers)
    if len(frame) == 0:
        raise DataError(
            f"has a header (row {hdr_index + 1}) but no data rows below it",
            Location(source, opened.name),
            code="header_only",
            facts={"row": hdr_index + 1},
        )
    return frame, hdr_index + 1, row_numbers, plan.header_rows
