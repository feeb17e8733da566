"""Rows of cells (a spreadsheet's, or text split by the standard reader) to a frame: the header
found or given, a two-row header joined, short rows padded (and, in text, counted:
:class:`ShortRows`), blank columns and rows dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.header import find_header_row, two_row_header
from servqual_cli.io.limits import limits


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == ""


@dataclass(frozen=True)
class ShortRows:
    """Data rows of a text file with fewer fields than the header (review 6, finding 10).

    A CSV cut off mid-row ends in a short row, often without a final newline; its missing
    cells would otherwise be counted as blank answers without a word. Short rows elsewhere are
    usually harmless (Excel leaves out a row's trailing empty fields in some CSV exports), so
    they are counted and the first is named, not called an error.

    Attributes
    ----------
    width : int
        Fields of the header.
    n : int
        Short data rows (rows with no value at all are not counted: they are dropped).
    first_row, first_fields : int
        The first short row's line and its fields.
    cut : bool
        The last data row is short and looks cut off: the file has no final newline, or no
        other row is short.
    last_row, last_fields : int
        The last data row's line and its fields (read only when ``cut``).
    """

    width: int
    n: int
    first_row: int
    first_fields: int
    cut: bool
    last_row: int
    last_fields: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "header_fields": self.width,
            "n_rows": self.n,
            "first_row": self.first_row,
            "first_fields": self.first_fields,
            "last_row_cut": self.cut,
            "last_row": self.last_row,
            "last_fields": self.last_fields,
        }


class RowsTable(NamedTuple):
    """:func:`read_rows`: the frame, the header's line, each row's line, the header rows, and
    the short rows of a text file (None when there are none, and always for spreadsheets)."""

    frame: pd.DataFrame
    header_line: int
    row_numbers: np.ndarray
    header_rows: int
    short: ShortRows | None


def read_rows(
    rows: list[list[Any]],
    source: str,
    sheet: str | None,
    header_row: int | None,
    ragged_is_error: bool,
    header_rows: int | None = None,
    line_numbers: np.ndarray | None = None,
    ends_with_newline: bool = True,
) -> RowsTable:
    """Rows to a frame; ``ragged_is_error`` for text, whose rows longer than the header are
    refused and whose short rows are reported (:class:`ShortRows`; ``ends_with_newline``
    says whether the text ended a line at its end). A spreadsheet (``ragged_is_error``
    false) gets ``short`` None: a row's trailing empty cells are simply not stored there, so a
    short row says nothing."""
    where = Location(source, sheet)
    if not rows or all(all(is_blank(v) for v in r) for r in rows):
        raise DataError("has no data (the sheet or file is empty)", where, code="sheet_empty")
    if header_rows not in (None, 1, 2):
        raise UsageError(f"--header-rows must be 1 or 2, not {header_rows}", where)
    if line_numbers is None:
        line_numbers = np.arange(1, len(rows) + 1, dtype=np.int64)
    if header_row is None:
        hdr_index = find_header_row(rows)
    else:
        if header_row < 1 or header_row > len(rows):
            raise UsageError(f"--header-row {header_row} is outside the {len(rows)} rows", where,
                             code="header_row_outside",
                             facts={"row": header_row, "n": len(rows)})  # fmt: skip
        hdr_index = header_row - 1
        if ragged_is_error:  # text: the user counts lines, and a quoted field may span some
            hdr_index = min(int(np.searchsorted(line_numbers, header_row)), len(rows) - 1)
    hdr_index, header, n_hdr = header_at(rows, hdr_index, header_rows)
    body = rows[hdr_index + 1 :]
    body_lines = line_numbers[hdr_index + 1 :]
    width = len(header)
    lengths = np.fromiter((len(r) for r in body), dtype=np.int64, count=len(body))
    lim = limits()
    if width > lim.max_columns or (len(lengths) and lengths.max() > lim.max_columns):
        widest = max(width, int(lengths.max()) if len(lengths) else 0)
        raise DataError(
            f"has {widest:,} fields on a line, over the limit of {lim.max_columns:,}",
            where,
            code="too_many_fields",
            facts={"n": widest, "limit": lim.max_columns},
        )
    if ragged_is_error:
        too_long = np.flatnonzero(lengths > width)
        for i in too_long:
            extra = body[i][width:]
            if any(not is_blank(v) for v in extra):
                raise DataError(
                    f"has {len(body[i])} fields but the header (row {line_numbers[hdr_index]}) "
                    f"has {width}; is the file ragged or the delimiter wrong?",
                    Location(source, sheet, int(body_lines[i])),
                    code="ragged_row",
                    facts={
                        "n": len(body[i]),
                        "header": int(line_numbers[hdr_index]),
                        "width": width,
                    },
                )
    # Name blank header cells after their position, so a column can still be named in errors.
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    frame = _frame(body, lengths, width)
    frame.columns = pd.Index(names, dtype=object)
    row_numbers = np.asarray(body_lines, dtype=np.int64)
    blank = blank_mask(frame)
    short = None
    if ragged_is_error:
        blank_row = np.asarray(blank.all(axis=1), dtype=bool)
        short = short_rows(lengths, blank_row, row_numbers, width, ends_with_newline)
    frame, row_numbers = drop_blank(frame, blank, header, row_numbers)
    hdr_line = int(line_numbers[hdr_index])
    if len(frame) == 0:
        raise DataError(
            f"has a header (row {hdr_line}) but no data rows below it",
            where,
            code="header_only",
            facts={"row": hdr_line},
        )
    return RowsTable(frame, hdr_line, row_numbers, n_hdr, short)


def short_rows(
    lengths: np.ndarray,
    blank_row: np.ndarray,
    lines: np.ndarray,
    width: int,
    ends_with_newline: bool,
) -> ShortRows | None:
    """The data rows with fewer than ``width`` fields (rows with no value are left out: they
    are dropped as blank), or None.

    >>> lines = np.array([2, 3, 4, 5])
    >>> short_rows(np.array([4, 4, 4, 2]), np.zeros(4, bool), lines, 4, False).to_dict()
    {'header_fields': 4, 'n_rows': 1, 'first_row': 5, 'first_fields': 2, 'last_row_cut': True, \
'last_row': 5, 'last_fields': 2}
    >>> many = short_rows(np.array([4, 2, 3, 2]), np.zeros(4, bool), lines, 4, True)
    >>> many.n, many.first_row, many.cut  # an export that leaves out trailing empty fields
    (3, 3, False)
    >>> short_rows(np.array([4, 4, 0, 4]), np.array([0, 0, 1, 0], bool), lines, 4, True) is None
    True
    """
    short = (lengths < width) & ~blank_row
    hits = np.flatnonzero(short)
    if not len(hits):
        return None
    kept = np.flatnonzero(~blank_row)
    last = int(kept[-1])
    cut = bool(short[last]) and (not ends_with_newline or len(hits) == 1)
    first = int(hits[0])
    return ShortRows(width, len(hits), int(lines[first]), int(lengths[first]), cut,
                     int(lines[last]), int(lengths[last]))  # fmt: skip


def _frame(body: list[list[Any]], lengths: np.ndarray, width: int) -> pd.DataFrame:
    """Rows (possibly short) -> an object DataFrame of ``width`` columns, short rows padded."""
    if len(body) and (lengths == width).all():
        frame = pd.DataFrame(body, dtype=object)  # no per-row padding when every row fits
    else:
        frame = pd.DataFrame([r[:width] + [None] * (width - len(r)) for r in body], dtype=object)
    if frame.shape[1] != width:
        frame = pd.DataFrame(index=range(len(body)), columns=range(width), dtype=object)
    return frame


def blank_mask(frame: pd.DataFrame) -> np.ndarray:
    """Boolean (rows x columns): the cell is empty, None/NaN or only spaces.

    Survey answers repeat a handful of values, so each column is factorized and only its
    distinct values are inspected: the per-cell work stays in C.

    >>> blank_mask(pd.DataFrame({"a": ["x", " ", None], "b": [1.0, float("nan"), 2.0]})).tolist()
    [[False, False], [True, True], [True, False]]
    """
    out = np.zeros(frame.shape, dtype=bool)
    for j in range(frame.shape[1]):  # a loop over columns; each column is vectorised
        col = frame.iloc[:, j]
        if not (col.dtype == object or pd.api.types.is_string_dtype(col.dtype)):
            out[:, j] = col.isna().to_numpy(dtype=bool)
            continue
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        blank_unique = np.fromiter(
            (isinstance(u, str) and not u.strip() for u in uniques), dtype=bool, count=len(uniques)
        )
        if len(uniques) == 0:  # nothing but missing values
            out[:, j] = True
            continue
        out[:, j] = (codes < 0) | (blank_unique[np.maximum(codes, 0)] & (codes >= 0))
    return out


def drop_blank(
    frame: pd.DataFrame, blank: np.ndarray, header: list[str], row_numbers: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop columns with neither a header nor any value (Excel pads with empty cells) and
    fully blank rows (spreadsheets keep formatted-but-empty rows at the end)."""
    width = len(header)
    blank_cols = [i for i, h in enumerate(header) if not h and blank[:, i].all()]
    if blank_cols:
        keep = [i for i in range(width) if i not in set(blank_cols)]
        frame = frame.iloc[:, keep]
        blank = blank[:, keep]
    if len(frame):
        blank_row = blank.all(axis=1)
        if blank_row.any():
            frame = frame.iloc[np.flatnonzero(~blank_row)].reset_index(drop=True)
            row_numbers = row_numbers[~blank_row]
    return frame, row_numbers


def header_at(
    rows: list[Any], hdr_index: int, header_rows: int | None
) -> tuple[int, list[str], int]:
    """The header at ``hdr_index``: a joined two-row header when there is one (with the index of
    its second row, as :func:`two_row_header` gives it), else that row's cells as text; and the
    number of header rows."""
    joined = two_row_header(rows, hdr_index, header_rows)
    if joined is not None:
        return joined[0], joined[1], 2
    return hdr_index, ["" if v is None else str(v).strip() for v in rows[hdr_index]], 1
