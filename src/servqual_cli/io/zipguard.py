"""Check a workbook before it is unpacked, and find what the spreadsheet reader hides.

A 4.7 KB xlsx with one cell at ``XFD1048576`` makes a dense reader allocate 512 GB; an 827-byte
ODS with repeated rows takes gigabytes. Before calamine reads a workbook this module checks the
zip members' uncompressed sizes and compression ratios, and the extent of the sheet to be read
(rows x columns as the cell references and repeat counts declare them), against
:class:`~servqual_cli.io.limits.Limits`. An xlsx sheet's cell references are read with numpy
(:mod:`servqual_cli.io.xlsxrefs`: no per-cell Python work) while the sheet is unpacked; the
error-cell and formula patterns below run only when that scan saw their marks.

calamine reads Excel error cells (``#N/A``, ``#DIV/0!``) and formulas without a cached value as
empty cells; the xlsx scan finds both, so that an error cell becomes an ``excel_error``
exclusion and an uncalculated workbook a clear message instead of "no data".

A file that is not a zip archive is recognised too: a compound file with an ``EncryptedPackage``
stream is a password-protected workbook; text is a CSV someone renamed.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from servqual_cli.errors import DataError, Location
from servqual_cli.io.limits import Limits
from servqual_cli.io.unpack import Unpacker
from servqual_cli.io.xlsxmerge import merged_ranges
from servqual_cli.io.xlsxrefs import RefScan, Xml, scan_refs

__all__ = ["SheetScan", "check_extent", "check_workbook", "letters_to_index"]

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MAX_MEMBERS = 10_000


@dataclass(frozen=True)
class SheetScan:
    """What the XML of the sheet to be read holds that calamine does not show.

    The single-read path (:mod:`servqual_cli.io.xlsxfast`) reuses the decompressed XML for the
    header rows, so that the sheet is unpacked here once and parsed once by the reader.

    Attributes
    ----------
    errors : list of (row, column, text)
        Excel error cells, 1-based row and column, and the error text (``#N/A``).
    uncached_formulas : int
        Formula cells without a stored result (read as empty).
    uncached_cells : tuple of str
        The first few of them by reference (``"C5"``), in sheet order, for the message.
    member : str or None
        The zip member holding the sheet (None when workbook.xml does not name it).
    xml : bytes or mmap
        The sheet's XML as scanned (a long sheet's is an anonymous mapping: read it with
        slices, ``find`` and regular expressions, never ``in``).
    ordered_rows : bool
        Every row tag is ``<row r="N"`` and N increases: the first rows are a prefix of the XML.
    refs : RefScan or None
        The scan of the cell references (where the sheet may be cut in two, see
        :mod:`servqual_cli.io.xlsxsplit`).
    merges : tuple of (first row, first column, last row, last column)
        The merged ranges (1-based; :func:`servqual_cli.io.xlsxmerge.merged_ranges`).
    hidden_rows : ndarray of int or None
        The rows Excel hides (``<row hidden="1">``), 1-based and sorted, found in the same scan
        (:mod:`servqual_cli.io.xlsxhidden`); None when the sheet was not scanned.
    """

    errors: list[tuple[int, int, str]] = field(default_factory=list)
    uncached_formulas: int = 0
    uncached_cells: tuple[str, ...] = ()
    member: str | None = None
    xml: Xml = b""
    ordered_rows: bool = False
    refs: RefScan | None = None
    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden_rows: np.ndarray | None = field(default=None, repr=False, compare=False)


def letters_to_index(letters: str) -> int:
    """1-based column number of Excel column letters.

    >>> letters_to_index("A"), letters_to_index("AA"), letters_to_index("XFD")
    (1, 27, 16384)
    """
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def _refuse(what: str, lim: Limits, where: Location, **facts: object) -> DataError:
    """``facts`` name ``what`` for the error line in another language (``kind``: row_beyond,
    col_beyond, span or ods_span, with its numbers)."""
    return DataError(
        f"{what}, over the reader's limit of {lim.max_cells:,} cells; refused before reading "
        "(give --max-cells or set SERVQUAL_MAX_CELLS to allow more)",
        where, code="too_many_cells", facts={**facts, "max_cells": lim.max_cells},
    )  # fmt: skip


def check_workbook(data: bytes, suffix: str, source: str, lim: Limits) -> zipfile.ZipFile | None:
    """Refuse a file that is not what its name says, or an archive over the limits.

    Returns the open archive for the sheet scans, or None for formats read as they are
    (.xls, .xlsb scanned only for size).
    """
    where = Location(source)
    if data.startswith(_CFB):
        if _ENCRYPTED in data:
            raise DataError(
                "the workbook is password-protected; save it without a password and try again",
                where,
                code="password_protected",
            )
        if suffix != ".xls":
            raise DataError(f"is an old-style .xls workbook named {suffix}; rename it .xls", where,
                            code="old_xls_named", facts={"suffix": suffix})  # fmt: skip
        return None
    if not data.startswith(_ZIP):
        if suffix == ".xls" and data[:8].isascii() and b"<" in data[:200]:
            raise DataError("is an HTML or XML file named .xls, not a workbook", where,
                            code="html_named_xls")  # fmt: skip
        head = data[:65536]
        if b"\x00" not in head and _mostly_text(head):
            raise DataError(
                "this is a text file, not a workbook; rename it .csv",
                where,
                code="text_not_workbook",
            )
        raise DataError(
            "is not a readable spreadsheet (neither a zip archive nor an Excel file)",
            where,
            code="not_spreadsheet",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _damaged("zip", exc, where) from exc
    if len(infos) > _MAX_MEMBERS:
        raise DataError(f"holds {len(infos):,} files; not a workbook a survey tool writes", where,
                        code="too_many_members", facts={"n": len(infos)})  # fmt: skip
    total = sum(i.file_size for i in infos)
    if total > lim.max_bytes:
        raise DataError(
            f"unpacks to {total:,} bytes, over the limit of {lim.max_bytes:,} "
            "(set SERVQUAL_MAX_BYTES to allow more)",
            where, code="unpacks_too_big", facts={"total": total, "max_bytes": lim.max_bytes},
        )  # fmt: skip
    for info in infos:
        stored = max(info.compress_size, 1)
        if info.file_size > 10_000_000 and info.file_size / stored > lim.max_ratio:
            raise DataError(
                f"member {info.filename!r} unpacks {info.file_size / stored:,.0f} times its "
                f"size (limit {lim.max_ratio:.0f}:1); refused as a possible zip bomb",
                where, code="zip_bomb", facts={"name": info.filename,
                                               "ratio": info.file_size / stored,
                                               "max_ratio": lim.max_ratio},
            )  # fmt: skip
    return zf


def _mostly_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8", errors="ignore") or head.decode("cp1252", errors="ignore")
    except Exception:  # pragma: no cover - decode with errors="ignore" does not raise
        return False
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:4096])
    return printable >= 0.95 * max(len(text[:4096]), 1)


def _member(zf: zipfile.ZipFile, name: str, lim: Limits, where: Location) -> bytes:
    try:
        with zf.open(name) as fh:
            xml = fh.read(lim.max_bytes + 1)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _damaged(name, exc, where) from exc
    if len(xml) > lim.max_bytes:
        raise DataError(f"member {name!r} unpacks beyond {lim.max_bytes:,} bytes", where)
    return xml


def _xlsx_sheet_member(zf: zipfile.ZipFile, sheet: str, where: Location, lim: Limits) -> str | None:
    """The zip member holding the sheet named ``sheet`` (from workbook.xml and its rels)."""
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    book = _member(zf, "xl/workbook.xml", lim, where).decode("utf-8", "replace")
    rels = _member(zf, "xl/_rels/workbook.xml.rels", lim, where).decode("utf-8", "replace")
    rid = None
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name = re.search(r'\bname="([^"]*)"', tag)
        if name and _xml_unescape(name.group(1)) == sheet:
            found = re.search(r'\br:id="([^"]*)"', tag) or re.search(r'\b\w+:id="([^"]*)"', tag)
            rid = found.group(1) if found else None
    if rid is None:
        return None
    for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
        if re.search(rf'\bId="{re.escape(rid)}"', tag):
            target = re.search(r'\bTarget="([^"]*)"', tag)
            if target:
                path = target.group(1)
                path = path.lstrip("/") if path.startswith("/") else "xl/" + path
                return path if path in names else None
    return None


def _xml_unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b(?=[^>]*\st="e")[^>]*?\sr="([A-Z]+)(\d+)"[^>]*>'
    rb"(?:<(?:\w+:)?f\b[^>]*/>|<(?:\w+:)?f\b[^>]*>[^<]*</(?:\w+:)?f>)?"
    rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>"
)
_UNCACHED = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v></(?:\w+:)?v>)?"
    rb"</(?:\w+:)?c>"
)


def scan_xlsx_sheet(zf: zipfile.ZipFile, sheet: str, source: str, lim: Limits) -> SheetScan:
    """Check the sheet's extent against the limits; find error cells and uncached formulas."""
    where = Location(source, sheet)
    member = _xlsx_sheet_member(zf, sheet, where, lim)
    if member is None:
        return SheetScan()
    xml, refs = _unpack_and_scan(zf, member, lim, where)
    ordered = check_extent(refs, lim, where)
    errors: list[tuple[int, int, str]] = []
    if refs.error_cells:
        for m in _ERROR_CELL.finditer(xml):  # error cells are few: one match each
            text = m.group(3).decode("utf-8", "replace").strip() or "#ERROR"
            errors.append((int(m.group(2)), letters_to_index(m.group(1).decode()), text))
    uncached, cells = _uncached(xml) if refs.formula else (0, ())
    merges = merged_ranges(xml, where)
    return SheetScan(errors, uncached, cells, member, xml, ordered, refs, merges, refs.hidden_rows)


