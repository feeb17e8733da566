"""SERVQUAL gaps of two survey years compared per dimension (independent samples).

Different years ask different respondents, so the comparison is between independent samples:
per dimension, each respondent's gap score (mean item gap P - E, :func:`respondent_scores`) in
one year against the other's. Reported: mean gap each year, the difference (after - before)
with Welch's t interval, Welch's t-test p and the Mann-Whitney p (the scores are means of
ordinal answers; R ``wilcox.test`` with its defaults), Hedges' g (pooled SD, exact J) with its
noncentral-t interval at ``conf`` (``hedges_g_low``, ``hedges_g_high``; as R
``effectsize::hedges_g``) and the smallest difference Welch's test detects with the given power
(``mdd``: the noncentral t with the Welch test's own SE and df, the test the verdict follows).
The overall row is the unweighted SERVQUAL score (mean of the five dimension gaps, respondents
with every dimension valid). A higher (less negative) gap is better.

Multiple testing (review 10a finding 6): the dimensions are one family, adjusted with
``adjust`` (``holm``, the default, ``bh`` or ``none``; R ``p.adjust``) into ``p_adjusted``, as
``servqual gap`` adjusts its five dimensions. The overall score is a family of its own (one
test, so its ``p_adjusted`` is its Welch p): it summarises the same answers rather than adding a
sixth question. The verdict follows the adjusted p at ``1 - conf`` together with the Welch
interval (unadjusted; better or worse only when both agree), and the MDD is computed at the
level the row's own p must be below for its adjusted p to pass, the other p-values as they are
(:func:`~servqual_cli.core.trend_family.reachable_levels`).

References
----------
.. [1] Parasuraman, A., Berry, L. L., & Zeithaml, V. A. (1991). Refinement and reassessment of
   the SERVQUAL scale. *Journal of Retailing* 67(4), 420-450.
.. [2] Welch, B. L. (1947). *Biometrika* 34, 28-35.
.. [3] Hedges, L. V. (1981). *J. Educ. Stat.* 6(2), 107-128.
.. [4] Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §2.2, §5.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from servqual_cli.core.change_verdict import verdict
from servqual_cli.core.detectable_difference import mdd_welch
from servqual_cli.core.effect_sizes import hedges_g
from servqual_cli.core.gap_columns import TIE_DECIMALS
from servqual_cli.core.inference import mann_whitney, welch_t
from servqual_cli.core.posthoc import p_adjust
from servqual_cli.core.respondent_scores import respondent_scores
from servqual_cli.core.small_samples import mark_small_base
from servqual_cli.core.survey_weights import check_weights, design_t, weighted_means
from servqual_cli.core.thresholds import MIN_N
from servqual_cli.core.trend_family import reachable_levels

__all__ = ["OVERALL", "SMALL_BASE_COLUMNS", "SURVEY_COLUMNS", "WEIGHTED_COLUMNS",
           "WEIGHTED_METHOD", "compare_survey_gaps", "compare_weighted_gaps", "family_adjusted",
           "gap_scores"]  # fmt: skip

OVERALL = "Overall"
SURVEY_COLUMNS = ["dimension", "before", "after", "diff", "ci_low", "ci_high", "p_welch",
                  "p_adjusted", "p_mann_whitney", "hedges_g", "hedges_g_low", "hedges_g_high",
                  "n_before", "n_after", "mdd", "verdict"]  # fmt: skip
WEIGHTED_COLUMNS = ["dimension", "before", "after", "se_before", "se_after", "diff", "se", "df",
                    "ci_low", "ci_high", "p", "p_adjusted", "n_before", "n_after", "n_eff_before",
                    "n_eff_after", "unweighted_before", "unweighted_after", "verdict"]  # fmt: skip
# after the old columns, so readers of the older JSON/CSV keep their positions (f-trend's order)
SMALL_BASE_COLUMNS = ["small_base", "min_n"]
WEIGHTED_METHOD = (
    "weighted means Σwx/Σw per year; change = difference of the weighted means with a "
    "linearised (sandwich) SE, the years as independent strata, t test and interval with "
    "n - 3 df: as R survey::svyglm(gap ~ year, svydesign(ids = ~1, strata = ~year, "
    "weights = ~w)); calibration is not redone, so the SEs are conservative"
)


def gap_scores(
    expectation: np.ndarray, perception: np.ndarray, dimensions: Mapping[str, Sequence[int]]
) -> pd.DataFrame:
    """Per respondent: the gap of each dimension and the unweighted overall score.

    >>> E = np.array([[7.0, 6.0], [5.0, 5.0]])
    >>> P = np.array([[5.0, 6.0], [5.0, np.nan]])
    >>> gap_scores(E, P, {"A": [0], "B": [1]}).values.tolist()
    [[-2.0, 0.0, -1.0], [0.0, nan, nan]]
    """
    scores = respondent_scores(expectation, perception, dimensions)
    frame = pd.DataFrame(scores.gap, columns=list(scores.dimensions))
    complete = ~np.isnan(scores.gap).any(axis=1)
    overall = np.full(scores.gap.shape[0], np.nan)
    # As overall_score.overall_score, rounded like the dimension gaps so that equal scores stay
    # ties for the Mann-Whitney test (a mean of five rounded gaps carries noise in the last bits).
    overall[complete] = np.round(scores.gap[complete].mean(axis=1), TIE_DECIMALS)
    frame[OVERALL] = overall
    return frame


def family_adjusted(p: np.ndarray, family: np.ndarray, adjust: str) -> np.ndarray:
    """``p`` adjusted (``adjust``, R ``p.adjust``) over the rows in ``family`` (the dimensions);
    the other rows (the overall score: a family of one) keep their own p.

    >>> family_adjusted(np.array([0.01, 0.04, 0.03]), np.array([True, True, False]), "holm")
    array([0.02, 0.04, 0.03])
    """
    adjusted = np.asarray(p, dtype=float).copy()
    adjusted[family] = p_adjust(adjusted[family], adjust)
    return adjusted


def compare_survey_gaps(
    before: pd.DataFrame,
    after: pd.DataFrame,
    conf: float = 0.95,
    power: float = 0.8,
    adjust: str = "holm",
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Compare two years' respondent gap scores (:func:`gap_scores`) column by column;
    ``adjust`` adjusts the dimensions' p-values as one family (the overall score alone);
    ``min_n``: respondents below which a year's value is a small base, and a change on it
    (:func:`~servqual_cli.core.small_samples.small_base`: n before or n after below ``min_n``).

    Returns
    -------
    DataFrame
        :data:`SURVEY_COLUMNS` and :data:`SMALL_BASE_COLUMNS`, one row per dimension and the
        overall score, in column order.

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> b = pd.DataFrame({"A": np.round(rng.normal(-1.0, 0.8, 60), 1)})
    >>> a = pd.DataFrame({"A": np.round(rng.normal(-0.4, 0.8, 60), 1)})
    >>> r = compare_survey_gaps(b, a).iloc[0]
    >>> r["verdict"], int(r["n_before"]), bool(r["ci_low"] < r["diff"] < r["ci_high"])
    ('better', 60, True)
    """
    rows = []
    tests = []  # each column's Welch SE and df, for its MDD at its adjusted level below
    alpha = 1.0 - conf
    for name in before.columns:  # a loop over the five dimensions and the overall score
        x = before[name].to_numpy(dtype=float)
        y = after[name].to_numpy(dtype=float)
        x, y = x[~np.isnan(x)], y[~np.isnan(y)]
        t = welch_t(y, x, conf)
        p_mw = mann_whitney(y, x).p
        g = hedges_g(y, x, conf)
        se = math.nan
        if math.isfinite(t.df):  # Welch's test has an SE (two answers a year, not constant)
            # the SE and df of the Welch test the verdict follows, not a pooled SD (an MDD for
            # another test beside the Welch verdict and interval could contradict them)
            se = math.sqrt(x.var(ddof=1) / x.size + y.var(ddof=1) / y.size)
        tests.append((se, t.df))
        rows.append(
            {
                "dimension": str(name),
                "before": float(x.mean()) if x.size else math.nan,
                "after": float(y.mean()) if y.size else math.nan,
                "diff": t.diff,
                "ci_low": t.ci_low,
                "ci_high": t.ci_high,
                "p_welch": t.p,
                "p_mann_whitney": p_mw,
                "hedges_g": t.hedges_g,
                "hedges_g_low": g.ci_low,
                "hedges_g_high": g.ci_high,
                "n_before": int(x.size),
                "n_after": int(y.size),
            }
        )
    frame = pd.DataFrame(rows)
    p = frame["p_welch"].to_numpy(dtype=float)
    family = frame["dimension"].ne(OVERALL).to_numpy()
    adjusted = family_adjusted(p, family, adjust)
    levels = np.full(p.shape, alpha)
    levels[family] = reachable_levels(p[family], alpha, adjust)
    levels[np.isnan(p)] = alpha  # no test: the MDD (NaN anyway) at the plain level
    frame["p_adjusted"] = adjusted
    frame["mdd"] = [mdd_welch(se, df, float(lv), power) if math.isfinite(se) else math.nan
                    for (se, df), lv in zip(tests, levels, strict=True)]  # fmt: skip
    frame["verdict"] = [verdict(float(d), float(q), 1, alpha, lo, hi)
                        for d, q, lo, hi in zip(frame["diff"], adjusted, frame["ci_low"],
                                                frame["ci_high"], strict=True)]  # fmt: skip
    # Session 15's rule, as compare_kpis decides it for the contact KPIs (f-trend, s16): shown,
    # judged like any other, marked wherever shown (w-trend2, s17); either year small
    return mark_small_base(frame[SURVEY_COLUMNS], "n_before", "n_after", min_n=min_n)


