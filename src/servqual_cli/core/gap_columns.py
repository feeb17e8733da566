"""The paired statistics of the gap tables, one pass over each column (issue #16).

For every item gap (P − E) and dimension gap column the tables need: n, the mean and the
two-pass sum of squares of the one-sample t (as :func:`~servqual_cli.core.inference.one_sample_t`
computes them), the mean E and P over the valid pairs, and the distinct gaps (rounded to
:data:`TIE_DECIMALS`) with their counts, from which the signed rank test and the rank-biserial
correlation follow (:func:`~servqual_cli.core.paired_ranks.ranks_from_counts`). Each column is
read once and no (respondents × items) gap matrix is made: an item's gaps go through one reused
buffer. With groups (``gap --by``) each item column is also gathered once in group order, and
every group's statistics come from its slice, in the order and with the arithmetic the
per-group copies gave, so every number is the same (``tests/core/test_gap_columns.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core._common import FloatArray
from servqual_cli.core.effect_sizes import dz_intervals
from servqual_cli.core.paired_ranks import distinct_counts, ranks_from_counts
from servqual_cli.threads import map_ordered

__all__ = [
    "TIE_DECIMALS",
    "ColumnStats",
    "collect_items",
    "column_stats",
    "item_job",
    "item_stats",
    "moments_and_counts",
    "paired_table",
]

# Gap scores are rounded before ranking so that equal scores stay ties (see core.gaps).
TIE_DECIMALS = 10


@dataclass
class ColumnStats:
    """What the paired table needs of each column, appended one column at a time."""

    n: list[int] = field(default_factory=list)
    mean: list[float] = field(default_factory=list)
    ss: list[float] = field(default_factory=list)
    mean_e: list[float] = field(default_factory=list)
    mean_p: list[float] = field(default_factory=list)
    distinct: list[tuple[FloatArray, FloatArray]] = field(default_factory=list)

    def add(self, d: FloatArray, e: FloatArray, p: FloatArray, valid: np.ndarray) -> None:
        """Append the statistics of the differences ``d`` of ``p`` and ``e`` (NaN: no pair).

        ``valid`` is a boolean scratch buffer as long as ``d``.
        """
        self.append(_entry(d, e, p, valid))

    def append(self, entry: _Entry) -> None:
        """Append one column's statistics as :func:`_entry` computed them."""
        n, mean, ss, mean_e, mean_p, distinct = entry
        self.n.append(n)
        self.mean.append(mean)
        self.ss.append(ss)
        self.mean_e.append(mean_e)
        self.mean_p.append(mean_p)
        self.distinct.append(distinct)

    @property
    def any_pair(self) -> bool:
        return any(self.n)


_Entry = tuple[int, float, float, float, float, tuple[FloatArray, FloatArray]]


def _entry(d: FloatArray, e: FloatArray, p: FloatArray, valid: np.ndarray) -> _Entry:
    """One column's n, mean, sum of squares, mean E and P, and distinct gaps with counts."""
    np.logical_not(np.isnan(d, out=valid), out=valid)
    n, mean, ss, distinct = moments_and_counts(d[valid])
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_e = np.sum(e, where=valid) / np.int64(n)
        mean_p = np.sum(p, where=valid) / np.int64(n)
    return n, float(mean), float(ss), float(mean_e), float(mean_p), distinct


def moments_and_counts(
    x: FloatArray,
) -> tuple[int, float, float, tuple[FloatArray, FloatArray]]:
    """n, mean and Σ (x − mean)² of ``x``'s non-NaN values, with
    :func:`~servqual_cli.core.inference.one_sample_t`'s arithmetic (sum / n, then the two-pass
    sum of squares by ``dot``), and their distinct values rounded to :data:`TIE_DECIMALS` with
    counts (:func:`~servqual_cli.core.paired_ranks.distinct_counts`).

    >>> n, mean, ss, (values, counts) = moments_and_counts(np.array([1.0, np.nan, 3.0, 3.0]))
    >>> n, round(mean, 4), round(ss, 4), values.tolist(), counts.tolist()
    (3, 2.3333, 2.6667, [1.0, 3.0], [1.0, 2.0])
    """
    if np.isnan(x).any():
        x = x[~np.isnan(x)]
    n = x.size
    mean = ss = np.nan
    if n:
        mean = x.sum() / n
        dev = x - mean  # two-pass variance: summing squares first loses digits
        ss = np.dot(dev, dev)
    return n, float(mean), float(ss), distinct_counts(x, TIE_DECIMALS)


def column_stats(d: np.ndarray, e: np.ndarray, p: np.ndarray) -> ColumnStats:
    """:class:`ColumnStats` of each column of the differences ``d`` (with ``e`` and ``p``).

    >>> d = np.array([[1.0, np.nan], [-1.0, 2.0], [0.0, 2.0]])
    >>> s = column_stats(d, np.full((3, 2), 5.0), d + 5.0)
    >>> s.n, s.mean, s.mean_p
    ([3, 2], [0.0, 2.0], [5.0, 7.0])
    """
    buffers = threading.local()  # each thread its own scratch buffer

    def one(j: int) -> _Entry:
        if not hasattr(buffers, "valid"):
            buffers.valid = np.empty(d.shape[0], dtype=bool)
        return _entry(np.ascontiguousarray(d[:, j]), e[:, j], p[:, j], buffers.valid)

    stats = ColumnStats()
    # a loop over columns, each vectorised over respondents; on threads for many respondents
    for entry in map_ordered(one, range(d.shape[1]), rows=d.shape[0]):
        stats.append(entry)
    return stats


