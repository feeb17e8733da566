"""The tests of one dimension's gap across groups (:mod:`servqual_cli.core.group_gaps` runs
them per dimension).

Per dimension gap: Welch's ANOVA (Welch 1951; R ``oneway.test(var.equal = FALSE)``) with Hays'
ω² of the ordinary one-way ANOVA over the same groups (SS_b − (k − 1) MS_w) / (SS_t + MS_w), df
N − k, noncentral-F interval; R ``effectsize::omega_squared(aov(y ~ g))``; not from Welch's F,
whose small df2 with a small group inflates it), Kruskal-Wallis (R ``kruskal.test``) with ε²,
and the post-hoc comparisons of Games & Howell (1976) and Dunn (1964, Holm's adjustment). One
eligibility rule for every test (review 2 item 9): a group takes part with at least
:data:`MIN_GROUP_N` valid dimension gaps, so the tests agree about which groups exist and no
effect size or Dunn p rests on single respondents (ε² = 1.00 from three singletons). Welch and
Games-Howell also need some variance (Welch's weights n / s² need it); ranks do not. Each
comparison lists the groups behind each test and those left out, why.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.effect_sizes import (
    EffectSize,
    omega_squared_f,
    oneway_anova_f,
    rank_epsilon_squared,
)
from servqual_cli.core.posthoc import dunn_from_ranks
from servqual_cli.core.ranktests import group_ranks, kruskal_from_ranks
from servqual_cli.core.results import plain, records

OMEGA2_ESTIMATOR = (
    "Hays' omega^2 of the ordinary one-way ANOVA over the Welch groups, "
    "(SS_b - (k-1) MS_w) / (SS_t + MS_w), df k-1 and N-k, as R "
    "effectsize::omega_squared(aov(gap ~ group)); not from Welch's F"
)


@dataclass(frozen=True)
class GroupComparison:
    """Across-group tests of one dimension's gap: Welch ANOVA, Kruskal-Wallis and post-hocs.

    ``games_howell`` columns: group_a, group_b, mean_a, mean_b, diff, se, t, df, p_adj, ci_low,
    ci_high (at ``conf``). ``dunn`` columns: group_a, group_b, z, p, p_adj (Holm).
    ``welch_groups``/``kruskal_groups`` name the groups each test used, ``welch_n`` /
    ``kruskal_n`` the gap scores in them; ``left_out`` maps a test (``"welch_anova"``,
    ``"kruskal_wallis"``) to the groups it left out and why.
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
    welch_groups: tuple[str, ...] = ()
    kruskal_groups: tuple[str, ...] = ()
    left_out: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    omega2: EffectSize | None = None
    epsilon2: EffectSize | None = None
    kruskal_n: int = 0
    conf: float = 0.95
    warnings: tuple[str, ...] = ()
    welch_p_adjusted: float = math.nan  # across the dimensions, by the analysis' ``adjust``
    kruskal_p_adjusted: float = math.nan
    # the scores behind Welch's ANOVA (its groups only: a group without variance is left out
    # of it but not of Kruskal-Wallis); the report's group-test table shows it (review 10a, 7)
    welch_n: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "welch_anova": {
                "f": plain(self.welch_f),
                "df1": plain(self.welch_df1),
                "df2": plain(self.welch_df2),
                "p": plain(self.welch_p),
                "p_adjusted": plain(self.welch_p_adjusted),
                "omega2": None
                if self.omega2 is None
                else {**self.omega2.to_dict(), "estimator": OMEGA2_ESTIMATOR},
                "n": self.welch_n,
                "groups": list(self.welch_groups),
                "left_out": dict(self.left_out.get("welch_anova", {})),
            },
            "kruskal_wallis": {
                "h": plain(self.kruskal_h),
                "df": plain(self.kruskal_df),
                "p": plain(self.kruskal_p),
                "p_adjusted": plain(self.kruskal_p_adjusted),
                "n": self.kruskal_n,
                "epsilon2": None if self.epsilon2 is None else self.epsilon2.to_dict(),
                "groups": list(self.kruskal_groups),
                "left_out": dict(self.left_out.get("kruskal_wallis", {})),
            },
            "games_howell": records(self.games_howell),
            "games_howell_conf": self.conf,
            "dunn": records(self.dunn),
            "dunn_adjust": "holm",
            "warnings": list(self.warnings),
        }


# Below this many scores per group the Welch statistics lean on variances estimated from very few
# values; Games-Howell and Welch's ANOVA then run liberal (Games & Howell 1976 recommend n >= 6).
SMALL_GROUP = 6


