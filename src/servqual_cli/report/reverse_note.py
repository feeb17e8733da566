"""The sentence that names an instrument's reversed items and how they were scored.

A reversed (negatively worded) item is scored ``min + max − x`` before any statistic, which
changes every value of that item: an output that uses such an instrument says which items and how
(review 3, finding 9: pzb1988 reverses items 10–13 and 18–22, and no output said so).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.word_lists import join_words

if TYPE_CHECKING:
    from servqual_cli.instruments.model import Instrument

__all__ = ["item_ranges", "reverse_note"]

_WORDS = {
    "sv": ("Omvänt formulerade påståenden {items} räknade som {top} − svaret (skala {lo}–{hi}).",
           "Omvänt formulerat påstående {items} räknat som {top} − svaret (skala {lo}–{hi})."),
    "en": ("Negatively worded items {items} scored as {top} − the answer (scale {lo}–{hi}).",
           "Negatively worded item {items} scored as {top} − the answer (scale {lo}–{hi})."),
}  # fmt: skip


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
    lo, hi = (float(v) for v in instrument.scale)
    many, one = _WORDS["sv" if lang == "sv" else "en"]
    text = many if len(instrument.reverse) > 1 else one
    num = lambda v: fmt_number(v, lang, 0 if float(v).is_integer() else 2)  # noqa: E731
    return text.format(items=item_ranges(instrument.reverse, lang), top=num(lo + hi),
                       lo=num(lo), hi=num(hi))  # fmt: skip
