"""Survey-weighted dimension gaps, perceptions and the overall SERVQUAL score.

One definition for ``servqual gap --weight-column`` and the report's ``[survey] weight_column``:
for each dimension the weighted mean of the respondents' dimension gap and perception, and the
weighted mean of the overall score (the mean of the dimension gaps, over respondents with every
dimension), each by :func:`~servqual_cli.core.survey_weights.weighted_summary` (Σwx/Σw with
Taylor-linearised SEs as R ``survey::svymean``, Kish's effective n).

References
----------
Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §2.2.
Kish, L. (1965). *Survey Sampling*. Wiley (effective sample size).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from servqual_cli.core.survey_weights import WeightedSummary, weighted_summary

__all__ = ["OVERALL", "gap_name", "perception_name", "weighted_servqual"]

OVERALL = "overall SERVQUAL (mean of the dimension gaps)"


def gap_name(dimension: str) -> str:
    """The estimate's name of a dimension's weighted gap (``"Tangibles: gap"``)."""
    return f"{dimension}: gap"


def perception_name(dimension: str) -> str:
    """The estimate's name of a dimension's weighted perception (``"Tangibles: perception"``)."""
    return f"{dimension}: perception"


def weighted_servqual(
    gap: np.ndarray,
    servperf: np.ndarray,
    dimensions: Sequence[str],
    weights: np.ndarray,
    column: str,
    conf: float = 0.95,
    perception_only: bool = False,
) -> WeightedSummary:
    """Weighted gap and perception per dimension, then the overall score.

    ``gap``, ``servperf``: respondent dimension scores (n, k), NaN where a respondent has none.

    >>> g = np.array([[-1.0, 0.0], [-2.0, -1.0], [0.0, np.nan]])
    >>> p = np.array([[5.0, 6.0], [4.0, 5.0], [6.0, 6.0]])
    >>> s = weighted_servqual(g, p, ["A", "B"], np.array([1.0, 3.0, 1.0]), "Vikt")
    >>> s.table[["name", "n", "mean"]].values.tolist()[-1]
    ['overall SERVQUAL (mean of the dimension gaps)', 2, -1.25]
    """
    cols: dict[str, np.ndarray] = {}
    for j, name in enumerate(dimensions):
        if not perception_only:
            cols[gap_name(name)] = gap[:, j]
        cols[perception_name(name)] = servperf[:, j]
    if not perception_only:
        # The overall score is the unweighted SERVQUAL score of each respondent (Parasuraman,
        # Berry & Zeithaml 1991: with every dimension valid, the mean of the dimension gaps;
        # core/overall_score.py, README "Overall SERVQUAL, unweighted"), then weighted across
        # respondents by the survey weights. The importance points (W1-W5) weight dimensions
        # within a respondent, a different thing: this is the score the output sets it beside
        # (the unweighted mean column, the report's "unweighted" figure: OverallScore.unweighted)
        # and the name OVERALL says so. R reference: tests/report/r/weighted_report.R
        # (ov = rowMeans(D) over complete rows, then survey::svymean).
        complete = ~np.isnan(gap).any(axis=1)
        cols[OVERALL] = np.where(
            complete, np.nanmean(np.where(complete[:, None], gap, 0.0), axis=1), np.nan
        )
    return weighted_summary(cols, weights, column, conf)
