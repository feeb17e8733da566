"""Inferential statistics for gaps and group comparisons, each matching a named R function.

One function per statistic. NaN means missing and is dropped (per column for matrices). Data
too thin for a statistic (fewer than two values, zero variance, every difference zero) give NaN
results rather than an exception, so one sparse subgroup never stops a whole report; inputs
that are wrong in kind (bad ``conf``, mismatched names, an empty group) raise
:class:`~servqual_cli.errors.UsageError` or :class:`~servqual_cli.errors.DataError`.
Proportions, counts and power live in :mod:`servqual_cli.core.proportions`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import optimize, stats

from servqual_cli.errors import DataError, UsageError

FloatArray = NDArray[np.float64]

# R's wilcox.test switches to the normal approximation at n >= 50 unless exact=TRUE is forced;
# a forced exact p-value costs about N * m * U operations, so refuse sizes that would take long.
_MAX_EXACT_WORK = 3e8


@dataclass(frozen=True)
class RankTestResult:
    """A rank test: ``statistic`` is R's V (signed rank) or W (rank sum)."""

    statistic: float
    p: float
    method: str


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


@dataclass(frozen=True)
class AnovaResult:
    """An omnibus test across groups; ``df2`` is NaN for the chi-squared Kruskal-Wallis test."""

    statistic: float
    df1: float
    df2: float
    p: float
    method: str


def _check_conf(conf: float) -> None:
    if not 0.0 < conf < 1.0:
        raise UsageError(f"confidence level must be between 0 and 1, got {conf}")


def _to_float(x: ArrayLike, name: str) -> FloatArray:
    """``x`` as a float array, pandas' missing values (pd.NA in nullable columns) as NaN."""
    try:
        if isinstance(x, pd.DataFrame | pd.Series):
            return np.asarray(x.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64)
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{name} must be numeric") from exc


def _as_1d(x: ArrayLike, name: str) -> FloatArray:
    """``x`` as a 1-D float array with the NaNs removed."""
    arr = _to_float(x, name)
    if arr.ndim > 1:
        raise UsageError(f"{name} must be one-dimensional, got shape {arr.shape}")
    arr = arr.reshape(-1)
    return arr[~np.isnan(arr)]


def _groups(groups: Sequence[ArrayLike], names: Sequence[str] | None = None) -> list[FloatArray]:
    if len(groups) < 2:
        raise UsageError(f"need at least 2 groups to compare, got {len(groups)}")
    if names is not None and len(names) != len(groups):
        raise UsageError(f"got {len(groups)} groups but {len(names)} names")
    clean = [_as_1d(g, "group") for g in groups]
    for i, g in enumerate(clean):
        if g.size == 0:
            label = names[i] if names is not None else str(i + 1)
            raise DataError(f"group {label!r} has no non-missing values")
    return clean


def _tie_sum(values: FloatArray) -> float:
    """sum(t^3 - t) over the tie groups of ``values`` (R: ``sum(NTIES^3 - NTIES)``)."""
    _, counts = np.unique(values, return_counts=True)
    c = counts.astype(np.float64)
    return float(np.sum(c**3 - c))


def _two_sided_normal(z: float) -> float:
    return float(2.0 * stats.norm.sf(abs(z))) if math.isfinite(z) else math.nan


