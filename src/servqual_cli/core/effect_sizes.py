"""Effect sizes with confidence intervals, each matching R ``effectsize`` (0.8.3).

- :func:`cohens_dz`: paired (one-sample) d_z = mean / sd of the differences, CI by inverting
  the noncentral t (``effectsize::cohens_d(d)``, Steiger & Fouladi 1997);
- :func:`hedges_g`: pooled-SD Cohen's d times the exact small-sample factor
  J = Γ(df/2) / (√(df/2) Γ((df−1)/2)), CI from the noncentral t (``effectsize::hedges_g``);
- :func:`rank_biserial_paired`: the matched-pairs rank-biserial correlation for the Wilcoxon
  signed rank test, (V+ − V−) / (n(n+1)/2) with a Fisher-z normal CI
  (``effectsize::rank_biserial(d, paired = TRUE)``, Kerby 2014);
- :func:`omega_squared_f`: ω² from a one-way F with the noncentral-F CI of
  ``effectsize::F_to_omega2``; :func:`oneway_anova_f` gives the ordinary ANOVA's F (df k − 1 and
  N − k), with which it is Hays' ω² of ``effectsize::omega_squared(aov(y ~ g))``. (Welch's F
  and df2 are not used for ω²: with a small group Welch's df2 is small and the "ω²" it gives
  is far too large, 0.66 where the ANOVA's is 0.02 in tests/core/r/group_omega2.R);
- :func:`rank_epsilon_squared`: ε²_R = H / ((n² − 1) / (n + 1)) for Kruskal-Wallis
  (``effectsize::rank_epsilon_squared``; R's bootstrap CI is not reproduced, no CI is given).

Intervals are two-sided at ``conf`` (``effectsize``'s default for ω² is one-sided; the R
script beside the tests calls it with ``alternative = "two.sided"``). The noncentral
distributions are inverted with :mod:`scipy.special`: cdflib's ``nctdtrinc``/``ncfdtrinc``
give a start (they stop at ~1e-5), then secant steps on ``nctdtr``/``ncfdtr`` solve the CDF to
~1e-13. ``effectsize`` uses ``optim`` with ``abstol = 1e-9``, so it agrees to about 1e-5.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from servqual_cli.core._common import FloatArray, as_1d, check_conf, rankdata
from servqual_cli.core.results import plain

__all__ = [
    "EffectSize",
    "cohens_dz",
    "dz_interval",
    "dz_intervals",
    "hedges_g",
    "hedges_j",
    "omega_squared_f",
    "oneway_anova_f",
    "rank_biserial_from_sums",
    "rank_biserial_paired",
    "rank_epsilon_squared",
]


@dataclass(frozen=True)
class EffectSize:
    """An effect size, its interval (NaN when none) and how the interval was made."""

    name: str
    value: float
    ci_low: float
    ci_high: float
    ci_method: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": plain(self.value),
            "ci_low": plain(self.ci_low),
            "ci_high": plain(self.ci_high),
            "ci_method": self.ci_method,
        }


# A CDF of the ncp for some of the elements being solved: cdf(ncp, i) is the CDF at ``ncp[j]``
# of element ``i[j]`` (a scalar solve has the one element 0).
Cdf = Callable[[FloatArray, NDArray[np.intp]], FloatArray]


def _secant(cdf: Cdf, p: float, start: FloatArray) -> FloatArray:
    """The ncp with cdf(ncp) = p for each element, by secant steps from cdflib's ``start``
    (the CDF falls in ncp), all elements' steps vectorised. An element stops at the first step
    where its two CDF values are equal or it is within 1e-15 of ``p`` (30 steps at most; it
    converges in a handful from a 1e-5 start), so its result does not depend on the others:
    one element alone (:func:`_solve`) gives the same bits as among many."""
    start = np.asarray(start, dtype=np.float64)
    x0 = start.copy()
    # max(1e-4, NaN) is 1e-4, as Python's max of the scalar loop this replaced gave
    x1 = start + np.where(np.isnan(start), 1e-4, np.maximum(1e-4, 1e-3 * np.abs(start)))
    every = np.arange(start.size)
    f0 = cdf(x0, every) - p
    f1 = cdf(x1, every) - p
    going = np.ones(x1.shape, dtype=bool)
    # a NaN start (no interval) steps in NaN silently, as Python floats did in the scalar loop
    with np.errstate(invalid="ignore", divide="ignore"):
        for _ in range(30):
            going &= ~((f1 == f0) | (np.abs(f1) < 1e-15))
            if not going.any():
                break
            i = np.flatnonzero(going)
            a0, a1, b0, b1 = x0[i], x1[i], f0[i], f1[i]
            step = a1 - b1 * (a1 - a0) / (b1 - b0)
            x0[i], x1[i], f0[i] = a1, step, b1
            f1[i] = cdf(step, i) - p
    return x1


def _solve(cdf: Callable[[FloatArray], FloatArray], p: float, start: float) -> float:
    """:func:`_secant` of one element: the ncp with cdf(ncp) = p (``cdf`` takes an array)."""
    return float(_secant(lambda x, _i: cdf(x), p, np.array([start]))[0])


def _ncp_t_interval(t: float, df: float, conf: float) -> tuple[float, float]:
    """Noncentrality parameters whose t distributions put ``t`` at the 1 − α/2 and α/2 points."""
    if not (math.isfinite(t) and math.isfinite(df) and df > 0):
        return math.nan, math.nan
    a = (1.0 - conf) / 2.0

    # nctdtrinc(df, p, t) solves P(T <= t; df, ncp) = p for ncp (cdflib, as R's pt inverted).
    def cdf(ncp: FloatArray) -> FloatArray:
        return np.asarray(special.nctdtr(df, ncp, t), dtype=np.float64)

    low = _solve(cdf, 1.0 - a, float(special.nctdtrinc(df, 1.0 - a, t)))
    high = _solve(cdf, a, float(special.nctdtrinc(df, a, t)))
    return low, high


def cohens_dz(d: ArrayLike, conf: float = 0.95) -> EffectSize:
    """Cohen's d_z of paired differences with the exact (noncentral t) interval.

    d_z = mean(d) / sd(d); t = d_z √n follows a noncentral t with n − 1 df and ncp δ √n, so
    the interval is the ncp interval divided by √n.

    References
    ----------
    Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., p. 48.
    Steiger, J. H., & Fouladi, R. T. (1997). Noncentrality interval estimation. In *What if
    there were no significance tests?* (pp. 221-257). R ``effectsize::cohens_d(d)``.

    Examples
    --------
    >>> r = cohens_dz([0.5, 1.0, -0.25, 1.5, 0.75])
    >>> round(r.value, 4), round(r.ci_low, 4), round(r.ci_high, 4)
    (1.0817, -0.09, 2.1819)
    """
    check_conf(conf)
    x = as_1d(d, "differences")
    n = x.size
    if n < 2:
        return EffectSize("dz", math.nan, math.nan, math.nan, "noncentral t")
    sd = float(x.std(ddof=1))
    dz = float(x.mean()) / sd if sd > 0 else math.nan
    return dz_interval(dz, n, conf)


def dz_interval(dz: float, n: int, conf: float = 0.95) -> EffectSize:
    """Cohen's d_z of ``n`` paired differences with its noncentral-t interval (as
    :func:`cohens_dz`, for a caller that has the mean and SD already).

    >>> r = dz_interval(1.0817, 5)
    >>> round(r.ci_low, 3), round(r.ci_high, 3)
    (-0.09, 2.182)
    """
    if n < 2 or not math.isfinite(dz):
        return EffectSize("dz", dz if n >= 2 else math.nan, math.nan, math.nan, "noncentral t")
    low, high = _ncp_t_interval(dz * math.sqrt(n), n - 1.0, conf)
    return EffectSize("dz", dz, low / math.sqrt(n), high / math.sqrt(n), "noncentral t")


def dz_intervals(
    dz: FloatArray, n: NDArray[np.int64], conf: float = 0.95
) -> tuple[FloatArray, FloatArray]:
    """The interval bounds of :func:`dz_interval` for many columns at once (``dz`` and ``n``
    per column): the secant steps of every bound run together, each bound stopping where its
    own scalar solve stops, so every bound is the scalar one bit for bit
    (``tests/core/test_effect_sizes.py``). NaN where :func:`dz_interval` gives NaN.

    >>> low, high = dz_intervals(np.array([1.0817, np.nan, 0.5]), np.array([5, 9, 1]))
    >>> np.round(low, 3).tolist(), np.round(high, 3).tolist()
    ([-0.09, nan, nan], [2.182, nan, nan])
    """
    dz = np.asarray(dz, dtype=np.float64)
    n = np.asarray(n, dtype=np.int64)
    low, high = np.full(dz.shape, np.nan), np.full(dz.shape, np.nan)
    root = np.sqrt(n.astype(np.float64))
    with np.errstate(invalid="ignore"):
        t = dz * root
    df = (n - 1).astype(np.float64)
    ok = (n >= 2) & np.isfinite(dz) & np.isfinite(t) & (df > 0)
    if ok.any():
        a = (1.0 - conf) / 2.0
        t_ok, df_ok = t[ok], df[ok]
        for out, p in ((low, 1.0 - a), (high, a)):
            start = np.asarray(special.nctdtrinc(df_ok, p, t_ok), dtype=np.float64)

            # the CDF of the elements still stepping: P(T <= t; df, ncp) per column
            def cdf(ncp: FloatArray, i: NDArray[np.intp]) -> FloatArray:
                return np.asarray(special.nctdtr(df_ok[i], ncp, t_ok[i]), dtype=np.float64)

            out[ok] = _secant(cdf, p, start) / root[ok]
    return low, high


def hedges_j(df: float) -> float:
    """Hedges' exact bias correction J(df) = Γ(df/2) / (√(df/2) Γ((df − 1)/2)).

    >>> round(hedges_j(10), 6)
    0.922746
    """
    return math.exp(special.gammaln(df / 2.0) - special.gammaln((df - 1.0) / 2.0)) / math.sqrt(
        df / 2.0
    )


def hedges_g(x: ArrayLike, y: ArrayLike, conf: float = 0.95) -> EffectSize:
    """Hedges' g of mean(x) − mean(y): pooled-SD d times the exact J, noncentral-t CI.

    References
    ----------
    Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size and related
    estimators. *J. Educ. Stat.* 6(2), 107-128 (exact J, eq. 6e). R ``effectsize::hedges_g``.

    Examples
    --------
    >>> r = hedges_g([5.1, 4.8, 6.0, 5.5, 5.9], [4.2, 4.9, 3.8, 5.0, 4.4, 4.1])
    >>> round(r.value, 4), round(r.ci_low, 4), round(r.ci_high, 4)
    (1.981, 0.5394, 3.3595)
    """
    check_conf(conf)
    a, b = as_1d(x, "x"), as_1d(y, "y")
    nx, ny = a.size, b.size
    df = nx + ny - 2.0
    if nx < 2 or ny < 2:
        return EffectSize("hedges_g", math.nan, math.nan, math.nan, "noncentral t")
    pooled = math.sqrt(((nx - 1) * a.var(ddof=1) + (ny - 1) * b.var(ddof=1)) / df)
    if pooled == 0:
        return EffectSize("hedges_g", math.nan, math.nan, math.nan, "noncentral t")
    d = float(a.mean() - b.mean()) / pooled
    scale = math.sqrt(1.0 / nx + 1.0 / ny)
    low, high = _ncp_t_interval(d / scale, df, conf)
    j = hedges_j(df)
    return EffectSize("hedges_g", d * j, low * scale * j, high * scale * j, "noncentral t")


def rank_biserial_paired(d: ArrayLike, conf: float = 0.95) -> EffectSize:
    """Matched-pairs rank-biserial correlation (V+ − V−) / (n(n + 1)/2), zeros dropped.

    The interval is tanh(atanh(r) ± z SE) with SE = √((2n³ + 3n² + n)/6) / (n(n + 1)/2).

    References
    ----------
    Kerby, D. S. (2014). The simple difference formula. *Comprehensive Psychology* 3, 11.IT.3.1.
    R ``effectsize::rank_biserial(d, paired = TRUE)``.

    Examples
    --------
    >>> r = rank_biserial_paired([1, -2, 0, 3, 4, -1, 2, 0])
    >>> round(r.value, 4), round(r.ci_low, 4), round(r.ci_high, 4)
    (0.5238, -0.2993, 0.8999)
    """
    check_conf(conf)
    x = as_1d(d, "differences")
    x = x[x != 0]
    n = x.size
    if n == 0:
        return EffectSize("rank_biserial", math.nan, math.nan, math.nan, "Fisher z")
    ranks = rankdata(np.abs(x))
    return rank_biserial_from_sums(float(ranks[x > 0].sum()), float(ranks[x < 0].sum()), n, conf)


def rank_biserial_from_sums(v_pos: float, v_neg: float, n: int, conf: float) -> EffectSize:
    """(V+ − V−) / (n(n + 1)/2) from the signed-rank sums of ``n`` non-zero differences, with
    the Fisher z interval of :func:`rank_biserial_paired` (shared by the one-pass path of
    :mod:`servqual_cli.core.paired_ranks`).

    >>> round(rank_biserial_from_sums(16.5, 5.5, 6, 0.95).value, 4)
    0.5238
    """
    if n == 0:
        return EffectSize("rank_biserial", math.nan, math.nan, math.nan, "Fisher z")
    total = n * (n + 1) / 2.0
    r = (v_pos - v_neg) / total
    se = math.sqrt((2.0 * n**3 + 3.0 * n**2 + n) / 6.0) / total
    z = float(special.ndtri(0.5 + conf / 2.0))
    with np.errstate(divide="ignore"):
        centre = float(np.arctanh(r))
    return EffectSize(
        "rank_biserial", r, math.tanh(centre - z * se), math.tanh(centre + z * se), "Fisher z"
    )


def omega_squared_f(f: float, df1: float, df2: float, conf: float = 0.95) -> EffectSize:
    """ω² = max(0, (F − 1) df1 / (F df1 + df2 + 1)) with the noncentral-F interval.

    As ``effectsize::F_to_omega2``: the interval inverts the noncentral F at the F implied by
    ω² itself and maps the noncentrality λ to λ / (λ + df2); a bound whose ncp would be
    negative is 0. With the ordinary ANOVA's F and df (:func:`oneway_anova_f`) this is Hays'
    one-way ω²; Welch's F and df2 would give a much larger, wrong value when a group is small.

    References
    ----------
    Hays, W. L. (1963). *Statistics for psychologists*. Steiger, J. H. (2004). Beyond the F
    test. *Psychol. Methods* 9(2), 164-182. R ``effectsize::F_to_omega2(f, df1, df2,
    alternative = "two.sided")``.

    Examples
    --------
    >>> r = omega_squared_f(8.871, 2, 7.683)
    >>> round(r.value, 4), round(r.ci_low, 4), round(r.ci_high, 4)
    (0.5957, 0.0, 0.8123)
    """
    check_conf(conf)
    if not all(math.isfinite(v) for v in (f, df1, df2)):
        return EffectSize("omega2", math.nan, math.nan, math.nan, "noncentral F")
    w2 = max(0.0, (f - 1.0) * df1 / (f * df1 + df2 + 1.0))
    f_w = max(0.0, (w2 / df1) / ((1.0 - w2) / df2))
    a = (1.0 - conf) / 2.0

    def ncp(p: float) -> float:
        # The ncp with P(F <= f_w; λ) = p; 0 where even λ = 0 puts f_w below that point.
        if float(special.fdtr(df1, df2, f_w)) <= p:
            return 0.0
        start = float(special.ncfdtrinc(df1, df2, p, f_w))
        return max(0.0, _solve(lambda lam: special.ncfdtr(df1, df2, lam, f_w), p, start))

    lam_low, lam_high = ncp(1.0 - a), ncp(a)
    return EffectSize(
        "omega2", w2, lam_low / (lam_low + df2), lam_high / (lam_high + df2), "noncentral F"
    )


def oneway_anova_f(samples: list[np.ndarray]) -> tuple[float, float, float]:
    """F, df1 = k − 1 and df2 = N − k of the ordinary one-way ANOVA (equal variances).

    ``F = (SS_b / (k − 1)) / (SS_w / (N − k))``; with it :func:`omega_squared_f` gives Hays'
    ω² = (SS_b − (k − 1) MS_w) / (SS_t + MS_w), as R
    ``effectsize::omega_squared(aov(y ~ g))``. NaN when k < 2, N − k < 1 or SS_w = 0.

    References
    ----------
    Hays, W. L. (1963). *Statistics for psychologists*, p. 382. R ``summary(aov(y ~ g))``.

    Examples
    --------
    >>> f, df1, df2 = oneway_anova_f([np.array([1.0, 2, 3]), np.array([2.0, 4, 6])])
    >>> round(f, 4), df1, df2
    (2.4, 1.0, 4.0)

    SS_b = 6, SS_w = 10, MS_w = 2.5: ω² = (6 − 2.5) / (16 + 2.5)

    >>> round(omega_squared_f(f, df1, df2).value, 4)
    0.1892
    """
    groups = [np.asarray(g, dtype=float) for g in samples]
    k = len(groups)
    n = sum(g.size for g in groups)
    if k < 2 or n - k < 1:
        return math.nan, math.nan, math.nan
    grand = sum(float(g.sum()) for g in groups) / n
    ss_b = sum(g.size * (float(g.mean()) - grand) ** 2 for g in groups)  # a loop over groups
    ss_w = sum(float(((g - g.mean()) ** 2).sum()) for g in groups)
    if ss_w <= 0:
        return math.nan, float(k - 1), float(n - k)
    return (ss_b / (k - 1)) / (ss_w / (n - k)), float(k - 1), float(n - k)


def rank_epsilon_squared(h: float, n: int) -> EffectSize:
    """ε²_R = H / ((n² − 1) / (n + 1)) = H / (n − 1) for a Kruskal-Wallis H over n values.

    No interval: R's is a percentile bootstrap, not reproduced here.

    References
    ----------
    Tomczak, M., & Tomczak, E. (2014). The need to report effect size estimates revisited.
    *Trends in Sport Sciences* 1(21), 19-25. R ``effectsize::rank_epsilon_squared``.

    Examples
    --------
    >>> round(rank_epsilon_squared(8.3645, 13).value, 4)
    0.697
    """
    value = h / ((n * n - 1.0) / (n + 1.0)) if n > 1 and math.isfinite(h) else math.nan
    return EffectSize("epsilon2", value, math.nan, math.nan, "none")
