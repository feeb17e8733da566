"""A long xlsx sheet cut in two at a row, so that fastexcel parses both halves at once (#16).

fastexcel (calamine) parses a sheet on one core, with Python's lock released. The guard
(:mod:`servqual_cli.io.zipguard`) has already unpacked the sheet's XML and read every cell
reference, so the XML can be cut before a row tag into two sheets of their own, each in a small
uncompressed workbook (the other parts copied), and both parsed in parallel (when the process
may use two cores or more):

1. the cut is the first ``<row r="m"`` past the middle of the XML, right after a ``</row>`` or
   ``/>``; the sheet's row tags are all ``<row r="N"`` in increasing order, the XML has no
   comment, CDATA section or processing instruction among the rows, and every cell reference
   before the cut names a row above ``m`` and every one after it ``m`` or a row below
   (:meth:`~servqual_cli.io.xlsxrefs.RefScan.rows_split_at`). Otherwise there is no cut and the
   sheet is parsed whole.
2. The first half is the XML up to the cut, closed; the second is the XML before the first row
   followed by the XML from the cut: its cells are exactly the whole sheet's cells of rows ``m``
   and below, and fastexcel reads it with the header at row ``m - 1`` (empty there) so that its
   first data row is the sheet's row ``m``.

Each half is read and converted as the whole sheet would be (:mod:`servqual_cli.io.xlsxfast`),
so the table is the same; only the time differs. On Linux each half's workbook is written into
an anonymous in-memory file (``memfd_create``) that fastexcel opens by its ``/proc/self/fd``
path and reads as it parses (:func:`open_half`): a half given as ``bytes`` is built in Python
memory and then copied by fastexcel once more (on 100k x 50, 0.4 s of CPU time and 160k page
faults for the two halves). Elsewhere, or when that file cannot be opened, the half goes as
``bytes``. The cut workbooks hold the sheet's XML once more, uncompressed (the XML itself is
freed before parsing).

References
----------
APPNOTE.TXT - .ZIP File Format Specification, version 6.3.10 (PKWARE, 2022), sections 4.3.7
(local file header), 4.3.12 (central directory header) and 4.3.16 (end of central directory).
ECMA-376 Part 1 (5th ed.), 18.3.1.73 ``row`` and 18.3.1.80 ``sheetData``.
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from servqual_cli.io.limits import Limits
from servqual_cli.io.xlsxrefs import Xml
from servqual_cli.io.zipguard import SheetScan

__all__ = [
    "SPLIT_FROM",
    "Cut",
    "cores",
    "find_cut",
    "half",
    "open_half",
    "other_parts",
    "stored_zip",
]

SPLIT_FROM = 1 << 23  # a sheet's XML at least this long (8 MiB) is parsed in two halves
_ROW = b'<row r="'
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DOS_DATE = 0x21  # 1980-01-01
_Member = tuple[str, Sequence[bytes | memoryview]]
_MAX_STORED = 1 << 31  # a half beyond this would need ZIP64 records


@dataclass(frozen=True)
class Cut:
    """Where the sheet's XML is cut: the offsets of the first row tag and of the cut's row tag,
    and the cut's row number (1-based)."""

    first: int
    at: int
    row: int


