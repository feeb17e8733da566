"""The fast CSV path: ``pyarrow.csv`` reads the body as strings, one column at a time in C.

Used only when the result is certain to equal the standard-library reader's
(:func:`servqual_cli.io.csvtext.split_rows`): the header and title rows were found by that
reader in the first 64 KiB, every quote in the body encloses a whole field, no field spans
lines, there is no lone CR, and every row is exactly as wide as the header.
Anything else returns None and the caller takes the standard-library path, which names the line
of a problem. ``tests/io/test_csvfast.py`` checks the two paths give the same frame on generated
files (hypothesis).

Each column is dictionary-encoded and kept that way (:mod:`servqual_cli.io.encoded`): a column
of a million answers becomes a handful of distinct strings and a small integer code per cell.
Nothing is made per cell in Python; the object frame is built only if some code asks for it.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from servqual_cli.io.encoded import EncodedColumn, small_codes
from servqual_cli.io.limits import Limits

__all__ = ["SNIFF_BYTES", "read_body"]

SNIFF_BYTES = 65536
_MANY = 4096  # distinct texts in a column's first block above which it is encoded at the end
_BLOCK = 1 << 23  # bytes per block of the streaming reader


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
    import pyarrow.compute as pc
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
            distinct: list[dict[str, int]] = [{} for _ in names]
            parts: list[list[np.ndarray]] = [[] for _ in names]
            raw: dict[int, list[Any]] = {}  # many distinct texts (ids): encoded once at the end
            for batch in reader:
                for j, column in enumerate(batch.columns):  # a loop over columns, vectorised
                    if j in raw:
                        raw[j].append(column)
                        continue
                    encoded = pc.dictionary_encode(column)
                    if not distinct[j] and len(encoded.dictionary) > _MANY:
                        raw[j] = [column]  # a dict per distinct text would cost 1 s per 1M
                        continue
                    seen = distinct[j]  # this block's distinct texts -> the column's codes
                    remap = np.array(
                        [seen.setdefault(u, len(seen)) for u in encoded.dictionary.to_pylist()],
                        dtype=np.int64,
                    )
                    local = encoded.indices.to_numpy(zero_copy_only=False)
                    parts[j].append(small_codes(remap, len(seen))[local])
    except (pa.ArrowInvalid, pa.ArrowException):  # a ragged row, a stray quote ...
        return None
    rows = sum(len(c) for c in raw[0]) if 0 in raw else sum(len(p) for p in parts[0])
    if rows != lines:
        return None
    out: list[EncodedColumn] = []
    for j, (seen, chunks) in enumerate(zip(distinct, parts, strict=True)):
        if j in raw:  # first appearance order, as the dict below gives
            whole = pc.dictionary_encode(pa.concat_arrays(raw.pop(j)))
            if pc.max(pc.utf8_length(whole.dictionary)).as_py() > lim.max_field_chars:
                return None
            uniques = whole.dictionary.to_numpy(zero_copy_only=False).astype(object)
            codes = whole.indices.to_numpy(zero_copy_only=False)
            out.append(EncodedColumn(small_codes(codes, len(uniques)), uniques))
            continue
        uniques = np.fromiter(seen, dtype=object, count=len(seen))
        if len(uniques) and max(map(len, uniques)) > lim.max_field_chars:
            return None  # the standard reader names the line of the long field
        codes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int8)
        out.append(EncodedColumn(small_codes(codes, len(uniques)), uniques))
    return out
