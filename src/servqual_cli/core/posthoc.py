"""Multiple comparisons: Games-Howell and Dunn pairwise tests, and p-value adjustment.

Games-Howell follows Welch's ANOVA, Dunn follows Kruskal-Wallis; :func:`p_adjust` (R
``p.adjust``) is Dunn's adjustment and is used for families of tests elsewhere. The
studentized range distribution behind Games-Howell is integrated here on fixed quadrature grids
with :mod:`scipy.special`, so importing this module imports neither :mod:`scipy.stats` nor
:mod:`scipy.optimize` (the latter is imported when a Games-Howell interval is solved). Every
public name is re-exported by :mod:`servqual_cli.core.inference`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import special

from servqual_cli.core._common import (
    FloatArray,
    check_conf,
    clean_groups,
    pairs,
)
from servqual_cli.core.ranktests import GroupRanks, group_ranks
from servqual_cli.errors import DataError, UsageError

__all__ = [
    "WelchPairs",
    "dunn",
    "dunn_from_ranks",
    "games_howell",
    "games_howell_from_pairs",
    "games_howell_many",
    "holm",
    "p_adjust",
    "welch_pairs",
]


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


# ---- studentized range distribution, for Games-Howell ----------------------------------------
# scipy.stats.studentized_range integrates adaptively per value: ~10 ms per p and ~100 ms per
# quantile, seconds for a report with many groups and dimensions. The same double integral
# (Copenhaver & Holland 1988) on fixed Gauss-Legendre grids is vectorised and agrees with SciPy
# to ~1e-11 (tests check it through pingouin). P(Q <= q) = E[W(q S)], S = sqrt(chi2_df / df),
# W = the CDF of the range of k standard normals. The normal and chi-squared functions are
# scipy.stats' own formulas written with scipy.special, so the results are bit-identical.
_GL_X, _GL_W = np.polynomial.legendre.leggauss(10)
_RANGE_MAX = 13.0  # 1 - W(13) < 1e-15 for k <= 100
_NORM_PDF_C = np.sqrt(2 * np.pi)


def _gauss_legendre(edges: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Nodes and weights of 10-point Gauss-Legendre on each panel between ``edges`` (last axis)."""
    a, b = edges[..., :-1, None], edges[..., 1:, None]
    half = (b - a) / 2
    shape = (*edges.shape[:-1], -1)
    return ((a + b) / 2 + half * _GL_X).reshape(shape), (half * _GL_W).reshape(shape)


def _chi2_logpdf(x: FloatArray, df: FloatArray) -> FloatArray:
    """log of the chi-squared density for x > 0 (``scipy.stats.chi2.logpdf``'s formula)."""
    return np.asarray(
        special.xlogy(df / 2.0 - 1, x) - x / 2.0 - special.gammaln(df / 2.0) - np.log(2) * df / 2.0,
        dtype=np.float64,
    )


@lru_cache(maxsize=64)
def _range_cdf(k: int) -> np.polynomial.Chebyshev:
    """W(w) = k int phi(z) (Phi(z + w) - Phi(z))^(k-1) dz as a Chebyshev interpolant."""
    z, wz = _gauss_legendre(np.linspace(-8.5, 8.5, 18))  # phi(8.5) ~ 1e-16
    wz = wz * (np.exp(-(z**2) / 2.0) / _NORM_PDF_C)  # the normal density phi(z)

    def w_of(w: FloatArray) -> FloatArray:
        inner = np.clip(special.ndtr(z + w[:, None]) - special.ndtr(z), 0.0, 1.0)
        return np.asarray(k * np.sum(wz * inner ** (k - 1), axis=1), dtype=np.float64)

    return np.polynomial.Chebyshev.interpolate(w_of, 120, domain=[0.0, _RANGE_MAX])


