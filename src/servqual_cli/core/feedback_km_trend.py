"""The feedback trend's censored comparison of the days to reply (session 15, w-logrank): the
two windows' Kaplan-Meier curves, the unanswered counted as not answered at the window's end,
compared by the log-rank test.

The trend's other days-to-reply rows compare the answered items only, which can mislead exactly
when the unanswered share changes between the windows (fewer answers, but the quick ones
answered, reads as "faster"). This row compares the whole reply curves of every item with
contact details, on the basis of the reply table's headline days (Kaplan-Meier; the design and
the decision: /work/coord/s14/readme_w-fbkm.md).

Definitions
-----------
Basis
    Each window's items with contact details and a usable answer date, judged at **the window's
    own end** (:func:`~servqual_cli.core.feedback_trend.window_times`): an answer by the end is
    the event at its days from received, else the item is censored at its age at the end (an
    answer after it counts as none yet), closed or not. Both windows so have one follow-up rule.
Medians
    Each window's Kaplan-Meier median with its Brookmeyer-Crowley interval
    (:func:`~servqual_cli.core.time_to_event.km_quantiles`); NaN where the curve never comes down
    to one half (shown "> N", N the window's longest follow-up). Their difference (later -
    earlier) is descriptive, NaN when either is not reached.
Test
    The log-rank test (Mantel 1966; R ``survival::survdiff``, rho = 0) of the two curves,
    :func:`~servqual_cli.core.time_to_event.log_rank`, chi-square on 1 df.
Verdict
    The rule of every change verdict (:func:`~servqual_cli.core.change_verdict.verdict`) with
    the log-rank p and no interval: ``better`` or ``worse`` only when ``p < 1 - conf``, its
    direction the later window's observed minus expected replies (more replies than equal
    curves expect: faster, better); else ``no detectable change``. The row is a test of its
    own, in no Holm family (as the trend's other reply rows: ``p_holm`` equals ``p``).

References
----------
.. [1] Mantel, N. (1966). Evaluation of survival data and two new rank order statistics arising
   in its consideration. *Cancer Chemotherapy Reports* 50(3), 163-170.
.. [2] Brookmeyer, R. & Crowley, J. (1982). *Biometrics* 38(1), 29-41.
.. [3] Therneau, T. M. (2024). *survival*, R package, ``survdiff`` and ``survfit``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.change_verdict import verdict
from servqual_cli.core.feedback_trend import window_times
from servqual_cli.core.time_to_event import LogRank, QuantileTime, km_quantiles, log_rank

__all__ = ["KmTrend", "KmWindow", "km_trend"]

#: the trend row's ``measure``, ``effect`` and ``test`` (JSON ``trend[]``)
MEASURE = "km_days_to_reply"


@dataclass(frozen=True)
class KmWindow:
    """One window's Kaplan-Meier days to reply: ``n`` items (``n_answered`` answered by the
    window's end), the median (NaN when not reached) with its interval, and the longest
    follow-up in days (the N of "> N")."""

    start: str
    end: str
    n: int
    n_answered: int
    median: float
    median_ci_low: float
    median_ci_high: float
    follow_up: float

    @classmethod
    def of(cls, span: dict[str, Any], q: QuantileTime) -> KmWindow:
        return cls(str(span["from"]), str(span["to"]), q.n, q.n_events, q.value, q.ci_low,
                   q.ci_high, q.follow_up)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """JSON: ``from``, ``to``, ``n``, ``n_answered``, ``km_median_days`` and its
        ``km_median_ci_low``/``km_median_ci_high`` (null where not reached),
        ``km_follow_up_days``, the names of the reply table's fields."""
        return {"from": self.start, "to": self.end, "n": self.n, "n_answered": self.n_answered,
                "km_median_days": self.median, "km_median_ci_low": self.median_ci_low,
                "km_median_ci_high": self.median_ci_high,
                "km_follow_up_days": self.follow_up}  # fmt: skip


