"""The note that names the cells a workbook's merged ranges filled (:mod:`.io.xlsxmerge`).

A rule that changes the data is named in the output: "Tjänst: 27 cells filled from merged
ranges (B4:B13, B14:B23, B24:B33)". Shown by the commands that show the input notes
(:func:`servqual_cli.cli.decoding_note.decoding_note`) and by ``describe``; JSON carries the
same facts in ``input.merged_cells``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["merged_lines", "merged_note"]

_SHOWN = 4  # ranges named per column; the rest as "…"


def _ranges(ranges: list[str]) -> str:
    shown = ", ".join(ranges[:_SHOWN])
    return shown + (", …" if len(ranges) > _SHOWN else "")


def merged_lines(described: dict[str, Any] | None, lang: str = "en") -> list[str]:
    """One line per filled column, and one for the ranges left unfilled across columns.

    >>> d = {"merged_cells": [{"column": "Tjänst", "cells": 27,
    ...      "ranges": ["B4:B13", "B14:B23", "B24:B33"]}], "merged_not_filled": ["D5:F5"]}
    >>> merged_lines(d)[0]
    'Tjänst: 27 cells filled from merged ranges (B4:B13, B14:B23, B24:B33)'
    >>> merged_lines(d, "sv")
    ['Tjänst: 27 celler fyllda från sammanfogade celler (B4:B13, B14:B23, B24:B33)', \
'Sammanfogade celler över flera kolumner fylldes bara i sin första kolumn: D5:F5']
    >>> merged_lines({"file": "a.csv"})
    []
    """
    if not described:
        return []
    from servqual_cli.report.catalog import count_text  # here: cli start-up stays lean

    sv = lang == "sv"
    lines = []
    for m in described.get("merged_cells") or []:
        n, refs = m["cells"], _ranges(m["ranges"])
        count = count_text(n, lang)
        if sv:
            cells = "cell" if n == 1 else "celler"
            lines.append(f"{m['column']}: {count} {cells} fyllda från sammanfogade celler ({refs})")
        else:
            cells = "cell" if n == 1 else "cells"
            lines.append(f"{m['column']}: {count} {cells} filled from merged ranges ({refs})")
    across = described.get("merged_not_filled") or []
    if across:
        if sv:
            lines.append(
                "Sammanfogade celler över flera kolumner fylldes bara i sin första kolumn: "
                + _ranges(across)
            )
        else:
            lines.append(
                "Merged ranges across several columns, filled in their first column only: "
                + _ranges(across)
            )
    return lines


def merged_note(described: dict[str, Any] | None, lang: str = "en") -> list[Any]:
    """:func:`merged_lines` as a note section ([] when nothing was merged in the data rows)."""
    lines = merged_lines(described, lang)
    if not lines or described is None:
        return []
    from servqual_cli.report.spec import Section, Text

    return [Section("", tuple(Text(f"{described.get('file')}: {line}" if i == 0 else line,
                                   kind="note") for i, line in enumerate(lines)))]  # fmt: skip
