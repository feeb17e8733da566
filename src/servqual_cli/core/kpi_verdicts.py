"""A KPI's verdicts against its goal (the target, else the norm): of an interval
(:func:`verdicts`), of each group with the exact one-sided test of its share (worst first), and
the groups named below the goal after Holm's adjustment (:func:`below_goal`).

References
----------
.. [1] Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scandinavian
   Journal of Statistics* 6(2), 65-70.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import special

from servqual_cli.core.kpi_results import GROUP_COLUMNS, MIN_N, KpiResult
from servqual_cli.core.posthoc import holm
from servqual_cli.vocab.kpi import KpiSpec

ALPHA = 0.05  # a group is named below its goal when its Holm-adjusted p is below this


def verdicts(
    low: npt.ArrayLike, high: npt.ArrayLike, goal: float | None, higher_is_better: bool
) -> npt.NDArray[np.object_]:
    """Met / not met / cannot tell for intervals against a goal (None when no goal).

    >>> verdicts([0.66, 0.92, 0.70], [0.88, 0.97, 0.79], 0.80, True).tolist()
    ['cannot tell', 'met', 'not met']
    >>> verdicts([40.0], [70.0], 70, False).tolist()
    ['met']
    """
    lo, hi = np.atleast_1d(np.asarray(low, float)), np.atleast_1d(np.asarray(high, float))
    if goal is None:
        return np.full(lo.shape, None, dtype=object)
    good, bad = (lo >= goal, hi < goal) if higher_is_better else (hi <= goal, lo > goal)
    return np.select([good, bad], ["met", "not met"], "cannot tell").astype(object)


def _p_below(k: pd.Series, n: pd.Series, goal: float | None, higher: bool) -> npt.NDArray[Any]:
    """Exact one-sided binomial p of each group's share against the goal, in the bad
    direction (R ``binom.test(k, n, goal, alternative = "less")`` when higher is better); NaN
    without a goal or a count.

    >>> _p_below(pd.Series([3, 7]), pd.Series([6, 7]), 0.9, True).round(5).tolist()
    [0.01585, 1.0]
    """
    kk, nn = np.asarray(k, float), np.asarray(n, np.int64)
    if goal is None or not 0 < goal < 1:
        return np.full(kk.shape, np.nan)
    with np.errstate(invalid="ignore"):
        # P(X <= k) below a target; P(X >= k) = 1 - P(X <= k - 1) above a ceiling
        p = special.bdtr(kk, nn, goal) if higher else special.bdtrc(kk - 1, nn, goal)
    return np.where(nn > 0, np.minimum(p, 1.0), np.nan)


def judge_groups(groups: pd.DataFrame, min_n: int = MIN_N, alpha: float = ALPHA) -> pd.DataFrame:
    """Each group's verdict by the rule that names groups below the goal (:func:`below_goal`,
    review 3 finding 8; review 4 finding 11): ``too few`` under ``min_n`` cases; ``not met``
    only when the one-sided exact test's p, Holm-adjusted over the groups with at least
    ``min_n`` cases and a test, is below ``alpha``; an interval that misses the goal without
    that is ``cannot tell`` (one group among many misses it by chance); ``met`` from the
    interval stays. Keeps the interval's own verdict in ``interval_verdict`` and adds
    ``p_holm``.

    >>> g = pd.DataFrame({"group": ["a", "b", "c"], "n": [6, 40, 50],
    ...                   "verdict": ["not met", "not met", "met"],
    ...                   "p_below": [0.016, 0.03, 0.9]})
    >>> judge_groups(g)[["verdict", "interval_verdict", "p_holm"]].values.tolist()
    [['too few', 'not met', nan], ['cannot tell', 'not met', 0.06], ['met', 'met', 0.9]]
    >>> judge_groups(g, alpha=0.05)["verdict"].tolist() == judge_groups(judge_groups(g))[
    ...     "verdict"].tolist()
    True
    """
    interval = groups["interval_verdict"] if "interval_verdict" in groups else groups["verdict"]
    interval = interval.astype(object)
    n = groups["n"].to_numpy(dtype=float)
    p = groups["p_below"].to_numpy(dtype=float)
    screened = (n >= min_n) & np.isfinite(p)
    adjusted = np.full(len(groups), np.nan)
    if screened.any():
        adjusted[screened] = holm(p[screened])
    named = screened & (adjusted < alpha)
    text = interval.to_numpy(dtype=object)
    verdict = np.where(
        named,
        "not met",
        np.where(n < min_n, "too few", np.where(text == "not met", "cannot tell", text)),
    ).astype(object)
    verdict[pd.isna(text) & ~named & ~(n < min_n)] = None  # no goal: no verdict
    return groups.assign(verdict=verdict, interval_verdict=interval.to_numpy(), p_holm=adjusted)


def order_groups(
    groups: pd.DataFrame, spec: KpiSpec, counts: pd.Series | None = None, min_n: int = MIN_N
) -> tuple[pd.DataFrame, int]:
    """Verdicts from each group's interval, the one-sided exact test against the goal (shares
    only, from ``counts`` of successes) and :func:`judge_groups`' rule at ``min_n``, worst
    first; and the number of groups tested (the family Holm adjusted over). The one judgement
    of the groups: the result carries both, and no renderer judges again."""
    goal = spec.target if spec.target is not None else spec.norm
    p = np.full(len(groups), np.nan)
    if counts is not None and spec.statistic in ("share", "share_within"):
        p = _p_below(counts, groups["n"], goal, spec.higher_is_better)
    groups = groups.assign(
        verdict=verdicts(groups["ci_low"], groups["ci_high"], goal, spec.higher_is_better),
        p_below=p,
    )
    if goal is not None:
        groups = judge_groups(groups, min_n)
    else:
        groups = groups.assign(interval_verdict=groups["verdict"], p_holm=np.nan)
    ordered = groups.sort_values(
        "value", ascending=spec.higher_is_better, na_position="last", kind="stable"
    )
    tested = int(groups["p_holm"].notna().sum())  # p_holm is set exactly for the screened
    return ordered[GROUP_COLUMNS].reset_index(drop=True), tested


def below_goal(
    result: KpiResult, min_n: int | None = None, alpha: float = ALPHA
) -> tuple[pd.DataFrame, int]:
    """The groups shown to fall short of the goal, worst first, and the family size.

    A group is screened when it has at least ``min_n`` cases and a test (shares: the exact
    one-sided binomial test against the goal, ``p_below``); it is named when its p, Holm-adjusted
    over the screened groups, is below ``alpha``. Groups under ``min_n`` are never named: their
    values are "too few answers" elsewhere in the report (review 3, finding 8). The returned
    frame has the group columns and ``p_holm``.

    Without ``min_n`` (or with the result's own ``min_n`` and the default ``alpha``) this is the
    judgement the result carries (:attr:`KpiResult.below`, ``groups_tested``), made once when
    the KPI was evaluated; every renderer asks this way. Another ``min_n`` or ``alpha`` judges
    the groups afresh by the same rule (:func:`judge_groups`), for a "what if".

    >>> from pathlib import Path
    >>> from servqual_cli.core.kpi import evaluate_kpi
    >>> spec = KpiSpec(1, "Svar", "resultat", Path("x.xlsx"), "share", target=0.9)
    >>> frame = pd.DataFrame({"row": range(96), "success": [True] * 74 + [False] * 22,
    ...                       "group": ["a"] * 40 + ["b"] * 50 + ["c"] * 6})
    >>> r = evaluate_kpi(spec, frame)
    >>> named, family = below_goal(r)
    >>> named["group"].tolist(), family, r.min_n
    (['b'], 2, 30)
    >>> named, family = below_goal(r, min_n=45)
    >>> named["group"].tolist(), family
    (['b'], 1)
    """
    if (min_n is None or min_n == result.min_n) and alpha == ALPHA:
        return result.below, result.groups_tested
    g = result.groups
    if not len(g) or result.goal is None:
        return g.iloc[:0], 0
    judged = judge_groups(g, result.min_n if min_n is None else min_n, alpha)
    named = judged[judged["verdict"].eq("not met").to_numpy(dtype=bool)]
    return named.reset_index(drop=True), int(judged["p_holm"].notna().sum())
