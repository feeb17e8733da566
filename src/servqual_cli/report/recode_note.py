"""The answers read from text, named in the output (review item 13a).

An answer written as a label ("Instämmer helt") is mapped to a number by the instrument's
``[labels]`` or the built-in label sets (:func:`servqual_cli.io.values.builtin_labels`), or by its
leading number ("7 Instämmer helt"). Such a cell is a valid answer, not an exclusion, but the
reader should know the rule was used: the note lists each text, its value and how many cells
were read from it, and JSON carries the same as ``recoded_text``.

>>> r = {("Instämmer helt", 7.0): 12, ("Ganska bra", 4.5): 1}
>>> print(recode_line(r, "sv"))  # doctest: +NORMALIZE_WHITESPACE
Svar tolkade från text (etiketter och ledande tal): 'Instämmer helt' → 7 (12 celler),
'Ganska bra' → 4,5 (1 cell)
>>> print(recode_line(r, "en"))  # doctest: +NORMALIZE_WHITESPACE
Answers read from text (labels and leading numbers): 'Instämmer helt' → 7 (12 cells),
'Ganska bra' → 4.5 (1 cell)
>>> recode_line({}, "en")
''
>>> recoded_records(r)[0]
{'text': 'Instämmer helt', 'value': 7.0, 'cells': 12}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import Section, Text

__all__ = [
    "merge_line",
    "merged_records",
    "recode_line",
    "recode_sections",
    "recoded_of",
    "recoded_records",
]

Recoded = Mapping[tuple[str, float], int]


def recoded_of(log: Any) -> dict[tuple[str, float], int]:
    """The answers an :class:`~servqual_cli.io.exclusions.ExclusionLog` counted as read from
    text; empty without a log."""
    return {} if log is None else log.recoded()


def recoded_records(recoded: Recoded) -> list[dict[str, Any]]:
    """JSON records, one per text: ``text``, ``value``, ``cells``."""
    return [{"text": text, "value": value, "cells": n} for (text, value), n in recoded.items()]


def _value(value: float, lang: str) -> str:
    decimals = next((d for d in range(4) if round(value, d) == value), 4)
    return fmt_number(value, lang, decimals)


def recode_line(recoded: Recoded, lang: str = "en") -> str:
    """One line naming every text read as a number, or "" when none was."""
    if not recoded:
        return ""
    sv = lang == "sv"
    parts = []
    for (text, value), n in recoded.items():
        unit = ("cell" if n == 1 else "celler") if sv else ("cell" if n == 1 else "cells")
        parts.append(f"'{text}' → {_value(value, lang)} ({fmt_int(n, lang)} {unit})")
    head = (
        "Svar tolkade från text (etiketter och ledande tal)"
        if sv
        else "Answers read from text (labels and leading numbers)"
    )
    return f"{head}: {', '.join(parts)}"


Merges = Mapping[str, Mapping[tuple[str, str], int]]


def merged_records(merges: Merges) -> list[dict[str, Any]]:
    """JSON records of the group values read as another spelling: ``column``, ``value`` (as
    written), ``read_as``, ``cells``."""
    return [{"column": column, "value": text, "read_as": used, "cells": n}
            for column, pairs in merges.items() for (text, used), n in pairs.items()]  # fmt: skip


def merge_line(merges: Merges, lang: str = "en") -> str:
    """One line naming the group values that differ only in case and were read as one group
    (review 2, item 17), or "" when none were.

    >>> print(merge_line({"Kön": {("kvinna", "Kvinna"): 1, ("MAN", "Man"): 2}}, "sv"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Grupper som bara skiljer sig i stora och små bokstäver slogs ihop: Kön: 'kvinna' läst som
    'Kvinna' (1 cell), 'MAN' läst som 'Man' (2 celler)
    """
    if not merges:
        return ""
    sv = lang == "sv"
    parts = []
    for column, pairs in merges.items():
        each = []
        for (text, used), n in pairs.items():
            unit = ("cell" if n == 1 else "celler") if sv else ("cell" if n == 1 else "cells")
            verb = "läst som" if sv else "read as"
            each.append(f"'{text}' {verb} '{used}' ({fmt_int(n, lang)} {unit})")
        parts.append(f"{column}: {', '.join(each)}")
    head = (
        "Grupper som bara skiljer sig i stora och små bokstäver slogs ihop"
        if sv
        else "Groups that differ only in case were merged"
    )
    return f"{head}: {'; '.join(parts)}"


def recode_sections(
    recoded: Recoded, lang: str = "en", merges: Merges | None = None
) -> list[Section]:
    """Note sections with :func:`recode_line` and :func:`merge_line`, or nothing."""
    lines = [line for line in (recode_line(recoded, lang), merge_line(merges or {}, lang)) if line]
    return (
        [Section(title="", blocks=tuple(Text(line + ".", kind="note") for line in lines))]
        if lines
        else []
    )
