"""Which weighted gap is largest: the design-based paired comparison of the dimension gaps.

The survey-weighted counterpart of the pairs of
:func:`~servqual_cli.core.dimension_comparison.compare_dimensions` (review 13, finding 19: a
weighted report's lead said two *weighted* gaps "cannot be told apart" on the *unweighted*
paired t-test). For each pair of dimensions (a, b) the respondent's difference d_i = g_ia − g_ib
is tested against 0 by the weighted one-sample test the weighted gaps use
(:func:`~servqual_cli.core.weighted_tests.weighted_gap_tests`): R
``survey::svyttest(I(g_a - g_b) ~ 0, svydesign(ids = ~1, weights = ~w))``, Taylor-linearised SE,
df = n − 2. The respondents are those of the unweighted comparison (every dimension gap valid)
with a weight; Holm (1979) across the pairs, as the unweighted table.

References
----------
Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §2.2 and §5.2.
Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scand. J. Statist.*
6, 65-70. R reference: tests/core/r/weighted_pairs.R.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from servqual_cli.core._common import pairs as pair_index
from servqual_cli.core.weighted_tests import weighted_gap_tests

__all__ = ["weighted_pairs"]


def weighted_pairs(
    gap: np.ndarray,
    dimensions: Sequence[str],
    weights: np.ndarray,
    column: str,
    conf: float = 0.95,
) -> pd.DataFrame:
    """The weighted mean difference of every pair of dimension gaps with its design-based test.

    ``gap``: respondent dimension gaps (n, k), NaN where a respondent has none; ``weights``:
    one per respondent (NaN: left out). Returns columns a, b, diff, se, t, df, p, p_holm,
    ci_low, ci_high, n (the pairs in the order of the unweighted table).

    Examples
    --------
    >>> g = np.array([[-1.0, -2, 0], [-0.5, -1.5, 0], [-1, -1, 0.5], [0, -2, 0],
    ...               [-1, -2.5, 1], [-1, np.nan, 0]])
    >>> r = weighted_pairs(g, ["A", "B", "C"], np.ones(6), "w")
    >>> r[["a", "b", "n"]].values.tolist(), r["diff"].round(6).tolist()
    ([['A', 'B', 5], ['A', 'C', 5], ['B', 'C', 5]], [1.1, -1.0, -2.1])
    """
    g = np.asarray(gap, dtype=float)
    a, b = pair_index(g.shape[1])
    complete = ~np.isnan(g).any(axis=1)  # the unweighted comparison's respondents
    diff = np.where(complete[:, None], g[:, a] - g[:, b], np.nan)  # (n, pairs), k is small
    names = list(dimensions)
    labels = [f"{names[i]} − {names[j]}" for i, j in zip(a, b, strict=True)]
    tests = weighted_gap_tests(diff, labels, weights, column, conf, "holm").table
    return pd.DataFrame(
        {
            "a": [names[i] for i in a],
            "b": [names[j] for j in b],
            "diff": tests["mean"],
            "se": tests["se"],
            "t": tests["t"],
            "df": tests["df"],
            "p": tests["p"],
            "p_holm": tests["p_adjusted"],
            "ci_low": tests["ci_low"],
            "ci_high": tests["ci_high"],
            "n": tests["n"],
        }
    )
