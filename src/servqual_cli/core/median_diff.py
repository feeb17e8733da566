"""Difference of two medians with the Bonett-Price (2002) distribution-free interval.

Split from :mod:`servqual_cli.core.trend` (which re-exports it): the trend's median KPIs and
:mod:`servqual_cli.core.series` use it.

References
----------
Bonett, D. G., & Price, R. M. (2002). Statistical inference for a linear function of medians:
confidence intervals, hypothesis testing, and sample size requirements. *Psychological Methods*
7(3), 370-383.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from servqual_cli.errors import UsageError

__all__ = ["MedianDiff", "median_diff_ci", "median_se"]


@dataclass(frozen=True)
class MedianDiff:
    """Difference of two medians (``after - before``) with the Bonett-Price interval."""

    before: float
    after: float
    diff: float
    se: float
    ci_low: float
    ci_high: float


def median_se(x: np.ndarray) -> float:
    """Bonett-Price standard error of one sample median (order statistics around it)."""
    y = np.sort(x)
    n = y.size
    # R's round() is round-half-even, as numpy's: a = round(n/2 - sqrt(n)), at least 1.
    a = max(1, int(np.round(n / 2.0 - math.sqrt(n))))
    p = float(special.bdtr(a - 1, n, 0.5))  # scipy.stats.binom.cdf, from scipy.special
    z0 = float(-special.ndtri(p))  # norm.isf(p)
    return float((y[n - a] - y[a - 1]) / (2.0 * z0)) if z0 > 0 else math.nan


def median_diff_ci(before: ArrayLike, after: ArrayLike, conf: float = 0.95) -> MedianDiff:
    """Distribution-free confidence interval for ``median(after) - median(before)``.

    Each median's standard error comes from the order statistics ``y_(a)`` and
    ``y_(n-a+1)`` with ``a = round(n/2 - sqrt(n))``: ``se = (y_(n-a+1) - y_(a)) / (2 z0)``
    where ``z0 = qnorm(1 - pbinom(a - 1, n, 0.5))``. NaN values are dropped; a sample with
    fewer than two values gives NaN.

    References
    ----------
    Bonett, D. G., & Price, R. M. (2002). *Psychological Methods* 7(3), 370-383; the same
    computation as R ``statpsych::ci.median2(alpha, after, before)``.

    Examples
    --------
    The example of ``statpsych::ci.median2`` (its y1 is ``after`` here):

    >>> r = median_diff_ci([36, 44, 47, 42, 49, 39, 46, 31, 33, 48],
    ...                    [32, 39, 26, 35, 43, 27, 40, 37, 34, 29])
    >>> r.diff, round(r.se, 6), round(r.ci_low, 5), round(r.ci_high, 8)
    (-8.5, 4.316291, -16.95977, -0.04022524)
    """
    if not 0.0 < conf < 1.0:
        raise UsageError(f"confidence level must be between 0 and 1, got {conf}",
                         code="conf_range", facts={"conf": conf})  # fmt: skip
    x = np.asarray(before, dtype=float)
    y = np.asarray(after, dtype=float)
    x, y = x[~np.isnan(x)], y[~np.isnan(y)]
    nan = math.nan
    if x.size == 0 or y.size == 0:
        return MedianDiff(nan, nan, nan, nan, nan, nan)
    mx, my = float(np.median(x)), float(np.median(y))
    if x.size < 2 or y.size < 2:
        return MedianDiff(mx, my, my - mx, nan, nan, nan)
    se = math.sqrt(median_se(x) ** 2 + median_se(y) ** 2)
    z = float(-special.ndtri((1.0 - conf) / 2.0))  # norm.isf
    d = my - mx
    return MedianDiff(mx, my, d, se, d - z * se, d + z * se)
