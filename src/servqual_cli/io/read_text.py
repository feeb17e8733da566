"""Read a CSV/TSV/text file into a :class:`~servqual_cli.io.raw_table.RawTable`.

The delimiter (``;``, ``,`` or tab) and the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
cp1252) are detected and decoded strictly (:mod:`servqual_cli.io.decode`,
:mod:`servqual_cli.io.csvtext`). The header comes from the first 64 KiB through the standard
reader, the body through pyarrow as encoded columns (:mod:`servqual_cli.io.csvfast`); a file the
fast path cannot promise the standard reader's result for is read whole by the standard reader,
which names a ragged row's line.
"""

from __future__ import annotations

import codecs
import contextvars
import hashlib
import os
import stat
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.errors import DataError, Location
from servqual_cli.io import csvfast
from servqual_cli.io.csvfast import SNIFF_BYTES, read_body
from servqual_cli.io.csvtext import detect_delimiter, split_rows
from servqual_cli.io.decode import Decoded
from servqual_cli.io.decode import decode_text as decode
from servqual_cli.io.encoded import EncodedColumn, EncodedTable
from servqual_cli.io.header import find_header_row, header_rows_option, two_row_header
from servqual_cli.io.limits import check_text_cells, limits, read_input_bytes
from servqual_cli.io.sniff import check_not_workbook
from servqual_cli.io.title_rows import title_rows

# No pandas at import (nor the RawTable and rows modules, which load it): :func:`read_ahead`
# runs this module's fast path on another thread while the main thread loads pandas.
if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.io.raw_table import RawTable


def read_rows(*args: Any) -> Any:
    """:func:`servqual_cli.io.rows.read_rows` (the standard-library path), loaded when used."""
    from servqual_cli.io.rows import read_rows as rows

    return rows(*args)


def decode_text(data: bytes, encoding: str | None, source: str) -> tuple[str, str]:
    """Decode bytes strictly (see :func:`servqual_cli.io.decode.decode_text`): (text, codec)."""
    decoded = decode(data, encoding, source)
    return decoded.text, decoded.encoding


def read_text(
    data: bytes,
    source: str,
    encoding: str | None,
    header_row: int | None,
    header_rows: int | None = None,
) -> RawTable:
    if not data or data.isspace():  # (data.strip() would copy the whole file)
        raise DataError("file is empty", Location(source), code="file_empty")
    check_not_workbook(data, source)  # an .xlsx named .csv: not an encoding problem (review 10b)
    from servqual_cli.io.raw_table import RawTable, sha256_later

    # the fast path's result and the digest of these same bytes, if read ahead (read_ahead);
    # else the digest is made on another thread while the file is read
    kept = csvfast.take_ahead(data)
    digest = sha256_later(data) if kept is None else partial(str, kept[1][1])
    decoded = _valid_utf8_head(data) if encoding is None else None
    if decoded is None:
        decoded = decode(data, encoding, source)
        nul = "\x00" in decoded.text
    else:  # valid UTF-8: a NUL character is a NUL byte, and no other byte is 0
        nul = data.find(b"\x00") >= 0
    if nul:
        raise DataError(
            "is not a text file (it contains NUL bytes)", Location(source), code="not_text_file"
        )
    codec, why, garbled = decoded.encoding, decoded.why, decoded.garbled
    delim = detect_delimiter(decoded.text[:SNIFF_BYTES].splitlines()[:60])
    # the cell limit (--max-cells), from the raw lines, before either reader parses the body
    check_text_cells(data if codec in ("utf-8", "utf-8-sig") else decoded.text,
                     decoded.text[:SNIFF_BYTES], delim, source, limits(), header_row)  # fmt: skip
    # UTF-8 bodies are read from the bytes themselves: past the sniffed head, the decoded text
    # is only the fallback's, so it is let go (a 100 MB file would otherwise be held twice).
    in_place = codec in ("utf-8", "utf-8-sig")
    text = decoded.text[:SNIFF_BYTES] if in_place else decoded.text
    del decoded
    key = (codec, text, delim, source, header_row, header_rows, limits())
    if kept is not None and kept[0] == key:  # read ahead with the same arguments
        fast = kept[1][0]
    else:
        fast = _read_text_fast(data, codec, text, delim, source, header_row, header_rows)
    frame: pd.DataFrame | None = None
    encoded: EncodedTable | None = None
    short = None  # (the fast path reads only files whose rows all fit the header)
    if fast is not None:
        encoded, hdr, row_numbers, n_hdr, titles = fast
    else:
        if in_place:
            text = decode(data, encoding, source).text
        rows, lines = split_rows(text, delim, source, limits())
        frame, hdr, row_numbers, n_hdr, short = read_rows(
            rows, source, None, header_row, True, header_rows, lines, text.endswith(("\n", "\r"))
        )
        # the header's (last) row is the row that starts on line ``hdr``
        header_index = int(np.searchsorted(lines, hdr)) + 1 - n_hdr
        titles = title_rows(rows, lines, header_index)
    return RawTable(
        frame=frame,  # type: ignore[arg-type]  # None: built from ``encoded`` on first use
        source=source,
        sheet=None,
        header_row=hdr,
        row_numbers=row_numbers,
        sha256=digest(),
        encoding=codec,
        delimiter=delim,
        encoding_reason=why,
        garbled=garbled,
        header_rows=n_hdr,
        encoded=encoded,
        short_rows=short,
        title_rows=titles,
    )