def one_sample_t(x: ArrayLike, conf: float = 0.95) -> pd.DataFrame:
    """One-sample t-test of mean = 0 for each column of ``x``, fully vectorised.

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
    _check_conf(conf)
    index = x.columns if isinstance(x, pd.DataFrame) else None
    arr = _to_float(x, "values for the t-test")
    if arr.ndim <= 1:
        arr = arr.reshape(-1, 1)
    elif arr.ndim != 2:
        raise UsageError(f"x must be 1-D or 2-D, got shape {arr.shape}")
    ok = ~np.isnan(arr)
    n = ok.sum(axis=0)
    nf = n.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(ok, arr, 0.0).sum(axis=0) / nf
        # Two-pass variance: summing squares first loses digits when |mean| >> sd.
        ss = (np.where(ok, arr - mean, 0.0) ** 2).sum(axis=0)
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
        p = 2.0 * stats.t.sf(np.abs(t), df)
        half = stats.t.ppf(0.5 + conf / 2.0, df) * se
        dz = np.where(valid, mean / sd, np.nan)
    return pd.DataFrame(
        {
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
        },
        index=index,
    )


@lru_cache(maxsize=128)
def _signrank_lower(n: int, v_max: int) -> FloatArray:
    """P(V <= v) for v = 0..v_max under H0, n untied nonzero differences (R ``psignrank``)."""
    # Rank i enters the positive sum with probability 1/2 independently: convolve with
    # (1 + q^i)/2. Dyadic arithmetic, exact while the probabilities fit the mantissa.
    prob = np.zeros(v_max + 1)
    prob[0] = 1.0
    for i in range(1, min(n, v_max) + 1):
        prob[i:] = prob[i:] + prob[:-i]
        prob *= 0.5
    prob *= 0.5 ** max(0, n - v_max)  # ranks above v_max can only be negative here
    return np.cumsum(prob)


@lru_cache(maxsize=128)
def _ranksum_lower(m: int, n: int, u_max: int) -> FloatArray:
    """P(U <= u) for u = 0..u_max, U = W of R's ``pwilcox(u, m, n)`` without ties."""
    # Count m-subsets of the ranks 1..m+n by their sum (Mann & Whitney 1947); U = sum - m(m+1)/2.
    offset = m * (m + 1) // 2
    s_max = u_max + offset
    table = np.zeros((m + 1, s_max + 1))
    table[0, 0] = 1.0
    for j in range(1, min(m + n, s_max) + 1):
        table[1:, j:] = table[1:, j:] + table[:-1, :-j]
    return np.cumsum(table[m, offset:]) / math.comb(m + n, m)


def wilcoxon_signed_rank(
    d: ArrayLike, correct: bool = True, exact: bool | None = None
) -> RankTestResult:
    """Wilcoxon signed rank test of symmetry about 0, as R ``wilcox.test(d)``.

    Zeros are dropped. The exact null distribution is used when ``exact`` (default: n < 50
    after dropping zeros) and there are neither ties nor zeros; otherwise the normal
    approximation with the tie-corrected variance and, if ``correct``, a continuity correction.
    No nonzero difference gives V = 0 and p = NaN.

    References
    ----------
    R ``wilcox.test(d, mu = 0, correct = correct, exact = exact)``. Wilcoxon, F. (1945).
    Individual comparisons by ranking methods. *Biometrics Bulletin* 1(6), 80-83.

    Examples
    --------
    >>> r = wilcoxon_signed_rank([1.5, -0.5, 2.0, 3.5, 0.25, 1.0, -1.25])
    >>> r.statistic, round(r.p, 4), r.method
    (22.0, 0.2188, 'Wilcoxon signed rank exact test')
    """
    x = _as_1d(d, "d")
    zeros = bool(np.any(x == 0))
    x = x[x != 0]
    n = x.size
    ranks = stats.rankdata(np.abs(x))
    v = float(ranks[x > 0].sum())
    ties = bool(np.unique(ranks).size < n)
    use_exact = (n < 50) if exact is None else exact
    method = "Wilcoxon signed rank test"
    if n > 0 and use_exact and not ties and not zeros:
        if n * n * (n + 1) / 4 > _MAX_EXACT_WORK:
            raise UsageError(f"an exact p-value for n = {n} takes too long; use exact=False")
        v_int = int(v)
        v_low = min(v_int, n * (n + 1) // 2 - v_int)  # the null distribution is symmetric
        p = min(1.0, 2.0 * float(_signrank_lower(n, v_low)[v_low]))
        return RankTestResult(v, p, "Wilcoxon signed rank exact test")
    z = v - n * (n + 1) / 4.0
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - _tie_sum(ranks) / 48.0)
    if correct:
        z -= math.copysign(0.5, z) if z != 0 else 0.0
        method += " with continuity correction"
    p = _two_sided_normal(z / sigma) if sigma > 0 else math.nan
    return RankTestResult(v, p, method)


