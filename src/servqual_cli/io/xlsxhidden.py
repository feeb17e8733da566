"""The rows a sheet hides in Excel, from the reference scan (review 10b, finding 1).

A row hidden by hand, or filtered out by AutoFilter, carries ``hidden="1"`` on its ``<row>``
element (ECMA-376 Part 1, 18.3.1.73). calamine reads such rows like any other, and so does
servqual (the data are the data), but the output says how many there are and which.

The flags are found in the reference scan's own pass (:func:`servqual_cli.io.xlsxstep.hidden_flags`:
a few bytes around the ``=`` it already looks at); here each flag gets its row's number without
a Python loop: the row's ``r`` (found by the same scan) is the nearest one before the flag, in
the same start tag when no ``<`` or ``>`` lies between (checked on a window of bytes per flag,
in blocks). A flag the vector path cannot place (``hidden`` written before ``r``, a row without
``r``, a very long start tag) is placed by reading its tag in Python; no spreadsheet program
writes those forms, so they are few.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from servqual_cli.io.xlsxstep import Xml

__all__ = ["hidden_rows", "key_values"]

# bytes from a row's r value to its hidden flag read by the vector path: Excel writes
# <row r="4" spans="1:50" hidden="1" ...> (about 20 bytes between), the second for long tags
_WINDOWS = (64, 256)
_BLOCK = 16_384  # flags placed per block (its windows take at most _BLOCK * 256 bytes)
_LT, _GT = 0x3C, 0x3E
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\x09\x0a\x0d\x20]")
_ROW_ANY = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?:[\x09\x0a\x0d\x20][^>]*)?/?>")
_ROW_R = re.compile(rb"[\x09\x0a\x0d\x20]r[\x09\x0a\x0d\x20]*=[\x09\x0a\x0d\x20]*[\"'](\d+)")


def key_values(keys: np.ndarray) -> np.ndarray:
    """Row numbers of row keys (:func:`servqual_cli.io.xlsxkeys.row_key`: the number of digits
    in the top byte, the digits big-endian in the low bytes), all at once.

    >>> from servqual_cli.io.xlsxkeys import row_key
    >>> key_values(np.array([row_key(7), row_key(1_048_576), row_key(40)], np.uint64)).tolist()
    [7, 1048576, 40]
    """
    keys = np.asarray(keys, dtype=np.uint64)
    n = (keys >> np.uint64(56)).astype(np.int64)
    out = np.zeros(len(keys), dtype=np.int64)
    for i in range(7):  # the digit i places from the right, where the number has one
        digit = ((keys >> np.uint64(8 * i)) & np.uint64(0xFF)).astype(np.int64) - 0x30
        out += np.where(i < n, digit, 0) * 10**i
    return out


def hidden_rows(xml: Xml, flags: np.ndarray, tag_at: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The row numbers (sorted, unique) of the hidden flags at offsets ``flags`` (each the
    ``=`` of a ``hidden`` attribute), given the offsets ``tag_at`` (increasing) of every row's
    ``r`` value and their row keys ``keys``.

    >>> from servqual_cli.io.xlsxkeys import row_key
    >>> xml = b'<row r="2"><c r="A2"/></row><row r="3" hidden="1"/><row hidden="1" r="9"/>'
    >>> tag_at = np.array([8, 36], np.int64)
    >>> keys = np.array([row_key(2), row_key(3)], np.uint64)
    >>> hidden_rows(xml, np.array([45, 62]), tag_at, keys).tolist()
    [3, 9]
    """
    flags = np.asarray(flags, dtype=np.int64)
    if not len(flags):
        return np.zeros(0, dtype=np.int64)
    a = np.frombuffer(xml, dtype=np.uint8)
    tag_at = np.asarray(tag_at, dtype=np.int64)
    j = np.searchsorted(tag_at, flags) - 1
    before = tag_at[np.maximum(j, 0)] if len(tag_at) else np.zeros(len(flags), np.int64)
    placed = np.zeros(len(flags), dtype=bool)
    rows = np.zeros(len(flags), dtype=np.int64)
    for width in _WINDOWS:  # most tags fit the short window; the long one takes the rest
        near = (j >= 0) & ~placed & (flags - before < width) & (before + width <= len(a))
        todo = np.flatnonzero(near)
        if not len(todo):
            continue
        windows = sliding_window_view(a, width)
        for lo in range(0, len(todo), _BLOCK):  # blocks of flags, not rows: memory bounded
            idx = todo[lo : lo + _BLOCK]
            win = windows[before[idx]]
            inside = np.arange(width) < (flags[idx] - before[idx])[:, None]
            apart = (((win == _LT) | (win == _GT)) & inside).any(axis=1)
            same = idx[~apart]
            placed[same] = True
            rows[same] = key_values(keys[j[same]])
    for i in np.flatnonzero(~placed).tolist():  # the rare forms: their tag read in Python
        rows[i] = _row_of(xml, int(flags[i]))
    rows = np.sort(rows[rows > 0])  # (np.unique hashes: several times slower here)
    return rows[np.concatenate(([True], rows[1:] != rows[:-1]))] if len(rows) else rows


def _row_of(xml: Xml, at: int) -> int:
    """The row number of the start tag holding offset ``at`` (0: not a row's tag). A row
    without ``r`` follows the one before: its number is the count of row tags up to it.

    >>> _row_of(b'<row r="1"/><row hidden="1"/>', 23)
    2
    >>> _row_of(b'<col min="1" hidden="1"/>', 20)
    0
    """
    start = xml.rfind(b"<", 0, at)
    end = xml.find(b">", at)
    if start < 0 or end < 0:
        return 0
    tag = bytes(xml[start : end + 1])
    if not _ROW_TAG.match(tag):
        return 0
    found = _ROW_R.search(tag)
    if found:
        return int(found.group(1))
    number = 0  # (a row without r and hidden: rare, so the rows before are read here)
    for m in _ROW_ANY.finditer(bytes(xml[: end + 1])):
        r = _ROW_R.search(m.group(0))
        number = int(r.group(1)) if r else number + 1
    return number