_CHECK_FROM = 1 << 20  # bytes from which a UTF-8 file is checked in Arrow, not decoded whole
_AHEAD_FROM = 1 << 22  # bytes from which read_ahead reads a body (a block of csvfast)
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")  # as io.read dispatches them
# Below this, the thread ahead reads the body in one part, not in workers() parts: it is
# needed only when pandas has loaded (0.3-0.4 s of the main thread), and one part costs less
# CPU (no merge, no second thread: 0.104 against 0.143 s at 300k x 22, 12.9 MB, issue #16),
# which is what a busy machine is short of. A larger body keeps its parts, so that it is not
# later than pandas (about 0.1 s of one core per 13 MB).
_ONE_PART_BELOW = 1 << 25


def read_ahead(path: str, encoding: str | None, header_row: int | None) -> Callable[[], None]:
    """Start reading the body of the CSV file ``path`` on another thread, and return the
    function that waits for that thread and forgets what it read.

    ``servqual alpha`` calls it before it loads pandas and the reader's other modules (about
    0.3-0.4 s of one core): the fast path (:func:`_read_text_fast`: the header, pyarrow's
    parse and the column codes of :mod:`.csvfast`) and the file's SHA-256 run on the other core
    meanwhile, and :func:`read_text`, reading the file as always, takes them when its bytes are
    the same (compared in full; the fast path only if its arguments are the same too). Only a
    large file (4 MiB and more) read as detected UTF-8 is read ahead; the thread checks nothing
    it could report (a file the reader will refuse is just not read ahead: the reader says why),
    and the result never depends on it.
    """
    if encoding is not None or not path.lower().endswith(TEXT_SUFFIXES):
        return _nothing
    try:
        info = os.stat(path)
    except OSError:
        return _nothing  # the reader says why
    if not stat.S_ISREG(info.st_mode) or info.st_size < _AHEAD_FROM:
        return _nothing
    ahead = csvfast.Ahead()
    # the command's options (--max-cells, --header-rows) are context variables: the thread
    # reads with them, as the reader will
    context = contextvars.copy_context()
    thread = threading.Thread(
        target=context.run, args=(_read_ahead, ahead, path, header_row), name="servqual-ahead"
    )
    ahead.thread = thread
    csvfast.expect(ahead)
    thread.start()

    def end() -> None:
        # joined, never left running: Arrow threads alive at exit can abort the process
        # (apache/arrow#34314)
        thread.join()
        csvfast.expect(None)

    return end