def mann_whitney(
    x: ArrayLike, y: ArrayLike, correct: bool = True, exact: bool | None = None
) -> RankTestResult:
    """Wilcoxon rank sum (Mann-Whitney) test, as R ``wilcox.test(x, y)``.

    W is the Mann-Whitney U of ``x``. Exact when ``exact`` (default: both samples < 50) and
    no ties; otherwise the tie-corrected normal approximation, with a continuity correction if
    ``correct``. An empty sample gives NaN.

    References
    ----------
    R ``wilcox.test(x, y, correct = correct, exact = exact)``. Mann, H. B., & Whitney, D. R.
    (1947). On a test of whether one of two random variables is stochastically larger than the
    other. *Ann. Math. Statist.* 18(1), 50-60.

    Examples
    --------
    >>> r = mann_whitney([4, 5, 5, 3, 4, 5], [2, 3, 3, 4, 1, 3, 2])
    >>> r.statistic, round(r.p, 4)
    (38.5, 0.0126)
    """
    a, b = _as_1d(x, "x"), _as_1d(y, "y")
    nx, ny = a.size, b.size
    if nx == 0 or ny == 0:
        return RankTestResult(math.nan, math.nan, "Wilcoxon rank sum test")
    ranks = stats.rankdata(np.concatenate([a, b]))
    w = float(ranks[:nx].sum() - nx * (nx + 1) / 2.0)
    ties = bool(np.unique(ranks).size < nx + ny)
    use_exact = (nx < 50 and ny < 50) if exact is None else exact
    if use_exact and not ties:
        m, n = min(nx, ny), max(nx, ny)  # U's distribution is the same for (m, n) and (n, m)
        u_low = min(int(w), nx * ny - int(w))  # and symmetric about nx * ny / 2
        if (m + n) * (m + 1) * (u_low + 1) > _MAX_EXACT_WORK:
            raise UsageError(f"an exact p-value for n = {nx}, {ny} takes too long; exact=False")
        p = min(1.0, 2.0 * float(_ranksum_lower(m, n, u_low)[u_low]))
        return RankTestResult(w, p, "Wilcoxon rank sum exact test")
    z = w - nx * ny / 2.0
    big_n = nx + ny
    sigma = math.sqrt(nx * ny / 12.0 * ((big_n + 1) - _tie_sum(ranks) / (big_n * (big_n - 1))))
    method = "Wilcoxon rank sum test"
    if correct:
        z -= math.copysign(0.5, z) if z != 0 else 0.0
        method += " with continuity correction"
    p = _two_sided_normal(z / sigma) if sigma > 0 else math.nan
    return RankTestResult(w, p, method)


