"""Which gap matters most: a paired comparison of the dimension gaps of the same respondents.

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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core._common import pairs as pair_index
from servqual_cli.core.paired_ranks import wilcox_test_column
from servqual_cli.core.posthoc import holm
from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError

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

    ``pairs`` columns: a, b, diff, ci_low, ci_high, p_t, p_wilcoxon, p_holm.
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
    from scipy import special

    n, k = x.shape
    if n < 1 or k < 2:
        return Friedman(math.nan, float(k - 1), math.nan, math.nan, n)
    # Within-row average ranks by comparing each column with all (k is the number of
    # dimensions, small; each step is vectorised over the rows): rank = 1 + #smaller +
    # (#equal - 1) / 2. The sum over tie groups of t^3 - t equals the sum over cells of
    # (size of the cell's tie group)^2 - 1.
    # Column j's rank sum over the rows is n + #(cells of a row smaller than its j) +
    # (#equal - n) / 2, counted one pair of columns at a time (no (n, k) temporaries).
    x = np.asfortranarray(x)  # whole columns below
    col = np.zeros(k)
    ties = 0.0
    for j in range(k):
        smaller = 0
        equal = np.zeros(n, dtype=np.int64)
        for m in range(k):
            smaller += int(np.count_nonzero(x[:, m] < x[:, j]))
            equal += x[:, m] == x[:, j]
        col[j] = n + smaller + (float(equal.sum()) - n) / 2.0
        ties += float((equal * equal - 1).sum())
    denom = n * k * (k + 1) - ties / (k - 1)
    if denom <= 0:  # every respondent ties every dimension: no ranking information
        return Friedman(math.nan, float(k - 1), math.nan, math.nan, n)
    stat = float(12 * ((col - n * (k + 1) / 2) ** 2).sum() / denom)
    p = float(special.chdtrc(k - 1, stat))  # scipy.stats.chi2.sf without importing scipy.stats
    return Friedman(stat, float(k - 1), p, stat / (n * (k - 1)), n)


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
    gc = g[complete]
    if gc.shape[0] < 2:
        raise DataError("fewer than two respondents have every dimension gap valid")
    fr = friedman_test(np.round(gc, TIE_DECIMALS))
    a, b = pair_index(k)
    diffs = gc[:, a] - gc[:, b]  # (n, pairs)
    t = inference.one_sample_t(diffs, conf=conf)
    # A loop over pairs of dimensions, each one factorize of the rounded differences; no
    # nonzero difference gives NaN.
    p_w = [wilcox_test_column(np.round(diffs[:, j], TIE_DECIMALS)).p for j in range(len(a))]
    names = list(dimensions)
    table = pd.DataFrame(
        {
            "a": [names[i] for i in a],
            "b": [names[i] for i in b],
            "diff": t["mean"].to_numpy(),
            "ci_low": t["ci_low"].to_numpy(),
            "ci_high": t["ci_high"].to_numpy(),
            "p_t": t["p"].to_numpy(),
            "p_wilcoxon": np.asarray(p_w, dtype=float),
        }
    )
    table["p_holm"] = holm(table["p_t"].to_numpy())
    return DimensionComparison(fr, table, int((~complete).sum()), conf)
