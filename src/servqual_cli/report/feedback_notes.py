"""Notes naming the rules the feedback register's cleaning applied: dates read from Excel
serial days (review 2 item 16) or in a Swedish form (review 5 item 11) and units merged by case
(the ``--by`` rule, review 2 item 17).

>>> serial_line({"inkommen": 2}, "en")
'2 dates read from Excel serial numbers (column inkommen)'
>>> print(serial_line({"inkommen": 1, "besvarad": 3}, "sv"))  # doctest: +NORMALIZE_WHITESPACE
1 datum läst från Excels serienummer (kolumn inkommen); 3 datum lästa från Excels
serienummer (kolumn besvarad)
>>> serial_line({}, "en")
''
>>> swedish_line({"inkommen": 1}, "sv")
'1 datum läst i svensk form (5 mars 2024, kl. 10.15) (kolumn inkommen)'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.recode_note import merge_line, merged_records
from servqual_cli.report.spec import Section, Text

__all__ = ["feedback_note_records", "feedback_note_sections", "serial_line", "swedish_line"]


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


def swedish_line(swedish: Mapping[str, int], lang: str = "en") -> str:
    """One clause per date column with cells read in a Swedish form, or "" when none."""
    parts = []
    for column, n in swedish.items():
        count = fmt_int(n, lang)
        if lang == "sv":
            read = "läst" if n == 1 else "lästa"
            parts.append(f"{count} datum {read} i svensk form {_SV_EXAMPLE} (kolumn {column})")
        else:
            word = "date" if n == 1 else "dates"
            parts.append(f"{count} {word} read in a Swedish form {_SV_EXAMPLE} (column {column})")
    return "; ".join(parts)


_SV_EXAMPLE = "(5 mars 2024, kl. 10.15)"


def feedback_note_sections(
    serials: Mapping[str, int],
    merges: Mapping[str, Mapping[tuple[str, str], int]],
    lang: str,
    swedish: Mapping[str, int] | None = None,
) -> list[Section]:
    """The notes as one section (nothing when no rule was used)."""
    found = (
        serial_line(serials, lang),
        swedish_line(swedish or {}, lang),
        merge_line(merges, lang),
    )
    lines = [line for line in found if line]
    if not lines:
        return []
    return [Section(title="", blocks=tuple(Text(line + ".", kind="note") for line in lines))]


def feedback_note_records(
    serials: Mapping[str, int],
    merges: Mapping[str, Mapping[tuple[str, str], int]],
    swedish: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """JSON: ``serial_dates`` and ``swedish_dates`` (column -> cells) and
    ``group_values_merged`` (as gap has it)."""
    return {"serial_dates": dict(serials), "swedish_dates": dict(swedish or {}),
            "group_values_merged": merged_records(merges)}  # fmt: skip