def _uncached(xml: Xml) -> tuple[int, tuple[str, ...]]:
    """How many formula cells have no cached value, and the first few by reference: one pass
    of :data:`_UNCACHED` over the sheet (it was searched twice, counted and then named).

    >>> _uncached(b'<c r="C5"><f>1</f></c><c r="D6"><f>2</f><v>2</v></c><c r="E7"><f>3</f></c>')
    (2, ('C5', 'E7'))
    """
    found = _UNCACHED.finditer(xml)
    first = list(itertools.islice(found, _NAMED))
    return len(first) + sum(1 for _ in found), _cell_refs(xml, iter(first))


_CELL_START = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]+\d+)"')
_NAMED = 3  # cells named in the message (review 4, finding 12)
_BACK = 1 << 17  # the cell's start tag lies before its formula (at most 8,192 characters)


def _cell_refs(xml: Xml, matches: Iterator[re.Match[bytes]]) -> tuple[str, ...]:
    """The references of the first :data:`_NAMED` matched cells (the ``r`` of the last cell
    start tag before each): a cell without ``r`` (optional in the format) is left unnamed.

    >>> xml = b'<c r="C5"><f>1+1</f></c><c r="D7" s="1"><f>A1</f><v></v></c>'
    >>> _cell_refs(xml, _UNCACHED.finditer(xml))
    ('C5', 'D7')
    """
    out: list[str] = []
    for match, _ in zip(matches, range(_NAMED), strict=False):
        before = xml[max(0, match.start() - _BACK) : match.start()]
        starts = list(_CELL_START.finditer(before))
        if starts:
            out.append(starts[-1].group(1).decode("ascii"))
    return tuple(out)