def _nothing() -> None:
    return None


def _read_ahead(ahead: csvfast.Ahead, path: str, header_row: int | None) -> None:
    """:func:`read_text`'s fast path and digest, on the thread of :func:`read_ahead`. The
    reader's main-thread share of them (the header's parse, the blank rows, the digest: about
    0.03 s at 300k x 22, issue #16) then runs beside pandas' import, and only once."""
    try:
        lim = limits()
        data = read_input_bytes(path, lim)
        if len(data) < _ONE_PART_BELOW:
            csvfast.PARTS.set(1)  # (this thread's context only)
        decoded = _valid_utf8_head(data)
        if decoded is None or data.find(b"\x00") >= 0:
            return
        head = decoded.text[:SNIFF_BYTES]
        delim = detect_delimiter(head.splitlines()[:60])
        check_text_cells(data, head, delim, path, lim, header_row)
        key = (decoded.encoding, head, delim, path, header_row, header_rows_option(), lim)
        fast = _read_text_fast(data, *key[:-1])
        # raw_table.sha256_of's digest (that module loads pandas); hashlib lets go of the GIL
        ahead.keep(data, key, (fast, hashlib.sha256(data).hexdigest()))
    except Exception:  # anything the reader would report, it reports itself
        return
    finally:
        ahead.done.set()


def _valid_utf8_head(data: bytes) -> Decoded | None:
    """What :func:`~servqual_cli.io.decode.decode_text` decides for a large file that is valid
    UTF-8 (with or without a byte-order mark), its text cut to the first :data:`SNIFF_BYTES`
    characters; None when the file is small or not valid UTF-8 (the caller then decodes it).

    Only the head's text is used when the body is read from the bytes (:mod:`.csvfast`), so a
    100 MB file is checked by Arrow's UTF-8 validation (about 0.01 s of CPU, GIL released)
    instead of being decoded into a 100 MB string (0.06 s, and its pages). Arrow and Python
    refuse the same byte sequences (overlong forms, surrogates, above U+10FFFF: checked
    exhaustively on two and three bytes in ``tests/io/test_read_text.py``).

    >>> _valid_utf8_head(b"a;b\\n" * 300_000).text[:8], _valid_utf8_head(b"a;b\\n")
    ('a;b\\na;b\\n', None)
    >>> _valid_utf8_head(b"a;b\\n" * 300_000 + b"\\xff") is None
    True
    """
    if len(data) < _CHECK_FROM:
        return None
    skip = 3 if data.startswith(codecs.BOM_UTF8) else 0
    if not valid_utf8(memoryview(data)[skip:]):
        return None  # decode_text decides: another codec, or the error naming the line
    end = min(len(data), skip + 4 * SNIFF_BYTES + 4)  # at least SNIFF_BYTES characters
    while end < len(data) and data[end] & 0xC0 == 0x80:  # not inside a character
        end -= 1
    text = data[skip:end].decode("utf-8")[:SNIFF_BYTES]
    if skip:
        return Decoded(text, "utf-8-sig", "UTF-8 byte-order mark")
    return Decoded(text, "utf-8", "valid UTF-8")


