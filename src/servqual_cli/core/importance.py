"""Derived importance: which dimension drives an overall quality or satisfaction item.

The overall item is regressed by ordinary least squares on the respondents' dimension scores
(gaps, or perceptions), over the respondents with the overall item and every dimension valid
(complete cases; the number is shown). Reported per dimension: b, its SE, t interval and p,
the standardized coefficient beta = b · sd(x) / sd(y), and Johnson's (2000) relative weight:

- R_xx = V Λ V' (eigen decomposition of the predictors' correlation matrix), Λ* = V Λ^½ V' the
  correlations of the predictors with their closest orthogonal counterparts Z;
- β_Z = Λ*⁻¹ r_xy (the regression of y on Z); ε_j = Σ_k λ*_jk² β_Z,k².

The ε_j sum to R² and, unlike the betas, split it fairly between correlated predictors.

Collinearity (review 13, finding 1: four SERVQUAL dimension gaps correlated 0.89-0.93 gave a
significant *negative* b for a dimension whose own correlation with the overall item was
positive, and |β| > 1, with no word): each dimension's variance inflation factor
VIF_j = 1 / (1 − R²_j) is the j-th diagonal element of R_xx⁻¹ (R ``car::vif`` on the ``lm``),
and the result names the dimensions with VIF > 5, with b of the opposite sign to their
zero-order correlation r with the overall item and an interval that excludes 0 (a b the data
cannot tell from 0 has no sign to contradict r: with uncorrelated dimensions and a b and r near
0, the signs differ by chance), or with |β| > 1. For those, b and β are not weights; the
relative weights are.

With survey weights (``--weight-column``, ``[survey] weight_column``) the same result is
estimated as R ``survey::svyglm`` by :mod:`~servqual_cli.core.weighted_importance`, through
:func:`assemble`; ``Importance.unweighted`` then keeps this module's OLS of the same respondents.

References: Johnson, J. W. (2000). A heuristic method for estimating the relative weight of
predictor variables in multiple regression. *Multivariate Behavioral Research* 35(1), 1-19.
R ``lm()`` / ``confint()`` for the OLS part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from servqual_cli.core.model_tests import OverallF, overall_f
from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError

VIF_LIMIT = 5.0
"""VIF above which a dimension is named as collinear: James, Witten, Hastie & Tibshirani (2013),
*An Introduction to Statistical Learning*, §3.3.3 ("a VIF value that exceeds 5 or 10 indicates a
problematic amount of collinearity"); the stricter of the two, as a sign flip already shows at
VIF 7 in review 13's example."""


@dataclass(frozen=True)
class Importance:
    """OLS of the overall item on dimension scores with relative weights.

    ``coefficients`` columns: dimension, b, se, ci_low, ci_high, p, beta, r_overall (the
    zero-order correlation with the overall item, same respondents), vif, relative_weight,
    relative_share (the weight as a share of R²). ``f_test``: the model's F test of R² = 0
    (:func:`~servqual_cli.core.model_tests.overall_f`, R ``summary(lm())$fstatistic``).
    ``vif_high``, ``sign_differs``, ``beta_beyond_one``: the dimensions with VIF >
    :data:`VIF_LIMIT`, with b of the opposite sign to r_overall and its interval excluding 0,
    with |β| > 1 (``collinear``:
    any of them, in the table's order).
    """

    overall: str
    predictors: str
    n: int
    n_incomplete: int
    r2: float
    adj_r2: float
    intercept: float
    coefficients: pd.DataFrame
    f_test: OverallF
    conf: float = 0.95
    vif_high: tuple[str, ...] = ()
    sign_differs: tuple[str, ...] = ()
    beta_beyond_one: tuple[str, ...] = ()
    # --weight-column (core/weighted_importance.py): the column, the respondents left out for a
    # missing weight or counted with weight 0, and the unweighted fit of the same respondents
    weight_column: str | None = None
    n_missing_weight: int = 0
    n_zero_weight: int = 0
    unweighted: Importance | None = None

    @property
    def collinear(self) -> tuple[str, ...]:
        """Every dimension named by a collinearity check, in the table's order."""
        named = {*self.vif_high, *self.sign_differs, *self.beta_beyond_one}
        return tuple(d for d in self.coefficients["dimension"] if d in named)

    def to_dict(self) -> dict[str, Any]:
        skip = ("coefficients", "f_test", "unweighted")
        head = {k: plain(v) for k, v in self.__dict__.items() if k not in skip}
        head["rule"] = "complete cases: overall item and every dimension score valid"
        if self.weight_column is not None:
            from servqual_cli.core.weighted_importance import METHOD

            head["rule"] += ", and a weight"
            head["method"] = METHOD
        head["collinearity_rule"] = (
            f"named when VIF > {VIF_LIMIT:g}, b of the opposite sign to r_overall with its "
            "interval excluding 0, or |beta| > 1"
        )
        out = {
            **head,
            "coefficients": records(self.coefficients),
            "f_test": self.f_test.to_dict(),
        }
        if self.unweighted is not None:
            out["unweighted"] = self.unweighted.to_dict()
        return out


def weights_from_correlations(r_all: np.ndarray) -> np.ndarray:
    """Johnson's (2000) relative weights (they sum to R²) from the correlation matrix of the
    predictors and, last, the outcome: the fit's own matrix, the weighted one under survey
    weights (:mod:`~servqual_cli.core.weighted_importance`). The only path to the weights: a
    ``relative_weights(x, y)`` from unweighted correlations had no caller but its test, and
    could not serve the weighted fit, which needs its weighted matrix (s18 a-xlsx).

    >>> weights_from_correlations(np.array([[1.0, 0.0, 0.6], [0.0, 1.0, 0.3], [0.6, 0.3, 1.0]]))
    array([0.36, 0.09])
    >>> x = np.array([[1.0, 2], [2, 1], [3, 4], [4, 3], [5, 6]])
    >>> y = np.array([1.0, 3, 2, 5, 4])
    >>> w = weights_from_correlations(np.corrcoef(np.column_stack([x, y]), rowvar=False))
    >>> w.round(4).tolist(), round(float(w.sum()), 4)
    ([0.7526, 0.2207], 0.9733)
    """
    rxx, rxy = r_all[:-1, :-1], r_all[:-1, -1]
    evals, evecs = np.linalg.eigh(rxx)
    lam = evecs @ np.diag(np.sqrt(np.clip(evals, 0.0, None))) @ evecs.T
    beta = np.linalg.solve(lam, rxy)
    return np.asarray((lam**2) @ beta**2, dtype=float)


def derived_importance(
    overall: np.ndarray,
    scores: np.ndarray,
    dimensions: Sequence[str],
    overall_name: str = "overall",
    predictors: str = "gap",
    conf: float = 0.95,
) -> Importance:
    """OLS of ``overall`` on the dimension ``scores`` with standardized betas and relative weights.

    Parameters
    ----------
    overall : ndarray (n_respondents,)
        The overall quality or satisfaction item, NaN where missing.
    scores : ndarray (n_respondents, n_dimensions)
        Respondent dimension scores (gaps or perceptions), NaN where invalid.
    dimensions : sequence of str
    overall_name, predictors : str
        Labels carried into the result (the overall column; "gap" or "perception").
    conf : float
        Confidence level of the coefficient intervals.

    Raises
    ------
    DataError
        Too few complete respondents for the number of dimensions, or a constant or perfectly
        collinear predictor.

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> x = rng.normal(size=(200, 3))
    >>> y = 2 + x @ np.array([1.0, 0.5, 0.0]) + rng.normal(size=200)
    >>> r = derived_importance(y, x, ["A", "B", "C"])
    >>> r.coefficients["b"].round(1).tolist(), round(r.r2, 2)
    ([1.1, 0.5, -0.0], 0.55)
    >>> (r.f_test.df1, r.f_test.df2), r.f_test.p < 1e-10
    ((3, 196), True)
    >>> r.coefficients["vif"].round(2).tolist(), r.collinear
    ([1.01, 1.01, 1.01], ())
    """
    y_all = np.asarray(overall, dtype=float).reshape(-1)
    x_all = np.asarray(scores, dtype=float)
    k = x_all.shape[1]
    ok = ~np.isnan(y_all) & ~np.isnan(x_all).any(axis=1)
    y, x = y_all[ok], x_all[ok]
    n = y.size
    design = check_rows(y, x, overall_name)
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    df = n - k - 1
    sigma2 = float(resid @ resid) / df
    se = np.sqrt(np.diag(np.linalg.inv(design.T @ design)) * sigma2)
    tss = float(((y - y.mean()) ** 2).sum())
    r2 = 1.0 - float(resid @ resid) / tss
    r_all = np.atleast_2d(np.corrcoef(np.column_stack([x, y]), rowvar=False))
    beta = coef[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)
    return assemble(Fit(coef, se, df, r2, beta, r_all, overall_f(r2, n, k)), dimensions,
                    overall_name, predictors, n, int((~ok).sum()), conf)  # fmt: skip


def check_rows(y: np.ndarray, x: np.ndarray, overall_name: str) -> np.ndarray:
    """The design matrix (a column of ones, then ``x``) of the complete respondents, or a
    :class:`DataError`: too few of them for the dimensions, or a constant or collinear column."""
    n, k = x.shape
    if n < k + 2:
        raise DataError(
            f"derived importance needs at least {k + 2} respondents with {overall_name!r} and "
            f"every dimension valid, got {n}",
            code="importance_too_few",
            facts={"need": k + 2, "name": overall_name, "n": n},
        )
    design = np.column_stack([np.ones(n), x])
    if np.linalg.matrix_rank(design) < k + 1 or np.ptp(y) == 0:
        raise DataError(
            f"derived importance: {overall_name!r} or a dimension score is constant or "
            "collinear with the others",
            code="importance_constant",
            facts={"name": overall_name},
        )
    return design


@dataclass(frozen=True)
class Fit:
    """One regression's numbers before the table: coefficients (intercept first), their SEs,
    the residual df, R², the betas, the correlation matrix of the dimensions and the overall
    item (last) and the model's F test; OLS (:func:`derived_importance`) or survey-weighted
    (:func:`~servqual_cli.core.weighted_importance.weighted_importance`)."""

    coef: np.ndarray
    se: np.ndarray
    df: int
    r2: float
    beta: np.ndarray
    r_all: np.ndarray
    f_test: OverallF


def assemble(
    fit: Fit,
    dimensions: Sequence[str],
    overall_name: str,
    predictors: str,
    n: int,
    n_incomplete: int,
    conf: float,
    **extra: Any,
) -> Importance:
    """The :class:`Importance` of ``fit``: t-based p and interval on the fit's df (R
    ``summary.lm``/``summary.svyglm`` and ``confint``), relative weights, VIF and r from its
    correlation matrix, the collinearity checks; ``extra``: the weighted fields."""
    coef, se, df, k = fit.coef, fit.se, fit.df, len(fit.coef) - 1
    tval = coef / se
    p = 2.0 * special.stdtr(df, -np.abs(tval))
    half = special.stdtrit(df, 0.5 + conf / 2.0) * se
    adj = 1.0 - (1.0 - fit.r2) * (n - 1) / (n - k - 1)
    rw = weights_from_correlations(fit.r_all)
    r_xy = fit.r_all[:-1, -1]
    vif = np.diag(np.linalg.inv(fit.r_all[:-1, :-1]))  # VIF_j = 1 / (1 − R²_j): car::vif
    names = np.asarray(list(dimensions), dtype=object)
    low, high = coef[1:] - half[1:], coef[1:] + half[1:]
    flips = (coef[1:] * r_xy < 0) & ((low > 0) | (high < 0))
    beta = fit.beta
    table = pd.DataFrame(
        {
            "dimension": list(dimensions),
            "b": coef[1:],
            "se": se[1:],
            "ci_low": low,
            "ci_high": high,
            "p": p[1:],
            "beta": beta,
            "r_overall": r_xy,
            "vif": vif,
            "relative_weight": rw,
            "relative_share": rw / rw.sum(),
        }
    )
    return Importance(overall_name, predictors, n, n_incomplete, fit.r2, adj, float(coef[0]),
                      table, fit.f_test, conf,
                      tuple(names[vif > VIF_LIMIT]), tuple(names[flips]),
                      tuple(names[np.abs(beta) > 1.0]), **extra)  # fmt: skip
