"""Evaluate a KPI or service declaration: value, interval, verdict, worst groups and change.

Duration KPIs go through the case engine (:func:`~servqual_cli.core.durations.case_durations`,
:func:`~servqual_cli.core.duration_summary.summarise_durations`,
:func:`~servqual_cli.core.periods.summarise_by` and
:func:`~servqual_cli.core.periods.compare_periods`). Value KPIs use the same statistics on a
column: a share of successes with a Wilson interval, or a median / p90 (R type 7) with the
order-statistic interval, or a mean with the t interval.

Period
------
When the rows' start dates span several periods (``period``: year, quarter or month), the
value, interval, groups and verdict are those of the **latest** period (the last with rows
starting on or before ``as_of``), beside the change from the period before; the value pooled
over all periods is kept in :attr:`KpiResult.pooled`, to be shown only labelled as such. A
value pooling 2023 and 2024 says nothing about whether 2024 met its target (issue #9).

Verdict
-------
The confidence interval is compared with the target (shares) or else the norm: *met* when the
whole interval is on the good side (a bound equal to the goal counts as meeting it), *not met*
when the whole interval is on the bad side, *cannot tell* when it straddles the goal or cannot
be computed. The good side is above the goal when ``higher_is_better``.

Working days with times of day are measured as working hours x 24
(:func:`~servqual_cli.core.durations.measuring_unit`).

References
----------
.. [1] Wilson, E. B. (1927). *JASA* 22(158), 209-212.
.. [2] Hyndman, R. J. & Fan, Y. (1996). *The American Statistician* 50(4), 361-365.
.. [3] SKR, Kommunens Kvalitet i Korthet: e-mail answered within one working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import special

from servqual_cli.core.duration_summary import quantile_ci, summarise_durations
from servqual_cli.core.durations import (
    DurationFrame,
    Limit,
    case_durations,
    measuring_unit,
    resolve_as_of,
)
from servqual_cli.core.exact_tests import fisher_exact
from servqual_cli.core.inference import mann_whitney, one_sample_t, quantile7
from servqual_cli.core.periods import Period, compare_periods, period_labels, summarise_by
from servqual_cli.core.posthoc import holm
from servqual_cli.core.proportions import wilson_ci
from servqual_cli.core.results import plain, records
from servqual_cli.vocab.kpi import ASPECTS, KpiSpec

if TYPE_CHECKING:
    from servqual_cli.vocab.inputs import KpiData

__all__ = [
    "FollowUp",
    "KpiChange",
    "KpiPooled",
    "KpiResult",
    "below_goal",
    "evaluate_kpi",
    "evaluate_kpis",
    "verdicts",
]

GROUP_COLUMNS = ["group", "n", "value", "ci_low", "ci_high", "verdict", "p_below"]
ALPHA = 0.05  # a group is named below its goal when its Holm-adjusted p is below this


def verdicts(
    low: npt.ArrayLike, high: npt.ArrayLike, goal: float | None, higher_is_better: bool
) -> npt.NDArray[np.object_]:
    """Met / not met / cannot tell for intervals against a goal (None when no goal).

    >>> verdicts([0.66, 0.92, 0.70], [0.88, 0.97, 0.79], 0.80, True).tolist()
    ['cannot tell', 'met', 'not met']
    >>> verdicts([40.0], [70.0], 70, False).tolist()
    ['met']
    """
    lo, hi = np.atleast_1d(np.asarray(low, float)), np.atleast_1d(np.asarray(high, float))
    if goal is None:
        return np.full(lo.shape, None, dtype=object)
    good, bad = (lo >= goal, hi < goal) if higher_is_better else (hi <= goal, lo > goal)
    return np.select([good, bad], ["met", "not met"], "cannot tell").astype(object)


@dataclass(frozen=True)
class KpiChange:
    """The KPI in the last period of the data against the period before (after - before)."""

    period: str
    previous_period: str
    value: float
    previous_value: float
    diff: float
    n: int
    n_previous: int
    p: float
    test: str
    better: bool | None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain(dict(self.__dict__))
        return out


@dataclass(frozen=True)
class FollowUp:
    """The equal-follow-up rule of a duration KPI with open cases (review 3, finding 3).

    A case whose clock started less than the follow-up length (``basis``: the KPI's ``limit``,
    else its ``norm``) before ``as_of`` has not had the full time to be decided: the decided ones
    among such cases are the quick ones, so keeping them makes the latest period look faster
    than a complete earlier period. Only cases that had the whole time are measured, in every
    period; ``n_kept`` of ``n_total`` cases (of the period the result judges) remain,
    ``n_open_left_out`` of the left-out cases were still open.
    """

    basis: str  # "limit" | "norm"
    length: float  # the limit in its own unit, or the norm in the KPI's unit
    n_kept: int
    n_total: int
    n_open_left_out: int

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain(dict(self.__dict__))
        return out


@dataclass(frozen=True)
class KpiPooled:
    """The KPI over all periods of the data (shown only labelled as pooled)."""

    periods: tuple[str, ...]
    n: int
    value: float
    ci_low: float
    ci_high: float
    verdict: str | None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain(dict(self.__dict__))
        return out


@dataclass(frozen=True)
class KpiResult:
    """An evaluated KPI.

    ``value``, ``ci_low``, ``ci_high`` and ``norm`` are in the KPI's display unit (shares as
    0-1). ``n`` is what the value is computed from (for share_within: the decided cases).
    ``groups`` has the columns :data:`GROUP_COLUMNS`, worst first. ``n_after_as_of`` counts
    rows started after ``as_of`` (left out, not excluded).
    """

    spec: KpiSpec
    n: int
    value: float
    ci_low: float
    ci_high: float
    verdict: str | None
    groups: pd.DataFrame
    change: KpiChange | None
    as_of: pd.Timestamp | None
    excluded: dict[str, int]
    n_open: int | None = None
    n_undecided: int | None = None
    n_after_as_of: int = 0
    period: str | None = None  # the period value and verdict judge (None: all rows, no dates)
    pooled: KpiPooled | None = None  # all periods together, when there are several
    follow_up: FollowUp | None = None  # the equal-follow-up rule, when it left cases out

    @property
    def goal(self) -> float | None:
        """What the verdict compares with: the target, else the norm."""
        return self.spec.target if self.spec.target is not None else self.spec.norm

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the issue's keys first, then the details."""
        s = self.spec
        out = {
            "name": s.name,
            "aspect": s.aspect,
            "n": self.n,
            "value": self.value,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "target": s.target,
            "norm": s.norm,
            "verdict": self.verdict,
            "groups": records(self.groups),
            "period": self.period,
            **s.to_dict(),
            "as_of": None if self.as_of is None else self.as_of.date().isoformat(),
            "n_open": self.n_open,
            "n_undecided": self.n_undecided,
            "n_after_as_of": self.n_after_as_of,
            "excluded": self.excluded,
            "change": None if self.change is None else self.change.to_dict(),
            "pooled": None if self.pooled is None else self.pooled.to_dict(),
            "follow_up": None if self.follow_up is None else self.follow_up.to_dict(),
        }
        result: dict[str, Any] = plain(out)
        return result