def _ptukey(q: FloatArray, k: int, df: FloatArray) -> FloatArray:
    """P(Q <= q) for the studentized range of k means with ``df`` (R ``ptukey(q, k, df)``)."""
    d = df[:, None]
    # The 1e-17 and 1 - 1e-17 quantiles of chi2_df: scipy.stats.chi2.ppf and .isf.
    lo = np.sqrt(2 * special.gammaincinv(df / 2, 1e-17) / df)
    hi = np.sqrt(special.chdtri(df, 1e-17) / df)
    with np.errstate(divide="ignore"):
        top = np.minimum(hi, _RANGE_MAX / q)  # W(q s) = 1 above s = 13 / q: add P(S > top)
    # W(q s) varies on the scale 1/q and the density of S grows like s^(df - 1) from 0
    # (fractional for Welch df): equal panels over [top/16, top], geometric ones below.
    cut = np.clip(top / 16.0, lo, top)
    geo = lo[:, None] * (cut / lo)[:, None] ** np.linspace(0.0, 1.0, 21)
    lin = cut[:, None] + (top - cut)[:, None] * np.linspace(0.0, 1.0, 25)[1:]
    s, ws = _gauss_legendre(np.concatenate([geo, lin], axis=1))
    dens = np.exp(_chi2_logpdf(d * s**2, d) + np.log(2.0 * d * s))
    w = np.minimum(q[:, None] * s, _RANGE_MAX)
    vals = np.clip(_range_cdf(k)(w), 0.0, 1.0)
    tail = special.chdtrc(df, df * top**2)  # P(chi2_df > df top^2) = P(S > top)
    return np.asarray(np.sum(ws * dens * vals, axis=1) + tail, dtype=np.float64)


def _qtukey_many(conf: float, k: int, dfs: Sequence[FloatArray]) -> list[FloatArray]:
    """Quantile ``conf`` for each ``df`` of each comparison (R ``qtukey(conf, k, df)``), by
    bisection to 1e-12: no root finder from :mod:`scipy.optimize`, whose import alone costs
    about half a second.

    Several comparisons' pairs in one bisection (issue #16): every comparison (a segment of the
    rows) widens and halves its brackets until its own pairs meet the tolerance, as its own call
    would, so each quantile is that call's bit for bit; the CDF is evaluated for all the
    segments still going at once (the Chebyshev sum of :func:`_range_cdf` costs per call, not
    per value). Rows of :func:`_ptukey` are independent of each other."""
    sizes = [d.size for d in dfs]
    df = np.concatenate(dfs) if dfs else np.zeros(0)
    seg = np.repeat(np.arange(len(dfs)), sizes)
    lo = np.zeros(df.size)
    hi = np.full(df.size, 8.0)
    going = np.ones(len(dfs), dtype=bool)
    for _ in range(60):  # the CDF rises in q: widen until conf is inside (q < 8 * 2^60)
        rows = going[seg]
        if not rows.any():
            break
        low = np.zeros(df.size, dtype=bool)
        low[rows] = _ptukey(hi[rows], k, df[rows]) < conf
        going &= np.bincount(seg[low], minlength=len(dfs)) > 0  # a segment without: done
        widen = going[seg] & low
        lo, hi = np.where(widen, hi, lo), np.where(widen, 2.0 * hi, hi)
    while True:
        wide = hi - lo > 1e-12 * np.maximum(1.0, hi)
        rows = (np.bincount(seg[wide], minlength=len(dfs)) > 0)[seg]
        if not rows.any():
            break
        mid = (lo[rows] + hi[rows]) / 2.0
        below = _ptukey(mid, k, df[rows]) < conf
        lo[rows], hi[rows] = np.where(below, mid, lo[rows]), np.where(below, hi[rows], mid)
    return np.split((lo + hi) / 2.0, np.cumsum(sizes)[:-1])


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
    return games_howell_many([(groups, names)], conf)[0]


def games_howell_many(
    comparisons: Sequence[tuple[Sequence[ArrayLike], Sequence[str]]], conf: float = 0.95
) -> list[pd.DataFrame]:
    """:func:`games_howell` of several comparisons (``(groups, names)`` each), with one
    studentized-range evaluation per step for all of them that have the same number of
    groups (``gap --by``: one comparison per dimension). Each table is that of its own call.
    (R: ``ptukey(sqrt(2) * abs(t.test(x, y)$statistic), 2, df, lower.tail = FALSE)`` is
    0.0080 for the first pair.)

    >>> a, b = games_howell_many([([[4, 5, 6, 5], [6, 7, 8, 9, 7]], ["a", "b"]),
    ...                           ([[1, 2, 2], [2, 3, 4]], ["x", "y"])])
    >>> a["p_adj"].round(4).tolist(), b["group_a"].tolist()
    ([0.008], ['x'])
    """
    check_conf(conf)
    return games_howell_from_pairs([welch_pairs(g, names) for g, names in comparisons], conf)


@dataclass(frozen=True)
class WelchPairs:
    """The Welch t of every pair of ``k`` groups, where Games-Howell evaluates the
    studentized range (:func:`welch_pairs`)."""

    k: int
    names: Sequence[str]
    a: NDArray[np.intp]
    b: NDArray[np.intp]
    mean: FloatArray
    se: FloatArray
    df: FloatArray
    t: FloatArray
    ok: NDArray[np.bool_]


