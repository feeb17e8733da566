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
    (:mod:`servqual_cli.core.feedback_trend`); without ``as_of`` up to the last item received
    (:mod:`servqual_cli.core.feedback_window`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.durations import Limit, parse_limit, resolve_as_of
from servqual_cli.core.feedback_backlog import backlog, past_promise
from servqual_cli.core.feedback_counts import CodedKeys, by_period, by_unit_type, count_table
from servqual_cli.core.feedback_km_trend import KmTrend, km_trend
from servqual_cli.core.feedback_reply import ReplyStats, reply_figures
from servqual_cli.core.feedback_trend import feedback_trend, reply_window
from servqual_cli.core.feedback_window import count_windows, default_as_of
from servqual_cli.core.period_windows import MatchedWindows
from servqual_cli.core.periods import Period
from servqual_cli.core.results import plain, records
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
    # trend, the days to reply with the unanswered censored (session 15, w-logrank): each
    # window's Kaplan-Meier median's interval (trend_km), as the reply table's; the row's
    # difference of medians has none, its test is the log-rank test
    "km_days_to_reply": "brookmeyer-crowley log",
}


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
    previous_value, n, n_previous, effect, estimate, ci_low, ci_high, p, p_holm, test,
    verdict); ``trend_km`` the log-rank comparison behind the trend's row ``km_days_to_reply``
    (:mod:`~servqual_cli.core.feedback_km_trend`), None without a trend or contact details.
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
    trend_km: KmTrend | None = None

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
            "trend_km": None if self.trend_km is None else self.trend_km.to_dict(),
        }
        result: dict[str, Any] = plain(out)
        return result


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
        The date the register is judged at (a date means its end); default the latest date
        received or answered in the register, as ``kpi`` (a later closing date is not used),
        and then the trend's windows end at the last item received
        (:mod:`~servqual_cli.core.feedback_window`, review 12a finding 4). Items received
        later are left out.
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
    moment = resolve_as_of(as_of, default_as_of(frame))  # kpi's rule (core.feedback_window)
    late = (frame["received"] > moment).to_numpy()
    items = (frame[~late] if late.any() else frame).reset_index(drop=True)
    if items.empty:
        raise DataError(f"no items received on or before {moment.date()} (--as-of)")
    if items["unit"].isna().any():  # as the loader does: an item without a unit still counts
        items = items.assign(unit=items["unit"].fillna("–"))
    contact = items["contact"].to_numpy(dtype=bool)
    reply, reply_by_unit, days, within, measured = reply_figures(
        items[contact], limit, moment, conf
    )
    unanswered = np.zeros(len(items), dtype=bool)  # the reply share's late unanswered items
    unanswered[contact] = past_promise(within, measured)
    units, types = CodedKeys.of(items["unit"]), CodedKeys.of(items["type"])
    window = count_windows(items, moment, explicit=as_of is not None)  # review 12a finding 4
    trend, matched, share_keep, km = pd.DataFrame(), None, None, None
    if window is not None:
        if reply.n_too_recent:  # the rule cut the later window short (review 10a, finding 4)
            received = items["received"][contact].reset_index(drop=True)
            share_keep, matched = reply_window(received, within, window, moment, measured.value)
        keys = {"type": (types.codes, types.labels), "unit": (units.codes, units.labels)}
        if contact.any():  # the reply curves of the two windows, the unanswered censored
            replied = items.loc[contact, ["received", "answered"]].reset_index(drop=True)
            km = km_trend(replied["received"], replied["answered"], window, conf)
        trend = feedback_trend(
            items,
            window,
            days,
            within,
            measured,
            pd.Series(contact),
            conf,
            keys,
            share_keep,
            None if km is None else km.row(),
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
        trend_km=km,
    )
