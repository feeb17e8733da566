"""The words on a text file's rows with fewer fields than its header (review 6, finding 10),
for every command (:mod:`servqual_cli.cli.short_row_note`) and for the report's summary.

A CSV cut off mid-row (a download or a copy that stopped) ends in a short row, often without a
final newline; its missing cells would be counted as blank answers without a word. That case is
a warning naming the row ("row 24 has 17 fields, the header 53; is the file cut short?"). Short
rows elsewhere are common in Excel's CSV exports, which leave out a row's trailing empty fields,
so they are a note that counts them and names the first, not an alarm. The facts are the io
record :class:`servqual_cli.io.rows.ShortRows` (the JSON's ``input.short_rows``).

Every command calls :func:`short_row_lines`, so the catalog and Babel's number format are
imported only when a file has short rows (start-up time, issue #16).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from servqual_cli.report.spec import Text

__all__ = ["short_row_blocks", "short_row_lines"]


def short_row_lines(described: dict[str, Any] | None, lang: str = "en") -> list[tuple[str, str]]:
    """(kind, text) per line: a warning for a last row that looks cut off, a note for the
    other short rows, and a note per trailing summary row left out
    (:mod:`~servqual_cli.report.summary_rows`). ``described`` is a table's ``describe()``
    (its ``file``, ``short_rows`` and ``summary_rows``).

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
    from servqual_cli.report.sheet_notes import sheet_lines  # review 10b, findings 1, 2
    from servqual_cli.report.summary_rows import summary_row_lines  # review 9, finding 5

    summary = summary_row_lines(described, lang)  # trailing summary rows left out
    summary = sheet_lines(described, lang) + summary  # a cover page skipped, hidden rows
    d = described or {}  # one dict from here on: no None left to narrow (no assert, s14)
    short = d.get("short_rows")
    if not short:
        return summary
    from servqual_cli.report.catalog import label
    from servqual_cli.report.numbers import fmt_int

    file, width = d.get("file"), short["header_fields"]
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
    return lines + summary


def short_row_blocks(tables: Iterable[Any], lang: str = "en") -> list[Text]:
    """The lines of every table read (a :class:`~servqual_cli.io.raw_table.RawTable`; None is
    skipped) that had short rows, as the report's summary shows them beside its exclusions.

    >>> from types import SimpleNamespace as NS
    >>> cut = {"header_fields": 4, "n_rows": 1, "first_row": 9, "first_fields": 2,
    ...        "last_row_cut": True, "last_row": 9, "last_fields": 2}
    >>> t = NS(short_rows=cut, describe=lambda: {"file": "k.csv", "short_rows": cut})
    >>> [(b.kind, b.text[:38]) for b in short_row_blocks([None, NS(short_rows=None), t], "sv")]
    [('warning', 'k.csv: rad 9 har 2 fält, rubrikraden 4')]
    """
    from servqual_cli.report.spec import Text

    return [
        Text(text, kind=kind)
        for table in tables
        if table is not None
        and (getattr(table, "short_rows", None) is not None or _summary_rows(table))
        for kind, text in short_row_lines(table.describe(), lang)
    ]


def _summary_rows(table: Any) -> bool:
    """The table left out trailing summary rows (review 9, finding 5), or skipped a cover
    page, or read a hidden sheet or hidden rows (review 10b, findings 1 and 2)."""
    hidden = getattr(table, "hidden_rows", None)  # (an array: its length, not its truth)
    sheet_notes = bool(getattr(table, "skipped_sheets", None) or getattr(table, "sheet_hidden",
                       False)) or (hidden is not None and len(hidden) > 0)  # fmt: skip
    return bool(getattr(table, "summary_rows", None)) or sheet_notes