def welch_pairs(groups: Sequence[ArrayLike], names: Sequence[str]) -> WelchPairs:
    """Each pair's Welch t, df and SE for :func:`games_howell_from_pairs` (the part of
    :func:`games_howell` that reads the data; a caller can make it on a worker thread)."""
    gs = clean_groups(groups, names)
    k = len(gs)
    n = np.array([g.size for g in gs], dtype=np.float64)
    mean = np.array([g.mean() for g in gs])
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.array([g.var(ddof=1) if g.size > 1 else np.nan for g in gs]) / n
        a, b = pairs(k)
        se = np.sqrt(v[a] + v[b])
        df = (v[a] + v[b]) ** 2 / (v[a] ** 2 / (n[a] - 1) + v[b] ** 2 / (n[b] - 1))
        t = (mean[a] - mean[b]) / se
    return WelchPairs(k, names, a, b, mean, se, df, t, np.isfinite(t) & np.isfinite(df))


def games_howell_from_pairs(parts: Sequence[WelchPairs], conf: float = 0.95) -> list[pd.DataFrame]:
    """The Games-Howell tables of :func:`welch_pairs` results (``conf`` checked by the
    caller): the studentized range evaluated once per step for all comparisons with the same
    number of groups."""
    p = [np.full(part.t.size, np.nan) for part in parts]
    half = [np.full(part.t.size, np.nan) for part in parts]
    for k in sorted({part.k for part in parts}):
        batch = [i for i, part in enumerate(parts) if part.k == k and part.ok.any()]
        if not batch:
            continue
        t = [parts[i].t[parts[i].ok] for i in batch]
        df = [parts[i].df[parts[i].ok] for i in batch]
        # Games & Howell: |t| sqrt(2) is referred to the studentized range for all k groups.
        cdf = _ptukey(np.sqrt(2) * np.abs(np.concatenate(t)), k, np.concatenate(df))
        cdfs = np.split(cdf, np.cumsum([x.size for x in t])[:-1])
        for i, c, q in zip(batch, cdfs, _qtukey_many(conf, k, df), strict=True):
            ok = parts[i].ok
            p[i][ok] = np.clip(1.0 - c, 0.0, 1.0)
            half[i][ok] = q / np.sqrt(2) * parts[i].se[ok]
    return [_gh_table(part, pi, hi) for part, pi, hi in zip(parts, p, half, strict=True)]


def _gh_table(part: WelchPairs, p: FloatArray, half: FloatArray) -> pd.DataFrame:
    a, b, mean, names = part.a, part.b, part.mean, part.names
    diff = mean[a] - mean[b]
    return pd.DataFrame(
        {
            "group_a": [names[i] for i in a],
            "group_b": [names[i] for i in b],
            "mean_a": mean[a],
            "mean_b": mean[b],
            "diff": diff,
            "se": part.se,
            "t": np.where(part.ok, part.t, np.nan),
            "df": part.df,
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
    return dunn_from_ranks(group_ranks(clean_groups(groups, names)), names, adjust)


def dunn_from_ranks(ranks: GroupRanks, names: Sequence[str], adjust: str = "holm") -> pd.DataFrame:
    """:func:`dunn` from the groups' pooled rank sums
    (:func:`~servqual_cli.core.ranktests.group_ranks`), for a caller that ranks once for
    Kruskal-Wallis and Dunn.

    >>> r = dunn_from_ranks(group_ranks([np.array([1.0, 2]), np.array([3.0, 4])]), ["a", "b"])
    >>> r["z"].round(4).tolist()
    [-1.5492]
    """
    big_n, n = ranks.n, ranks.sizes
    mean_rank = ranks.sums / n
    a, b = pairs(len(n))
    var_unit = big_n * (big_n + 1) / 12.0 - ranks.ties / (12.0 * (big_n - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (mean_rank[a] - mean_rank[b]) / np.sqrt(var_unit * (1 / n[a] + 1 / n[b]))
    p = 2.0 * special.ndtr(-np.abs(z))  # 2 P(Z > |z|), scipy.stats.norm.sf(|z|) = ndtr(-|z|)
    return pd.DataFrame(
        {
            "group_a": [names[i] for i in a],
            "group_b": [names[i] for i in b],
            "z": z,
            "p": p,
            "p_adj": p_adjust(p, adjust),
        }
    )
