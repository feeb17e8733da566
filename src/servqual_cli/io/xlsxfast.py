"""Read a large xlsx sheet in one pass into columns (issue #16): no Python object per row.

The general spreadsheet path (:func:`servqual_cli.io.sheets.sheet_rows`) has calamine build a
Python list per row, then a frame row by row. Here the sheet is parsed once by fastexcel (the
same calamine reader, into Arrow columns) and each column becomes one object column of the frame:

1. :func:`servqual_cli.io.sheets.open_sheet` checks the archive and scans the sheet's XML once
   (bombs, true extent, error cells, uncached formulas), as on the general path.
2. The header search (:mod:`servqual_cli.io.header`) looks at the first rows of that same XML:
   they are cut from it and handed to calamine as a small workbook, so title rows, a two-row
   header and every header cell come out exactly as on the general path.
3. fastexcel parses the sheet once, from the row below the header, and each Arrow column is
   turned into the cells the general path gives: numbers as ``float``, booleans as ``bool``,
   text as ``str``, empty cells as ``""`` and Excel error cells as their text (``#N/A``).

Where a column's Arrow type cannot say what each cell was (a text column holding numbers, which
fastexcel turns into text; dates; a fastexcel coercion error), the function returns None and the
caller takes the general path, so the result never differs from it; only the time does.

References
----------
fastexcel, https://github.com/ToucanToco/fastexcel (calamine into Arrow).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.header import SCAN_ROWS
from servqual_cli.io.limits import Limits
from servqual_cli.io.sheets import OpenSheet, put_errors_back
from servqual_cli.io.xlsxparts import SheetPart, load_all, sheet_parts
from servqual_cli.io.xlsxrefs import Xml

__all__ = [
    "HEAD_ROWS",
    "frame_from",
    "general_only",
    "head_rows",
    "numeric_text_cells",
    "read_columns",
    "text_is_plain",
]

# The header search reads rows[:SCAN_ROWS] and the two-row header looks two rows further.
HEAD_ROWS = SCAN_ROWS + 2

_ROW_AT = re.compile(rb'<row r="(\d+)"')
# What fastexcel writes for a number in a text column (Rust's shortest round-trip digits, never
# an exponent), and for a boolean, a date or a time.
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_RENDERED = re.compile(r"true|false|\d{4}-\d\d-\d\d.*|\d\d:\d\d.*")
# A text cell whose text is only digits, signs and points: shared strings and inline strings
# (each run of rich text checked alone, which can only find more), and formula text results.
_NUMERIC_TEXT = re.compile(rb"<t(?:\s[^>]*)?>[-+\d.]+</t>")
_NUMERIC_STR = re.compile(
    rb' t="str"[^>]*>(?:<(?:\w+:)?f\b[^>]*/>|<(?:\w+:)?f\b[^>]*>[^<]*</(?:\w+:)?f>)?'
    rb"<(?:\w+:)?v>[-+\d.]+</"
)


def head_rows(opened: OpenSheet, source: str, upto: int, lim: Limits) -> list[list[Any]] | None:
    """The sheet's first ``upto`` rows as the general path reads them, or None when the sheet
    is no longer than that (or its XML is not in row order): then it is read as a whole.

    The rows are cut from the XML the guard already unpacked and parsed by calamine as a
    workbook of their own (shared strings and styles copied), so their cells are exactly those
    of the whole sheet's first rows.
    """
    scan, zf = opened.scan, opened.archive
    if zf is None or scan.member is None or not scan.ordered_rows:
        return None
    cut = None
    for m in _ROW_AT.finditer(scan.xml):  # stops at the first row below the head
        if int(m.group(1)) > upto:
            cut = m.start()
            break
    if cut is None:
        return None
    head = scan.xml[:cut] + b"</sheetData></worksheet>"
    import python_calamine

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as mini:
        for info in zf.infolist():
            name = info.filename
            if name == scan.member:
                mini.writestr(name, head)
            elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
                mini.writestr(name, b"<worksheet><sheetData/></worksheet>")
            elif name.endswith((".xml", ".rels")):
                if info.file_size > lim.max_bytes:
                    return None
                mini.writestr(name, zf.read(name))
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue()))
        rows = wb.get_sheet_by_name(opened.name).to_python(skip_empty_area=False)
    except Exception:  # the whole sheet's read reports what is wrong
        return None
    return put_errors_back(rows, [e for e in scan.errors if e[0] <= upto])


def text_is_plain(values: list[str]) -> bool:
    """Whether none of a text column's distinct values could be a number, boolean or date
    that fastexcel turned into text (then every cell of the column was text in the sheet).

    >>> text_is_plain(["Bygglov", "vet ej"]), text_is_plain(["vet ej", "5"])
    (True, False)
    >>> text_is_plain(["true"]), text_is_plain(["2024-01-05 00:00:00"])
    (False, False)
    """
    return not any(_RENDERED.fullmatch(v) or _NUMBER.fullmatch(v) for v in values)


def general_only(head: list[list[Any]], numeric_text: Callable[[], bool] | bool) -> bool:
    """Whether the first data rows already show a cell the column read would send to the
    general path (a date, time, boolean or whole number, or a number typed as text), so that
    the sheet is not parsed twice. Only the head (at most :data:`HEAD_ROWS` rows) is looked at;
    ``numeric_text`` (:func:`numeric_text_cells`, or a function giving it) only when a text cell
    there reads as a number.

    >>> general_only([[1.0, "Vet ej"]], False), general_only([[dt.date(2024, 1, 5)]], False)
    (False, True)
    >>> general_only([["5"]], True), general_only([["5"]], False)
    (True, False)
    """
    for row in head:  # a loop over the head's cells, not the sheet's
        for v in row:
            if isinstance(v, dt.date | dt.time | dt.timedelta | bool | int):
                return True
            if isinstance(v, str) and _NUMBER.fullmatch(v) and _truth(numeric_text):
                return True
    return False


def _truth(flag: Callable[[], bool] | bool) -> bool:
    return flag() if callable(flag) else flag


def numeric_text_cells(opened: OpenSheet, lim: Limits) -> bool:
    """Whether any text cell of the workbook could read as a number ("5" typed as text).

    When none can, a value like "5" in a column fastexcel read as text (a column mixing
    answers 1-7 and "Vet ej") was a number cell, and its digits give the number exactly.
    Only asked when such a value turns up (a sheet of numbers never needs it); the sheet's XML
    is unpacked again when the guard's copy was already freed.
    """
    zf, xml = opened.archive, opened.scan.xml
    if zf is None or opened.scan.member is None:
        return True
    if not xml:
        xml = zf.read(opened.scan.member)  # its size was checked by the guard
    for info in zf.infolist():
        if info.filename.lower().endswith("sharedstrings.xml"):
            if info.file_size > lim.max_bytes:
                return True
            if _maybe_numeric_text(zf.read(info.filename)):
                return True
    # find, not "in": the guard's XML may be a mapping (see SheetScan.xml)
    if xml.find(b"is>") >= 0 and (xml.find(b"<is>") < 0 or _maybe_numeric_text(xml)):
        return True  # an inline number-like text (or inline strings with a namespace prefix)
    return xml.find(b' t="str"') >= 0 and _NUMERIC_STR.search(xml) is not None


def _maybe_numeric_text(xml: Xml) -> bool:
    """A ``<t>`` element holding only digits, signs and points, or one this check cannot read
    (a namespace prefix, a character reference such as ``&#53;``): erring towards True only
    sends the sheet to the general path.

    >>> _maybe_numeric_text(b"<si><t>Vet ej</t></si>"), _maybe_numeric_text(b"<si><t>5</t></si>")
    (False, True)
    >>> _maybe_numeric_text(b"<si><t>&#53;</t></si>"), _maybe_numeric_text(b"<x:t>5</x:t>")
    (True, True)
    """
    return bool(_NUMERIC_TEXT.search(xml)) or xml.find(b"&#") >= 0 or xml.find(b":t>") >= 0


def read_columns(
    opened: OpenSheet,
    data: bytes,
    source: str,
    skip: int,
    width: int,
    lim: Limits,
    numeric_text: Callable[[], bool] | bool = True,
    parts: list[SheetPart] | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Rows ``skip + 1`` onward of the sheet, ``width`` columns from A: (cells, blank), or None
    when a column cannot be converted exactly (the caller reads the sheet the general way).

    ``numeric_text`` is :func:`numeric_text_cells` of the workbook, or a function giving it,
    asked only when a text column holds a number-like value (True: the sheet goes to the
    general path). ``parts`` is :func:`~servqual_cli.io.xlsxparts.sheet_parts` (by default
    the whole sheet from ``data``).
    ``cells`` is an object array (rows x width, column-major) of the values the general path
    gives; ``blank`` marks the empty, None and whitespace-only cells.
    """
    logging.getLogger("fastexcel").setLevel(logging.ERROR)  # "falling back to string" notes
    where = Location(source, opened.name)
    if parts is None:
        parts = sheet_parts(opened, data, skip, lim)
    loaded = load_all(parts, opened.name) if parts else None
    if loaded is None:
        return None
    spans = []
    for part, (batch, errors, columns) in zip(parts, loaded, strict=True):
        if part.rows is not None and batch.num_rows > part.rows:
            return None  # (the cut's check rules this out)
        if errors is not None and errors.errors:
            # Excel error cells in a number column are coercion errors here; they are put back
            # below from the guard's scan. Any other coercion would lose a value: general path.
            known = {(row, col) for row, col, _ in opened.scan.errors}
            for err in errors.errors:
                r, c = err.offset_position
                if c >= len(columns):
                    return None
                if (part.first + r, columns[c].absolute_index + 1) not in known:
                    return None
        spans.append(batch.num_rows if part.rows is None else part.rows)
        if any(c.absolute_index >= width for c in columns):
            width = max(c.absolute_index for c in columns) + 1
    n = sum(spans)
    if width > lim.max_columns or n * width > lim.max_cells:
        raise DataError(
            f"has {n:,} rows x {width:,} columns, over the reader's limit of {lim.max_cells:,} "
            "cells (give --max-cells or set SERVQUAL_MAX_CELLS to allow more)",
            where,
            code="table_too_many_cells",
            facts={"rows": n, "cols": width, "max_cells": lim.max_cells},
        )
    cells = np.empty((width, n), dtype=object).T  # column-major: one block, filled per column
    blank = np.ones((n, width), dtype=bool, order="F")
    top = 0
    for span, (batch, _, columns) in zip(spans, loaded, strict=True):
        rows = slice(top, top + span)
        if not _convert(batch, columns, cells[rows], blank[rows], numeric_text):
            return None
        top += span
    first = skip + 1
    for row, col_no, text in opened.scan.errors:  # error cells are few; fastexcel left them null
        i = row - first
        if 0 <= i < n and col_no - 1 < width:
            cells[i, col_no - 1] = text
            blank[i, col_no - 1] = False
    return cells, blank


def _convert(
    batch: Any,
    columns: list[Any],
    cells: np.ndarray,
    blank: np.ndarray,
    numeric_text: Callable[[], bool] | bool,
) -> bool:
    """Fill ``cells`` and ``blank`` (a part's rows, every column) from the part's Arrow columns
    (rows beyond the batch are blank); False when a column cannot be converted exactly."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = batch.num_rows
    present = {c.absolute_index for c in columns}
    for j in range(cells.shape[1]):
        if j not in present:
            cells[:, j] = ""
    cells[n:, :] = ""
    for info, col in zip(columns, batch.columns, strict=True):  # a loop over columns
        j = info.absolute_index
        kind = col.type
        if pa.types.is_null(kind):
            cells[:, j] = ""
            continue
        valid = ~np.asarray(col.is_null().to_numpy(zero_copy_only=False), dtype=bool)
        if pa.types.is_floating(kind):
            # Answers repeat a few values: one Python float per distinct value, not per cell.
            codes, uniq = pd.factorize(col.to_numpy(zero_copy_only=False), use_na_sentinel=True)
            values = np.asarray([*uniq.tolist(), ""], dtype=object)[codes]
        elif pa.types.is_boolean(kind):
            values = col.to_numpy(zero_copy_only=False).astype(object)
        elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
            encoded = pc.dictionary_encode(col)
            uniques: list[Any] = encoded.dictionary.to_pylist()
            if any(_RENDERED.fullmatch(u) for u in uniques):
                return False  # a boolean or date cell among text: only calamine's rows say
            numbers = [bool(_NUMBER.fullmatch(u)) for u in uniques]
            if any(numbers):
                if _truth(numeric_text):  # see numeric_text_cells
                    return False
                uniques = [float(u) if k else u for u, k in zip(uniques, numbers, strict=True)]
            codes = encoded.indices.fill_null(0).to_numpy(zero_copy_only=False)
            empty = np.fromiter(
                (isinstance(u, str) and not u.strip() for u in uniques),
                dtype=bool,
                count=len(uniques),
            )
            values = np.asarray([*uniques, ""], dtype=object)[codes]
            values[~valid] = ""
            cells[:n, j] = values
            blank[:n, j] = ~valid | (empty[codes] if len(uniques) else True)
            continue
        else:  # dates, durations, integers: the general path gives their Python types
            return False
        values[~valid] = ""
        cells[:n, j] = values
        blank[:n, j] = ~valid
    return True


def frame_from(cells: np.ndarray, names: list[str]) -> pd.DataFrame:
    """An object DataFrame over ``cells`` without copying it."""
    frame = pd.DataFrame(cells, dtype=object, copy=False)
    frame.columns = pd.Index(names, dtype=object)
    return frame
