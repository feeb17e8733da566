"""Per-respondent SERVQUAL dimension scores: E, P, gap and SERVPERF, with the proration rule.

Definitions (Parasuraman, Zeithaml & Berry 1988; Parasuraman, Berry & Zeithaml 1991):

- Item gap = P - E for each respondent with both values valid.
- A respondent's dimension E, P and gap are means over the dimension's items that have both
  values, provided at least half of the items (rounded up) do; otherwise missing. The gap is the
  mean of the item gaps, never mean(P) - mean(E): the latter differs in the last bits, breaks true
  ties and moves rank-based p-values. Scores are rounded to 10 decimals before any ranking.
- SERVPERF (Cronin & Taylor 1992): the mean perception per dimension, over respondents with at
  least half the dimension's P items answered, whatever their E answers.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from servqual_cli.core.gap_columns import (
    TIE_DECIMALS,
    ColumnStats,
    collect_items,
    item_job,
)
from servqual_cli.errors import DataError, UsageError
from servqual_cli.threads import map_ordered


@dataclass(frozen=True)
class RespondentScores:
    """Per-respondent dimension scores (rows = respondents, columns = dimensions; NaN = invalid)."""

    dimensions: tuple[str, ...]
    expectation: np.ndarray
    perception: np.ndarray
    gap: np.ndarray
    servperf: np.ndarray
    n_prorated: np.ndarray | None = None  # per dimension: gaps from fewer than all its items
    min_items: tuple[int, ...] = ()  # per dimension: the items a gap needs
    prorated: np.ndarray | None = None  # (respondents, dimensions): gap from fewer items

    def take(self, rows: np.ndarray) -> RespondentScores:
        """The scores of some respondents (``rows``: a boolean mask or positions), e.g. a group
        of ``gap --by``, with their own prorated counts.

        >>> s = respondent_scores(np.array([[7.0, 7], [6, np.nan]]), np.array([[5.0, 6], [5, 5]]),
        ...                       {"A": [0, 1]})
        >>> s.take(np.array([False, True])).gap.tolist(), s.take(np.array([1])).n_prorated
        ([[-1.0]], array([1]))
        """
        prorated = None if self.prorated is None else self.prorated[rows]
        return RespondentScores(
            self.dimensions,
            self.expectation[rows],
            self.perception[rows],
            self.gap[rows],
            self.servperf[rows],
            None if prorated is None else prorated.sum(axis=0).astype(np.int64),
            self.min_items,
            prorated,
        )


MinItems = str | int


def items_needed(k: int, min_items: MinItems = "half") -> int:
    """Items (of ``k``) a respondent must have answered for a dimension score.

    ``"half"`` (default): half rounded up, the usual SERVQUAL proration rule; ``"all"``: every
    item, no proration; an integer N: N items (at most k).

    >>> items_needed(5), items_needed(4), items_needed(5, "all"), items_needed(5, 2)
    (3, 2, 5, 2)
    """
    if min_items == "half":
        return math.ceil(k / 2)
    if min_items == "all":
        return k
    if isinstance(min_items, int) and not isinstance(min_items, bool) and min_items >= 1:
        return min(min_items, k)
    raise UsageError(f"min items must be half, all or a whole number >= 1, got {min_items!r}")


def respondent_scores(
    expectation: np.ndarray,
    perception: np.ndarray,
    dimensions: Mapping[str, Sequence[int]],
    min_items: MinItems = "half",
) -> RespondentScores:
    """Dimension E, P, gap and SERVPERF scores per respondent.

    Parameters
    ----------
    expectation, perception : ndarray (n_respondents, n_items)
        Item scores, NaN where missing; already reverse-scored.
    dimensions : mapping
        Dimension name -> column positions in the item arrays.

    Examples
    --------
    >>> E = np.array([[7, 7, 6], [5, np.nan, np.nan]])
    >>> P = np.array([[5, 6, 6], [4, 4, np.nan]])
    >>> s = respondent_scores(E, P, {"A": [0, 1, 2]})
    >>> s.gap[:, 0].tolist()   # second respondent has 1 of 3 pairs: fewer than half -> missing
    [-1.0, nan]
    >>> s.servperf[:, 0].round(3).tolist()
    [5.667, 4.0]
    """
    jobs, finish = score_jobs(expectation, perception, dimensions, min_items)
    # one job per dimension, each vectorised over respondents; on threads for many respondents
    return finish(map_ordered(lambda job: job(), jobs, rows=len(expectation)))


def score_jobs(
    expectation: np.ndarray,
    perception: np.ndarray,
    dimensions: Mapping[str, Sequence[int]],
    min_items: MinItems = "half",
) -> tuple[list[Callable[[], int]], Callable[[Sequence[int]], RespondentScores]]:
    """:func:`respondent_scores` as one job per dimension (each writes its own columns), to
    run beside other jobs on the same threads, and the function that makes the result of the
    jobs' results (in dimension order)."""
    e = np.asarray(expectation, dtype=float)
    p = np.asarray(perception, dtype=float)
    if e.shape != p.shape:
        raise DataError(f"expectation {e.shape} and perception {p.shape} shapes differ")
    n = e.shape[0]
    names = tuple(dimensions)
    # Column-major: the tests and the overall score read one dimension at a time. Every cell
    # is written by the jobs, so no NaN pre-fill.
    out = {k: np.empty((n, len(names)), order="F") for k in ("e", "p", "g", "sp")}
    prorated = np.zeros((n, len(names)), dtype=bool, order="F")
    needs = tuple(items_needed(len(list(cols)), min_items) for cols in dimensions.values())

    buffers = threading.local()

    def one(j: int, cols: list[int]) -> int:
        need = needs[j]
        # Running sums of the dimension's items, one item column at a time (left to right, as
        # a row sum of so few items adds): no (n, items) copy of the arrays. The counts are
        # small integers (uint8 while a dimension has fewer than 256 items).
        small: type[np.integer[Any]] = np.uint8 if len(cols) < 256 else np.int64
        if not hasattr(buffers, "sums"):  # each thread its own buffers, reused per dimension
            buffers.sums = np.empty((5, n))
            buffers.flags = np.empty((2, n), dtype=bool)
            buffers.counts = {}
        if small not in buffers.counts:
            buffers.counts[small] = np.empty((2, n), dtype=small)
        count, p_count = buffers.counts[small]
        g, ee, pp, sp, gap_c = buffers.sums
        valid, p_valid = buffers.flags
        for acc in (count, p_count, g, ee, pp, sp):
            acc.fill(0)
        for c in cols:
            e_c, p_c = e[:, c], p[:, c]
            np.subtract(p_c, e_c, out=gap_c)
            np.logical_not(np.isnan(gap_c, out=valid), out=valid)
            np.logical_not(np.isnan(p_c, out=p_valid), out=p_valid)
            np.add(count, valid, out=count)
            np.add(p_count, p_valid, out=p_count)
            np.add(g, gap_c, out=g, where=valid)
            np.add(ee, e_c, out=ee, where=valid)
            np.add(pp, p_c, out=pp, where=valid)
            np.add(sp, p_c, out=sp, where=p_valid)
        ok = count >= need
        prorated[:, j] = ok & (count < len(cols))
        sp_ok = p_count >= need
        with np.errstate(invalid="ignore", divide="ignore"):
            parts = [("g", g, count, ok), ("e", ee, count, ok), ("p", pp, count, ok),
                     ("sp", sp, p_count, sp_ok)]  # fmt: skip
            for key, total, by, keep in parts:
                col = out[key][:, j]
                np.divide(total, by, out=col)  # a whole-number count divides as its float
                if key == "g":
                    np.round(col, TIE_DECIMALS, out=col)
                col[~keep] = np.nan
        return int(np.count_nonzero(prorated[:, j]))

    # the dimension with the most items first: the longest jobs start first on the threads
    by_size = sorted(range(len(names)), key=lambda j: -len(list(dimensions[names[j]])))
    jobs: list[Callable[[], int]] = [partial(one, j, list(dimensions[names[j]])) for j in by_size]

    def finish(done: Sequence[int]) -> RespondentScores:
        n_prorated = np.zeros(len(names), dtype=np.int64)
        n_prorated[by_size] = done
        return RespondentScores(
            names, out["e"], out["p"], out["g"], out["sp"], n_prorated, needs, prorated
        )

    return jobs, finish


