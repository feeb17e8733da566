"""The table every reader returns: :class:`RawTable` (header names, cells as read, and where
each row came from), and the hash recorded for its input."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.errors import Location
from servqual_cli.io.decode import encoding_hint
from servqual_cli.io.encoded import EncodedColumn, EncodedTable
from servqual_cli.io.lazy import lazy_field

if TYPE_CHECKING:
    from servqual_cli.io.rows import ShortRows
    from servqual_cli.io.summary_rows import SummaryRow


@dataclass(frozen=True)
class RawTable:
    """A file's data as read: header names, cells as read, and where each row came from.

    Attributes
    ----------
    frame : DataFrame
        One column per header cell (duplicate names are kept; positions are unique), object dtype
        for text files and spreadsheets, so that nothing is coerced before the cleaner sees it.
    source : str
        The path as the user gave it (``"<stdin>"`` for ``-``).
    sheet : str or None
        The sheet read, for spreadsheets.
    header_row : int
        1-based row of the header in the file (0 for formats without one, e.g. parquet).
    row_numbers : ndarray of int
        For each frame row, its 1-based row number in the file as the user sees it.
    sha256 : str
        Hash of the input bytes, recorded in reports.
    value_labels : dict
        SPSS value labels per column (code -> label); the frame holds the labelled values and
        ``codes`` the raw codes for those columns.
    encoding_reason : str or None
        Why the text encoding was chosen ("valid UTF-8", "UTF-16 byte-order mark", ...).
    garbled : bool
        The fallback decoding gave text that looks like mojibake (see :meth:`encoding_hint`).
    header_rows : int
        Rows the header spans (2 when a group row was joined with the row below).
    merged_cells : tuple of (column, cells, ranges)
        Blank cells of a workbook's merged ranges filled from the range's top-left cell, per
        column (:mod:`servqual_cli.io.xlsxmerge`); empty for every other file.
    merged_not_filled : tuple of str
        Merged ranges in the data rows spanning several columns (their other columns not filled).
    short_rows : ShortRows or None
        Data rows of a text file with fewer fields than the header (their missing cells read as
        blank), and whether the last one looks cut off (:class:`servqual_cli.io.rows.ShortRows`).
    summary_rows : tuple of SummaryRow
        Trailing rows left out as an export's summary ("Medelvärde", "Summa", ...; review 9,
        finding 5): each with its row in the file and its label
        (:mod:`servqual_cli.io.summary_rows`).
    encoded : EncodedTable or None
        The fast CSV path's columns as codes and distinct texts (:mod:`.encoded`); ``frame`` is
        then built from them on first use, and the cleaners that can (:meth:`encoded_column`)
        never build it. None for every other reader.
    title_rows : tuple of (int, str)
        The non-blank rows above the header (a title such as "Servicemätning 2021"): each one's
        row (line) and text (:func:`servqual_cli.io.title_rows.title_rows`); empty when the
        header is the first row, and for formats without one. Not in :meth:`describe`.
    """

    frame: pd.DataFrame
    source: str
    sheet: str | None
    header_row: int
    row_numbers: np.ndarray
    sha256: str
    encoding: str | None = None
    delimiter: str | None = None
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    codes: dict[str, pd.Series] = field(default_factory=dict)
    encoding_reason: str | None = None
    garbled: bool = False
    header_rows: int = 1
    encoded: EncodedTable | None = field(default=None, repr=False, compare=False)
    merged_cells: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
    merged_not_filled: tuple[str, ...] = ()
    short_rows: ShortRows | None = None
    title_rows: tuple[tuple[int, str], ...] = ()
    summary_rows: tuple[SummaryRow, ...] = ()

    def __post_init__(self) -> None:
        # A frame given with the encoded columns (dataclasses.replace(table, frame=...)) is
        # the truth from now on: the encoded columns may no longer describe it.
        if self.encoded is not None and self.__dict__.get("frame") is not None:
            object.__setattr__(self, "encoded", None)

    def encoded_column(self, position: int) -> EncodedColumn | None:
        """The column at ``position`` as codes and distinct texts, if the reader kept it so."""
        if self.encoded is None:
            return None
        return self.encoded.columns[position]

    def column(self, position: int) -> pd.Series:
        """The cells of one column (object Series), without building the whole frame."""
        if self.encoded is not None and self.__dict__.get("frame") is None:
            return pd.Series(self.encoded.columns[position].cells(), dtype=object,
                             name=self.encoded.names[position])  # fmt: skip
        return self.frame.iloc[:, position]

    def location(self, row_index: int | None = None, column: str | None = None) -> Location:
        """The :class:`Location` of a frame row (0-based position) and column."""
        row = None if row_index is None else int(self.row_numbers[row_index])
        return Location(self.source, self.sheet, row, column)

    def describe(self) -> dict[str, Any]:
        """The input as JSON output records it: file name (no folder, so output does not
        depend on where the file lies), sheet, header row, SHA-256, encoding and delimiter."""
        name = Path(self.source).name if self.source != "<stdin>" else self.source
        merged: dict[str, Any] = {}  # (keys only when a workbook had merged data rows)
        if self.merged_cells:
            merged["merged_cells"] = [
                {"column": c, "cells": n, "ranges": list(r)} for c, n, r in self.merged_cells
            ]
        if self.merged_not_filled:
            merged["merged_not_filled"] = list(self.merged_not_filled)
        if self.short_rows is not None:  # (the key only when a text file had short rows)
            merged["short_rows"] = self.short_rows.to_dict()
        if self.summary_rows:  # (the key only when trailing summary rows were left out)
            merged["summary_rows"] = [r.to_dict() for r in self.summary_rows]
        return {
            "file": name,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "encoding_reason": self.encoding_reason,
            "encoding_garbled": self.garbled,
            "delimiter": self.delimiter,
            "header_rows": self.header_rows,
            **merged,
        }

    def encoding_hint(self) -> str:
        """Advice for a column-not-found error when the text decoding may be wrong ("" if not).

        >>> t = RawTable(pd.DataFrame({"a": [1]}), "a.csv", None, 1, np.array([2]), "", "cp1252",
        ...              ";", garbled=True)
        >>> t.encoding_hint()[:46]
        'the file was read as cp1252 and its text looks'
        """
        return encoding_hint(self.encoding, self.garbled)

    @property
    def columns(self) -> list[str]:
        if self.encoded is not None:
            return list(self.encoded.names)
        return [str(c) for c in self.frame.columns]


# ``frame`` stays an ordinary dataclass field for every caller (RawTable(frame, ...),
# dataclasses.replace), but a fast-path CSV table builds it from ``encoded`` only when read.
lazy_field(RawTable, "frame", lambda t: t.encoded.frame() if t.encoded is not None else None)


_LATER_BYTES = 1 << 24  # 16 MiB: below, a thread costs about what the digest does


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_later(data: bytes) -> Callable[[], str]:
    """``sha256_of(data)``, started now on another thread for a large file (hashlib lets go of
    the GIL, so the digest is made while the file is read); call the result for the digest.

    >>> sha256_later(b"abc")() == sha256_of(b"abc")
    True
    """
    from servqual_cli.threads import workers

    if len(data) < _LATER_BYTES or workers() < 2:
        digest = sha256_of(data)
        return lambda: digest
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="servqual-sha256")
    future = pool.submit(sha256_of, data)
    pool.shutdown(wait=False)  # the thread ends with its one job

    return future.result