_PIPELINE_FROM = 1 << 22  # a sheet this large is unpacked and scanned at once (two threads)


def _unpack_and_scan(
    zf: zipfile.ZipFile, name: str, lim: Limits, where: Location
) -> tuple[Xml, RefScan]:
    """The sheet's XML and its :func:`scan_refs`, the scan of each step running while the next
    is unpacked (:class:`~servqual_cli.io.unpack.Unpacker`): zlib and numpy release the GIL, so
    on two cores the guard takes about as long as the longer of the two instead of their sum.
    Nothing reaches calamine until both are done.
    """
    info = zf.getinfo(name)
    if info.file_size > lim.max_bytes or info.file_size < _PIPELINE_FROM:  # one read, one scan
        xml = _member(zf, name, lim, where)
        return xml, scan_refs(xml)
    unpacker = Unpacker(zf, name, info.file_size)
    unpacker.start()
    try:
        refs = scan_refs(unpacker.buf, unpacker.ready)
    finally:
        unpacker.join()
    if unpacker.error is not None:  # the whole member unpacked and its CRC checked
        raise _damaged(name, unpacker.error, where)
    if unpacker.rescan:  # written again by zipfile's reader (see Unpacker): scan what it wrote
        refs = scan_refs(unpacker.buf)
    return unpacker.buf, refs


