"""SERVQUAL gaps per group (e.g. per service unit) and tests across the groups.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
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
from servqual_cli.core.gaps import GapAnalysis, any_pair, assemble, check_rules
from servqual_cli.core.posthoc import dunn_from_ranks
from servqual_cli.core.ranktests import group_ranks, kruskal_from_ranks
from servqual_cli.core.respondent_scores import MinItems, scores_and_items
from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError
from servqual_cli.threads import map_ordered

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


@dataclass(frozen=True)
class GroupedGapAnalysis:
    """The gap analysis for all respondents and per group, with across-group comparisons."""

    by: str
    all: GapAnalysis
    groups: Mapping[str, GapAnalysis]
    comparisons: tuple[GroupComparison, ...]
    n_without_group: int
    skipped_groups: Mapping[str, str] = field(default_factory=dict)
    adjust: str = "holm"

    @property
    def group_dimension_p(self) -> pd.DataFrame:
        """Each group's dimension gap t-test p, adjusted over the family groups × dimensions.

        Columns ``group, dimension, p_t, p_adjusted`` (``adjust`` over every group's every
        dimension: the family a reader scans in the per-group table).
        """
        frames = [
            res.dimensions[["dimension", "p_t"]].assign(group=name)
            for name, res in self.groups.items()
        ]
        if not frames:
            return pd.DataFrame(columns=["group", "dimension", "p_t", "p_adjusted"])
        table = pd.concat(frames, ignore_index=True)[["group", "dimension", "p_t"]]
        table["p_adjusted"] = inference.p_adjust(table["p_t"].to_numpy(), self.adjust)
        return table

    @property
    def n_group_dimension_tests(self) -> int:
        """The tests made in the per-group table: the size of its adjustment family (a group
        or dimension with fewer than two gaps has no test, and is not counted)."""
        return int(np.isfinite(self.group_dimension_p["p_t"].to_numpy(dtype=float)).sum())

    @property
    def nothing_to_compare(self) -> str | None:
        """Why no across-group test ran at all: ``"one_group"`` (the ``--by`` column holds one
        group), ``"too_few_eligible"`` (fewer than two groups with :data:`MIN_GROUP_N` valid
        gaps in every dimension), or None when some test ran."""
        if len(self.groups) + len(self.skipped_groups) < 2:
            return "one_group"
        if all(len(c.kruskal_groups) < 2 for c in self.comparisons):
            return "too_few_eligible"
        return None

    def to_dict(self) -> dict[str, Any]:
        out = self.all.to_dict()
        out["by"] = self.by
        # Each group's own p_holm/p_adjusted adjust within the group only; the per-group table
        # adjusts over groups x dimensions (group_dimension_tests): named apart (review 3, #13).
        out["groups"] = {k: _within_group(v.to_dict()) for k, v in self.groups.items()}
        out["group_dimension_tests"] = {
            "adjust": self.adjust,
            "family": "groups x dimensions with a test",
            "n_tests": self.n_group_dimension_tests,
            "tests": records(self.group_dimension_p),
        }
        out["group_tests_rule"] = ELIGIBILITY
        out["group_tests_not_made"] = self.nothing_to_compare
        out["group_tests"] = [c.to_dict() for c in self.comparisons]
        out["n_without_group"] = self.n_without_group
        out["skipped_groups"] = dict(self.skipped_groups)
        return out


_WITHIN = {"p_holm": "p_holm_within_group", "p_adjusted": "p_adjusted_within_group"}


def _within_group(res: dict[str, Any]) -> dict[str, Any]:
    """A group's JSON with its adjusted p-values renamed ``*_within_group``.

    >>> _within_group({"dimensions": [{"p_holm": 0.1, "p_adjusted": 0.1, "gap": -1}],
    ...                "items": []})["dimensions"]
    [{'p_holm_within_group': 0.1, 'p_adjusted_within_group': 0.1, 'gap': -1}]
    """
    for level in ("dimensions", "items"):
        res[level] = [{_WITHIN.get(k, k): v for k, v in row.items()} for row in res[level]]
    return res


def grouped_gap_analysis(
    expectation: np.ndarray,
    perception: np.ndarray,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    groups: Sequence[Any] | np.ndarray,
    by: str,
    weights: np.ndarray | None = None,
    conf: float = 0.95,
    zero_method: str = "wilcox",
    adjust: str = "holm",
    min_items: MinItems = "half",
    weight_rule: str = "allocation",
) -> GroupedGapAnalysis:
    """:func:`gap_analysis` for everyone and per group, and across-group tests per dimension.

    ``groups`` holds one label per respondent (None/NaN = no group: in the total, not in any
    group, counted). Groups whose respondents have no valid E/P pair are skipped and reported.
    Across groups, per dimension: Welch's ANOVA (R ``oneway.test(var.equal = FALSE)``),
    Kruskal-Wallis (R ``kruskal.test``), Games-Howell (intervals at ``conf``) and Dunn (Holm)
    post-hoc comparisons; the groups each test uses are in the module docstring.
    """
    e = np.asfortranarray(expectation, dtype=float)  # one item (column) at a time below
    p = np.asfortranarray(perception, dtype=float)
    codes, names = _group_codes(groups)
    has_group = codes >= 0
    if e.shape[0] == 0 or not any_pair(e, p):
        raise DataError(
            "no respondent has a valid expectation/perception pair after cleaning",
            code="no_valid_pair",
        )
    check_rules(conf, zero_method, adjust)
    # Each group's rows as positions: one stable sort of the codes, then a slice per group.
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(names) + 1))
    rows_of = [order[bounds[i] : bounds[i + 1]] for i in range(len(names))]
    # One pass over the item columns for the total and every group (no copy of a group's rows),
    # and the respondents' dimension scores once, for the total, every group and the tests.
    scores, items_all, items_per_group = scores_and_items(e, p, dimensions, min_items, rows_of)
    rules = (conf, zero_method, adjust, min_items, weight_rule)
    w_all = None if weights is None else np.asarray(weights, dtype=float)
    no_pair = "no valid expectation/perception pair"
    pairs = zip(names, items_per_group, strict=True)
    skipped = {name: no_pair for name, stats in pairs if not stats.any_pair}

    def one_group(i: int) -> GapAnalysis:
        rows = rows_of[i]
        w = None if w_all is None else w_all[rows]
        result = assemble(items_per_group[i], items, dimensions, scores.take(rows), w, *rules)
        return dataclasses.replace(result, scores=None)  # the total's suffice

    def one_dimension(j: int) -> tuple[GroupComparison, inference.WelchPairs | None]:
        samples = {}
        for name, rows in zip(names, rows_of, strict=True):
            g = scores.gap[rows, j]
            samples[name] = g[~np.isnan(g)]
        return _compare(scores.dimensions[j], samples, conf)

    # The total, each group with a valid pair and each dimension's across-group tests are
    # independent: on threads for many respondents, each computed as on one thread.
    kept = [i for i, name in enumerate(names) if name not in skipped]
    jobs: list[Callable[[], Any]] = [
        lambda: assemble(items_all, items, dimensions, scores, weights, *rules),
        *(partial(one_group, i) for i in kept),
        *(partial(one_dimension, j) for j in range(len(scores.dimensions))),
    ]
    done = map_ordered(lambda job: job(), jobs, rows=e.shape[0])
    total: GapAnalysis = done[0]
    per_group: dict[str, GapAnalysis] = {
        names[i]: r for i, r in zip(kept, done[1 : 1 + len(kept)], strict=True)
    }
    comparisons = _with_games_howell(done[1 + len(kept) :], conf)
    # The omnibus p-values form one family per test: the dimensions.
    welch_adj = inference.p_adjust([c.welch_p for c in comparisons], adjust)
    kw_adj = inference.p_adjust([c.kruskal_p for c in comparisons], adjust)
    comparisons = [
        dataclasses.replace(c, welch_p_adjusted=float(w), kruskal_p_adjusted=float(k))
        for c, w, k in zip(comparisons, welch_adj, kw_adj, strict=True)
    ]
    return GroupedGapAnalysis(
        by=by,
        all=total,
        groups=per_group,
        comparisons=tuple(comparisons),
        n_without_group=int((~has_group).sum()),
        skipped_groups=skipped,
        adjust=adjust,
    )


def _group_codes(groups: Sequence[Any] | np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Each respondent's group as a code into the sorted group names (-1: no group).

    Labels are compared as stripped text; None, NaN and blank text are no group. The column is
    factorized once and only its distinct values are turned into text.

    >>> _group_codes(["b", None, " a", "b ", "", float("nan")])
    (array([ 1, -1,  0,  1, -1, -1]), ['a', 'b'])
    """
    raw_codes, uniques = pd.factorize(pd.Series(np.asarray(groups, dtype=object), dtype=object))
    text = [str(u).strip() for u in uniques]
    valid = np.array([t != "" for t in text] + [False], dtype=bool)  # last: code -1 (missing)
    names = sorted({t for t, ok in zip(text, valid[:-1], strict=True) if ok})
    position = {name: i for i, name in enumerate(names)}
    lookup = np.array([position[t] if ok else -1 for t, ok in zip(text, valid, strict=False)]
                      + [-1], dtype=np.int64)  # fmt: skip
    return lookup[raw_codes], names


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


def _compare(
    dim: str, samples: Mapping[str, np.ndarray], conf: float
) -> tuple[GroupComparison, inference.WelchPairs | None]:
    """One dimension's across-group tests, Games-Howell's table left empty: it is made from
    the returned pairs for all dimensions together (:func:`_with_games_howell`)."""
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


def _with_games_howell(
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
