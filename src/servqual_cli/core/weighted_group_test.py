"""Design-based test of whether survey-weighted dimension gaps differ between groups.

The weighted counterpart of the unweighted tests between the groups (Welch's ANOVA,
Kruskal-Wallis; :mod:`~servqual_cli.core.group_gaps`), as R does it: for dimension j the design
``svydesign(ids = ~1, weights = ~w)`` of the respondents with a gap, the regression
``svyglm(g ~ group, design)`` and its Wald test of the group term, ``regTermTest(model,
~group)``. The model's coefficients are the groups' weighted mean gaps μ̂_d = Σ_d w_i g_i /
Σ_d w_i (any full-rank coding of the groups gives the same test), and their sandwich
(linearised) covariance is diagonal, because each respondent's score lies in one group only:

    v_d = N / (N − 1) · Σ_{i in d} z_i²,  z_i = w_i (g_i − μ̂_d) / Σ_d w_i

(Binder 1983; Lumley 2010, §5.2, ``svy.varcoef``), where N is the design's n: every respondent
with a gap, in a group or not. R keeps it when rows leave the model (``design[-nas, ]`` and
``subset`` keep each row's stratum size), so v_d is the squared SE of the group's weighted gap
in the per-group table (:mod:`~servqual_cli.core.weighted_group_gaps`, a domain of the same
design), and is taken from there (:func:`~servqual_cli.core.weighted_group_gaps.domain_means`):
this module adds only the Wald test. The Wald
statistic of "every μ_d equal" is then

    X² = Σ_d (μ̂_d − μ̄)² / v_d,  μ̄ = Σ_d (μ̂_d / v_d) / Σ_d (1 / v_d),

and ``regTermTest`` refers F = X² / (K − 1) to F(K − 1, n − K): the denominator df is the
model's ``df.residual``, the design's df (n − 1) less the K − 1 group coefficients. The p-values
are adjusted across the dimensions (Holm by default), the family of the unweighted tests.

Which respondents and groups take part: those with a gap, a weight and a group (``svyglm``
drops the others with ``na.action``; n, the model's respondents, counts only them), in the
groups the unweighted Welch ANOVA would use: at
least :data:`~servqual_cli.core.group_tests.MIN_GROUP_N` gaps and some variance (a group of one
respondent, or of equal gaps, has v_d = 0 and makes the covariance singular). Fewer than two
such groups: no test (NaN). A respondent with weight 0 stays in the design's N but not in n, a
group's size or the df, as R (``degf`` counts positive weights only; tests/core/r/zero_weights.R).

References
----------
Binder, D. A. (1983). On the variances of asymptotically normal estimators from complex
surveys. *International Statistical Review* 51, 279-292.
Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §5.2 (svyglm) and
§5.3 (regTermTest's Wald F with the design's denominator df).
R package ``survey``: ``svyglm``, ``regTermTest``; reference values in
tests/core/r/weighted_group_test.R.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from servqual_cli.core import inference
from servqual_cli.core.group_gaps import _group_codes
from servqual_cli.core.group_tests import MIN_GROUP_N, SMALL_GROUP
from servqual_cli.core.results import plain, records
from servqual_cli.core.survey_weights import check_weights, zero_weights
from servqual_cli.core.weighted_group_gaps import domain_means

__all__ = ["METHOD", "WeightedGroupTests", "unweighted_differ", "weighted_group_tests"]

METHOD = (
    "design-based Wald test as R survey: svyglm(g ~ group, svydesign(ids = ~1, weights = ~w)) "
    "on the respondents with a gap and a group, regTermTest(model, ~group): F = Wald X² / "
    "(groups − 1), df2 = n − groups (the model's residual df); groups with at least "
    f"{MIN_GROUP_N} gaps and some variance; p adjusted across the dimensions"
)

COLUMNS = ["dimension", "k", "n", "f", "df1", "df2", "p", "p_adjusted"]


@dataclass(frozen=True)
class WeightedGroupTests:
    """The design-based Wald F of each dimension: do the groups' weighted gaps differ?

    ``table`` columns: :data:`COLUMNS` (one row per dimension, in the given order; ``k`` the
    groups in the test, ``n`` its respondents). ``groups``: per dimension the groups in the
    test; ``left_out``: per dimension the groups left out, with why; ``small``: per dimension
    the groups in the test with fewer than :data:`~servqual_cli.core.group_tests.SMALL_GROUP`
    gaps, with their n (a variance from so few respondents makes F liberal, as Welch's).
    """

    column: str
    by: str
    table: pd.DataFrame
    groups: tuple[tuple[str, ...], ...]
    left_out: tuple[dict[str, str], ...]
    adjust: str
    small: tuple[dict[str, int], ...] = ()
    n_zero_weight: int = 0  # respondents with weight 0: in the design, not in n or df
    # the dimensions whose unweighted Welch ANOVA reaches the other conclusion, and whether the
    # comparison was made (:func:`unweighted_differ`; review 15, finding 5)
    differ: tuple[dict[str, Any], ...] = ()
    compared: bool = False

    @property
    def n_tests(self) -> int:
        """The tests made: the size of the adjustment family."""
        return int(np.isfinite(self.table["p"].to_numpy(dtype=float)).sum())

    def to_dict(self) -> dict[str, Any]:
        rows = records(self.table)
        small = self.small or tuple({} for _ in rows)
        for row, names, out, few in zip(rows, self.groups, self.left_out, small, strict=True):
            row["groups"] = list(names)
            row["left_out"] = dict(out)
            row["small_groups"] = dict(few)
        return {
            "weight_column": self.column,
            "by": self.by,
            "method": METHOD,
            "adjust": self.adjust,
            "family": "dimensions with a test",
            "small_group": SMALL_GROUP,
            "n_tests": plain(self.n_tests),
            "n_zero_weight": plain(self.n_zero_weight),
            "dimensions": rows,
            # null when not compared; [] when every tested dimension agrees
            "unweighted_differ": [plain(r) for r in self.differ] if self.compared else None,
        }


def weighted_group_tests(
    gap: np.ndarray,
    dimensions: Sequence[str],
    weights: np.ndarray,
    column: str,
    groups: Sequence[Any] | np.ndarray,
    by: str,
    adjust: str = "holm",
    unweighted: Sequence[Any] | None = None,
) -> WeightedGroupTests:
    """``regTermTest(svyglm(g ~ group, design), ~group)`` for each dimension's gaps.

    ``gap``: respondent dimension gaps (n, k), NaN where a respondent has none; ``weights``:
    one per respondent (NaN: left out); ``groups``: one label per respondent (None, NaN,
    blank: no group, left out of the test). ``unweighted``: the unweighted analysis'
    :class:`~servqual_cli.core.group_tests.GroupComparison` per dimension, whose Welch
    conclusions are compared (:func:`unweighted_differ`).

    Examples
    --------
    >>> g = np.array([[-1.0], [-2.0], [0.5], [1.0], [2.5], [0.0], [np.nan]])
    >>> w = np.array([1.0, 2.0, 1.0, 3.0, 1.0, 2.0, 1.0])
    >>> t = weighted_group_tests(g, ["A"], w, "Vikt", list("aaabbbb"), "K").table.iloc[0]
    >>> int(t["k"]), int(t["n"]), round(float(t["f"]), 4), int(t["df2"]), round(float(t["p"]), 4)
    (2, 6, 6.6525, 4, 0.0614)

    (R: ``regTermTest(svyglm(g ~ grp, design), ~grp)`` gives F = 6.652505 on 1 and 4 df,
    p = 0.061376.)
    """
    ww = check_weights(weights, column)
    arr = np.asarray(gap, dtype=float)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    codes, names = _group_codes(groups)
    k_all = len(names)
    # each group's weighted mean gap and its squared linearised SE, a domain of the dimension's
    # design: the per-group table's own numbers (one computation, weighted_group_gaps)
    dom, dims = domain_means(arr, ww, codes, k_all), arr.shape[1]
    mean = dom["mean"].to_numpy(dtype=float).reshape(k_all, dims)
    var = dom["se"].to_numpy(dtype=float).reshape(k_all, dims) ** 2
    rows, kept, dropped, small = [], [], [], []
    for j in range(dims):  # a loop over the dimensions; the respondents are vectorised
        stats, inside, out, few = _one_dimension(arr[:, j], ww, codes, names, mean[:, j], var[:, j])
        rows.append(stats)
        kept.append(inside)
        dropped.append(out)
        small.append(few)
    table = pd.DataFrame(rows, columns=COLUMNS[1:-1])
    table.insert(0, "dimension", list(dimensions))
    table["p_adjusted"] = inference.p_adjust(table["p"].to_numpy(dtype=float), adjust)
    differ = () if unweighted is None else tuple(unweighted_differ(table, unweighted))
    return WeightedGroupTests(column, by, table[COLUMNS], tuple(kept), tuple(dropped), adjust,
                              tuple(small), zero_weights(ww), differ,
                              unweighted is not None)  # fmt: skip


def unweighted_differ(
    table: pd.DataFrame, comparisons: Sequence[Any], alpha: float = 0.05
) -> list[dict[str, Any]]:
    """The dimensions where the weighted Wald test and the unweighted Welch ANOVA disagree on
    whether the groups differ (each on its p adjusted across the dimensions, at ``alpha``).

    Review 15, finding 5: Bemötande's weighted p (Holm) was 0,044 and Welch's 0,114, and only
    the dimension table said where weighted and unweighted readings part (core.weighted_tests.
    differing). Welch is the unweighted test of the same question (equal mean gaps); a
    dimension without both tests has no conclusion to compare and is left out.

    Each row carries both tests' respondents, ``n`` (the weighted test's: a valid weight above
    0) and ``welch_n`` (Welch's: every gap in its groups): review 17, finding 24, the line
    credited "population vs sample" for a difference partly made by the respondents without a
    valid weight, whom only Welch counts.

    >>> from types import SimpleNamespace as C
    >>> t = pd.DataFrame({"dimension": ["A", "B", "C"], "p_adjusted": [0.044, 0.2, 0.01],
    ...                   "n": [112, 113, 113]})
    >>> u = [C(dimension="A", welch_p_adjusted=0.114, welch_n=117),
    ...      C(dimension="B", welch_p_adjusted=0.3, welch_n=118),
    ...      C(dimension="C", welch_p_adjusted=float("nan"), welch_n=118)]
    >>> unweighted_differ(t, u)
    [{'dimension': 'A', 'p_adjusted': 0.044, 'welch_p_adjusted': 0.114, 'weighted_differs': True,
      'n': 112, 'welch_n': 117}]
    """
    welch = {str(c.dimension): c for c in comparisons}
    rows = []
    for r in table.to_dict("records"):
        c = welch.get(str(r["dimension"]))
        if c is None:  # no Welch test of this dimension: nothing to compare
            continue
        p_w, p_u = float(r["p_adjusted"]), float(c.welch_p_adjusted)
        if np.isnan(p_w) or np.isnan(p_u) or (p_w < alpha) == (p_u < alpha):
            continue
        rows.append({"dimension": str(r["dimension"]), "p_adjusted": p_w,
                     "welch_p_adjusted": p_u, "weighted_differs": bool(p_w < alpha),
                     "n": int(r["n"]), "welch_n": int(c.welch_n)})  # fmt: skip
    return rows


def _one_dimension(
    g: np.ndarray,
    w: np.ndarray,
    codes: np.ndarray,
    names: list[str],
    mean: np.ndarray,
    var: np.ndarray,
) -> tuple[list[float], tuple[str, ...], dict[str, str], dict[str, int]]:
    """One dimension's (k, n, F, df1, df2, p), the groups in the test, those left out and the
    small ones in it, from every group's weighted mean gap and its variance (``mean``, ``var``:
    one per group, :func:`~servqual_cli.core.weighted_group_gaps.domain_means`)."""
    nan = float("nan")
    k_all = len(names)
    in_group = ~np.isnan(g) & ~np.isnan(w) & (codes >= 0)
    # a weight of 0 is in the design but not in the model's n or df (R's degf counts positive
    # weights only), nor in a group's size or spread: its linearised score is 0
    ok = in_group & (w > 0)
    c, gv = codes[ok], g[ok]
    rows = np.bincount(codes[in_group], minlength=k_all)
    size = np.bincount(c, minlength=k_all)
    low = np.full(k_all, np.inf)
    high = np.full(k_all, -np.inf)
    np.minimum.at(low, c, gv)
    np.maximum.at(high, c, gv)
    eligible = (size >= MIN_GROUP_N) & (high > low)
    out = {}
    for i in np.flatnonzero(~eligible):  # the few groups left out, with why
        if rows[i] == 0:
            out[names[i]] = "no valid dimension gap"
        elif size[i] == 0:
            out[names[i]] = "no positive weight"
        elif rows[i] < MIN_GROUP_N:
            out[names[i]] = f"fewer than {MIN_GROUP_N} valid dimension gaps"
        elif size[i] < MIN_GROUP_N:
            out[names[i]] = f"fewer than {MIN_GROUP_N} valid dimension gaps with a positive weight"
        else:
            out[names[i]] = "no variance (all gaps equal)"
    inside = tuple(names[i] for i in np.flatnonzero(eligible))
    k = len(inside)
    if k < 2:
        return [k, 0, nan, nan, nan, nan], inside, out, {}
    few = {names[i]: int(size[i]) for i in np.flatnonzero(eligible & (size < SMALL_GROUP))}
    n = int(size[eligible].sum())
    mu, v = mean[eligible], var[eligible]
    scale = np.abs(gv).max() * float(np.finfo(np.float64).eps) * 10.0
    if not (np.sqrt(v) > scale).all():  # a variance that is rounding noise: no test
        return [k, n, nan, nan, nan, nan], inside, out, few
    precision = 1.0 / v
    centre = (precision * mu).sum() / precision.sum()
    chisq = float((precision * (mu - centre) ** 2).sum())
    df1, df2 = k - 1.0, float(n - k)
    f = chisq / df1
    p = float(special.fdtrc(df1, df2, f)) if df2 >= 1 else nan
    return [k, n, f, df1, df2 if df2 >= 1 else nan, p], inside, out, few