def _damaged(name: str, exc: object, where: Location) -> DataError:
    return DataError(f"is not a readable spreadsheet (damaged {name}: {exc})", where,
                     code="damaged_workbook", facts={"name": name, "detail": str(exc)})  # fmt: skip


def _check_xlsx_extent(xml: bytes, lim: Limits, where: Location) -> bool:
    """:func:`check_extent` of a sheet's XML (scanned here)."""
    return check_extent(scan_refs(xml), lim, where)


def check_extent(refs: RefScan, lim: Limits, where: Location) -> bool:
    """Refuse a sheet whose cell references span more than ``max_cells`` (rows x columns);
    return whether the row tags are all ``<row r="N"`` in increasing order.

    ``refs`` is :func:`~servqual_cli.io.xlsxrefs.scan_refs` of the sheet's XML. The sheet spans
    as many rows as its largest row number, its number of row elements (a row without a number
    follows the one before) or its lowest cell, whichever is most; a cell right of the widest
    column that many rows may have within ``max_cells`` is refused, naming the first such cell
    in the document; so is any cell beyond Excel's sheet (row 1,048,576, column XFD).
    """
    rows = max(refs.top_row, refs.row_elements, 1)
    ordered = refs.increasing and refs.canonical_rows == refs.row_tags == refs.row_elements
    later = refs.max_row > rows
    if not later and refs.max_col <= _widest(rows, lim):  # a normal sheet
        return ordered
    rows = max(rows, refs.max_row)
    if rows > lim.max_rows:
        raise _refuse(f"a cell lies at row {rows:,}, beyond Excel's {lim.max_rows:,}", lim, where,
                      kind="row_beyond", rows=rows, max_rows=lim.max_rows)  # fmt: skip
    widest = _widest(rows, lim)
    if refs.max_col > widest:
        if widest >= lim.max_columns:
            raise _refuse("a cell lies beyond column XFD", lim, where, kind="col_beyond")
        col = refs.first_beyond(widest)
        raise _refuse(f"the sheet spans {rows:,} rows and at least {col:,} columns", lim, where,
                      kind="span", rows=rows, cols=col)  # fmt: skip
    return ordered and not later


def _widest(rows: int, lim: Limits) -> int:
    """The widest column ``rows`` rows may reach within ``max_cells`` (at least one column,
    never beyond Excel's ``max_columns``).

    >>> _widest(1_000, Limits(max_cells=26_000)), _widest(10, Limits())
    (26, 16384)
    """
    return min(max(lim.max_cells // rows, 1), lim.max_columns)


_ODS_ROWS = re.compile(rb'<table:table-row\b[^>]*?number-rows-repeated="(\d+)"[^>]*>(.*?)</table:')
_ODS_COLS = re.compile(rb'<table:table-cell\b[^>]*?number-columns-repeated="(\d+)"[^>]*?(/?)>')


def scan_ods(zf: zipfile.ZipFile, source: str, lim: Limits) -> None:
    """Refuse an ODS whose repeated rows or columns with content span beyond the limits.

    Repeated empty rows and cells (LibreOffice pads sheets with them) are not counted:
    calamine drops them.
    """
    where = Location(source)
    if "content.xml" not in zf.namelist():
        return
    xml = _member(zf, "content.xml", lim, where)
    if b"-repeated=" not in xml:
        return
    rows = xml.count(b"<table:table-row")
    for count, body in _ODS_ROWS.findall(xml):
        if b"value-type" in body or b"<text:p" in body:
            rows += int(count) - 1
    width = xml.count(b"<table:table-cell") // max(xml.count(b"<table:table-row"), 1) + 1
    for count, empty in _ODS_COLS.findall(xml):
        if not empty:  # a repeated cell with content
            width = max(width, int(count) + width)
    if rows > lim.max_rows or rows * width > lim.max_cells:
        raise _refuse(f"its repeated rows and cells span {rows:,} x {width:,}", lim, where,
                      kind="ods_span", rows=rows, cols=width)  # fmt: skip
