"""The feedback register (synpunktshantering): counts, reply times, backlog and trend.

Every item counts in the counts, the backlog and the trend of counts, also one whose answer or
closing date lies before its date received (the loader logs that cell as "end before start"):
the case engine marks that duration invalid, so the item is neither answered, decided nor open
in the reply figures and the backlog, but it is still an item received. The reply figures use
only items whose sender left contact details: an anonymous item gets no reply, so it is neither
answered nor late (the service policy: anonymous feedback is handled as seriously, and answered
where contact details were left).

Definitions
-----------
Days to reply
    Calendar days from received to answered, as the case engine counts them
    (:func:`~servqual_cli.core.durations.case_durations`). ``km_median_days`` and
    ``km_p90_days`` speak of every timed item with contact details (review 10a, finding 1): an
    item without a reply at ``as_of`` is censored at the calendar days from its date received
    to the as-of date (an answer that day would have taken that long), closed or not: closing
    without a reply is no answer, the backlog's rule. Kaplan-Meier quantiles
    (:mod:`~servqual_cli.core.time_to_event`); one the curve does not reach is NaN, later than
    ``km_follow_up_days``. Each has its interval at ``conf`` (``km_median_ci_low`` ...
    ``km_p90_ci_high``): Brookmeyer-Crowley from the curve's pointwise log-scale interval, R
    ``quantile(survfit(...), conf.int = TRUE)``; an upper limit the curve's interval never
    reaches is NaN, later than ``km_follow_up_days``. ``median_days`` and ``p90_days`` are R
    ``quantile(type = 7)`` over the answered items only (``n_answered``), kept under their old
    names.
Within the promise
    Answered items whose time to reply is at most the promise, over the decided items: answered
    ones plus unanswered ones already past the promise at ``as_of`` (share_within of
    :func:`~servqual_cli.core.duration_summary.summarise_durations`, Wilson interval), among
    the items that had the whole promise before ``as_of`` when a younger one is still
    unanswered: keeping the quick answers of the last weeks and not their unanswered
    neighbours biases the latest period up; the rule is the KPI's (equal follow-up,
    :func:`~servqual_cli.core.kpi_durations.equal_follow_up`), so ``feedback`` and ``kpi`` give
    one share for one promise (review 4, finding 10). ``n_too_recent`` items (``n_too_recent_open``
    of them unanswered) are then left out of the share, in every period and unit.
Backlog
    Items not closed by ``as_of`` whose age then exceeds the promise; apart from them, the reply
    promise's own count ``n_unanswered_overdue``: items with contact details and no reply at
    ``as_of`` older than the promise, closed or not (``n_unanswered_overdue_closed`` of them
    closed without a reply). These are the unanswered items among the decided of the share
    within the promise, counted by the same rule, so ``n_decided`` is the answered decided items
    plus ``n_unanswered_overdue`` (review 9, finding 1: a count of the open ones alone left out
    the items closed without any reply, 55 of 106 on the sample).
Trend
    The twelve months up to ``as_of`` against the twelve months before
    (:mod:`servqual_cli.core.feedback_trend`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.duration_summary import summarise_durations
from servqual_cli.core.durations import (
    DurationFrame,
    Limit,
    case_durations,
    measuring_unit,
    parse_limit,
    resolve_as_of,
)
from servqual_cli.core.feedback_backlog import backlog, past_promise
from servqual_cli.core.feedback_counts import CodedKeys, by_period, by_unit_type, count_table
from servqual_cli.core.feedback_trend import feedback_trend, reply_window, trend_windows
from servqual_cli.core.kpi_durations import equal_follow_up
from servqual_cli.core.period_windows import MatchedWindows
from servqual_cli.core.periods import Period, summarise_by
from servqual_cli.core.results import plain, records
from servqual_cli.core.time_to_event import km_quantiles, km_quantiles_by
from servqual_cli.errors import DataError
from servqual_cli.vocab.feedback import TYPES

__all__ = ["CI_METHODS", "FeedbackAnalysis", "ReplyStats", "analyse_feedback"]

_SUMMARY = ["n", "value", "ci_low", "ci_high"]

#: How each interval of the analysis is made (JSON ``ci_method``, beside ``conf``, as
#: ``contacts`` records its own): keyed by the reply field or the trend row's ``measure`` it
#: belongs to. The median days to reply of the trend is descriptive and has none.
CI_METHODS = {
    # reply.median_ci_low/high: distribution-free, binomial order statistics (Conover 1999, 3.2)
    "median_days": "order statistics",
    # reply.km_median_ci_low/high, km_p90_ci_low/high and reply_by_unit's: Brookmeyer-Crowley
    # from the Kaplan-Meier curve's pointwise interval, R survfit's default conf.type = "log"
    "km_median_days": "brookmeyer-crowley log",
    "km_p90_days": "brookmeyer-crowley log",
    # reply.ci_low/high and reply_by_unit: Wilson score, R prop.test(correct = FALSE)
    "within_promise_share": "wilson",
    # trend, counts: the rate ratio's exact interval, R poisson.test (Clopper-Pearson mapped)
    "count": "exact poisson",
    # trend, share within the promise: the difference's hybrid score interval (Newcombe 1998)
    "reply_within_promise": "newcombe",
    # trend, Hodges-Lehmann shift: the Mann-Whitney test's interval (Bauer 1972), R
    # wilcox.test(after, before, conf.int = TRUE, exact = FALSE)
    "shift_days_to_reply": "mann-whitney",
}


@dataclass(frozen=True)
class ReplyStats:
    """Reply figures among items with contact details (see the module docstring)."""

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


@dataclass(frozen=True)
class FeedbackAnalysis:
    """Everything ``servqual feedback`` reports. Frames are tidy, in reporting order.

    ``by_type`` (type, n, share), ``by_unit`` (unit, n, share), ``by_unit_type`` (unit, type,
    n), ``by_period`` (period, type, n; every period from first to last, zeros included),
    ``by_channel`` (channel, n, share; empty without the column), ``reply_by_unit`` (unit,
    n_with_contact, n_answered, median_days, p90_days, within_promise, n_decided,
    within_promise_share, ci_low, ci_high, n_unanswered, km_median_days, km_p90_days,
    km_follow_up_days, km_median_ci_low, km_median_ci_high, km_p90_ci_low, km_p90_ci_high),
    ``backlog`` (unit, n_open, n_open_overdue,
    n_unanswered_overdue, n_unanswered_overdue_closed), ``trend`` (measure, level, key, value,
    previous_value, n, n_previous, effect, estimate, ci_low, ci_high, p, p_holm, test).
    ``conf`` is the level every interval was computed at, carried so that each table names it
    ("95 % KI låg") whoever renders the analysis.
    """

    n_items: int
    n_anonymous: int
    n_after_as_of: int
    as_of: pd.Timestamp
    promise: Limit
    period: str
    by_type: pd.DataFrame
    by_unit: pd.DataFrame
    by_unit_type: pd.DataFrame
    by_period: pd.DataFrame
    by_channel: pd.DataFrame
    reply: ReplyStats
    reply_by_unit: pd.DataFrame
    backlog: pd.DataFrame | None
    trend: pd.DataFrame
    trend_window: dict[str, Any] | None
    conf: float
    # the share within the promise's windows when the equal-follow-up rule cut the later one
    # short: the earlier is compared over the same dates (core.feedback_trend.reply_window)
    reply_windows: MatchedWindows | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON schema of ``servqual feedback`` (without n_rows/excluded, added by the CLI)."""
        out = {
            "n_items": self.n_items,
            "n_anonymous": self.n_anonymous,
            "n_after_as_of": self.n_after_as_of,
            "as_of": self.as_of.date().isoformat(),
            "promise": self.promise.text,
            "period": self.period,
            # the level every interval below was computed at (--conf) and how each was made
            "conf": self.conf,
            "ci_method": dict(CI_METHODS),
            "by_type": records(self.by_type),
            "by_unit": records(self.by_unit),
            "by_unit_type": records(self.by_unit_type),
            "by_period": records(self.by_period),
            "by_channel": records(self.by_channel),
            "reply": self.reply.to_dict(),
            "reply_by_unit": records(self.reply_by_unit),
            "backlog": None if self.backlog is None else records(self.backlog),
            "trend": records(self.trend),
            "trend_window": self.trend_window,
            "reply_windows": None if self.reply_windows is None else self.reply_windows.to_dict(),
        }
        result: dict[str, Any] = plain(out)
        return result


