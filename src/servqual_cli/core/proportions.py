"""Inference for shares: Wilson intervals, Newcombe's interval of a difference and the score
test of a difference, with the checks of counts every test of shares and rates uses.

Exact tests (Fisher, Poisson rates) are in :mod:`~servqual_cli.core.exact_tests`, minimum
detectable differences in :mod:`~servqual_cli.core.detectable_difference` and the distribution
functions they share in :mod:`~servqual_cli.core.distributions`.

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
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from servqual_cli.errors import DataError, UsageError

FloatArray = NDArray[np.float64]


def check_prob(value: float, name: str) -> None:
    if not 0.0 < value < 1.0:
        raise UsageError(f"{name} must be between 0 and 1, got {value}")


def whole_count(value: float, name: str) -> int:
    if not (math.isfinite(value) and value >= 0 and float(value).is_integer()):
        raise DataError(f"{name} must be a whole number >= 0, got {value}")
    return int(value)


def checked_counts(k: int, n: int, label: str) -> tuple[int, int]:
    k_, n_ = whole_count(k, f"k{label}"), whole_count(n, f"n{label}")
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
    check_prob(conf, "confidence level")
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
    k1, n1 = checked_counts(k1, n1, "1")
    k2, n2 = checked_counts(k2, n2, "2")
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
        raise UsageError(f"confidence level must be between 0 and 1, got {conf}",
                         code="conf_range", facts={"conf": conf})  # fmt: skip
    k1, n1 = checked_counts(k1, n1, "1")
    k2, n2 = checked_counts(k2, n2, "2")
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
