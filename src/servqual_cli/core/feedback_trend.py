"""The feedback register's trend: the twelve months up to ``as_of`` against the twelve before.

Counts: an exact Poisson rate test with the days covered as exposure (R ``poisson.test``), so a
leap year or a register that starts inside the earlier window is allowed for; Holm-adjusted
within types and within units. Reply share: Fisher's exact test, with Newcombe's interval of the
difference; days to reply: Mann-Whitney (:func:`~servqual_cli.core.periods.compare_periods`).

References
----------
.. [1] Przyborowski, J. & Wilenski, H. (1940). *Biometrika* 31, 313-323 (Poisson rates).
.. [2] Fisher, R. A. (1935). *JRSS* 98(1), 39-82.
.. [3] Holm, S. (1979). *Scand. J. Statist.* 6, 65-70.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.duration_summary import Statistic
from servqual_cli.core.durations import DurationFrame, Limit
from servqual_cli.core.inference import holm
from servqual_cli.core.periods import compare_periods
from servqual_cli.core.proportions import newcombe_diff_ci, poisson_rate_test
from servqual_cli.vocab.feedback import TYPES

__all__ = ["feedback_trend", "trend_windows"]


def trend_windows(first: pd.Timestamp, as_of: pd.Timestamp) -> dict[str, Any] | None:
    """The two twelve-month windows of the trend, dates inclusive; None if no earlier data."""
    end = as_of.normalize()
    year = pd.DateOffset(years=1)
    cur_start, prev_end = end - year + pd.Timedelta(days=1), end - year
    prev_start = max(end - 2 * year + pd.Timedelta(days=1), first.normalize())
    if prev_start > prev_end:
        return None

    def span(a: pd.Timestamp, b: pd.Timestamp) -> dict[str, Any]:
        return {"from": a.date().isoformat(), "to": b.date().isoformat(), "days": (b - a).days + 1}

    return {"current": span(cur_start, end), "previous": span(prev_start, prev_end)}


def feedback_trend(
    frame: pd.DataFrame,
    window: dict[str, Any],
    days: DurationFrame,
    within: DurationFrame,
    limit: Limit,
    contact: pd.Series,
    conf: float,
) -> pd.DataFrame:
    day = frame["received"].dt.normalize()
    cur, prev = window["current"], window["previous"]
    in_cur = day.between(pd.Timestamp(cur["from"]), pd.Timestamp(cur["to"]))
    in_prev = day.between(pd.Timestamp(prev["from"]), pd.Timestamp(prev["to"]))
    rows: list[dict[str, Any]] = []
    families = [
        ("total", pd.Series("all", index=frame.index), ["all"]),
        ("type", frame["type"], list(TYPES)),
        ("unit", frame["unit"], sorted(frame["unit"].unique())),
    ]
    for level, keys, order in families:  # three families; counts are vectorised below
        k_cur = keys[in_cur].value_counts().reindex(order, fill_value=0)
        k_prev = keys[in_prev].value_counts().reindex(order, fill_value=0)
        start = len(rows)
        for key in order:  # one exact test per type or unit (a handful), not per row
            a, b = int(k_cur[key]), int(k_prev[key])
            test = poisson_rate_test(a, cur["days"], b, prev["days"], conf) if a + b else None
            rows.append(
                {
                    "measure": "count",
                    "level": level,
                    "key": key,
                    "value": a,
                    "previous_value": b,
                    "n": a,
                    "n_previous": b,
                    "effect": "rate_ratio",
                    "estimate": np.nan if test is None else test.rate_ratio,
                    "ci_low": np.nan if test is None else test.ci_low,
                    "ci_high": np.nan if test is None else test.ci_high,
                    "p": np.nan if test is None else test.p,
                    "test": "poisson",
                }
            )
        ps = holm([r["p"] for r in rows[start:]])
        for r, adj in zip(rows[start:], ps, strict=True):
            r["p_holm"] = adj
    c_cur, c_prev = in_cur[contact].to_numpy(), in_prev[contact].to_numpy()
    pairs: list[tuple[str, DurationFrame, Statistic]] = [
        ("reply_within_promise", within, "share_within"),
        ("median_days_to_reply", days, "median"),
    ]
    for measure, durations, stat in pairs:
        before = DurationFrame(durations.frame[c_prev], durations.unit, durations.as_of)
        after = DurationFrame(durations.frame[c_cur], durations.unit, durations.as_of)
        c = compare_periods(before, after, stat, limit if stat == "share_within" else None, conf)
        low = high = np.nan
        if stat == "share_within" and c.before.n and c.after.n:
            low, high = newcombe_diff_ci(
                c.before.n_within or 0, c.before.n, c.after.n_within or 0, c.after.n, conf
            )
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
                "p": c.p,
                "p_holm": c.p,
                "test": c.test,
            }
        )
    out = pd.DataFrame(rows)
    # Counts stay whole numbers in JSON and CSV beside the shares and days of the reply rows.
    for column in ("value", "previous_value"):
        out[column] = pd.Series([r[column] for r in rows], dtype=object)
    return out
