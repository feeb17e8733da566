"""Every ``r`` attribute of a worksheet's XML, found and compared with numpy (issue #16).

calamine places a cell where its ``r`` attribute says (``<c r="XFD1048576">``) and then allocates
the dense rectangle from A1 to the farthest cell, so the guard
(:func:`servqual_cli.io.zipguard.scan_xlsx_sheet`) must know every reference before calamine sees
the sheet. A regular expression over a 160 MB sheet costs about a second (its engine tries its
alternatives at each of the five million ``␣r="``); here the same facts come from a few
whole-array numpy operations and bit arithmetic on one or two integers per attribute:

1. every ``=`` of the XML (``np.flatnonzero``) and the bytes around it;
2. an ``r`` attribute is ``r`` after a byte <= 0x20 (XML white space; a control byte, which
   valid XML never has, counts as white space too, which can only find more), then ``=`` and a
   quote, ``"`` or ``'``. XML also allows white space around ``=``; such an ``=`` (rare: no
   spreadsheet program writes one) is read in Python, as are the ends of the document;
3. the value's first four bytes are gathered as one big-endian integer and its letters (``A-Z``
   and ``a-z``: calamine's ``get_row_column`` accepts both) counted lane by lane (SWAR); the
   eight bytes after the letters likewise give the digits. A reference compares with a bound
   as a byte string: of two digit strings without leading zeros the longer is larger, and of
   two as long the one larger as a big-endian integer (the same for letters, as Excel orders
   columns). A value of four letters or more, eight digits or more, a leading zero, or any
   value near a bound's edge is parsed exactly in Python (only hostile sheets have many).

A value of digits only is a row's number (``<row r="7">``): calamine refuses a cell reference
without letters, so such a value in a cell makes the sheet unreadable, never large.

The regular expressions this replaces, anchored on the literal ``␣r="``, missed
``r='XFD1048576'``, ``r = "XFD1048576"``, a tab or newline before ``r`` and lowercase letters,
all of which calamine reads; tests/io/test_xlsx_refs.py checks this scan against them on
generated sheets (and on the forms they missed).

References
----------
ECMA-376 Part 1 (5th ed.), 18.3.1.4 ``c`` (attribute ``r``, the cell reference) and 18.3.1.73
``row`` (attribute ``r``, the 1-based row index). W3C XML 1.0 (5th ed.), productions [3]
``S ::= (#x20 | #x9 | #xD | #xA)+``, [10] ``AttValue`` (either quote) and [25]
``Eq ::= S? '=' S?``. calamine, ``src/xlsx/mod.rs``, ``get_row_column``. SWAR byte tests:
H. S. Warren, *Hacker's Delight*, 2nd ed., 2013, section 6-1 (searching a word for a byte).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from servqual_cli.io.xlsxkeys import col_key as _col_key
from servqual_cli.io.xlsxkeys import col_value as _col_value
from servqual_cli.io.xlsxkeys import key_value as _key_value
from servqual_cli.io.xlsxkeys import letters_value
from servqual_cli.io.xlsxkeys import row_key as _row_key
from servqual_cli.io.xlsxstep import EDGE as _EDGE
from servqual_cli.io.xlsxstep import Step, Xml, step
from servqual_cli.threads import map_ordered

__all__ = ["RefScan", "Xml", "letters_value", "scan_refs"]

_R, _WS = 0x72, 0x20  # "r"; XML white space (0x09, 0x0A, 0x0D, 0x20) is <= 0x20
_CHUNK = 1 << 20  # bytes per step: its temporary arrays (about 30k elements) stay in L2 cache
_MAX_SLOW = 100_000  # more irregular "=" than this: the whole sheet is read by _ATTR
_ATTR = re.compile(rb"(?<![^\x00-\x20])r[\x00-\x20]*=[\x00-\x20]*[\"']([A-Za-z]*)(\d*)")
_VALUE = re.compile(rb"[\x00-\x20]*[\"']([A-Za-z]*)(\d*)")
_REF = re.compile(rb"([A-Za-z]*)(\d*)")
_B = np.uint64
_NO_ROW = 1 << 63  # above every row key (a step without references)
_THREADS_FROM = 1 << 22  # XML this long (4 MiB) is scanned on two threads


@dataclass(frozen=True)
class RefScan:
    """What a sheet's ``r`` attributes and row elements say about its extent.

    Attributes
    ----------
    max_row, max_col : int
        The lowest row and the rightmost column any cell reference names, exact (0: none).
    top_row : int
        The largest row number (a digit-only ``r``), exact; 0 when there is none.
    row_tags : int
        How many digit-only ``r`` values there are.
    canonical_rows : int
        How many of them are written exactly ``<row r="N"``.
    increasing : bool
        The row numbers increase strictly in document order.
    row_elements : int
        ``<row`` and ``:row␣`` (␣: XML white space) in the XML, counted as ``bytes.count``
        would (rows without a number count too: calamine puts each below the one before).
    formula : bool
        The XML has a ``<f`` (a formula element).
    error_cells : bool
        Some ``t`` attribute is ``e`` (an Excel error cell).
    """

    max_row: int
    max_col: int
    top_row: int
    row_tags: int
    canonical_rows: int
    increasing: bool
    row_elements: int
    formula: bool
    error_cells: bool
    xml: Xml = field(repr=False)
    slow: list[tuple[int, int, int]] = field(repr=False)  # (offset, column, row), exact
    chunk_cols: list[int] = field(repr=False)  # the rightmost column of each step's references
    # the lowest and highest row key of each step's references (empty: read by regex)
    chunk_rows: list[tuple[int, int]] = field(repr=False, default_factory=list)
    markup: int = -1  # the offset of the last "<!" or "<?" (comment, CDATA, ...) from 3 on
    # the rows hidden in Excel (<row hidden="1">), sorted (io/xlsxhidden.py; review 10b #1)
    hidden_rows: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, np.int64))

    def rows_split_at(self, offset: int, row: int) -> bool:
        """Whether every cell reference before ``offset`` names a row above ``row`` and every
        one from ``offset`` on names ``row`` or a row below: then the XML cut at ``offset``
        gives two sheets whose cells are those of the whole sheet's rows, split at ``row``
        (see :mod:`servqual_cli.io.xlsxsplit`). Only the step that holds ``offset`` is read
        again; the others answer from their lowest and highest references.

        >>> s = scan_refs(_pad(b'<row r="1"><c r="A1"/></row><row r="2"><c r = "B2"/></row>'))
        >>> s.rows_split_at(44, 2), s.rows_split_at(44, 3), s.rows_split_at(17, 2)
        (True, False, False)
        """
        if not self.chunk_rows or len(str(row)) > 7:
            return False
        key = _row_key(row)
        k = offset // _CHUNK
        for i, (low, high) in enumerate(self.chunk_rows):
            if (i < k and high >= key) or (i > k and low < key):
                return False
        if k < len(self.chunk_rows):
            part = _step(self.xml, k)
            before = part.at < offset
            if np.any(part.rowkeys[before] >= _B(key)) or np.any(part.rowkeys[~before] < _B(key)):
                return False
        return all((at < offset) == (r < row) for at, _, r in self.slow)

    def first_beyond(self, widest: int) -> int:
        """The column of the first cell reference (in document order) right of ``widest``
        (0 when there is none): the step that holds it is read again.

        >>> scan_refs(_pad(b'<c r="A1"/><c r="AC3"/><c r = "AB2"/><c r="AD1"/>')).first_beyond(27)
        29
        """
        found = [(at, col) for at, col, _ in self.slow if col > widest][:1]
        for k, col in enumerate(self.chunk_cols):
            if col > widest:
                part = _step(self.xml, k)
                beyond = part.colkeys > _B(_col_key(widest))
                i = int(np.argmax(beyond))
                found.append((int(part.at[i]), _col_value(int(part.colkeys[i]))))
                break
        return min(found)[1] if found else 0


def _step(xml: Xml, k: int) -> Step:
    """Step ``k`` of the scan of ``xml`` read again."""
    a = np.frombuffer(xml, dtype=np.uint8)
    return step(a, xml, k * _CHUNK, min((k + 1) * _CHUNK, len(a)))


def _summary(part: Step) -> Step:
    """``part`` without its cell references (kept: the row numbers, the counts and flags). The
    empty arrays are new ones: a slice ``part.at[:0]`` would keep the whole step's array alive
    (40 MB over the 100k x 50 bench sheet, and its peak memory 50-70 MiB higher)."""
    empty = np.zeros(0, dtype=np.uint64)
    return dataclasses.replace(part, at=empty, colkeys=empty, rowkeys=empty)


def scan_refs(xml: Xml, ready: Callable[[int], None] | None = None) -> RefScan:
    """Find and read every ``r`` attribute of ``xml`` (see the module docstring), in steps of
    :data:`_CHUNK` bytes. ``ready(k)``, when given, returns once the first ``k`` bytes of ``xml``
    hold their final content (the XML being unpacked into it meanwhile, see
    :func:`servqual_cli.io.zipguard.scan_xlsx_sheet`); a step reads up to ``_EDGE`` bytes past
    its end.

    >>> s = scan_refs(_pad(b'<row r="3"><c r="B3" t="e"/><c r = \\'xfd9\\'/></row>'))
    >>> s.max_row, s.max_col, s.top_row, s.row_tags, s.canonical_rows, s.row_elements
    (9, 16384, 3, 1, 1, 1)
    >>> s.error_cells, s.formula, s.increasing
    (True, False, True)
    """
    a = np.frombuffer(xml, dtype=np.uint8)

    def one(start: int) -> tuple[Step, int, int, int]:
        """A step and its extremes (its arrays of references are let go here)."""
        end = min(start + _CHUNK, len(a))
        if ready is not None:
            ready(min(end + _EDGE, len(a)))
        part = step(a, xml, start, end)
        high = int(part.rowkeys.max(initial=0))
        low = int(part.rowkeys.min(initial=_NO_ROW))
        return _summary(part), low, high, _col_value(int(part.colkeys.max(initial=0)))

    starts = range(0, len(xml), _CHUNK)
    # Steps are independent: a long sheet's run on two threads (numpy lets go of Python's lock
    # in its array operations), each as it is unpacked; SERVQUAL_WORKERS=1 keeps one thread.
    if len(xml) >= _THREADS_FROM:
        done = map_ordered(one, starts, rows=None)
    else:
        done = [one(start) for start in starts]
    max_rowkey = max((high for _, _, high, _ in done), default=0)
    chunk_rows = [(low, high) for _, low, high, _ in done]
    chunk_cols = [col for _, _, _, col in done]
    markup = max((part.markup for part, *_ in done), default=-1)
    tag_keys = [part.tag_keys for part, *_ in done]
    tag_at = [part.tag_at for part, *_ in done]
    odd = [part.odd for part, *_ in done]
    canonical = sum(part.canonical for part, *_ in done)
    row_elements = sum(part.row_elements for part, *_ in done)
    formula = any(part.formula for part, *_ in done)
    error = any(part.error for part, *_ in done)
    keys = np.concatenate(tag_keys) if tag_keys else np.zeros(0, dtype=np.uint64)
    flags = [part.hidden_at for part, *_ in done]
    hidden_at = np.concatenate(flags) if flags else np.zeros(0, dtype=np.int64)
    hidden = _hidden(xml, hidden_at, tag_at, keys)  # (before the slow path lets go of them)
    irregular = np.concatenate(odd) if odd else np.zeros(0, dtype=np.int64)
    if len(irregular) > _MAX_SLOW:  # a hostile or very unusual sheet: every attribute by regex
        found = [(m.start(1), m.group(1), m.group(2)) for m in _ATTR.finditer(xml)]
        chunk_cols, max_rowkey, keys, canonical = [0] * len(chunk_cols), 0, keys[:0], 0
        tag_at, chunk_rows = [], []
    else:
        found = _odd_attrs(xml, np.sort(irregular))
    slow = [(at, letters_value(s), int(d)) for at, s, d in found if s and d]
    slow_tags = sorted((at, int(d)) for at, s, d in found if d and not s)
    canonical += sum(xml[at - 8 : at] == b'<row r="' for at, _ in slow_tags)
    top = _key_value(int(keys.max())) if len(keys) else 0
    top = max([top, *(r for _, r in slow_tags)])
    if slow_tags:  # merge in document order (rare): exact numbers
        offsets = np.concatenate(tag_at).tolist() if tag_at else []
        numbers = [_key_value(int(k)) for k in keys]
        merged = sorted([*zip(offsets, numbers, strict=True), *slow_tags])
        numbers = [r for _, r in merged]
        increasing = all(x < y for x, y in itertools.pairwise(numbers))
    else:
        increasing = bool(np.all(keys[1:] > keys[:-1]))
    return RefScan(
        max([_key_value(max_rowkey), *(r for _, _, r in slow)]),
        max([*chunk_cols, *(c for _, c, _ in slow)], default=0),
        top,
        len(keys) + len(slow_tags),
        canonical,
        increasing,
        row_elements,
        formula,
        error,
        xml,
        slow,
        chunk_cols,
        chunk_rows,
        markup,
        hidden,
    )


def _hidden(xml: Xml, flags: np.ndarray, tag_at: list[np.ndarray], keys: np.ndarray) -> np.ndarray:
    """:func:`servqual_cli.io.xlsxhidden.hidden_rows` of the scan's flags (none: nothing done)."""
    if not len(flags):
        return np.zeros(0, dtype=np.int64)
    from servqual_cli.io.xlsxhidden import hidden_rows

    offsets = np.concatenate(tag_at) if tag_at else np.zeros(0, dtype=np.int64)
    return hidden_rows(xml, flags, offsets, keys)


def _pad(xml: bytes) -> bytes:
    """``xml`` with white space at both ends (doctests: the vector path then reads it all)."""
    return b" " * _EDGE + xml + b" " * _EDGE


def _odd_attrs(xml: Xml, eqs: np.ndarray) -> list[tuple[int, bytes, bytes]]:
    """The ``r`` attributes whose ``=`` is at the offsets ``eqs`` (few), read in Python."""
    out = []
    for p in eqs.tolist():
        i = p - 1
        while i >= 0 and xml[i] <= _WS:
            i -= 1
        if i < 0 or xml[i] != _R or (i > 0 and xml[i - 1] > _WS):
            continue
        m = _VALUE.match(xml, p + 1)
        if m:
            out.append((m.start(1), m.group(1), m.group(2)))
    return out
