"""What every row builder of "Resultat i korthet" shares: a number or None
(:func:`as_float`), a gap's verdict against expectations, the groups a verdict names, and the
significance level of the sections' own tests (see :mod:`~servqual_cli.report.glance_rows`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
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
    named: Sequence[tuple[float, str, str, int | str]],
    total: int,
    lang: str,
    k: int = 3,
    min_n: int | None = None,
    small: Collection[str] | None = None,
) -> str | None:
    """The groups a verdict names, in the order given, each with its value and n; "all 4
    groups" when every group of several is named ("both groups", "båda grupperna", when there
    are two: review 7 finding 8); at most ``k``, then "and 2 more".

    ``named``: (sort key, group, value text, n), already in the order to show. ``min_n``: a
    named group on fewer answers keeps its verdict (its own test settles it, as a KPI's interval
    does; f-kt's rule for a small base) but is marked "litet underlag" with its n, and "all 4
    groups" says which of the 4 it is (review 12b, finding 4: "alla 4 grupper" hid a group of
    12 answers that the heatmap and ``--split`` withhold). ``small``: the groups the caller's
    core marked a small base (:func:`~servqual_cli.core.small_samples.small_base`; an area's
    change is small when either year is), in place of ``min_n``; an n given as text ("12 → 35")
    is shown as it is (review 17 finding 14: the contact lead named an area on 7 contacts
    without the mark its table has).

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
    >>> groups_text([(0, "A", "1", 140), (0, "Simhall", "−1,99", 12), (0, "B", "1", 60)], 3,
    ...     "sv", min_n=30)
    'alla 3 grupper (Simhall: litet underlag, n\xa0=\xa012)'
    >>> groups_text([(0, "Simhall", "−1,99", 12)], 4, "en", min_n=30)
    'Simhall (−1,99, small base, n\xa0=\xa012)'
    >>> groups_text([(0, "förskola", "0,0 %", 7)], 0, "sv", small={"förskola"})
    'förskola (0,0 %, litet underlag, n\xa0=\xa07)'
    >>> groups_text([(0, g, "1", 50) for g in "abc"] + [(0, "d", "1", 9)], 6, "en", k=1,
    ...     min_n=30).replace("\xa0", " ")
    'a (1, n = 50) and 3 more (d: small base, n = 9)'
    """
    if not named:
        return None
    marked = (
        set(small)
        if small is not None
        else {g for _, g, _, n in named if min_n is not None and isinstance(n, int) and n < min_n}
    )
    flagged = [(g, n) for _, g, _, n in named if g in marked]
    marks = "; ".join(
        rl("p_group_small", lang, group=g, n=f"n{NBSP}={NBSP}{_n(n, lang)}") for g, n in flagged
    )
    if total == 2 and len(named) == 2:
        whole = rl("p_both_groups", lang)
        return f"{whole} ({marks})" if marks else whole
    if total > 2 and len(named) == total:
        whole = rl("p_all_groups", lang, n=total)
        return f"{whole} ({marks})" if marks else whole
    small_names = {g for g, _ in flagged}
    shown = [
        f"{g} ({v}, {rl('p_small_base', lang)}, n{NBSP}={NBSP}{_n(n, lang)})"
        if g in small_names
        else f"{g} ({v}, n{NBSP}={NBSP}{_n(n, lang)})"
        for _, g, v, n in named[:k]
    ]
    if len(named) > k:
        more = rl("p_more_groups", lang, n=len(named) - k)
        hidden = "; ".join(  # a small base among the groups not shown is still marked
            rl("p_group_small", lang, group=g, n=f"n{NBSP}={NBSP}{_n(n, lang)}")
            for _, g, _, n in named[k:]
            if g in small_names
        )
        more = f"{more} ({hidden})" if hidden else more
        return f"{', '.join(shown)} {rl('and', lang)} {more}"
    return join_words(shown, lang)


def _n(n: int | str, lang: str) -> str:
    """A group's n: a count formatted, a text ("12 → 35") as it is."""
    return n if isinstance(n, str) else fmt_int(n, lang)
