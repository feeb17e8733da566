"""Exact tests of two groups: Fisher's exact test of two shares (odds ratio with its conditional
ML interval, as R ``fisher.test``) and the exact test of two Poisson rates (as R
``poisson.test``). Each function matches the named R function (see its References)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special

from servqual_cli.core.distributions import (
    REL_ERR,
    FloatArray,
    binom_two_sided,
    find_root,
    hypergeom_logpmf,
)
from servqual_cli.core.proportions import check_prob, checked_counts, whole_count
from servqual_cli.errors import DataError


@dataclass(frozen=True)
class FisherResult:
    """Fisher's exact test on [[k1, n1 - k1], [k2, n2 - k2]]: odds of group 1 over group 2."""

    p: float
    odds_ratio: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class RateTestResult:
    """Exact comparison of two Poisson rates: ``rate_ratio`` = (k1 / t1) / (k2 / t2)."""

    rate_ratio: float
    p: float
    ci_low: float
    ci_high: float


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
    check_prob(conf, "confidence level")
    k1, n1 = checked_counts(k1, n1, "1")
    k2, n2 = checked_counts(k2, n2, "2")
    m, n, k, x = k1 + k2, n1 + n2 - k1 - k2, n1, k1  # R's names: white, black, drawn, observed
    lo, hi = max(0, k - n), min(k, m)
    if lo == hi:
        return FisherResult(1.0, math.nan, 0.0, math.inf)
    support = np.arange(lo, hi + 1)
    logdc = hypergeom_logpmf(support, m + n, m, k)

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
    p = min(1.0, float(np.sum(d1[d1 <= d1[x - lo] * REL_ERR])))

    def solve(f: Callable[[float], float], at_one: float) -> float:
        # R searches ncp in (0, 1) or 1/ncp in (eps, 1), whichever side of 1 holds the root.
        if at_one > 0:
            return find_root(f, 0.0, 1.0)
        if at_one < 0:
            return 1.0 / find_root(lambda t: f(1.0 / t), np.finfo(np.float64).eps, 1.0)
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
    check_prob(conf, "confidence level")
    x, k2 = whole_count(k1, "k1"), whole_count(k2, "k2")
    if not (math.isfinite(t1) and math.isfinite(t2) and t1 > 0 and t2 > 0):
        raise DataError(f"exposures must be positive, got t1 = {t1}, t2 = {t2}")
    n = x + k2
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = float(np.float64(x / t1) / np.float64(k2 / t2))
    p = binom_two_sided(x, n, t1 / (t1 + t2))
    alpha = (1 - conf) / 2
    # scipy.stats.beta.ppf(q, a, b) is special.betaincinv(a, b, q) (boost's ibeta_inv)
    p_low = 0.0 if x == 0 else float(special.betaincinv(x, n - x + 1, alpha))
    p_high = 1.0 if x == n else float(special.betaincinv(x + 1, n - x, 1 - alpha))
    to_ratio = t2 / t1
    high = math.inf if p_high == 1.0 else p_high / (1 - p_high) * to_ratio
    return RateTestResult(ratio, p, p_low / (1 - p_low) * to_ratio, high)
