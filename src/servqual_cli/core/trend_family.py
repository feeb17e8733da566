"""The adjustment families of a trend: each p-value's step level, and the sizes of the per-area
and the totals' families.

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

__all__ = ["area_family_size", "step_levels", "total_family_size"]


def step_levels(p: ArrayLike, alpha: float = 0.05, method: str = "holm") -> np.ndarray:
    """The significance level each p-value is held against at its own step of the adjustment.

    Holm (1979) compares the k-th smallest of m p-values with ``alpha / (m - k + 1)``,
    Benjamini-Hochberg (1995) with ``alpha * k / m``; unadjusted every p meets ``alpha``. Ties
    take consecutive steps in their order; NaN stays NaN and is not counted. (A Holm step is
    reached only when every smaller p was rejected, so the level is where the comparison's own p
    has to be, not a guarantee.)

    >>> step_levels([0.0001, 0.0045, 0.0026, np.nan], 0.05).round(4).tolist()
    [0.0167, 0.05, 0.025, nan]
    >>> step_levels([0.01, 0.02], 0.05, "bh").tolist(), step_levels([0.3], 0.05, "none").tolist()
    ([0.025, 0.05], [0.05])
    """
    values = np.asarray(p, dtype=float)
    out = np.full(values.shape, math.nan)
    ok = ~np.isnan(values)
    m = int(ok.sum())
    if m == 0:
        return out
    k = np.empty(m)
    k[np.argsort(values[ok], kind="stable")] = np.arange(1, m + 1)
    if method == "holm":
        out[ok] = alpha / (m - k + 1)
    elif method == "bh":
        out[ok] = alpha * k / m
    else:
        out[ok] = alpha
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
