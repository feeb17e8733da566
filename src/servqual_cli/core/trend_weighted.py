"""The survey-weighted gap trend as one result: the design-based comparison per dimension and
the respondents each year left out for a missing weight.

The count of respondents without a weight was computed twice, in the command's JSON and in the
section's note (the fifth review's leftovers, item 4); now it is a field of the
result, computed once here, and every renderer reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.results import records
from servqual_cli.core.survey_trend import (
    SMALL_BASE_COLUMNS,
    WEIGHTED_COLUMNS,
    compare_weighted_gaps,
)
from servqual_cli.core.survey_weights import zero_weights
from servqual_cli.core.thresholds import MIN_N

__all__ = ["WeightedGapTrend", "weighted_gap_trend"]


@dataclass(frozen=True)
class WeightedGapTrend:
    """``comparisons``: :data:`~servqual_cli.core.survey_trend.WEIGHTED_COLUMNS`, one row per
    dimension and the overall score; ``n_missing_weight``: respondents (rows of the scores)
    without a weight, before and after, who are left out of every row."""

    comparisons: pd.DataFrame
    n_missing_weight: tuple[int, int]
    # respondents with weight 0 each year: in the design's N, not in n or the df (as R survey;
    # core/survey_weights.weighted_means); for the renderers to name
    n_zero_weight: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        columns = [*WEIGHTED_COLUMNS, *SMALL_BASE_COLUMNS]  # the small base after the old ones
        return {"dimensions": records(self.comparisons[columns]),
                "n_missing_weight": list(self.n_missing_weight),
                "n_zero_weight": list(self.n_zero_weight)}  # fmt: skip


def weighted_gap_trend(
    before: pd.DataFrame,
    after: pd.DataFrame,
    w_before: np.ndarray,
    w_after: np.ndarray,
    conf: float = 0.95,
    adjust: str = "holm",
    min_n: int = MIN_N,
) -> WeightedGapTrend:
    """:func:`~servqual_cli.core.survey_trend.compare_weighted_gaps` with the count of missing
    weights (NaN) each year; ``min_n`` marks a small base as there.

    >>> b = pd.DataFrame({"A": [-1.0, -2.0, -1.5, -0.5, -1.0]})
    >>> a = pd.DataFrame({"A": [0.0, -0.5, -1.0, 0.5]})
    >>> r = weighted_gap_trend(b, a, np.array([1.0, 3, 1, 1, np.nan]), np.ones(4))
    >>> r.n_missing_weight, int(r.comparisons["n_before"].iloc[0]), r.n_zero_weight
    ((1, 0), 4, (0, 0))
    """
    frame = compare_weighted_gaps(before, after, w_before, w_after, conf, adjust, min_n)
    missing = (int(np.isnan(np.asarray(w_before, dtype=float)).sum()),
               int(np.isnan(np.asarray(w_after, dtype=float)).sum()))  # fmt: skip
    return WeightedGapTrend(frame, missing, (zero_weights(w_before), zero_weights(w_after)))
