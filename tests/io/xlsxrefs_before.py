"""The reference for tests/io/test_xlsx_scan_same.py: ``servqual_cli.io.xlsxrefs`` verbatim as
it was before x-xlsx (commit fff16be) split it and made its scan cheaper and two-threaded. Not
used by the package. Its docstring follows.

Every ``r`` attribute of a worksheet's XML, found and compared with numpy (issue #16).

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

import itertools
import mmap
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

__all__ = ["RefScan", "Xml", "letters_value", "scan_refs"]

Xml = bytes | mmap.mmap  # a sheet's XML: bytes, or the mapping a long sheet is unpacked into

_EQ, _R, _T, _E, _DQ, _SQ = 0x3D, 0x72, 0x74, 0x65, 0x22, 0x27
_WS = 0x20  # XML white space (0x09, 0x0A, 0x0D, 0x20) is <= 0x20
_EDGE = 16  # an "=" this close to either end is read in Python (the gathers stay inside)
_CHUNK = 1 << 20  # bytes per step: its temporary arrays (about 30k elements) stay in L2 cache
_MAX_SLOW = 100_000  # more irregular "=" than this: the whole sheet is read by _ATTR
_ATTR = re.compile(rb"(?<![^\x00-\x20])r[\x00-\x20]*=[\x00-\x20]*[\"']([A-Za-z]*)(\d*)")
_VALUE = re.compile(rb"[\x00-\x20]*[\"']([A-Za-z]*)(\d*)")
_REF = re.compile(rb"([A-Za-z]*)(\d*)")
_B = np.uint64
_NO_ROW = 1 << 63  # above every row key (a step without references)


def _lanes(byte: int, n: int) -> int:
    return int.from_bytes(bytes([byte]) * n, "big")


def _in_range(word: np.ndarray, low: int, high: int, n: int) -> np.ndarray:
    """Bit 7 of each of the ``n`` byte lanes of ``word`` set exactly when the lane is in
    ``[low, high]`` (both < 0x80). Each lane's low 7 bits plus ``0x80 - low`` reach bit 7 iff
    the lane >= low, and no sum passes 0xFF, so no carry crosses lanes (Warren 6-1)."""
    kind = word.dtype.type
    hi = kind(_lanes(0x80, n))
    low7 = word & kind(_lanes(0x7F, n))
    ge = (low7 + kind(_lanes(0x80 - low, n))) & hi
    gt = (low7 + kind(_lanes(0x80 - high - 1, n))) & hi
    return ge & ~(gt | (word & hi))


def _leading_lut(n: int) -> np.ndarray:
    """How many leading lanes are set, indexed by the lane flags packed one bit per lane."""
    lut = np.zeros(1 << n, dtype=np.int8)
    for idx in range(1 << n):
        k = 0
        while k < n and idx >> (n - 1 - k) & 1:
            k += 1
        lut[idx] = k
    return lut


_LEAD8 = _leading_lut(8)


def _lead(flags: np.ndarray) -> np.ndarray:
    """How many leading lanes (most significant first) of the eight have bit 7 set: the flags
    are gathered into one byte by a multiplication (bit 7 - k of the byte is lane k; Warren
    7-1) and counted by a 256-entry table."""
    packed = ((flags >> _B(7)) & _B(0x0101010101010101)) * _B(0x0102040810204080)
    return _LEAD8[(packed >> _B(56)).astype(np.intp)].astype(np.int64)


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
        ``<row`` and ``:row␣`` in the XML, as ``bytes.count`` counts them (rows without a
        number count too: calamine puts each below the one before).
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
            part = _step(np.frombuffer(self.xml, dtype=np.uint8), self.xml, k * _CHUNK)
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
                part = _step(np.frombuffer(self.xml, dtype=np.uint8), self.xml, k * _CHUNK)
                beyond = part.colkeys > _B(_col_key(widest))
                i = int(np.argmax(beyond))
                found.append((int(part.at[i]), _col_value(int(part.colkeys[i]))))
                break
        return min(found)[1] if found else 0


@dataclass(frozen=True)
class _Step:
    """The ``r`` attributes whose ``=`` lies in one step of the XML (vector-read ones)."""

    at: np.ndarray  # offset of each cell reference's value
    colkeys: np.ndarray  # number of letters << 24 | the letters, upper case: orders as columns
    rowkeys: np.ndarray  # number of digits << 56 | the digits, big-endian: orders as the rows
    tag_keys: np.ndarray  # the same for the row numbers (digit-only values)
    tag_at: np.ndarray  # their offsets
    canonical: int
    error: bool
    odd: np.ndarray  # "=" offsets to read in Python
    row_elements: int
    formula: bool
    markup: int


def _col_key(col: int) -> int:
    """The key of a column (see ``_Step.colkeys``); beyond ZZZ, the largest three-letter key.

    >>> _col_value(_col_key(28)), _col_value(_col_key(16_384))
    (28, 16384)
    """
    letters = _index_to_letters(min(col, 18_278)).encode()
    return len(letters) << 24 | int.from_bytes(letters, "big")


def _col_value(key: int) -> int:
    """The column a key stands for (0 for the key 0)."""
    n = key >> 24
    return letters_value((key & 0xFFFFFF).to_bytes(3, "big")[3 - n :]) if n else 0


def _row_key(row: int) -> int:
    """The key of a row number of at most seven digits (see ``_Step.rowkeys``).

    >>> _key_value(_row_key(1_048_576))
    1048576
    """
    digits = str(row).encode()
    return len(digits) << 56 | int.from_bytes(digits, "big")


def _key_value(key: int) -> int:
    """The number a row key stands for.

    >>> _key_value((3 << 56) | int.from_bytes(b"120", "big"))
    120
    """
    digits = key >> 56
    return int((key & ((1 << 56) - 1)).to_bytes(7, "big")[7 - digits :] or b"0")


def _step(a: np.ndarray, xml: Xml, start: int) -> _Step:
    """Read the attributes whose ``=`` lies in ``[start, start + _CHUNK)``."""
    n = len(a)
    end = min(start + _CHUNK, n)
    eq = np.flatnonzero(a[start:end] == _EQ) + start
    inner = (eq >= _EDGE) & (eq < n - _EDGE)
    odd = eq[~inner]
    eq = eq[inner]
    before, after = a[eq - 1], a[eq + 1]
    odd = np.concatenate([odd, eq[(before <= _WS) | (after <= _WS)]])
    t_eq = eq[before == _T]
    error = bool(np.any((a[t_eq + 2] == _E) & (a[t_eq + 3] == a[t_eq + 1]) & (a[t_eq - 2] <= _WS)))
    r_eq = eq[before == _R]
    quote = a[r_eq + 1]
    r_eq = r_eq[(a[r_eq - 2] <= _WS) & ((quote == _DQ) | (quote == _SQ))]
    value_at = r_eq + 2
    # 8 bytes at any offset (a document shorter than 2 * _EDGE has no vector-read "=")
    words = np.ndarray((max(n - 7, 0),), dtype=">u8", buffer=xml, strides=(1,))
    first = words[value_at].astype(np.uint64)
    n_letters = np.minimum(_lead(_in_range(first | _B(0x2020202020202020), 0x61, 0x7A, 8)), 4)
    body = words[value_at + n_letters].astype(np.uint64)
    n_digits = _lead(_in_range(body, 0x30, 0x39, 8))
    # Read here: one to three letters, one to seven digits, no leading zero. Anything else with
    # digits (beyond Excel's sheet, or written oddly) is read in Python.
    plain = (n_digits > 0) & (n_digits < 8) & (n_letters < 4)
    plain &= ((body >> _B(56)) != _B(0x30)) | (n_digits == 1)
    odd = np.concatenate([odd, r_eq[~plain & ((n_digits > 0) | (n_letters >= 4))]])
    u_digits = n_digits.astype(np.uint64)
    rowkeys = (u_digits << _B(56)) | (body >> (_B(64) - _B(8) * u_digits))
    refs = plain & (n_letters > 0)
    # Columns as keys like the rows: number of letters << 24 | the letters (upper case)
    u_letters = n_letters.astype(np.uint64)
    colkeys = (u_letters << _B(24)) | ((first >> (_B(64) - _B(8) * u_letters)) & _B(0xDFDFDF))
    tags = plain & (n_letters == 0)
    tag_at = value_at[tags]
    canonical = 0
    if len(tag_at):
        p = tag_at[tag_at >= 8]
        form = np.ones(len(p), dtype=bool)
        for k, ch in enumerate(b'<row r="'):
            form &= a[p - 8 + k] == ch
        canonical = int(np.count_nonzero(form))
    row_elements, formula, markup = _structure(a, start, end)
    return _Step(
        value_at[refs],
        colkeys[refs],
        rowkeys[refs],
        rowkeys[tags],
        tag_at,
        canonical,
        error,
        odd,
        row_elements,
        formula,
        markup,
    )


def _structure(a: np.ndarray, start: int, end: int) -> tuple[int, bool, int]:
    """``<row`` and ``:row␣`` whose ``w`` lies in ``[start, end)``, whether a ``<f`` whose
    ``f`` does, and the offset of the last ``<!`` or ``<?`` (a comment, CDATA section or
    processing instruction; -1: none) whose ``!`` or ``?`` does (from offset 3 on): the few
    ``w``, ``f``, ``!`` and ``?`` bytes of a sheet of numbers are found with one comparison
    each, and the bytes before (and after) them looked at.

    >>> _structure(np.frombuffer(b"<row r='1'/><row>x<x:row ><x:rowBreaks/><f>1</f><!-- -->",
    ...            np.uint8), 0, 56)
    (3, True, 48)
    """
    part = a[start:end]
    marks = (part == 0x77) | (part == 0x66) | (part == 0x21) | (part == 0x3F)
    at = np.flatnonzero(marks) + start
    at = at[at >= 3]
    byte = a[at]
    w = at[(byte == 0x77) & (a[at - 1] == 0x6F) & (a[at - 2] == 0x72)]
    opens, colon = a[w - 3] == 0x3C, a[w - 3] == 0x3A
    after = a[np.minimum(w + 1, len(a) - 1)]
    rows = int(np.count_nonzero(opens | (colon & (after == 0x20) & (w + 1 < len(a)))))
    formula = bool(np.any((byte == 0x66) & (a[at - 1] == 0x3C)))
    if start == 0:  # an "f" at offset 1 or 2 (the filter above skips offsets below 3)
        formula = formula or b"<f" in a[:3].tobytes()
    bang = at[((byte == 0x21) | (byte == 0x3F)) & (a[at - 1] == 0x3C)]
    return rows, formula, int(bang[-1]) - 1 if len(bang) else -1


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
    max_rowkey = 0
    tag_keys: list[np.ndarray] = []
    tag_at: list[np.ndarray] = []
    chunk_cols: list[int] = []
    chunk_rows: list[tuple[int, int]] = []
    odd: list[np.ndarray] = []
    canonical = row_elements = 0
    markup = -1
    formula = error = False
    for start in range(0, len(xml), _CHUNK):
        if ready is not None:
            ready(min(start + _CHUNK + _EDGE, len(xml)))
        part = _step(a, xml, start)
        high = int(part.rowkeys.max(initial=0))
        max_rowkey = max(max_rowkey, high)
        chunk_rows.append((int(part.rowkeys.min(initial=_NO_ROW)), high))
        markup = max(markup, part.markup)
        chunk_cols.append(_col_value(int(part.colkeys.max(initial=0))))
        tag_keys.append(part.tag_keys)
        tag_at.append(part.tag_at)
        odd.append(part.odd)
        canonical += part.canonical
        row_elements += part.row_elements
        formula = formula or part.formula
        error = error or part.error
    keys = np.concatenate(tag_keys) if tag_keys else np.zeros(0, dtype=np.uint64)
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
    )


def _index_to_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _pad(xml: bytes) -> bytes:
    """``xml`` with white space at both ends (doctests: the vector path then reads it all)."""
    return b" " * _EDGE + xml + b" " * _EDGE


def letters_value(letters: bytes) -> int:
    """1-based column number of column letters of either case.

    >>> letters_value(b"A"), letters_value(b"ax"), letters_value(b"XFD")
    (1, 50, 16384)
    """
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


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
