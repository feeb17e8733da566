"""Where the excluded cells are, in the terminal's note (review 4, finding 13).

"Excluded cells: out of range 14" tells a reader that something is wrong but not where; when
all 14 sit in one column (a miscoded scale?) the note says so, and it points to the list that
``--excluded FILE`` writes. With several files (``trend``) each file gets its own counts.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from servqual_cli.report.catalog import count_text, exclusion_summary, label

__all__ = ["by_file_summary", "located_summary"]

_NAMED = 3  # columns listed one by one at most

_HINT = {
    "sv": "Listan med fil, blad, rad, kolumn, värde och skäl: --excluded FIL.",
    "en": "--excluded FILE lists them (file, sheet, row, column, value, reason).",
}


def _where(columns: Mapping[str, int], total: int, lang: str) -> str:
    """ "all in E3", "in E1 2, E2 1" (up to three columns) or "12 in E3" (one column holds most
    of them); "" when the cells are spread over many columns."""
    ranked = sorted(columns.items(), key=lambda kv: (-kv[1], list(columns).index(kv[0])))
    word = "i" if lang == "sv" else "in"
    if len(ranked) == 1:
        return f"{'alla' if lang == 'sv' else 'all'} {word} {ranked[0][0]}"
    if len(ranked) <= _NAMED:
        return f"{word} " + ", ".join(f"{c} {count_text(n, lang)}" for c, n in ranked)
    top, n = ranked[0]
    return f"{count_text(n, lang)} {word} {top}" if 2 * n >= total else ""


def located_summary(
    excluded: Mapping[str, int],
    where: Mapping[str, Mapping[str, int]],
    lang: str = "en",
    hint: bool = False,
) -> str:
    """:func:`~servqual_cli.report.catalog.exclusion_summary` with the column(s) of each reason
    when few columns hold it, and (``hint``) where to get the whole list.

    ``where`` is reason -> column -> cells
    (:meth:`~servqual_cli.io.exclusions.ExclusionLog.by_column`).

    >>> located_summary({"out_of_range": 14}, {"out_of_range": {"E3": 14}}, "en", hint=True)[:61]
    'Excluded cells: out of range 14 (all in E3). --excluded FILE '
    >>> located_summary({"blank": 3}, {"blank": {"E1": 1, "P2": 2}}, "sv")
    'Uteslutna celler: tomma 3 (i P2 2, E1 1).'
    >>> located_summary({"blank": 3610}, {"blank": {"E1": 1100, "P2": 2510}}, "sv")
    'Uteslutna celler: tomma 3\xa0610 (i P2 2\xa0510, E1 1\xa0100).'
    >>> located_summary({}, {}, "en", hint=True)
    'Excluded cells: none.'
    """
    if not excluded:
        return f"{exclusion_summary(excluded, lang)}."
    text = f"{label('excluded', lang)}: {_located(excluded, where, lang)}."
    return f"{text} {_HINT[lang]}" if hint else text


def _located(excluded: Mapping[str, int], where: Mapping[str, Mapping[str, int]], lang: str) -> str:
    """Each reason with its count and, when few columns hold it, where: "out of range 14 (all
    in E3), blank 2" (the counts carried as numbers, formatted here once)."""
    parts = []
    for reason, n in excluded.items():
        place = _where(where.get(reason, {}), n, lang)
        # grouped as every other count in the line ("Svarande: 2 996. Uteslutna celler: tomma
        # 3610." mixed two forms in one sentence: review 11b, finding 7)
        count = count_text(n, lang)
        parts.append(f"{label(reason, lang)} {count}" + (f" ({place})" if place else ""))
    return ", ".join(parts)


def by_file_summary(frame: pd.DataFrame, lang: str = "en", hint: bool = False) -> str:
    """The excluded cells of several files (``file``, ``column``, ``reason`` columns, one row
    per cell), counted per file in file order, each located as in :func:`located_summary`.

    >>> cells = pd.DataFrame({"file": ["a.xlsx", "b.xlsx"], "column": ["start", "kanal"],
    ...                       "reason": ["invalid_date", "unparseable"]})
    >>> print(by_file_summary(cells, "en"))
    Excluded cells: a.xlsx: not a date 1 (all in start); b.xlsx: not a valid value 1 (all in kanal).
    """
    if frame.empty:
        return f"{exclusion_summary({}, lang)}."
    files = []
    for file, cells in frame.groupby("file", sort=False):
        counts = cells.groupby("reason", sort=True).size()
        where = {
            str(r): {str(c): int(n) for c, n in part.groupby("column", sort=False).size().items()}
            for r, part in cells.groupby("reason", sort=True)
        }
        excluded = {str(r): int(n) for r, n in counts.items()}
        files.append(f"{file}: {_located(excluded, where, lang)}")
    text = f"{label('excluded', lang)}: {'; '.join(files)}."
    return f"{text} {_HINT[lang]}" if hint else text
