"""Where the excluded cells are, in the terminal's note (review 4, finding 13).

"Excluded cells: out of range 14" tells a reader that something is wrong but not where; when
all 14 sit in one column (a miscoded scale?) the note says so, and it points to the list that
``--excluded FILE`` writes. With several files (``trend``) each file gets its own counts.

"ogiltigt värde 37" does not tell an analyst what to fix either: the note names the commonest
invalid texts with their cells, "ogiltigt värde 37 (i E3; ”ja” 20, ”?” 12, ”x” 5, …)" (session
15). A text is data, never markup: it is cut to :data:`_LONGEST` characters, its control
characters are shown as escapes (:func:`~servqual_cli.report.safe_text.visible`), and each
renderer escapes it as it escapes any text (Markdown ``inert``, HTML autoescape, rich ``plain``).
Out-of-range numbers and unreadable dates are named too (session 16).

:func:`exclusion_note` makes a command's note and its JSON's ``excluded_detail`` in one call, so
every command names the texts the same way (session 16).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from servqual_cli.io.exclusions import NAMED_REASONS, ExclusionLog, excluded_detail, ranked_values
from servqual_cli.report.catalog import count_text, exclusion_summary, label
from servqual_cli.report.safe_text import visible

__all__ = [
    "by_file_summary", "exclusion_note", "located_summary", "named_of", "named_summary",
    "value_list",
]  # fmt: skip

_NAMED = 3  # columns listed one by one at most
_VALUES = 3  # excluded texts named, commonest first
_LONGEST = 24  # characters of a text shown; a longer one is cut and ends in "…"

Values = Mapping[str, Sequence[tuple[str, int]]]  # reason -> (text, cells), commonest first

HINT = {
    "sv": "Listan med fil, blad, rad, kolumn, värde och skäl: --excluded FIL.",
    "en": "--excluded FILE lists them (file, sheet, row, column, value, reason).",
}


def _where(columns: Mapping[str, int], total: int, lang: str) -> str:
    """ "all in E3", "in E1 2, E2 1" (up to three columns) or "12 in E3" (one column holds most
    of them); "" when the cells are spread over many columns."""
    ranked = sorted(columns.items(), key=lambda kv: (-kv[1], list(columns).index(kv[0])))
    word = "i" if lang == "sv" else "in"
    if not ranked:  # (a caller that knows no columns: "blank 2", never "blank 2 (in )")
        return ""
    if len(ranked) == 1:
        return f"{'alla' if lang == 'sv' else 'all'} {word} {ranked[0][0]}"
    if len(ranked) <= _NAMED:
        return f"{word} " + ", ".join(f"{c} {count_text(n, lang)}" for c, n in ranked)
    top, n = ranked[0]
    return f"{count_text(n, lang)} {word} {top}" if 2 * n >= total else ""


def value_list(values: Sequence[tuple[str, int]], lang: str) -> str:
    r"""The commonest texts with their cells, "…" when there are more: ``”ja” 12, ”?” 5, …``.

    >>> value_list([("ja", 12), ("?", 5), ("x", 2), ("y", 1)], "sv")
    '”ja” 12, ”?” 5, ”x” 2, …'
    >>> value_list([("=HYPERLINK(\"http://x\")", 1200), ("a\x1b[2Jb", 1)], "en")
    '“=HYPERLINK("http://x")” 1,200, “a\\x1b[2Jb” 1'
    >>> value_list([("5 – mycket bra men lokalerna är trånga", 3)], "sv")
    '”5 – mycket bra men loka…” 3'
    """
    shown = [
        label("excluded_value", lang).format(value=_short(text), n=count_text(n, lang))
        for text, n in values[:_VALUES]
    ]
    return ", ".join(shown + (["…"] if len(values) > _VALUES else []))


def _short(text: str) -> str:
    # cut before the escapes: an escape is never cut in half, and no control reaches a renderer
    return visible(text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…")


def located_summary(
    excluded: Mapping[str, int],
    where: Mapping[str, Mapping[str, int]],
    lang: str = "en",
    hint: bool = False,
    values: Values | None = None,
) -> str:
    """:func:`~servqual_cli.report.catalog.exclusion_summary` with the column(s) of each reason
    when few columns hold it, and (``hint``) where to get the whole list.

    ``where`` is reason -> column -> cells
    (:meth:`~servqual_cli.io.exclusions.ExclusionLog.by_column`); ``values`` (reason -> texts
    with their cells, :meth:`~servqual_cli.io.exclusions.ExclusionLog.named_values`) names the
    commonest texts of a reason.

    >>> located_summary({"out_of_range": 14}, {"out_of_range": {"E3": 14}}, "en", hint=True)[:61]
    'Excluded cells: out of range 14 (all in E3). --excluded FILE '
    >>> located_summary({"blank": 3}, {"blank": {"E1": 1, "P2": 2}}, "sv")
    'Uteslutna celler: tomma 3 (i P2 2, E1 1).'
    >>> located_summary({"blank": 3610}, {"blank": {"E1": 1100, "P2": 2510}}, "sv")
    'Uteslutna celler: tomma 3\xa0610 (i P2 2\xa0510, E1 1\xa0100).'
    >>> located_summary({}, {}, "en", hint=True)
    'Excluded cells: none.'
    >>> located_summary({"blank": 2, "unparseable": 37}, {"unparseable": {"E3": 37}}, "sv",
    ...                 values={"unparseable": [("ja", 20), ("?", 12), ("x", 5)]})
    'Uteslutna celler: tomma 2, ogiltigt värde 37 (alla i E3; ”ja” 20, ”?” 12, ”x” 5).'
    """
    if not excluded:
        return f"{exclusion_summary(excluded, lang)}."
    text = f"{label('excluded', lang)}: {_located(excluded, where, lang, values or {})}."
    return f"{text} {HINT[lang]}" if hint else text


def named_summary(excluded: Mapping[str, int], values: Values, lang: str = "en") -> str:
    """:func:`~servqual_cli.report.catalog.exclusion_summary` (no final stop) with the
    commonest texts of each reason in ``values``, for a sentence that goes on (a report's
    summary).

    >>> named_summary({"blank": 3, "unparseable": 2}, {"unparseable": [("ja", 2)]}, "sv")
    'Uteslutna celler: tomma 3, ogiltigt värde 2 (”ja” 2)'
    >>> named_summary({}, {}, "en")
    'Excluded cells: none'
    """
    if not excluded:
        return exclusion_summary(excluded, lang)
    return f"{label('excluded', lang)}: {_located(excluded, {}, lang, values)}"


def _located(
    excluded: Mapping[str, int], where: Mapping[str, Mapping[str, int]], lang: str, values: Values
) -> str:
    """Each reason with its count and, when few columns hold it, where, then its commonest
    texts: "out of range 14 (all in E3), not a valid value 3 (“x” 3), blank 2" (the counts
    carried as numbers, formatted here once)."""
    parts = []
    for reason, n in excluded.items():
        place = _where(where.get(reason, {}), n, lang)
        named = value_list(values.get(reason, ()), lang)
        inside = "; ".join(x for x in (place, named) if x)
        # grouped as every other count in the line ("Svarande: 2 996. Uteslutna celler: tomma
        # 3610." mixed two forms in one sentence: review 11b, finding 7)
        count = count_text(n, lang)
        parts.append(f"{label(reason, lang)} {count}" + (f" ({inside})" if inside else ""))
    return ", ".join(parts)


def by_file_summary(frame: pd.DataFrame, lang: str = "en", hint: bool = False) -> str:
    r"""The excluded cells of several files (``file``, ``column``, ``reason`` and, to name the
    invalid texts, ``value`` columns, one row per cell), counted per file in file order, each
    located as in :func:`located_summary`.

    >>> cells = pd.DataFrame({"file": ["a.xlsx", "b.xlsx"], "column": ["start", "kanal"],
    ...                       "reason": ["invalid_date", "unparseable"], "value": ["x", "fax"]})
    >>> print(by_file_summary(cells, "en").replace("; b", ";\nb"))
    Excluded cells: a.xlsx: not a date 1 (all in start; “x” 1);
    b.xlsx: not a valid value 1 (all in kanal; “fax” 1).
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
        named = {}
        if "value" in cells.columns:  # the texts of this file's invalid cells (few)
            reasons = cells["reason"].to_numpy()
            named = {r: ranked_values(cells["value"].to_numpy()[reasons == r])
                     for r in NAMED_REASONS if r in excluded}  # fmt: skip
        files.append(f"{file}: {_located(excluded, where, lang, named)}")
    text = f"{label('excluded', lang)}: {'; '.join(files)}."
    return f"{text} {HINT[lang]}" if hint else text


