"""Limits on what a reader accepts, and reading a file's bytes within them.

A data file is read only when it is a regular file (or standard input) no larger than
``max_bytes``; a folder, a FIFO, a device (``/dev/zero``) or a socket is refused before it is
opened, so nothing hangs or grows without bound. Spreadsheets are zip archives (or a compound
file): :mod:`servqual_cli.io.zipguard` checks them against the same limits before they are
unpacked.

The limits can be raised with environment variables, so that every command honours them without
an option on each: ``SERVQUAL_MAX_CELLS`` (cells of a sheet or table, rows x columns),
``SERVQUAL_MAX_BYTES`` (file size and uncompressed size of a workbook). The cell limit holds
for every reader: a workbook's sheet (from its cell references, before unpacking), a parquet
table, and a CSV file (from its lines, before either CSV reader parses it:
:func:`check_text_cells`). The commands that read a file also take ``--max-cells``, which
:func:`use_max_cells` sets for the one invocation and which wins over the environment variable.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from servqual_cli.errors import DataError, Location, UsageError

__all__ = [
    "Limits",
    "check_regular_file",
    "check_text_cells",
    "limits",
    "read_input_bytes",
    "use_max_cells",
]

# Excel's own sheet limits; no survey is wider or longer.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
# A survey of one million respondents with 50 answers; raise with SERVQUAL_MAX_CELLS.
DEFAULT_MAX_CELLS = 50_000_000
DEFAULT_MAX_BYTES = 2_000_000_000
# A zip member that unpacks to more than 100 times its stored size is refused (only checked for
# members over MIN_RATIO_SIZE: a tiny file compresses as it likes).
MAX_RATIO = 100.0
MIN_RATIO_SIZE = 10_000_000
# One CSV field; Python's csv module refuses longer ones (its default field_size_limit).
MAX_FIELD_CHARS = 131_072


@dataclass(frozen=True)
class Limits:
    """What a reader accepts (see the module docstring for the environment variables)."""

    max_cells: int = DEFAULT_MAX_CELLS
    max_bytes: int = DEFAULT_MAX_BYTES
    max_rows: int = MAX_ROWS
    max_columns: int = MAX_COLUMNS
    max_ratio: float = MAX_RATIO
    max_field_chars: int = MAX_FIELD_CHARS


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    text = raw.strip().replace("_", "")
    if not text.isdigit() or int(text) < 1:
        raise UsageError(f"environment variable {name}={raw!r} must be a positive whole number",
                         code="env_not_positive", facts={"name": name, "raw": raw})  # fmt: skip
    return int(text)


_MAX_CELLS_OPTION: ContextVar[int | None] = ContextVar("servqual_max_cells", default=None)


def use_max_cells(value: int | None) -> Callable[[], None]:
    """Set the cell limit given by ``--max-cells`` (None: the environment's or the default);
    returns the function that undoes it, which the CLI calls when the command ends.

    >>> undo = use_max_cells(10)
    >>> limits().max_cells
    10
    >>> undo()
    >>> limits().max_cells == DEFAULT_MAX_CELLS or "SERVQUAL_MAX_CELLS" in os.environ
    True
    """
    if value is not None and value < 1:
        raise UsageError(f"--max-cells must be a positive whole number, not {value}")
    token = _MAX_CELLS_OPTION.set(value)
    return lambda: _MAX_CELLS_OPTION.reset(token)


def limits() -> Limits:
    """The limits in force: defaults, raised or lowered by the environment variables (and the
    cell limit by ``--max-cells``, see :func:`use_max_cells`).

    >>> limits().max_cells == DEFAULT_MAX_CELLS or "SERVQUAL_MAX_CELLS" in os.environ
    True
    """
    option = _MAX_CELLS_OPTION.get()
    return Limits(
        max_cells=option or _env_int("SERVQUAL_MAX_CELLS", DEFAULT_MAX_CELLS),
        max_bytes=_env_int("SERVQUAL_MAX_BYTES", DEFAULT_MAX_BYTES),
    )


def check_text_cells(
    body: bytes | str, head: str, delim: str, source: str, lim: Limits, header_row: int | None
) -> None:
    """Refuse a delimited text file of more than ``lim.max_cells`` cells before it is parsed.

    Both CSV readers (the Arrow fast path and the standard-library reader) build the whole table
    in memory, so the count comes first, from the raw text: its lines (``\\n``, ``\\r\\n`` or a
    lone ``\\r``, counted by one ``bytes.count`` without a copy) below the header, times the columns
    of the header, both found in ``head`` (the file's first lines, decoded) as the readers find
    them: the most common field count, and the first line with it and two filled fields (title
    lines above the header are not rows). A quoted line break or a blank line counts as a row,
    so a file may be refused a few rows early.

    >>> check_text_cells(b"Titel\\nid;a\\n1;2\\n3;4\\n", "Titel\\nid;a\\n1;2\\n", ";", "d.csv",
    ...                  Limits(max_cells=4), None)
    >>> lim = Limits(max_cells=4)
    >>> check_text_cells(b"id;a\\r1;2\\r3;4\\r5;6", "id;a\\r1;2", ";", "d.csv", lim, None)
    Traceback (most recent call last):
    ...
    servqual_cli.errors.DataError: d.csv: has 3 rows x 2 columns, over the reader's limit of 4 \
cells (give --max-cells or set SERVQUAL_MAX_CELLS to allow more)
    """
    if len(body) <= lim.max_cells:
        # A row of w cells takes at least w characters (w - 1 delimiters and a line end), so a
        # file no longer than the limit is within it: no count (a 50 MB file costs nothing).
        return
    lines = head.splitlines()[:60]
    counts = [ln.count(delim) + 1 for ln in lines]
    filled = [sum(1 for f in ln.split(delim) if f.strip()) for ln in lines]
    usable = [c for c, f in zip(counts, filled, strict=True) if f]
    if not usable:
        return
    width = max(set(usable), key=lambda c: (usable.count(c), c))
    if header_row is not None:
        header = header_row - 1
    else:
        fits = [i for i, (c, f) in enumerate(zip(counts, filled, strict=True))
                if c == width and f >= min(2, width)]  # fmt: skip
        header = fits[0] if fits else 0
    # lines end in LF or CRLF (one count), or, when the head has no LF, in a lone CR
    end = "\n" if "\n" in head or "\r" not in head else "\r"
    if isinstance(body, str):
        n_lines, ended = body.count(end), body.endswith(end)
    else:
        n_lines, ended = body.count(end.encode()), body.endswith(end.encode())
    if not ended:
        n_lines += 1  # a last line without a line break
    rows = max(n_lines - header - 1, 0)
    if rows * width > lim.max_cells:
        raise DataError(
            f"has {rows:,} rows x {width:,} columns, over the reader's limit of "
            f"{lim.max_cells:,} cells (give --max-cells or set SERVQUAL_MAX_CELLS to allow more)",
            Location(source),
            code="table_too_many_cells",
            facts={"rows": rows, "cols": width, "max_cells": lim.max_cells},
        )


def _os_facts(exc: OSError) -> dict[str, object]:
    """Why the system refused a file, as facts (its errno's name and its own words)."""
    import errno

    return {"reason": exc.strerror, "errno": errno.errorcode.get(exc.errno or 0, "")}


def _too_big(size: int, lim: Limits, where: Location) -> DataError:
    return DataError(
        f"is {size:,} bytes, over the limit of {lim.max_bytes:,}; "
        "set SERVQUAL_MAX_BYTES to read a larger file",
        where,
        code="file_too_big",
        facts={"n": size, "limit": lim.max_bytes},
    )


def read_input_bytes(name: str, lim: Limits | None = None) -> bytes:
    """The bytes of ``name`` (``"-"`` for standard input), refusing anything but a regular file.

    Standard input is read in chunks up to the size limit; a stream of NUL bytes
    (``< /dev/zero``) stops at the first chunk.

    Raises
    ------
    UsageError
        No such file, a folder, a FIFO, a device or socket, a path too long, no permission.
    DataError
        The file is larger than the limit.
    """
    lim = lim or limits()
    if name == "-":
        return _read_stdin(lim)
    where = Location(name)
    size = check_regular_file(name)
    if size > lim.max_bytes:
        raise _too_big(size, lim, where)
    try:
        with Path(name).open("rb") as fh:
            data = fh.read(lim.max_bytes + 1)
    except OSError as exc:
        raise UsageError(f"cannot read file: {exc.strerror}", where, code="file_unreadable",
                         facts=_os_facts(exc)) from exc  # fmt: skip
    if len(data) > lim.max_bytes:  # it grew while we read it
        raise _too_big(len(data), lim, where)
    return data


def check_regular_file(name: str) -> int:
    """The size of ``name``, refusing (without opening it) anything but a regular file."""
    where = Location(name)
    try:
        info = os.stat(name)  # follows symlinks: a link to /dev/zero is a device
    except FileNotFoundError as exc:
        raise UsageError("file not found", where, code="file_not_found") from exc
    except OSError as exc:  # a name too long, no permission, a loop of links
        raise UsageError(f"cannot read file: {exc.strerror}", where, code="file_unreadable",
                         facts=_os_facts(exc)) from exc  # fmt: skip
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise UsageError("is a folder, expected a data file", where, code="is_folder")
    if not stat.S_ISREG(mode):
        fifo = stat.S_ISFIFO(mode)
        kind = "a FIFO (named pipe)" if fifo else "a device or socket"
        raise UsageError(f"is {kind}, not a regular file; give a file, or '-' for stdin", where,
                         code="input_not_file",
                         facts={"kind": "fifo" if fifo else "device"})  # fmt: skip
    return int(info.st_size)


def _read_stdin(lim: Limits) -> bytes:
    where = Location("<stdin>")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # closed or replaced stdin
        raise UsageError("standard input is closed; give a file instead of '-'", where,
                         code="stdin_closed_read")  # fmt: skip
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                break
            if not chunks:  # a workbook piped in: named as one, not as "NUL bytes" (review 10b)
                from servqual_cli.io.sniff import check_not_workbook

                check_not_workbook(chunk, "<stdin>")
            if not chunks and b"\x00" in chunk[:65536] and not chunk.startswith(_UTF16_BOMS):
                raise DataError(
                    "is not a text file (it contains NUL bytes)", where, code="not_text_file"
                )
            chunks.append(chunk)
            total += len(chunk)
            if total > lim.max_bytes:
                raise _too_big(total, lim, where)
    except (OSError, ValueError) as exc:  # ValueError: read of closed file
        raise UsageError(f"cannot read standard input: {exc}", where, code="stdin_unreadable",
                         facts={"reason": str(exc)}) from exc  # fmt: skip
    return b"".join(chunks)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
