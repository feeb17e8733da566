"""The overall SERVQUAL score, unweighted and importance-weighted.

Definitions (Parasuraman, Berry & Zeithaml 1991):

- Unweighted SERVQUAL: per respondent with every dimension valid, the mean of the dimension gaps;
  then the mean over respondents. Weighted: per respondent (every dimension valid and valid
  weights) sum(gap_d * w_d) / sum(w_d); respondents with a missing or negative weight, or weights
  summing to zero, are left out and counted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from servqual_cli.core import inference
from servqual_cli.core.results import plain
from servqual_cli.errors import UsageError


@dataclass(frozen=True)
class OverallScore:
    """Overall SERVQUAL scores.

    ``n_weight_excluded`` counts respondents with every dimension valid but missing, negative or
    all-zero weights, who are in the unweighted but not the weighted score.
    """

    unweighted: float
    n_unweighted: int
    ci_low: float
    ci_high: float
    weighted: float | None
    n_weighted: int
    weighted_ci_low: float | None
    weighted_ci_high: float | None
    n_weight_excluded: int
    n_weight_not_100: int = 0
    weight_rule: str = "allocation"

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain numbers; the importance-weighted score's keys say so
        (``importance_weighted``, ``n_importance_weighted``, ``importance_weighted_ci_low``,
        ``importance_weighted_ci_high``): survey weights are the top-level ``weighted``
        (review 3, finding 22), and ``rule`` names who counts."""
        out = {_JSON_NAMES.get(k, k): plain(v) for k, v in self.__dict__.items()}
        out["rule"] = "respondents with every dimension gap valid (complete cases)"
        return out


# JSON names of the importance-weighted score (renamed from "weighted", "n_weighted", ...)
_JSON_NAMES = {
    "weighted": "importance_weighted",
    "n_weighted": "n_importance_weighted",
    "weighted_ci_low": "importance_weighted_ci_low",
    "weighted_ci_high": "importance_weighted_ci_high",
}


WEIGHT_RULES = ("allocation", "rating")


def overall_score(
    dimension_gaps: np.ndarray,
    weights: np.ndarray | None,
    conf: float = 0.95,
    weight_rule: str = "allocation",
) -> OverallScore:
    """Unweighted and importance-weighted overall SERVQUAL (see module docstring).

    Each respondent's weights are divided by their sum under either rule. ``"allocation"``
    (PZB 1991: 100 points shared among the dimensions) also counts the rows whose points do
    not sum to 100 (± 0.5) in ``n_weight_not_100``: they are rescaled, not dropped, and the
    output says how many. ``"rating"`` (an importance rating per dimension, e.g. 1-10 as in
    PZB 1988's raw data) has no sum to check.

    >>> g = np.array([[-1.0, -2.0], [0.0, -1.0], [np.nan, 1.0]])
    >>> w = np.array([[50, 50], [100, 0], [50, 50]])
    >>> o = overall_score(g, w)
    >>> o.unweighted, o.n_unweighted, o.weighted, o.n_weighted
    (-1.0, 2, -0.75, 2)
    """
    gaps = np.asarray(dimension_gaps, dtype=float)
    k = gaps.shape[1]
    cols = [gaps[:, j] for j in range(k)]  # row sums one column at a time, left to right
    complete = ~_row_any([np.isnan(c) for c in cols], gaps.shape[0])
    n_complete = int(complete.sum())
    with np.errstate(invalid="ignore"):
        per_resp = _row_sum([c[complete] for c in cols], n_complete) / k
    un = _mean_ci(per_resp, conf)
    weighted: tuple[float, float, float] | None = None
    n_weighted = 0
    n_weight_excluded = 0
    n_not_100 = 0
    if weights is not None:
        w_all = np.asarray(weights, dtype=float)
        if weight_rule not in WEIGHT_RULES:
            raise UsageError(f"unknown weight rule {weight_rule!r}; use allocation or rating")
        w_all = np.asfortranarray(w_all)  # whole columns below
        w = [w_all[:, j][complete] for j in range(k)]
        bad = _row_any([np.isnan(c) | (c < 0) for c in w], n_complete)
        ok = ~bad & (_row_sum([np.where(np.isnan(c), 0.0, c) for c in w], n_complete) > 0)
        n_weight_excluded = int((~ok).sum())
        ww = [c[ok] for c in w]
        n_weighted = int(ok.sum())
        w_sum = _row_sum(ww, n_weighted)
        if weight_rule == "allocation":
            n_not_100 = int((np.abs(w_sum - 100.0) > 0.5).sum())
        rows = complete.copy()
        rows[complete] = ok  # complete and with valid weights: one selection per column
        g = [c[rows] for c in cols]
        score = _row_sum([gj * wj for gj, wj in zip(g, ww, strict=True)], n_weighted) / w_sum
        weighted = _mean_ci(score, conf)
    return OverallScore(
        unweighted=un[0],
        n_unweighted=n_complete,
        ci_low=un[1],
        ci_high=un[2],
        weighted=None if weighted is None else weighted[0],
        n_weighted=n_weighted,
        weighted_ci_low=None if weighted is None else weighted[1],
        weighted_ci_high=None if weighted is None else weighted[2],
        n_weight_excluded=n_weight_excluded,
        n_weight_not_100=n_not_100,
        weight_rule=weight_rule,
    )


def _row_sum(columns: list[np.ndarray], n: int) -> np.ndarray:
    """Σ of the columns, left to right (as numpy adds a row of a few values)."""
    if not columns:
        return np.zeros(n)
    total = columns[0].copy()
    for c in columns[1:]:
        total += c
    return total


def _row_any(columns: list[np.ndarray], n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    for c in columns:
        out |= c
    return out


def _mean_ci(x: np.ndarray, conf: float) -> tuple[float, float, float]:
    if len(x) == 0:
        return (math.nan, math.nan, math.nan)
    row = inference.one_sample_t(x.reshape(-1, 1), conf=conf).iloc[0]
    return (float(row["mean"]), float(row["ci_low"]), float(row["ci_high"]))