def welch_t(x: ArrayLike, y: ArrayLike, conf: float = 0.95) -> TwoSampleT:
    """Welch two-sample t-test of mean(x) - mean(y), with Cohen's d and Hedges' g.

    ``cohen_d`` uses the pooled SD (as ``pingouin.compute_effsize(eftype='cohen')``);
    ``hedges_g`` = d (1 - 3 / (4 (n_x + n_y) - 9)) (Hedges 1981's approximation, as pingouin).
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
    _check_conf(conf)
    a, b = _as_1d(x, "x"), _as_1d(y, "y")
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
    half = float(stats.t.ppf(0.5 + conf / 2.0, df)) * se
    pooled = math.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2))
    d = diff / pooled
    g = d * (1.0 - 3.0 / (4.0 * (nx + ny) - 9.0))
    p = float(2.0 * stats.t.sf(abs(t), df))
    return TwoSampleT(diff, t, df, p, diff - half, diff + half, d, g, nx, ny)


def p_adjust(p: ArrayLike, method: str = "holm") -> FloatArray:
    """Adjust p-values for multiple testing, as R ``p.adjust`` (NaN kept, not counted in m).

    ``method`` is ``"holm"``, ``"bonferroni"``, ``"BH"`` (alias ``"fdr"``) or ``"none"``.

    References
    ----------
    R ``p.adjust(p, method)``: its default ``n = length(p)`` is evaluated after the NAs are
    dropped, so m counts the non-missing p only. Holm, S. (1979). *Scand. J. Statist.* 6, 65-70.
    Benjamini, Y., & Hochberg, Y. (1995). *JRSS B* 57(1), 289-300.

    Examples
    --------
    >>> p_adjust([0.01, 0.04, float("nan"), 0.03], "BH").round(4).tolist()
    [0.03, 0.04, nan, 0.04]
    """
    arr = np.asarray(p, dtype=np.float64)
    flat = arr.reshape(-1)
    ok = ~np.isnan(flat)
    q = flat[ok]
    if np.any((q < 0) | (q > 1)):
        raise DataError("p-values must lie between 0 and 1")
    key = method.lower()
    m = q.size
    order = np.argsort(q, kind="stable")  # R's order() keeps ties in input order too
    qs = q[order]
    rank = np.arange(1, m + 1, dtype=np.float64)
    if key == "holm":
        adj = np.maximum.accumulate((m + 1 - rank) * qs)
    elif key == "bonferroni":
        adj = m * qs
    elif key in ("bh", "fdr"):
        adj = np.minimum.accumulate((m / rank * qs)[::-1])[::-1]
    elif key == "none":
        adj = qs
    else:
        raise UsageError(f"unknown p-value adjustment {method!r}; use holm, bonferroni, BH, none")
    out = flat.copy()
    if m > 1:  # R returns p unchanged when there is at most one test
        res = np.empty(m)
        res[order] = np.minimum(1.0, adj)
        out[ok] = res
    return out.reshape(arr.shape)


def holm(p: ArrayLike) -> FloatArray:
    """Holm (1979) step-down adjusted p-values, as R ``p.adjust(p, "holm")``.

    NaNs pass through and are not counted in the number of tests.

    References
    ----------
    R ``p.adjust(p, "holm")``. Holm, S. (1979). A simple sequentially rejective multiple test
    procedure. *Scand. J. Statist.* 6, 65-70.

    Examples
    --------
    >>> holm([0.01, float("nan"), 0.04, 0.03]).round(4).tolist()
    [0.03, nan, 0.06, 0.06]
    """
    return p_adjust(p, "holm")


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
    gs = _groups(groups)
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
    return AnovaResult(f, k - 1.0, df2, float(stats.f.sf(f, k - 1, df2)), method)


def kruskal_wallis(groups: Sequence[ArrayLike]) -> AnovaResult:
    """Kruskal-Wallis rank sum test with the tie correction, as R ``kruskal.test``.

    All values tied gives NaN.

    References
    ----------
    R ``kruskal.test``. Kruskal, W. H., & Wallis, W. A. (1952). Use of ranks in one-criterion
    variance analysis. *JASA* 47(260), 583-621.

    Examples
    --------
    >>> r = kruskal_wallis([[1, 2, 2, 3], [3, 4, 4, 5, 5], [2, 3, 3, 3]])
    >>> round(r.statistic, 4), r.df1, round(r.p, 4)
    (8.3645, 2.0, 0.0153)
    """
    gs = _groups(groups)
    values = np.concatenate(gs)
    big_n = values.size
    ranks = stats.rankdata(values)
    bounds = np.cumsum([0] + [g.size for g in gs])
    rank_sums = np.add.reduceat(ranks, bounds[:-1])
    sizes = np.diff(bounds).astype(np.float64)
    h = 12.0 * float(np.sum(rank_sums**2 / sizes)) / (big_n * (big_n + 1)) - 3.0 * (big_n + 1)
    denom = 1.0 - _tie_sum(values) / (big_n**3 - big_n)
    df1 = len(gs) - 1.0
    if denom <= 0:
        return AnovaResult(math.nan, df1, math.nan, math.nan, "Kruskal-Wallis rank sum test")
    h /= denom
    p = float(stats.chi2.sf(h, df1))
    return AnovaResult(h, df1, math.nan, p, "Kruskal-Wallis rank sum test")


def _pairs(k: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Index pairs (a, b), a < b, in R ``combn`` order."""
    a, b = np.triu_indices(k, k=1)
    return a, b


# ---- studentized range distribution, for Games-Howell ----------------------------------------
# scipy.stats.studentized_range integrates adaptively per value: ~10 ms per p and ~100 ms per
# quantile, seconds for a report with many groups and dimensions. The same double integral
# (Copenhaver & Holland 1988) on fixed Gauss-Legendre grids is vectorised and agrees with SciPy
# to ~1e-11 (tests check it through pingouin). P(Q <= q) = E[W(q S)], S = sqrt(chi2_df / df),
# W = the CDF of the range of k standard normals.
_GL_X, _GL_W = np.polynomial.legendre.leggauss(10)
_RANGE_MAX = 13.0  # 1 - W(13) < 1e-15 for k <= 100


