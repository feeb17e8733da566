"""Time to an event with censoring: the Kaplan-Meier estimate and its quantiles.

Used for the feedback register's days to reply (:mod:`~servqual_cli.core.feedback`): an item
still without a reply at the as-of date is not dropped but counted as unanswered for at least
its age then (right-censored), so the times speak of every item, not only the answered ones
(review 10a, finding 1).

Definitions
-----------
Kaplan-Meier estimate
    ``S(t) = prod over event times t_i <= t of (1 - d_i / n_i)``, ``d_i`` events at ``t_i`` and
    ``n_i`` items still at risk just before it (time >= ``t_i``); an event and a censoring at the
    same time count the censored item as at risk (Kaplan & Meier 1958; R
    ``survival::survfit``). ``1 - S(t)`` is the estimated share with the event by ``t``.
Quantile ``q``
    The smallest event time ``t`` with ``S(t) <= 1 - q`` (within ``sqrt(eps)``, R's tolerance):
    the first time by which a share ``q`` is estimated to have had the event. Without censoring
    this is the inverse of the empirical distribution function, R ``quantile(type = 1)``, numpy
    ``method="inverted_cdf"``. R's ``quantile.survfit`` agrees except when the curve lies exactly
    on ``1 - q`` over an interval, where it takes the interval's midpoint (as ``type = 2``).
    If the curve never comes down to ``1 - q`` (too many censored items), the quantile is not
    estimated: it is later than the largest time followed up, ``follow_up``, and is to be shown
    as "> follow_up", never as a number.
Confidence interval of a quantile
    Brookmeyer & Crowley (1982): the times at which the pointwise interval of the curve holds
    ``1 - q``. The pointwise interval is R ``survfit``'s default, ``conf.type = "log"``:
    ``exp(log S(t) -/+ z * se)``, the upper limit capped at 1, with Greenwood's standard error
    of ``log S(t)``, ``se**2 = sum over event times t_i <= t of d_i / (n_i (n_i - d_i))``
    (Greenwood 1926), and ``z`` the normal quantile of ``(1 + conf) / 2``; where ``S(t) = 0``
    there is no interval (R: NA). The quantile's lower limit is the first event time at which
    the curve's *lower* limit is ``<= 1 - q``, its upper limit the first event time at which the
    curve's *upper* limit is (within ``sqrt(eps)``, as the quantile itself): R
    ``quantile(survfit(...), conf.int = TRUE)``. If the upper limit never comes down to
    ``1 - q`` the quantile's upper limit is not reached (NaN, later than ``follow_up``), as R
    gives NA; the lower limit can exist when the quantile itself is not reached.

    R's ``findq`` searches the distinct values of the limit, which is the first time only
    where the limit is monotone: the lower limit always is, the upper one can rise again in a
    small risk set (a wide interval at the tail). There the two may differ; servqual keeps the
    first time, the same rule as the quantile (tests/core/r/feedback_km.R stores R's values).

References
----------
.. [1] Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from incomplete
   observations. *JASA* 53(282), 457-481.
.. [2] Brookmeyer, R. & Crowley, J. (1982). A confidence interval for the median survival
   time. *Biometrics* 38(1), 29-41.
.. [3] Greenwood, M. (1926). The natural duration of cancer. *Reports on Public Health and
   Medical Subjects* 33, 1-26.
.. [4] Therneau, T. M. (2024). *survival: Survival Analysis*, R package, ``survfit`` and
   ``quantile.survfit``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

__all__ = [
    "LogRank",
    "QuantileTime",
    "kaplan_meier",
    "km_limits",
    "km_quantiles",
    "km_quantiles_by",
    "log_rank",
]

# R quantile.survfit's tolerance: a product of (1 - d/n) equal to 1 - q in exact arithmetic
# may land a rounding error above it
_TOL = math.sqrt(np.finfo(float).eps)


@dataclass(frozen=True)
class QuantileTime:
    """A quantile of the time to the event; ``value`` NaN when it is not reached.

    ``n`` items (``n_events`` of them with the event, the rest censored); ``follow_up`` the
    largest time observed (event or censored): an unreached quantile is later than it.
    ``ci_low``, ``ci_high``: its interval at level ``conf`` (module docstring); ``ci_high`` NaN
    when the curve's upper limit never comes down to ``1 - q`` (not reached, later than
    ``follow_up``); ``ci_low`` NaN when the curve's lower limit never gets there either (no
    event, or the quantile reached only where ``S(t)`` falls to 0, which has no interval).
    """

    q: float
    value: float
    reached: bool
    follow_up: float
    n: int
    n_events: int
    ci_low: float = math.nan
    ci_high: float = math.nan
    conf: float = 0.95


def kaplan_meier(
    time: npt.ArrayLike, event: npt.ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The Kaplan-Meier curve at each distinct time: ``(times, n_risk, n_event, surv)``.

    ``time`` and ``event`` are of equal length; a NaN time is left out. ``surv`` is ``S(t)``
    just after each time (as R ``summary(survfit(...), censored = TRUE)``).

    Examples
    --------
    >>> t, n, d, s = kaplan_meier([1, 2, 2, 3, 5], [True, True, False, True, False])
    >>> t.tolist(), n.tolist(), d.tolist(), s.round(4).tolist()
    ([1.0, 2.0, 3.0, 5.0], [5, 4, 2, 1], [1, 1, 1, 0], [0.8, 0.6, 0.3, 0.3])
    """
    t = np.asarray(time, dtype=float)
    e = np.asarray(event, dtype=bool)
    if t.shape != e.shape:
        raise ValueError(f"time has {t.size} values but event has {e.size}")
    keep = ~np.isnan(t)
    t, e = t[keep], e[keep]
    times, where, counts = np.unique(t, return_inverse=True, return_counts=True)
    n_event = np.bincount(where, weights=e.astype(float), minlength=times.size).astype(np.int64)
    # at risk just before each time: all items minus those with an earlier time
    n_risk = t.size - np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        surv = np.cumprod(1.0 - n_event / n_risk)
    return times, n_risk, n_event, surv


