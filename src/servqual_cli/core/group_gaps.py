"""SERVQUAL gaps per group (e.g. per service unit) and tests across the groups.

Per dimension gap: Welch's ANOVA (Welch 1951; R ``oneway.test(var.equal = FALSE)``),
Kruskal-Wallis (R ``kruskal.test``), and the post-hoc comparisons of Games & Howell (1976) and
Dunn (1964) with Holm's adjustment, on the groups with at least two valid dimension gaps.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.gaps import GapAnalysis, gap_analysis, respondent_scores
from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError


@dataclass(frozen=True)
class GroupComparison:
    """Across-group tests of one dimension's gap: Welch ANOVA, Kruskal-Wallis and post-hocs.

    ``games_howell`` columns: group_a, group_b, mean_a, mean_b, diff, se, t, df, p_adj, ci_low,
    ci_high. ``dunn`` columns: group_a, group_b, z, p, p_adj (Holm).
    """

    dimension: str
    welch_f: float
    welch_df1: float
    welch_df2: float
    welch_p: float
    kruskal_h: float
    kruskal_df: float
    kruskal_p: float
    games_howell: pd.DataFrame
    dunn: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "welch_anova": {
                "f": plain(self.welch_f),
                "df1": plain(self.welch_df1),
                "df2": plain(self.welch_df2),
                "p": plain(self.welch_p),
            },
            "kruskal_wallis": {
                "h": plain(self.kruskal_h),
                "df": plain(self.kruskal_df),
                "p": plain(self.kruskal_p),
            },
            "games_howell": records(self.games_howell),
            "dunn": records(self.dunn),
        }


@dataclass(frozen=True)
class GroupedGapAnalysis:
    """The gap analysis for all respondents and per group, with across-group comparisons."""

    by: str
    all: GapAnalysis
    groups: Mapping[str, GapAnalysis]
    comparisons: tuple[GroupComparison, ...]
    n_without_group: int
    skipped_groups: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = self.all.to_dict()
        out["by"] = self.by
        out["groups"] = {k: v.to_dict() for k, v in self.groups.items()}
        out["group_tests"] = [c.to_dict() for c in self.comparisons]
        out["n_without_group"] = self.n_without_group
        out["skipped_groups"] = dict(self.skipped_groups)
        return out


def grouped_gap_analysis(
    expectation: np.ndarray,
    perception: np.ndarray,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    groups: Sequence[Any] | np.ndarray,
    by: str,
    weights: np.ndarray | None = None,
    conf: float = 0.95,
) -> GroupedGapAnalysis:
    """:func:`gap_analysis` for everyone and per group, and across-group tests per dimension.

    ``groups`` holds one label per respondent (None/NaN = no group: in the total, not in any
    group, counted). Groups whose respondents have no valid E/P pair are skipped and reported.
    Across groups, per dimension: Welch's ANOVA (R ``oneway.test(var.equal = FALSE)``),
    Kruskal-Wallis (R ``kruskal.test``), Games-Howell and Dunn (Holm) post-hoc comparisons,
    on the groups with at least two valid dimension gaps.
    """
    e = np.asarray(expectation, dtype=float)
    p = np.asarray(perception, dtype=float)
    labels = pd.Series(list(groups), dtype=object)
    has_group = labels.notna().to_numpy(dtype=bool) & (labels.astype(str).str.strip() != "")
    labels = labels.astype(str).str.strip()
    total = gap_analysis(e, p, items, dimensions, weights, conf)
    per_group: dict[str, GapAnalysis] = {}
    skipped: dict[str, str] = {}
    names = sorted(set(labels[has_group]))
    for name in names:  # a loop over groups (a handful), each vectorised
        rows = (labels == name).to_numpy(dtype=bool) & has_group
        w = None if weights is None else np.asarray(weights, dtype=float)[rows]
        try:
            per_group[name] = gap_analysis(e[rows], p[rows], items, dimensions, w, conf)
        except DataError:
            skipped[name] = "no valid expectation/perception pair"
    scores = respondent_scores(e, p, dimensions)
    comparisons = []
    for j, dim in enumerate(scores.dimensions):
        samples, sample_names = [], []
        for name in per_group:
            rows = (labels == name).to_numpy(dtype=bool) & has_group
            g = scores.gap[rows, j]
            g = g[~np.isnan(g)]
            if len(g) >= 2:
                samples.append(g)
                sample_names.append(name)
        comparisons.append(_compare(dim, samples, sample_names))
    return GroupedGapAnalysis(
        by=by,
        all=total,
        groups=per_group,
        comparisons=tuple(comparisons),
        n_without_group=int((~has_group).sum()),
        skipped_groups=skipped,
    )


def _compare(dim: str, samples: list[np.ndarray], names: list[str]) -> GroupComparison:
    if len(samples) < 2:
        empty = pd.DataFrame()
        nan = math.nan
        return GroupComparison(dim, nan, nan, nan, nan, nan, nan, nan, empty, empty)
    welch = inference.welch_anova(samples)
    kw = inference.kruskal_wallis(samples)
    return GroupComparison(
        dimension=dim,
        welch_f=float(welch.statistic),
        welch_df1=float(welch.df1),
        welch_df2=float(welch.df2),
        welch_p=float(welch.p),
        kruskal_h=float(kw.statistic),
        kruskal_df=float(kw.df1),
        kruskal_p=float(kw.p),
        games_howell=inference.games_howell(samples, names),
        dunn=inference.dunn(samples, names, adjust="holm"),
    )