def _slim(d: DurationFrame, units: CodedKeys | None = None) -> DurationFrame:
    """The columns the summaries read (and the unit's sorted code as ``group``): every
    grouping and split below then copies four numbers per case, not the whole frame."""
    frame = d.frame[["duration", "open", "censored_at_as_of", "valid"]]
    if units is not None:
        rank = np.empty(len(units.labels), dtype=np.int64)
        rank[units.sorted_order()] = np.arange(len(units.labels))
        frame = frame.assign(group=rank[units.codes])
    return DurationFrame(frame, d.unit, d.as_of)


def _reply(
    contact: pd.DataFrame, promise: Limit, as_of: pd.Timestamp, conf: float
) -> tuple[ReplyStats, pd.DataFrame, DurationFrame, DurationFrame, Limit]:
    unit, limit, _ = measuring_unit(promise.unit, promise, contact["received"])
    if limit is None:  # not user input: an invariant of the caller
        raise RuntimeError("internal: limit is missing")
    # The unit as its rank among the sorted unit names: groups come out in the order of the
    # names, and summarise_by's own "unit" column (of durations) is not hidden.
    units = CodedKeys.of(contact["unit"])
    names = pd.Index(units.labels[units.sorted_order()], dtype="str")
    days = _slim(case_durations(contact["received"], contact["answered"], "days", as_of), units)
    within = case_durations(contact["received"], contact["answered"], unit, as_of)
    # equal follow-up (review 4 finding 10): items younger than the promise at as_of are left
    # out of the share (marked not valid, so every count, period and unit leaves them out)
    keep, follow = equal_follow_up(within, contact["received"], as_of,
                                   ("limit", float(promise.value), float(limit.value)))  # fmt: skip
    if follow is not None:
        f = within.frame
        within = DurationFrame(f.assign(valid=f["valid"].to_numpy(dtype=bool) & keep),
                               within.unit, within.as_of)  # fmt: skip
    within = _slim(within, units)
    late = past_promise(within, limit)
    time, answered = _reply_times(days, contact["received"], as_of)
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


