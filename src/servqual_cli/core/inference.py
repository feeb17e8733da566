"""Inferential statistics for gaps and group comparisons, each matching a named R function.

One function per statistic. NaN means missing and is dropped (per column for matrices). Data
too thin for a statistic (fewer than two values, zero variance, every difference zero) give NaN
results rather than an exception, so one sparse subgroup never stops a whole report; inputs
that are wrong in kind (bad ``conf``, mismatched names, an empty group) raise
:class:`~servqual_cli.errors.UsageError` or :class:`~servqual_cli.errors.DataError`.

This module holds the t-tests, Welch's ANOVA and sample quantiles, and re-exports the rest so
that every statistic can be imported from here:

- :mod:`servqual_cli.core.ranktests`: Wilcoxon signed rank, Mann-Whitney, Kruskal-Wallis;
- :mod:`servqual_cli.core.posthoc`: Games-Howell, Dunn, p-value adjustment (Holm, BH, ...).

Proportions, counts and power live in :mod:`servqual_cli.core.proportions`. The t and F
distributions come from :mod:`scipy.special` (``stdtr``, ``stdtrit``, ``fdtrc``: the functions
behind ``scipy.stats.t`` and ``scipy.stats.f``, so the results are the same), because importing
:mod:`scipy.stats` would add about a second to every start of the command line tool.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import special

from servqual_cli.core._common import (
    AnovaResult,
    FloatArray,
    as_1d,
    check_conf,
    clean_groups,
    to_float,
)
from servqual_cli.core.effect_sizes import hedges_j
from servqual_cli.core.posthoc import (
    WelchPairs,
    dunn,
    dunn_from_ranks,
    games_howell,
    games_howell_from_pairs,
    games_howell_many,
    holm,
    p_adjust,
    welch_pairs,
)
from servqual_cli.core.ranktests import (
    EXACT_BELOW,
    GroupRanks,
    RankTestResult,
    group_ranks,
    kruskal_from_ranks,
    kruskal_wallis,
    mann_whitney,
    signed_rank_test,
    wilcoxon_signed_rank,
)
from servqual_cli.errors import UsageError

__all__ = [
    "EXACT_BELOW",
    "AnovaResult",
    "FloatArray",
    "GroupRanks",
    "RankTestResult",
    "TwoSampleT",
    "WelchPairs",
    "dunn",
    "dunn_from_ranks",
    "games_howell",
    "games_howell_from_pairs",
    "games_howell_many",
    "group_ranks",
    "holm",
    "kruskal_from_ranks",
    "kruskal_wallis",
    "mann_whitney",
    "one_sample_t",
    "p_adjust",
    "quantile7",
    "signed_rank_test",
    "t_from_moments",
    "welch_anova",
    "welch_pairs",
    "welch_t",
    "wilcoxon_signed_rank",
]


@dataclass(frozen=True)
class TwoSampleT:
    """Welch two-sample t-test of mean(x) - mean(y) with pooled-SD effect sizes."""

    diff: float
    t: float
    df: float
    p: float
    ci_low: float
    ci_high: float
    cohen_d: float
    hedges_g: float
    n_x: int
    n_y: int


def one_sample_t(x: ArrayLike, conf: float = 0.95) -> pd.DataFrame:
    """One-sample t-test of mean = 0 for each column of ``x``, vectorised over the rows.

    Parameters
    ----------
    x : array_like
        1-D, or 2-D with one column per variable (e.g. gaps P - E per item). NaN is ignored per
        column. A DataFrame's column names become the index of the result.
    conf : float
        Confidence level of the interval for the mean.

    Returns
    -------
    pandas.DataFrame
        One row per column: ``n, mean, sd, se, t, df, p, ci_low, ci_high, dz`` where ``dz`` is
        Cohen's d_z = mean / sd (signed). With n < 2, or data R calls "essentially constant"
        (se < 10 eps |mean|, sd and se then reported as 0), the test columns are NaN.

    References
    ----------
    R ``t.test(x, conf.level = conf)``, identical to ``t.test(P, E, paired = TRUE)`` for
    x = P - E. Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences*,
    2nd ed., p. 48 (d_z).

    Examples
    --------
    >>> r = one_sample_t([0.5, 1.0, -0.25, 1.5, 0.75]).iloc[0]
    >>> round(float(r["t"]), 4), round(float(r["p"]), 4), round(float(r["ci_low"]), 4)
    (2.4188, 0.0729, -0.1035)
    """
    check_conf(conf)
    index = x.columns if isinstance(x, pd.DataFrame) else None
    arr = to_float(x, "values for the t-test")
    if arr.ndim <= 1:
        arr = arr.reshape(-1, 1)
    elif arr.ndim != 2:
        raise UsageError(f"x must be 1-D or 2-D, got shape {arr.shape}")
    arr = np.asfortranarray(arr)  # whole columns below: one copy if row-major
    k = arr.shape[1]
    n = np.zeros(k, dtype=np.int64)
    mean, ss = np.full(k, np.nan), np.full(k, np.nan)
    # One column at a time (a loop over variables, each vectorised over rows): a column's
    # values are read into cache once, with no (rows, columns) temporaries.
    for j in range(k):
        col = arr[:, j]
        x = col[~np.isnan(col)]
        n[j] = x.size
        if x.size:
            mean[j] = x.sum() / x.size
            d = x - mean[j]  # two-pass variance: summing squares first loses digits
            ss[j] = np.dot(d, d)
    return pd.DataFrame(t_from_moments(n, mean, ss, conf), index=index)


def t_from_moments(
    n: np.ndarray, mean: np.ndarray, ss: np.ndarray, conf: float
) -> dict[str, np.ndarray]:
    """The columns of :func:`one_sample_t` from each variable's count ``n``, mean and sum of
    squared deviations ``ss`` (NaN where n = 0), for a caller that has them already.

    The data of :func:`one_sample_t`'s example: mean 0.7, Σ (x − 0.7)² = 1.675.

    >>> r = t_from_moments(np.array([5]), np.array([0.7]), np.array([1.675]), 0.95)
    >>> round(float(r["t"][0]), 4), round(float(r["p"][0]), 4)
    (2.4188, 0.0729)
    """
    nf = n.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.where(n >= 2, np.sqrt(ss / (nf - 1.0)), np.nan)
        se = sd / np.sqrt(nf)
        # t.test stops with "data are essentially constant" below this: rounding noise in the
        # mean of identical values (e.g. three 0.1s) would otherwise give |t| ~ 1e16.
        constant = (n >= 2) & (se < 10.0 * np.finfo(np.float64).eps * np.abs(mean))
        sd = np.where(constant, 0.0, sd)
        se = np.where(constant, 0.0, se)
        valid = (n >= 2) & (se > 0)
        df = np.where(n >= 2, nf - 1.0, np.nan)
        t = np.where(valid, mean / se, np.nan)
        # scipy.stats.t.sf(|t|, df) is stdtr(df, -|t|); t.ppf(q, df) is stdtrit(df, q).
        p = 2.0 * special.stdtr(df, -np.abs(t))
        half = special.stdtrit(df, 0.5 + conf / 2.0) * se
        dz = np.where(valid, mean / sd, np.nan)
    return {
        "n": n.astype(np.int64),
        "mean": mean,
        "sd": sd,
        "se": se,
        "t": t,
        "df": df,
        "p": p,
        "ci_low": np.where(valid, mean - half, np.nan),
        "ci_high": np.where(valid, mean + half, np.nan),
        "dz": dz,
    }


def welch_t(x: ArrayLike, y: ArrayLike, conf: float = 0.95) -> TwoSampleT:
    """Welch two-sample t-test of mean(x) - mean(y), with Cohen's d and Hedges' g.

    ``cohen_d`` uses the pooled SD (as ``pingouin.compute_effsize(eftype='cohen')``);
    ``hedges_g`` = d J with Hedges' exact J(df) = Γ(df/2) / (√(df/2) Γ((df − 1)/2)), df =
    n_x + n_y − 2 (as R ``effectsize::hedges_g``; pingouin uses the approximation
    1 − 3 / (4 df − 1), which differs by < 1e-3 from n = 10 on).
    Fewer than two values in a sample, or no variance, give NaN test statistics.

    References
    ----------
    R ``t.test(x, y, conf.level = conf)``. Welch, B. L. (1947). The generalization of
    "Student's" problem when several different population variances are involved. *Biometrika*
    34, 28-35. Hedges, L. V. (1981). *J. Educ. Stat.* 6(2), 107-128.

    Examples
    --------
    >>> r = welch_t([5.1, 4.8, 6.0, 5.5, 5.9], [4.2, 4.9, 3.8, 5.0, 4.4, 4.1])
    >>> round(r.t, 4), round(r.df, 3), round(r.p, 5), round(r.cohen_d, 4)
    (3.5478, 8.296, 0.0071, 2.1677)
    """
    check_conf(conf)
    a, b = as_1d(x, "x"), as_1d(y, "y")
    nx, ny = a.size, b.size
    nan = math.nan
    diff = float(a.mean() - b.mean()) if nx and ny else nan
    if nx < 2 or ny < 2:
        return TwoSampleT(diff, nan, nan, nan, nan, nan, nan, nan, nx, ny)
    vx, vy = float(a.var(ddof=1)), float(b.var(ddof=1))
    se2 = vx / nx + vy / ny
    se = math.sqrt(se2)
    df = se2**2 / ((vx / nx) ** 2 / (nx - 1) + (vy / ny) ** 2 / (ny - 1)) if se > 0 else nan
    # R stops with "data are essentially constant" when se < 10 eps max(|mean x|, |mean y|).
    scale = max(abs(float(a.mean())), abs(float(b.mean())))
    if se < 10 * np.finfo(np.float64).eps * scale or se == 0:
        return TwoSampleT(diff, nan, nan, nan, nan, nan, nan, nan, nx, ny)
    t = diff / se
    half = float(special.stdtrit(df, 0.5 + conf / 2.0)) * se
    pooled = math.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2))
    d = diff / pooled
    g = d * hedges_j(nx + ny - 2.0)
    p = float(2.0 * special.stdtr(df, -abs(t)))
    return TwoSampleT(diff, t, df, p, diff - half, diff + half, d, g, nx, ny)


def welch_anova(groups: Sequence[ArrayLike]) -> AnovaResult:
    """Welch's heteroscedastic one-way ANOVA, as R ``oneway.test(y ~ g, var.equal = FALSE)``.

    A group with fewer than two values or zero variance gives a NaN result (R stops there).

    References
    ----------
    R ``oneway.test``. Welch, B. L. (1951). On the comparison of several mean values: an
    alternative approach. *Biometrika* 38, 330-336.

    Examples
    --------
    >>> r = welch_anova([[4, 5, 6, 5], [6, 7, 8, 9, 7], [5, 5, 6, 4, 3, 5]])
    >>> round(r.statistic, 4), round(r.df2, 3), round(r.p, 5)
    (8.871, 7.683, 0.01008)
    """
    gs = clean_groups(groups)
    k = len(gs)
    method = "One-way analysis of means (not assuming equal variances)"
    n = np.array([g.size for g in gs], dtype=np.float64)
    if np.any(n < 2):
        return AnovaResult(math.nan, k - 1.0, math.nan, math.nan, method)
    mean = np.array([g.mean() for g in gs])
    var = np.array([g.var(ddof=1) for g in gs])
    if np.any(var == 0):
        return AnovaResult(math.nan, k - 1.0, math.nan, math.nan, method)
    w = n / var
    sw = w.sum()
    tmp = float(np.sum((1 - w / sw) ** 2 / (n - 1)) / (k * k - 1))
    grand = float(np.sum(w * mean) / sw)
    f = float(np.sum(w * (mean - grand) ** 2) / ((k - 1) * (1 + 2 * (k - 2) * tmp)))
    df2 = 1.0 / (3.0 * tmp)
    p = float(special.fdtrc(k - 1.0, df2, f))  # scipy.stats.f.sf(f, k - 1, df2), as f >= 0
    return AnovaResult(f, k - 1.0, df2, p, method)


def quantile7(x: ArrayLike, q: ArrayLike) -> float | FloatArray:
    """Sample quantile, Hyndman & Fan type 7 (R's default), ignoring NaN.

    Returns a float for scalar ``q``, else an array shaped like ``q``. No values gives NaN.

    References
    ----------
    R ``quantile(x, q, type = 7, na.rm = TRUE)``. Hyndman, R. J., & Fan, Y. (1996). Sample
    quantiles in statistical packages. *Am. Stat.* 50(4), 361-365.

    Examples
    --------
    >>> quantile7([3, 1, 4, 1, 5, float("nan"), 9], 0.5)
    3.5
    >>> quantile7([3, 1, 4, 1, 5, 9], [0.25, 0.9]).tolist()
    [1.5, 7.0]
    """
    xs = np.sort(as_1d(x, "x"))
    probs = np.asarray(q, dtype=np.float64)
    if np.any(np.isnan(probs) | (probs < 0) | (probs > 1)):
        raise UsageError("quantile probabilities must lie between 0 and 1")
    n = xs.size
    if n == 0:
        res = np.full(probs.shape, np.nan)
    else:
        # R's arithmetic, 1-based: index = 1 + (n - 1) q. Computing floor((n - 1) q) instead can
        # pick a different lo when (n - 1) q rounds just below an integer.
        index = 1.0 + (n - 1) * probs
        lo = np.floor(index)
        h = index - lo
        lo_i = lo.astype(np.intp) - 1
        hi_i = np.ceil(index).astype(np.intp) - 1
        x_lo, x_hi = xs[lo_i], xs[hi_i]
        res = np.where((h > 0) & (x_hi != x_lo), (1 - h) * x_lo + h * x_hi, x_lo)
    return float(res) if probs.ndim == 0 else res
