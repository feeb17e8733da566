"""The fast CSV path: ``pyarrow.csv`` reads the body as strings, one column at a time in C.

Used only when the result is certain to equal the standard-library reader's
(:func:`servqual_cli.io.csvtext.split_rows`): the header and title rows were found by that
reader in the first 64 KiB, every quote in the body encloses a whole field, no field spans
lines, there is no blank line and no lone CR, and every row is exactly as wide as the header.
Anything else returns None and the caller takes the standard-library path, which names the line
of a problem. ``tests/io/test_csvfast.py`` checks the two paths give the same frame on generated
files (hypothesis).

Each column is dictionary-encoded, so a column of a million answers becomes a handful of
distinct strings and a code per cell; the object frame the cleaners expect is made by indexing
the distinct strings (no string is created per cell), and the blank mask comes from the distinct
values too.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from servqual_cli.io.limits import Limits

__all__ = ["SNIFF_BYTES", "read_body"]

SNIFF_BYTES = 65536


def _well_quoted(body: bytes, delim: bytes) -> bool:
    """Every ``"`` in ``body`` belongs to a field that is quoted as a whole."""
    if b'"' not in body:
        return True
    d = re.escape(delim)
    field = rb"(?:(?<=" + d + rb')|(?<=\n)|^)"(?:[^"\r\n]|"")*"(?=' + d + rb"|\r?\n|$)"
    return b'"' not in re.sub(field, b"", body)


def read_body(
    body: bytes, delim: str, width: int, lim: Limits
) -> tuple[np.ndarray, np.ndarray] | None:
    """Cells (rows x ``width`` object array) and blank mask of the data lines below the header.

    ``body`` is UTF-8 and starts at the first data line. Returns None when the fast path cannot
    guarantee the standard-library reader's result.

    >>> cells, blank = read_body(b"1;x\\n;y\\n", ";", 2, Limits())
    >>> cells.tolist(), blank.tolist()
    ([['1', 'x'], ['', 'y']], [[False, False], [True, False]])
    >>> read_body(b'1;"x\\ny"\\n', ";", 2, Limits()) is None
    True
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    if width < 2 or not body or b"\r" in body.replace(b"\r\n", b""):
        return None
    lines = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
    if b"\n\n" in body or body.startswith(b"\n") or b"\n\r\n" in body:
        return None  # a blank line: the standard reader keeps it as an empty row
    if not _well_quoted(body, delim.encode()):
        return None
    names = [f"c{i}" for i in range(width)]
    try:
        table = pcsv.read_csv(
            pa.BufferReader(body),
            read_options=pcsv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pcsv.ParseOptions(
                delimiter=delim, newlines_in_values=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):  # a ragged row, a stray quote ...
        return None
    if table.num_rows != lines:
        return None
    cells = np.empty((table.num_rows, width), dtype=object, order="F")  # pandas block layout
    blank = np.empty((table.num_rows, width), dtype=bool, order="F")
    for j, column in enumerate(table.columns):  # a loop over columns; each is vectorised
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if len(array) and pc.max(pc.utf8_length(array)).as_py() > lim.max_field_chars:
            return None  # the standard reader names the line of the long field
        encoded = pc.dictionary_encode(array)
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        uniques = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
        np.take(uniques, codes, out=cells[:, j])  # column-major: a contiguous slice
        is_blank = np.fromiter((not u.strip() for u in uniques), dtype=bool, count=len(uniques))
        blank[:, j] = is_blank[codes]
    return cells, blank


def frame_of(cells: np.ndarray, names: list[str]) -> pd.DataFrame:
    """An object DataFrame over ``cells`` without copying it."""
    frame = pd.DataFrame(cells, dtype=object, copy=False)
    frame.columns = pd.Index(names, dtype=object)
    return frame
