"""SERVQUAL gap analysis: item, dimension and overall gaps (P - E), weighted and unweighted.

Definitions (Parasuraman, Zeithaml & Berry 1988; Parasuraman, Berry & Zeithaml 1991):

- Item gap = P - E for each respondent with both values valid.
- A respondent's dimension E, P and gap are means over the dimension's items that have both
  values, provided at least half of the items (rounded up) do; otherwise missing. The gap is the
  mean of the item gaps, never mean(P) - mean(E): the latter differs in the last bits, breaks true
  ties and moves rank-based p-values. Scores are rounded to 10 decimals before any ranking.
- Unweighted SERVQUAL: per respondent with every dimension valid, the mean of the dimension gaps;
  then the mean over respondents. Weighted: per respondent (every dimension valid and valid
  weights) sum(gap_d * w_d) / sum(w_d); respondents with a missing or negative weight, or weights
  summing to zero, are left out and counted.
- SERVPERF (Cronin & Taylor 1992): the mean perception per dimension, over respondents with at
  least half the dimension's P items answered, whatever their E answers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core._common import check_conf
from servqual_cli.core.gap_columns import (
    TIE_DECIMALS,
    ColumnStats,
    column_stats,
    item_stats,
    paired_table,
)
from servqual_cli.core.results import plain, records
from servqual_cli.core.small_samples import blank_degenerate
from servqual_cli.errors import DataError, UsageError

TEST_COLUMNS = ["n", "expectation", "perception", "gap", "gap_sd", "ci_low", "ci_high", "t",
                "df", "p_t", "v", "n_nonzero", "p_wilcoxon", "wilcoxon_method", "p_holm",
                "p_adjusted", "dz", "dz_ci_low", "dz_ci_high", "rank_biserial",
                "rank_biserial_ci_low", "rank_biserial_ci_high"]  # fmt: skip
ADJUST_METHODS = ("holm", "bh", "none")


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
    e = np.asarray(expectation, dtype=float)
    p = np.asarray(perception, dtype=float)
    if e.shape != p.shape:
        raise DataError(f"expectation {e.shape} and perception {p.shape} shapes differ")
    n = e.shape[0]
    names = tuple(dimensions)
    # Column-major: the tests and the overall score read one dimension at a time. Every cell
    # is written below, so no NaN pre-fill.
    out = {k: np.empty((n, len(names)), order="F") for k in ("e", "p", "g", "sp")}
    prorated = np.zeros((n, len(names)), dtype=bool, order="F")
    needs = []
    # Running sums, reused for every dimension (no allocation per dimension or item).
    count, p_count, g, ee, pp, sp, gap_c = (np.empty(n) for _ in range(7))
    valid, p_valid = np.empty(n, dtype=bool), np.empty(n, dtype=bool)
    for j, cols in enumerate(dimensions.values()):
        cols = list(cols)
        need = items_needed(len(cols), min_items)
        needs.append(need)
        for acc in (count, p_count, g, ee, pp, sp):
            acc.fill(0.0)
        # Sums over the dimension's items, one item column at a time (left to right, as a
        # row sum of so few items adds): no (n, items) copy of the arrays.
        for c in cols:
            e_c, p_c = e[:, c], p[:, c]
            np.subtract(p_c, e_c, out=gap_c)
            np.logical_not(np.isnan(gap_c, out=valid), out=valid)
            np.logical_not(np.isnan(p_c, out=p_valid), out=p_valid)
            count += valid
            p_count += p_valid
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
                np.divide(total, by, out=col)
                if key == "g":
                    np.round(col, TIE_DECIMALS, out=col)
                col[~keep] = np.nan
    n_prorated = prorated.sum(axis=0).astype(np.int64)
    return RespondentScores(
        names, out["e"], out["p"], out["g"], out["sp"], n_prorated, tuple(needs), prorated
    )


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
        return {k: plain(v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class GapAnalysis:
    """Gap analysis of one set of respondents.

    ``dimensions`` columns: dimension, then :data:`TEST_COLUMNS` (``p_holm``: Holm-adjusted t
    p across dimensions; ``p_adjusted``: adjusted by ``adjust`` across the same family; ``v``
    and ``wilcoxon_method``: the signed rank statistic and what made its p; ``dz`` and the
    rank-biserial correlation with their intervals), servperf, n_servperf. ``items`` columns:
    item, dimension, then the same test columns (families: all items).
    """

    n_rows: int
    dimensions: pd.DataFrame
    items: pd.DataFrame
    overall: OverallScore
    conf: float = 0.95
    zero_method: str = "wilcox"
    adjust: str = "holm"
    min_items: str = "half"
    # The per-respondent scores behind the dimension table (not output: for the callers that
    # test them further, e.g. the dimension comparison of ``gap``).
    scores: RespondentScores | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_rows": self.n_rows,
            "tests": self.methods(),
            "dimensions": records(self.dimensions),
            "items": records(self.items),
            "overall": self.overall.to_dict(),
        }

    def methods(self) -> dict[str, Any]:
        """Every rule behind the test columns, for the JSON and the notes under the tables."""
        return {
            "t": "paired t-test of P - E (R t.test(P, E, paired = TRUE))",
            "wilcoxon": (
                f"signed rank, zero method {self.zero_method}: exact conditional p below "
                f"{inference.EXACT_BELOW} nonzero differences (coin::wilcoxsign_test), "
                "normal approximation above"
            ),
            "dz": "mean / sd of P - E, noncentral t interval (R effectsize::cohens_d)",
            "rank_biserial": "matched-pairs rank-biserial, zeros dropped, Fisher z interval "
            "(R effectsize::rank_biserial)",
            "adjust": {
                "method": self.adjust,
                "of": "p_t",
                "families": {
                    "dimensions": len(self.dimensions),
                    "items": len(self.items),
                },
            },
            "conf": self.conf,
            "min_items": self.min_items,
            "weight_rule": self.overall.weight_rule,
        }


def _paired_table(
    stats: ColumnStats, conf: float, zero_method: str = "wilcox", adjust: str = "holm"
) -> pd.DataFrame:
    """:func:`~servqual_cli.core.gap_columns.paired_table`, then what tiny samples cannot
    support blanked and said why (:func:`~servqual_cli.core.small_samples.blank_degenerate`)."""
    return blank_degenerate(paired_table(stats, conf, zero_method, adjust))


def gap_analysis(
    expectation: np.ndarray,
    perception: np.ndarray,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    weights: np.ndarray | None = None,
    conf: float = 0.95,
    zero_method: str = "wilcox",
    adjust: str = "holm",
    min_items: MinItems = "half",
    weight_rule: str = "allocation",
    scores: RespondentScores | None = None,
) -> GapAnalysis:
    """Item, dimension and overall SERVQUAL gaps with CIs and significance tests.

    Parameters
    ----------
    expectation, perception : ndarray (n_respondents, n_items)
        Item scores, NaN where missing, reverse-scored already.
    items : sequence of str
        Item labels, one per column.
    dimensions : mapping
        Dimension name -> column positions.
    weights : ndarray (n_respondents, n_dimensions), optional
        Importance points per dimension, in dimension order.
    conf : float
        Confidence level of the t intervals and the effect-size intervals.
    zero_method : {"wilcox", "pratt"}
        Zero gaps in the signed rank test: dropped before ranking, or ranked then dropped
        (:func:`~servqual_cli.core.ranktests.signed_rank_test`).
    adjust : {"holm", "bh", "none"}
        Adjustment of the t p-values in ``p_adjusted``, per family: the dimensions, and
        separately the items.
    min_items : "half", "all" or int
        Items a respondent needs for a dimension score (:func:`items_needed`); the dimension
        table counts the respondents prorated from fewer than all items (``n_prorated``).
    weight_rule : {"allocation", "rating"}
        How importance weights are read (:func:`overall_score`).
    scores : RespondentScores, optional
        :func:`respondent_scores` of these arrays under ``min_items``, when the caller has them
        already (``gap --by`` takes each group's from the total's); computed otherwise. The
        result keeps them in ``scores``.

    Returns
    -------
    GapAnalysis

    Raises
    ------
    DataError
        No respondent has a valid E/P pair.

    Notes
    -----
    Tests: paired t (R ``t.test(P, E, paired = TRUE)``), Wilcoxon signed rank (exact
    conditional p below 50 nonzero differences, as ``coin::wilcoxsign_test(distribution =
    "exact")``, which equals ``wilcox.test``'s exact p without ties; above, ``wilcox.test``'s
    normal approximation with continuity and tie correction, or coin's for Pratt), Cohen's dz =
    mean / sd of the differences with its noncentral-t interval, the matched-pairs
    rank-biserial correlation, Holm (1979) adjustment (``p_holm``) and the chosen ``adjust``
    (``p_adjusted``) across dimensions and, separately, across items.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> E = rng.integers(5, 8, size=(40, 4)).astype(float)
    >>> P = np.clip(E - rng.integers(0, 3, size=(40, 4)), 1, 7)
    >>> res = gap_analysis(E, P, ["1", "2", "3", "4"], {"A": [0, 1], "B": [2, 3]})
    >>> res.dimensions[["dimension", "n"]].values.tolist()
    [['A', 40], ['B', 40]]
    >>> bool((res.dimensions["gap"] < 0).all())
    True
    """
    # Column-major: every statistic below walks one item (column) at a time, and strided
    # access to a row-major 1M x 22 array costs more than the one copy.
    e = np.asfortranarray(expectation, dtype=float)
    p = np.asfortranarray(perception, dtype=float)
    if e.shape[0] == 0 or not any_pair(e, p):
        raise DataError("no respondent has a valid expectation/perception pair after cleaning")
    order = [pos for cols in dimensions.values() for pos in cols]
    check_rules(conf, zero_method, adjust)
    if scores is not None and scores.gap.shape != (e.shape[0], len(dimensions)):
        raise UsageError("the respondent scores given do not match the item arrays")
    items_of_all, _ = item_stats(e, p, order)
    if scores is None:
        scores = respondent_scores(e, p, dimensions, min_items)
    return assemble(items_of_all, items, dimensions, scores, weights, conf, zero_method,
                    adjust, min_items, weight_rule)  # fmt: skip


def any_pair(e: np.ndarray, p: np.ndarray) -> bool:
    """Some respondent has both an E and a P answer to some item (one item at a time)."""
    return any(not np.isnan(p[:, k] - e[:, k]).all() for k in range(e.shape[1]))


def check_rules(conf: float, zero_method: str, adjust: str) -> None:
    """Refuse an unknown adjustment or zero method, or a confidence level outside (0, 1)."""
    if adjust not in ADJUST_METHODS:
        raise UsageError(f"unknown adjustment {adjust!r}; use holm, bh or none")
    check_conf(conf)
    if zero_method not in ("wilcox", "pratt"):
        raise UsageError(f"unknown zero method {zero_method!r}; use wilcox or pratt")


def assemble(
    item_columns: ColumnStats,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    scores: RespondentScores,
    weights: np.ndarray | None,
    conf: float,
    zero_method: str,
    adjust: str,
    min_items: MinItems,
    weight_rule: str,
) -> GapAnalysis:
    """The :class:`GapAnalysis` of one set of respondents from its item columns'
    :func:`~servqual_cli.core.gap_columns.item_stats` (items in dimension order) and its
    respondent scores (``gap --by`` calls it per group)."""
    rules = (zero_method, adjust)
    n_rows = scores.gap.shape[0]
    item_to_dim = {pos: name for name, cols in dimensions.items() for pos in cols}
    order = [pos for cols in dimensions.values() for pos in cols]
    item_table = _paired_table(item_columns, conf, *rules)
    item_table.insert(0, "dimension", [item_to_dim[i] for i in order])
    item_table.insert(0, "item", [items[i] for i in order])
    dim_columns = column_stats(scores.gap, scores.expectation, scores.perception)
    dim_table = _paired_table(dim_columns, conf, *rules)
    dim_table.insert(0, "dimension", list(scores.dimensions))
    with np.errstate(invalid="ignore"):
        dim_table["servperf"] = np.nanmean(scores.servperf, axis=0) if n_rows else np.nan
    dim_table["n_servperf"] = (~np.isnan(scores.servperf)).sum(axis=0).astype(np.int64)
    dim_table["min_items"] = np.array(scores.min_items, dtype=np.int64)
    dim_table["n_prorated"] = scores.n_prorated
    overall = overall_score(scores.gap, weights, conf, weight_rule)
    return GapAnalysis(
        n_rows, dim_table, item_table, overall, conf, zero_method, adjust, str(min_items), scores
    )


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