def compare_weighted_gaps(
    before: pd.DataFrame,
    after: pd.DataFrame,
    w_before: np.ndarray,
    w_after: np.ndarray,
    conf: float = 0.95,
    adjust: str = "holm",
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Compare two years' survey-weighted gap scores column by column (design-based).

    Each year's weighted mean and linearised SE are
    :func:`~servqual_cli.core.survey_weights.weighted_means` (R ``svymean``). The years are
    independent samples, i.e. two strata of one design, so the SE of the difference of the
    weighted means is √(SE_before² + SE_after²): the sandwich SE of the year coefficient of R
    ``svyglm(gap ~ year, svydesign(ids = ~1, strata = ~year, weights = ~w))`` [4]_. As
    ``summary.svyglm`` and ``confint``, p and the interval use the t distribution with the
    design's residual df, n_before + n_after - 3 (n - strata - coefficients + 1). A respondent
    without a weight or a score is left out of that column. The verdict follows this test at
    ``1 - conf`` (a change the interval cannot tell from zero is "no detectable change"), with
    the design p adjusted over the dimensions as in :func:`compare_survey_gaps` (``adjust``;
    the overall score a family of one; the interval per row, unadjusted).

    A small base (:func:`~servqual_cli.core.small_samples.small_base`, ``min_n``) is judged on
    Kish's effective n of the respondents with a score and a weight (``n_eff_before``,
    ``n_eff_after``), not their count: they carry what that many unweighted answers would.

    Returns
    -------
    DataFrame
        :data:`WEIGHTED_COLUMNS` and :data:`SMALL_BASE_COLUMNS`, one row per column of
        ``before`` (dimensions and overall).

    Examples
    --------
    >>> b = pd.DataFrame({"A": [-1.0, -2.0, -1.5, -0.5]})
    >>> a = pd.DataFrame({"A": [0.0, -0.5, -1.0, 0.5]})
    >>> r = compare_weighted_gaps(b, a, np.array([1.0, 3, 1, 1]), np.ones(4)).iloc[0]
    >>> float(r["before"]), float(r["after"]), float(r["diff"]), int(r["df"])
    (-1.5, -0.25, 1.25, 5)
    """
    w_b = check_weights(w_before, "before")
    w_a = check_weights(w_after, "after")
    cols = list(before.columns)
    sb = weighted_means(before[cols].to_numpy(dtype=float), w_b, conf)
    sa = weighted_means(after[cols].to_numpy(dtype=float), w_a, conf)
    diff = sa["mean"].to_numpy() - sb["mean"].to_numpy()
    se = np.sqrt(sb["se"].to_numpy() ** 2 + sa["se"].to_numpy() ** 2)
    n_b, n_a = sb["n"].to_numpy(), sa["n"].to_numpy()
    df = (n_b + n_a - 3).astype(float)  # svyglm: degf(design) + 1 - 2 coefficients
    df[df < 1] = np.nan
    # two years of equal scores: SE 0 (or rounding noise next to the means), no test
    scale = np.maximum(np.abs(sb["mean"].to_numpy()), np.abs(sa["mean"].to_numpy()))
    _, p, low, high = design_t(diff, se, df, conf, scale=scale)
    alpha = 1.0 - conf
    frame = pd.DataFrame(
        {
            "dimension": [str(c) for c in cols],
            "before": sb["mean"].to_numpy(),
            "after": sa["mean"].to_numpy(),
            "se_before": sb["se"].to_numpy(),
            "se_after": sa["se"].to_numpy(),
            "diff": diff,
            "se": se,
            "df": df,
            "ci_low": low,
            "ci_high": high,
            "p": p,
            "n_before": n_b,
            "n_after": n_a,
            "n_eff_before": sb["n_eff"].to_numpy(),
            "n_eff_after": sa["n_eff"].to_numpy(),
            "unweighted_before": sb["unweighted_mean"].to_numpy(),
            "unweighted_after": sa["unweighted_mean"].to_numpy(),
        }
    )
    adjusted = family_adjusted(p, frame["dimension"].ne(OVERALL).to_numpy(), adjust)
    frame["p_adjusted"] = adjusted
    frame["verdict"] = [verdict(float(d), float(q), 1, alpha, lo, hi)
                        for d, q, lo, hi in zip(diff, adjusted, frame["ci_low"], frame["ci_high"],
                                                strict=True)]  # fmt: skip
    return mark_small_base(frame[WEIGHTED_COLUMNS], "n_before", "n_after", min_n=min_n,
                           effective=("n_eff_before", "n_eff_after"))  # fmt: skip