def _p_below(k: pd.Series, n: pd.Series, goal: float | None, higher: bool) -> npt.NDArray[Any]:
    """Exact one-sided binomial p of each group's share against the goal, in the bad
    direction (R ``binom.test(k, n, goal, alternative = "less")`` when higher is better); NaN
    without a goal or a count.

    >>> _p_below(pd.Series([3, 7]), pd.Series([6, 7]), 0.9, True).round(5).tolist()
    [0.01585, 1.0]
    """
    kk, nn = np.asarray(k, float), np.asarray(n, np.int64)
    if goal is None or not 0 < goal < 1:
        return np.full(kk.shape, np.nan)
    with np.errstate(invalid="ignore"):
        # P(X <= k) below a target; P(X >= k) = 1 - P(X <= k - 1) above a ceiling
        p = special.bdtr(kk, nn, goal) if higher else special.bdtrc(kk - 1, nn, goal)
    return np.where(nn > 0, np.minimum(p, 1.0), np.nan)


def _order_groups(
    groups: pd.DataFrame, spec: KpiSpec, counts: pd.Series | None = None
) -> pd.DataFrame:
    """Verdicts from each group's interval, the one-sided exact test against the goal (shares
    only, from ``counts`` of successes), worst first."""
    goal = spec.target if spec.target is not None else spec.norm
    p = np.full(len(groups), np.nan)
    if counts is not None and spec.statistic in ("share", "share_within"):
        p = _p_below(counts, groups["n"], goal, spec.higher_is_better)
    groups = groups.assign(
        verdict=verdicts(groups["ci_low"], groups["ci_high"], goal, spec.higher_is_better),
        p_below=p,
    )
    ordered = groups.sort_values(
        "value", ascending=spec.higher_is_better, na_position="last", kind="stable"
    )
    return ordered[GROUP_COLUMNS].reset_index(drop=True)


