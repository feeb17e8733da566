"""A workbook named as a text file, found by its first bytes (review 10b, finding 9).

An .xlsx saved or renamed as .csv (a common mix-up with mail attachments) was decoded as text
and refused as an encoding problem ("line 1 cannot be decoded as cp1252"), so the user tried
encodings instead of the fix. Before a text file is decoded its first bytes are checked: a zip
archive (``PK\\x03\\x04``: .xlsx, .xlsm, .xlsb, .ods) or a compound file (``D0 CF 11 E0``: .xls,
or a password-protected .xlsx) is named as what it is, with the name to give it. The reverse
(a text file named .xlsx) is :func:`servqual_cli.io.zipguard.check_workbook`'s.

References: ECMA-376 Part 2 (Open Packaging Conventions; a zip file, APPNOTE.TXT 4.3.7 local
file header ``PK\\x03\\x04``); [MS-CFB] 2.2 (compound file header signature); OASIS
OpenDocument 1.2 Part 3, 3.3 (the ``mimetype`` member first and stored).
"""

from __future__ import annotations

from pathlib import Path

from servqual_cli.errors import DataError, Location

__all__ = ["check_not_workbook", "workbook_kind"]

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_NAMES = 1 << 20  # bytes at each end of a zip searched for its member names


def workbook_kind(data: bytes) -> str | None:
    """The workbook type the bytes are (``".xlsx"``, ``".xlsm"``, ``".xlsb"``, ``".ods"``,
    ``".xls"``), ``"zip"`` for another zip archive, or None (not a workbook: text, maybe).

    >>> workbook_kind(b"id;E1\\n1;5\\n") is None
    True
    >>> workbook_kind(b"PK\\x03\\x04" + b"\\x00" * 26 + b"mimetypeapplication/vnd.oasis."
    ...               b"opendocument.spreadsheet")
    '.ods'
    >>> workbook_kind(b"PK\\x03\\x04...[Content_Types].xml...xl/workbook.xml"), workbook_kind(_CFB)
    ('.xlsx', '.xls')
    """
    if data.startswith(_CFB):  # an old .xls, or an encrypted OOXML workbook (an .xlsx)
        return ".xlsx" if _ENCRYPTED in data else ".xls"
    if not data.startswith(_ZIP):
        return None
    if data[30:38] == b"mimetype" and b"opendocument.spreadsheet" in data[38:120]:
        return ".ods"
    # member names stand uncompressed in the local headers and the central directory
    if b"xl/workbook.bin" in data:
        return ".xlsb"
    if b"xl/workbook.xml" in data:
        return ".xlsm" if b"xl/vbaProject.bin" in data else ".xlsx"
    return "zip"


def check_not_workbook(data: bytes, source: str) -> None:
    """Refuse (exit 1) a workbook or a zip archive given as a text file, naming what it is.

    >>> check_not_workbook(b"id;E1\\n", "a.csv")
    >>> check_not_workbook(_CFB + b"\\x00" * 8, "svar.csv")
    Traceback (most recent call last):
    ...
    servqual_cli.errors.DataError: svar.csv: is an Excel workbook (.xls) named .csv; rename it .xls
    """
    # a zip's member names: in the first local headers and the central directory at the end
    head = data if data.startswith(_CFB) or len(data) <= 2 * _NAMES else (
        data[:_NAMES] + data[-_NAMES:])  # fmt: skip
    kind = workbook_kind(head)
    if kind is None:
        return
    where = Location(source)
    suffix = Path(source).suffix.lower() if source != "<stdin>" else ""
    if kind == "zip":
        raise DataError("is a zip archive, not a text file; unpack it first", where,
                        code="zip_not_text")  # fmt: skip
    if not suffix:
        raise DataError(f"is a workbook ({kind}), not CSV text; give it as a file named {kind}",
                        where, code="workbook_not_text", facts={"kind": kind})  # fmt: skip
    if kind == ".ods":
        raise DataError(f"is an OpenDocument spreadsheet (.ods) named {suffix}; rename it .ods",
                        where, code="ods_named_text", facts={"suffix": suffix})  # fmt: skip
    raise DataError(f"is an Excel workbook ({kind}) named {suffix}; rename it {kind}", where,
                    code="workbook_named_text", facts={"kind": kind, "suffix": suffix})  # fmt: skip
