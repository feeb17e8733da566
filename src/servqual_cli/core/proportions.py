"""Inference for shares, counts and rates, and minimum detectable differences (power).

Each function matches a named R function (see its References). Counts must be whole numbers
with 0 <= k <= n (:class:`~servqual_cli.errors.DataError` otherwise); a group with n = 0 gives
NaN rather than an exception.

Normal quantiles and probabilities come from :mod:`scipy.special` (``ndtri``, ``ndtr``: the
functions behind ``scipy.stats.norm``); the binomial, hypergeometric, beta and noncentral t
functions are the ones ``scipy.stats`` calls (``scipy.special`` and its ufunc module), so no
command imports :mod:`scipy.stats` (about a second) for them; roots are solved by
:func:`servqual_cli.core.roots.brentq`, a port of SciPy's, without :mod:`scipy.optimize`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from servqual_cli.errors import DataError, UsageError

FloatArray = NDArray[np.float64]

# R's fisher.test and binom.test count outcomes "as extreme" when their probability is within
# this factor of the observed one, so rounding cannot drop a tie in probability.
_REL_ERR = 1 + 1e-7
# Root finding to near machine precision (R's uniroot default is only eps^0.25 ~ 1.2e-4).
_XTOL = 1e-15
_RTOL = 4 * np.finfo(np.float64).eps


@dataclass(frozen=True)
class FisherResult:
    """Fisher's exact test on [[k1, n1 - k1], [k2, n2 - k2]]: odds of group 1 over group 2."""

    p: float
    odds_ratio: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class MDD:
    """Minimum detectable change from a baseline share, in each direction (share units)."""

    up: float
    down: float
    conservative: float
    n: float  # the per-group n used: n1, or the harmonic mean of n1 and n2


@dataclass(frozen=True)
class RateTestResult:
    """Exact comparison of two Poisson rates: ``rate_ratio`` = (k1 / t1) / (k2 / t2)."""

    rate_ratio: float
    p: float
    ci_low: float
    ci_high: float


def _check_prob(value: float, name: str) -> None:
    if not 0.0 < value < 1.0:
        raise UsageError(f"{name} must be between 0 and 1, got {value}")


def _count(value: float, name: str) -> int:
    if not (math.isfinite(value) and value >= 0 and float(value).is_integer()):
        raise DataError(f"{name} must be a whole number >= 0, got {value}")
    return int(value)


def _counts(k: int, n: int, label: str) -> tuple[int, int]:
    k_, n_ = _count(k, f"k{label}"), _count(n, f"n{label}")
    if k_ > n_:
        raise DataError(f"k{label} = {k_} is larger than n{label} = {n_}")
    return k_, n_


