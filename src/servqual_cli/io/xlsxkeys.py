"""Cell references as integers that order like rows and columns, and the SWAR byte tests that
read them (issue #16; used by :mod:`servqual_cli.io.xlsxstep`).

A row number of one to seven digits becomes ``number of digits << 56 | the digits, big-endian``
and a column of one to three letters ``number of letters << 24 | the letters (upper case)``: of
two digit strings without leading zeros the longer is larger, and of two as long the one larger
as a big-endian integer (the same for letters, as Excel orders columns), so the largest key is
the largest row or column.

References
----------
H. S. Warren, *Hacker's Delight*, 2nd ed., 2013, sections 6-1 (searching a word for a byte) and
7-1 (gathering bits by a multiplication).
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "B",
    "col_key",
    "col_value",
    "in_range",
    "index_to_letters",
    "key_value",
    "lead",
    "letters_value",
    "row_key",
]

B = np.uint64


def _lanes(byte: int, n: int) -> int:
    return int.from_bytes(bytes([byte]) * n, "big")


def in_range(word: np.ndarray, low: int, high: int, n: int) -> np.ndarray:
    """Bit 7 of each of the ``n`` byte lanes of ``word`` set exactly when the lane is in
    ``[low, high]`` (both < 0x80). Each lane's low 7 bits plus ``0x80 - low`` reach bit 7 iff
    the lane >= low, and no sum passes 0xFF, so no carry crosses lanes (Warren 6-1).

    >>> hex(int(in_range(np.array([0x41_7A_30_5B], np.uint32), 0x41, 0x5A, 4)[0]))
    '0x80000000'
    """
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


def lead(flags: np.ndarray) -> np.ndarray:
    """How many leading lanes (most significant first) of the eight have bit 7 set: the flags
    are gathered into one byte by a multiplication (bit 7 - k of the byte is lane k; Warren
    7-1) and counted by a 256-entry table.

    >>> lead(np.array([0x8080_0080_0000_0000, 0], np.uint64)).tolist()
    [2, 0]
    """
    packed = ((flags >> B(7)) & B(0x0101010101010101)) * B(0x0102040810204080)
    return _LEAD8[(packed >> B(56)).astype(np.intp)].astype(np.int64)


def col_key(col: int) -> int:
    """The key of a column; beyond ZZZ, the largest three-letter key.

    >>> col_value(col_key(28)), col_value(col_key(16_384))
    (28, 16384)
    """
    letters = index_to_letters(min(col, 18_278)).encode()
    return len(letters) << 24 | int.from_bytes(letters, "big")


def col_value(key: int) -> int:
    """The column a key stands for (0 for the key 0)."""
    n = key >> 24
    return letters_value((key & 0xFFFFFF).to_bytes(3, "big")[3 - n :]) if n else 0


def row_key(row: int) -> int:
    """The key of a row number of at most seven digits.

    >>> key_value(row_key(1_048_576))
    1048576
    """
    digits = str(row).encode()
    return len(digits) << 56 | int.from_bytes(digits, "big")


def key_value(key: int) -> int:
    """The number a row key stands for.

    >>> key_value((3 << 56) | int.from_bytes(b"120", "big"))
    120
    """
    digits = key >> 56
    return int((key & ((1 << 56) - 1)).to_bytes(7, "big")[7 - digits :] or b"0")


def index_to_letters(n: int) -> str:
    """Excel's column letters of the 1-based column ``n``.

    >>> index_to_letters(1), index_to_letters(28), index_to_letters(16_384)
    ('A', 'AB', 'XFD')
    """
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def letters_value(letters: bytes) -> int:
    """1-based column number of column letters of either case.

    >>> letters_value(b"A"), letters_value(b"ax"), letters_value(b"XFD")
    (1, 50, 16384)
    """
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n