@dataclass(frozen=True)
class KmTrend:
    """The log-rank comparison of the two windows (module docstring)."""

    previous: KmWindow
    current: KmWindow
    test: LogRank
    conf: float
    verdict: str

    @property
    def difference(self) -> float:
        """Later minus earlier median; NaN when either is not reached."""
        return self.current.median - self.previous.median

    def row(self) -> dict[str, Any]:
        """The trend frame's row (the columns of the other trend rows and ``verdict``)."""
        return {
            "measure": MEASURE,
            "level": "reply",
            "key": None,
            "value": self.current.median,
            "previous_value": self.previous.median,
            "n": self.current.n,
            "n_previous": self.previous.n,
            "effect": "log_rank",
            "estimate": self.difference,
            "ci_low": math.nan,
            "ci_high": math.nan,
            "p": self.test.p,
            "p_holm": self.test.p,  # a test of its own, in no Holm family
            "test": "log-rank",
            "verdict": self.verdict,
        }

    def to_long(self) -> pd.DataFrame:
        """CSV section ``trend_km``: each window's figures (``period`` its dates) and the
        test's (``period`` empty), one statistic a row, as :meth:`to_dict` names them.

        >>> from servqual_cli.core.time_to_event import LogRank
        >>> w = KmWindow("2024-01-01", "2024-12-31", 3, 2, 4.0, 2.0, math.nan, 300.0)
        >>> k = KmTrend(w, w, LogRank((3, 3), (2, 2), (2.0, 2.0), 1.0, 0.0, 1.0), 0.95, "x")
        >>> long = k.to_long()
        >>> long["period"][0], long["statistic"].tolist()[:3], long["statistic"].tolist()[14]
        ('2024-01-01–2024-12-31', ['n', 'n_answered', 'km_median_days'], 'chi2')
        """
        rows = []
        for window in (self.previous, self.current):  # two windows
            facts = window.to_dict()
            period = f"{facts.pop('from')}–{facts.pop('to')}"
            rows += [(period, k, v) for k, v in facts.items()]
        test = self.to_dict()
        for key in ("median_difference", "test", "chi2", "df", "p", "variance", "verdict"):
            rows.append(("", key, test[key]))
        for i, name in enumerate(("previous", "current")):
            rows.append(("", f"observed_{name}", test["observed"][i]))
            rows.append(("", f"expected_{name}", test["expected"][i]))
        out = pd.DataFrame(rows, columns=["period", "statistic", "value"], dtype=object)
        out.insert(0, "section", "trend_km")
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON ``trend_km``: the basis, the two windows, and the test's facts (R survdiff's
        ``n``, ``obs``, ``exp``, ``var``, ``chisq``: the later window is the second)."""
        t = self.test
        return {
            "basis": "kaplan-meier, unanswered censored at the window's end",
            "previous": self.previous.to_dict(),
            "current": self.current.to_dict(),
            "median_difference": self.difference,
            "test": "log-rank",
            "chi2": t.chi2,
            "df": 1,
            "p": t.p,
            "observed": list(t.observed),
            "expected": list(t.expected),
            "variance": t.variance,
            "conf": self.conf,
            "verdict": self.verdict,
        }


def km_trend(
    received: pd.Series, answered: pd.Series, window: dict[str, Any], conf: float
) -> KmTrend:
    """The two windows of ``window`` (:func:`~servqual_cli.core.feedback_trend.trend_windows`)
    compared on the items with contact details (``received``, ``answered``: theirs only).

    Five items a window, one unanswered in each (R: survdiff chi-square 0.4168, medians 8
    and 3, survfit):

    >>> got = pd.Series(pd.to_datetime(["2023-03-01"] * 5 + ["2024-03-01"] * 5))
    >>> ans = pd.Series(pd.to_datetime(["2023-03-03", "2023-03-05", "2023-03-09", "2023-03-10",
    ...     None, "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-06", None]))
    >>> w = {"previous": {"from": "2023-01-01", "to": "2023-12-31"},
    ...      "current": {"from": "2024-01-01", "to": "2024-12-31"}}
    >>> k = km_trend(got, ans, w, 0.95)
    >>> k.previous.median, k.current.median, k.difference, k.verdict
    (8.0, 3.0, -5.0, 'no detectable change')
    >>> k.test.observed, round(k.test.chi2, 4), k.current.follow_up
    ((4, 4), 0.4168, 305.0)
    """
    spans = (window["previous"], window["current"])
    times = [window_times(received, answered, span) for span in spans]
    medians = [km_quantiles(t, e, (0.5,), conf)[0] for t, e in times]
    time = np.concatenate([t for t, _ in times])
    event = np.concatenate([e for _, e in times])
    later = np.repeat([False, True], [t.size for t, _ in times])
    test = log_rank(time, event, later)
    # faster in the later window: more replies there than equal curves expect (O - E > 0)
    faster = test.observed[1] - test.expected[1]
    word = verdict(faster, test.p, 1, 1.0 - conf)  # a NaN p (no event): no detectable change
    return KmTrend(KmWindow.of(spans[0], medians[0]), KmWindow.of(spans[1], medians[1]), test,
                   conf, word)  # fmt: skip