def below_goal(result: KpiResult, min_n: int, alpha: float = ALPHA) -> tuple[pd.DataFrame, int]:
    """The groups shown to fall short of the goal, worst first, and the family size.

    A group is screened when it has at least ``min_n`` cases and a test (shares: the exact
    one-sided binomial test against the goal, ``p_below``); it is named when its p, Holm-adjusted
    over the screened groups, is below ``alpha``. Groups under ``min_n`` are never named: their
    values are "too few answers" elsewhere in the report (review 3, finding 8). The returned
    frame has the group columns and ``p_holm``.

    >>> from pathlib import Path
    >>> spec = KpiSpec(1, "Svar", "resultat", Path("x.xlsx"), "share", target=0.9)
    >>> frame = pd.DataFrame({"row": range(96), "success": [True] * 74 + [False] * 22,
    ...                       "group": ["a"] * 40 + ["b"] * 50 + ["c"] * 6})
    >>> named, family = below_goal(evaluate_kpi(spec, frame), min_n=30)
    >>> named["group"].tolist(), family
    (['b'], 2)
    """
    g = result.groups
    if not len(g) or "p_below" not in g:
        return g.assign(p_holm=pd.Series(dtype=float)).iloc[:0], 0
    p = g["p_below"].to_numpy(dtype=float)
    screened = (g["n"].to_numpy(dtype=float) >= min_n) & np.isfinite(p)
    adjusted = np.full(len(g), np.nan)
    if screened.any():
        adjusted[screened] = holm(p[screened])
    g = g.assign(p_holm=adjusted)
    return g[screened & (adjusted < alpha)].reset_index(drop=True), int(screened.sum())