def item_stats(
    e: np.ndarray,
    p: np.ndarray,
    order: Sequence[int],
    groups: Sequence[np.ndarray] = (),
) -> tuple[ColumnStats, list[ColumnStats]]:
    """:class:`ColumnStats` of the item gaps P − E, columns in ``order``: for every respondent
    and for each group of rows (``groups``: each group's row positions, ascending).

    Each item's gaps are made in one buffer; with groups, the item's E, P and gaps are gathered
    once in group order, so a group's slice holds the values its own copy of the rows held.

    >>> e = np.array([[5.0, 6], [4, 6], [7, np.nan]], order="F")
    >>> p = np.array([[6.0, 6], [4, 5], [6, 7]], order="F")
    >>> total, (a, b) = item_stats(e, p, [0, 1], [np.array([0, 2]), np.array([1])])
    >>> total.n, total.mean, a.mean, b.mean
    ([3, 2], [0.0, -0.5], [0.0, 0.0], [0.0, -1.0])
    """
    one = item_job(e, p, groups)
    # a loop over items, each vectorised over respondents; on threads for many respondents,
    # every item computed as on one thread and appended in ``order``
    return collect_items(map_ordered(one, order, rows=e.shape[0]), len(groups))


_ItemEntries = tuple[_Entry, list[_Entry]]


def item_job(
    e: np.ndarray, p: np.ndarray, groups: Sequence[np.ndarray] = ()
) -> Callable[[int], _ItemEntries]:
    """The work of :func:`item_stats` for one item column (its position), to run beside other
    jobs on the same threads; :func:`collect_items` gathers the results in order."""
    n = e.shape[0]
    rows = np.concatenate(list(groups)) if groups else np.zeros(0, dtype=np.intp)
    bounds = np.cumsum([0] + [len(g) for g in groups])
    buffers = threading.local()  # each thread its own scratch buffers

    def one(j: int) -> _ItemEntries:
        if not hasattr(buffers, "d"):
            buffers.d, buffers.valid = np.empty(n), np.empty(n, dtype=bool)
            buffers.s = np.empty((3, rows.size))
        d, valid = buffers.d, buffers.valid
        e_j, p_j = e[:, j], p[:, j]
        np.subtract(p_j, e_j, out=d)
        total = _entry(d, e_j, p_j, valid)
        if not groups:
            return total, []
        d_s, e_s, p_s = buffers.s
        np.take(d, rows, out=d_s)
        np.take(e_j, rows, out=e_s)
        np.take(p_j, rows, out=p_s)
        return total, [
            _entry(d_s[lo:hi], e_s[lo:hi], p_s[lo:hi], valid[: hi - lo])
            for lo, hi in pairwise(bounds)
        ]

    return one


def collect_items(
    done: Sequence[_ItemEntries], n_groups: int
) -> tuple[ColumnStats, list[ColumnStats]]:
    """:func:`item_stats`' result from its items' :func:`item_job` results, in order."""
    total = ColumnStats()
    per_group = [ColumnStats() for _ in range(n_groups)]
    for item, of_groups in done:
        total.append(item)
        for stats, entry in zip(per_group, of_groups, strict=True):
            stats.append(entry)
    return total, per_group


def paired_table(
    stats: ColumnStats, conf: float, zero_method: str = "wilcox", adjust: str = "holm"
) -> pd.DataFrame:
    """The paired statistics per column (:data:`servqual_cli.core.gaps.TEST_COLUMNS`) from
    :func:`column_stats` or :func:`item_stats`; ``zero_method``, ``conf`` and ``adjust`` are
    checked by the caller.

    >>> d = np.array([[1.0], [2.0], [-1.0], [3.0]])
    >>> t = paired_table(column_stats(d, np.zeros((4, 1)), d), 0.95)
    >>> t[["n", "gap", "v", "n_nonzero"]].values.tolist()
    [[4.0, 1.25, 8.5, 4.0]]
    """
    n = np.array(stats.n, dtype=np.int64)
    t = inference.t_from_moments(n, np.array(stats.mean), np.array(stats.ss), conf)
    ranks = [ranks_from_counts(v, c, zero_method, conf) for v, c in stats.distinct]
    signed = [r.signed_rank for r in ranks]
    rb = [r.rank_biserial for r in ranks]
    dz = t["dz"]
    dz_low, dz_high = dz_intervals(dz, n, conf)  # every column's noncentral-t solve at once
    table = pd.DataFrame(
        {
            "n": n,
            "expectation": np.array(stats.mean_e),
            "perception": np.array(stats.mean_p),
            "gap": t["mean"],
            "gap_sd": t["sd"],
            "ci_low": t["ci_low"],
            "ci_high": t["ci_high"],
            "t": t["t"],
            "df": t["df"],
            "p_t": t["p"],
            "v": [r.statistic for r in signed],
            "n_nonzero": np.array([r.n for r in signed], dtype=np.int64),
            "p_wilcoxon": [r.p for r in signed],
            "wilcoxon_method": [r.method for r in signed],
        }
    )
    table["p_holm"] = inference.holm(table["p_t"].to_numpy())
    table["p_adjusted"] = inference.p_adjust(table["p_t"].to_numpy(), adjust)
    table["dz"] = dz
    table["dz_ci_low"] = dz_low
    table["dz_ci_high"] = dz_high
    table["rank_biserial"] = [r.value for r in rb]
    table["rank_biserial_ci_low"] = [r.ci_low for r in rb]
    table["rank_biserial_ci_high"] = [r.ci_high for r in rb]
    return table
