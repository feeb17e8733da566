"""Summaries of case durations: median, mean, 90th percentile and share within a limit.

Durations statistics (median, mean, p90) are computed from the valid *closed* cases; open cases
are counted (``n_open``) but not used, because their final duration is unknown. The share within
a limit can use open cases: one whose age at ``as_of`` already exceeds the limit will not be
within it whatever happens, so it counts as not within; one still inside the limit is undecided
and left out of the denominator (counted in ``n_undecided``).

References
----------
.. [1] Conover, W. J. (1999). *Practical Nonparametric Statistics*, 3rd ed., section 3.2
   (confidence interval for a quantile from order statistics). Wiley.
.. [2] Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages.
   *The American Statistician* 50(4), 361-365 (definition 7).
.. [3] Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
   inference. *JASA* 22(158), 209-212.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import special

from servqual_cli.core.durations import DurationFrame, DurationUnit, Limit
from servqual_cli.core.inference import quantile7
from servqual_cli.core.proportions import wilson_ci
from servqual_cli.core.results import plain
from servqual_cli.errors import ConfigError

__all__ = [
    "DurationSummary",
    "Statistic",
    "quantile_ci",
    "summarise_durations",
    "summarise_frame",
]

Statistic = Literal["median", "mean", "p90", "share_within"]

_QUANTILE_OF: dict[str, float] = {"median": 0.5, "p90": 0.9}


@dataclass(frozen=True)
class DurationSummary:
    """One statistic of a set of case durations with its confidence interval.

    ``n`` is the number of cases the value is computed from: valid closed cases for median, mean
    and p90; decided cases (closed, or open and already past the limit) for share_within.
    ``n_open`` counts valid open cases, ``n_invalid`` the excluded ones. ``n_within`` and
    ``n_undecided`` are set for share_within only. ``ci_coverage`` is the exact coverage of the
    order-statistic interval (median, p90), at least ``conf`` when the interval exists.
    """

    statistic: Statistic
    unit: DurationUnit
    value: float
    ci_low: float
    ci_high: float
    conf: float
    n: int
    n_open: int
    n_invalid: int
    ci_method: str
    n_within: int | None = None
    n_undecided: int | None = None
    limit: Limit | None = None
    ci_coverage: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (NaN -> None).

        >>> s = DurationSummary("mean", "days", 2.0, float("nan"), float("nan"), 0.95, 1, 0, 0,
        ...                     "t")
        >>> s.to_dict()["ci_low"] is None
        True
        """
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["limit"] = None if self.limit is None else self.limit.to_dict()
        result: dict[str, Any] = plain(out)
        return result


