"""Item matrices and their pairwise-complete covariance and correlation matrices, vectorised.

:func:`item_matrix` validates item columns; :func:`pairwise_cov` and :func:`pairwise_corr`
reproduce R's ``cov(x, use = "pairwise")`` and ``cor(x, use = "pairwise")``:
for every pair of items the statistic uses the rows where *both* items are present, with that
pair's own means (and, for the correlation, that pair's own standard deviations).

All pairs are computed at once from masked matrix products: with ``X0`` the shifted data with
missing cells set to 0 and ``M`` the 0/1 mask of present cells, ``X0ᵀM`` holds the per-pair sums,
``X0ᵀX0`` the per-pair cross-products and ``MᵀM`` the per-pair counts. When nothing is missing a
single cross-product is enough. :func:`item_covariance` packages what the reliability statistics
need (covariances, item means and counts, the n behind them) for pairwise or listwise deletion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from servqual_cli.core.caveats import data_error, usage_error
from servqual_cli.errors import DataError, UsageError
from servqual_cli.threads import MIN_ROWS, map_ordered, workers

FloatArray = NDArray[np.float64]
Missing = Literal["pairwise", "listwise"]
IntArray = NDArray[np.int64]

# Rows per block of the masked products: bounds the work buffer to 2^15 x 3k doubles (17 MB
# for 22 items) however many respondents there are. Fewer, larger BLAS calls also suffer less
# from multi-threaded OpenBLAS stalling when other processes compete for the cores.
_BLOCK_ROWS = 1 << 15


def item_matrix(items: pd.DataFrame, min_items: int = 2) -> tuple[FloatArray, list[str]]:
    """Validate item columns and return them as a float matrix (NaN = missing) with names.

    Raises :class:`DataError` naming the offending items for non-numeric, infinite or
    entirely missing columns, or when fewer than ``min_items`` items are given, and
    :class:`UsageError` for duplicated item names.

    Examples
    --------
    >>> x, names = item_matrix(pd.DataFrame({"P1": [1, 2, None], "P2": [3, 4, 5]}))
    >>> x.tolist(), names
    ([[1.0, 3.0], [2.0, 4.0], [nan, 5.0]], ['P1', 'P2'])
    """
    names = [str(c) for c in items.columns]
    if len(names) < min_items:
        raise data_error("too_few_items", k=min_items, n=len(names), items=tuple(names))
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise usage_error("duplicate_items", items=tuple(dupes))
    bad = [
        n for n, (_, col) in zip(names, items.items(), strict=True) if not is_numeric_column(col)
    ]
    if bad:
        raise data_error("not_numeric", items=tuple(bad))
    x = items.to_numpy(dtype=np.float64, na_value=np.nan)
    if x.shape[0] == 0:
        raise data_error("no_rows", items=tuple(names))
    if np.isfinite(x.sum(axis=0)).all():  # one cheap pass: no NaN, no infinity
        return x, names
    inf = np.isinf(x).any(axis=0)
    if inf.any():
        raise data_error("infinite_values", items=flagged(names, inf))
    empty = np.isnan(x).all(axis=0)
    if empty.any():
        raise data_error("no_values", items=flagged(names, empty))
    return x, names


def is_numeric_column(column: pd.Series) -> bool:
    """``pandas.api.types.is_numeric_dtype(column)``, read from the dtype without pandas.

    Booleans count as 0/1 scores (alpha on dichotomous items is KR-20). pandas' rule: a numpy
    number or bool type that is not datetime-like, or an extension dtype that says it is
    numeric (``Int64``, ``Float64``, ``boolean``, numeric Arrow and sparse types).
    """
    dtype = column.dtype
    if isinstance(dtype, np.dtype):
        return dtype.kind in "biufc"
    kind = getattr(dtype, "type", None)
    by_type = (isinstance(kind, type) and issubclass(kind, (np.number, np.bool_))
               and not issubclass(kind, (np.datetime64, np.timedelta64)))  # fmt: skip
    return by_type or bool(getattr(dtype, "_is_numeric", False))


def names_where(names: list[str], flags: NDArray[np.bool_]) -> str:
    """Comma-separated names whose flag is set (for error messages)."""
    return ", ".join(flagged(names, flags))


def flagged(names: list[str], flags: NDArray[np.bool_]) -> tuple[str, ...]:
    """The names whose flag is set (a caveat's ``items``)."""
    return tuple(n for n, f in zip(names, flags, strict=True) if f)


def _as_matrix(values: NDArray[np.floating]) -> FloatArray:
    x = np.asarray(values, dtype=np.float64)
    if x.ndim != 2:
        raise DataError(f"expected a 2-D respondents x items array, got {x.ndim}-D")
    if np.isinf(x).any():
        raise DataError("item scores contain infinite values")
    return x


@dataclass(frozen=True)
class Moments:
    """Per-pair sums of a respondents x items matrix, over rows where both items are present.

    ``cross[i, j] = Σ (x_i - c_i)(x_j - c_j)``, ``sums[i, j] = Σ (x_i - c_i)`` and
    ``squares[i, j] = Σ (x_i - c_i)²`` (zeros unless asked for), with ``c`` a per-item shift
    that only serves numerical accuracy; ``counts[i, j]`` is the number of rows.
    """

    cross: FloatArray
    sums: FloatArray
    squares: FloatArray
    counts: IntArray
    shift: FloatArray
    n_complete: int

    @property
    def means(self) -> FloatArray:
        """Each item's mean over the rows where it is present."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.asarray(self.shift + np.diag(self.sums) / np.diag(self.counts))

    @property
    def cov(self) -> FloatArray:
        """Pairwise covariances (divisor n - 1), NaN below 2 rows."""
        with np.errstate(invalid="ignore", divide="ignore"):
            cov = (self.cross - self.sums * self.sums.T / self.counts) / (self.counts - 1)
        cov[self.counts < 2] = np.nan
        return np.asarray(cov)


def _present_mean(x: FloatArray) -> FloatArray:
    """Column means over non-missing cells; NaN for a column with none (no warning)."""
    present = ~np.isnan(x)
    count = present.sum(axis=0)
    total = np.where(present, x, 0.0).sum(axis=0)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def moments(x: FloatArray, squares: bool = False) -> Moments:
    """Per-pair sums of ``x`` (finite or NaN; not validated) by masked matrix products.

    Complete data take one cross-product of the raw matrix: (XᵀX - n m mᵀ) loses about
    log10(mean²/variance) digits, fine for survey scales, so only when an item's mean dwarfs
    its spread (ratio above 1e4) is the data centred first. With missing cells the rows are
    processed in blocks: shifted values with NaN set to 0, their squares and the 0/1 mask
    are stacked side by side and one Gram product per block yields every per-pair sum.
    """
    n, k = x.shape
    col_sums = x.sum(axis=0)
    if not squares and np.isfinite(col_sums).all():  # no NaN (and no overflow)
        shift = np.zeros(k)
        gram = x.T @ x
        with np.errstate(invalid="ignore", divide="ignore"):  # no rows: NaN means, no warning
            mean = col_sums / n
        if (np.diag(gram) > 1e4 * (np.diag(gram) - n * mean**2)).any():
            shift = mean  # centre to avoid cancellation (see docstring)
            centred = x - mean
            gram, col_sums = centred.T @ centred, centred.sum(axis=0)
        sums = np.broadcast_to(col_sums[:, None], (k, k)).copy()
        counts = np.full((k, k), n, dtype=np.int64)
        return Moments(gram, sums, np.zeros((k, k)), counts, shift, n)
    # Shift by an approximate mean (from the first block) so later subtractions don't
    # cancel; any value near the data works, the exact mean is not needed.
    shift = _present_mean(x[:_BLOCK_ROWS])
    unset = np.isnan(shift)
    if unset.any():  # items with no answers in the first block
        shift[unset] = np.nan_to_num(_present_mean(x[:, unset]))
    width = 3 * k if squares else 2 * k
    # The buffer in the data's own layout: filling a row-major buffer from column-major items
    # (alpha's frame) transposed every block, half the time of this loop. The Gram product is
    # the same BLAS syrk either way and gives bit-identical sums (checked on random matrices).
    order: Literal["C", "F"] = "F" if x.flags.f_contiguous and not x.flags.c_contiguous else "C"
    starts = range(0, n, _BLOCK_ROWS)
    # The blocks' products on a few threads (BLAS and numpy's loops let go of the GIL), each
    # thread with its own buffer over every lane-th block; their sums are then added in block
    # order, as the one-thread loop adds them, so the result is the same bit for bit whatever
    # the number of threads (issue #16: about half of alpha's core at 300k rows).
    lanes = max(1, min(workers(), len(starts))) if n >= MIN_ROWS else 1

    def lane(first: int) -> list[tuple[FloatArray, int]]:
        buf = np.empty((min(n, _BLOCK_ROWS), width), order=order)
        done = []
        for start in starts[first::lanes]:
            block = x[start : start + _BLOCK_ROWS]
            out = buf[: block.shape[0]]
            mask = ~np.isnan(block)
            np.subtract(block, shift, out=out[:, :k])
            np.copyto(out[:, :k], 0.0, where=~mask)
            if squares:
                np.multiply(out[:, :k], out[:, :k], out=out[:, k : 2 * k])
            out[:, -k:] = mask
            # one BLAS call yields all per-pair sums at once
            done.append((out.T @ out, int(mask.all(axis=1).sum())))
        return done

    parts = map_ordered(lane, range(lanes), rows=n)
    gram = np.zeros((width, width))
    n_complete = 0
    for b in range(len(starts)):  # block b is the (b // lanes)-th of lane b % lanes
        product, complete = parts[b % lanes][b // lanes]
        gram += product
        n_complete += complete
    sq = gram[k : 2 * k, -k:] if squares else np.zeros((k, k))
    counts = np.rint(gram[-k:, -k:]).astype(np.int64)
    return Moments(gram[:k, :k], gram[:k, -k:], sq, counts, shift, n_complete)


def pairwise_cov(values: NDArray[np.floating]) -> tuple[FloatArray, IntArray]:
    """Pairwise-complete covariance matrix (divisor n - 1) and the per-pair counts.

    Parameters
    ----------
    values : ndarray, shape (n, k)
        Item scores, one row per respondent, NaN where missing.

    Returns
    -------
    cov : ndarray, shape (k, k)
        ``cov[i, j]`` uses the rows where items i and j are both present; NaN where fewer
        than 2 such rows exist. The diagonal is each item's variance over its present rows.
    counts : ndarray of int, shape (k, k)
        Number of rows behind each entry.

    References
    ----------
    R Core Team, ``stats::cov(x, use = "pairwise.complete.obs")``.

    Examples
    --------
    >>> x = np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 5.0], [4.0, 4.0]])
    >>> cov, counts = pairwise_cov(x)
    >>> cov.round(4).tolist(), counts.tolist()
    ([[1.6667, 1.8333], [1.8333, 2.3333]], [[4, 3], [3, 3]])
    """
    mom = moments(_as_matrix(values))
    return mom.cov, mom.counts


def pairwise_corr(values: NDArray[np.floating]) -> tuple[FloatArray, IntArray]:
    """Pairwise-complete Pearson correlation matrix and the per-pair counts.

    Each ``r[i, j]`` is the ordinary correlation of items i and j over the rows where both are
    present (that pair's own means and standard deviations), as R's ``cor(use = "pairwise")``
    and ``psych::fa``/``psych::KMO`` use. This is *not* ``cov2cor`` of :func:`pairwise_cov`.

    Parameters
    ----------
    values : ndarray, shape (n, k)
        Item scores, NaN where missing.

    Returns
    -------
    corr : ndarray, shape (k, k)
        NaN where a pair has fewer than 2 rows or no variance on its common rows.
    counts : ndarray of int, shape (k, k)

    References
    ----------
    R Core Team, ``stats::cor(x, use = "pairwise.complete.obs")``.

    Examples
    --------
    >>> x = np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 5.0], [4.0, 4.0]])
    >>> corr, _ = pairwise_corr(x)
    >>> round(float(corr[0, 1]), 4)
    0.7857
    """
    x = _as_matrix(values)
    if not np.isnan(x).any():
        mom = moments(x)
        cov = mom.cov
        sd = np.sqrt(np.diag(cov))
        with np.errstate(invalid="ignore", divide="ignore"):
            corr = cov / np.outer(sd, sd)
    else:
        mom = moments(x, squares=True)
        s = mom.sums
        with np.errstate(invalid="ignore", divide="ignore"):
            cxy = mom.cross - s * s.T / mom.counts
            cxx = mom.squares - s * s / mom.counts  # Σ(x_i - mean_i)² over the pair's rows
            corr = cxy / np.sqrt(cxx * cxx.T)
        corr[mom.counts < 2] = np.nan
    np.fill_diagonal(corr, np.where(np.isnan(np.diag(corr)), np.nan, 1.0))
    return corr, mom.counts


@dataclass(frozen=True)
class ItemCovariance:
    """What the reliability statistics need from the item scores (see :func:`item_covariance`)."""

    cov: FloatArray
    means: FloatArray
    counts: IntArray  # per item: answers used (listwise: the complete rows)
    n: int  # listwise: complete rows; pairwise: smallest pairwise count
    n_complete: int


def item_covariance(x: FloatArray, names: list[str], missing: Missing) -> ItemCovariance:
    """Covariance matrix for the reliability statistics, with item means, counts and n used.

    Listwise: complete rows only. Pairwise: per-pair rows, as psych's ``use = "pairwise"``,
    and ``n`` is the smallest pairwise count. Raises :class:`DataError` for too few rows or an
    item without variance, naming the items.
    """
    if missing not in ("pairwise", "listwise"):
        raise UsageError(f"missing must be 'pairwise' or 'listwise', got {missing!r}")
    mom = moments(x)
    n_complete = mom.n_complete
    if missing == "listwise" and n_complete < x.shape[0]:
        x = x[~np.isnan(x).any(axis=1)]
        mom = moments(x)
    if missing == "listwise" and n_complete < 2:
        raise data_error("few_complete_rows", n=int(n_complete))
    cov, counts, means = mom.cov, mom.counts, mom.means
    k = len(names)
    off = ~np.eye(k, dtype=bool)
    if (counts[off] < 2).any():
        i, j = np.argwhere((counts < 2) & off)[0]
        raise data_error("few_pair_rows", item=names[i], other=names[j], n=int(counts[i, j]))
    variances = cov.diagonal()
    # Round-off can leave a constant item with a variance just above 0: confirm suspects
    # exactly (max == min) rather than trusting a threshold alone.
    suspect = np.flatnonzero(variances <= 1e-12 * np.maximum(means**2, 1e-300))
    constant = np.zeros(k, dtype=bool)
    if suspect.size:
        cols = x[:, suspect]
        constant[suspect] = np.nanmax(cols, axis=0) == np.nanmin(cols, axis=0)
    if constant.any():
        raise data_error("no_variance", items=flagged(names, constant))
    n_used = int(counts[off].min()) if missing == "pairwise" else int(x.shape[0])
    return ItemCovariance(cov, means, counts.diagonal().copy(), n_used, n_complete)
