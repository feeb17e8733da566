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

import contextvars
import re
import threading
from itertools import pairwise
from typing import Any

from servqual_cli.io.column_codes import ColumnCodes, merge_parts
from servqual_cli.io.encoded import EncodedColumn
from servqual_cli.io.limits import Limits
from servqual_cli.threads import map_ordered, workers

__all__ = ["SNIFF_BYTES", "Ahead", "read_body"]

SNIFF_BYTES = 65536
_MANY = 4096  # distinct texts in a column's first block above which it is encoded at the end
_BLOCK = 1 << 22  # bytes per block of the streaming reader (4 MiB: same CPU as 8, ~50 MB less held)
_MIN_PART = 1 << 22  # bytes from which a body is read in parts on several threads (a block)


def _well_quoted(body: bytes, delim: bytes) -> bool:
    """Every ``"`` in ``body`` belongs to a field that is quoted as a whole."""
    if b'"' not in body:
        return True
    d = re.escape(delim)
    field = rb"(?:(?<=" + d + rb')|(?<=\n)|^)"(?:[^"\r\n]|"")*"(?=' + d + rb"|\r?\n|$)"
    return b'"' not in re.sub(field, b"", body)


class Ahead:
    """What :func:`servqual_cli.io.read_text.read_ahead` read on another thread before the
    reader asked for it: the thread keeps the bytes it read, the arguments it read them with
    and its result (the reader's fast path and the file's digest); the reader takes that
    result when its own bytes are the same (compared in full) and, for the fast path, its own
    arguments too. Anything else, and the reader reads as without it: the result is the one
    function's either way."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None  # the thread that reads ahead
        self.done = threading.Event()  # set when that thread has finished, read or not
        self._key: tuple[Any, ...] | None = None
        self._data: bytes | None = None
        self._value: Any = None

    def keep(self, data: bytes, key: tuple[Any, ...], value: Any) -> None:
        self._data, self._key, self._value = data, key, value

    def take(self, data: bytes) -> tuple[tuple[Any, ...], Any] | None:
        """(the arguments, the result) read ahead from these bytes, or None (other bytes,
        nothing kept). Waits for the thread; what it read is let go either way (it is used
        once)."""
        self.done.wait()
        kept, key, value = self._data, self._key, self._value
        self._data = self._key = self._value = None
        if kept is None or key is None or not (kept is data or kept == data):
            return None
        return key, value


# The parts a body is read in when set (else workers()): the thread reading ahead sets 1 in
# its own context (read_text._read_ahead).
PARTS: contextvars.ContextVar[int | None] = contextvars.ContextVar("servqual_parts", default=None)

_AHEAD: Ahead | None = None  # the file being read ahead, if any (one at a time)


def expect(ahead: Ahead | None) -> None:
    """Set (or with None, clear) the file being read ahead."""
    global _AHEAD
    _AHEAD = ahead


def take_ahead(data: bytes) -> tuple[tuple[Any, ...], Any] | None:
    """:meth:`Ahead.take` of the file being read ahead, if any (never on the thread reading
    ahead, which is not the reader)."""
    ahead = _AHEAD
    if ahead is None or ahead.thread is threading.current_thread():
        return None
    return ahead.take(data)


def read_body(
    data: bytes, start: int, delim: str, width: int, lim: Limits
) -> list[EncodedColumn] | None:
    """:func:`_read_body` (the one name the reader calls, so tests can stand in for it)."""
    return _read_body(data, start, delim, width, lim)


def _read_body(
    data: bytes, start: int, delim: str, width: int, lim: Limits
) -> list[EncodedColumn] | None:
    """The data lines below the header as ``width`` encoded columns.

    ``data[start:]`` is valid UTF-8 (the caller has decoded it strictly; it is not checked again)
    and starts at the first data line (read in place: a file of 100 MB is not copied). A body
    of several blocks is read in parts on :func:`~servqual_cli.threads.workers` threads
    (:func:`_spans`). Returns None when the fast path cannot guarantee the
    standard-library reader's result.

    >>> cols = read_body(b"a;b\\n1;x\\n;y\\n", 4, ";", 2, Limits())
    >>> [c.cells().tolist() for c in cols], [c.blank_cells().tolist() for c in cols]
    ([['1', ''], ['x', 'y']], [[False, True], [False, False]])
    >>> read_body(b'1;"x\\ny"\\n', 0, ";", 2, Limits()) is None
    True
    """
    if width < 2 or start >= len(data):
        return None
    if data.find(b"\r", start) >= 0 and data.count(b"\r", start) != data.count(b"\r\n", start):
        return None  # a lone CR ends a line for the standard reader
    if data.startswith(b"\n", start):
        return None  # a blank first line: the standard reader keeps it as an empty row
    # A blank line further down is a row of empty cells for pyarrow and an empty row for the
    # standard reader; both are then dropped as blank rows (no 100 MB search for "\n\n").
    if data.find(b'"', start) >= 0 and not _well_quoted(data[start:], delim.encode()):
        return None
    spans = _spans(data, start, PARTS.get() or workers())  # one span for a small file
    parts = map_ordered(lambda span: _read_part(data, span, delim, width, lim.max_field_chars),
                        spans, rows=None)  # fmt: skip
    if any(p is None for p in parts):
        return None
    done = [p for p in parts if p is not None]
    # the lines, counted by the parts (on their threads): one row per line, or pyarrow and the
    # standard reader may disagree
    lines = sum(n for n, _ in done) + (0 if data.endswith(b"\n") else 1)
    if sum(len(p[0]) for _, p in done) != lines:
        return None
    return [merge_parts([p[j] for _, p in done]) for j in range(width)]


def _spans(data: bytes, start: int, n: int) -> list[tuple[int, int]]:
    """``data[start:]`` cut into at most ``n`` spans of whole lines, each at least
    :data:`_MIN_PART` bytes (a small file is one span).

    A cut is made just after a newline between two lines that are not blank (a blank line at
    either end of a span could be read differently from one inside it). :func:`read_body` reads
    in parts only bodies where no field holds a newline, so every newline ends a row; the parts'
    codes are then merged by :func:`~servqual_cli.io.column_codes.merge_parts`.

    >>> _spans(b"h\\n" + b"1;2\\n" * 10, 2, 2)
    [(2, 42)]
    """
    end = len(data)
    n = min(n, (end - start) // _MIN_PART)
    cuts = [start]
    for k in range(1, n):
        at = data.find(b"\n", start + (end - start) * k // n)
        while 0 <= at < end - 1 and _blank_next_to(data, at):
            at = data.find(b"\n", at + 1)
        if at < 0 or at + 1 >= end or at + 1 <= cuts[-1]:
            break
        cuts.append(at + 1)
    cuts.append(end)
    return list(pairwise(cuts))


def _blank_next_to(data: bytes, at: int) -> bool:
    """Whether the line ending at the newline ``data[at]`` or the one after it is blank."""
    before = at - 1 if data[at - 1 : at] != b"\r" else at - 2
    return data[before : before + 1] == b"\n" or data[at + 1 : at + 2] in (b"\n", b"\r")


def _read_part(
    data: bytes, span: tuple[int, int], delim: str, width: int, max_chars: int
) -> tuple[int, list[EncodedColumn]] | None:
    """The newlines in ``data[span[0]:span[1]]`` and its lines as ``width`` encoded columns
    (texts in order of first appearance within the span); None when pyarrow refuses them or a
    field is too long."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    names = [f"c{i}" for i in range(width)]
    try:
        stream = pcsv.open_csv(  # block by block: only one block's strings are held at a time
            pa.BufferReader(pa.py_buffer(memoryview(data)[span[0] : span[1]])),
            # use_threads=False: this thread parses (the spans are the parallelism)
            read_options=pcsv.ReadOptions(column_names=names, block_size=_BLOCK, use_threads=False),
            parse_options=pcsv.ParseOptions(
                delimiter=delim, newlines_in_values=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                # the caller decoded the whole file strictly (read_text): a cell of valid UTF-8
                # cut at ASCII delimiters is valid, so Arrow need not check (0.1-0.2 s at 1M)
                check_utf8=False,
            ),
        )
        # closed when read, so no read-ahead thread outlives it (Arrow threads alive at exit
        # can abort the process: apache/arrow#34314)
        with stream as reader:
            coders = [ColumnCodes(_MANY) for _ in names]
            for batch in reader:
                for coder, column in zip(coders, batch.columns, strict=True):  # per column
                    coder.add(column)
    except (pa.ArrowInvalid, pa.ArrowException):  # a ragged row, a stray quote ...
        return None
    out: list[EncodedColumn] = []
    for coder in coders:
        column = coder.result(max_chars)
        if column is None:
            return None  # the standard reader names the line of the long field
        out.append(column)
    return data.count(b"\n", span[0], span[1]), out
