"""Merged cells in a workbook's data rows: filled from the range's first cell, and named.

People format sheets by hand: a title merged across the top, and the group column (Tjänst)
merged down each block of rows. Excel keeps a merged range's value in its top-left cell only;
the other cells are empty in the file (ECMA-376 Part 1, 18.3.1.55 ``mergeCell``), so a reader
that ignores ``<mergeCells>`` sees one respondent per block with a group and the rest without.

The rule (README "Input formats", merged cells):

* A range whose top-left cell lies in the data rows (below the header) has its blank cells
  **in its first column** filled with the top-left value, in the rows that hold data in other
  columns (a fully blank row stays blank and is dropped as before).
* The cells of a range's other columns are never filled (that would copy one answer into other
  items); such ranges are listed as "not filled".
* Ranges in the title and header rows, or starting there, keep the reader's usual handling.
* Every fill is counted per column and named with its ranges in the output (JSON ``input``,
  the notes, ``describe``).

Only xlsx and xlsm sheets are handled (their ``<mergeCells>``, found in the XML the guard of
:mod:`servqual_cli.io.zipguard` already unpacked); ods, xls and xlsb merges are read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from servqual_cli.errors import DataError, Location
from servqual_cli.io.xlsxrefs import Xml

__all__ = ["MAX_MERGES", "MergedFill", "fill_merged", "merged_ranges", "range_ref"]

MAX_MERGES = 100_000  # merged ranges in one sheet; each costs a few numpy operations

_MERGE = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\sref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"'
)

Range = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def range_ref(rng: Range) -> str:
    """A range as Excel writes it.

    >>> range_ref((4, 2, 13, 2))
    'B4:B13'
    """
    return f"{_letters(rng[1])}{rng[0]}:{_letters(rng[3])}{rng[2]}"


def merged_ranges(xml: Xml, where: Location) -> tuple[Range, ...]:
    """The sheet's merged ranges (sorted by column, then row) from its XML.

    ``<mergeCells>`` follows ``</sheetData>``, so only the XML after it is searched. More than
    :data:`MAX_MERGES` ranges is refused as a hostile file is.

    >>> merged_ranges(b'<sheetData/><mergeCells count="2"><mergeCell ref="B14:B23"/>'
    ...               b'<mergeCell ref="A1:H1"/></mergeCells>', Location("a.xlsx"))
    ((1, 1, 1, 8), (14, 2, 23, 2))
    """
    end = xml.rfind(b"sheetData>")
    if end < 0:
        end = xml.rfind(b"sheetData/>")
    if end < 0:
        return ()
    tail = bytes(xml[end:])
    count = tail.count(b"mergeCell ")
    if count == 0:
        return ()
    if count > MAX_MERGES:
        raise DataError(
            f"has {count:,} merged ranges, over the limit of {MAX_MERGES:,}; unmerge the cells "
            "and save the workbook again",
            where,
            code="too_many_merges",
            facts={"n": count, "limit": MAX_MERGES},
        )
    found = set()
    for m in _MERGE.finditer(tail):
        r1, r2 = int(m.group(2)), int(m.group(4))
        c1, c2 = _col(m.group(1)), _col(m.group(3))
        found.add((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return tuple(sorted(found, key=lambda r: (r[1], r[0], r[3], r[2])))


@dataclass(frozen=True)
class MergedFill:
    """What :func:`fill_merged` did to one column.

    Attributes
    ----------
    column : int
        0-based sheet column (A = 0).
    cells : int
        Blank cells filled with their range's top-left value.
    ranges : tuple of str
        The ranges that filled them (``"B4:B13"``), in sheet order.
    """

    column: int
    cells: int
    ranges: tuple[str, ...]


def fill_merged(
    cells: np.ndarray, blank: np.ndarray, first_row: int, merges: tuple[Range, ...]
) -> tuple[list[MergedFill], list[str]]:
    """Fill, in place, the blank cells of merged ranges that start in the data rows.

    ``cells`` (object) and ``blank`` (bool) are the data rows, row 0 being sheet row
    ``first_row``, column 0 sheet column A. A range is filled only within its first column and
    only in rows holding data elsewhere. Returns the fills per column (columns with none left
    out) and the ranges spanning several columns (their other columns not filled).

    >>> cells = np.array([["Bygg", 5], ["", 6], ["", ""], ["", 7]], dtype=object)
    >>> blank = cells == ""
    >>> fills, across = fill_merged(cells, blank, 4, ((4, 1, 7, 1), (1, 1, 1, 8)))
    >>> cells[:, 0].tolist(), fills, across
    (['Bygg', 'Bygg', '', 'Bygg'], [MergedFill(column=0, cells=2, ranges=('A4:A7',))], [])
    """
    n_rows, width = cells.shape
    per_column: dict[int, tuple[int, list[str]]] = {}
    across: list[str] = []
    for rng in merges:
        r1, c1, r2, c2 = rng
        i0, col = r1 - first_row, c1 - 1
        if i0 < 0 or i0 >= n_rows or col >= width:
            continue  # title or header rows (today's handling), or outside the table
        if c2 > c1:
            across.append(range_ref(rng))
        if blank[i0, col] or r2 == r1:
            continue
        seg = slice(i0 + 1, min(r2 - first_row, n_rows - 1) + 1)
        # blank in this column, and not blank in every column (that row is dropped as blank)
        target = blank[seg, col] & ~blank[seg].all(axis=1)
        rows = np.flatnonzero(target) + i0 + 1
        if len(rows) == 0:
            continue
        cells[rows, col] = cells[i0, col]
        blank[rows, col] = False
        done, refs = per_column.get(col, (0, []))
        per_column[col] = (done + len(rows), [*refs, range_ref(rng)])
    fills = [MergedFill(c, n, tuple(refs)) for c, (n, refs) in sorted(per_column.items())]
    return fills, across