def quantile_ci(
    values: npt.ArrayLike, q: float, conf: float = 0.95, presorted: bool = False
) -> tuple[float, float, float]:
    """Distribution-free confidence interval for the ``q`` quantile from order statistics.

    With ``B ~ Binomial(n, q)`` the interval ``[x_(r), x_(s)]`` covers the population quantile
    with probability ``P(r <= B <= s - 1)``. ``r`` is the largest rank with
    ``P(B <= r - 1) <= alpha/2`` and ``s`` the smallest with ``P(B >= s) <= alpha/2``, so each
    tail has at most ``alpha/2`` and the coverage is at least ``conf``.

    Parameters
    ----------
    values : array-like of float
        Observations; NaN values are dropped.
    q : float
        Quantile in (0, 1), 0.5 for the median.
    conf : float
        Confidence level.
    presorted : bool
        ``values`` are sorted already (NaN last, as :func:`numpy.sort` leaves them): not sorted
        again.

    Returns
    -------
    (low, high, coverage) : tuple of float
        A bound is NaN when ``n`` is too small for it (e.g. the median with ``n < 6`` at 95 %);
        ``coverage`` is then NaN too.

    References
    ----------
    .. [1] Conover, W. J. (1999). *Practical Nonparametric Statistics*, 3rd ed., section 3.2.

    Examples
    --------
    With n = 10: P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2), so r = 2 and s = 9.

    >>> low, high, coverage = quantile_ci(np.arange(1.0, 11.0), 0.5)
    >>> low, high, round(coverage, 6)
    (2.0, 9.0, 0.978516)
    """
    x = np.asarray(values, dtype=float)
    x = x if presorted else np.sort(x)
    x = x[~np.isnan(x)]
    n = x.size
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    tail = (1.0 - conf) / 2.0
    # P(B <= k) only where it can cross alpha/2 or 1 - alpha/2: within 12 standard deviations
    # (plus 20) of n q; beyond, the binomial tails are below 1e-30 (Chernoff), far below any
    # alpha/2; tests/core/test_quantile_window.py checks it against the whole range 0..n.
    sd = np.sqrt(n * q * (1.0 - q))
    lo = max(0, int(np.floor(n * q - 12.0 * sd - 20.0)))
    hi = min(n, int(np.ceil(n * q + 12.0 * sd + 20.0)))
    cdf = np.zeros(n + 1)
    cdf[lo : hi + 1] = special.bdtr(np.arange(lo, hi + 1), n, q)
    cdf[hi + 1 :] = 1.0
    # The tiny slack keeps a tail that equals alpha/2 exactly from being lost to rounding.
    r = int(np.sum(cdf <= tail * (1 + 1e-12)))
    s = int(np.argmax(cdf >= (1.0 - tail) * (1 - 1e-12))) + 1
    low = float(x[r - 1]) if r >= 1 else float("nan")
    high = float(x[s - 1]) if s <= n else float("nan")
    if r < 1 or s > n:
        return low, high, float("nan")
    coverage = float(cdf[s - 1] - cdf[r - 1])
    return low, high, coverage


def _mean_ci(x: npt.NDArray[np.float64], conf: float) -> tuple[float, float, float]:
    """Mean and Student-t interval; NaN bounds for fewer than two values."""
    n = x.size
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(np.mean(x))
    if n < 2:
        return mean, float("nan"), float("nan")
    half = float(special.stdtrit(n - 1, 0.5 + conf / 2.0)) * float(np.std(x, ddof=1)) / np.sqrt(n)
    return mean, mean - half, mean + half


def _check_request(unit: DurationUnit, statistic: str, limit: Limit | None, conf: float) -> None:
    if statistic not in get_args(Statistic):
        raise ConfigError(
            f"unknown duration statistic {statistic!r}: expected one of {get_args(Statistic)}"
        )
    if not 0.0 < conf < 1.0:
        raise ConfigError(f"the confidence level must be between 0 and 1, got {conf}")
    if statistic == "share_within":
        if limit is None:
            raise ConfigError("the statistic 'share_within' needs a time limit, e.g. '10 weeks'")
        if limit.unit != unit:
            raise ConfigError(
                f"the limit {limit.text or limit.value!r} is in {limit.unit} but the durations are"
                f" in {unit}: compute the durations with unit={limit.unit!r}"
            )


