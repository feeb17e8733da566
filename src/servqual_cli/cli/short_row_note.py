"""The note on a text file's rows with fewer fields than its header (review 6, finding 10).

A CSV cut off mid-row (a download or a copy that stopped) ends in a short row, often without a
final newline; its missing cells would be counted as blank answers without a word. That case is
a warning naming the row ("row 24 has 17 fields, the header 53; is the file cut short?"). Short
rows elsewhere are common in Excel's CSV exports, which leave out a row's trailing empty fields,
so they are a note that counts them and names the first, not an alarm. The facts are in the
JSON's ``input.short_rows`` (:class:`servqual_cli.io.rows.ShortRows`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["short_row_lines", "short_row_note"]


def short_row_lines(described: dict[str, Any] | None, lang: str = "en") -> list[tuple[str, str]]:
    """(kind, text) per line: a warning for a last row that looks cut off, a note for the
    other short rows.

    >>> d = {"file": "a.csv", "short_rows": {"header_fields": 53, "n_rows": 1, "first_row": 24,
    ...      "first_fields": 17, "last_row_cut": True, "last_row": 24, "last_fields": 17}}
    >>> short_row_lines(d)
    [('warning', 'a.csv: row 24 has 17 fields, the header 53; is the file cut short? Its 36 \
missing cells are read as blank.')]
    >>> d["short_rows"].update(n_rows=1500, first_row=5, first_fields=40, last_row_cut=False)
    >>> short_row_lines(d, "sv")[0][1][:62]
    'a.csv: 1\\xa0500 rader har färre fält än rubrikraden (53), den för'
    >>> short_row_lines({"file": "a.csv"})
    []
    """
    short = (described or {}).get("short_rows")
    if not short:
        return []
    from servqual_cli.report.catalog import label
    from servqual_cli.report.numbers import fmt_int

    assert described is not None  # (short_rows came from it)
    file, width = described.get("file"), short["header_fields"]
    lines: list[tuple[str, str]] = []
    others = short["n_rows"] - (1 if short["last_row_cut"] else 0)
    if others == 1:
        text = label("short_row", lang).format(
            file=file, row=short["first_row"], fields=short["first_fields"], width=width
        )
        lines.append(("note", text))
    elif others > 1:
        text = label("short_rows", lang).format(
            file=file, n=fmt_int(others, lang), width=width, row=short["first_row"],
            fields=short["first_fields"])  # fmt: skip
        lines.append(("note", text))
    if short["last_row_cut"]:
        missing = width - short["last_fields"]
        text = label("short_row_cut", lang).format(
            file=file, row=short["last_row"], fields=short["last_fields"], width=width,
            missing=fmt_int(missing, lang))  # fmt: skip
        lines.insert(0, ("warning", text))
    return lines


def short_row_note(described: dict[str, Any] | None, lang: str = "en") -> list[Any]:
    """:func:`short_row_lines` as a section ([] when every row has the header's fields)."""
    lines = short_row_lines(described, lang)
    if not lines:
        return []
    from servqual_cli.report.spec import Section, Text

    return [Section("", tuple(Text(text, kind=kind) for kind, text in lines))]
