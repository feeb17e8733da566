"""Text columns kept as a code per cell and the column's distinct strings (issue #16).

A survey column of a million answers holds a handful of distinct strings. The fast CSV reader
(:mod:`servqual_cli.io.csvfast`) keeps each column as pyarrow's dictionary encoding gives it:
an integer code per cell and the distinct strings once. The cleaners parse the distinct strings
(:mod:`servqual_cli.io.scale_column`) and spread the results with ``take`` on the codes, so no
Python string is touched per cell and no object array of cells is built unless some code asks
for the frame (:attr:`servqual_cli.io.raw_table.RawTable.frame` builds it then, once).

No pandas here (only :meth:`EncodedTable.frame` imports it): pyarrow's ``Array.to_numpy()``
imports pandas whenever it is installed (pyarrow 26, its pandas shim), about 0.3 s of a run
that otherwise needs none, so integer results are read from the Arrow buffers
(:func:`arrow_ints`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PY_SPACES",
    "EncodedColumn",
    "EncodedTable",
    "arrow_ints",
    "blank_texts",
    "small_codes",
]

# The characters Python's str.strip() removes (str.isspace(); tests/io/test_distinct.py
# recomputes the set).
PY_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ARROW_FROM = 1000  # distinct texts from which pyarrow's kernels beat a Python loop


_ARROW_INTS = {
    "int8": np.int8,
    "int16": np.int16,
    "int32": np.int32,
    "int64": np.int64,
    "uint8": np.uint8,
    "uint16": np.uint16,
    "uint32": np.uint32,
    "uint64": np.uint64,
}


def arrow_ints(array: Any) -> np.ndarray:
    """The values of a pyarrow integer array as a read-only numpy view of its data buffer.

    Arrow's columnar format keeps a null-free integer array's values as one buffer of that
    integer type (``buffers()`` are validity, data), starting ``offset`` values in; this is
    what ``to_numpy(zero_copy_only=False)`` returns for it, without pyarrow importing pandas.
    An array with nulls, a chunked array or another type goes through ``to_numpy``.

    >>> import pyarrow as pa
    >>> arrow_ints(pa.array([3, 1, 4, 1, 5], type=pa.int32()).slice(1, 3)).tolist()
    [1, 4, 1]
    >>> arrow_ints(pa.array([7, None], type=pa.int8())).tolist()  # nulls: pyarrow decides
    [7.0, nan]
    """
    dtype = _ARROW_INTS.get(str(getattr(array, "type", "")))
    buffers = array.buffers() if dtype is not None and hasattr(array, "offset") else None
    if dtype is None or array.null_count or buffers is None or len(buffers) != 2:
        return np.asarray(array.to_numpy(zero_copy_only=False))
    if not len(array):
        return np.zeros(0, dtype=dtype)
    size = np.dtype(dtype).itemsize
    return np.frombuffer(buffers[1], dtype=dtype, count=len(array), offset=array.offset * size)


def small_codes(codes: np.ndarray, n_uniques: int) -> np.ndarray:
    """``codes`` in the smallest signed integer type that holds ``n_uniques`` codes.

    >>> small_codes(np.array([0, 2, 1], dtype=np.int32), 3).dtype
    dtype('int8')
    >>> small_codes(np.array([0, 300]), 301).dtype
    dtype('int16')
    """
    for kind in (np.int8, np.int16, np.int32):
        if n_uniques <= np.iinfo(kind).max:
            return codes.astype(kind, copy=False)
    return codes.astype(np.int64, copy=False)


def arrow_trimmed(texts: np.ndarray) -> Any:
    """The texts (an object array of str) trimmed of exactly Python's whitespace
    (:data:`PY_SPACES`) in pyarrow's kernels, as a pyarrow string array; None when there are
    too few for the kernels to pay (a loop over them is faster) or a text Arrow cannot hold
    (a lone surrogate: Python decides)."""
    if len(texts) < _ARROW_FROM:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        arr = pa.array(texts, type=pa.string())
    except (pa.ArrowException, UnicodeEncodeError):
        return None
    return pc.utf8_trim(arr, characters=PY_SPACES)


def blank_texts(texts: np.ndarray) -> np.ndarray:
    """Per text (an object array of str): empty or only spaces, as ``not t.strip()`` decides.

    A column of ids has a million distinct texts: they are trimmed of exactly Python's
    whitespace (:data:`PY_SPACES`) in pyarrow's kernels rather than one by one in Python.

    >>> blank_texts(np.array(["", " ", "\u3000", " a ", "b"], dtype=object)).tolist()
    [True, True, True, False, False]
    """
    trimmed = arrow_trimmed(texts)
    if trimmed is not None:
        import pyarrow.compute as pc

        return arrow_ints(pc.binary_length(trimmed)) == 0
    return np.fromiter((not t.strip() for t in texts), dtype=bool, count=len(texts))


@dataclass(frozen=True)
class EncodedColumn:
    """One column: ``uniques[codes]`` are its cells, in file order.

    Attributes
    ----------
    codes : ndarray of int
        Per cell, its position in ``uniques`` (every code is valid: no missing code).
    uniques : ndarray of object
        The distinct cell texts (str), each at least once among the cells as read.

    Examples
    --------
    >>> c = EncodedColumn(np.array([0, 1, 0], dtype=np.int8), np.array(["5", " "], dtype=object))
    >>> c.cells().tolist(), c.blank_cells().tolist()
    (['5', ' ', '5'], [False, True, False])
    """

    codes: np.ndarray
    uniques: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)

    def cells(self) -> np.ndarray:
        """The cells as an object array of str."""
        return self.uniques[self.codes]

    def blank_uniques(self) -> np.ndarray:
        """Per distinct text: empty or only spaces (:meth:`str.strip`, as the reader decides)."""
        return blank_texts(self.uniques)

    def blank_cells(self) -> np.ndarray:
        return self.blank_uniques()[self.codes]

    def take(self, rows: np.ndarray) -> EncodedColumn:
        """The column restricted to ``rows`` (positions or a boolean mask)."""
        return EncodedColumn(self.codes[rows], self.uniques)

    def subset(self, rows: np.ndarray | slice) -> EncodedColumn:
        """:meth:`take`, its distinct texts cut to those still used, so the class's promise
        (every distinct text occurs among the cells) holds for rows left out when read (a
        summary row, a second header row, a row with no answer).

        >>> texts = np.array(["5", "Summa"], dtype=object)
        >>> c = EncodedColumn(np.array([0, 1, 0], dtype=np.int8), texts)
        >>> s = c.subset(slice(0, 1))
        >>> s.codes.tolist(), s.uniques.tolist()
        ([0], ['5'])
        >>> c.subset(np.array([True, True, False])).uniques.tolist()
        ['5', 'Summa']
        """
        codes = self.codes[rows]
        used = np.zeros(len(self.uniques), dtype=bool)
        used[codes] = True
        if used.all():
            return EncodedColumn(codes, self.uniques)
        new_code = (np.cumsum(used) - 1).astype(codes.dtype)
        return EncodedColumn(new_code[codes], self.uniques[used])


@dataclass(frozen=True)
class EncodedTable:
    """A whole text table as encoded columns with their header names.

    >>> t = EncodedTable(("a", "b"), (
    ...     EncodedColumn(np.array([0, 0], dtype=np.int8), np.array(["1"], dtype=object)),
    ...     EncodedColumn(np.array([0, 1], dtype=np.int8), np.array(["x", ""], dtype=object))))
    >>> t.frame().values.tolist(), t.n_rows
    ([['1', 'x'], ['1', '']], 2)
    """

    names: tuple[str, ...]
    columns: tuple[EncodedColumn, ...]

    @property
    def n_rows(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def frame(self) -> pd.DataFrame:
        """The object DataFrame of the cells, built column-major (pandas' block layout, so
        pandas takes the array without a copy)."""
        import pandas as pd

        cells = np.empty((self.n_rows, len(self.columns)), dtype=object, order="F")
        for j, column in enumerate(self.columns):  # a loop over columns; each is one take
            np.take(column.uniques, column.codes, out=cells[:, j], mode="clip")
        frame = pd.DataFrame(cells, dtype=object, copy=False)
        frame.columns = pd.Index(list(self.names), dtype=object)
        return frame