def summarise_frame(
    frame: pd.DataFrame,
    unit: DurationUnit,
    statistic: Statistic,
    limit: Limit | None = None,
    conf: float = 0.95,
) -> DurationSummary:
    """:func:`summarise_durations` on the ``frame`` of a :class:`DurationFrame` (or a subset).

    Examples
    --------
    >>> from servqual_cli.core.durations import case_durations
    >>> d = case_durations(pd.Series(["2024-01-01"] * 2), pd.Series(["2024-01-02", None]), "days")
    >>> summarise_frame(d.frame, "days", "mean").n_open
    1
    """
    _check_request(unit, statistic, limit, conf)
    valid = frame["valid"].to_numpy(dtype=bool)
    open_ = frame["open"].to_numpy(dtype=bool)
    closed = frame["duration"].to_numpy(dtype=float)[valid & ~open_]
    common: dict[str, Any] = {
        "statistic": statistic,
        "unit": unit,
        "conf": conf,
        "n_open": int(np.sum(valid & open_)),
        "n_invalid": int(np.sum(~valid)),
        "limit": limit,
    }
    if statistic == "mean":
        value, low, high = _mean_ci(closed, conf)
        return DurationSummary(
            value=value, ci_low=low, ci_high=high, n=closed.size, ci_method="t", **common
        )
    if statistic in _QUANTILE_OF:
        q = _QUANTILE_OF[statistic]
        closed = np.sort(closed)  # once: the interval reads the order statistics of it
        value = float(quantile7(closed, q)) if closed.size else float("nan")
        low, high, coverage = quantile_ci(closed, q, conf, presorted=True)
        return DurationSummary(
            value=value,
            ci_low=low,
            ci_high=high,
            n=closed.size,
            ci_method="binomial order statistics",
            ci_coverage=coverage,
            **common,
        )
    if limit is None:  # unreachable after _check_request; keeps the type narrow
        raise ConfigError("the statistic 'share_within' needs a time limit, e.g. '10 weeks'")
    return _share_within(frame, closed, valid & open_, limit, conf, common)


def _share_within(
    frame: pd.DataFrame,
    closed: npt.NDArray[np.float64],
    valid_open: npt.NDArray[np.bool_],
    limit: Limit,
    conf: float,
    common: dict[str, Any],
) -> DurationSummary:
    """Share of decided cases within ``limit``; open cases past the limit count as late."""
    age = frame["censored_at_as_of"].to_numpy(dtype=float)[valid_open]
    late_open = int(np.sum(age > limit.value))
    n_within = int(np.sum(closed <= limit.value))
    n = closed.size + late_open
    if n == 0:
        value, low, high = float("nan"), float("nan"), float("nan")
    else:
        value = n_within / n
        low_arr, high_arr = wilson_ci(n_within, n, conf=conf)
        low, high = float(low_arr), float(high_arr)
    return DurationSummary(
        value=value,
        ci_low=low,
        ci_high=high,
        n=n,
        ci_method="Wilson",
        n_within=n_within,
        n_undecided=int(age.size - late_open),
        **common,
    )


def summarise_durations(
    durations: DurationFrame,
    statistic: Statistic,
    limit: Limit | None = None,
    conf: float = 0.95,
) -> DurationSummary:
    """Summarise case durations by one statistic with a confidence interval.

    Parameters
    ----------
    durations : DurationFrame
        From :func:`~servqual_cli.core.durations.case_durations`.
    statistic : {"median", "mean", "p90", "share_within"}
        ``median`` and ``p90`` are R ``quantile(type = 7)`` values (numpy ``"linear"``) with a
        distribution-free interval from binomial order statistics (:func:`quantile_ci`);
        ``mean`` has a Student-t interval; ``share_within`` is the share of decided cases whose
        duration is at most ``limit`` (inclusive: decided on day 70 is within 10 weeks), with a
        Wilson interval.
    limit : Limit, optional
        Required for ``share_within``; must be in the unit of ``durations``.
    conf : float
        Confidence level of the interval.

    Returns
    -------
    DurationSummary

    Raises
    ------
    ConfigError
        Unknown statistic, a missing or mismatched limit, or ``conf`` outside (0, 1).

    References
    ----------
    .. [1] Conover (1999), section 3.2; Hyndman & Fan (1996); Wilson (1927).

    Examples
    --------
    >>> from servqual_cli.core.durations import case_durations, parse_limit
    >>> start = pd.Series(["2024-01-01"] * 4)
    >>> end = pd.Series(["2024-01-03", "2024-01-20", None, None])
    >>> d = case_durations(start, end, "days", as_of="2024-01-30")
    >>> s = summarise_durations(d, "share_within", parse_limit("14 dagar"))
    >>> s.n_within, s.n, s.n_undecided, round(s.value, 3)
    (1, 4, 0, 0.25)
    """
    return summarise_frame(durations.frame, durations.unit, statistic, limit, conf)
