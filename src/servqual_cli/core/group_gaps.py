"""SERVQUAL gaps per group (e.g. per service unit) and tests across the groups.

The gap analysis (:mod:`servqual_cli.core.gaps`) for everyone and for each group, in one pass
over the item columns, and each dimension's across-group tests, whose methods, references and
eligibility rule are in :mod:`servqual_cli.core.group_tests`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.gaps import GapAnalysis, any_pair, assemble, check_rules
from servqual_cli.core.group_tests import (
    ELIGIBILITY,
    GroupComparison,
    compare_groups,
    with_games_howell,
)
from servqual_cli.core.respondent_scores import MinItems, scores_and_items
from servqual_cli.core.results import records
from servqual_cli.errors import DataError
from servqual_cli.threads import map_ordered


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
        tables = {name: res.dimensions for name, res in self.groups.items()}
        return across_groups(tables, "dimension", "p_t", self.adjust)

    @property
    def n_group_dimension_tests(self) -> int:
        """The tests made in the per-group table: the size of its adjustment family (a group
        or dimension with fewer than two gaps has no test, and is not counted)."""
        return int(np.isfinite(self.group_dimension_p["p_t"].to_numpy(dtype=float)).sum())

    @property
    def nothing_to_compare(self) -> str | None:
        """Why no across-group test ran at all: ``"one_group"`` (the ``--by`` column holds one
        group), ``"too_few_eligible"`` (fewer than two groups with
        :data:`~servqual_cli.core.group_tests.MIN_GROUP_N` valid gaps in every dimension), or
        None when some test ran."""
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


def across_groups(
    tables: Mapping[str, pd.DataFrame], key: str, p: str, adjust: str = "holm"
) -> pd.DataFrame:
    """Every group's every row's ``p`` adjusted as one family (groups × dimensions, or groups ×
    items): the family a reader scans in a per-group table. Shared by ``gap --by`` and
    ``knowledge-gap --by`` (review 13, finding 3: knowledge-gap adjusted within each group).

    Columns ``group, <key>, <p>, p_adjusted``; a NaN ``p`` (no test) is kept and not counted.

    >>> t = pd.DataFrame({"dimension": ["A", "B"], "p": [0.01, 0.04]})
    >>> across_groups({"x": t, "y": t}, "dimension", "p")["p_adjusted"].round(4).tolist()
    [0.04, 0.08, 0.04, 0.08]
    """
    frames = [t[[key, p]].assign(group=name) for name, t in tables.items()]
    if not frames:
        return pd.DataFrame(columns=["group", key, p, "p_adjusted"])
    table = pd.concat(frames, ignore_index=True)[["group", key, p]]
    table["p_adjusted"] = inference.p_adjust(table[p].to_numpy(dtype=float), adjust)
    return table


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
    post-hoc comparisons; the groups each test uses: :mod:`~servqual_cli.core.group_tests`.
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
        return compare_groups(scores.dimensions[j], samples, conf)

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
    comparisons = with_games_howell(done[1 + len(kept) :], conf)
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
