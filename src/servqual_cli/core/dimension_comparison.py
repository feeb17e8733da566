"""Which gap is largest: a paired comparison of the dimension gaps of the same respondents.

Respondents with every dimension gap valid are compared (complete cases; the number is shown).

- Friedman's rank test across dimensions, ranks within respondent with ties averaged and the
  tie-corrected statistic (R ``friedman.test(gaps)``); Kendall's coefficient of concordance
  W = χ²_F / (n (k - 1)) (Kendall & Babington Smith 1939; as ``rstatix::friedman_effsize``).
- Every pair of dimensions: the mean difference of the respondents' gaps (a - b) with its paired
  t interval and p (R ``t.test(a - b)``), the Wilcoxon signed-rank p (R ``wilcox.test(a - b)``),
  and Holm (1979) across the pairs on the t p-values.

Gap scores are rounded to 10 decimals before ranking, as in :mod:`servqual_cli.core.gaps`.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core._common import pairs as pair_index
from servqual_cli.core.gap_columns import moments_and_counts
from servqual_cli.core.paired_ranks import wilcox_from_counts
from servqual_cli.core.posthoc import holm
from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError
from servqual_cli.threads import map_ordered

TIE_DECIMALS = 10


@dataclass(frozen=True)
class Friedman:
    statistic: float
    df: float
    p: float
    kendall_w: float
    n: int

    def to_dict(self) -> dict[str, Any]:
        return {k: plain(v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class DimensionComparison:
    """Friedman test and paired post-hoc comparisons of dimension gaps.

    ``pairs`` columns: a, b, diff, ci_low, ci_high, p_t, p_wilcoxon, p_holm, t, df (the last two
    for the APA lines and the JSON; the tables leave them out).
    """

    friedman: Friedman
    pairs: pd.DataFrame
    n_incomplete: int
    conf: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        return {
            "friedman": self.friedman.to_dict(),
            "pairs": records(self.pairs),
            "n_incomplete": self.n_incomplete,
            "rule": "complete cases: respondents with every dimension gap valid",
            "adjustment": "Holm across pairs (paired t p-values)",
        }


def friedman_test(x: np.ndarray) -> Friedman:
    """Friedman rank-sum test of the columns of ``x`` (rows = blocks), vectorised.

    References
    ----------
    R ``friedman.test(x)``. Friedman, M. (1937). *JASA* 32(200), 675-701. Hollander & Wolfe
    (1973), *Nonparametric Statistical Methods*, pp. 139-146 (tie correction).

    Examples
    --------
    >>> x = np.array([[1.0, 2, 3], [2, 3, 1], [1, 3, 2], [1, 2, 3], [2, 3, 3]])
    >>> r = friedman_test(x)
    >>> round(r.statistic, 4), r.df, round(r.p, 4), round(r.kendall_w, 4)
    (5.1579, 2.0, 0.0759, 0.5158)
    """
    n, k = x.shape
    if n < 1 or k < 2:
        return Friedman(math.nan, float(k - 1), math.nan, math.nan, n)
    # Within-row average ranks by comparing each column with all (k is the number of
    # dimensions, small; each step is vectorised over the rows): rank = 1 + #smaller +
    # (#equal - 1) / 2. The sum over tie groups of t^3 - t equals the sum over cells of
    # (size of the cell's tie group)^2 - 1.
    # Column j's rank sum over the rows is n + #(cells of a row smaller than its j) +
    # (#equal - n) / 2, counted one pair of columns at a time (no (n, k) temporaries).
    return _friedman([np.ascontiguousarray(x[:, j]) for j in range(k)], n)


def _friedman(cols: list[np.ndarray], n: int) -> Friedman:
    """:func:`friedman_test` of the columns ``cols`` (each ``n`` long, k >= 2)."""
    from scipy import special

    k = len(cols)
    col, ties = _rank_sums(cols, n)
    denom = n * k * (k + 1) - ties / (k - 1)
    if denom <= 0:  # every respondent ties every dimension: no ranking information
        return Friedman(math.nan, float(k - 1), math.nan, math.nan, n)
    stat = float(12 * ((col - n * (k + 1) / 2) ** 2).sum() / denom)
    p = float(special.chdtrc(k - 1, stat))  # scipy.stats.chi2.sf without importing scipy.stats
    return Friedman(stat, float(k - 1), p, stat / (n * (k - 1)), n)


def _rank_sums(cols: list[np.ndarray], n: int) -> tuple[np.ndarray, float]:
    """Each column's within-row rank sum and Σ (t³ − t) over the rows' tie groups.

    One comparison of each pair of columns serves both (x_m < x_j counts for j, x_m > x_j for
    m); ``equal`` counts, per row, the columns equal to column j (itself included).
    """
    k = len(cols)
    small = np.int8 if k < 128 else np.int64  # equal counts <= k
    equal = [(c == c).astype(small) for c in cols]  # itself (not NaN, which equals nothing)
    smaller = [0] * k
    for j in range(k):
        for m in range(j):
            smaller[j] += int(np.count_nonzero(cols[m] < cols[j]))
            smaller[m] += int(np.count_nonzero(cols[j] < cols[m]))
            same = cols[m] == cols[j]
            equal[j] += same
            equal[m] += same
    col = np.zeros(k)
    ties = 0.0
    for j in range(k):
        sizes = np.bincount(equal[j])  # rows by how many columns equal column j
        total = int(np.dot(np.arange(sizes.size, dtype=np.int64), sizes))
        col[j] = n + smaller[j] + (float(total) - n) / 2.0
        ties += float(np.dot(np.arange(sizes.size, dtype=np.int64) ** 2 - 1, sizes))
    return col, ties


def compare_dimensions(
    dimension_gaps: np.ndarray, dimensions: Sequence[str], conf: float = 0.95
) -> DimensionComparison:
    """Friedman test, Kendall's W and paired post-hoc tests of the respondents' dimension gaps.

    Parameters
    ----------
    dimension_gaps : ndarray (n_respondents, n_dimensions)
        Per-respondent dimension gaps (NaN = invalid), e.g. ``respondent_scores(...).gap``.
    dimensions : sequence of str
        Dimension names, one per column.
    conf : float
        Confidence level of the paired t intervals.

    Raises
    ------
    DataError
        Fewer than two dimensions, or fewer than two complete respondents.

    Examples
    --------
    >>> g = np.array([[-1.0, -2, 0], [-0.5, -1.5, 0], [-1, -1, 0.5], [0, -2, 0], [-1, -2.5, 1]])
    >>> r = compare_dimensions(g, ["A", "B", "C"])
    >>> r.friedman.n, r.pairs[["a", "b", "diff"]].round(6).values.tolist()
    (5, [['A', 'B', 1.1], ['A', 'C', -1.0], ['B', 'C', -2.1]])
    """
    g = np.asarray(dimension_gaps, dtype=float)
    k = g.shape[1] if g.ndim == 2 else 0
    if k < 2 or len(dimensions) != k:
        raise DataError("a comparison of dimensions needs at least two dimensions")
    complete = ~np.isnan(g).any(axis=1)
    n = int(complete.sum())
    if n < 2:
        raise DataError("fewer than two respondents have every dimension gap valid")
    cols = [g[:, j][complete] for j in range(k)]  # complete cases, one column at a time
    a, b = pair_index(k)
    # Per pair of dimensions: the difference column once (one buffer per thread), its t
    # moments as inference.one_sample_t computes them and its distinct rounded values for the
    # signed rank test; no (respondents x pairs) matrix. No nonzero difference gives NaN.
    # Friedman and the pairs are independent jobs: on threads for many respondents (each
    # computed as on one thread, results in order).
    buffers = threading.local()

    def pair(im: tuple[int, int]) -> tuple[int, float, float, tuple[np.ndarray, np.ndarray]]:
        if not hasattr(buffers, "diff"):
            buffers.diff = np.empty(n)
        return moments_and_counts(np.subtract(cols[im[0]], cols[im[1]], out=buffers.diff))

    jobs: list[Callable[[], Any]] = [
        lambda: _friedman([np.round(c, TIE_DECIMALS) for c in cols], n),
        *(partial(pair, im) for im in zip(a, b, strict=True)),
    ]
    fr, *stats = map_ordered(lambda job: job(), jobs, rows=n)
    t = inference.t_from_moments(
        np.array([s[0] for s in stats], dtype=np.int64),
        np.array([s[1] for s in stats]),
        np.array([s[2] for s in stats]),
        conf,
    )
    p_w = [wilcox_from_counts(*s[3]).p for s in stats]
    names = list(dimensions)
    table = pd.DataFrame(
        {
            "a": [names[i] for i in a],
            "b": [names[i] for i in b],
            "diff": t["mean"],
            "ci_low": t["ci_low"],
            "ci_high": t["ci_high"],
            "p_t": t["p"],
            "p_wilcoxon": np.asarray(p_w, dtype=float),
        }
    )
    table["p_holm"] = holm(table["p_t"].to_numpy())
    # the paired t and its df, after the table's columns: an APA line reports t(df), not p alone
    # (review 15, finding 14: ``gap -f apa`` left the pairs out); the tables do not show them
    table["t"] = t["t"]
    table["df"] = t["df"]
    return DimensionComparison(fr, table, int((~complete).sum()), conf)
