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
    user_missing : dict
        SPSS user-missing cells no label calls "no answer" (a 99 declared missing, unlabelled),
        per column: the code's text in those cells, None elsewhere; the frame holds them blank
        (:mod:`servqual_cli.io.spss_missing`; review 16, finding 6).
    declared_shown : dict
        SPSS labelled declared-missing codes per column, as a listed cell shows them -> the code
        and its label ("Vet ej" -> "99 (Vet ej)"), for the ``--excluded`` list
        (:func:`servqual_cli.io.spss_missing.declared_shown`).
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
    skipped_sheets : tuple of (str, str)
        Sheets before the one read that have no data rows (a cover page), each with the reason,
        when no ``--sheet`` was given (:mod:`servqual_cli.io.sheet_choice`; review 10b,
        finding 2); JSON ``input.skipped_sheets``.
    sheet_hidden : bool
        The sheet read is hidden in Excel (``state="hidden"`` or ``"veryHidden"``): read all
        the same, and said (review 10b, finding 1); JSON ``input.sheet_hidden``.
    hidden_rows : ndarray of int or None
        The sheet's rows hidden in Excel (``<row hidden="1">``, also what AutoFilter sets),
        1-based, sorted (:mod:`servqual_cli.io.xlsxhidden`); the data rows among them are read
        and counted in JSON ``input.hidden_rows`` (:meth:`hidden_data_rows`).
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
    user_missing: dict[str, pd.Series] = field(default_factory=dict)
    declared_shown: dict[str, dict[str, str]] = field(default_factory=dict)
    encoding_reason: str | None = None
    garbled: bool = False
    header_rows: int = 1
    encoded: EncodedTable | None = field(default=None, repr=False, compare=False)
    merged_cells: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
    merged_not_filled: tuple[str, ...] = ()
    short_rows: ShortRows | None = None
    title_rows: tuple[tuple[int, str], ...] = ()
    summary_rows: tuple[SummaryRow, ...] = ()
    skipped_sheets: tuple[tuple[str, str], ...] = ()
    sheet_hidden: bool = False
    hidden_rows: np.ndarray | None = field(default=None, repr=False, compare=False)

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
        merged.update(self._sheet_facts())
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

    def hidden_data_rows(self) -> np.ndarray:
        """The data rows (file rows, sorted) that Excel hides: the hidden rows read.

        >>> t = RawTable(pd.DataFrame({"a": [1, 2, 3]}), "a.xlsx", "S", 1, np.array([2, 3, 5]),
        ...              "", hidden_rows=np.array([1, 3, 4, 5]))
        >>> t.hidden_data_rows().tolist()
        [3, 5]
        """
        if self.hidden_rows is None or not len(self.hidden_rows):
            return np.zeros(0, dtype=np.int64)
        rows = np.asarray(self.row_numbers, dtype=np.int64)
        return np.sort(rows[np.isin(rows, self.hidden_rows)])

    def _sheet_facts(self) -> dict[str, Any]:
        """The JSON keys on the sheet's choice and what Excel hides (each only when it applies:
        review 10b, findings 1 and 2)."""
        out: dict[str, Any] = {}
        if self.skipped_sheets:
            out["skipped_sheets"] = [{"sheet": s, "why": w} for s, w in self.skipped_sheets]
        if self.sheet_hidden:
            out["sheet_hidden"] = True
        hidden = self.hidden_data_rows()
        if len(hidden):
            out["hidden_rows"] = {"count": len(hidden), "runs": hidden_runs(hidden)}
        return out

    def encoding_hint(self) -> str:
        """Advice for a column-not-found error when the text decoding may be wrong ("" if not).

        >>> t = RawTable(pd.DataFrame({"a": [1]}), "a.csv", None, 1, np.array([2]), "", "cp1252",
        ...              ";", garbled=True)
        >>> t.encoding_hint()[:46]
        'the file was read as cp1252 and its text looks'
        """
        return encoding_hint(self.encoding, self.garbled)

    def take(self, rows: np.ndarray) -> RawTable:
        """The data rows where the boolean mask ``rows`` is true, with their row numbers, SPSS
        codes and declared-missing cells: the table of one ``report --split`` group, so that
        a column read from it (``[survey] weight_column``) lines up with the group's answers
        (review 17, finding 22: the whole file's 320 weights met a group's 71 rows). The
        file's facts (hash, hidden and summary rows) stay the file's.

        >>> missing = {"a": pd.Series([None, "9", None], dtype=object)}
        >>> t = RawTable(pd.DataFrame({"a": [1, 2, 3]}, index=[5, 6, 7]), "a.csv", None, 1,
        ...              np.array([2, 3, 4]), "", user_missing=missing)
        >>> s = t.take(np.array([False, True, True]))
        >>> s.frame["a"].tolist(), s.row_numbers.tolist(), s.user_missing["a"].tolist()
        ([2, 3], [3, 4], ['9', None])
        """
        import dataclasses

        mask = np.asarray(rows, dtype=bool)

        def cut(series: pd.Series) -> pd.Series:
            return series[mask].reset_index(drop=True)

        return dataclasses.replace(
            self,
            frame=self.frame[mask].reset_index(drop=True),
            row_numbers=np.asarray(self.row_numbers)[mask],
            codes={k: cut(v) for k, v in self.codes.items()},
            user_missing={k: cut(v) for k, v in self.user_missing.items()},
        )

    @property
    def columns(self) -> list[str]:
        if self.encoded is not None:
            return list(self.encoded.names)
        return [str(c) for c in self.frame.columns]


# ``frame`` stays an ordinary dataclass field for every caller (RawTable(frame, ...),
# dataclasses.replace), but a fast-path CSV table builds it from ``encoded`` only when read.
lazy_field(RawTable, "frame", lambda t: t.encoded.frame() if t.encoded is not None else None)


_RUNS_SHOWN = 5  # runs of hidden rows named (the count says how many there are)


def hidden_runs(rows: np.ndarray, shown: int = _RUNS_SHOWN) -> list[list[int]]:
    """The first ``shown`` runs of consecutive rows in ``rows`` (sorted), as [first, last].

    >>> hidden_runs(np.array([4, 5, 6, 9, 12, 13]))
    [[4, 6], [9, 9], [12, 13]]
    >>> hidden_runs(np.arange(0, 20, 2), 2)
    [[0, 0], [2, 2]]
    """
    if not len(rows):
        return []
    breaks = np.flatnonzero(np.diff(rows) != 1)
    starts = np.concatenate([[0], breaks + 1])[:shown]
    ends = np.concatenate([breaks, [len(rows) - 1]])[:shown]
    return [[int(rows[a]), int(rows[b])] for a, b in zip(starts, ends, strict=True)]


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