def evaluate_kpi(
    spec: KpiSpec,
    frame: pd.DataFrame,
    as_of: str | pd.Timestamp | None = None,
    period: Period = "year",
    conf: float = 0.95,
    excluded: dict[str, int] | None = None,
) -> KpiResult:
    """Evaluate one KPI on its parsed rows.

    Parameters
    ----------
    spec : KpiSpec
        From :func:`~servqual_cli.io.kpi_config.load_kpi_config`.
    frame : DataFrame
        The tidy frame of :class:`~servqual_cli.io.kpi_data.KpiData`.
    as_of : str or Timestamp, optional
        When open cases are measured (duration KPIs); default the end of the last date in the
        start and end columns. Rows starting later are left out.
    period : {"year", "quarter", "month"}
        The change compares the last such period in the data with the one before; None when the
        data (or the start dates of a value KPI) fall in one period only.
    conf : float
        Confidence level.
    excluded : dict, optional
        Exclusion counts from loading, reported with the result.

    Returns
    -------
    KpiResult

    Examples
    --------
    >>> from pathlib import Path
    >>> spec = KpiSpec(1, "Nådd", "nåbarhet", Path("x.xlsx"), "share", target=0.8)
    >>> r = evaluate_kpi(spec, pd.DataFrame({"row": range(54), "success": [True] * 43
    ...                                       + [False] * 11}))
    >>> r.n, round(r.value, 3), round(r.ci_low, 3), round(r.ci_high, 3), r.verdict
    (54, 0.796, 0.671, 0.882, 'cannot tell')
    """
    counts = dict(excluded or {})
    pooled = _evaluate(spec, frame, as_of, period, conf, counts)
    if "start" not in frame or not len(frame):  # no dates: the config's period, if declared
        return pooled if spec.period is None else replace(pooled, period=spec.period)
    start = frame["start"]
    if pooled.as_of is not None:  # rows starting after as_of are not measured
        start = start.where(start <= pooled.as_of)
    labels = period_labels(start, period)
    names = sorted(labels.dropna().unique())
    if not names:
        return pooled
    latest = _evaluate(spec, frame[labels.eq(names[-1]).to_numpy()], pooled.as_of, period,
                       conf, counts)  # fmt: skip
    overall = None
    if len(names) >= 2:
        overall = KpiPooled(tuple(names), pooled.n, pooled.value, pooled.ci_low, pooled.ci_high,
                            pooled.verdict)  # fmt: skip
    return replace(
        latest,
        change=pooled.change,
        n_after_as_of=pooled.n_after_as_of,
        period=str(names[-1]),
        pooled=overall,
    )


def _evaluate(
    spec: KpiSpec,
    frame: pd.DataFrame,
    as_of: str | pd.Timestamp | None,
    period: Period,
    conf: float,
    counts: dict[str, int],
) -> KpiResult:
    if spec.kind == "duration":
        return _duration_kpi(spec, frame, as_of, period, conf, counts)
    return _value_kpi(spec, frame, period, conf, counts)


def evaluate_kpis(
    data: Iterable[KpiData],
    as_of: str | pd.Timestamp | None = None,
    period: Period = "year",
    conf: float = 0.95,
) -> list[KpiResult]:
    """:func:`evaluate_kpi` on the rows of every KPI of a configuration (``load_all_kpi_data``
    of :mod:`servqual_cli.io.kpi_data`), ordered by aspect and by file order within one."""
    results = [evaluate_kpi(d.spec, d.frame, as_of, period, conf, d.log.counts()) for d in data]
    return sorted(results, key=lambda r: ASPECTS.index(r.spec.aspect))


def _duration_kpi(
    spec: KpiSpec,
    frame: pd.DataFrame,
    as_of: str | pd.Timestamp | None,
    period: Period,
    conf: float,
    excluded: dict[str, int],
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
        keep, follow_up = _equal_follow_up(durations, frame["start"], moment, rule)
        if follow_up is not None:
            frame, durations = frame[keep], DurationFrame(durations.frame[keep], unit, moment)
    extra = frame[["group"]] if "group" in frame else pd.DataFrame(index=frame.index)
    durations = durations.with_columns(extra)
    overall = summarise_durations(durations, stat, limit, conf)
    scale = 1.0 if spec.statistic == "share_within" else factor
    groups = pd.DataFrame(columns=GROUP_COLUMNS)
    if "group" in frame:
        by = summarise_by(durations, ["group"], stat, limit, conf)
        by = by[by["level"] == "group"].copy()
        by[["value", "ci_low", "ci_high"]] = by[["value", "ci_low", "ci_high"]] / scale
        groups = _order_groups(by, spec, by.get("n_within"))
    value, low, high = overall.value / scale, overall.ci_low / scale, overall.ci_high / scale
    goal = spec.target if spec.target is not None else spec.norm
    change = None
    labels = period_labels(durations.frame["start"], period)
    names = sorted(labels.dropna().unique())
    if len(names) >= 2:
        pick = [labels.eq(name).to_numpy() for name in names[-2:]]
        before, after = (DurationFrame(durations.frame[m], unit, moment) for m in pick)
        c = compare_periods(before, after, stat, limit, conf)
        change = _change(
            names[-2:],
            c.before.value / scale,
            c.after.value / scale,
            (c.before.n, c.after.n),
            c.p,
            c.test,
            spec,
        )
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
    )


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


