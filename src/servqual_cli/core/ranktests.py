"""Rank tests: Wilcoxon signed rank, Mann-Whitney and Kruskal-Wallis, each matching R.

Exact null distributions are computed here by convolution; the normal and chi-squared
approximations use :mod:`scipy.special` (``ndtr``, ``chdtrc``), so importing this module does
not import :mod:`scipy.stats`. Missing values and thin data are handled as described in
:mod:`servqual_cli.core.inference`, which re-exports every public name of this module.
Dunn's pairwise rank test is in :mod:`servqual_cli.core.posthoc`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import special

from servqual_cli.core._common import (
    AnovaResult,
    FloatArray,
    as_1d,
    clean_groups,
    rankdata,
    tie_sum,
)
from servqual_cli.errors import UsageError

__all__ = [
    "GroupRanks",
    "RankTestResult",
    "group_ranks",
    "kruskal_from_ranks",
    "kruskal_wallis",
    "mann_whitney",
    "signed_rank_test",
    "wilcoxon_signed_rank",
]

# R's wilcox.test switches to the normal approximation at n >= 50 unless exact=TRUE is forced;
# a forced exact p-value costs about N * m * U operations, so refuse sizes that would take long.
_MAX_EXACT_WORK = 3e8


@dataclass(frozen=True)
class RankTestResult:
    """A rank test: ``statistic`` is R's V (signed rank) or W (rank sum).

    ``n`` is the number of values behind the statistic (signed rank: the nonzero differences).
    """

    statistic: float
    p: float
    method: str
    n: int = 0


def _midranks(a: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Mid-ranks of ``a`` and the size of each tie group, by factorize + bincount.

    Likert gaps take a few dozen distinct values: hashing them and sorting only the distinct
    values replaces a sort of every value (``rankdata``) and ``np.unique``'s second sort.
    Identical to :func:`~servqual_cli.core._common.rankdata` (ranks are multiples of 1/2).
    """
    codes, _ = pd.factorize(a, sort=True)
    counts = np.bincount(codes).astype(np.float64)
    mid = np.cumsum(counts) - (counts - 1.0) / 2.0
    return mid[codes], counts


def _two_sided_normal(z: float) -> float:
    # 2 P(Z > |z|) = 2 Phi(-|z|): scipy.stats.norm.sf(x) is special.ndtr(-x).
    return float(2.0 * special.ndtr(-abs(z))) if math.isfinite(z) else math.nan


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
    x = as_1d(d, "d")
    zeros = bool(np.any(x == 0))
    x = x[x != 0]
    n = x.size
    ranks, counts = _midranks(np.abs(x))
    v = float(ranks[x > 0].sum())
    ties = bool(counts.size < n)
    use_exact = (n < 50) if exact is None else exact
    method = "Wilcoxon signed rank test"
    if n > 0 and use_exact and not ties and not zeros:
        if n * n * (n + 1) / 4 > _MAX_EXACT_WORK:
            raise UsageError(f"an exact p-value for n = {n} takes too long; use exact=False")
        v_int = int(v)
        v_low = min(v_int, n * (n + 1) // 2 - v_int)  # the null distribution is symmetric
        p = min(1.0, 2.0 * float(_signrank_lower(n, v_low)[v_low]))
        return RankTestResult(v, p, "Wilcoxon signed rank exact test", n)
    z = v - n * (n + 1) / 4.0
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - float(np.sum(counts**3 - counts)) / 48.0)
    if correct:
        z -= math.copysign(0.5, z) if z != 0 else 0.0
        method += " with continuity correction"
    p = _two_sided_normal(z / sigma) if sigma > 0 else math.nan
    return RankTestResult(v, p, method, n)


EXACT_BELOW = 50  # nonzero differences: exact conditional p below this, as R's exact default


def _conditional_lower(doubled: NDArray[np.int64], t: int) -> float:
    """P(T <= t) for T = Σ r_i s_i, s_i ∈ {0, 1} fair coins, integer scores r_i (doubled ranks)."""
    prob = np.zeros(int(doubled.sum()) + 1)
    prob[0] = 1.0
    for r in doubled:  # one convolution per difference (n < 50), not per respondent
        prob[r:] = prob[r:] + prob[:-r]  # r >= 2: doubled ranks of nonzero differences
        prob *= 0.5
    return float(prob[: t + 1].sum())


