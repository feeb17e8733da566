"""Signed rank test and matched-pairs rank-biserial correlation of a column, from one factorize.

The gap tables test every item and dimension column of a survey. Paired differences of Likert
answers take a few dozen distinct values, so each column is hashed once (``pandas.factorize``,
NaN as missing) and both statistics follow from its distinct values and their counts: the
mid-rank of |d| is shared by all the values of one tie group, so the sums of signed ranks are
sums over distinct values (Σ count × mid-rank) instead of sorts of every difference.

The results equal those of :func:`~servqual_cli.core.ranktests.signed_rank_test` and
:func:`~servqual_cli.core.effect_sizes.rank_biserial_paired` on the column's non-missing values
(``tests/core/test_paired_ranks.py`` checks both by hypothesis): V and V+ − V− are exact (mid
ranks are multiples of 1/2 and their sums stay below 2^53), the tie correction of the normal
approximation sums the same tie sizes in the same order, and Pratt's Σ r² is summed exactly
(integers), where the per-value sum it replaces rounded in its last bits.

A column of whole numbers (item gaps of a 1-7 scale: at most 13 distinct values) is counted by
``bincount`` without hashing (:func:`distinct_counts`, issue #16): the same values and counts as
the factorize, in about a third of its time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from servqual_cli.core._common import FloatArray, check_conf
from servqual_cli.core.effect_sizes import EffectSize, rank_biserial_from_sums
from servqual_cli.core.ranktests import (
    EXACT_BELOW,
    RankTestResult,
    _conditional_lower,
    _two_sided_normal,
    wilcoxon_signed_rank,
)
from servqual_cli.errors import UsageError

__all__ = [
    "ColumnRanks",
    "column_ranks",
    "distinct_counts",
    "ranks_from_counts",
    "wilcox_from_counts",
    "wilcox_test_column",
]


@dataclass(frozen=True)
class ColumnRanks:
    """The signed rank test and the rank-biserial correlation of one column."""

    signed_rank: RankTestResult
    rank_biserial: EffectSize


def _distinct(values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Sorted distinct non-NaN values of ``values`` and how often each occurs (as floats)."""
    # Unsorted, then the few distinct values sorted: sort=True would remap every code.
    codes, uniques = pd.factorize(values)  # NaN -> code -1
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)[1:]
    order = np.argsort(uniques)
    return np.asarray(uniques, dtype=np.float64)[order], counts[order].astype(np.float64)


# Whole numbers up to this size are counted by bincount: round(x, 10) leaves them unchanged
# (x * 1e10 < 2^53 is exact), and the table of counts stays small.
_WHOLE_MAX = 2.0**19
_SPAN_MAX = 4096


def distinct_counts(x: FloatArray, decimals: int | None = None) -> tuple[FloatArray, FloatArray]:
    """Sorted distinct values of ``x`` (no NaN) after ``np.round(x, decimals)``, and their counts.

    The result of :func:`numpy.unique` with counts (as floats) on the rounded values. When every
    value is a whole number of modest size (Likert item gaps), rounding changes nothing and the
    values are counted by ``bincount`` on their offsets from the smallest; otherwise the rounded
    values are hashed once (``pandas.factorize``) and only the distinct ones sorted.

    >>> distinct_counts(np.array([2.0, -1.0, 2.0, 0.0]))
    (array([-1.,  0.,  2.]), array([1., 1., 2.]))
    >>> values, counts = distinct_counts(np.array([1 / 3, 0.5, 1 / 3]), decimals=10)
    >>> values.tolist(), counts.tolist()
    ([0.3333333333, 0.5], [2.0, 1.0])
    """
    if x.size:
        lo, hi = float(x.min()), float(x.max())
        if lo >= -_WHOLE_MAX and hi <= _WHOLE_MAX and hi - lo <= _SPAN_MAX:
            whole = x.astype(np.int64)  # truncation: equal to x only for whole numbers
            if bool((whole == x).all()):
                base = int(lo)
                whole -= base
                counts = np.bincount(whole)
                seen = np.flatnonzero(counts)
                return (seen + base).astype(np.float64), counts[seen].astype(np.float64)
    if decimals is not None:
        x = np.round(x, decimals)
        fractions = _fraction_counts(x, decimals)
        if fractions is not None:
            return fractions
    return _distinct(x)


# A respondent's dimension score is a mean of at most 10 item answers (whole or half points):
# a multiple of 1 / 5040 (5040 = 2 lcm(1..10)), as is a difference of two such scores.
_DENOMINATOR = 5040
_FRACTION_SPAN = 1 << 18


