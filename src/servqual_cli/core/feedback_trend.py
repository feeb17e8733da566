"""The feedback register's trend: the twelve months up to ``as_of`` against the twelve before
(the same months a year apart when the register starts inside the earlier twelve months).

Counts: an exact Poisson rate test with the days covered as exposure (R ``poisson.test``), so a
leap year or a register that starts inside the earlier window is allowed for; Holm-adjusted
within types and within units. Reply share: Fisher's exact test, with Newcombe's interval of the
difference. Days to reply: the two medians and their difference, descriptive (no test of the
medians), and on a row of its own the Hodges-Lehmann shift with the interval of the
Mann-Whitney test, whose p it carries (review 7, finding 5: a Mann-Whitney p judges the shift,
not the medians' difference; as ``kpi`` and ``trend``, :mod:`~servqual_cli.core.location_shift`,
R ``wilcox.test(after, before, conf.int = TRUE, exact = FALSE)``). Those compare the answered
items only; the last row compares the days to reply of every item with contact details, the
unanswered censored at the window's end, by the log-rank test
(:mod:`~servqual_cli.core.feedback_km_trend`, session 15).

The share within the promise keeps only the items that had the whole promise before ``as_of``
(the equal-follow-up rule), so its later window ends early (17 December on the sample); its
earlier window is then cut at the same calendar point by the KPI's own rule
(:func:`reply_window`, :func:`~servqual_cli.core.kpi_durations.matched_window`, review 10a
finding 4), so ``feedback`` and ``kpi`` give one change for one promise. The days to reply do
not use the rule (answered items only, every window whole): they keep both windows.

References
----------
.. [1] Przyborowski, J. & Wilenski, H. (1940). *Biometrika* 31, 313-323 (Poisson rates).
.. [2] Fisher, R. A. (1935). *JRSS* 98(1), 39-82.
.. [3] Holm, S. (1979). *Scand. J. Statist.* 6, 65-70.
.. [4] Hodges, J. L. & Lehmann, E. L. (1963). *Ann. Math. Statist.* 34(2), 598-611.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.change_verdict import verdict
from servqual_cli.core.duration_summary import Statistic
from servqual_cli.core.durations import DurationFrame, Limit, case_durations
from servqual_cli.core.exact_tests import poisson_rate_test
from servqual_cli.core.feedback_reply import reply_times
from servqual_cli.core.inference import holm
from servqual_cli.core.kpi_durations import matched_window
from servqual_cli.core.location_shift import hodges_lehmann
from servqual_cli.core.period_windows import MatchedWindows
from servqual_cli.core.periods import compare_periods
from servqual_cli.core.proportions import newcombe_diff_ci
from servqual_cli.core.ranktests import mann_whitney
from servqual_cli.vocab.feedback import TYPES

__all__ = ["feedback_trend", "reply_window", "trend_windows", "window_times"]


def trend_windows(first: pd.Timestamp, as_of: pd.Timestamp) -> dict[str, Any] | None:
    """The two twelve-month windows of the trend, dates inclusive; None if no earlier data.

    When the register starts inside the earlier twelve months, both windows are cut to the
    same calendar months (``same_months``: from the first date's month-day a year apart to
    ``as_of``): a half year with the winter peak against a whole year compares seasons, and
    its counts read as a doubling (review 4, finding 5).

    >>> w = trend_windows(pd.Timestamp("2023-01-01"), pd.Timestamp("2024-06-30"))
    >>> w["previous"], w["current"]["from"], w["same_months"]
    ({'from': '2023-01-01', 'to': '2023-06-30', 'days': 181}, '2024-01-01', True)
    >>> trend_windows(pd.Timestamp("2022-01-01"), pd.Timestamp("2024-06-30"))["same_months"]
    False
    """
    end = as_of.normalize()
    year = pd.DateOffset(years=1)
    cur_start, prev_end = end - year + pd.Timedelta(days=1), end - year
    prev_start = end - 2 * year + pd.Timedelta(days=1)
    same_months = first.normalize() > prev_start
    if same_months:  # the register starts later: the same months a year apart
        prev_start = first.normalize()
        cur_start = prev_start + year
    if prev_start > prev_end:
        return None

    def span(a: pd.Timestamp, b: pd.Timestamp) -> dict[str, Any]:
        return {"from": a.date().isoformat(), "to": b.date().isoformat(), "days": (b - a).days + 1}

    return {"current": span(cur_start, end), "previous": span(prev_start, prev_end),
            "same_months": bool(same_months)}  # fmt: skip


def _window_name(span: dict[str, Any]) -> str:
    """A window's name: its year when it is one calendar year, else its two dates."""
    year = span["from"][:4]
    if span["from"] == f"{year}-01-01" and span["to"] == f"{year}-12-31":
        return year
    return f"{span['from']}–{span['to']}"


