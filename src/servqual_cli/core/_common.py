"""Building blocks shared by :mod:`~servqual_cli.core.inference`, ``ranktests`` and ``posthoc``.

Input checks and conversion (NaN dropped, pandas' missing values as NaN), group validation,
average ranks and tie sums, the pair order of pairwise comparisons, and the result type of an
omnibus test. Private to the package: import the statistics from
:mod:`servqual_cli.core.inference`. Nothing here imports :mod:`scipy.stats`, which alone takes
about a second to import (see ``python -X importtime``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from servqual_cli.errors import DataError, UsageError

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class AnovaResult:
    """An omnibus test across groups; ``df2`` is NaN for the chi-squared Kruskal-Wallis test."""

    statistic: float
    df1: float
    df2: float
    p: float
    method: str


def check_conf(conf: float) -> None:
    """Raise :class:`~servqual_cli.errors.UsageError` unless 0 < ``conf`` < 1."""
    if not 0.0 < conf < 1.0:
        raise UsageError(f"confidence level must be between 0 and 1, got {conf}",
                         code="conf_range", facts={"conf": conf})  # fmt: skip


def to_float(x: ArrayLike, name: str) -> FloatArray:
    """``x`` as a float array, pandas' missing values (pd.NA in nullable columns) as NaN."""
    try:
        if isinstance(x, pd.DataFrame | pd.Series):
            return np.asarray(x.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64)
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{name} must be numeric") from exc


def as_1d(x: ArrayLike, name: str) -> FloatArray:
    """``x`` as a 1-D float array with the NaNs removed."""
    arr = to_float(x, name)
    if arr.ndim > 1:
        raise UsageError(f"{name} must be one-dimensional, got shape {arr.shape}")
    arr = arr.reshape(-1)
    return arr[~np.isnan(arr)]


def clean_groups(
    groups: Sequence[ArrayLike], names: Sequence[str] | None = None
) -> list[FloatArray]:
    """Each group as a 1-D float array without NaN; fewer than two groups or an empty one raise."""
    if len(groups) < 2:
        raise UsageError(f"need at least 2 groups to compare, got {len(groups)}")
    if names is not None and len(names) != len(groups):
        raise UsageError(f"got {len(groups)} groups but {len(names)} names")
    clean = [as_1d(g, "group") for g in groups]
    for i, g in enumerate(clean):
        if g.size == 0:
            label = names[i] if names is not None else str(i + 1)
            raise DataError(f"group {label!r} has no non-missing values")
    return clean


def rankdata(values: FloatArray) -> FloatArray:
    """Ranks 1..n of a 1-D array without NaN, ties given their mean rank (R ``rank``).

    Same as ``scipy.stats.rankdata(values)`` (method ``"average"``), without importing
    :mod:`scipy.stats`. Mean ranks are multiples of 1/2, so both are exact.

    Examples
    --------
    >>> rankdata(np.array([3.0, 1.0, 3.0, 2.0])).tolist()
    [3.5, 1.0, 3.5, 2.0]
    """
    if values.size == 0:
        return np.empty(0, dtype=np.float64)
    codes, counts = _tie_groups(values)
    mid = np.cumsum(counts) - (counts - 1.0) / 2.0
    ranks: FloatArray = mid[codes]
    return ranks


def _tie_groups(values: FloatArray) -> tuple[NDArray[np.intp], FloatArray]:
    """Each value's tie group (groups numbered in ascending order) and the group sizes.

    One hash of the values (``pandas.factorize``) and a sort of the distinct values only:
    survey answers take a few distinct values, so this replaces sorts of every value.
    """
    codes, uniques = pd.factorize(values)
    order = np.argsort(uniques, kind="stable")
    rank_of = np.empty(order.size, dtype=np.intp)
    rank_of[order] = np.arange(order.size)
    counts = np.bincount(codes, minlength=order.size)[order].astype(np.float64)
    return rank_of[codes], counts


def tie_sum(values: FloatArray) -> float:
    """sum(t^3 - t) over the tie groups of ``values`` (R: ``sum(NTIES^3 - NTIES)``).

    >>> tie_sum(np.array([3.0, 1.0, 3.0, 2.0, 3.0]))
    24.0
    """
    if values.size == 0:
        return 0.0
    c = _tie_groups(values)[1]  # sizes in ascending order of value, as np.unique gives them
    return float(np.sum(c**3 - c))


def pairs(k: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Index pairs (a, b), a < b, in R ``combn`` order."""
    a, b = np.triu_indices(k, k=1)
    return a, b