def wilson_ci(k: ArrayLike, n: ArrayLike, conf: float = 0.95) -> tuple[FloatArray, FloatArray]:
    """Wilson score interval for k successes out of n, vectorised over ``k`` and ``n``.

    Returns arrays (0-d for scalar input) of lower and upper limits; n == 0 gives NaN.

    References
    ----------
    R ``prop.test(k, n, correct = FALSE)$conf.int``. Wilson, E. B. (1927). Probable inference,
    the law of succession, and statistical inference. *JASA* 22(158), 209-212.

    Examples
    --------
    >>> low, high = wilson_ci([13, 0], [54, 54])
    >>> low.round(4).tolist(), high.round(4).tolist()
    ([0.1464, 0.0], [0.3695, 0.0664])
    """
    _check_prob(conf, "confidence level")
    k_arr, n_arr = np.broadcast_arrays(np.asarray(k, np.float64), np.asarray(n, np.float64))
    if np.any(k_arr < 0) or np.any(k_arr > n_arr) or np.any(np.isnan(k_arr) | np.isnan(n_arr)):
        raise DataError("counts must satisfy 0 <= k <= n")
    z = float(special.ndtri((1 + conf) / 2))  # scipy.stats.norm.ppf
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k_arr / n_arr
        z22n = z * z / (2 * n_arr)
        root = z * np.sqrt(p * (1 - p) / n_arr + z22n / (2 * n_arr))
        # R pins the limits to exactly 0 and 1 at k = 0 and k = n; the formula gives them only
        # up to rounding.
        high = np.where(p >= 1, 1.0, (p + z22n + root) / (1 + 2 * z22n))
        low = np.where(p <= 0, 0.0, (p + z22n - root) / (1 + 2 * z22n))
    empty = n_arr == 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def newcombe_diff_ci(k1: int, n1: int, k2: int, n2: int, conf: float = 0.95) -> tuple[float, float]:
    """Confidence interval for p2 - p1 (after minus before), Newcombe's hybrid score method.

    References
    ----------
    Newcombe, R. G. (1998). Interval estimation for the difference between independent
    proportions: comparison of eleven methods. *Stat. Med.* 17, 873-890 (method 10, no
    continuity correction). Same as ``statsmodels.stats.proportion.confint_proportions_2indep(
    k2, n2, k1, n1, method='newcomb', compare='diff')``.

    Examples
    --------
    >>> [round(v, 4) for v in newcombe_diff_ci(13, 54, 20, 54)]
    [-0.0437, 0.293]
    """
    k1, n1 = _counts(k1, n1, "1")
    k2, n2 = _counts(k2, n2, "2")
    if n1 == 0 or n2 == 0:
        return math.nan, math.nan
    (l1, l2), (u1, u2) = wilson_ci([k1, k2], [n1, n2], conf)
    p1, p2 = k1 / n1, k2 / n2
    d = p2 - p1
    return (
        float(d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)),
        float(d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)),
    )


@dataclass(frozen=True)
class ScoreDiffResult:
    """Score test of p_after = p_before with the interval that inverts the same statistic."""

    diff: float
    z: float
    p: float
    ci_low: float
    ci_high: float
    method: str = "score test (Pearson chi-squared, 1 df) with Mee's score interval"


