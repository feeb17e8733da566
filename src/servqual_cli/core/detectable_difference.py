"""Minimum detectable differences (power) of a share and of a mean, as R ``power.prop.test`` and
``power.t.test`` solve them: the smallest change a comparison of two periods would find with
the given power."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from servqual_cli.core.distributions import FloatArray, find_root, ufuncs
from servqual_cli.core.proportions import check_prob
from servqual_cli.errors import DataError


@dataclass(frozen=True)
class MDD:
    """Minimum detectable change from a baseline share, in each direction (share units)."""

    up: float
    down: float
    conservative: float
    n: float  # the per-group n used: n1, or the harmonic mean of n1 and n2


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

    root = find_root(gap_at, float(grid[i - 1]), float(grid[i]))
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
    check_prob(alpha, "alpha")
    check_prob(power, "power")
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
    check_prob(alpha, "alpha")
    check_prob(power, "power")
    if not (math.isfinite(sd) and sd > 0):
        raise DataError(f"standard deviation must be positive, got {sd}")
    if n1 < 1 or n2 < 1 or n1 + n2 < 3:
        raise DataError(f"need n1, n2 >= 1 and n1 + n2 >= 3, got {n1} and {n2}")
    return _mdd_t(sd * math.sqrt(1.0 / n1 + 1.0 / n2), n1 + n2 - 2.0, alpha, power)


def mdd_welch(se: float, df: float, alpha: float = 0.05, power: float = 0.8) -> float:
    """Smallest mean difference Welch's two-sided test detects with ``power``, from that test's
    own standard error ``se`` = sqrt(s1²/n1 + s2²/n2) and Satterthwaite ``df``: the noncentral t
    with ncp = delta / se, as :func:`mdd_mean_difference` with the pooled SD replaced by the
    SE the verdict's test uses (NaN when the test has none: se or df not positive).

    References
    ----------
    R ``power.t.test``'s power formula (strict = FALSE) with ``t.test(var.equal = FALSE)``'s
    ``stderr`` and ``parameter``; Welch, B. L. (1947). *Biometrika* 34, 28-35.

    Examples
    --------
    >>> round(mdd_welch(0.25, 40.0), 4)  # R uniroot on pt(qt(0.975, 40), 40, ncp = d / 0.25)
    0.7178
    """
    check_prob(alpha, "alpha")
    check_prob(power, "power")
    if not (math.isfinite(se) and se > 0 and math.isfinite(df) and df > 0):
        return math.nan
    return _mdd_t(se, df, alpha, power)


def _mdd_t(scale: float, df: float, alpha: float, power: float) -> float:
    """The delta at which a two-sided t test of df ``df`` and SE ``scale`` reaches ``power``."""
    crit = float(-special.stdtrit(df, alpha / 2))  # scipy.stats.t.isf(alpha / 2, df)

    def gap(delta: float) -> float:  # scipy.stats.nct.sf(crit, df, ncp), clipped as there
        return min(1.0, max(0.0, float(ufuncs()._nct_sf(crit, df, delta / scale)))) - power

    hi = scale * (crit + 4.0)
    while gap(hi) < 0:  # the power rises with delta; widen until the root is bracketed
        hi *= 2.0
    return find_root(gap, 0.0, hi)