def _equal_follow_up(
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


def _change(
    names: list[str],
    before: float,
    after: float,
    ns: tuple[int, int],
    p: float,
    test: str,
    spec: KpiSpec,
) -> KpiChange:
    diff = after - before
    better = (
        None if not np.isfinite(diff) or diff == 0 else bool((diff > 0) == spec.higher_is_better)
    )
    return KpiChange(names[1], names[0], after, before, diff, ns[1], ns[0], float(p), test, better)


def _summary(x: npt.NDArray[Any], statistic: str, conf: float) -> tuple[int, float, float, float]:
    """n, value, ci_low, ci_high of one value KPI sample."""
    n = int(x.size)
    if n == 0:
        return 0, np.nan, np.nan, np.nan
    if statistic == "share":
        w_low, w_high = wilson_ci(int(x.sum()), n, conf)
        return n, float(x.mean()), float(w_low), float(w_high)
    if statistic == "mean":
        t = one_sample_t(x.astype(float), conf).iloc[0]
        return n, float(t["mean"]), float(t["ci_low"]), float(t["ci_high"])
    q = 0.5 if statistic == "median" else 0.9
    q_low, q_high, _ = quantile_ci(x, q, conf)
    return n, float(quantile7(x, q)), q_low, q_high


def _value_kpi(
    spec: KpiSpec, frame: pd.DataFrame, period: Period, conf: float, excluded: dict[str, int]
) -> KpiResult:
    column = "success" if spec.statistic == "share" else "value"
    x = frame[column].to_numpy()
    n, value, low, high = _summary(x, spec.statistic, conf)
    goal = spec.target if spec.target is not None else spec.norm
    groups = pd.DataFrame(columns=GROUP_COLUMNS)
    if "group" in frame and len(frame):
        if spec.statistic == "share":  # vectorised over groups
            agg = frame.groupby("group", sort=True)["success"].agg(["sum", "count"])
            lows, highs = wilson_ci(agg["sum"].to_numpy(), agg["count"].to_numpy(), conf)
            rows = pd.DataFrame(
                {
                    "group": agg.index,
                    "n": agg["count"].to_numpy(),
                    "value": agg["sum"].to_numpy() / agg["count"].to_numpy(),
                    "ci_low": lows,
                    "ci_high": highs,
                    "k": agg["sum"].to_numpy(),
                }
            )
        else:  # order statistics need each group's own sample: a loop over groups, not rows
            parts = [
                (g, *_summary(s[column].to_numpy(), spec.statistic, conf))
                for g, s in frame.groupby("group", sort=True)
            ]
            rows = pd.DataFrame(parts, columns=["group", "n", "value", "ci_low", "ci_high"])
        groups = _order_groups(rows, spec, rows.get("k"))
    change = None
    if "start" in frame:
        labels = period_labels(frame["start"], period)
        names = sorted(labels.dropna().unique())
        if len(names) >= 2:
            a, b = (x[labels.eq(name).to_numpy()] for name in names[-2:])
            (na, va, _, _), (nb, vb, _, _) = (
                _summary(a, spec.statistic, conf),
                _summary(b, spec.statistic, conf),
            )
            if spec.statistic == "share":
                p, test = fisher_exact(int(a.sum()), na, int(b.sum()), nb).p, "fisher"
            else:
                p, test = mann_whitney(a.astype(float), b.astype(float)).p, "mann-whitney"
            change = _change(names[-2:], va, vb, (na, nb), p, test, spec)
    return KpiResult(
        spec=spec,
        n=n,
        value=value,
        ci_low=low,
        ci_high=high,
        verdict=verdicts(low, high, goal, spec.higher_is_better)[0],
        groups=groups,
        change=change,
        as_of=None,
        excluded=excluded,
    )
