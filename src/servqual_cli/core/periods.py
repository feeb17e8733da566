"""Case durations by group and period, and before/after comparisons.

References
----------
.. [1] Fisher, R. A. (1935). The logic of inductive inference. *JRSS* 98(1), 39-82.
.. [2] Mann, H. B. & Whitney, D. R. (1947). On a test of whether one of two random variables is
   stochastically larger than the other. *Ann. Math. Statist.* 18(1), 50-60.

The calendar windows of a change whose latest period was cut short are in
:mod:`servqual_cli.core.period_windows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.core.duration_summary import (
    DurationSummary,
    Statistic,
    summarise_frame,
)
from servqual_cli.core.durations import DurationFrame, DurationUnit, Limit
from servqual_cli.core.exact_tests import fisher_exact
from servqual_cli.core.inference import mann_whitney
from servqual_cli.core.results import plain
from servqual_cli.errors import ConfigError

__all__ = [
    "Period",
    "PeriodComparison",
    "compare_periods",
    "period_labels",
    "split_by_start",
    "summarise_by",
]

Period = Literal["month", "quarter", "year"]

_PERIOD_FREQ: dict[str, str] = {"month": "M", "quarter": "Q", "year": "Y"}

# Columns of summarise_by after the keys, in order.
_SUMMARY_COLUMNS = [
    "statistic",
    "unit",
    "n",
    "n_open",
    "n_invalid",
    "n_within",
    "n_undecided",
    "value",
    "ci_low",
    "ci_high",
    "conf",
]


def period_labels(start: pd.Series, period: Period) -> pd.Series:
    """Label each start time with its calendar period: ``2024-03``, ``2024Q1`` or ``2024``.

    Parameters
    ----------
    start : pandas.Series of datetime64
        Local wall-clock start times (the ``start`` column of a DurationFrame).
    period : {"month", "quarter", "year"}

    Returns
    -------
    pandas.Series of str
        Missing where ``start`` is missing.

    Examples
    --------
    >>> period_labels(pd.Series(pd.to_datetime(["2024-03-31 23:30"])), "quarter").tolist()
    ['2024Q1']
    """
    if period not in _PERIOD_FREQ:
        raise ConfigError(f"unknown period {period!r}: expected one of {get_args(Period)}")
    import pyarrow as pa

    times = pd.Series(start)
    spans = times.dt.to_period(_PERIOD_FREQ[period])
    # A million cases fall in a few dozen periods: each period is written once and the texts
    # taken by code in Arrow (code -1, no start, is missing).
    codes, distinct = pd.factorize(spans)
    texts = pa.array(np.asarray(distinct.astype("str"), dtype=object), type=pa.large_string())
    taken = texts.take(pa.array(codes, mask=codes < 0))
    return pd.Series(pd.array(taken, dtype="str"), index=times.index, name=times.name)


def _summary_row(summary: DurationSummary) -> dict[str, Any]:
    row = {name: getattr(summary, name) for name in _SUMMARY_COLUMNS}
    # Integer counts that only exist for share_within are NaN elsewhere, not None, so the
    # column stays numeric.
    for name in ("n_within", "n_undecided"):
        row[name] = np.nan if row[name] is None else row[name]
    return row


def summarise_by(
    durations: DurationFrame,
    group_cols: list[str],
    statistic: Statistic,
    limit: Limit | None = None,
    conf: float = 0.95,
    period: Period | None = None,
) -> pd.DataFrame:
    """Summarise durations per group (and per period of the start time), plus overall.

    Parameters
    ----------
    durations : DurationFrame
        With the group columns added by :meth:`DurationFrame.with_columns`.
    group_cols : list of str
        Columns to group by; may be empty for the overall summary only. Missing group values
        form their own group.
    statistic, limit, conf
        As for :func:`~servqual_cli.core.duration_summary.summarise_durations`.
    period : {"month", "quarter", "year"}, optional
        Also split by the calendar period of the start time. Cases without a start (invalid)
        have no period and are left out of the rows.

    Returns
    -------
    pandas.DataFrame
        One row per group (``level == "group"``) and the overall row(s) (``level ==
        "overall"``, group columns missing), with columns ``level``, the group columns,
        ``period`` (when asked), ``statistic``, ``unit``, ``n``, ``n_open``, ``n_invalid``,
        ``n_within``, ``n_undecided`` (NaN unless share_within), ``value``, ``ci_low``,
        ``ci_high`` and ``conf``. With a period the overall rows are per period.

    Raises
    ------
    ConfigError
        A group column that is not in the frame, and the errors of summarise_durations.

    Examples
    --------
    >>> from servqual_cli.core.durations import case_durations
    >>> start = pd.Series(["2024-01-02", "2024-01-03", "2024-04-02"])
    >>> d = case_durations(start, pd.Series(["2024-01-05"] * 3), "days")
    >>> d = d.with_columns(pd.DataFrame({"office": ["A", "B", "A"]}))
    >>> summarise_by(d, ["office"], "median")[["level", "office", "n", "value"]]
          level office  n  value
    0     group      A  1    3.0
    1     group      B  1    2.0
    2   overall    NaN  2    2.5
    """
    frame = durations.frame
    missing = [c for c in group_cols if c not in frame.columns]
    if missing:
        raise ConfigError(f"no column(s) {missing} to group durations by; add them first")
    # The summary rows carry these columns themselves; a group column of the same name would
    # be silently overwritten, so refuse it.
    reserved = {"level", "statistic", "unit", "n", "value", "ci_low", "ci_high", "conf"}
    clash = sorted(reserved.intersection(group_cols))
    if clash:
        raise ConfigError(f"group column name {clash[0]!r} is reserved in summaries; rename it")
    period_cols: list[str] = []
    if period is not None:
        if "period" in group_cols:
            raise ConfigError("a group column called 'period' clashes with period=...")
        frame = frame.assign(period=period_labels(frame["start"], period))
        frame = frame[frame["period"].notna()]
        period_cols = ["period"]

    def summarise(sub: pd.DataFrame) -> dict[str, Any]:
        return _summary_row(summarise_frame(sub, durations.unit, statistic, limit, conf))

    rows: list[dict[str, Any]] = []
    # A loop over groups, not rows: each group needs its own order statistics and interval.
    keys = group_cols + period_cols
    if group_cols:
        for key, sub in frame.groupby(keys, dropna=False, sort=True):
            labels = dict(zip(keys, key, strict=True))
            rows.append({"level": "group", **labels, **summarise(sub)})
    if period_cols:
        for (label,), sub in frame.groupby(period_cols, sort=True):
            rows.append({"level": "overall", "period": label, **summarise(sub)})
    else:
        rows.append({"level": "overall", **summarise(frame)})
    columns = ["level", *keys, *_SUMMARY_COLUMNS]
    return pd.DataFrame(rows, columns=columns)


def split_by_start(
    durations: DurationFrame, cutoff: pd.Timestamp | str
) -> tuple[DurationFrame, DurationFrame]:
    """Split cases into those started before ``cutoff`` and those started at or after it.

    Cases without a start belong to neither.

    Examples
    --------
    >>> from servqual_cli.core.durations import case_durations
    >>> d = case_durations(pd.Series(["2024-01-02", "2024-06-03"]), pd.Series([None, None]),
    ...                    "days")
    >>> [len(part.frame) for part in split_by_start(d, "2024-03-01")]
    [1, 1]
    """
    cut = pd.Timestamp(cutoff)
    if cut.tzinfo is not None:
        cut = cut.tz_convert("Europe/Stockholm").tz_localize(None)
    start = durations.frame["start"]
    before, after = durations.frame[start < cut], durations.frame[start >= cut]
    return (
        DurationFrame(before, durations.unit, durations.as_of),
        DurationFrame(after, durations.unit, durations.as_of),
    )


@dataclass(frozen=True)
class PeriodComparison:
    """A statistic before and after, their difference (after - before) and a test.

    ``test`` is ``"fisher"`` (two-sided Fisher exact test of the within-limit counts) for
    share_within and ``"mann-whitney"`` for duration statistics; ``test_statistic`` is the odds
    ratio (before vs after) or the Mann-Whitney U of the before sample; ``test_method`` is the
    description returned by the test. ``p`` is NaN when a side has no cases.
    """

    statistic: Statistic
    unit: DurationUnit
    before: DurationSummary
    after: DurationSummary
    diff: float
    p: float
    test: Literal["fisher", "mann-whitney"]
    test_statistic: float
    test_method: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (NaN -> None), the two summaries nested."""
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["before"], out["after"] = self.before.to_dict(), self.after.to_dict()
        result: dict[str, Any] = plain(out)
        return result