def find_cut(scan: SheetScan, skip: int, split_from: int | None = None) -> Cut | None:
    """The cut of the sheet's XML (see the module docstring), or None: a short sheet, rows out
    of order, markup among the rows, a cell reference across the cut, or no data row above it
    (``skip`` rows of title and header come first).

    >>> from servqual_cli.io.xlsxrefs import scan_refs
    >>> rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 7))
    >>> xml = b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>"
    >>> scan = SheetScan(xml=xml, ordered_rows=True, refs=scan_refs(xml), member="s.xml")
    >>> find_cut(scan, 1, split_from=0)
    Cut(first=22, at=178, row=5)
    >>> find_cut(scan, 4, split_from=0) is None  # row 5 is the first data row: nothing above
    True
    """
    xml, refs = scan.xml, scan.refs
    limit = SPLIT_FROM if split_from is None else split_from
    if refs is None or scan.member is None or not scan.ordered_rows:
        return None
    if not limit <= len(xml) < _MAX_STORED:
        return None
    first = xml.find(_ROW)
    at = xml.find(_ROW, len(xml) // 2)
    if first < 0 or at <= first or refs.markup > first:
        return None
    if not (xml[at - 6 : at] == b"</row>" or xml[at - 2 : at] == b"/>"):
        return None
    end = xml.find(b'"', at + len(_ROW), at + len(_ROW) + 9)
    digits = xml[at + len(_ROW) : end]
    if end < 0 or not digits.isdigit():
        return None
    row = int(digits)
    if row < skip + 2 or not refs.rows_split_at(at, row):
        return None
    return Cut(first, at, row)


def other_parts(zf: zipfile.ZipFile, member: str, lim: Limits) -> list[_Member] | None:
    """The workbook's parts other than the sheet, for :func:`half` (other sheets emptied, parts
    that are not XML left out); None when one is over the size limit."""
    parts: list[_Member] = []
    for info in zf.infolist():
        name = info.filename
        if name == member:
            continue
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            parts.append((name, [b"<worksheet><sheetData/></worksheet>"]))
        elif name.endswith((".xml", ".rels")):
            if info.file_size > lim.max_bytes:
                return None
            parts.append((name, [zf.read(name)]))
    return parts


def cores() -> int:
    """The cores this process may run on (one: the halves would only take turns)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity call
        return os.cpu_count() or 1


def half(xml: Xml, member: str, others: list[_Member], cut: Cut, k: int) -> bytes:
    """Workbook ``k`` (0: the rows above the cut, 1: the rows from it) of the cut sheet, stored
    uncompressed.

    >>> import io
    >>> xml = b'<w><sheetData><row r="1"/><row r="2"/></sheetData></w>'
    >>> top, bottom = (half(xml, "s.xml", [], Cut(14, 26, 2), k) for k in (0, 1))
    >>> zipfile.ZipFile(io.BytesIO(top)).read("s.xml")
    b'<w><sheetData><row r="1"/></sheetData></worksheet>'
    >>> zipfile.ZipFile(io.BytesIO(bottom)).read("s.xml")
    b'<w><sheetData><row r="2"/></sheetData></w>'
    """
    return stored_zip([*others, (member, _body(xml, cut, k))])


def _body(xml: Xml, cut: Cut, k: int) -> list[bytes | memoryview]:
    """The pieces of half ``k``'s sheet XML (views of ``xml``, not copies)."""
    view = memoryview(xml)
    if k == 0:
        return [view[: cut.at], b"</sheetData></worksheet>"]
    return [view[: cut.first], view[cut.at :]]


def open_half(xml: Xml, member: str, others: list[_Member], cut: Cut, k: int) -> Any:
    """fastexcel's reader of workbook ``k`` of the cut sheet (see :func:`half`).

    On Linux the workbook is written into an in-memory file (``os.memfd_create``) and
    fastexcel opens it by path and reads it as it parses: neither the workbook nor fastexcel's
    copy of it is ever in Python's memory. The file is closed here at once (fastexcel's
    handle keeps it until its reader goes). Elsewhere the workbook is given as ``bytes``.
    """
    import fastexcel

    pieces = _stored_pieces([*others, (member, _body(xml, cut, k))])
    fd = _memfd()
    if fd is None:
        return fastexcel.read_excel(b"".join(pieces))
    try:
        for piece in pieces:
            _write_all(fd, piece)
        path = f"/proc/self/fd/{fd}"
        if not os.path.exists(path):  # no /proc (a container without it)
            return fastexcel.read_excel(b"".join(pieces))
        return fastexcel.read_excel(path)
    finally:
        os.close(fd)


def _memfd() -> int | None:
    """An anonymous in-memory file (Linux), or None where there is none."""
    create = getattr(os, "memfd_create", None)
    if create is None:  # pragma: no cover - macOS and Windows
        return None
    try:
        return int(create("servqual-half", os.MFD_CLOEXEC))
    except OSError:  # pragma: no cover - e.g. a seccomp filter refusing the call
        return None


def _write_all(fd: int, piece: bytes | memoryview) -> None:
    """Write all of ``piece`` (``os.write`` may write less than asked)."""
    view = memoryview(piece).cast("B")
    while len(view):
        view = view[os.write(fd, view) :]


def stored_zip(members: Sequence[_Member]) -> bytes:
    """A zip archive of ``members`` (name, the pieces of its content), stored uncompressed:
    the pieces are copied once, into the archive, and their CRC-32 chained.

    >>> import io
    >>> z = zipfile.ZipFile(io.BytesIO(stored_zip([("a.xml", [b"<a>", b"</a>"]), ("å", [b""])])))
    >>> [(i.filename, z.read(i.filename)) for i in z.infolist()], z.testzip()
    ([('a.xml', b'<a></a>'), ('å', b'')], None)
    """
    return b"".join(_stored_pieces(members))


def _stored_pieces(members: Sequence[_Member]) -> list[bytes | memoryview]:
    """The archive of :func:`stored_zip` as the pieces to write in order (the members'
    contents not copied)."""
    out: list[bytes | memoryview] = []
    central: list[bytes] = []
    offset = 0
    for name, pieces in members:
        crc = size = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
            size += len(piece)
        raw = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        local = _LOCAL.pack(0x04034B50, 20, flags, 0, 0, _DOS_DATE, crc, size, size, len(raw), 0)
        head = (0x02014B50, 20, 20, flags, 0, 0, _DOS_DATE, crc, size, size, len(raw))
        central.append(_CENTRAL.pack(*head, 0, 0, 0, 0, 0, offset) + raw)
        out += [local + raw, *pieces]
        offset += len(local) + len(raw) + size
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(central), len(central), len(directory), offset, 0)
    return [*out, directory, end]
