"""Design-based tests of survey-weighted dimension gaps (``gap --weight-column``).

The weighted mean gap μ̂ = Σ w_i g_i / Σ w_i and its Taylor-linearised SE are those of
:func:`~servqual_cli.core.survey_weights.weighted_means` (R ``survey::svymean``). The test of
μ = 0 is R's design-based one-sample t-test, ``survey::svyttest(g ~ 0, design)`` on the design
``svydesign(ids = ~1, weights = ~w)`` restricted to the respondents with a gap:

    t = μ̂ / SE,  df = degf(design) − 1 = n − 2,  p = 2 · P(T_df > |t|),

and its interval μ̂ ± t_{df, 1−α/2} · SE (``svyttest``'s ``conf.int``). The p-values are then
adjusted across the dimensions like the unweighted table's (Holm by default).

References
----------
Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §2.2 and §5.2.
R package ``survey``: ``svyttest.default`` (one-sample branch: ``parameter = degf(design) - 1``).
Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scand. J. Statist.*
6, 65-70.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.results import plain, records
from servqual_cli.core.survey_weights import (
    UNWEIGHTED_BASIS,
    check_weights,
    design_t,
    weighted_means,
    zero_weights,
)

if TYPE_CHECKING:
    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.core.respondent_scores import RespondentScores

__all__ = ["WeightedGapTests", "conclusion", "differing", "weighted_gap_comparison",
           "weighted_gap_tests"]  # fmt: skip

METHOD = (
    "design-based one-sample t-test as R survey::svyttest(g ~ 0, svydesign(ids = ~1, "
    "weights = ~w)): t = weighted mean / linearised SE, df = n − 2 (the design's n − 1, less "
    "one), t-based CI; p adjusted across the dimensions"
)


@dataclass(frozen=True)
class WeightedGapTests:
    """Weighted dimension gaps with their design-based t-tests.

    ``table`` columns: dimension, n, mean, se, t, df, p, p_adjusted, ci_low, ci_high, n_eff,
    unweighted_mean. ``adjust``: the adjustment across the dimensions (holm, bh, none).
    """

    column: str
    table: pd.DataFrame
    adjust: str
    conf: float = 0.95
    n_zero_weight: int = 0  # respondents with weight 0: in the design, not in n or df
    # respondents without a valid weight, left out: named in the first weighted table's note as
    # in the weighted means' (review 13, finding 11: only the later table named them)
    n_missing_weight: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "weight_column": self.column,
            "method": METHOD,
            "n_missing_weight": plain(self.n_missing_weight),
            "n_zero_weight": plain(self.n_zero_weight),
            "adjust": self.adjust,
            "conf": plain(self.conf),
            "unweighted_mean_basis": UNWEIGHTED_BASIS,  # review 18, finding 1
            "dimensions": records(self.table),
        }


def weighted_gap_tests(
    gap: np.ndarray,
    dimensions: Sequence[str],
    weights: np.ndarray,
    column: str,
    conf: float = 0.95,
    adjust: str = "holm",
) -> WeightedGapTests:
    """The weighted mean gap of each dimension with ``svyttest``'s t, df, p and interval.

    ``gap``: respondent dimension gaps (n, k), NaN where a respondent has none; ``weights``:
    one weight per respondent (NaN: left out). Fewer than three gaps, or every gap equal: no
    test (NaN).

    Examples
    --------
    >>> g = np.array([[-1.0], [-2.0], [0.5], [-0.5], [np.nan]])
    >>> w = np.array([1.0, 2.0, 1.0, 3.0, 1.0])
    >>> r = weighted_gap_tests(g, ["A"], w, "Vikt").table.iloc[0]
    >>> int(r["n"]), round(float(r["mean"]), 4), int(r["df"]), round(float(r["p"]), 4)
    (4, -0.8571, 2, 0.2119)
    """
    ww = check_weights(weights, column)
    arr = np.asarray(gap, dtype=float)
    table = weighted_means(arr, ww, conf)
    n = table["n"].to_numpy().astype(float)
    mean, se = table["mean"].to_numpy(), table["se"].to_numpy()
    df = np.where(n >= 3, n - 2.0, np.nan)
    # every gap equal: the SE is rounding noise (|t| ~ 1e16): no test (design_t)
    t, p, low, high = design_t(mean, se, df, conf)
    out = pd.DataFrame(
        {
            "dimension": list(dimensions),
            "n": table["n"],
            "mean": mean,
            "se": se,
            "t": t,
            "df": df,
            "p": p,
            "p_adjusted": inference.p_adjust(p, adjust),
            "ci_low": low,
            "ci_high": high,
            "n_eff": table["n_eff"],
            "unweighted_mean": table["unweighted_mean"],
        }
    )
    return WeightedGapTests(column, out, adjust, conf, zero_weights(ww), int(np.isnan(ww).sum()))


def conclusion(mean: float, p: float, alpha: float = 0.05) -> int:
    """−1 (below expectation), +1 (above) or 0 (cannot be told from zero) at level ``alpha``.

    >>> conclusion(-0.2, 0.005), conclusion(-0.05, 0.45), conclusion(0.3, 0.01)
    (-1, 0, 1)
    """
    if not p < alpha:  # NaN: no test, no conclusion
        return 0
    return -1 if mean < 0 else 1


def differing(
    weighted: WeightedGapTests, unweighted: pd.DataFrame, alpha: float = 0.05
) -> list[dict[str, Any]]:
    """Dimensions whose weighted and unweighted readings differ (below / above / no
    difference, each on its adjusted p at ``alpha``).

    ``unweighted``: the gap table's ``dimensions`` (columns dimension, gap, p_adjusted).

    >>> g = np.array([[-1.0, 0.2], [-2.0, 0.1], [0.5, 0.3], [-0.5, -0.1]])
    >>> wt = weighted_gap_tests(g, ["A", "B"], np.ones(4), "w")
    >>> u = pd.DataFrame({"dimension": ["A", "B"], "gap": [-0.75, 0.1], "p_adjusted": [0.3, 0.01]})
    >>> [d["dimension"] for d in differing(wt, u)]
    ['B']
    """
    gaps = dict(zip(unweighted["dimension"], unweighted["gap"].astype(float), strict=True))
    ps = dict(zip(unweighted["dimension"], unweighted["p_adjusted"].astype(float), strict=True))
    rows = []
    for r in weighted.table.to_dict("records"):
        name = r["dimension"]
        if name not in gaps:
            continue
        u_gap, u_p = gaps[name], ps[name]
        if conclusion(r["mean"], r["p_adjusted"], alpha) != conclusion(u_gap, u_p, alpha):
            rows.append({"dimension": name, "weighted": r["mean"], "ci_low": r["ci_low"],
                         "ci_high": r["ci_high"], "p_adjusted": r["p_adjusted"],
                         "unweighted": u_gap, "unweighted_p_adjusted": u_p})  # fmt: skip
    return rows


def weighted_gap_comparison(
    result: GapAnalysis, scores: RespondentScores, weights: np.ndarray, column: str
) -> tuple[WeightedGapTests, list[dict[str, Any]]] | None:
    """The weighted dimension gaps' tests and where their readings differ from ``result``'s
    unweighted ones, at ``result``'s level and adjustment: what ``gap --weight-column`` and a
    report with ``[survey] weight_column`` both show. None for a file without expectations (a
    perception-only survey has no gaps to test)."""
    if np.isnan(np.asarray(scores.gap, dtype=float)).all():
        return None
    tests = weighted_gap_tests(scores.gap, list(scores.dimensions), weights, column,
                               result.conf, result.adjust)  # fmt: skip
    return tests, differing(tests, result.dimensions)