def valid_utf8(data: bytes | memoryview) -> bool:
    """Whether ``data`` decodes as UTF-8 with Python's strict decoder, checked by Arrow
    (``ValidateFull`` of a one-value string array over the bytes, not copied).

    >>> valid_utf8("Förskola".encode()), valid_utf8("Förskola".encode("cp1252"))
    (True, False)
    >>> valid_utf8(b"\\xed\\xa0\\x80"), valid_utf8(b"\\xc0\\xaf")  # a surrogate, an overlong "/"
    (False, False)
    """
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    array = pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data))
    try:
        array.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _read_text_fast(
    data: bytes,
    encoding: str,
    text: str,
    delim: str,
    source: str,
    header_row: int | None,
    header_rows: int | None,
) -> tuple[EncodedTable, int, np.ndarray, int, tuple[tuple[int, str], ...]] | None:
    """The header from the first 64 KiB (standard reader), the body through pyarrow as encoded
    columns (:mod:`.encoded`, the frame is built only on demand); None when
    the fast path cannot promise the standard reader's result (see :mod:`.csvfast`)."""
    lim = limits()
    cut = text.rfind("\n", 0, SNIFF_BYTES)
    if cut < 0:
        return None
    try:
        rows, lines = split_rows(text[: cut + 1], delim, source, lim)
    except DataError:
        return None  # the full read reports it with the right line
    if len(rows) < 2 or not np.array_equal(lines, np.arange(1, len(rows) + 1)):
        return None
    if header_row is not None:
        if header_row >= len(rows):
            return None
        hdr_index = header_row - 1
    else:
        hdr_index = find_header_row(rows)
    joined = two_row_header(rows, hdr_index, header_rows)
    n_hdr = 1
    if joined is not None:
        hdr_index, header = joined
        n_hdr = 2
    else:
        header = [str(v).strip() for v in rows[hdr_index]]
    if hdr_index + 1 >= len(rows) or len(header) > lim.max_columns:
        return None
    if any(len(r) != len(header) for r in rows[hdr_index + 1 :]):
        return None  # ragged rows: the standard reader decides and names them
    raw = data
    offset = 3 if encoding == "utf-8-sig" else 0
    if encoding not in ("utf-8", "utf-8-sig"):
        raw = text.encode("utf-8")
        offset = 0
    for _ in range(hdr_index + 1):  # past the title and header lines (at most 50)
        newline = raw.find(b"\n", offset)
        if newline < 0:
            return None  # lines ended by CR alone: the standard reader takes them
        offset = newline + 1
    columns = read_body(raw, offset, delim, len(header), lim)
    if columns is None:
        return None
    first = hdr_index + 2
    row_numbers = np.arange(first, first + len(columns[0]), dtype=np.int64)
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    encoded, row_numbers = _drop_blank_encoded(columns, names, header, row_numbers)
    if encoded.n_rows == 0:
        raise DataError(
            f"has a header (row {hdr_index + 1}) but no data rows below it",
            Location(source),
            code="header_only",
            facts={"row": hdr_index + 1},
        )
    return encoded, hdr_index + 1, row_numbers, n_hdr, title_rows(rows, None, hdr_index + 1 - n_hdr)


def _drop_blank_encoded(
    columns: list[EncodedColumn], names: list[str], header: list[str], row_numbers: np.ndarray
) -> tuple[EncodedTable, np.ndarray]:
    """:func:`drop_blank` on encoded columns: blankness is decided once per distinct text."""
    blank_unique = [c.blank_uniques() for c in columns]
    # Every distinct text occurs in the column, so all of them blank means every cell is.
    keep = [j for j, h in enumerate(header) if h or not blank_unique[j].all()]
    columns = [columns[j] for j in keep]
    blank_unique = [blank_unique[j] for j in keep]
    if columns and all(b.any() for b in blank_unique):  # only then can a whole row be blank
        # The rows blank so far, narrowed column by column: only the first column is looked
        # up in full (a survey with 5 % blank cells leaves 5 % of the rows after it, 0.25 %
        # after two), not every column of every row.
        rows = np.flatnonzero(blank_unique[0][columns[0].codes])
        for column, blank in zip(columns[1:], blank_unique[1:], strict=True):
            if not len(rows):
                break
            rows = rows[blank[column.codes[rows]]]
        if len(rows):
            filled = np.ones(len(row_numbers), dtype=bool)
            filled[rows] = False
            columns = [c.take(filled) for c in columns]
            row_numbers = row_numbers[filled]
    return EncodedTable(tuple(names[j] for j in keep), tuple(columns)), row_numbers
