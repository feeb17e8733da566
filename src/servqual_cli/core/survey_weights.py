"""Weighted estimates under survey weights, with design-based (Taylor-linearised) errors.

For calibration or post-stratification weights w_i (Statistics Sweden's citizen survey ships
them) the estimate of a mean is the ratio μ̂ = Σ w_i x_i / Σ w_i. Treating the respondents as a
with-replacement sample of one stage without strata (R ``svydesign(ids = ~1, weights = ~w)``),
its linearised variance is

    v(μ̂) = n / (n - 1) · Σ z_i²,  z_i = w_i (x_i - μ̂) / Σ w_i

(Särndal, Swensson & Wretman 1992, §5.5; Lumley 2010, *Complex Surveys*, §2.2), as
``survey::svymean(~x, design, na.rm = TRUE)``; its interval is μ̂ ± z·SE (``confint``, normal).
A share is the weighted mean of a 0/1 indicator. Kish's (1965) effective sample size
n_eff = (Σ w)² / Σ w² says how many unweighted respondents the weighted estimate is worth.
Calibration is not re-done here, so the SEs ignore the variance reduction calibration gives
(they are conservative); this is stated in the output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError

NOTE = ("weighted: mean = Σwx/Σw; SE by Taylor linearisation as R survey::svymean with "
        "svydesign(ids = ~1, weights = ~w), normal CI; n_eff = (Σw)²/Σw² (Kish)")  # fmt: skip


def check_weights(w: np.ndarray, column: str = "weight") -> np.ndarray:
    """Weights as floats; a negative weight is an error (a missing one excludes the row)."""
    arr = np.asarray(w, dtype=float).reshape(-1)
    if np.any(arr < 0):
        raise DataError(f"weight column {column!r} has negative weights",
                        code="weights_negative", facts={"column": column})  # fmt: skip
    if not np.any(arr > 0):
        raise DataError(f"weight column {column!r} has no positive weight",
                        code="weights_none_positive", facts={"column": column})  # fmt: skip
    return arr


def zero_weights(w: np.ndarray) -> int:
    """The respondents with weight 0: counted in no n or df (:func:`weighted_means`), a count
    every weighted output names.

    >>> zero_weights(np.array([1.0, 0.0, np.nan, 0.0]))
    2
    """
    return int((np.asarray(w, dtype=float) == 0).sum())


def weighted_means(
    x: np.ndarray, w: np.ndarray, conf: float = 0.95, design_n: np.ndarray | None = None
) -> pd.DataFrame:
    """Weighted mean, linearised SE, normal CI and Kish's n_eff per column of ``x``.

    Rows where the value or the weight is missing are left out (as ``na.rm = TRUE``). A row
    with weight 0 stays in the design's size N (the variance's N / (N − 1)) but is not counted
    in ``n``, as R ``survey``: ``degf()`` counts only positive weights, so a test's df built on
    ``n`` (n − 2 for ``svyttest``) is R's.
    ``design_n`` (one per column): ``x`` is a domain (a group) of a design with that many
    respondents, whose linearised variance is N / (N − 1) · Σ_domain z_i², z_i = 0 outside
    the domain, as R ``svyby``/``svymean`` on ``subset(design, …)`` (Lumley 2010, §2.3:
    subset the design, not the data); None: the rows are the whole design (N = n).

    Returns
    -------
    DataFrame
        One row per column: n, mean, se, ci_low, ci_high, n_eff and, for comparison, the
        unweighted mean over the same rows.

    Examples
    --------
    >>> x = np.array([[1.0], [2.0], [4.0], [np.nan]])
    >>> w = np.array([1.0, 2.0, 1.0, 5.0])
    >>> r = weighted_means(x, w).iloc[0]
    >>> float(r["mean"]), round(float(r["se"]), 6), float(r["n_eff"])
    (2.25, 0.676041, 2.6666666666666665)
    """
    arr = np.asarray(x, dtype=float)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    ww = np.asarray(w, dtype=float).reshape(-1, 1)
    ok = ~np.isnan(arr) & ~np.isnan(ww)
    # A weight of 0 keeps the row in the design (its score is 0, the variance's N counts it: an
    # out-of-domain respondent) but out of n and the df: R's degf() counts positive weights only
    # (tests/core/r/zero_weights.R). The unweighted mean is over the same n rows.
    counted = ok & (ww > 0)
    wv = np.where(ok, ww, 0.0)
    n = counted.sum(axis=0).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = wv.sum(axis=0)
        mean = (wv * np.where(ok, arr, 0.0)).sum(axis=0) / total
        z = wv * np.where(ok, arr - mean, 0.0) / total
        big_n = ok.sum(axis=0) if design_n is None else np.asarray(design_n, dtype=float)
        se = np.sqrt(big_n / (big_n - 1) * (z**2).sum(axis=0))
        n_eff = total**2 / (wv**2).sum(axis=0)
        unweighted = np.where(counted, arr, 0.0).sum(axis=0) / n
    se = np.where(n >= 2, se, np.nan)
    half = float(special.ndtri(0.5 + conf / 2.0)) * se
    return pd.DataFrame(
        {
            "n": n.astype(np.int64),
            "mean": mean,
            "se": se,
            "ci_low": mean - half,
            "ci_high": mean + half,
            "n_eff": n_eff,
            "unweighted_mean": unweighted,
        }
    )


# what a weighted table's unweighted_mean is computed on (review 18, finding 1: −0,13 on the 113
# with a valid weight beside the unweighted table's −0,08 on all 118, unsaid)
UNWEIGHTED_BASIS = (
    "unweighted_mean is over the same n respondents with a valid positive weight as the weighted "
    "mean (not every respondent, as the unweighted results); n_missing_weight + n_zero_weight "
    "are left out of it"
)


@dataclass(frozen=True)
class WeightedSummary:
    """Weighted estimates of named quantities (rows: name, n, mean, se, ci_low, ci_high, n_eff)."""

    column: str
    table: pd.DataFrame
    n_missing_weight: int
    conf: float = 0.95
    n_zero_weight: int = 0  # rows with weight 0: in the design's N, not in n (weighted_means)

    def to_dict(self) -> dict[str, Any]:
        return {
            "weight_column": self.column,
            "method": NOTE,
            "n_missing_weight": plain(self.n_missing_weight),
            "n_zero_weight": plain(self.n_zero_weight),
            "unweighted_mean_basis": UNWEIGHTED_BASIS,
            "estimates": records(self.table),
        }


def weighted_summary(
    columns: dict[str, np.ndarray], w: np.ndarray, column: str, conf: float = 0.95
) -> WeightedSummary:
    """Weighted means of several named 1-D quantities (gaps, perceptions, 0/1 indicators).

    >>> s = weighted_summary({"a": np.array([1.0, 3.0])}, np.array([1.0, 3.0]), "w")
    >>> s.table[["name", "n", "mean"]].values.tolist()
    [['a', 2, 2.5]]
    """
    ww = check_weights(w, column)
    names = list(columns)
    x = np.column_stack([np.asarray(columns[k], dtype=float).reshape(-1) for k in names])
    table = weighted_means(x, ww, conf)
    table.insert(0, "name", names)
    return WeightedSummary(column, table, int(np.isnan(ww).sum()), conf, zero_weights(ww))


def design_t(
    estimate: np.ndarray,
    se: np.ndarray,
    df: np.ndarray,
    conf: float = 0.95,
    scale: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """t, two-sided p and the interval of design-based estimates with their SE and df, as R
    ``summary.svyglm``/``svyttest`` and ``confint`` give them (t distribution).

    An SE that is zero or rounding noise next to the values (``scale``, default |estimate|:
    every respondent gave the same score) gives no test: t, p and the interval are NaN, as
    ``t.test``'s "data are essentially constant" (:func:`~servqual_cli.core.inference.
    t_from_moments`), never p = 0. A df below 1 is NaN too.

    >>> t, p, lo, hi = design_t(np.array([-0.5, 0.1]), np.array([0.2, 0.0]), np.array([9.0, 9]))
    >>> round(float(t[0]), 2), round(float(p[0]), 4), np.isnan([t[1], p[1], lo[1]]).tolist()
    (-2.5, 0.0339, [True, True, True])
    """
    estimate, se = np.asarray(estimate, dtype=float), np.asarray(se, dtype=float)
    df = np.where(np.asarray(df, dtype=float) >= 1, df, np.nan)
    ref = np.abs(estimate) if scale is None else np.asarray(scale, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        valid = np.isfinite(df) & (se > 10.0 * np.finfo(np.float64).eps * ref)
        t = np.where(valid, estimate / se, np.nan)
        p = 2.0 * special.stdtr(df, -np.abs(t))  # scipy.stats.t.sf(|t|, df) · 2
        half = np.where(valid, special.stdtrit(df, 0.5 + conf / 2.0) * se, np.nan)
    return t, p, estimate - half, estimate + half