MIN_GROUP_N = 2
"""Valid dimension gaps a group needs to take part in any across-group test."""
ELIGIBILITY = (
    f"every across-group test (Welch, Games-Howell, Kruskal-Wallis, Dunn) uses the groups with "
    f"at least {MIN_GROUP_N} valid dimension gaps; Welch and Games-Howell also need variance"
)


def _too_few(size: int) -> str | None:
    """Why a group of ``size`` valid gaps takes part in no test (None: it is eligible).

    >>> _too_few(0), _too_few(1), _too_few(2)
    ('no valid dimension gap', 'fewer than 2 valid dimension gaps', None)
    """
    if size == 0:
        return "no valid dimension gap"
    return f"fewer than {MIN_GROUP_N} valid dimension gaps" if size < MIN_GROUP_N else None


def compare_groups(
    dim: str, samples: Mapping[str, np.ndarray], conf: float
) -> tuple[GroupComparison, inference.WelchPairs | None]:
    """One dimension's across-group tests, Games-Howell's table left empty: it is made from
    the returned pairs for all dimensions together (:func:`with_games_howell`)."""
    kw_out = {k: why for k, g in samples.items() if (why := _too_few(g.size)) is not None}
    kw_names = [k for k in samples if k not in kw_out]
    welch_names = [k for k in kw_names if np.ptp(samples[k]) > 0]
    welch_out = {k: kw_out.get(k, "no variance (all gaps equal)")
                 for k in samples if k not in welch_names}  # fmt: skip
    nan = math.nan
    empty = pd.DataFrame()
    warnings = []
    small = [f"{k} ({samples[k].size})" for k in welch_names if samples[k].size < SMALL_GROUP]
    if len(welch_names) >= 2 and small:
        warnings.append(
            f"{dim}: groups with fewer than {SMALL_GROUP} scores behind Welch's ANOVA and "
            f"Games-Howell: {', '.join(small)}; their p-values and intervals are approximate"
        )
    if len(welch_names) >= 2:
        welch = inference.welch_anova([samples[k] for k in welch_names])
        # Games-Howell's studentized range: for every dimension at once, by the caller
        gh_pairs = inference.welch_pairs([samples[k] for k in welch_names], welch_names)
        welch_stats = (float(welch.statistic), float(welch.df1), float(welch.df2), float(welch.p))
        welch_n = int(sum(samples[k].size for k in welch_names))
        # ω² from the ordinary ANOVA's F and df (N − k), never Welch's df2 (review item 4)
        omega2: EffectSize | None = omega_squared_f(
            *oneway_anova_f([samples[k] for k in welch_names]), conf=conf
        )
    else:
        welch_stats, gh_pairs, omega2, welch_n = (nan, nan, nan, nan), None, None, 0
    if len(kw_names) >= 2:
        ranks = group_ranks([samples[k] for k in kw_names])  # ranked once for both tests
        kw = kruskal_from_ranks(ranks)
        dunn = dunn_from_ranks(ranks, kw_names, adjust="holm")
        kw_n = int(sum(samples[k].size for k in kw_names))
        kw_stats = (float(kw.statistic), float(kw.df1), float(kw.p))
        epsilon2: EffectSize | None = rank_epsilon_squared(kw_stats[0], kw_n)
    else:
        kw_stats, dunn, kw_n, epsilon2 = (nan, nan, nan), empty, 0, None
    comparison = GroupComparison(
        dimension=dim,
        welch_f=welch_stats[0],
        welch_df1=welch_stats[1],
        welch_df2=welch_stats[2],
        welch_p=welch_stats[3],
        kruskal_h=kw_stats[0],
        kruskal_df=kw_stats[1],
        kruskal_p=kw_stats[2],
        games_howell=empty,
        dunn=dunn,
        welch_groups=tuple(welch_names),
        kruskal_groups=tuple(kw_names),
        left_out={"welch_anova": welch_out, "kruskal_wallis": kw_out},
        omega2=omega2,
        epsilon2=epsilon2,
        kruskal_n=kw_n,
        welch_n=welch_n,
        conf=conf,
        warnings=tuple(warnings),
    )
    return comparison, gh_pairs


def with_games_howell(
    done: Sequence[tuple[GroupComparison, inference.WelchPairs | None]], conf: float
) -> list[GroupComparison]:
    """The comparisons with their Games-Howell tables, the studentized range evaluated for
    every dimension at once (each table as :func:`~servqual_cli.core.posthoc.games_howell`
    makes it alone)."""
    with_pairs = [(i, pairs) for i, (_, pairs) in enumerate(done) if pairs is not None]
    tables = inference.games_howell_from_pairs([pairs for _, pairs in with_pairs], conf)
    out = [comparison for comparison, _ in done]
    for (i, _), table in zip(with_pairs, tables, strict=True):
        out[i] = dataclasses.replace(out[i], games_howell=table)
    return out
