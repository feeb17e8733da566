"""Respondent dimension scores under the half-of-the-items rule, for any item matrix.

A respondent's dimension score is the mean over the dimension's items that are valid for that
respondent, provided at least half of the items (rounded up) are; otherwise it is missing. This
is the rule of :func:`servqual_cli.core.respondent_scores.respondent_scores`, generalised to
any validity mask (a complete (A, D, P) triple, an answered expectation item, ...).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np


def dimension_means(
    values: np.ndarray, valid: np.ndarray, dimensions: Mapping[str, Sequence[int]]
) -> np.ndarray:
    """Per-respondent dimension means of ``values`` over the items where ``valid`` is true.

    Parameters
    ----------
    values : ndarray (n_respondents, n_items)
    valid : ndarray of bool, same shape
        Which cells count (NaN cells must be False).
    dimensions : mapping
        Dimension name -> column positions.

    Returns
    -------
    ndarray (n_respondents, n_dimensions)
        NaN where fewer than half of the dimension's items (rounded up) are valid.

    Examples
    --------
    >>> x = np.array([[1.0, 3.0, 5.0], [2.0, np.nan, np.nan]])
    >>> dimension_means(x, ~np.isnan(x), {"A": [0, 1, 2]}).ravel().tolist()
    [3.0, nan]
    """
    x = np.asarray(values, dtype=float)
    ok = np.asarray(valid, dtype=bool)
    out = np.full((x.shape[0], len(dimensions)), np.nan)
    for j, cols in enumerate(dimensions.values()):  # a loop over dimensions, not respondents
        cols = list(cols)
        count = ok[:, cols].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(ok[:, cols], x[:, cols], 0.0).sum(axis=1) / count
        keep = count >= math.ceil(len(cols) / 2)
        out[keep, j] = mean[keep]
    return out
