"""A duration KPI (time to answer, to decide): the case engine's durations of the rows, the
equal-follow-up rule for open cases (:class:`~servqual_cli.core.kpi_results.FollowUp`), the
value, interval and verdict of the latest period, its groups and its change from the period
before, over the same calendar window of both periods when the rule cut the latest one short
(:func:`matched_window`, review 10a finding 4). Called by
:func:`~servqual_cli.core.kpi.evaluate_kpi`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.core.duration_summary import summarise_durations
from servqual_cli.core.durations import (
    DurationFrame,
    Limit,
    case_durations,
    measuring_unit,
    resolve_as_of,
)
from servqual_cli.core.kpi_norm import norm_excess
from servqual_cli.core.kpi_results import (
    GROUP_COLUMNS,
    MIN_N,
    FollowUp,
    KpiResult,
    kpi_change,
    time_change,
)
from servqual_cli.core.kpi_verdicts import order_groups, verdicts
from servqual_cli.core.period_windows import (
    MatchedWindows,
    months_apart,
    period_days,
    same_point,
)
from servqual_cli.core.periods import Period, compare_periods, period_labels, summarise_by
from servqual_cli.vocab.kpi import KpiSpec

if TYPE_CHECKING:
    pass


def duration_kpi(
    spec: KpiSpec,
    frame: pd.DataFrame,
    as_of: str | pd.Timestamp | None,
    period: Period,
    conf: float,
    excluded: dict[str, int],
    min_n: int = MIN_N,
) -> KpiResult:
    latest = pd.concat([frame["start"], frame["end"]]).max() if len(frame) else pd.Timestamp(0)
    moment = resolve_as_of(as_of, latest)
    late_start = (frame["start"] > moment).to_numpy()
    frame = frame[~late_start]
    if spec.duration_unit is None:  # not user input: set for every duration KPI by the loader
        raise RuntimeError("internal: spec.duration_unit is missing")
    unit, limit, hours = measuring_unit(spec.duration_unit, spec.limit, frame["start"])
    factor = hours * spec.unit_factor
    stat: Any = spec.statistic
    durations = case_durations(frame["start"], frame["end"], unit, as_of=moment)
    follow_up = None
    rule = _follow_up_length(spec, limit, factor)
    if rule is not None:
        keep, follow_up = equal_follow_up(durations, frame["start"], moment, rule)
        if follow_up is not None:
            frame, durations = frame[keep], DurationFrame(durations.frame[keep], unit, moment)
    extra = frame[["group"]] if "group" in frame else pd.DataFrame(index=frame.index)
    durations = durations.with_columns(extra)
    overall = summarise_durations(durations, stat, limit, conf)
    scale = 1.0 if spec.statistic == "share_within" else factor
    groups, tested = pd.DataFrame(columns=GROUP_COLUMNS), 0
    if "group" in frame:
        by = summarise_by(durations, ["group"], stat, limit, conf)
        by = by[by["level"] == "group"].copy()
        by[["value", "ci_low", "ci_high"]] = by[["value", "ci_low", "ci_high"]] / scale
        groups, tested = order_groups(by, spec, by.get("n_within"), min_n)
    value, low, high = overall.value / scale, overall.ci_low / scale, overall.ci_high / scale
    goal = spec.target if spec.target is not None else spec.norm
    change = None
    labels = period_labels(durations.frame["start"], period)
    names = sorted(labels.dropna().unique())
    if len(names) >= 2:
        pick = [labels.eq(name).to_numpy() for name in names[-2:]]
        windows = None
        if follow_up is not None and rule is not None:  # the latest period may be cut short
            inside, windows = matched_window(durations, labels, names[-2:], period, moment,
                                             rule[2])  # fmt: skip
            pick[0] = pick[0] & inside
        before, after = (DurationFrame(durations.frame[m], unit, moment) for m in pick)
        c = compare_periods(before, after, stat, limit, conf)
        values = (c.before.value / scale, c.after.value / scale)
        if c.test == "fisher":
            ks = (c.before.n_within or 0, c.after.n_within or 0)  # decided within the limit
            change = kpi_change(names[-2:], *values, (c.before.n, c.after.n), c.p, c.test, spec,
                                ks, conf)  # fmt: skip
        else:  # the shift the Mann-Whitney test estimates, in the KPI's unit (review 5 #5)
            b, a = (_closed(d) / scale for d in (before, after))
            change = time_change(names[-2:], b, a, *values, spec, conf, (c.before.n, c.after.n))
        if windows is not None:
            change = replace(change, windows=windows)
    return KpiResult(
        spec=spec,
        n=overall.n,
        value=value,
        ci_low=low,
        ci_high=high,
        verdict=verdicts(low, high, goal, spec.higher_is_better)[0],
        groups=groups,
        change=change,
        as_of=moment,
        excluded=excluded,
        n_open=overall.n_open,
        n_undecided=overall.n_undecided,
        n_after_as_of=int(late_start.sum()),
        follow_up=follow_up,
        min_n=min_n,
        groups_tested=tested,
        beyond_norm=_beyond_norm(spec, durations, factor, follow_up),
    )


def _beyond_norm(
    spec: KpiSpec, durations: DurationFrame, factor: float, follow_up: FollowUp | None
) -> Any:
    """The measured cases beyond the norm (:func:`~servqual_cli.core.kpi_norm.norm_excess`):
    the closed cases' durations and the open cases' ages at ``as_of``, in the norm's unit. The
    open cases the equal-follow-up rule left out (younger than the norm, its basis: a limit
    goes only with share_within, which has no norm count) are still within the norm: counted
    with ``n_open_within``, so "20 av 235" says what its base leaves out (s18)."""
    f = durations.frame
    open_ = f["valid"].to_numpy(dtype=bool) & f["open"].to_numpy(dtype=bool)
    ages = f["censored_at_as_of"].to_numpy(dtype=float)[open_] / factor
    excess = norm_excess(_closed(durations) / factor, spec.norm, spec.statistic,
                         spec.higher_is_better, ages)  # fmt: skip
    if excess is None or follow_up is None or follow_up.basis != "norm":
        return excess
    return replace(excess, n_open_within=excess.n_open_within + follow_up.n_open_left_out)


def _closed(durations: DurationFrame) -> npt.NDArray[np.float64]:
    """The decided cases' durations (what compare_periods' Mann-Whitney test ranks)."""
    frame = durations.frame
    keep = frame["valid"].to_numpy(dtype=bool) & ~frame["open"].to_numpy(dtype=bool)
    return frame["duration"].to_numpy(dtype=float)[keep]


def _follow_up_length(
    spec: KpiSpec, limit: Limit | None, factor: float
) -> tuple[str, float, float] | None:
    """(basis, length in the display unit, length in the engine's unit) of the follow-up every
    measured case must have had: the limit, else the norm of a duration statistic; None when
    the KPI has neither (then open cases are only named, as before)."""
    if limit is not None:
        given = spec.limit.value if spec.limit is not None else limit.value
        return "limit", float(given), float(limit.value)
    if spec.norm is not None and spec.statistic in ("median", "mean", "p90"):
        return "norm", float(spec.norm), float(spec.norm) * factor
    return None


def equal_follow_up(
    durations: DurationFrame,
    start: pd.Series,
    moment: pd.Timestamp,
    rule: tuple[str, float, float],
) -> tuple[npt.NDArray[np.bool_], FollowUp | None]:
    """Which cases had the whole follow-up before ``moment`` (their age at ``moment``, in the
    engine's unit, at least the follow-up length), and the rule's counts; ``None`` for the rule
    when no open case is younger than the follow-up (then nothing is biased and all are kept).

    Cohorts with equal follow-up: a right-censored case cannot be measured, and dropping it
    alone keeps only the quick cases of the newest cohort (Kalbfleisch & Prentice 2002, ch. 1).
    """
    f = durations.frame
    valid = f["valid"].to_numpy(dtype=bool)
    ages = case_durations(start, pd.Series(moment, index=start.index), durations.unit)
    age = ages.frame["duration"].to_numpy(dtype=float)
    short = valid & ~(age >= rule[2])  # NaN ages (invalid rows) are not "short": kept as before
    short_open = short & f["open"].to_numpy(dtype=bool)
    if not short_open.any():
        return np.ones(len(f), dtype=bool), None
    follow = FollowUp(
        basis=rule[0],
        length=rule[1],
        n_kept=int((valid & ~short).sum()),
        n_total=int(valid.sum()),
        n_open_left_out=int(short_open.sum()),
    )
    return ~short, follow


def _ages(start: pd.Series, moment: pd.Timestamp, unit: Any) -> npt.NDArray[np.float64]:
    """Each start's age at ``moment`` in the engine's unit (NaN without a start)."""
    ages = case_durations(start, pd.Series(moment, index=start.index), unit)
    return ages.frame["duration"].to_numpy(dtype=float)


def _last_day(days: pd.DatetimeIndex, ages: npt.NDArray[np.float64], length: float) -> str:
    """The last of ``days`` whose midnight is at least ``length`` old (ISO); the first day when
    none is (a window cut before it began: no case of the period counts)."""
    old = np.flatnonzero(ages >= length)
    return (days[old[-1]] if old.size else days[0]).date().isoformat()


def matched_window(
    durations: DurationFrame,
    labels: pd.Series,
    names: list[str],
    period: Period,
    moment: pd.Timestamp,
    length: float,
    spans: tuple[pd.DatetimeIndex, pd.DatetimeIndex, int] | None = None,
) -> tuple[npt.NDArray[np.bool_], MatchedWindows | None]:
    """Cut the previous period at the point where the equal-follow-up rule cut the latest one.

    The rule keeps a case only when it started at least ``length`` (engine unit) before
    ``moment``, so the latest period (``names[1]``) ends early, say on 21 October, while every
    case of the previous one (``names[0]``) had the whole time; comparing them would set
    November and December of one year against none of the other (a seasonal difference read as
    a change). A previous case counts only when its start, moved to the same point of the latest
    period (:func:`~servqual_cli.core.periods.same_point`: same day and time, 29 February at 28
    February), would have been kept: the test is the rule's own, in the engine's unit, so it
    also holds for working days and hours.

    ``labels`` are the cases' periods (:func:`~servqual_cli.core.periods.period_labels` of their
    starts). Returns the mask (over ``durations.frame``) of the cases the previous period may
    keep (all others True: the mask only ever removes previous-period cases) and the two
    windows; the windows are None when the latest period was not cut short (its last day is
    kept).

    ``spans`` gives (previous days, latest days, months apart) of two windows that are not
    calendar periods, such as the feedback register's twelve months up to its as-of date
    (:mod:`~servqual_cli.core.feedback_trend`); ``names`` then only name them.

    >>> from servqual_cli.core.durations import case_durations, resolve_as_of
    >>> start = pd.Series(pd.to_datetime(["2023-03-01", "2023-11-20", "2024-02-01",
    ...                                   "2024-11-20"]))
    >>> moment = resolve_as_of("2024-12-30", None)
    >>> d = case_durations(start, pd.Series(pd.NaT, index=start.index), "days", as_of=moment)
    >>> labels = period_labels(d.frame["start"], "year")
    >>> keep, w = matched_window(d, labels, ["2023", "2024"], "year", moment, 70.0)
    >>> keep.tolist(), (w.previous_start, w.previous_end, w.end, w.n_previous_left_out)
    ([True, False, True, True], ('2023-01-01', '2023-10-21', '2024-10-21', 1))
    """
    f = durations.frame
    previous_days, latest_days, months = spans or (
        period_days(names[0], period),
        period_days(names[1], period),
        months_apart(names[0], names[1], period),
    )
    end = _last_day(latest_days, _ages(pd.Series(latest_days), moment, durations.unit), length)
    if end >= latest_days[-1].date().isoformat():
        return np.ones(len(f), dtype=bool), None
    previous = labels.eq(names[0]).to_numpy(dtype=bool)
    moved = same_point(f["start"][previous], months)
    inside = np.ones(len(f), dtype=bool)
    inside[previous] = _ages(moved, moment, durations.unit) >= length
    moved_days = pd.Series(same_point(previous_days, months))
    valid = f["valid"].to_numpy(dtype=bool)
    windows = MatchedWindows(
        period=names[1],
        start=latest_days[0].date().isoformat(),
        end=end,
        previous_period=names[0],
        previous_start=previous_days[0].date().isoformat(),
        previous_end=_last_day(previous_days, _ages(moved_days, moment, durations.unit), length),
        n_previous_kept=int((previous & valid & inside).sum()),
        n_previous_total=int((previous & valid).sum()),
        months=months,
    )
    return inside, windows
