"""Notes naming the rules the feedback register's cleaning applied: dates read from Excel
serial days (review 2 item 16) or in a Swedish form (review 5 item 11; with the column's own
first such text as the example, review 7 finding 6) and units merged by case (the ``--by``
rule, review 2 item 17). The words are the catalog's (``dates_serial_*``, ``dates_swedish_*`` in
:mod:`~servqual_cli.report.catalog_service`).

>>> dates_line({"inkommen": 2}, "serial", "en")
'2 dates read from Excel serial numbers (column inkommen)'
>>> print(dates_line({"inkommen": 1, "besvarad": 3}, "serial", "sv"))
1 datum läst från Excels serienummer (kolumn inkommen); 3 datum lästa från Excels
serienummer (kolumn besvarad)
>>> dates_line({}, "serial", "en")
''
>>> dates_line({"inkommen": 2}, "swedish", "sv", {"inkommen": "5 mars 2024 kl. 10.15"})
'2 datum lästa i svensk form, t.ex. ”5 mars 2024 kl. 10.15” (kolumn inkommen)'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from servqual_cli.report.catalog import sl
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.recode_note import merge_line, merged_records
from servqual_cli.report.spec import Section, Text

__all__ = [
    "dates_line",
    "feedback_note_records",
    "feedback_note_sections",
    "unit_map_records",
    "unit_map_sections",
]


def dates_line(
    counts: Mapping[str, int],
    kind: str,
    lang: str = "en",
    examples: Mapping[str, str] | None = None,
) -> str:
    """One clause per date column with cells read by the rule ``kind`` (``"serial"``: Excel
    serial days; ``"swedish"``: a Swedish form, with ``examples``: column -> one of its texts),
    or "" when none."""
    return "; ".join(
        sl(f"dates_{kind}_{'one' if n == 1 else 'many'}", lang).format(
            n=fmt_int(n, lang), column=column, example=(examples or {}).get(column, "")
        )
        for column, n in counts.items()  # a handful of date columns
    )


def feedback_note_sections(
    serials: Mapping[str, int],
    merges: Mapping[str, Mapping[tuple[str, str], int]],
    lang: str,
    swedish: Mapping[str, int] | None = None,
    examples: Mapping[str, str] | None = None,
) -> list[Section]:
    """The notes as one section (nothing when no rule was used)."""
    found = (
        dates_line(serials, "serial", lang),
        dates_line(swedish or {}, "swedish", lang, examples),
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
    examples: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """JSON: ``serial_dates`` and ``swedish_dates`` (column -> cells), ``swedish_date_examples``
    (column -> the first such text) and ``group_values_merged`` (as gap has it)."""
    return {"serial_dates": dict(serials), "swedish_dates": dict(swedish or {}),
            "swedish_date_examples": dict(examples or {}),
            "group_values_merged": merged_records(merges)}  # fmt: skip


def unit_map_sections(
    used: tuple[tuple[str, str, int, bool], ...], source: str, lang: str
) -> list[Section]:
    """The units merged by ``--unit-map`` / ``[service] unit_map`` (``source``: the catalog key
    naming where the map came from), each with the items it renamed and, for a NEW the register
    does not hold, that it is a new name (review 17, finding 9); nothing when none.

    >>> s = unit_map_sections((("Teknik", "Samhällsbyggnad", 10, True), ("Tekink", "X", 0, True),
    ...                        ("Kultur", "Fritdi", 1, False)), "unit_map_cli", "sv")
    >>> s[0].blocks[0].text  # doctest: +NORMALIZE_WHITESPACE
    'Förvaltningar slagna samman (--unit-map): Teknik → Samhällsbyggnad (10 synpunkter);
    Tekink → X (finns inte i registret: inget slogs samman) och Kultur → Fritdi (1 synpunkt;
    nytt namn, finns inte i registret). Räkningar, svar och trend gäller varje par som en
    förvaltning under det nya namnet.'
    """
    from servqual_cli.report.word_lists import join_items

    if not used:
        return []
    pairs = [
        sl("unit_map_absent" if n == 0 else ("unit_map_pair_one" if n == 1 else "unit_map_pair")
           + ("" if here else "_new"), lang).format(old=old, new=new, n=fmt_int(n, lang))
        for old, new, n, here in used  # a handful of pairs
    ]  # fmt: skip
    line = sl("unit_map_line", lang).format(source=sl(source, lang), pairs=join_items(pairs, lang))
    return [Section(title="", blocks=(Text(line, kind="note"),))]


def unit_map_records(used: tuple[tuple[str, str, int, bool], ...]) -> list[dict[str, Any]]:
    """JSON ``unit_map``: one record per pair, ``n`` the items renamed (0: not in the file),
    ``to_in_register`` whether NEW is a unit of the register already (review 17, finding 9)."""
    return [{"from": old, "to": new, "n": n, "to_in_register": here}
            for old, new, n, here in used]  # fmt: skip
