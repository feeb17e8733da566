"""The warning a command prints when a file's text was decoded by the fallback and may be
garbled (issue #11), with the cells filled from merged ranges (:mod:`.merge_note`) and the rows
shorter than the header (:mod:`.short_row_note`)."""

from __future__ import annotations

from typing import Any


def decoding_note(described: dict[str, Any] | None, lang: str = "en") -> list[Any]:
    """A warning section when the text of a file was decoded by the fallback and looks garbled.

    Issue #11: a CP949 file read as cp1252 must not print tables of mojibake without a word. The
    warning names the file and suggests ``--encoding`` (the same advice column errors give).

    >>> decoding_note({"file": "a.csv", "encoding": "utf-8", "encoding_garbled": False})
    []
    >>> note = decoding_note({"file": "k.csv", "encoding": "cp1252", "encoding_garbled": True})
    >>> note[0].blocks[0].kind
    'warning'
    """
    from servqual_cli.cli.merge_note import merged_note  # cells filled from merged ranges
    from servqual_cli.cli.short_row_note import short_row_note  # rows shorter than the header

    merged = short_row_note(described, lang) + merged_note(described, lang)
    if not described or not described.get("encoding_garbled"):
        return merged
    from servqual_cli.report.spec import Section, Text

    hint = encoding_words(described.get("encoding"), True, lang)
    return [Section("", (Text(f"{described.get('file')}: {hint}", kind="warning"),)), *merged]


def encoding_words(encoding: str | None, garbled: bool, lang: str = "en") -> str:
    """The advice on a doubtful decoding in ``lang``, from the one catalog entry the error line
    ends with too (``part_encoding_hint``, ``part_encoding_hint_garbled``); "" when the decoding
    is not in doubt (:func:`servqual_cli.io.decode.in_doubt`).

    >>> encoding_words("cp1252", False, "sv")
    'filen lästes som cp1252; om namnen ser förvanskade ut, prova --encoding cp1250 (eller \
iso-8859-15, utf-16, cp949 …)'
    >>> encoding_words("cp1252", True, "en")
    'the file was read as cp1252 and its text looks garbled; try --encoding cp949 (or utf-16, \
cp1250, utf-8 ...)'
    >>> encoding_words("utf-8", True, "sv")
    ''
    """
    from servqual_cli.io.decode import in_doubt
    from servqual_cli.report.catalog_errors import ERRORS

    if not in_doubt(encoding):
        return ""
    sv, en = ERRORS["part_encoding_hint_garbled" if garbled else "part_encoding_hint"]
    return (sv if lang == "sv" else en).format(encoding=encoding)