def _restricted_mle(
    pa: float, na: int, pb: float, nb: int, delta: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """ML estimates of (p_a, p_b) under p_a - p_b = delta (Farrington & Manning 1990, closed form
    of the cubic's root; Miettinen & Nurminen 1985, appendix)."""
    theta = nb / na
    a = 1.0 + theta
    b = -(1.0 + theta + pa + theta * pb + delta * (theta + 2.0))
    c = delta**2 + delta * (2.0 * pa + theta + 1.0) + pa + theta * pb
    d = -pa * delta * (1.0 + delta)
    v = b**3 / (3.0 * a) ** 3 - b * c / (6.0 * a * a) + d / (2.0 * a)
    u = np.sign(v) * np.sqrt(np.maximum(b * b / (3.0 * a) ** 2 - c / (3.0 * a), 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(u == 0, 0.0, v / u**3)
    w = (np.pi + np.arccos(np.clip(ratio, -1.0, 1.0))) / 3.0
    p_a = np.clip(2.0 * u * np.cos(w) - b / (3.0 * a), 0.0, 1.0)
    p_b = np.clip(p_a - delta, 0.0, 1.0)
    return p_a, p_b


def score_diff_test(k1: int, n1: int, k2: int, n2: int, conf: float = 0.95) -> ScoreDiffResult:
    """Score test and score interval for p2 - p1 (after minus before) of independent shares.

    z(δ) = (p̂2 - p̂1 - δ) / √(p̃2(1 - p̃2)/n2 + p̃1(1 - p̃1)/n1), with p̃ the ML estimates under
    p2 - p1 = δ. At δ = 0 these are the pooled share and z² is Pearson's chi-squared without
    continuity correction (R ``prop.test(correct = FALSE)``): the p-value. The interval is
    every δ with |z(δ)| < z_{1-α/2} (Mee 1984, the Miettinen-Nurminen interval without its
    n / (n - 1) factor), so it excludes 0 exactly when p < 1 - conf: verdict, p and interval
    always agree, which Fisher's test beside a Newcombe interval did not (2/2 → 0/2: p = 0.33,
    interval excluding 0). Fagerland, Lydersen & Laake (2015) recommend both.

    References
    ----------
    Mee, R. W. (1984). Confidence bounds for the difference between two probabilities.
    *Biometrics* 40, 1175-1176. Miettinen, O., & Nurminen, M. (1985). Comparative analysis of
    two rates. *Stat. Med.* 4, 213-226. Farrington, C. P., & Manning, G. (1990). *Stat. Med.*
    9, 1447-1454. Fagerland, M. W., Lydersen, S., & Laake, P. (2015). Recommended confidence
    intervals for two independent binomial proportions. *Stat. Methods Med. Res.* 24(2),
    224-254. Checked against R: ``prop.test(correct = FALSE)`` for p, and the bounds from
    ``uniroot`` on z(δ) with the restricted MLE found by ``optimize`` (tests/core/r/shares12.R).
    statsmodels' ``confint_proportions_2indep(method="score")`` gives bounds where |z| is not
    the critical value (1.917 instead of 1.960 for 13/54 vs 20/54), so it is not the reference.

    Examples
    --------
    >>> r = score_diff_test(2, 2, 0, 2)
    >>> round(r.p, 4), round(r.ci_low, 4), round(r.ci_high, 4)
    (0.0455, -1.0, -0.0202)
    """
    if not 0.0 < conf < 1.0:
        raise UsageError(f"confidence level must be between 0 and 1, got {conf}")
    k1, n1 = _counts(k1, n1, "1")
    k2, n2 = _counts(k2, n2, "2")
    nan = math.nan
    if n1 == 0 or n2 == 0:
        return ScoreDiffResult(nan, nan, nan, nan, nan)
    p1, p2 = k1 / n1, k2 / n2
    d = p2 - p1
    crit = float(special.ndtri(0.5 + conf / 2.0))

    def z(delta: FloatArray) -> FloatArray:
        pa, pb = _restricted_mle(p2, n2, p1, n1, delta)
        var = pa * (1.0 - pa) / n2 + pb * (1.0 - pb) / n1
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray((d - delta) / np.sqrt(var), dtype=np.float64)

    z0 = float(z(np.array([0.0]))[0])
    # Pooled share 0 or 1: both years all no (or all yes), nothing to test.
    p = float(2.0 * special.ndtr(-abs(z0))) if math.isfinite(z0) else 1.0
    # z(δ) falls from +inf at δ = -1 to -inf at δ = 1: bisect both bounds at once, to ~1e-15.
    lo = np.array([-1.0, d])
    hi = np.array([d, 1.0])
    target = np.array([crit, -crit])
    for _ in range(60):
        mid = (lo + hi) / 2.0
        above = z(mid) > target  # still inside (lower) / not yet past (upper) on the left
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    low, high = (lo + hi) / 2.0
    if d == -1.0:
        low = -1.0
    if d == 1.0:
        high = 1.0
    return ScoreDiffResult(d, z0, p, float(low), float(high))


def _root(f: Callable[[float], float], lo: float, hi: float) -> float:
    from servqual_cli.core.roots import brentq  # SciPy's brentq, without scipy.optimize

    return brentq(f, lo, hi, xtol=_XTOL, rtol=_RTOL)


def fisher_exact(k1: int, n1: int, k2: int, n2: int, conf: float = 0.95) -> FisherResult:
    """Fisher's exact test for two shares, as R ``fisher.test`` on a 2 x 2 table.

    The table is [[k1, n1 - k1], [k2, n2 - k2]]; ``odds_ratio`` is the conditional maximum
    likelihood estimate (group 1 vs group 2) with R's exact conditional interval. A table with
    a zero margin (a group of size 0, or no successes or no failures at all) gives p = 1, an
    interval (0, inf) and odds ratio NaN (R reports 0 there).

    References
    ----------
    R ``fisher.test(matrix(c(k1, k2, n1 - k1, n2 - k2), 2))``. Fisher, R. A. (1935). The logic
    of inductive inference. *JRSS* 98(1), 39-82.

    Examples
    --------
    >>> r = fisher_exact(3, 10, 8, 12)
    >>> round(r.p, 4), round(r.odds_ratio, 4), round(r.ci_low, 4), round(r.ci_high, 3)
    (0.1984, 0.2314, 0.0238, 1.73)
    """
    _check_prob(conf, "confidence level")
    k1, n1 = _counts(k1, n1, "1")
    k2, n2 = _counts(k2, n2, "2")
    m, n, k, x = k1 + k2, n1 + n2 - k1 - k2, n1, k1  # R's names: white, black, drawn, observed
    lo, hi = max(0, k - n), min(k, m)
    if lo == hi:
        return FisherResult(1.0, math.nan, 0.0, math.inf)
    support = np.arange(lo, hi + 1)
    logdc = _hypergeom_logpmf(support, m + n, m, k)

    def density(ncp: float) -> FloatArray:  # noncentral hypergeometric, as R's dnhyper
        d = logdc + math.log(ncp) * support
        d = np.exp(d - d.max())
        return np.asarray(d / d.sum(), dtype=np.float64)

    def mean(ncp: float) -> float:
        return float(lo if ncp == 0 else np.sum(support * density(ncp)))

    def tail(ncp: float, upper: bool) -> float:  # P(X >= x) or P(X <= x)
        if ncp == 0:
            return float(x <= lo) if upper else 1.0
        return float(np.sum(density(ncp)[support >= x] if upper else density(ncp)[support <= x]))

    d1 = density(1.0)
    p = min(1.0, float(np.sum(d1[d1 <= d1[x - lo] * _REL_ERR])))

    def solve(f: Callable[[float], float], at_one: float) -> float:
        # R searches ncp in (0, 1) or 1/ncp in (eps, 1), whichever side of 1 holds the root.
        if at_one > 0:
            return _root(f, 0.0, 1.0)
        if at_one < 0:
            return 1.0 / _root(lambda t: f(1.0 / t), np.finfo(np.float64).eps, 1.0)
        return 1.0

    if x == lo:
        odds = 0.0
    elif x == hi:
        odds = math.inf
    else:
        odds = solve(lambda t: mean(t) - x, mean(1.0) - x)
    alpha = (1 - conf) / 2
    ci_low = 0.0 if x == lo else solve(lambda t: tail(t, True) - alpha, tail(1.0, True) - alpha)
    ci_high = (
        math.inf if x == hi else solve(lambda t: alpha - tail(t, False), alpha - tail(1.0, False))
    )
    return FisherResult(p, odds, ci_low, ci_high)


def _prop_power(p1: float, p2: FloatArray, n: float, alpha: float) -> FloatArray:
    """R ``power.prop.test``'s power (two-sided, strict = FALSE: the far tail is ignored)."""
    z = -special.ndtri(alpha / 2)  # scipy.stats.norm.isf(alpha / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        num = math.sqrt(n) * np.abs(p1 - p2) - z * np.sqrt((p1 + p2) * (1 - (p1 + p2) / 2))
        # scipy.stats.norm.cdf is special.ndtr
        return np.asarray(special.ndtr(num / np.sqrt(p1 * (1 - p1) + p2 * (1 - p2))))


def _first_crossing(p: float, end: float, n: float, alpha: float, power: float) -> float:
    """Smallest |p2 - p| with p2 between p and ``end`` reaching ``power``; NaN if none does."""
    if end == p:
        return math.nan
    # A grid finds the first crossing even if the power curve were not monotone near the
    # boundary; brentq then polishes it between the two bracketing grid points.
    grid = p + (end - p) * np.linspace(0.0, 1.0, 1001)[1:]
    gap = _prop_power(p, grid, n, alpha) - power
    hits = np.flatnonzero(gap >= 0)
    if hits.size == 0:
        return math.nan
    i = int(hits[0])
    if i == 0:
        return abs(float(grid[0]) - p)

    def gap_at(q: float) -> float:
        return float(_prop_power(p, np.array([q]), n, alpha)[0]) - power

    root = _root(gap_at, float(grid[i - 1]), float(grid[i]))
    return abs(root - p)


def min_detectable_difference(
    p: float, n1: int, n2: int | None = None, alpha: float = 0.05, power: float = 0.8
) -> MDD:
    """Smallest change from share ``p`` that a two-sided two-sample test detects.

    Solves R's ``power.prop.test`` (n per group) for p2 above p (``up``) and below p
    (``down``); a direction that no p2 in [0, 1] can reach is NaN. ``conservative`` is the
    larger of the two, over the directions that are possible (NaN only if neither is).
    With n1 != n2 the per-group n is their harmonic mean 2 n1 n2 / (n1 + n2): this makes the
    null variance p q (1/n1 + 1/n2) exact, the alternative variance approximate.

    References
    ----------
    R ``power.prop.test(n = n, p1 = p, power = power, sig.level = alpha)$p2``. Fleiss, J. L.,
    Levin, B., & Paik, M. C. (2003). *Statistical Methods for Rates and Proportions*, 3rd ed.,
    ch. 4 (normal approximation without continuity correction).

    Examples
    --------
    >>> r = min_detectable_difference(0.8, 54)
    >>> round(r.up, 4), round(r.down, 4), round(r.conservative, 4)
    (0.1701, 0.2498, 0.2498)
    """
    _check_prob(alpha, "alpha")
    _check_prob(power, "power")
    if not 0.0 <= p <= 1.0:
        raise DataError(f"baseline share must be between 0 and 1, got {p}")
    sizes = [n1] if n2 is None else [n1, n2]
    if any(not (math.isfinite(s) and s > 0) for s in sizes):
        raise DataError(f"group sizes must be positive, got {sizes}")
    n = float(n1) if n2 is None or n1 == n2 else 2.0 * n1 * n2 / (n1 + n2)
    up = _first_crossing(p, 1.0, n, alpha, power)
    down = _first_crossing(p, 0.0, n, alpha, power)
    both = [v for v in (up, down) if not math.isnan(v)]
    return MDD(up, down, max(both) if both else math.nan, n)


def _binom_two_sided(x: int, n: int, p: float) -> float:
    """R ``binom.test(x, n, p)$p.value`` for 0 < p < 1: outcomes no more likely than x."""
    d = _binom_pmf(x, n, p)
    m = n * p
    if x == m:
        return 1.0
    if x < m:
        i = np.arange(math.ceil(m), n + 1)
        y = int(np.sum(_binom_pmf(i, n, p) <= d * _REL_ERR))
        total = _binom_cdf(x, n, p) + _binom_sf(n - y, n, p)
    else:
        i = np.arange(0, math.floor(m) + 1)
        y = int(np.sum(_binom_pmf(i, n, p) <= d * _REL_ERR))
        total = _binom_cdf(y - 1, n, p) + _binom_sf(x - 1, n, p)
    return min(1.0, float(total))


# The distributions below are scipy.stats' own ufuncs (scipy.special._ufuncs, loaded with
# scipy.special), called directly: the same numbers without importing scipy.stats (~1 s).
def _binom_pmf(k: ArrayLike, n: int, p: float) -> FloatArray:
    """scipy.stats.binom.pmf(k, n, p) (boost's binomial pdf)."""
    return np.asarray(_ufuncs()._binom_pmf(k, n, p), dtype=np.float64)


def _binom_cdf(k: int, n: int, p: float) -> float:
    """scipy.stats.binom.cdf(k, n, p): 0 below the support, 1 above it."""
    if k < 0:
        return 0.0
    return 1.0 if k >= n else float(_ufuncs()._binom_cdf(float(k), n, p))


def _binom_sf(k: int, n: int, p: float) -> float:
    """scipy.stats.binom.sf(k, n, p) = P(X > k): 1 below the support, 0 above it."""
    if k < 0:
        return 1.0
    return 0.0 if k >= n else float(_ufuncs()._binom_sf(float(k), n, p))


def _hypergeom_logpmf(k: NDArray[Any], total: int, good: int, drawn: int) -> FloatArray:
    """scipy.stats.hypergeom.logpmf(k, total, good, drawn): its log-beta formula."""
    bad = total - good
    betaln = special.betaln
    return np.asarray(
        betaln(good + 1, 1) + betaln(bad + 1, 1) + betaln(total - drawn + 1, drawn + 1)
        - betaln(k + 1, good - k + 1) - betaln(drawn - k + 1, bad - drawn + k + 1)
        - betaln(total + 1, 1),
        dtype=np.float64,
    )  # fmt: skip


def _ufuncs() -> Any:
    """scipy's private module of the distribution ufuncs that scipy.stats calls."""
    from scipy.special import _ufuncs

    return _ufuncs


def poisson_rate_test(k1: int, t1: float, k2: int, t2: float, conf: float = 0.95) -> RateTestResult:
    """Exact test and interval for the ratio of two Poisson rates (k events in exposure t).

    Conditional on k1 + k2, k1 is binomial with p = t1 / (t1 + t2) under equal rates; the
    Clopper-Pearson limits for that p are mapped to the rate ratio.

    References
    ----------
    R ``poisson.test(c(k1, k2), c(t1, t2))``. Przyborowski, J., & Wilenski, H. (1940).
    Homogeneity of results in testing samples from Poisson series. *Biometrika* 31, 313-323.

    Examples
    --------
    >>> r = poisson_rate_test(12, 1000, 5, 1100)
    >>> round(r.rate_ratio, 2), round(r.p, 4), round(r.ci_low, 4), round(r.ci_high, 3)
    (2.64, 0.0865, 0.8658, 9.566)
    """
    _check_prob(conf, "confidence level")
    x, k2 = _count(k1, "k1"), _count(k2, "k2")
    if not (math.isfinite(t1) and math.isfinite(t2) and t1 > 0 and t2 > 0):
        raise DataError(f"exposures must be positive, got t1 = {t1}, t2 = {t2}")
    n = x + k2
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = float(np.float64(x / t1) / np.float64(k2 / t2))
    p = _binom_two_sided(x, n, t1 / (t1 + t2))
    alpha = (1 - conf) / 2
    # scipy.stats.beta.ppf(q, a, b) is special.betaincinv(a, b, q) (boost's ibeta_inv)
    p_low = 0.0 if x == 0 else float(special.betaincinv(x, n - x + 1, alpha))
    p_high = 1.0 if x == n else float(special.betaincinv(x + 1, n - x, 1 - alpha))
    to_ratio = t2 / t1
    high = math.inf if p_high == 1.0 else p_high / (1 - p_high) * to_ratio
    return RateTestResult(ratio, p, p_low / (1 - p_low) * to_ratio, high)


def mdd_mean_difference(
    sd: float, n1: int, n2: int, alpha: float = 0.05, power: float = 0.8
) -> float:
    """Smallest mean difference a two-sided two-sample t-test detects with ``power``.

    Uses the noncentral t with df = n1 + n2 - 2 and ncp = delta / (sd sqrt(1/n1 + 1/n2));
    for n1 = n2 this is R's ``power.t.test`` (strict = FALSE: the far tail is ignored).

    References
    ----------
    R ``power.t.test(n = n, sd = sd, sig.level = alpha, power = power)$delta``. Cohen, J.
    (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., ch. 2.

    Examples
    --------
    >>> round(mdd_mean_difference(1.2, 54, 54), 4)
    0.6529
    """
    _check_prob(alpha, "alpha")
    _check_prob(power, "power")
    if not (math.isfinite(sd) and sd > 0):
        raise DataError(f"standard deviation must be positive, got {sd}")
    if n1 < 1 or n2 < 1 or n1 + n2 < 3:
        raise DataError(f"need n1, n2 >= 1 and n1 + n2 >= 3, got {n1} and {n2}")
    df = n1 + n2 - 2.0
    crit = float(-special.stdtrit(df, alpha / 2))  # scipy.stats.t.isf(alpha / 2, df)
    scale = sd * math.sqrt(1.0 / n1 + 1.0 / n2)

    def gap(delta: float) -> float:  # scipy.stats.nct.sf(crit, df, ncp), clipped as there
        return min(1.0, max(0.0, float(_ufuncs()._nct_sf(crit, df, delta / scale)))) - power

    hi = scale * (crit + 4.0)
    while gap(hi) < 0:  # the power rises with delta; widen until the root is bracketed
        hi *= 2.0
    return _root(gap, 0.0, hi)
