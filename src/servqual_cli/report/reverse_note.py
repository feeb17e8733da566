"""The sentence that names an instrument's reversed items and how they were scored.

A reversed (negatively worded) item is scored ``min + max − x`` before any statistic, which
changes every value of that item: an output that uses such an instrument says which items and how
(review 3, finding 9: pzb1988 reverses items 10–13 and 18–22, and no output said so).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from servqual_cli.report.catalog import label
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.word_lists import join_words

if TYPE_CHECKING:
    from servqual_cli.instruments.model import Instrument
    from servqual_cli.report.spec import Section

__all__ = [
    "columns_reverse_note",
    "item_ranges",
    "mark_reversed",
    "reverse_note",
    "reverse_record",
    "reverse_sections",
    "tolerance_reverse_note",
]


def _w(key: str, lang: str) -> str:
    return label(key, lang)  # the catalog's words (report/reverse_words.py)


def _sentence(items: str, count: int, bounds: Sequence[float], lang: str,
              inferred: bool = False) -> str:  # fmt: skip
    """The note for ``count`` reversed items named ``items``, scored ``lo + hi − x`` on
    ``bounds``; ``inferred``: the bounds were taken from the answers."""
    lo, hi = (float(v) for v in bounds)
    num = lambda v: fmt_number(v, lang, 0 if float(v).is_integer() else 2)  # noqa: E731
    scale = _w("rev_scale_answers" if inferred else "rev_scale", lang).format(
        lo=num(lo), hi=num(hi)
    )
    return _w("rev_items" if count > 1 else "rev_item", lang).format(
        items=items, top=num(lo + hi), scale=scale)  # fmt: skip


def item_ranges(items: Sequence[int], lang: str) -> str:
    """Item numbers as runs: "10–13 och 18–22"; a run of two stays "6, 7".

    >>> item_ranges([10, 11, 12, 13, 18, 19, 20, 21, 22], "sv")
    '10–13 och 18–22'
    >>> item_ranges([6], "en"), item_ranges([2, 3, 9], "en")
    ('6', '2, 3 and 9')
    """
    numbers = sorted(set(int(i) for i in items))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts += [str(n) for n in run]
    return join_words(parts, lang)


def reverse_note(instrument: Instrument, lang: str) -> str | None:
    """ "Omvänt formulerade påståenden 10–13 och 18–22 räknade som 8 − svaret (skala 1–7)." or
    None when the instrument reverses no item.

    >>> from servqual_cli.instruments.builtin import BUILTIN
    >>> reverse_note(BUILTIN["pzb1988"], "sv")
    'Omvänt formulerade påståenden 10–13 och 18–22 räknade som 8 − svaret (skala 1–7).'
    >>> reverse_note(BUILTIN["pzb1991"], "en") is None
    True
    """
    if not instrument.reverse:
        return None
    return _sentence(item_ranges(instrument.reverse, lang), len(instrument.reverse),
                     instrument.scale, lang)  # fmt: skip


def columns_reverse_note(
    columns: Sequence[str], bounds: Sequence[float], lang: str, inferred: bool = False
) -> str | None:
    """:func:`reverse_note`'s sentence for reversed columns named by the user (``alpha
    --reverse``), scored ``lo + hi − x`` on ``bounds``; ``inferred``: the bounds were taken from
    the answers (no ``--scale-range``), which the sentence says. None when nothing is reversed.

    >>> columns_reverse_note(["E4"], (1, 7), "sv", inferred=True)
    'Omvänt formulerat påstående E4 räknat som 8 − svaret (skalan från svaren: 1–7).'
    >>> columns_reverse_note(["E4", "P11"], (1.0, 5.0), "en")
    'Negatively worded items E4 and P11 scored as 6 − the answer (scale 1–5).'
    """
    if not columns:
        return None
    return _sentence(join_words(list(columns), lang), len(columns), bounds, lang, inferred)


def tolerance_reverse_note(instrument: Instrument, lang: str) -> str | None:
    """:func:`reverse_note` and that the adequate (A) and desired (D) levels are reversed too.

    >>> from servqual_cli.instruments.builtin import BUILTIN
    >>> tolerance_reverse_note(BUILTIN["pzb1988"], "en")[-34:]
    'A and D are reversed the same way.'
    """
    note = reverse_note(instrument, lang)
    return None if note is None else f"{note} {_w('rev_tolerance', lang)}"


def reverse_sections(instrument: Instrument, lang: str) -> list[Section]:
    """The note of :func:`reverse_note` as an untitled section (none when no item is reversed),
    for a command's output."""
    from servqual_cli.report.spec import Section, Text

    note = reverse_note(instrument, lang)
    return [] if note is None else [Section("", (Text(note, kind="note"),))]


def reverse_record(instrument: Instrument) -> dict[str, object] | None:
    """The JSON ``reversed``: the items and the score they are given (None when none is).

    >>> from servqual_cli.instruments.builtin import BUILTIN
    >>> reverse_record(BUILTIN["pzb1988"])["scored_as"]
    '8 - answer'
    """
    if not instrument.reverse:
        return None
    lo, hi = (float(v) for v in instrument.scale)
    top = lo + hi
    return {"items": [int(i) for i in instrument.reverse],
            "scored_as": f"{int(top) if top.is_integer() else top} - answer"}  # fmt: skip


def mark_reversed(statement: str, lang: str) -> str:
    """A reversed item's wording as a table shows it: "Personalen är ofta otrevlig (omvänt)".

    >>> mark_reversed("Personalen är ofta otrevlig", "sv"), mark_reversed("", "en")
    ('Personalen är ofta otrevlig (omvänt)', '(reversed)')
    """
    mark = f"({_w('rev_mark', lang)})"
    return f"{statement} {mark}" if statement else mark