def scores_and_items(
    expectation: np.ndarray,
    perception: np.ndarray,
    dimensions: Mapping[str, Sequence[int]],
    min_items: MinItems = "half",
    groups: Sequence[np.ndarray] = (),
) -> tuple[RespondentScores, ColumnStats, list[ColumnStats]]:
    """:func:`respondent_scores` and :func:`~servqual_cli.core.gap_columns.item_stats` (items in
    dimension order, ``groups`` as there) on the same threads: the dimensions' and the items'
    jobs are independent, so neither waits for the other (issue #16).

    >>> e = np.array([[5.0, 6], [4, 6], [7, np.nan]], order="F")
    >>> p = np.array([[6.0, 6], [4, 5], [6, 7]], order="F")
    >>> scores, items, _ = scores_and_items(e, p, {"A": [0, 1]})
    >>> scores.gap[:, 0].tolist(), items.mean
    ([0.5, -0.5, -1.0], [0.0, -0.5])
    """
    order = [pos for cols in dimensions.values() for pos in cols]
    jobs, finish = score_jobs(expectation, perception, dimensions, min_items)
    item_one = item_job(expectation, perception, groups)
    everything: list[Callable[[], Any]] = [*jobs, *(partial(item_one, j) for j in order)]
    done = map_ordered(lambda job: job(), everything, rows=len(expectation))
    total, per_group = collect_items(done[len(jobs) :], len(groups))
    return finish(done[: len(jobs)]), total, per_group