def reply_window(
    received: pd.Series,
    within: DurationFrame,
    window: dict[str, Any],
    as_of: pd.Timestamp,
    length: float,
) -> tuple[np.ndarray, MatchedWindows | None]:
    """The earlier window of the share within the promise, cut where the equal-follow-up rule
    cut the later one (module docstring): the mask of the items with contact details the
    share may compare (only earlier-window items are ever removed) and the two windows, None
    when the later window was not cut short. ``within`` is the share's durations (items too
    young already not valid), ``length`` the promise in its engine unit.

    >>> from servqual_cli.core.durations import case_durations
    >>> got = pd.Series(pd.to_datetime(["2023-01-01", "2023-12-20", "2024-03-01",
    ...                                 "2024-12-20"]))
    >>> d = case_durations(got, got + pd.Timedelta(days=3), "days", pd.Timestamp("2024-12-31"))
    >>> w = trend_windows(got.min(), pd.Timestamp("2024-12-31"))
    >>> keep, m = reply_window(got, d, w, pd.Timestamp("2024-12-31"), 14.0)
    >>> keep.tolist(), (m.previous_period, m.previous_end, m.end, m.n_previous_left_out)
    ([True, False, True, True], ('2023', '2023-12-17', '2024-12-17', 1))
    """
    cur, prev = window["current"], window["previous"]
    day = received.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    in_prev = (day >= np.datetime64(prev["from"])) & (day <= np.datetime64(prev["to"]))
    in_cur = (day >= np.datetime64(cur["from"])) & (day <= np.datetime64(cur["to"]))
    names = [_window_name(prev), _window_name(cur)]
    labels = pd.Series(np.where(in_prev, names[0], np.where(in_cur, names[1], "")))
    frame = pd.DataFrame(
        {"start": received.to_numpy(), "valid": within.frame["valid"].to_numpy(dtype=bool)}
    )
    spans = (
        pd.date_range(prev["from"], prev["to"], freq="D"),
        pd.date_range(cur["from"], cur["to"], freq="D"),
        12,  # the trend's windows are always a year apart (trend_windows)
    )
    durations = DurationFrame(frame, within.unit, within.as_of)
    return matched_window(durations, labels, names, "year", as_of, length, spans)


