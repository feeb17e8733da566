"""The fast CSV path: ``pyarrow.csv`` reads the body as strings, one column at a time in C.

Used only when the result is certain to equal the standard-library reader's
(:func:`servqual_cli.io.csvtext.split_rows`): the header and title rows were found by that
reader in the first 64 KiB, every quote in the body encloses a whole field, no field spans
lines, there is no lone CR, and every row is exactly as wide as the header.
Anything else returns None and the caller takes the standard-library path, which names the line
of a problem. ``tests/io/test_csvfast.py`` checks the two paths give the same frame on generated
files (hypothesis).

Each column is kept encoded (:mod:`servqual_cli.io.encoded`): a column of a million answers
becomes a handful of distinct strings and a small integer code per cell, built block by block by
:class:`~servqual_cli.io.column_codes.ColumnCodes` (short answers by their bytes, others by
hashing). Nothing is made per cell in Python; the object frame is built only if some code asks
for it.
"""

from __future__ import annotations

import re

from servqual_cli.io.column_codes import ColumnCodes
from servqual_cli.io.encoded import EncodedColumn
from servqual_cli.io.limits import Limits

__all__ = ["SNIFF_BYTES", "read_body"]

SNIFF_BYTES = 65536
_MANY = 4096  # distinct texts in a column's first block above which it is encoded at the end
_BLOCK = 1 << 22  # bytes per block of the streaming reader (4 MiB: same CPU as 8, ~50 MB less held)


def _well_quoted(body: bytes, delim: bytes) -> bool:
    """Every ``"`` in ``body`` belongs to a field that is quoted as a whole."""
    if b'"' not in body:
        return True
    d = re.escape(delim)
    field = rb"(?:(?<=" + d + rb')|(?<=\n)|^)"(?:[^"\r\n]|"")*"(?=' + d + rb"|\r?\n|$)"
    return b'"' not in re.sub(field, b"", body)


def read_body(
    data: bytes, start: int, delim: str, width: int, lim: Limits
) -> list[EncodedColumn] | None:
    """The data lines below the header as ``width`` encoded columns.

    ``data[start:]`` is UTF-8 and starts at the first data line (read in place: a file of
    100 MB is not copied). Returns None when the fast path cannot guarantee the
    standard-library reader's result.

    >>> cols = read_body(b"a;b\\n1;x\\n;y\\n", 4, ";", 2, Limits())
    >>> [c.cells().tolist() for c in cols], [c.blank_cells().tolist() for c in cols]
    ([['1', ''], ['x', 'y']], [[False, True], [False, False]])
    >>> read_body(b'1;"x\\ny"\\n', 0, ";", 2, Limits()) is None
    True
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv

    if width < 2 or start >= len(data):
        return None
    if data.find(b"\r", start) >= 0 and data.count(b"\r", start) != data.count(b"\r\n", start):
        return None  # a lone CR ends a line for the standard reader
    lines = data.count(b"\n", start) + (0 if data.endswith(b"\n") else 1)
    if data.startswith(b"\n", start):
        return None  # a blank first line: the standard reader keeps it as an empty row
    # A blank line further down is a row of empty cells for pyarrow and an empty row for the
    # standard reader; both are then dropped as blank rows (no 100 MB search for "\n\n").
    if data.find(b'"', start) >= 0 and not _well_quoted(data[start:], delim.encode()):
        return None
    names = [f"c{i}" for i in range(width)]
    try:
        stream = pcsv.open_csv(  # block by block: only one block's strings are held at a time
            pa.BufferReader(pa.py_buffer(memoryview(data)[start:])),
            read_options=pcsv.ReadOptions(column_names=names, block_size=_BLOCK),
            parse_options=pcsv.ParseOptions(
                delimiter=delim, newlines_in_values=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        # closed when read, so no read-ahead thread outlives it (Arrow threads alive at exit
        # can abort the process: apache/arrow#34314)
        with stream as reader:
            coders = [ColumnCodes(_MANY) for _ in names]
            rows = 0
            for batch in reader:
                rows += batch.num_rows
                for coder, column in zip(coders, batch.columns, strict=True):  # per column
                    coder.add(column)
    except (pa.ArrowInvalid, pa.ArrowException):  # a ragged row, a stray quote ...
        return None
    if rows != lines:
        return None
    out: list[EncodedColumn] = []
    for coder in coders:
        column = coder.result(lim.max_field_chars)
        if column is None:
            return None  # the standard reader names the line of the long field
        out.append(column)
    return out