def _reply_times(
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


def analyse_feedback(
    frame: pd.DataFrame,
    promise: Limit | str = "14 days",
    as_of: str | pd.Timestamp | None = None,
    period: Period = "month",
    conf: float = 0.95,
    has_closed: bool = True,
) -> FeedbackAnalysis:
    """Counts, reply figures, backlog and trend of a cleaned feedback register.

    Parameters
    ----------
    frame : DataFrame
        ``FeedbackData.frame`` (:func:`~servqual_cli.io.feedback.load_feedback`).
    promise : Limit or str
        The reply promise, e.g. ``"14 days"`` or ``"5 arbetsdagar"``.
    as_of : str or Timestamp, optional
        The date the register is judged at (a date means its end); default the latest date in
        the register. Items received later are left out.
    period : {"month", "quarter", "year"}
        Period of the count table.
    conf : float
        Confidence level.
    has_closed : bool
        Whether the register has a closing-date column; without it there is no backlog.

    Returns
    -------
    FeedbackAnalysis

    Examples
    --------
    >>> f = pd.DataFrame({"received": pd.to_datetime(["2024-01-02", "2024-01-03"]),
    ...     "answered": pd.to_datetime(["2024-01-09", None]), "closed": pd.NaT,
    ...     "type": ["klagomål", "beröm"], "unit": "Bygg", "channel": None,
    ...     "contact": [True, False]})
    >>> a = analyse_feedback(f, "14 dagar", as_of="2024-02-01")
    >>> a.reply.n_with_contact, a.reply.median_days, a.n_anonymous, int(a.backlog.n_open[0])
    (1, 7.0, 1, 2)
    """
    limit = parse_limit(promise) if isinstance(promise, str) else promise
    if frame.empty:
        raise DataError("the feedback register has no items")
    moment = resolve_as_of(as_of, frame[["received", "answered", "closed"]].max().max())
    late = (frame["received"] > moment).to_numpy()
    items = (frame[~late] if late.any() else frame).reset_index(drop=True)
    if items.empty:
        raise DataError(f"no items received on or before {moment.date()} (--as-of)")
    if items["unit"].isna().any():  # as the loader does: an item without a unit still counts
        items = items.assign(unit=items["unit"].fillna("–"))
    contact = items["contact"].to_numpy(dtype=bool)
    reply, reply_by_unit, days, within, measured = _reply(items[contact], limit, moment, conf)
    unanswered = np.zeros(len(items), dtype=bool)  # the reply share's late unanswered items
    unanswered[contact] = past_promise(within, measured)
    units, types = CodedKeys.of(items["unit"]), CodedKeys.of(items["type"])
    window = trend_windows(items["received"].min(), moment)
    trend, matched, share_keep = pd.DataFrame(), None, None
    if window is not None:
        if reply.n_too_recent:  # the rule cut the later window short (review 10a, finding 4)
            received = items["received"][contact].reset_index(drop=True)
            share_keep, matched = reply_window(received, within, window, moment, measured.value)
        keys = {"type": (types.codes, types.labels), "unit": (units.codes, units.labels)}
        trend = feedback_trend(
            items, window, days, within, measured, pd.Series(contact), conf, keys, share_keep
        )
    channel = CodedKeys.of(items["channel"]) if "channel" in items else None
    return FeedbackAnalysis(
        n_items=len(items),
        n_anonymous=int((~contact).sum()),
        n_after_as_of=int(late.sum()),
        as_of=moment,
        promise=limit,
        period=period,
        by_type=count_table(types, "type", list(TYPES)),
        by_unit=count_table(units, "unit"),
        by_unit_type=by_unit_type(units, types),
        by_period=by_period(items, types, period),
        by_channel=count_table(channel, "channel")
        if channel is not None and (channel.codes >= 0).any()
        else pd.DataFrame(columns=["channel", "n", "share"]),
        reply=reply,
        reply_by_unit=reply_by_unit,
        backlog=backlog(items, units, limit, moment, unanswered) if has_closed else None,
        trend=trend,
        trend_window=window,
        conf=conf,
        reply_windows=matched,
    )
