"""SERVPERF: perception-only service quality (Cronin & Taylor 1992).

For an instrument without expectation columns there is no gap to test; the statistics are the
perception means with their t confidence intervals:

- item: mean P over the respondents who answered it;
- dimension: a respondent's SERVPERF score is the mean P over the dimension's items they
  answered, provided at least half of the items (rounded up) are answered, otherwise missing
  (the rule :func:`servqual_cli.core.respondent_scores.respondent_scores` uses); the
  dimension's value is the mean over respondents;
- overall: per respondent with every dimension valid, the mean of the dimension scores
  (unweighted) or ``sum(score_d * w_d) / sum(w_d)`` with importance points (weighted, the
  respondents' weights as in :func:`servqual_cli.core.overall_score.overall_score`).

References
----------
Cronin, J. J. & Taylor, S. A. (1992). Measuring service quality: a reexamination and extension.
*Journal of Marketing* 56(3), 55-68. Intervals: R ``t.test(x, conf.level = conf)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.overall_score import OverallScore, overall_score
from servqual_cli.core.respondent_scores import respondent_scores
from servqual_cli.core.results import records
from servqual_cli.errors import DataError

__all__ = ["COLUMNS", "ServperfAnalysis", "servperf_analysis"]

COLUMNS = ["n", "perception", "sd", "ci_low", "ci_high"]


@dataclass(frozen=True)
class ServperfAnalysis:
    """Perception-only analysis of one set of respondents.

    ``dimensions`` columns: dimension, n, perception, sd, ci_low, ci_high.
    ``items`` columns: item, dimension, n, perception, sd, ci_low, ci_high.
    ``overall``: the mean of the dimension scores (fields named as for SERVQUAL's overall).
    """

    n_rows: int
    dimensions: pd.DataFrame
    items: pd.DataFrame
    overall: OverallScore
    conf: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_rows": self.n_rows,
            "model": "SERVPERF",
            "conf": self.conf,
            "dimensions": records(self.dimensions),
            "items": records(self.items),
            "overall": self.overall.to_dict(),
        }


def _mean_table(x: np.ndarray, conf: float) -> pd.DataFrame:
    t = inference.one_sample_t(x, conf=conf)
    out = t[["n", "mean", "sd", "ci_low", "ci_high"]].rename(columns={"mean": "perception"})
    out["n"] = out["n"].astype(np.int64)
    return out.reset_index(drop=True)


def servperf_analysis(
    perception: np.ndarray,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    weights: np.ndarray | None = None,
    conf: float = 0.95,
) -> ServperfAnalysis:
    """Item, dimension and overall perception means with t confidence intervals.

    Parameters
    ----------
    perception : ndarray (n_respondents, n_items)
        Item scores, NaN where missing, reverse-scored already.
    items : sequence of str
        Item labels, one per column.
    dimensions : mapping
        Dimension name -> column positions.
    weights : ndarray (n_respondents, n_dimensions), optional
        Importance points per dimension.
    conf : float
        Confidence level.

    Raises
    ------
    DataError
        No perception value at all.

    Examples
    --------
    >>> P = np.array([[5.0, 6, 7], [4, np.nan, 6], [3, 5, np.nan], [6, 6, 6]])
    >>> res = servperf_analysis(P, ["1", "2", "3"], {"A": [0, 1], "B": [2]})
    >>> res.dimensions[["dimension", "n", "perception"]].values.tolist()
    [['A', 4, 4.875], ['B', 3, 6.333333333333333]]
    >>> res.items["n"].tolist(), res.overall.n_unweighted
    ([4, 3, 3], 3)
    """
    p = np.asarray(perception, dtype=float)
    n_rows = p.shape[0]
    if n_rows == 0 or np.isnan(p).all():
        raise DataError(
            "no respondent has a valid perception answer after cleaning",
            code="no_perception_answer",
        )
    item_to_dim = {pos: name for name, cols in dimensions.items() for pos in cols}
    order = [pos for cols in dimensions.values() for pos in cols]
    item_table = _mean_table(p[:, order], conf)
    item_table.insert(0, "dimension", [item_to_dim[i] for i in order])
    item_table.insert(0, "item", [items[i] for i in order])
    # respondent_scores needs an E array; SERVPERF uses P only, so E is all missing here.
    scores = respondent_scores(np.full(p.shape, np.nan), p, dimensions)
    dim_table = _mean_table(scores.servperf, conf)
    dim_table.insert(0, "dimension", list(scores.dimensions))
    overall = overall_score(scores.servperf, weights, conf)
    return ServperfAnalysis(n_rows, dim_table, item_table, overall, conf)
