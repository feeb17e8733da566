"""The reply trend's log-rank row (session 15, w-logrank), split from
:mod:`~servqual_cli.report.feedback_sections`: the two windows' Kaplan-Meier medians as cells
("> N" where a curve never comes down to one half, as the reply tables show it), and the note
naming the row's basis, its test and the rows' family. The figures are
:mod:`~servqual_cli.core.feedback_km_trend`'s; nothing is computed here.

The rows' verdicts (core, JSON ``trend[].verdict``, CSV) are not a table column: a change a
table judges better or worse must be named in the report's overview (review 8, finding 4;
tests/report/test_glance_every_change.py), and the feedback reply trend has no overview rows
yet (session 15 left that out)."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.feedback import FeedbackAnalysis
from servqual_cli.core.feedback_km_trend import MEASURE, KmTrend
from servqual_cli.report.feedback_reply import not_reached
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.service_labels import sl

__all__ = ["km_cells", "km_facts", "trend_reply_note"]


def km_cells(
    reply: pd.DataFrame, values: list[float], km: KmTrend | None, previous: bool, lang: str
) -> list[object]:
    """``values`` (a reply trend column, a row each) with the log-rank row's median shown
    "> N" where its window's curve never reaches one half (N that window's longest
    follow-up, in days), never a number that reads as the median."""
    if km is None:
        return list(values)
    window = km.previous if previous else km.current
    out: list[object] = list(values)
    for i, measure in enumerate(reply["measure"].tolist()):  # a handful of reply rows
        if measure == MEASURE:
            cell = pd.Series([values[i]])
            out[i] = not_reached(cell, pd.Series([window.follow_up]), lang)[0]
    return out


def km_facts(km: KmTrend, n_previous: str, n: str, lang: str) -> str:
    """The row's n and chi-square, "n = 967 → 1 005; χ² = 27,5" ("–" when there is none).

    >>> from servqual_cli.core.feedback_km_trend import km_trend
    >>> got = pd.Series(pd.to_datetime(["2023-03-01", "2024-03-01"]))
    >>> w = {"previous": {"from": "2023-01-01", "to": "2023-12-31"},
    ...      "current": {"from": "2024-01-01", "to": "2024-12-31"}}
    >>> km_facts(km_trend(got, pd.Series([pd.NaT, pd.NaT]), w, 0.95), "1", "1", "sv")
    'n = 1 → 1; χ² = –'
    """
    chi2 = km.test.chi2
    text = "–" if pd.isna(chi2) else fmt_number(float(chi2), lang, 1)
    counts = sl("answered_n", lang).format(previous=n_previous, current=n)
    return f"{counts}; {sl('km_chi2', lang).format(chi2=text)}"


def trend_reply_note(a: FeedbackAnalysis, lang: str) -> str:
    """The sentences the reply rows add to the trend's note: the answered-only basis of two
    rows, the log-rank row's basis and test (when it is there) and the family (none: p (Holm)
    is p)."""
    parts = [sl("trend_answered_note", lang)]
    km = a.trend_km
    if km is not None:
        parts.append(
            sl("trend_km_note", lang).format(
                n_previous=fmt_int(km.previous.n, lang),
                n=fmt_int(km.current.n, lang),
                previous_end=km.previous.end,
                end=km.current.end,
            )
        )
    parts.append(sl("trend_family_note", lang))
    return " ".join(parts)
