"""The overview's small-base mark, "litet underlag, n = 29" / "small base, n = 29" (review 12a
finding 3), and, for a change whose earlier year is under ``min_n``, the years it names:
"litet underlag 2019, n = 6" (w-trend2, session 17: a change rests on both years, and the
overview marked a contact KPI by its latest year's n only).

The years are decided once (:func:`~servqual_cli.report.glance.small_periods`, the row's
``small_periods``); here they are only worded. Split from
:mod:`~servqual_cli.report.glance_table` (which re-exports :func:`small_mark`), at 397 lines.
"""

from __future__ import annotations

from servqual_cli.report.catalog import rl
from servqual_cli.report.config import MIN_N
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.spec import Glance, GlanceRow
from servqual_cli.report.word_lists import join_words

__all__ = ["small_change_note", "small_counts", "small_mark"]


def _n(n: int | None, lang: str) -> str:
    return "–" if n is None else fmt_int(n, lang)


def small_mark(row: GlanceRow, lang: str) -> str:
    """The mark beside a value on fewer than ``min_n`` answers, or beside a change whose
    earlier year (or both years) is under it, naming those years.

    >>> small_mark(GlanceRow("kpi", "A", "share", 0.14, n=29, small_base=True), "sv")
    'litet underlag, n = 29'
    >>> row = GlanceRow("contact_kpi", "A", "share", 0.5, n=54, small_base=True,
    ...                 small_periods=(("2019", 6),))
    >>> small_mark(row, "sv")
    'litet underlag 2019, n = 6'
    >>> small_mark(GlanceRow("contact_kpi", "A", "share", 0.5, n=8, small_base=True,
    ...                      small_periods=(("2019", 6), ("2020", 8))), "en")
    'small base 2019, n = 6 and 2020, n = 8'
    """
    if not row.small_periods:
        return f"{rl('g_small', lang)}, n = {_n(row.n, lang)}"
    years = [f"{period}, n = {_n(n, lang)}" for period, n in row.small_periods]
    return f"{rl('g_small', lang)} {join_words(years, lang)}"


def small_counts(row: GlanceRow, lang: str) -> str:
    """The n a small base rests on, for the plain paragraph's parentheses: "n = 29", or the
    years of a change on a small earlier year, "2019: n = 6; 2020: n = 8".

    >>> small_counts(GlanceRow("kpi", "A", "share", 0.14, n=29), "sv")
    'n = 29'
    >>> small_counts(GlanceRow("contact_kpi", "A", "share", 0.5, n=54,
    ...                        small_periods=(("2019", 6),)), "sv")
    '2019: n = 6'
    """
    if not row.small_periods:
        return f"n = {_n(row.n, lang)}"
    return "; ".join(f"{period}: n = {_n(n, lang)}" for period, n in row.small_periods)


def small_change_note(glance: Glance, lang: str) -> str:
    """The overview's sentence on a change small in its earlier year, with a leading space, when
    a row names one ("litet underlag 2019, n = 6"; w-trend2, s17), else "": one sentence for the
    table (:mod:`~servqual_cli.report.glance_table`) and the web page's cards (``html``), which
    each built it (session 18, a-small).

    >>> rows = (GlanceRow("contact_kpi", "A", "share", 0.5, n=54, small_base=True,
    ...                   small_periods=(("2019", 6),)),)
    >>> small_change_note(Glance("", rows, min_n=36), "en")[:52]
    ' A change rests on both years: when the earlier year'
    >>> small_change_note(Glance("", rows[:0]), "sv")
    ''
    """
    if not any(r.small_periods for r in glance.rows):
        return ""
    return " " + rl("too_few_change_note", lang, min_n=glance.min_n or MIN_N)
