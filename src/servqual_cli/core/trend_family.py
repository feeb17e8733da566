"""The adjustment families of a trend: the level each p-value must be below for its adjusted p
to be below alpha (the others as they are), each p-value's step level, and the sizes of the
per-area and the totals' families.

Split from :mod:`servqual_cli.core.trend` (which re-exports these).

References
----------
Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scandinavian Journal
of Statistics* 6(2), 65-70.
Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate. *Journal of the
Royal Statistical Society B* 57(1), 289-300.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from servqual_cli.core.contacts import ALL

__all__ = ["area_family_size", "reachable_levels", "total_family_size"]


def reachable_levels(p: ArrayLike, alpha: float = 0.05, method: str = "holm") -> np.ndarray:
    """For each p-value, the level ``L`` its own p must be below for its adjusted p to be below
    ``alpha``, every other p-value of the family held as it is: adjusted p < alpha exactly when
    p < L. (Review 7 finding 1: ``alpha * p / p_adjusted`` held only at the observed p, and
    where Holm capped or carried the adjusted p it gave a larger p a looser level.)

    Holm (1979) step-down: sort the m - 1 other p-values, q_1 <= ... <= q_{m-1}, and let K be
    the number of them that pass their steps *with this p after them*, the longest run from the
    smallest with (m - i + 1) q_i < alpha. This p then takes step K + 1 and is rejected exactly
    when p < alpha / (m - K): below q_K it takes an earlier, stricter step it also meets (its p
    is below that q's, which met it), and above q_{K+1} it sits behind a p that fails. An other
    p that is rejected now only because this p is small does not count (with this p after it,
    its step is stricter).

    Benjamini-Hochberg (1995) step-up: with this p at rank j it is rejected when some rank
    i >= j has its p below alpha i / m; BH is monotone in each p, so the level is the largest
    candidate ``alpha J / m`` a p can reach: J = 1 + the largest i with q_i < alpha (i + 1) / m
    (1 if none), the number of BH rejections with this p at 0. Unadjusted, every level is
    ``alpha``. NaN p-values are not counted and get NaN.

    Each row's level depends only on the other p-values; an m x (m - 1) matrix of them keeps it
    without a loop over rows (families here are tens to a few hundred comparisons).

    The middle p, 0.02, would pass at step 2 only behind 0.001; 0.9 would pass at the last step,
    as both others pass theirs; the first at step 1 (3 x 0.02 fails step 1 with it after 0.02):

    >>> reachable_levels([0.001, 0.02, 0.9]).round(4).tolist()
    [0.0167, 0.025, 0.05]
    >>> reachable_levels([0.01, 0.03, 0.2], method="bh").round(4).tolist()
    [0.0333, 0.0333, 0.05]
    >>> reachable_levels([0.3, np.nan], method="none").tolist()
    [0.05, nan]
    """
    values = np.asarray(p, dtype=float)
    out = np.full(values.shape, math.nan)
    ok = ~np.isnan(values)
    m = int(ok.sum())
    if m == 0:
        return out
    if method not in ("holm", "bh"):
        out[ok] = alpha
        return out
    order = np.argsort(values[ok], kind="stable")
    ranked = values[ok][order]
    position = np.empty(m, dtype=int)
    position[order] = np.arange(m)
    i = np.arange(m - 1)  # 0-based rank of each other p among the others
    # row r's others, sorted: the sorted family without r's own entry
    others = ranked[i[None, :] + (i[None, :] >= position[:, None])]
    if method == "holm":
        passes = (m - i)[None, :] * others < alpha  # (m - i + 1) q_i with 1-based i
        k = np.cumprod(passes, axis=1).sum(axis=1)  # the run from the smallest
        levels = alpha / (m - k)
    else:
        # q_i < alpha (i + 1) / m (1-based), in R p.adjust's arithmetic, m / rank * p
        reach = m / (i + 2)[None, :] * others < alpha
        j = np.max(np.where(reach, (i + 2)[None, :], 1), axis=1, initial=1)
        levels = alpha * j / m
    out[np.flatnonzero(ok)] = levels
    return out


def total_family_size(comparisons: pd.DataFrame) -> int:
    """How many totals (area ``ALL``, with a p-value) their own adjustment counted.

    >>> total_family_size(pd.DataFrame({"area": ["ALL", "ALL", "b"], "p": [0.1, 0.2, 0.3]}))
    2
    """
    totals = comparisons["area"].eq(ALL)
    return int(comparisons.loc[totals, "p"].notna().sum())


def area_family_size(comparisons: pd.DataFrame) -> int:
    """How many per-area comparisons (with a p-value) the adjustment counted.

    >>> area_family_size(pd.DataFrame({"area": ["ALL", "a", "b"], "p": [0.1, 0.2, np.nan]}))
    1
    """
    areas = comparisons["area"].ne(ALL)
    return int(comparisons.loc[areas, "p"].notna().sum())
