"""The line on a trailing summary row left out of a table (review 9, finding 5), for every
command and the report's summary: "karlstad.csv: rad 62 ser ut som en summeringsrad
(Medelvärde): utelämnad." The facts are the io record
:class:`servqual_cli.io.summary_rows.SummaryRow` (the JSON's ``input.summary_rows``).

It is shown beside the short-row lines (:func:`servqual_cli.report.short_rows.short_row_lines`
adds these), which every command and the report already print for each table read.
"""

from __future__ import annotations

from typing import Any

__all__ = ["summary_row_lines"]


def summary_row_lines(described: dict[str, Any] | None, lang: str = "en") -> list[tuple[str, str]]:
    """("note", text) per summary row left out; ``described`` is a table's ``describe()``.

    >>> summary_row_lines({"file": "a.csv", "summary_rows": [{"row": 62, "label": "Medelvärde"}]},
    ...                   "sv")
    [('note', 'a.csv: rad 62 ser ut som en summeringsrad (Medelvärde): utelämnad.')]
    >>> d = {"file": "a.xlsx", "sheet": "Blad1", "summary_rows": [{"row": 9, "label": "Total"}]}
    >>> summary_row_lines(d, "en")
    [('note', 'a.xlsx, sheet Blad1: row 9 looks like a summary row (Total): left out.')]
    >>> summary_row_lines({"file": "a.csv"}), summary_row_lines(None)
    ([], [])
    """
    d = described or {}  # one dict from here on: no None left to narrow (no assert, s14)
    rows = d.get("summary_rows")
    if not rows:
        return []
    from servqual_cli.report.catalog import label

    sheet = d.get("sheet")
    file = d.get("file")
    return [
        ("note", label(_key(r, sheet), lang).format(file=file, sheet=sheet, row=r["row"],
                                                    label=r["label"]))
        for r in rows
    ]  # fmt: skip


def _key(row: dict[str, Any], sheet: object) -> str:
    """The catalog key of a row left out: a second header row (w-miss, review 11 #4) or a
    summary row, with or without the sheet."""
    key = "header_row" if row.get("kind") == "header" else "summary_row"
    return f"{key}_sheet" if sheet else key
