"""Derived importance under survey weights (``gap --overall --weight-column``).

Every other table of ``gap --weight-column`` is weighted; session 17 found the regression of the
overall item on the dimension scores was not, and the output did not say so. Here it is
estimated as R ``survey::svyglm(overall ~ d1 + … + dk, svydesign(ids = ~1, weights = ~w))`` on
the design of the complete respondents (the overall item, every dimension score and a weight;
rows without one dropped first, as ``weighted_pairs``):

- b = (X'WX)⁻¹ X'Wy, the weighted least squares point estimates;
- their sandwich (Taylor-linearised) covariance V = N/(N − 1) · A⁻¹ (Σ u_i u_i') A⁻¹ with
  A = X'WX and u_i = w_i e_i x_i (Binder 1983; Lumley 2010, §5.2; ``survey:::svy.varcoef``);
  N counts every row of the design, weight 0 included;
- t, p and the interval on the model's residual df, n − k − 1 with n the respondents of
  positive weight (``degf(design) + 1 − (k + 1)``: ``summary.svyglm``, ``confint``);
- the model's test: the Wald F of every b = 0, F = b'V⁻¹b / k on (k, n − k − 1) df
  (``regTermTest(model, ~d1 + … + dk)``), in place of the OLS F of R²;
- R² = 1 − Σw e² / Σw (y − ȳ_w)² (``1 - deviance / null.deviance`` of the svyglm);
- β, r, VIF and Johnson's relative weights from the weighted means and correlation matrix
  (``cov.wt(…, wt = w, cor = TRUE)``), so the weights still sum to the weighted R².

The unweighted fit of the same respondents is kept (``Importance.unweighted``) for JSON and CSV.

References
----------
Binder, D. A. (1983). On the variances of asymptotically normal estimators from complex
surveys. *International Statistical Review* 51, 279-292.
Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, §5.2 and §5.3.
Johnson, J. W. (2000). *Multivariate Behavioral Research* 35(1), 1-19.
R reference values: tests/core/r/weighted_importance.R.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import special

from servqual_cli.core.importance import (
    Fit,
    Importance,
    assemble,
    derived_importance,
)
from servqual_cli.core.model_tests import OverallF
from servqual_cli.core.survey_weights import check_weights

__all__ = ["METHOD", "weighted_importance"]

METHOD = (
    "weighted by the survey weights as R survey::svyglm(overall ~ dimensions, "
    "svydesign(ids = ~1, weights = ~w)) on the complete respondents with a weight: WLS b, "
    "linearised (sandwich) SEs, t on n − k − 1 df (n: positive weights); the model's test is "
    "the Wald F of every b = 0 (regTermTest); R², beta, r, VIF and the relative weights from "
    "the weighted correlation matrix; 'unweighted': the OLS of the same respondents"
)


def weighted_importance(
    overall: np.ndarray,
    scores: np.ndarray,
    dimensions: Sequence[str],
    weights: np.ndarray,
    column: str,
    overall_name: str = "overall",
    predictors: str = "gap",
    conf: float = 0.95,
) -> Importance:
    """Survey-weighted derived importance, with the unweighted fit of the same respondents.

    ``weights``: one per respondent (NaN: left out; 0: in the design's N, not in n or df).

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> x = rng.normal(size=(200, 2))
    >>> y = 2 + x @ np.array([1.0, 0.5]) + rng.normal(size=200)
    >>> r = weighted_importance(y, x, ["A", "B"], np.ones(200), "Vikt")
    >>> u = r.unweighted
    >>> bool(np.allclose(r.coefficients["b"], u.coefficients["b"])), r.weight_column
    (True, 'Vikt')
    >>> (r.f_test.df1, r.f_test.df2), round(r.r2 - u.r2, 12)
    ((2, 197), 0.0)
    """
    w_all = check_weights(weights, column)
    y_all = np.asarray(overall, dtype=float).reshape(-1)
    x_all = np.asarray(scores, dtype=float)
    k = x_all.shape[1]
    complete = ~np.isnan(y_all) & ~np.isnan(x_all).any(axis=1)
    ok = complete & ~np.isnan(w_all)
    y, x, w = y_all[ok], x_all[ok], w_all[ok]
    pos = w > 0
    n, big_n = int(pos.sum()), y.size
    # the unweighted fit checks the respondents that count (too few, constant, collinear: R's
    # degf counts positive weights only)
    unweighted = derived_importance(y[pos], x[pos], dimensions, overall_name, predictors, conf)
    design = np.column_stack([np.ones(big_n), x])
    a_inv = np.linalg.inv(design.T @ (design * w[:, None]))
    coef = a_inv @ (design.T @ (w * y))
    resid = y - design @ coef
    u = design * (w * resid)[:, None]
    u = u - u.mean(axis=0)  # svyrecvar centres the scores (they sum to 0 at the solution)
    cov = big_n / (big_n - 1.0) * (a_inv @ (u.T @ u) @ a_inv)
    se = np.sqrt(np.diag(cov))
    df = n - k - 1
    mean_y = float(w @ y / w.sum())
    r2 = 1.0 - float(w @ resid**2) / float(w @ (y - mean_y) ** 2)
    r_all, sd = _weighted_correlation(np.column_stack([x, y]), w)
    beta = coef[1:] * sd[:-1] / sd[-1]
    fit = Fit(coef, se, df, r2, beta, r_all, _wald_f(coef[1:], cov[1:, 1:], df))
    return assemble(fit, dimensions, overall_name, predictors, n, int((~complete).sum()), conf,
                    weight_column=column, n_missing_weight=int((complete & np.isnan(w_all)).sum()),
                    n_zero_weight=int((~pos).sum()), unweighted=unweighted)  # fmt: skip


def _weighted_correlation(z: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The weighted correlation matrix of the columns of ``z`` and their weighted SDs (any
    common divisor: only their ratios are used), as R ``cov.wt(z, wt = w, cor = TRUE)``.

    >>> c, _ = _weighted_correlation(np.array([[1.0, 2], [2, 1], [3, 4]]), np.array([1.0, 1, 2]))
    >>> round(float(c[0, 1]), 6)
    0.754337
    """
    centred = z - (w @ z) / w.sum()
    cov = (centred * w[:, None]).T @ centred / w.sum()
    sd = np.sqrt(np.diag(cov))
    return np.atleast_2d(cov / np.outer(sd, sd)), sd


def _wald_f(b: np.ndarray, cov: np.ndarray, df: int) -> OverallF:
    """``regTermTest``'s Wald F of every b = 0: b'V⁻¹b / k on (k, df); NaN below 1 df or with
    a singular V.

    >>> _wald_f(np.array([1.0]), np.zeros((1, 1)), 5).f
    nan
    """
    k = b.size
    nan = OverallF(float("nan"), k, df, float("nan"))
    if df < 1:
        return nan
    # an overall item the dimensions fit exactly: V is 0 or rounding noise next to b (F ~ 1e29),
    # no test, as R² = 1 in overall_f and design_t's "essentially constant"
    se = np.sqrt(np.clip(np.diag(cov), 0.0, None))
    if not (se > 10.0 * np.finfo(np.float64).eps * np.abs(b)).all():
        return nan
    try:
        f = float(b @ np.linalg.solve(cov, b)) / k
    except np.linalg.LinAlgError:
        return nan
    return OverallF(f, k, df, float(special.fdtrc(k, df, f)))
