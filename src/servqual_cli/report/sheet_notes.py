"""The notes on what a workbook hides or holds besides its data (review 10b, findings 1 and 2):
a cover page skipped, a hidden sheet read, rows hidden in Excel (by hand or by AutoFilter) read
and counted. The facts are the io record's (:meth:`servqual_cli.io.raw_table.RawTable.describe`:
JSON ``input.skipped_sheets``, ``input.sheet_hidden``, ``input.hidden_rows``); the lines are
shown beside the short-row and summary-row lines
(:func:`servqual_cli.report.short_rows.short_row_lines`), which every command and the report
print for each table read.
"""

from __future__ import annotations

from typing import Any

__all__ = ["has_sheet_notes", "sheet_lines"]


def has_sheet_notes(described: dict[str, Any] | None) -> bool:
    """Whether :func:`sheet_lines` has anything to say."""
    d = described or {}
    return bool(d.get("skipped_sheets") or d.get("sheet_hidden") or d.get("hidden_rows"))


def sheet_lines(described: dict[str, Any] | None, lang: str = "en") -> list[tuple[str, str]]:
    """("note", text) for a skipped cover page, a hidden sheet and hidden rows.

    >>> d = {"file": "a.xlsx", "sheet": "Enkät", "skipped_sheets": [{"sheet": "Försättsblad",
    ...      "why": "has a header (row 4) but no data rows below it"}], "sheet_hidden": True,
    ...      "hidden_rows": {"count": 11, "runs": [[4, 13], [20, 20]]}}
    >>> for _, text in sheet_lines(d, "sv"): print(text)
    a.xlsx: bladet 'Försättsblad' hoppades över: inga datarader; bladet 'Enkät' lästes.
    a.xlsx: bladet 'Enkät' är dolt i Excel; det lästes ändå.
    a.xlsx: 11 rader är dolda i Excel (rad 4–13, 20) och räknas med; ta bort dem ur filen för \
att lämna dem utanför (ett filter döljer dem bara).
    >>> d["hidden_rows"] = {"count": 9, "runs": [[2, 2], [4, 6]]}
    >>> sheet_lines(d)[2][1]
    'a.xlsx: 9 rows hidden in Excel (rows 2, 4–6, …) are included; delete them from the file \
to leave them out (a filter only hides them).'
    >>> sheet_lines({"file": "a.csv"}), sheet_lines(None)
    ([], [])
    """
    d = described or {}  # one dict from here on: no None left to narrow (no assert, s14)
    if not has_sheet_notes(d):
        return []
    from servqual_cli.report.catalog import label
    from servqual_cli.report.numbers import fmt_int

    file, sheet = d.get("file"), d.get("sheet")
    lines: list[tuple[str, str]] = []
    skipped = [s["sheet"] for s in d.get("skipped_sheets") or []]
    if skipped:
        key = "sheet_skipped" if len(skipped) == 1 else "sheets_skipped"
        names = ", ".join(f"'{s}'" for s in skipped)
        lines.append(("note", label(key, lang).format(file=file, sheets=names, sheet=sheet)))
    if d.get("sheet_hidden"):
        lines.append(("note", label("sheet_hidden", lang).format(file=file, sheet=sheet)))
    hidden = d.get("hidden_rows")
    if hidden:
        n, runs = hidden["count"], hidden["runs"]
        shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)
        if sum(b - a + 1 for a, b in runs) < n:
            shown += ", …"
        key = "hidden_row" if n == 1 else "hidden_rows"
        text = label(key, lang).format(file=file, n=fmt_int(n, lang), rows=shown)
        lines.append(("note", text))
    return lines
