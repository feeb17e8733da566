"""SERVQUAL gap analysis: item, dimension and overall gaps (P - E), weighted and unweighted.

The definitions live where they are computed: the item gap, the respondents' dimension scores
(the proration rule: at least half of a dimension's items), the tie rounding and SERVPERF in
:mod:`~servqual_cli.core.respondent_scores`; the unweighted and weighted overall score in
:mod:`~servqual_cli.core.overall_score`. This module tests the gaps, per dimension and per item:
paired t and Wilcoxon signed rank tests with effect sizes, the t p-values adjusted
(:data:`ADJUST_METHODS`) within each family (the dimensions; the items).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core._common import check_conf
from servqual_cli.core.gap_columns import (
    ColumnStats,
    column_stats,
    item_stats,
    paired_table,
)
from servqual_cli.core.overall_score import OverallScore, overall_score
from servqual_cli.core.respondent_scores import (
    MinItems,
    RespondentScores,
    scores_and_items,
)
from servqual_cli.core.results import records
from servqual_cli.core.small_samples import blank_degenerate
from servqual_cli.errors import DataError, UsageError

TEST_COLUMNS = ["n", "expectation", "perception", "gap", "gap_sd", "ci_low", "ci_high", "t",
                "df", "p_t", "v", "n_nonzero", "p_wilcoxon", "wilcoxon_method", "p_holm",
                "p_adjusted", "dz", "dz_ci_low", "dz_ci_high", "rank_biserial",
                "rank_biserial_ci_low", "rank_biserial_ci_high"]  # fmt: skip
ADJUST_METHODS = ("holm", "bh", "none")


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
        Items a respondent needs for a dimension score
        (:func:`~servqual_cli.core.respondent_scores.items_needed`); the dimension table counts
        the respondents prorated from fewer than all items (``n_prorated``).
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
        raise DataError(
            "no respondent has a valid expectation/perception pair after cleaning",
            code="no_valid_pair",
        )
    order = [pos for cols in dimensions.values() for pos in cols]
    check_rules(conf, zero_method, adjust)
    if scores is not None and scores.gap.shape != (e.shape[0], len(dimensions)):
        raise UsageError("the respondent scores given do not match the item arrays")
    if scores is None:  # the scores' and the items' columns on the same threads
        scores, items_of_all, _ = scores_and_items(e, p, dimensions, min_items)
    else:
        items_of_all, _ = item_stats(e, p, order)
    return assemble(items_of_all, items, dimensions, scores, weights, conf, zero_method,
                    adjust, min_items, weight_rule)  # fmt: skip


def any_pair(e: np.ndarray, p: np.ndarray) -> bool:
    """Some respondent has both an E and a P answer to some item (one item at a time)."""
    return any(not np.isnan(p[:, k] - e[:, k]).all() for k in range(e.shape[1]))


def check_rules(conf: float, zero_method: str, adjust: str) -> None:
    """Refuse an unknown adjustment or zero method, or a confidence level outside (0, 1)."""
    if adjust not in ADJUST_METHODS:
        raise UsageError(f"unknown adjustment {adjust!r}; use holm, bh or none",
                         code="adjustment_unknown", facts={"value": adjust})  # fmt: skip
    check_conf(conf)
    if zero_method not in ("wilcox", "pratt"):
        raise UsageError(f"unknown zero method {zero_method!r}; use wilcox or pratt",
                         code="zero_method_unknown", facts={"value": zero_method})  # fmt: skip


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
    # np.nanmean's own sum / count (same order, same bits), without its "Mean of empty slice"
    # RuntimeWarning for a dimension nobody answered: errstate does not silence that warning,
    # and catch_warnings is not safe on the threads gap --by runs this on.
    n_servperf = (~np.isnan(scores.servperf)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        servperf = np.nansum(scores.servperf, axis=0) / n_servperf
    dim_table["servperf"] = servperf if n_rows else np.nan
    dim_table["n_servperf"] = n_servperf.astype(np.int64)
    dim_table["min_items"] = np.array(scores.min_items, dtype=np.int64)
    dim_table["n_prorated"] = scores.n_prorated
    overall = overall_score(scores.gap, weights, conf, weight_rule)
    return GapAnalysis(
        n_rows, dim_table, item_table, overall, conf, zero_method, adjust, str(min_items), scores
    )
