"""A share's trend over the years: the slope of the linear-probability model and the interval
that inverts its score test (t-slope, session 13).

The model is ``p_t = a + b t`` for the share of year ``t`` (``k_t`` of ``n_t`` binomial). The
score (Rao) test of ``H0: b = b0`` fits ``a`` under the constraint (its maximum likelihood
value ``a(b0)``, a one-dimensional concave problem) and compares the score for ``b`` there with
its variance from the expected information, with ``w_t = n_t / (p_t (1 - p_t))``::

    z(b0) = sum (t - T_w) r_t / sqrt(sum w_t (t - T_w)^2),   r_t = (k_t - n_t p_t) / (p_t (1 - p_t))

where ``T_w`` is the ``w``-weighted mean year (the score for ``a`` is 0 at ``a(b0)``, so this is
the efficient score). At ``b0 = 0`` the constrained fit is the pooled share and ``z(0)^2`` is
exactly the Cochran-Armitage statistic (Agresti 2002, section 5.3.5: the trend test is the score
test of the linear-probability model), so this interval excludes 0 exactly when the
Cochran-Armitage p is below ``1 - conf``: test and interval agree by construction, as Mee's
interval and the score test do for two years (Mee 1984; with two years this interval *is*
Mee's, divided by the years between them). The interval is ``{b0 : |z(b0)| <= z_conf}``: its
bounds are the roots of ``z(b0) = +-z_conf`` (Brent's method, as R ``uniroot``) between the
estimate and the edge of the parameter space, ``|b| <= 1 / (t_max - t_min)`` (a steeper line
leaves 0-100 % within the years). Where the data reach that edge (100 %, 10 %, 0 %) the bound is
the edge itself.

A year at 0 or 100 % needs no special case: its own variance is not used (the score test takes
the variance from the fitted line). Wald's interval, ``slope +- z se`` from each year's own
``p_t (1 - p_t)``, had none there and let the test decide alone.

The estimate is the maximum likelihood slope, the root of ``z(b) = 0`` (R ``glm(cbind(k, n -
k) ~ t, family = binomial(link = "identity"))``), not the n-weighted least-squares slope of
``prop.trend.test``: that one can lie outside the interval (and even outside the parameter
space: 19/19, 16/16, 0/3 in 2015, 2016, 2024 gives -11.2 pp per year where a line within 0-100 %
falls at most 11.1), the estimate of the model the interval belongs to cannot. Where a constrained
fit puts a year at 0 or 100 % with counts that allow it (0 of n at 0 %), that year's weight is
infinite: the limit of the formula, ``T_w`` that year and the year's own term left out, is used.

References
----------
Agresti, A. (2002). *Categorical Data Analysis*, 2nd ed., section 5.3.5 (the Cochran-Armitage
test as the score test of the linear-probability model) and 3.2.4 (score intervals by test
inversion). Mee, R. W. (1984). Confidence bounds for the difference between two probabilities.
*Biometrics* 40, 1175-1176. Rao, C. R. (1948). *Proc. Cambridge Phil. Soc.* 44, 50-57.
Reference values: ``tests/core/r/trend_share_slope.R`` (R ``glm``, ``anova(test = "Rao")``,
``uniroot``).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from servqual_cli.core.roots import brentq

__all__ = ["ShareSlope", "score_z", "share_slope"]

_INSIDE = 1e-9  # evaluate just inside the parameter space's edge, where the fit still exists


class ShareSlope(NamedTuple):
    """The maximum likelihood slope and its score interval (share per unit of score)."""

    slope: float
    ci_low: float
    ci_high: float


def _fit_a(b0: float, k: np.ndarray, n: np.ndarray, c: np.ndarray) -> float:
    """The maximum likelihood intercept under ``b = b0`` (scores ``c``; shares ``a + b0 c``).

    The log-likelihood is concave in ``a``; its derivative ``g`` falls from the lower end of the
    feasible range (where some share is 0) to the upper (some share 1). At an end where the
    counts allow a share of 0 (or 1) and ``g`` already has the sign of the far side, that end is
    the maximum."""
    lo = float(np.max(-b0 * c))
    hi = float(np.min(1.0 - b0 * c))
    if hi - lo <= 0.0:
        return lo

    def g(a: float) -> float:
        p = a + b0 * c
        with np.errstate(divide="ignore", invalid="ignore"):  # an end: inf, or NaN if both
            yes = np.where(k > 0, k / p, 0.0)
            no = np.where(n - k > 0, (n - k) / (1.0 - p), 0.0)
            return float((yes - no).sum())

    at_lo, at_hi = g(lo), g(hi)
    if at_lo <= 0.0:  # NaN compares False: an end no count allows is never the maximum
        return lo
    if at_hi >= 0.0:
        return hi
    span = hi - lo
    return brentq(g, lo + span * 1e-13, hi - span * 1e-13, xtol=1e-15 * max(1.0, abs(lo)))


def score_z(b0: float, k: ArrayLike, n: ArrayLike, scores: ArrayLike) -> float:
    """The signed score statistic of ``H0: b = b0`` (module docstring); ``z^2`` is Rao's
    statistic (R ``anova(glm0, glm1, test = "Rao")``), positive when the data rise faster than
    ``b0``.

    >>> k, n, t = [23, 25, 16], [30, 30, 30], [2019, 2020, 2021]
    >>> round(score_z(0.0, k, n, t) ** 2, 6)  # R prop.trend.test: X-squared = 3.975361
    3.975361
    """
    k_ = np.asarray(k, dtype=float)
    n_ = np.asarray(n, dtype=float)
    s = np.asarray(scores, dtype=float)
    c = s - (n_ * s).sum() / n_.sum()
    return _z(float(b0), k_, n_, c)


def _z(b0: float, k: np.ndarray, n: np.ndarray, c: np.ndarray) -> float:
    p = _fit_a(b0, k, n, c) + b0 * c
    pinned = (p <= 1e-12) | (p >= 1.0 - 1e-12)  # a year the fit puts at 0 or 100 %
    free = ~pinned
    pf = p[free]
    w = n[free] / (pf * (1.0 - pf))
    r = (k[free] - n[free] * pf) / (pf * (1.0 - pf))
    # infinite weight at a pinned year: its score drops out and T_w is its year
    centre = float(c[pinned].mean()) if pinned.any() else float((w * c[free]).sum() / w.sum())
    d = c[free] - centre
    info = float((w * d * d).sum())
    score = float((d * r).sum())
    if info <= 0.0:
        return 0.0 if score == 0.0 else math.copysign(math.inf, score)
    return score / math.sqrt(info)


def share_slope(k: ArrayLike, n: ArrayLike, scores: ArrayLike, conf: float = 0.95) -> ShareSlope:
    """The slope of ``p_t = a + b t`` and its score interval at ``conf`` (module docstring).

    NaN when there is no trend to fit: fewer than two distinct scores, or every count 0 (or
    every one n).

    Examples
    --------
    23, 25 and 16 of 30 over three years: Cochran-Armitage p = 0.046, and the score interval
    excludes 0 with it (Wald's reached above 0). R ``glm`` gives the slope -0.10361564 (the
    least-squares slope is -0.11666667) and ``uniroot`` on ``anova(test = "Rao")`` the bounds
    (tests/core/r/trend_share_slope.json, ``edge_p_046``):

    >>> r = share_slope([23, 25, 16], [30, 30, 30], [2019, 2020, 2021])
    >>> [round(v, 6) for v in r]
    [-0.103616, -0.200995, -0.001791]

    100 %, 10 % and 0 % (of 10): the fall reaches the steepest a line within 0-100 % can
    (-0.5 per year), so the lower bound is that edge; Wald's interval did not exist:

    >>> [round(v, 6) for v in share_slope([10, 1, 0], [10, 10, 10], [0, 1, 2])]
    [-0.5, -0.5, -0.269343]
    """
    k_ = np.asarray(k, dtype=float)
    n_ = np.asarray(n, dtype=float)
    s = np.asarray(scores, dtype=float)
    total = float(n_.sum())
    if total <= 0 or s.size < 2 or float(np.ptp(s)) <= 0 or not 0 < k_.sum() < total:
        return ShareSlope(math.nan, math.nan, math.nan)
    c = s - (n_ * s).sum() / total
    edge = 1.0 / float(c.max() - c.min())
    inside = edge * (1.0 - _INSIDE)
    crit = float(special.ndtri(0.5 + conf / 2.0))

    def z(b: float) -> float:
        return _z(b, k_, n_, c)

    z_low, z_high = z(-inside), z(inside)  # z falls as b0 rises
    if z_low <= 0.0:
        slope = -edge
    elif z_high >= 0.0:
        slope = edge
    else:
        slope = brentq(z, -inside, inside)
    low = -edge if z_low <= crit else brentq(lambda b: z(b) - crit, -inside, min(slope, inside))
    high = edge if z_high >= -crit else brentq(lambda b: z(b) + crit, max(slope, -inside), inside)
    return ShareSlope(slope, low, high)
