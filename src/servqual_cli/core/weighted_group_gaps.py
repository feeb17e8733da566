"""Survey-weighted dimension gaps per group (``[survey] weight_column`` with ``by``), each group a
domain of the weighted design, with its design-based t-test.

Review 7, finding 2: a weighted report showed the population below expectation on a dimension
and, from the unweighted per-group table, neither group below it. The groups' gaps are now on
the cards' basis: for dimension j the design is the respondents with a gap in j and a weight
(N_j of them, as the total's :func:`~servqual_cli.core.weighted_tests.weighted_gap_tests`), and
each group d is a domain of it (R ``svyby(~g, ~group, design, svymean)``):

    μ̂_d = Σ_d w_i g_i / Σ_d w_i,
    v(μ̂_d) = N_j / (N_j − 1) · Σ_d z_i²,  z_i = w_i (g_i − μ̂_d) / Σ_d w_i

(Lumley 2010, §2.3: the domain's linearised variance keeps the design's N, z_i = 0 outside the
domain). The test of μ_d = 0 is ``svyttest(g ~ 0, subset(design, group == d))``: t = μ̂_d / SE,
df = n_d − 2 (the domain's degf − 1), t-based interval. The p-values are adjusted over every
group × dimension test, the family of the unweighted per-group table
(:attr:`~servqual_cli.core.group_gaps.GroupedGapAnalysis.group_dimension_p`). Respondents
without a group stay in the design (in N_j), in no domain. The tests *between* the groups
(Welch, Kruskal-Wallis, Games-Howell, Dunn) have no weighted form here and stay unweighted.

References
----------
Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §2.3 (domains).
R package ``survey``: ``svyby``, ``svymean``, ``svyttest``; reference values in
tests/core/r/weighted_group_gaps.R.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.group_gaps import _group_codes
from servqual_cli.core.results import plain, records
from servqual_cli.core.survey_weights import (
    check_weights,
    design_t,
    weighted_means,
    zero_weights,
)

__all__ = ["METHOD", "WeightedGroupGaps", "domain_means", "weighted_group_gaps"]

METHOD = (
    "each group a domain of the weighted design svydesign(ids = ~1, weights = ~w) of the "
    "respondents with a gap in the dimension: weighted mean gap as R svyby(~g, ~group, design, "
    "svymean) (linearised SE with the design's n), t-test as svyttest(g ~ 0, subset(design, "
    "group == d)), df = n_group − 2, t-based CI; p adjusted over groups x dimensions"
)

COLUMNS = ["group", "dimension", "n", "mean", "se", "t", "df", "p", "p_adjusted", "ci_low",
           "ci_high", "n_eff", "unweighted_mean"]  # fmt: skip


@dataclass(frozen=True)
class WeightedGroupGaps:
    """Weighted dimension gaps per group with their design-based tests.

    ``table`` columns: :data:`COLUMNS` (one row per group × dimension, groups in sorted order,
    dimensions in the given order). ``adjust``: over every group × dimension with a test.
    """

    column: str
    by: str
    table: pd.DataFrame
    adjust: str
    conf: float = 0.95
    n_zero_weight: int = 0  # respondents with weight 0: in the design, not in n or df

    @property
    def n_tests(self) -> int:
        """The tests made: the size of the adjustment family."""
        return int(np.isfinite(self.table["p"].to_numpy(dtype=float)).sum())

    def to_dict(self) -> dict[str, Any]:
        return {
            "weight_column": self.column,
            "by": self.by,
            "method": METHOD,
            "adjust": self.adjust,
            "family": "groups x dimensions with a test",
            "n_tests": self.n_tests,
            "n_zero_weight": plain(self.n_zero_weight),
            "conf": plain(self.conf),
            "groups": records(self.table),
        }


def weighted_group_gaps(
    gap: np.ndarray,
    dimensions: Sequence[str],
    weights: np.ndarray,
    column: str,
    groups: Sequence[Any] | np.ndarray,
    by: str,
    conf: float = 0.95,
    adjust: str = "holm",
) -> WeightedGroupGaps:
    """The weighted mean gap of each group × dimension, a domain of the dimension's design.

    ``gap``: respondent dimension gaps (n, k), NaN where a respondent has none; ``weights``:
    one per respondent (NaN: left out of the design); ``groups``: one label per respondent
    (None, NaN, blank: no group). A domain with fewer than three gaps, or every gap equal, has
    no test (NaN), as the total's.

    Examples
    --------
    >>> g = np.array([[-1.0], [-2.0], [0.5], [-0.5], [1.0], [np.nan]])
    >>> w = np.array([1.0, 2.0, 1.0, 3.0, 1.0, 1.0])
    >>> t = weighted_group_gaps(g, ["A"], w, "Vikt", ["a", "a", "a", "b", "b", None], "K").table
    >>> t[["group", "n", "df"]].values.tolist()
    [['a', 3, 1.0], ['b', 2, nan]]
    >>> round(float(t["mean"].iloc[0]), 4), round(float(t["se"].iloc[0]), 4)
    (-1.125, 0.6684)
    """
    ww = check_weights(weights, column)
    arr = np.asarray(gap, dtype=float)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    codes, names = _group_codes(groups)
    if not names:
        empty = pd.DataFrame(columns=COLUMNS)
        return WeightedGroupGaps(column, by, empty, adjust, conf, zero_weights(ww))
    table = domain_means(arr, ww, codes, len(names), conf)
    table.insert(0, "dimension", np.tile(np.asarray(list(dimensions), dtype=object), len(names)))
    table.insert(0, "group", np.repeat(np.asarray(names, dtype=object), arr.shape[1]))
    n = table["n"].to_numpy().astype(float)
    mean, se = table["mean"].to_numpy(), table["se"].to_numpy()
    df = np.where(n >= 3, n - 2.0, np.nan)  # svyttest: degf(subset) − 1 = n_d − 2
    t, p, low, high = design_t(mean, se, df, conf)
    table = table.assign(t=t, df=df, p=p, ci_low=low, ci_high=high)
    table["p_adjusted"] = inference.p_adjust(p, adjust)
    return WeightedGroupGaps(column, by, table[COLUMNS], adjust, conf, zero_weights(ww))


def domain_means(
    gap: np.ndarray, weights: np.ndarray, codes: np.ndarray, k: int, conf: float = 0.95
) -> pd.DataFrame:
    """Each group × dimension's weighted mean, linearised SE (and n, CI, n_eff, unweighted
    mean), each group a domain of the dimension's design: the one computation of a group's
    weighted gap and its variance, for the per-group table and the Wald test between the groups
    (:mod:`~servqual_cli.core.weighted_group_test`, whose covariance is diag(SE²)).

    ``gap``: (n, dims); ``weights``: checked weights (NaN: not in the design); ``codes``: each
    respondent's group in ``range(k)``, -1 for none (in the design's N, in no domain). Returns
    the :func:`~servqual_cli.core.survey_weights.weighted_means` columns, one row per group ×
    dimension, group-major (row ``code * dims + j``).

    >>> g = np.array([[-1.0], [-2.0], [0.5], [-0.5], [1.0]])
    >>> t = domain_means(g, np.array([1.0, 2, 1, 3, 1]), np.array([0, 0, 0, 1, -1]), 2)
    >>> t["n"].tolist(), round(float(t["mean"].iloc[0]), 4), round(float(t["se"].iloc[0]), 4)
    ([3, 1], -1.125, 0.6684)
    """
    # N_j: the design of dimension j, every respondent with a gap and a weight (in a group or not)
    design_n = (~np.isnan(gap) & ~np.isnan(weights)[:, None]).sum(axis=0)
    frames = []
    for code in range(k):  # a loop over the groups; the rows are vectorised
        rows = codes == code
        frames.append(weighted_means(gap[rows], weights[rows], conf, design_n=design_n))
    if not frames:  # no group: no domain
        return weighted_means(gap, weights, conf).iloc[:0]
    return pd.concat(frames, ignore_index=True)