def signed_rank_test(
    d: ArrayLike, zero_method: str = "wilcox", exact_below: int = EXACT_BELOW
) -> RankTestResult:
    """Wilcoxon signed rank test with a choice of zero handling; exact conditional p when small.

    ``zero_method``: ``"wilcox"`` drops zero differences before ranking (R ``wilcox.test``,
    coin ``zero.method = "Wilcoxon"``); ``"pratt"`` ranks them with the others and then drops
    them (Pratt 1959, coin's default), which keeps the ranks of the nonzero differences where
    the zeros put them. Below ``exact_below`` nonzero differences the p-value is exact and
    conditional on the observed (tied) ranks: every one of the 2^n sign patterns, by
    convolution, as ``coin::wilcoxsign_test(distribution = "exact")``. Otherwise ``wilcox``
    gives R ``wilcox.test``'s normal approximation (tie and continuity corrected) and ``pratt``
    coin's asymptotic one (conditional variance Σr²/4, no continuity correction).
    ``method`` names which made the p. The statistic is V = the sum of the positive ranks.

    References
    ----------
    Wilcoxon, F. (1945). *Biometrics Bulletin* 1(6), 80-83. Pratt, J. W. (1959). Remarks on
    zeros and ties in the Wilcoxon signed rank procedures. *JASA* 54, 655-667. Hothorn, T.,
    Hornik, K., van de Wiel, M. A., & Zeileis, A. (2006). A Lego system for conditional
    inference. *Am. Stat.* 60(3), 257-263 (R ``coin::wilcoxsign_test``).

    Examples
    --------
    >>> d = [0, 0, -1, 0, 2, 1, 0, -1, -3, 2, -1, -2, -2, 2, -1, 0, -2, 0, 2, -1, -2, 0, 3]
    >>> r = signed_rank_test(d)
    >>> r.statistic, round(r.p, 6), r.method
    (61.0, 0.759216, 'exact conditional (zeros dropped, Wilcoxon)')
    >>> r = signed_rank_test(d, "pratt")
    >>> r.statistic, round(r.p, 6)
    (103.0, 0.541718)
    """
    if zero_method not in ("wilcox", "pratt"):
        raise UsageError(f"unknown zero method {zero_method!r}; use wilcox or pratt",
                         code="zero_method_unknown", facts={"value": zero_method})  # fmt: skip
    x = as_1d(d, "d")
    if zero_method == "wilcox":
        x = x[x != 0]
    ranks, _ = _midranks(np.abs(x))
    nonzero = x != 0
    x, ranks = x[nonzero], ranks[nonzero]
    n = x.size
    zeros = "zeros dropped, Wilcoxon" if zero_method == "wilcox" else "zeros ranked, Pratt"
    if n == 0:
        return RankTestResult(0.0, math.nan, f"no nonzero difference ({zeros})", 0)
    v = float(ranks[x > 0].sum())
    if n < exact_below:
        doubled = np.rint(2.0 * ranks).astype(np.int64)  # mid-ranks are multiples of 1/2
        t, total = round(2.0 * v), int(doubled.sum())
        # The null distribution is symmetric about total / 2: p = P(|T - E| >= |t - E|).
        low = min(t, total - t)
        p = min(1.0, 2.0 * _conditional_lower(doubled, low)) if 2 * low < total else 1.0
        return RankTestResult(v, p, f"exact conditional ({zeros})", n)
    if zero_method == "wilcox":
        r = wilcoxon_signed_rank(x, correct=True, exact=False)
        return RankTestResult(v, r.p, f"normal approximation, continuity corrected ({zeros})", n)
    mean = float(ranks.sum()) / 2.0
    sigma = math.sqrt(float(np.sum(ranks**2)) / 4.0)
    p = _two_sided_normal((v - mean) / sigma) if sigma > 0 else math.nan
    return RankTestResult(v, p, f"normal approximation ({zeros})", n)


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
    a, b = as_1d(x, "x"), as_1d(y, "y")
    nx, ny = a.size, b.size
    if nx == 0 or ny == 0:
        return RankTestResult(math.nan, math.nan, "Wilcoxon rank sum test")
    ranks = rankdata(np.concatenate([a, b]))
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
    sigma = math.sqrt(nx * ny / 12.0 * ((big_n + 1) - tie_sum(ranks) / (big_n * (big_n - 1))))
    method = "Wilcoxon rank sum test"
    if correct:
        z -= math.copysign(0.5, z) if z != 0 else 0.0
        method += " with continuity correction"
    p = _two_sided_normal(z / sigma) if sigma > 0 else math.nan
    return RankTestResult(w, p, method)


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
    return kruskal_from_ranks(group_ranks(clean_groups(groups)))