def _closed_durations(durations: DurationFrame) -> npt.NDArray[np.float64]:
    frame = durations.frame
    keep = frame["valid"].to_numpy(dtype=bool) & ~frame["open"].to_numpy(dtype=bool)
    return frame["duration"].to_numpy(dtype=float)[keep]


def compare_periods(
    before: DurationFrame,
    after: DurationFrame,
    statistic: Statistic,
    limit: Limit | None = None,
    conf: float = 0.95,
) -> PeriodComparison:
    """Compare a duration statistic between two periods (or any two sets of cases).

    Parameters
    ----------
    before, after : DurationFrame
        In the same unit, e.g. from :func:`split_by_start`.
    statistic, limit, conf
        As for :func:`~servqual_cli.core.duration_summary.summarise_durations`.

    Returns
    -------
    PeriodComparison
        For share_within, a two-sided Fisher exact test of within/decided counts. For median,
        mean and p90, a two-sided Mann-Whitney test of the closed durations (with continuity
        correction; exact for small samples without ties): it tests whether durations in one
        period tend to be longer, not the named statistic itself, and needs no normality.

    Raises
    ------
    ConfigError
        When the two frames are in different units.

    References
    ----------
    .. [1] Fisher (1935); Mann & Whitney (1947).

    Examples
    --------
    >>> from servqual_cli.core.durations import case_durations
    >>> days = lambda ends: case_durations(pd.Series(["2024-01-01"] * len(ends)),
    ...                                    pd.Series(ends), "days")
    >>> c = compare_periods(days(["2024-01-09", "2024-01-11", "2024-01-13"]),
    ...                     days(["2024-01-02", "2024-01-03", "2024-01-04"]), "median")
    >>> c.diff, c.test
    (-8.0, 'mann-whitney')
    """
    if before.unit != after.unit:
        raise ConfigError(
            f"cannot compare durations in {before.unit} with durations in {after.unit}"
        )
    s_before = summarise_frame(before.frame, before.unit, statistic, limit, conf)
    s_after = summarise_frame(after.frame, after.unit, statistic, limit, conf)
    p, test_statistic, method = float("nan"), float("nan"), "not tested: a period has no cases"
    if statistic == "share_within":
        test: Literal["fisher", "mann-whitney"] = "fisher"
        k1, n1 = s_before.n_within or 0, s_before.n
        k2, n2 = s_after.n_within or 0, s_after.n
        if n1 > 0 and n2 > 0:
            fisher = fisher_exact(k1, n1, k2, n2)
            p, test_statistic, method = fisher.p, fisher.odds_ratio, "Fisher exact, two-sided"
    else:
        test = "mann-whitney"
        x, y = _closed_durations(before), _closed_durations(after)
        if x.size > 0 and y.size > 0:
            rank = mann_whitney(x, y)
            p, test_statistic, method = rank.p, rank.statistic, rank.method
    return PeriodComparison(
        statistic=statistic,
        unit=before.unit,
        before=s_before,
        after=s_after,
        diff=s_after.value - s_before.value,
        p=float(p),
        test=test,
        test_statistic=float(test_statistic),
        test_method=str(method),
    )
