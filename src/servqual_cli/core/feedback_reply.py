"""The feedback register's reply figures, split from :mod:`servqual_cli.core.feedback` (moves
only, session 14): :class:`ReplyStats`, the reply table over every item with contact details and
per unit (:func:`reply_figures`), and each item's days to reply with the unanswered censored for
the Kaplan-Meier quantiles (:func:`reply_times`). The definitions (days to reply, within the
promise, the censoring rule) are in :mod:`servqual_cli.core.feedback`'s docstring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.duration_summary import summarise_durations
from servqual_cli.core.durations import DurationFrame, Limit, case_durations, measuring_unit
from servqual_cli.core.feedback_backlog import past_promise
from servqual_cli.core.feedback_counts import CodedKeys
from servqual_cli.core.kpi_durations import equal_follow_up
from servqual_cli.core.periods import summarise_by
from servqual_cli.core.results import plain
from servqual_cli.core.time_to_event import km_quantiles, km_quantiles_by

__all__ = ["ReplyStats", "reply_figures", "reply_times", "slim"]


@dataclass(frozen=True)
class ReplyStats:
    """Reply figures among items with contact details (see :mod:`servqual_cli.core.feedback`)."""

    n_with_contact: int
    n_answered: int
    median_days: float
    p90_days: float
    median_ci_low: float
    median_ci_high: float
    within_promise: int
    n_decided: int
    n_undecided: int
    within_promise_share: float
    ci_low: float
    ci_high: float
    promise: str
    n_too_recent: int = 0  # received less than the promise before as_of: not in the share
    n_too_recent_open: int = 0  # of them, still unanswered at as_of
    # the decided items with no reply at as_of (past the promise), closed or not: n_decided is
    # the answered decided ones plus these, and the backlog's n_unanswered_overdue sums to it
    n_unanswered_overdue: int = 0
    # days to reply over every timed item, the unanswered censored (module docstring)
    n_timed: int = 0
    n_unanswered: int = 0
    km_median_days: float = float("nan")
    km_p90_days: float = float("nan")  # NaN: not reached, later than km_follow_up_days
    km_follow_up_days: float = float("nan")
    # their intervals at conf (module docstring); a NaN upper limit is not reached
    km_median_ci_low: float = float("nan")
    km_median_ci_high: float = float("nan")
    km_p90_ci_low: float = float("nan")
    km_p90_ci_high: float = float("nan")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain(dict(self.__dict__))
        return out


def slim(d: DurationFrame, units: CodedKeys | None = None) -> DurationFrame:
    """The columns the summaries read (and the unit's sorted code as ``group``): every
    grouping and split below then copies four numbers per case, not the whole frame."""
    frame = d.frame[["duration", "open", "censored_at_as_of", "valid"]]
    if units is not None:
        rank = np.empty(len(units.labels), dtype=np.int64)
        rank[units.sorted_order()] = np.arange(len(units.labels))
        frame = frame.assign(group=rank[units.codes])
    return DurationFrame(frame, d.unit, d.as_of)


def reply_figures(
    contact: pd.DataFrame, promise: Limit, as_of: pd.Timestamp, conf: float
) -> tuple[ReplyStats, pd.DataFrame, DurationFrame, DurationFrame, Limit]:
    unit, limit, _ = measuring_unit(promise.unit, promise, contact["received"])
    if limit is None:  # not user input: an invariant of the caller
        raise RuntimeError("internal: limit is missing")
    # The unit as its rank among the sorted unit names: groups come out in the order of the
    # names, and summarise_by's own "unit" column (of durations) is not hidden.
    units = CodedKeys.of(contact["unit"])
    names = pd.Index(units.labels[units.sorted_order()], dtype="str")
    days = slim(case_durations(contact["received"], contact["answered"], "days", as_of), units)
    within = case_durations(contact["received"], contact["answered"], unit, as_of)
    # equal follow-up (review 4 finding 10): items younger than the promise at as_of are left
    # out of the share (marked not valid, so every count, period and unit leaves them out)
    keep, follow = equal_follow_up(within, contact["received"], as_of,
                                   ("limit", float(promise.value), float(limit.value)))  # fmt: skip
    if follow is not None:
        f = within.frame
        within = DurationFrame(f.assign(valid=f["valid"].to_numpy(dtype=bool) & keep),
                               within.unit, within.as_of)  # fmt: skip
    within = slim(within, units)
    late = past_promise(within, limit)
    time, answered = reply_times(days, contact["received"], as_of)
    km = km_quantiles(time, answered, conf=conf)
    med = summarise_durations(days, "median", conf=conf)
    p90 = summarise_durations(days, "p90", conf=conf)
    share = summarise_durations(within, "share_within", limit, conf)
    stats = ReplyStats(
        n_with_contact=len(contact),
        n_answered=med.n,
        median_days=med.value,
        p90_days=p90.value,
        median_ci_low=med.ci_low,
        median_ci_high=med.ci_high,
        within_promise=int(share.n_within or 0),
        n_decided=share.n,
        n_undecided=int(share.n_undecided or 0),
        within_promise_share=share.value,
        ci_low=share.ci_low,
        ci_high=share.ci_high,
        promise=promise.text,
        n_too_recent=0 if follow is None else follow.n_total - follow.n_kept,
        n_too_recent_open=0 if follow is None else follow.n_open_left_out,
        n_unanswered_overdue=int(late.sum()),
        n_timed=km[0].n,
        n_unanswered=km[0].n - km[0].n_events,
        km_median_days=km[0].value,
        km_p90_days=km[1].value,
        km_follow_up_days=km[0].follow_up,
        km_median_ci_low=km[0].ci_low,
        km_median_ci_high=km[0].ci_high,
        km_p90_ci_low=km[1].ci_low,
        km_p90_ci_high=km[1].ci_high,
    )

    def by_group(summary: pd.DataFrame) -> pd.DataFrame:
        groups = summary[summary["level"] == "group"]
        return groups.set_index(names[groups["group"].to_numpy(dtype=np.int64)])

    parts = [by_group(summarise_by(days, ["group"], s)) for s in ("median", "p90")]
    shares = by_group(summarise_by(within, ["group"], "share_within", limit, conf))
    group = days.frame["group"].to_numpy(dtype=np.int64)
    kms = km_quantiles_by(time, answered, group, len(names), conf=conf)
    by_unit = (
        pd.DataFrame(
            {
                "n_with_contact": pd.Series(units.counts()[units.sorted_order()], index=names),
                "n_answered": parts[0]["n"],
                "median_days": parts[0]["value"],
                "p90_days": parts[1]["value"],
                "within_promise": shares["n_within"],
                "n_decided": shares["n"],
                "within_promise_share": shares["value"],
                "ci_low": shares["ci_low"],
                "ci_high": shares["ci_high"],
                "n_unanswered": pd.Series([g[0].n - g[0].n_events for g in kms], index=names),
                "km_median_days": pd.Series([g[0].value for g in kms], index=names),
                "km_p90_days": pd.Series([g[1].value for g in kms], index=names),
                "km_follow_up_days": pd.Series([g[0].follow_up for g in kms], index=names),
                **{
                    f"km_{name}_ci_{side}": pd.Series(
                        [getattr(g[i], f"ci_{side}") for g in kms], index=names
                    )
                    for i, name in enumerate(("median", "p90"))
                    for side in ("low", "high")
                },
            }
        )
        .rename_axis("unit")
        .reset_index()
    )
    by_unit = by_unit.sort_values("within_promise_share", kind="stable").reset_index(drop=True)
    return stats, by_unit, days, within, limit


def reply_times(
    days: DurationFrame, received: pd.Series, as_of: pd.Timestamp
) -> tuple[np.ndarray, np.ndarray]:
    """Each item's days to reply and whether it was answered, for the Kaplan-Meier quantiles: an
    unanswered item (closed or not) is censored at the calendar days from its date received to
    the as-of date, the days an answer on that date would have counted; NaN for an item
    without a valid timing (left out)."""
    f = days.frame
    answered = (f["valid"] & ~f["open"]).to_numpy(dtype=bool)
    dates = received.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    age = (np.datetime64(as_of.date(), "D") - dates).astype(np.int64).astype(float)
    unanswered = (f["valid"] & f["open"]).to_numpy(dtype=bool)
    time = np.where(answered, f["duration"].to_numpy(dtype=float), np.nan)
    time[unanswered] = np.maximum(age[unanswered], 0.0)
    return time, answered
