"""One step of the cell-reference scan: the ``r`` attributes whose ``=`` lies in a stretch of the
sheet's XML, read with whole-array numpy operations (issue #16; the method is described in
:mod:`servqual_cli.io.xlsxrefs`, which puts the steps together).

References
----------
ECMA-376 Part 1 (5th ed.), 18.3.1.4 ``c`` and 18.3.1.73 ``row``. W3C XML 1.0 (5th ed.),
productions [3] ``S``, [10] ``AttValue`` and [25] ``Eq``. H. S. Warren, *Hacker's Delight*, 2nd
ed., 2013, section 6-1.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass

import numpy as np

from servqual_cli.io.xlsxkeys import B, in_range, lead

__all__ = ["EDGE", "Step", "Xml", "hidden_flags", "step", "structure"]

Xml = bytes | mmap.mmap  # a sheet's XML: bytes, or the mapping a long sheet is unpacked into

_EQ, _R, _T, _E, _DQ, _SQ, _N = 0x3D, 0x72, 0x74, 0x65, 0x22, 0x27, 0x6E
_WS = 0x20  # XML white space (0x09, 0x0A, 0x0D, 0x20) is <= 0x20
EDGE = 16  # an "=" this close to either end is read in Python (the gathers stay inside)


@dataclass(frozen=True)
class Step:
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
    hidden_at: np.ndarray  # "=" offsets of hidden="1" / hidden="true" (rows Excel hides)


def step(a: np.ndarray, xml: Xml, start: int, end: int) -> Step:
    """Read the attributes whose ``=`` lies in ``[start, end)`` (``a`` is ``xml`` as bytes)."""
    n = len(a)
    eq = np.flatnonzero(a[start:end] == _EQ) + start
    if start < EDGE or end > n - EDGE:  # (a step inside the document has no "=" near an end)
        inner = (eq >= EDGE) & (eq < n - EDGE)
        odd = eq[~inner]
        eq = eq[inner]
    else:
        odd = eq[:0]
    before, after = a[eq - 1], a[eq + 1]
    odd = np.concatenate([odd, eq[np.minimum(before, after) <= _WS]])
    t_eq = eq[before == _T]
    t_eq = t_eq[a[t_eq + 2] == _E]  # t="e" (few): the rest is looked at only for these
    error = bool(np.any((a[t_eq + 3] == a[t_eq + 1]) & (a[t_eq - 2] <= _WS)))
    r_eq = eq[before == _R]
    quote = a[r_eq + 1]
    r_eq = r_eq[(a[r_eq - 2] <= _WS) & ((quote == _DQ) | (quote == _SQ))]
    value_at = r_eq + 2
    # 8 bytes at any offset (a document shorter than 2 * EDGE has no vector-read "=")
    words = np.ndarray((max(n - 7, 0),), dtype=">u8", buffer=xml, strides=(1,))
    first = words[value_at].astype(np.uint64)
    n_letters = np.minimum(lead(in_range(first | B(0x2020202020202020), 0x61, 0x7A, 8)), 4)
    body = words[value_at + n_letters].astype(np.uint64)
    n_digits = lead(in_range(body, 0x30, 0x39, 8))
    # Read here: one to three letters, one to seven digits, no leading zero. Anything else with
    # digits (beyond Excel's sheet, or written oddly) is read in Python.
    plain = (n_digits > 0) & (n_digits < 8) & (n_letters < 4)
    plain &= ((body >> B(56)) != B(0x30)) | (n_digits == 1)
    odd = np.concatenate([odd, r_eq[~plain & ((n_digits > 0) | (n_letters >= 4))]])
    u_digits = n_digits.astype(np.uint64)
    rowkeys = (u_digits << B(56)) | (body >> (B(64) - B(8) * u_digits))
    refs = plain & (n_letters > 0)
    # Columns as keys like the rows: number of letters << 24 | the letters (upper case)
    u_letters = n_letters.astype(np.uint64)
    colkeys = (u_letters << B(24)) | ((first >> (B(64) - B(8) * u_letters)) & B(0xDFDFDF))
    tags = plain & (n_letters == 0)
    tag_at = value_at[tags]
    canonical = 0
    if len(tag_at):
        p = tag_at[tag_at >= 8]
        form = np.ones(len(p), dtype=bool)
        for k, ch in enumerate(b'<row r="'):
            form &= a[p - 8 + k] == ch
        canonical = int(np.count_nonzero(form))
    row_elements, formula, markup = structure(a, xml, start, end)
    # (a sheet of numbers has no "h" at all: one find of a byte, the C library's memchr, and
    # nothing else; a longer needle is searched several times slower)
    hidden = xml.find(b"h", max(start - 7, 0), end) >= 0
    hidden_at = hidden_flags(a, eq[before == _N]) if hidden else eq[:0]
    return Step(
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
        hidden_at,
    )


def hidden_flags(a: np.ndarray, n_eq: np.ndarray) -> np.ndarray:
    """The offsets among ``n_eq`` (each an ``=`` after an ``n``) of a true ``hidden`` attribute:
    `` hidden="1"`` or ``"true"`` (xsd:boolean), a row Excel hides (ECMA-376 Part 1, 18.3.1.73;
    AutoFilter sets the same flag). ``hiddenButton`` and the like end in another letter, and
    few other attribute names in a sheet end in ``n``, so this looks at a handful of bytes of
    few ``=`` (review 10b, finding 1). ``hidden = "1"`` (white space around ``=``, which no
    spreadsheet program writes) is not seen.

    >>> xml = b'<row r="2" hidden="1"><row r="3" hidden="0"><row r="4" hidden=\\'true\\'>'
    >>> a = np.frombuffer(xml, np.uint8)
    >>> eq = np.flatnonzero(a == 0x3D)
    >>> hidden_flags(a, eq[a[eq - 1] == 0x6E]).tolist()
    [17, 61]
    """
    n_eq = n_eq[n_eq >= 7]
    if not len(n_eq):
        return n_eq
    form = a[n_eq - 7] <= _WS
    for k, ch in enumerate(b"hidde"):
        form &= a[n_eq - 6 + k] == ch
    quote, value = a[n_eq + 1], a[n_eq + 2]
    form &= ((quote == _DQ) | (quote == _SQ)) & ((value == 0x31) | (value == _T))
    return n_eq[form]


def structure(a: np.ndarray, xml: Xml, start: int, end: int) -> tuple[int, bool, int]:
    """``<row`` and ``:row␣`` (␣: XML white space) whose ``w`` lies in ``[start, end)``,
    whether a ``<f`` whose
    ``f`` does, and the offset of the last ``<!`` or ``<?`` (a comment, CDATA section or
    processing instruction; -1: none) whose ``!`` or ``?`` does (from offset 3 on). The ``w``
    bytes (one per row) are found with one comparison and the bytes before and after them looked
    at; ``f``, ``!`` and ``?``, which a sheet of numbers hardly has, are searched for by ``find``
    (the C library's ``memchr``), by numpy when a step has many.

    >>> xml = b"<row r='1'/><row>x<x:row ><x:rowBreaks/><f>1</f><!-- -->"
    >>> structure(np.frombuffer(xml, np.uint8), xml, 0, 56)
    (3, True, 48)
    >>> xml = b"<x:row\\tr='1'/><x:row\\nr='2'/>"
    >>> structure(np.frombuffer(xml, np.uint8), xml, 0, len(xml))[0]
    2
    """
    at = np.flatnonzero(a[start:end] == 0x77) + start
    at = at[at >= 3]
    w = at[(a[at - 1] == 0x6F) & (a[at - 2] == 0x72)]
    opens, colon = a[w - 3] == 0x3C, a[w - 3] == 0x3A
    after = a[np.minimum(w + 1, len(a) - 1)]
    # a prefixed row element is ":row" and XML white space (space, tab, LF, CR: an attribute
    # may follow any of them), not ":rowBreaks" and the like
    spaced = (after == 0x20) | (after == 0x09) | (after == 0x0A) | (after == 0x0D)
    rows = int(np.count_nonzero(opens | (colon & spaced & (w + 1 < len(a)))))
    low = max(start, 3)
    formula = _after_open(a, xml, low, end, 0x66, last=False) >= 0
    if start == 0:  # an "f" at offset 1 or 2 (the search above starts at offset 3)
        formula = formula or b"<f" in a[:3].tobytes()
    bang = max(_after_open(a, xml, low, end, c, last=True) for c in (0x21, 0x3F))
    return rows, formula, bang - 1 if bang >= 0 else -1


_FEW = 16  # bytes found by find before the rest of a step is searched by numpy


def _after_open(a: np.ndarray, xml: Xml, low: int, end: int, byte: int, last: bool) -> int:
    """The first (or ``last``) offset in ``[low, end)`` (``low`` >= 1) of ``byte`` right
    after a ``<``, or -1.

    >>> xml = b"f<f ff <f"
    >>> [_after_open(np.frombuffer(xml, np.uint8), xml, 1, 9, 0x66, k) for k in (False, True)]
    [2, 8]
    """
    needle = bytes([byte])
    for _ in range(_FEW):
        at = xml.rfind(needle, low, end) if last else xml.find(needle, low, end)
        if at < 0:
            return -1
        if xml[at - 1] == 0x3C:
            return at
        end, low = (at, low) if last else (end, at + 1)
    found = np.flatnonzero(a[low:end] == byte) + low
    found = found[a[found - 1] == 0x3C]
    return -1 if not len(found) else int(found[-1] if last else found[0])
