"""Notes naming the rules the feedback register's cleaning applied: dates read from Excel
serial days (review 2 item 16) and units merged by case (the ``--by`` rule, review 2 item 17).

>>> serial_line({"inkommen": 2}, "en")
'2 dates read from Excel serial numbers (column inkommen)'
>>> print(serial_line({"inkommen": 1, "besvarad": 3}, "sv"))  # doctest: +NORMALIZE_WHITESPACE
1 datum läst från Excels serienummer (kolumn inkommen); 3 datum lästa från Excels
serienummer (kolumn besvarad)
>>> serial_line({}, "en")
''
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.recode_note import merge_line, merged_records
from servqual_cli.report.spec import Section, Text

__all__ = ["feedback_note_records", "feedback_note_sections", "serial_line"]


def serial_line(serials: Mapping[str, int], lang: str = "en") -> str:
    """One clause per date column with cells read from serial days, or "" when none."""
    sv = lang == "sv"
    parts = []
    for column, n in serials.items():
        count = fmt_int(n, lang)
        if sv:
            read = "läst" if n == 1 else "lästa"
            parts.append(f"{count} datum {read} från Excels serienummer (kolumn {column})")
        else:
            word = "date" if n == 1 else "dates"
            parts.append(f"{count} {word} read from Excel serial numbers (column {column})")
    return "; ".join(parts)


def feedback_note_sections(
    serials: Mapping[str, int], merges: Mapping[str, Mapping[tuple[str, str], int]], lang: str
) -> list[Section]:
    """The notes as one section (nothing when no rule was used)."""
    lines = [line for line in (serial_line(serials, lang), merge_line(merges, lang)) if line]
    if not lines:
        return []
    return [Section(title="", blocks=tuple(Text(line + ".", kind="note") for line in lines))]


def feedback_note_records(
    serials: Mapping[str, int], merges: Mapping[str, Mapping[tuple[str, str], int]]
) -> dict[str, Any]:
    """JSON: ``serial_dates`` (column -> cells) and ``group_values_merged`` (as gap has it)."""
    return {"serial_dates": dict(serials), "group_values_merged": merged_records(merges)}