def kruskal_from_ranks(ranks: GroupRanks) -> AnovaResult:
    """:func:`kruskal_wallis` from the groups' pooled rank sums (:func:`group_ranks`), for a
    caller that ranks once for Kruskal-Wallis and Dunn. R ``kruskal.test(list(c(1, 2, 2, 3),
    c(3, 4, 5)))`` gives H = 3.9213, p = 0.0477:

    >>> r = kruskal_from_ranks(group_ranks([np.array([1.0, 2, 2, 3]), np.array([3.0, 4, 5])]))
    >>> round(r.statistic, 4), round(r.p, 4)
    (3.9213, 0.0477)
    """
    big_n = ranks.n
    rank_sums, sizes = ranks.sums, ranks.sizes
    h = 12.0 * float(np.sum(rank_sums**2 / sizes)) / (big_n * (big_n + 1)) - 3.0 * (big_n + 1)
    denom = 1.0 - ranks.ties / (big_n**3 - big_n)
    df1 = len(sizes) - 1.0
    if denom <= 0:
        return AnovaResult(math.nan, df1, math.nan, math.nan, "Kruskal-Wallis rank sum test")
    h /= denom
    # scipy.stats.chi2.sf(h, df1); chdtrc is NaN below 0, where rounding can put h for groups
    # with equal mean ranks: P(X > h) = 1 there (as R's pchisq).
    p = 1.0 if h < 0 else float(special.chdtrc(df1, h))
    return AnovaResult(h, df1, math.nan, p, "Kruskal-Wallis rank sum test")


@dataclass(frozen=True)
class GroupRanks:
    """The groups' values ranked together (mid-ranks for ties): each group's size and rank
    sum, the pooled ``n`` and Σ (t³ − t) over the pooled tie groups (ascending)."""

    sums: FloatArray
    sizes: FloatArray
    n: int
    ties: float


# Below this many values every rank sum is a multiple of 1/2 under 2^52: exact in any order.
_EXACT_RANK_SUMS = 1 << 25
# Values that are all round(k / 5040, 10) for whole k (Likert answers, and the dimension gaps:
# means of at most 10 whole or half points) are counted per k (see core.paired_ranks).
_LATTICE = 5040
_LATTICE_SPAN = 1 << 18


def group_ranks(groups: Sequence[FloatArray]) -> GroupRanks:
    """Rank the groups' values (1-D, no NaN, none empty) together, as ``rankdata`` of their
    concatenation, and sum the ranks per group.

    The rank sums and tie sum are those of ``rankdata`` + ``np.add.reduceat`` + ``tie_sum``
    on the concatenation (``tests/core/test_ranktests.py`` checks it by hypothesis): when
    every value lies on the lattice k / 5040 (10 decimals), the values are counted per group
    by ``bincount`` of k and each rank sum is Σ count × mid-rank, exact as the per-value sum
    is (multiples of 1/2 below 2^53); the tie sizes are the same floats in the same order.
    Other values are ranked once by a hash of the concatenation.

    >>> r = group_ranks([np.array([1.0, 2, 2, 3]), np.array([3.0, 4, 5])])
    >>> r.sums.tolist(), r.n, r.ties
    ([10.5, 17.5], 7, 12.0)
    """
    sizes = np.array([g.size for g in groups], dtype=np.float64)
    n = int(sum(g.size for g in groups))
    counts = _lattice_counts(groups) if 0 < n < _EXACT_RANK_SUMS else None
    if counts is None:
        values = np.concatenate(groups)
        ranks = rankdata(values)
        bounds = np.cumsum([0] + [g.size for g in groups])
        return GroupRanks(np.add.reduceat(ranks, bounds[:-1]), sizes, n, tie_sum(values))
    pooled = counts.sum(axis=0)  # whole numbers: exact
    seen = pooled > 0
    counts, pooled = counts[:, seen], pooled[seen]
    mid = np.cumsum(pooled) - (pooled - 1.0) / 2.0  # as rankdata
    sums = (counts * mid).sum(axis=1)
    return GroupRanks(sums, sizes, n, float(np.sum(pooled**3 - pooled)))


def _lattice_counts(groups: Sequence[FloatArray]) -> FloatArray | None:
    """Counts (groups × k) of each group's values k / 5040 rounded to 10 decimals, k from the
    smallest to the largest; None unless every value is such a lattice point."""
    ks = []
    for g in groups:
        k = np.rint(g * _LATTICE)
        if not np.array_equal(np.round(k / _LATTICE, 10), g):
            return None
        ks.append(k)
    lo = min(float(k.min()) for k in ks)
    hi = max(float(k.max()) for k in ks)
    if not (hi - lo < _LATTICE_SPAN and abs(lo) < 2.0**40 and abs(hi) < 2.0**40):
        return None
    base = int(lo)
    width = int(hi) - base + 1
    counts = np.empty((len(ks), width))
    for row, k in zip(counts, ks, strict=True):
        whole = k.astype(np.int64)
        whole -= base
        row[:] = np.bincount(whole, minlength=width)
    return counts