def _fraction_counts(r: FloatArray, decimals: int) -> tuple[FloatArray, FloatArray] | None:
    """:func:`distinct_counts` of rounded values ``r`` that are all ``round(k / 5040,
    decimals)`` for whole k: counted by bincount on k, checked value by value; None otherwise.

    Distinct k give values 1/5040 apart, far more than the rounding moves them, so k and the
    value determine each other, and the values come out sorted.
    """
    if not r.size or decimals < 5:
        return None
    lo, hi = float(r.min()), float(r.max())
    if not (lo >= -_WHOLE_MAX and hi <= _WHOLE_MAX and (hi - lo) * _DENOMINATOR < _FRACTION_SPAN):
        return None
    k = np.rint(r * _DENOMINATOR)
    if not np.array_equal(np.round(k / _DENOMINATOR, decimals), r):
        return None
    whole = k.astype(np.int64)
    base = int(whole.min())
    whole -= base
    counts = np.bincount(whole)
    seen = np.flatnonzero(counts)
    values = np.round((seen + base) / _DENOMINATOR, decimals)
    return values, counts[seen].astype(np.float64)


def _midranks(
    values: FloatArray, counts: FloatArray
) -> tuple[FloatArray, FloatArray, NDArray[np.intp]]:
    """Mid-rank of |v| for each distinct value v (with multiplicity ``counts``).

    Returns the ranks, the tie-group sizes in ascending order of |v| and each value's group.
    """
    groups, inverse = np.unique(np.abs(values), return_inverse=True)
    sizes = np.bincount(inverse, weights=counts, minlength=groups.size)
    mid: FloatArray = np.cumsum(sizes) - (sizes - 1.0) / 2.0
    return mid[inverse], sizes.astype(np.float64), inverse


def column_ranks(
    column: FloatArray,
    zero_method: str = "wilcox",
    conf: float = 0.95,
    exact_below: int = EXACT_BELOW,
) -> ColumnRanks:
    """Signed rank test and rank-biserial correlation of ``column``'s non-missing values.

    ``column`` should already be rounded as the caller ranks (the gap tables round to 10
    decimals). The signed rank test is :func:`~servqual_cli.core.ranktests.signed_rank_test`
    (``zero_method``, exact conditional p below ``exact_below`` nonzero differences); the
    rank-biserial correlation :func:`~servqual_cli.core.effect_sizes.rank_biserial_paired`
    (zeros dropped, Fisher z interval at ``conf``).

    References
    ----------
    Wilcoxon, F. (1945). *Biometrics Bulletin* 1(6), 80-83. Pratt, J. W. (1959). *JASA* 54,
    655-667. Kerby, D. S. (2014). *Comprehensive Psychology* 3, 11.IT.3.1.

    Examples
    --------
    >>> d = np.array([0, 0, -1, 0, 2, 1, 0, -1, -3, 2, -1, -2, -2, 2, -1, 0, -2, 0, 2, -1,
    ...               -2, 0, 3, np.nan])
    >>> r = column_ranks(d)
    >>> r.signed_rank.statistic, round(r.signed_rank.p, 6), r.signed_rank.n
    (61.0, 0.759216, 16)
    >>> round(r.rank_biserial.value, 4)
    -0.1029
    """
    if zero_method not in ("wilcox", "pratt"):
        raise UsageError(f"unknown zero method {zero_method!r}; use wilcox or pratt",
                         code="zero_method_unknown", facts={"value": zero_method})  # fmt: skip
    check_conf(conf)
    values, counts = _distinct(np.asarray(column, dtype=np.float64))
    return ranks_from_counts(values, counts, zero_method, conf, exact_below)


