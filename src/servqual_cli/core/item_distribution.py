"""Item distributions: counts per scale point and per missing reason, location, spread, boxes.

For each item: the number of answers at each scale point, the missing cells by reason, mean,
SD, median and quartiles (Hyndman & Fan type 7, R's default), the top-2-box share (the two
highest scale points) and bottom-2-box share (the two lowest) with Wilson intervals (R
``prop.test(k, n, correct = FALSE)``), and the sample skewness G1 = √(n(n-1))/(n-2) · g1,
g1 = m3 / m2^1.5 (Joanes & Gill 1998, type 2: SAS, SPSS and Excel's SKEW; R
``psych::skew(x, type = 2)``).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.proportions import wilson_ci
from servqual_cli.core.results import plain
from servqual_cli.errors import DataError


@dataclass(frozen=True)
class ItemDistributions:
    """One row per item in ``table``; ``counts`` (item x scale point), ``missing`` (item x reason).

    ``table`` columns: item, set (e.g. expectation/perception), n, mean, sd, median, q1, q3,
    top2, top2_ci_low, top2_ci_high, bottom2, bottom2_ci_low, bottom2_ci_high, skewness.
    """

    scale: tuple[float, float]
    table: pd.DataFrame
    counts: pd.DataFrame
    missing: pd.DataFrame
    conf: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        out = []
        for k, row in enumerate(self.table.to_dict("records")):
            entry: dict[str, Any] = {"item": row["item"], "set": row["set"], "n": row["n"]}
            entry["counts"] = {str(c): int(v) for c, v in self.counts.iloc[k].items()}
            entry["missing"] = {str(c): int(v) for c, v in self.missing.iloc[k].items() if v}
            entry.update({c: row[c] for c in self.table.columns if c not in entry})
            out.append(plain(entry))
        return {"scale": list(self.scale), "conf": self.conf, "items": out}


def skewness(x: np.ndarray) -> np.ndarray:
    """Adjusted Fisher-Pearson skewness G1 per column, NaN ignored (NaN below n = 3 or no spread).

    >>> round(float(skewness(np.array([[1.0], [2], [2], [3], [7]]))[0]), 6)
    1.744369
    """
    x = np.asarray(x, dtype=float)
    ok = ~np.isnan(x)
    n = ok.sum(axis=0).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(ok, x, 0.0).sum(axis=0) / n
        dev = np.where(ok, x - mean, 0.0)
        m2 = (dev**2).sum(axis=0) / n
        m3 = (dev**3).sum(axis=0) / n
        g1 = m3 / m2**1.5
        big_g1 = np.sqrt(n * (n - 1)) / (n - 2) * g1
    return np.where((n >= 3) & (m2 > 0), big_g1, np.nan)


def item_distributions(
    values: np.ndarray,
    items: Sequence[str],
    scale: tuple[float, float],
    missing: Mapping[str, Mapping[str, int]] | None = None,
    sets: Sequence[str] | None = None,
    conf: float = 0.95,
) -> ItemDistributions:
    """Distribution statistics for each column of ``values``.

    Parameters
    ----------
    values : ndarray (n_respondents, n_items)
        Scores on the integer scale ``scale``, NaN where missing.
    items : sequence of str
        Item labels (column names), one per column.
    scale : (min, max)
        Scale end points; counts are kept for each integer point in between.
    missing : mapping, optional
        Item label -> {reason: number of cells}, from the reader's exclusion log.
    sets : sequence of str, optional
        Which question set each column belongs to (e.g. "expectation").
    conf : float
        Confidence level of the Wilson intervals.

    Examples
    --------
    >>> x = np.array([[1.0, 7], [2, 6], [5, 7], [7, np.nan], [6, 2]])
    >>> r = item_distributions(x, ["a", "b"], (1, 7))
    >>> r.table[["item", "n", "median", "top2", "bottom2"]].values.tolist()
    [['a', 5, 5.0, 0.4, 0.4], ['b', 4, 6.5, 0.75, 0.25]]
    >>> r.counts.loc[0].tolist()
    [1, 1, 0, 0, 1, 1, 1]
    """
    x = np.asarray(values, dtype=float)
    lo, hi = scale
    if x.ndim != 2 or x.shape[1] != len(items):
        raise DataError(f"got {x.shape[1] if x.ndim == 2 else 0} columns for {len(items)} items")
    if hi - lo < 3:
        raise DataError(f"a scale {lo:g}..{hi:g} is too short for top-2 and bottom-2 boxes",
                        code="scale_too_short", facts={"lo": lo, "hi": hi})  # fmt: skip
    points = np.arange(lo, hi + 1)
    ok = ~np.isnan(x)
    n = ok.sum(axis=0)
    counts = (x[:, :, None] == points[None, None, :]).sum(axis=0)  # (items, points)
    top = (ok & (x >= hi - 1)).sum(axis=0)
    bottom = (ok & (x <= lo + 1)).sum(axis=0)
    t_lo, t_hi = wilson_ci(top, n, conf)
    b_lo, b_hi = wilson_ci(bottom, n, conf)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(ok, x, 0.0).sum(axis=0) / n
        sd = np.sqrt((np.where(ok, x - mean, 0.0) ** 2).sum(axis=0) / (n - 1))
    with warnings.catch_warnings():  # an item nobody answered: NaN quartiles, no warning
        warnings.simplefilter("ignore", RuntimeWarning)
        # numpy's default "linear" method is Hyndman & Fan type 7, R's quantile() default.
        quart = np.nanquantile(x, [0.25, 0.5, 0.75], axis=0).T.reshape(-1, 3)
    table = pd.DataFrame(
        {
            "item": list(items),
            "set": list(sets) if sets is not None else [""] * len(items),
            "n": n.astype(np.int64),
            "mean": mean,
            "sd": np.where(n >= 2, sd, np.nan),
            "median": quart[:, 1],
            "q1": quart[:, 0],
            "q3": quart[:, 2],
            "top2": top / n,
            "top2_ci_low": t_lo,
            "top2_ci_high": t_hi,
            "bottom2": bottom / n,
            "bottom2_ci_low": b_lo,
            "bottom2_ci_high": b_hi,
            "skewness": skewness(x),
        }
    )
    count_frame = pd.DataFrame(counts, columns=[f"{p:g}" for p in points]).astype(np.int64)
    reasons = sorted({r for m in (missing or {}).values() for r in m})
    miss = pd.DataFrame(
        [[int((missing or {}).get(i, {}).get(r, 0)) for r in reasons] for i in items],
        columns=reasons,
        dtype=np.int64,
    )
    return ItemDistributions((float(lo), float(hi)), table, count_frame, miss, conf)