def named_of(cells: ExclusionLog | pd.DataFrame | None) -> dict[str, tuple[tuple[str, int], ...]]:
    """Reason -> its commonest texts with their cells, for each of
    :data:`~servqual_cli.io.exclusions.NAMED_REASONS` with cells: from the log, or from a frame
    of excluded cells (one row per cell, ``value`` and ``reason`` columns, as ``--excluded``
    lists them); ``{}`` from ``None``.

    >>> named_of(pd.DataFrame({"value": ["ja", "", "ja"], "reason": ["unparseable", "blank",
    ...                        "unparseable"]}))
    {'unparseable': (('ja', 2),)}
    >>> named_of(None)
    {}
    """
    if cells is None:
        return {}
    if isinstance(cells, ExclusionLog):
        return cells.named_values()
    if cells.empty or "value" not in cells.columns:
        return {}
    reasons = cells["reason"].to_numpy()
    values = cells["value"].to_numpy()
    # a loop over the named reasons (one), the cells picked out by numpy
    return {r: v for r in NAMED_REASONS if (v := ranked_values(values[reasons == r]))}


def exclusion_note(
    excluded: Mapping[str, int],
    cells: ExclusionLog | pd.DataFrame | None,
    lang: str = "en",
    hint: bool = False,
) -> tuple[str, dict[str, dict[str, Any]]]:
    """The exclusions note of a command and its JSON's ``excluded_detail``, made once for every
    command (session 16): the counts of ``excluded`` by reason, each reason's commonest texts
    named (:func:`named_of`) and, from an :class:`~servqual_cli.io.exclusions.ExclusionLog`,
    the column(s) of each reason (:func:`located_summary`). A frame of cells with a ``file``
    column (several files, ``trend``) is counted per file (:func:`by_file_summary`; its own
    counts, ``excluded`` unused). ``hint`` points to ``--excluded FILE``; without cells (no
    log, so no list to point to) the note is the counts alone.

    >>> exclusion_note({"unparseable": 3}, pd.DataFrame({"column": ["E1"] * 3,
    ...                "value": ["ja", "ja", "?"], "reason": ["unparseable"] * 3}), "sv")
    ('Uteslutna celler: ogiltigt värde 3 (”ja” 2, ”?” 1).', {'unparseable': {'distinct': 2, \
'values': [{'value': 'ja', 'count': 2}, {'value': '?', 'count': 1}]}})
    >>> exclusion_note({"blank": 2}, None, "en", hint=True)
    ('Excluded cells: blank 2.', {})
    """
    named = named_of(cells)
    if cells is None:
        text = f"{exclusion_summary(excluded, lang)}."
    elif isinstance(cells, ExclusionLog):
        text = located_summary(excluded, cells.by_column(), lang, hint, named)
    elif "file" in cells.columns:
        text = by_file_summary(cells, lang, hint)
    else:
        text = located_summary(excluded, {}, lang, hint, named)
    return text, excluded_detail(named)