def ranks_from_counts(
    values: FloatArray,
    counts: FloatArray,
    zero_method: str = "wilcox",
    conf: float = 0.95,
    exact_below: int = EXACT_BELOW,
) -> ColumnRanks:
    """:func:`column_ranks` from a column's sorted distinct values and their counts
    (:func:`distinct_counts`), for a caller that has counted them already (``zero_method`` and
    ``conf`` are checked by the caller).

    >>> r = ranks_from_counts(np.array([-1.0, 0.0, 2.0]), np.array([30.0, 5.0, 40.0]))
    >>> r.signed_rank.statistic, r.signed_rank.n
    (2020.0, 70)
    """
    nonzero = values != 0
    # Zeros dropped before ranking: the signed rank test (wilcox) and the rank-biserial.
    nz_values, nz_counts = values[nonzero], counts[nonzero]
    ranks, sizes, _ = _midranks(nz_values, nz_counts)
    positive = nz_values > 0
    v_pos = float(np.sum(nz_counts[positive] * ranks[positive]))
    v_neg = float(np.sum(nz_counts[~positive] * ranks[~positive]))
    n = int(nz_counts.sum())
    rb = rank_biserial_from_sums(v_pos, v_neg, n, conf)
    zeros = "zeros dropped, Wilcoxon" if zero_method == "wilcox" else "zeros ranked, Pratt"
    if n == 0:
        test = RankTestResult(0.0, math.nan, f"no nonzero difference ({zeros})", 0)
        return ColumnRanks(test, rb)
    if zero_method == "pratt":  # ranked with the zeros, then the zeros dropped
        all_ranks, _, _ = _midranks(values, counts)
        ranks = all_ranks[nonzero]
        v_pos = float(np.sum(nz_counts[positive] * ranks[positive]))
    if n < exact_below:
        doubled = np.repeat(np.rint(2.0 * ranks).astype(np.int64), nz_counts.astype(np.int64))
        t, total = round(2.0 * v_pos), int(doubled.sum())
        low = min(t, total - t)  # symmetric about total / 2, as signed_rank_test
        p = min(1.0, 2.0 * _conditional_lower(doubled, low)) if 2 * low < total else 1.0
        return ColumnRanks(RankTestResult(v_pos, p, f"exact conditional ({zeros})", n), rb)
    if zero_method == "wilcox":
        p = _normal_p(v_pos, n, sizes)
        method = f"normal approximation, continuity corrected ({zeros})"
        return ColumnRanks(RankTestResult(v_pos, p, method, n), rb)
    # coin's asymptotic Pratt test: mean Σr / 2, variance Σr² / 4 (Σ over nonzero values).
    mean = float(np.sum(nz_counts * ranks)) / 2.0
    doubled = np.rint(2.0 * ranks).astype(np.int64)
    if 4 * n**3 < 2**62:  # Σ (2r)² <= 4 n³: exact in int64
        doubled_sq = int(np.sum(nz_counts.astype(np.int64) * doubled * doubled))
    else:  # exact in Python integers (one term per distinct value)
        doubled_sq = sum(int(c) * int(r) ** 2 for c, r in zip(nz_counts, doubled, strict=True))
    sigma = math.sqrt(doubled_sq / 16.0)  # Σ r² = Σ (2r)² / 4, exact in integers
    p = _two_sided_normal((v_pos - mean) / sigma) if sigma > 0 else math.nan
    return ColumnRanks(RankTestResult(v_pos, p, f"normal approximation ({zeros})", n), rb)


def _normal_p(v: float, n: int, sizes: FloatArray) -> float:
    """wilcox.test's normal approximation: tie-corrected variance, continuity correction."""
    z = v - n * (n + 1) / 4.0
    ties = float(np.sum(sizes**3 - sizes))  # the tie sizes in ascending order of |d|
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - ties / 48.0)
    z -= math.copysign(0.5, z) if z != 0 else 0.0
    return _two_sided_normal(z / sigma) if sigma > 0 else math.nan


def wilcox_test_column(column: FloatArray) -> RankTestResult:
    """R ``wilcox.test(d)`` of ``column``'s non-missing values, from one factorize.

    The same result as :func:`~servqual_cli.core.ranktests.wilcoxon_signed_rank` (zeros
    dropped; exact below 50 nonzero differences without ties or zeros, else the normal
    approximation with tie and continuity corrections).

    >>> wilcox_test_column(np.array([1.5, -0.5, 2.0, np.nan, 3.5, 0.25, 1.0, -1.25])).p
    0.21875
    """
    values, counts = _distinct(np.asarray(column, dtype=np.float64))
    return wilcox_from_counts(values, counts)


def wilcox_from_counts(values: FloatArray, counts: FloatArray) -> RankTestResult:
    """:func:`wilcox_test_column` from the sorted distinct values and their counts
    (:func:`distinct_counts`).

    >>> wilcox_from_counts(np.array([-1.0, 1.0]), np.array([60.0, 40.0])).statistic
    2020.0
    """
    nonzero = values != 0
    has_zeros = not bool(nonzero.all())
    values, counts = values[nonzero], counts[nonzero]
    n = int(counts.sum())
    ranks, sizes, _ = _midranks(values, counts)
    if 0 < n < 50 and not has_zeros and sizes.size == n:  # no ties: the exact test
        return wilcoxon_signed_rank(values)
    positive = values > 0
    v = float(np.sum(counts[positive] * ranks[positive]))
    method = "Wilcoxon signed rank test with continuity correction"
    return RankTestResult(v, _normal_p(v, n, sizes), method, n)