def feedback_trend(
    frame: pd.DataFrame,
    window: dict[str, Any],
    days: DurationFrame,
    within: DurationFrame,
    limit: Limit,
    contact: pd.Series,
    conf: float,
    keys: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
    share_keep: np.ndarray | None = None,
    km_row: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """The trend rows of ``servqual feedback`` (module docstring).

    ``km_row`` is the log-rank row of the days to reply with the unanswered censored
    (:meth:`~servqual_cli.core.feedback_km_trend.KmTrend.row`), last. Each reply row carries
    its ``verdict`` (:func:`~servqual_cli.core.change_verdict.verdict`, ``1 - conf``, test and
    interval agreeing): the share (higher is better), the shift (fewer days is better); the
    untested medians and the counts (more items is not worse by itself) none.

    ``share_keep`` (over the items with contact details, from :func:`reply_window`) leaves
    the earlier window's items after its matched end out of the share within the promise.

    ``keys`` may give the type and unit columns already as codes and labels (``labels[codes]``
    are the values, code -1 missing), as the analysis has them; else they are factorized here.
    """
    received = frame["received"].to_numpy(dtype="datetime64[ns]")
    day = received.astype("datetime64[D]")  # the calendar date of a naive local time
    cur, prev = window["current"], window["previous"]
    in_cur = (day >= np.datetime64(cur["from"])) & (day <= np.datetime64(cur["to"]))
    in_prev = (day >= np.datetime64(prev["from"])) & (day <= np.datetime64(prev["to"]))
    rows: list[dict[str, Any]] = []
    coded = dict(keys or {})
    for column in ("type", "unit"):
        if column not in coded:
            codes, labels = pd.factorize(frame[column].to_numpy(dtype=object))
            coded[column] = (codes, np.asarray(labels, dtype=object))
    unit_labels = coded["unit"][1]
    families = [
        ("total", (np.zeros(len(frame), dtype=np.int64), np.array(["all"], dtype=object)), ["all"]),
        ("type", coded["type"], list(TYPES)),
        ("unit", coded["unit"], sorted(unit_labels[pd.notna(unit_labels)])),
    ]
    for level, (codes, labels), order in families:  # three families, counts by bincount
        position = {label: i for i, label in enumerate(labels.tolist())}
        known = codes >= 0
        n_cur = np.bincount(codes[known & in_cur], minlength=len(labels))
        n_prev = np.bincount(codes[known & in_prev], minlength=len(labels))
        k_cur = {key: int(n_cur[position[key]]) if key in position else 0 for key in order}
        k_prev = {key: int(n_prev[position[key]]) if key in position else 0 for key in order}
        start = len(rows)
        for key in order:  # one exact test per type or unit (a handful), not per row
            a, b = int(k_cur[key]), int(k_prev[key])
            reason = _not_compared(level, a, b)
            test = None if reason else poisson_rate_test(a, cur["days"], b, prev["days"], conf)
            rows.append(
                {
                    "measure": "count",
                    "level": level,
                    "key": key,
                    "value": a,
                    "previous_value": b,
                    "n": a,
                    "n_previous": b,
                    # review 12a finding 1: whether the rate test was made, and why not
                    "compared": reason is None,
                    "reason": reason,
                    "effect": "rate_ratio",
                    "estimate": np.nan if test is None else test.rate_ratio,
                    "ci_low": np.nan if test is None else test.ci_low,
                    "ci_high": np.nan if test is None else test.ci_high,
                    "p": np.nan if test is None else test.p,
                    "test": "poisson",
                    "p_holm": np.nan,  # set below, within its family
                    "verdict": None,
                }
            )
        ps = holm([r["p"] for r in rows[start:]])
        for r, adj in zip(rows[start:], ps, strict=True):
            r["p_holm"] = adj
    reply = contact.to_numpy(dtype=bool)
    c_cur, c_prev = in_cur[reply], in_prev[reply]
    pairs: list[tuple[str, DurationFrame, Statistic]] = [
        ("reply_within_promise", within, "share_within"),
        ("median_days_to_reply", days, "median"),
    ]
    for measure, durations, stat in pairs:
        keep = c_prev
        if stat == "share_within" and share_keep is not None:
            keep = c_prev & share_keep
        before = DurationFrame(durations.frame[keep], durations.unit, durations.as_of)
        after = DurationFrame(durations.frame[c_cur], durations.unit, durations.as_of)
        c = compare_periods(before, after, stat, limit if stat == "share_within" else None, conf)
        low = high = np.nan
        p = c.p
        if stat == "share_within" and c.before.n and c.after.n:
            low, high = newcombe_diff_ci(
                c.before.n_within or 0, c.before.n, c.after.n_within or 0, c.after.n, conf
            )
        if stat == "median":  # the medians are descriptive; the test judges the shift below
            p = np.nan
        rows.append(
            {
                "measure": measure,
                "level": "reply",
                "key": None,
                "value": c.after.value,
                "previous_value": c.before.value,
                "n": c.after.n,
                "n_previous": c.before.n,
                "effect": "difference",
                "estimate": c.diff,
                "ci_low": low,
                "ci_high": high,
                "p": p,
                "p_holm": p,
                "test": c.test if stat == "share_within" else None,
                "verdict": verdict(c.diff, p, 1, 1.0 - conf, low, high)
                if stat == "share_within"
                else None,
            }
        )
    rows.append(_shift_row(days, c_prev, c_cur, conf))
    if km_row is not None:
        rows.append(km_row)
    out = pd.DataFrame(rows)
    # Counts stay whole numbers in JSON and CSV beside the shares and days of the reply rows.
    for column in ("value", "previous_value"):
        out[column] = pd.Series([r[column] for r in rows], dtype=object)
    return out


def _not_compared(level: str, n_current: int, n_previous: int) -> str | None:
    """Why a type's or unit's counts get no rate test, None when they get one.

    A type or unit with no item in one window and some in the other is not compared (review
    12a, finding 1): its ratio is 0 or infinite by construction, and the usual cause is a unit
    renamed or reorganised (or a type taken into use) between the windows, not a change in
    feedback; left in, its tiny p would also raise every other unit's Holm-adjusted p. Only
    the clear case, zero in one window, is caught: any other small count is tested as it is.
    The total is always compared (the windows end at the last item received, so the later one
    is never empty for lack of data).

    >>> _not_compared("unit", 0, 149), _not_compared("unit", 143, 0), _not_compared("type", 0, 0)
    ('none_current', 'none_previous', 'none')
    >>> _not_compared("unit", 1, 149) is None, _not_compared("total", 0, 5) is None
    (True, True)
    >>> _not_compared("total", 0, 0)
    'none'
    """
    if n_current == n_previous == 0:  # no item in either window: nothing to test
        return "none"
    if level == "total" or (n_current > 0 and n_previous > 0):
        return None
    return "none_current" if n_current == 0 else "none_previous"


def _closed(durations: DurationFrame, keep: np.ndarray) -> np.ndarray:
    """The durations of the answered items among ``keep`` (valid and not open)."""
    f = durations.frame
    mask = keep & f["valid"].to_numpy(dtype=bool) & ~f["open"].to_numpy(dtype=bool)
    return f["duration"].to_numpy(dtype=float)[mask]


def _shift_row(
    days: DurationFrame, c_prev: np.ndarray, c_cur: np.ndarray, conf: float
) -> dict[str, Any]:
    """The Hodges-Lehmann shift of the days to reply, later - earlier window, with the
    Mann-Whitney interval and p (normal approximation with ties and continuity correction,
    the one the interval inverts, so the interval excludes 0 exactly when p < 1 - conf, as
    :func:`~servqual_cli.core.kpi_results.time_change`)."""
    before, after = _closed(days, c_prev), _closed(days, c_cur)
    shift = hodges_lehmann(before, after, conf)
    p = mann_whitney(after, before, exact=False).p if before.size and after.size else np.nan
    shift_verdict = verdict(shift.estimate, p, -1, 1.0 - conf, shift.ci_low, shift.ci_high)
    return {
        "measure": "shift_days_to_reply",
        "level": "reply",
        "key": None,
        "value": np.nan,
        "previous_value": np.nan,
        "n": int(after.size),
        "n_previous": int(before.size),
        "effect": "hodges_lehmann_shift",
        "estimate": shift.estimate,
        "ci_low": shift.ci_low,
        "ci_high": shift.ci_high,
        "p": p,
        "p_holm": p,
        "test": "mann-whitney",
        "verdict": shift_verdict,
    }


def window_times(
    received: pd.Series, answered: pd.Series, span: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    """Days to reply of the items received in ``span`` (a window of :func:`trend_windows`),
    each judged at the window's own end, for comparing two windows' Kaplan-Meier curves with
    equal rules (session 14, w-fbkm; the trend's log-rank row since session 15,
    :mod:`~servqual_cli.core.feedback_km_trend`):
    an answer by the end is the event, else the item is censored at its age at the end (an
    answer after it is not yet given then), the reply table's rule
    (:func:`~servqual_cli.core.feedback_reply.reply_times`) with the window's end as the as-of
    date. Items outside the window and those without a valid timing are NaN (left out).

    >>> got = pd.Series(pd.to_datetime(["2023-12-20", "2023-12-01", "2024-01-02"]))
    >>> ans = pd.Series(pd.to_datetime(["2024-01-05", "2023-12-04", "2024-01-03"]))
    >>> t, e = window_times(got, ans, {"from": "2023-01-01", "to": "2023-12-31"})
    >>> t.tolist(), e.tolist()
    ([11.0, 3.0, nan], [False, True, False])
    """
    end = pd.Timestamp(span["to"])
    day = received.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    inside = (day >= np.datetime64(span["from"])) & (day <= np.datetime64(span["to"]))
    # the end of the window's last day: an answer that day is given by the end, a later one
    # is still pending then (case_durations marks it open at its as-of date)
    close = end + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    days = case_durations(received, answered, "days", close)
    time, event = reply_times(days, received, close)
    return np.where(inside, time, np.nan), event & inside