def _gauss_legendre(edges: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Nodes and weights of 10-point Gauss-Legendre on each panel between ``edges`` (last axis)."""
    a, b = edges[..., :-1, None], edges[..., 1:, None]
    half = (b - a) / 2
    shape = (*edges.shape[:-1], -1)
    return ((a + b) / 2 + half * _GL_X).reshape(shape), (half * _GL_W).reshape(shape)


@lru_cache(maxsize=64)
def _range_cdf(k: int) -> np.polynomial.Chebyshev:
    """W(w) = k int phi(z) (Phi(z + w) - Phi(z))^(k-1) dz as a Chebyshev interpolant."""
    z, wz = _gauss_legendre(np.linspace(-8.5, 8.5, 18))  # phi(8.5) ~ 1e-16
    wz = wz * stats.norm.pdf(z)

    def w_of(w: FloatArray) -> FloatArray:
        inner = np.clip(stats.norm.cdf(z + w[:, None]) - stats.norm.cdf(z), 0.0, 1.0)
        return np.asarray(k * np.sum(wz * inner ** (k - 1), axis=1), dtype=np.float64)

    return np.polynomial.Chebyshev.interpolate(w_of, 120, domain=[0.0, _RANGE_MAX])


def _ptukey(q: FloatArray, k: int, df: FloatArray) -> FloatArray:
    """P(Q <= q) for the studentized range of k means with ``df`` (R ``ptukey(q, k, df)``)."""
    d = df[:, None]
    lo = np.sqrt(stats.chi2.ppf(1e-17, df) / df)
    hi = np.sqrt(stats.chi2.isf(1e-17, df) / df)
    with np.errstate(divide="ignore"):
        top = np.minimum(hi, _RANGE_MAX / q)  # W(q s) = 1 above s = 13 / q: add P(S > top)
    # W(q s) varies on the scale 1/q and the density of S grows like s^(df - 1) from 0
    # (fractional for Welch df): equal panels over [top/16, top], geometric ones below.
    cut = np.clip(top / 16.0, lo, top)
    geo = lo[:, None] * (cut / lo)[:, None] ** np.linspace(0.0, 1.0, 21)
    lin = cut[:, None] + (top - cut)[:, None] * np.linspace(0.0, 1.0, 25)[1:]
    s, ws = _gauss_legendre(np.concatenate([geo, lin], axis=1))
    dens = np.exp(stats.chi2.logpdf(d * s**2, d) + np.log(2.0 * d * s))
    w = np.minimum(q[:, None] * s, _RANGE_MAX)
    vals = np.clip(_range_cdf(k)(w), 0.0, 1.0)
    tail = stats.chi2.sf(df * top**2, df)
    return np.asarray(np.sum(ws * dens * vals, axis=1) + tail, dtype=np.float64)


def _qtukey(conf: float, k: int, df: FloatArray) -> FloatArray:
    """Quantile ``conf`` for each ``df`` (R ``qtukey(conf, k, df)``), by Brent's method."""
    out = np.empty(df.size)
    for i, dfi in enumerate(df):  # one root per pair of groups, not per observation

        def gap(q: float, dfi: float = float(dfi)) -> float:
            return float(_ptukey(np.array([q]), k, np.array([dfi]))[0]) - conf

        hi = 8.0
        while gap(hi) < 0:
            hi *= 2.0
        out[i] = optimize.brentq(gap, 0.0, hi, xtol=1e-12)
    return out


def games_howell(
    groups: Sequence[ArrayLike], names: Sequence[str], conf: float = 0.95
) -> pd.DataFrame:
    """Games-Howell pairwise comparisons of means (unequal variances and sizes).

    Returns
    -------
    pandas.DataFrame
        One row per pair in ``names`` order (a before b): ``group_a, group_b, mean_a, mean_b,
        diff`` (mean_a - mean_b), ``se, t, df`` (Welch), ``p_adj`` (studentized range with k
        groups), ``ci_low, ci_high``. Pairs with a group of < 2 values or no variance are NaN.

    References
    ----------
    Games, P. A., & Howell, J. F. (1976). Pairwise multiple comparison procedures with unequal
    n's and/or variances. *J. Educ. Stat.* 1(2), 113-125. Same as
    ``pingouin.pairwise_gameshowell``; p from R ``ptukey(sqrt(2) |t|, k, df)``. Copenhaver,
    M. D., & Holland, B. (1988). Computation of the distribution of the maximum studentized
    range statistic. *J. Stat. Comput. Simul.* 30(1), 1-15. R and SciPy switch to df = inf
    for very large df (R: df > 25000), which moves p by < 1e-5 there; this function does not.

    Examples
    --------
    >>> gh = games_howell([[4, 5, 6, 5], [6, 7, 8, 9, 7], [5, 5, 6, 4]], ["a", "b", "c"])
    >>> gh[["group_a", "group_b"]].values.tolist()
    [['a', 'b'], ['a', 'c'], ['b', 'c']]
    >>> gh["p_adj"].round(4).tolist()
    [0.0192, 1.0, 0.0192]
    """
    _check_conf(conf)
    gs = _groups(groups, names)
    k = len(gs)
    n = np.array([g.size for g in gs], dtype=np.float64)
    mean = np.array([g.mean() for g in gs])
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.array([g.var(ddof=1) if g.size > 1 else np.nan for g in gs]) / n
        a, b = _pairs(k)
        se = np.sqrt(v[a] + v[b])
        df = (v[a] + v[b]) ** 2 / (v[a] ** 2 / (n[a] - 1) + v[b] ** 2 / (n[b] - 1))
        t = (mean[a] - mean[b]) / se
    ok = np.isfinite(t) & np.isfinite(df)
    p = np.full(a.size, np.nan)
    half = np.full(a.size, np.nan)
    if ok.any():
        # Games & Howell: |t| sqrt(2) is referred to the studentized range for all k groups.
        p[ok] = np.clip(1.0 - _ptukey(np.sqrt(2) * np.abs(t[ok]), k, df[ok]), 0.0, 1.0)
        half[ok] = _qtukey(conf, k, df[ok]) / np.sqrt(2) * se[ok]
    diff = mean[a] - mean[b]
    return pd.DataFrame(
        {
            "group_a": [names[i] for i in a],
            "group_b": [names[i] for i in b],
            "mean_a": mean[a],
            "mean_b": mean[b],
            "diff": diff,
            "se": se,
            "t": np.where(ok, t, np.nan),
            "df": df,
            "p_adj": p,
            "ci_low": diff - half,
            "ci_high": diff + half,
        }
    )


def dunn(groups: Sequence[ArrayLike], names: Sequence[str], adjust: str = "holm") -> pd.DataFrame:
    """Dunn's pairwise rank test after Kruskal-Wallis, with the tie-corrected SE.

    Returns
    -------
    pandas.DataFrame
        One row per pair in ``names`` order: ``group_a, group_b, z`` (mean rank of a minus mean
        rank of b over its SE), ``p`` (two-sided), ``p_adj`` (:func:`p_adjust` with ``adjust``).

    References
    ----------
    Dunn, O. J. (1964). Multiple comparisons using rank sums. *Technometrics* 6(3), 241-252.
    Matches ``FSA::dunnTest`` (two-sided, tie term sum(t^3 - t) / (12 (N - 1))).

    Examples
    --------
    >>> r = dunn([[1, 2, 2, 3], [3, 4, 4, 5, 5], [2, 3, 3, 3]], ["a", "b", "c"])
    >>> r["z"].round(4).tolist(), r["p_adj"].round(4).tolist()
    ([-2.8203, -0.9421, 1.8273], [0.0144, 0.3461, 0.1353])
    """
    gs = _groups(groups, names)
    values = np.concatenate(gs)
    big_n = values.size
    ranks = stats.rankdata(values)
    bounds = np.cumsum([0] + [g.size for g in gs])
    n = np.diff(bounds).astype(np.float64)
    mean_rank = np.add.reduceat(ranks, bounds[:-1]) / n
    a, b = _pairs(len(gs))
    var_unit = big_n * (big_n + 1) / 12.0 - _tie_sum(values) / (12.0 * (big_n - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (mean_rank[a] - mean_rank[b]) / np.sqrt(var_unit * (1 / n[a] + 1 / n[b]))
    p = 2.0 * stats.norm.sf(np.abs(z))
    return pd.DataFrame(
        {
            "group_a": [names[i] for i in a],
            "group_b": [names[i] for i in b],
            "z": z,
            "p": p,
            "p_adj": p_adjust(p, adjust),
        }
    )


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
    xs = np.sort(_as_1d(x, "x"))
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
