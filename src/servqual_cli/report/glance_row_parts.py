"""What every row builder of "Resultat i korthet" shares: a number or None
(:func:`as_float`), a gap's verdict against expectations, the groups a verdict names, and the
significance level of the sections' own tests (see :mod:`~servqual_cli.report.glance_rows`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from servqual_cli.report.catalog import rl
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.percent_sign import NBSP
from servqual_cli.report.word_lists import join_words

__all__ = ["ALPHA", "as_float", "gap_verdict", "groups_text"]

ALPHA = 0.05  # a change counts as better/worse below this p (the sections' own tests)


def as_float(value: Any) -> float | None:
    """A float, or None for missing values."""
    if value is None:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(v) else v


def gap_verdict(low: float | None, high: float | None) -> str | None:
    """A gap's interval against expectations (gap 0): met when the whole interval is at or
    above 0, not met when below, else cannot tell.

    >>> gap_verdict(-0.8, -0.6), gap_verdict(-0.2, 0.1), gap_verdict(0.0, 0.3)
    ('not_met', 'cannot_tell', 'met')
    """
    if low is None or high is None:
        return None
    if low >= 0:
        return "met"
    return "not_met" if high < 0 else "cannot_tell"


def groups_text(
    named: Sequence[tuple[float, str, str, int]], total: int, lang: str, k: int = 3
) -> str | None:
    """The groups a verdict names, in the order given, each with its value and n; "all 4
    groups" when every group of several is named ("both groups", "båda grupperna", when there
    are two: review 7 finding 8); at most ``k``, then "and 2 more".

    ``named``: (sort key, group, value text, n), already in the order to show.

    >>> groups_text([(-1.5, "Äldreomsorg", "−1,52", 103)], 4, "sv")  # "n = 103" kept together
    'Äldreomsorg (−1,52, n\xa0=\xa0103)'
    >>> groups_text([(0, "a", "1", 5), (0, "b", "2", 6)], 2, "sv")
    'båda grupperna'
    >>> groups_text([(0, g, "1", 5) for g in "abc"], 3, "en")
    'all 3 groups'
    >>> groups_text([(0, g, "1", 5) for g in "abcde"], 9, "sv")
    'a (1, n\xa0=\xa05), b (1, n\xa0=\xa05), c (1, n\xa0=\xa05) och 2 till'
    >>> groups_text([], 3, "sv") is None
    True
    """
    if not named:
        return None
    if total == 2 and len(named) == 2:
        return rl("p_both_groups", lang)
    if total > 2 and len(named) == total:
        return rl("p_all_groups", lang, n=total)
    shown = [f"{g} ({v}, n{NBSP}={NBSP}{fmt_int(n, lang)})" for _, g, v, n in named[:k]]
    if len(named) > k:
        return f"{', '.join(shown)} {rl('and', lang)} {rl('p_more_groups', lang, n=len(named) - k)}"
    return join_words(shown, lang)