def km_limits(
    n_risk: np.ndarray, n_event: np.ndarray, surv: np.ndarray, conf: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """The curve's pointwise interval at level ``conf``, R ``survfit``'s default
    ``conf.type = "log"`` (module docstring): ``(lower, upper)``, NaN where ``S(t) = 0``.

    >>> t, n, d, s = kaplan_meier([1, 2, 2, 3, 5], [True, True, False, True, False])
    >>> [v.round(4).tolist() for v in km_limits(n, d, s)]
    [[0.5161, 0.2933, 0.0631, 0.0631], [1.0, 1.0, 1.0, 1.0]]
    """
    if not 0.0 < conf < 1.0:
        raise ValueError(f"conf must lie strictly between 0 and 1: {conf}")
    z = NormalDist().inv_cdf(0.5 + conf / 2.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        # Greenwood's variance of log S(t); d = n (the last at risk all with the event) makes
        # S(t) = 0 and the term infinite: no interval there, as R
        var = np.cumsum(n_event / (n_risk * (n_risk - n_event.astype(float))))
        log_s = np.log(np.where(surv > 0, surv, np.nan))
        half = z * np.sqrt(var)
        return np.exp(log_s - half), np.minimum(np.exp(log_s + half), 1.0)


def _first_at(times: np.ndarray, curve: np.ndarray, at_event: np.ndarray, q: float) -> float:
    """The first event time at which ``curve <= 1 - q`` (R's tolerance), NaN if none."""
    with np.errstate(invalid="ignore"):  # NaN limits (S = 0) never match
        hit = np.flatnonzero((curve <= 1.0 - q + _TOL) & at_event)
    return float(times[hit[0]]) if hit.size else math.nan


def km_quantiles(
    time: npt.ArrayLike,
    event: npt.ArrayLike,
    qs: tuple[float, ...] = (0.5, 0.9),
    conf: float = 0.95,
) -> tuple[QuantileTime, ...]:
    """Kaplan-Meier quantiles of the time to the event (module docstring).

    Parameters
    ----------
    time : array_like of float
        Time of the event, or of censoring for an item without it; NaN is left out.
    event : array_like of bool
        Whether the item had the event at ``time`` (False: censored then).
    qs : tuple of float
        Shares with the event, each in (0, 1).
    conf : float
        Level of each quantile's interval (Brookmeyer-Crowley, module docstring).

    Returns
    -------
    tuple of QuantileTime
        One per ``q``, in order; with no item every value is NaN and not reached.

    Examples
    --------
    Five replies after 1-5 days and an unanswered item 30 days old: half are answered by day
    3, and the 90th percentile is not reached within the 30 days followed up.

    >>> m, p = km_quantiles([1, 2, 3, 4, 5, 30], [True] * 5 + [False])
    >>> m.value, p.reached, p.follow_up
    (3.0, False, 30.0)

    Without censoring the median is the inverse of the empirical distribution function:

    >>> km_quantiles([4, 1, 2, 3], [True] * 4, (0.5,))[0].value
    2.0

    Twenty answers after 1-20 days: the 95 % intervals (R: lower 7 and 16, upper 16 and NA;
    its quantiles are 10.5 and 18.5, the midpoints of flat stretches at exactly 1 - q):

    >>> m, p = km_quantiles(range(1, 21), [True] * 20)
    >>> (m.value, m.ci_low, m.ci_high), (p.value, p.ci_low, p.ci_high)
    ((10.0, 7.0, 16.0), (18.0, 16.0, nan))
    """
    if any(not 0.0 < q < 1.0 for q in qs):
        raise ValueError(f"quantiles must lie strictly between 0 and 1: {qs}")
    times, n_risk, n_event, surv = kaplan_meier(time, event)
    lower, upper = km_limits(n_risk, n_event, surv, conf)
    n, n_events = int(n_risk[0]) if times.size else 0, int(n_event.sum())
    follow_up = float(times[-1]) if times.size else math.nan
    at_event = n_event > 0
    out = []
    for q in qs:  # a handful of quantiles, each one vectorised search
        value = _first_at(times, surv, at_event, q)
        low, high = _first_at(times, lower, at_event, q), _first_at(times, upper, at_event, q)
        reached = not math.isnan(value)
        out.append(QuantileTime(q, value, reached, follow_up, n, n_events, low, high, conf))
    return tuple(out)


def km_quantiles_by(
    time: npt.ArrayLike,
    event: npt.ArrayLike,
    codes: npt.ArrayLike,
    n_groups: int,
    qs: tuple[float, ...] = (0.5, 0.9),
    conf: float = 0.95,
) -> list[tuple[QuantileTime, ...]]:
    """:func:`km_quantiles` for each group ``0 .. n_groups - 1`` of ``codes`` (-1: no group).

    A loop over the groups (a register's handful of units), each group's curve vectorised.

    >>> [g[0].value for g in km_quantiles_by([1, 2, 3, 9], [True] * 4, [0, 0, 1, 1], 2, (0.5,))]
    [1.0, 3.0]
    """
    t = np.asarray(time, dtype=float)
    e = np.asarray(event, dtype=bool)
    c = np.asarray(codes, dtype=np.int64)
    return [km_quantiles(t[c == g], e[c == g], qs, conf) for g in range(n_groups)]


@dataclass(frozen=True)
class LogRank:
    """The log-rank test of two groups' curves (:func:`log_rank`): ``observed`` and
    ``expected`` events of the second group (``group`` True), the variance of ``O - E``, the
    chi-square on one degree of freedom and its p; NaN where no event or no variance."""

    n: tuple[int, int]
    observed: tuple[int, int]
    expected: tuple[float, float]
    variance: float
    chi2: float
    p: float


def log_rank(time: npt.ArrayLike, event: npt.ArrayLike, group: npt.ArrayLike) -> LogRank:
    """The log-rank test of ``group`` False against True (Mantel 1966; Peto & Peto 1972), R
    ``survival::survdiff(Surv(time, event) ~ group)`` (rho = 0).

    At each distinct event time ``t_i`` of the pooled sample, with ``n_i`` at risk (time >=
    ``t_i``; an item censored at ``t_i`` is at risk, as in :func:`kaplan_meier`), ``d_i``
    events and ``n_1i`` of those at risk in the second group, its expected events are
    ``E = sum d_i n_1i / n_i`` and the hypergeometric variance of ``O - E`` is ``V = sum d_i
    (n_1i / n_i) (1 - n_1i / n_i) (n_i - d_i) / (n_i - 1)`` (0 where ``n_i = 1``);
    ``chi2 = (O - E)**2 / V`` on 1 df. A NaN time is left out.

    >>> r = log_rank([1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 1], [0, 0, 0, 1, 1, 1])
    >>> r.observed, round(r.chi2, 4), round(r.p, 4)
    ((2, 3), 2.4694, 0.1161)
    """
    t = np.asarray(time, dtype=float)
    e = np.asarray(event, dtype=bool)
    g = np.asarray(group, dtype=bool)
    if not (t.shape == e.shape == g.shape):
        raise ValueError(f"time, event and group have {t.size}, {e.size} and {g.size} values")
    keep = ~np.isnan(t)
    t, e, g = t[keep], e[keep], g[keep]
    at = np.unique(t[e])  # the pooled event times
    order = np.sort(t)
    # at risk at each event time: items with time >= t_i (searchsorted over the sorted times)
    n_risk = (t.size - np.searchsorted(order, at, side="left")).astype(float)
    n_risk1 = (g.sum() - np.searchsorted(np.sort(t[g]), at, side="left")).astype(float)
    d = np.bincount(np.searchsorted(at, t[e]), minlength=at.size).astype(float)
    share = n_risk1 / n_risk if at.size else np.zeros(0)
    expected1 = float(np.sum(d * share))
    with np.errstate(divide="ignore", invalid="ignore"):
        ties = np.where(n_risk > 1, (n_risk - d) / (n_risk - 1), 0.0)
    variance = float(np.sum(d * share * (1 - share) * ties))
    observed = (int((e & ~g).sum()), int((e & g).sum()))
    expected = (float(d.sum()) - expected1, expected1)
    chi2 = (observed[1] - expected1) ** 2 / variance if variance > 0 else math.nan
    # chi-square on 1 df: P(X > chi2) = erfc(sqrt(chi2 / 2))
    p = math.erfc(math.sqrt(chi2 / 2)) if not math.isnan(chi2) else math.nan
    return LogRank((int((~g).sum()), int(g.sum())), observed, expected, variance, chi2, p)
