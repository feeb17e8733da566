"""Which model-based reliability coefficients may be reported: ω, CR and AVE are proportions.

McDonald's ω, composite reliability (CR) and average variance extracted (AVE) are shares of
variance, so a value outside [0, 1] cannot be a reliability: it comes from a fit that did not
converge or that has a Heywood case (a residual variance at or below zero). Such a value is not
a result and is withdrawn here, where the scales are assembled, with the reason (one of
:data:`PROBLEMS`) that the renderers name ("cannot be computed: …"). The estimators themselves
(:func:`~servqual_cli.core.omega.omega_total`, :func:`~servqual_cli.core.cfa.cfa`) keep the
raw numbers; only what is reported is screened.

References
----------
Fornell, C., & Larcker, D. F. (1981). Evaluating structural equation models with unobservable
variables and measurement error. *Journal of Marketing Research* 18(1), 39-50 (CR and AVE).
Bentler, P. M., & Chou, C.-P. (1987). Practical issues in structural modeling. *Sociological
Methods & Research* 16(1), 78-117 (at least 5 cases per free parameter under normal theory).
Jackson, D. L. (2003). Revisiting sample size and number of parameter estimates: Some support
for the N:q hypothesis. *Structural Equation Modeling* 10(1), 128-141.
Kolenikov, S., & Bollen, K. A. (2012). Testing negative error variances: Is a Heywood case a
symptom of misspecification? *Sociological Methods & Research* 41(1), 124-167.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from servqual_cli.core.reliability import AlphaResult

if TYPE_CHECKING:
    from servqual_cli.core.caveats import Caveat
    from servqual_cli.core.cfa import CFAResult

__all__ = [
    "PROBLEMS",
    "coefficient_problem",
    "few_rows",
    "screen_cfa",
    "too_few_rows",
    "with_omega",
]

NOT_CONVERGED = "not_converged"
TOO_FEW_ROWS = "too_few_rows"
HEYWOOD = "heywood"
OUT_OF_RANGE = "out_of_range"
PROBLEMS = (NOT_CONVERGED, TOO_FEW_ROWS, HEYWOOD, OUT_OF_RANGE)  # in the order they are checked
# Bentler & Chou (1987): at least 5 complete rows per free parameter for an ML fit to be read
# without a caveat; below 1 (fewer rows than parameters, Jackson 2003) the fit is withdrawn.
ROWS_PER_PARAMETER = 5
ROWS_PER_PARAMETER_MIN = 1
# A CFA on fewer than half the rows analysed (listwise deletion) is named in a warning.
CFA_SHARE_MIN = 0.5
# Rounding slack: a proportion computed as 1.0000000000000002 is still 1.
_SLACK = 1e-9


def coefficient_problem(
    value: float | None,
    *,
    converged: bool = True,
    heywood: bool = False,
    too_few_rows: bool = False,
) -> str | None:
    """Why a variance share (ω, CR, AVE) from a fitted model cannot be reported, or None.

    The fit's own failures come first: a fit that did not converge, one on fewer rows than
    parameters, then a Heywood case; then a value outside [0, 1]. A missing or NaN value has no
    problem of its own (it shows as "–" already and its cause is reported where it arose).

    Examples
    --------
    >>> coefficient_problem(0.82), coefficient_problem(2.205), coefficient_problem(-0.1)
    (None, 'out_of_range', 'out_of_range')
    >>> coefficient_problem(0.7, converged=False), coefficient_problem(0.7, heywood=True)
    ('not_converged', 'heywood')
    >>> coefficient_problem(0.7, too_few_rows=True)
    'too_few_rows'
    >>> coefficient_problem(float("nan")) is None, coefficient_problem(1.0 + 1e-12) is None
    (True, True)
    """
    if not converged:
        return NOT_CONVERGED
    if too_few_rows:
        return TOO_FEW_ROWS
    if heywood:
        return HEYWOOD
    if value is None or math.isnan(value):
        return None
    if not -_SLACK <= value <= 1.0 + _SLACK:
        return OUT_OF_RANGE
    return None


def with_omega(
    scale: AlphaResult,
    value: float | None,
    estimator: str | None,
    *,
    converged: bool = True,
    heywood: bool = False,
    too_few_rows: bool = False,
    warnings: tuple[Caveat, ...] | None = None,
) -> AlphaResult:
    """``scale`` with its ω filled in, or withdrawn (None) with the reason in ``omega_problem``.

    >>> import pandas as pd
    >>> base = AlphaResult(30, 3, 0.2, 0.2, 0.1, 0.0, 0.4, "feldt", pd.DataFrame())
    >>> r = with_omega(base, 2.205, "CFA")
    >>> r.omega_total, r.omega_estimator, r.omega_problem
    (None, 'CFA', 'out_of_range')
    >>> with_omega(base, 0.81, "CFA").omega_total
    0.81
    """
    problem = (
        None
        if value is None
        else coefficient_problem(
            value, converged=converged, heywood=heywood, too_few_rows=too_few_rows
        )
    )
    return dataclasses.replace(
        scale,
        omega_total=None if problem else value,
        omega_estimator=estimator,
        omega_problem=problem,
        warnings=scale.warnings if warnings is None else warnings,
    )


def cfa_heywood_factors(fit: CFAResult) -> set[str]:
    """Factors with an item whose residual variance is negative (a Heywood case)."""
    loadings = fit.loadings
    return set(loadings.loc[loadings["residual_var"].astype(float) < 0, "factor"].astype(str))


def too_few_rows(fit: CFAResult) -> bool:
    """Whether the fit rests on fewer complete rows than free parameters (N:q below
    :data:`ROWS_PER_PARAMETER_MIN`): 22 items in 5 factors have 54 parameters.

    >>> too_few_rows(_fit(n=53, items=22, factors=5)), too_few_rows(_fit(54, 22, 5))
    (True, False)
    """
    return fit.n < ROWS_PER_PARAMETER_MIN * fit.n_parameters


def few_rows(fit: CFAResult) -> bool:
    """Whether the fit has fewer than :data:`ROWS_PER_PARAMETER` complete rows per free
    parameter (Bentler & Chou 1987), so that its values need a caveat: 54 parameters, 270 rows.

    >>> few_rows(_fit(n=269, items=22, factors=5)), few_rows(_fit(270, 22, 5))
    (True, False)
    """
    return fit.n < ROWS_PER_PARAMETER * fit.n_parameters


def _fit(n: int, items: int, factors: int) -> CFAResult:
    """A stand-in fit with ``n`` rows and the given model size (for the examples)."""
    from servqual_cli.core.cfa import CFAResult

    names = [f"f{i}" for i in range(factors)]
    return CFAResult(n, 0.0, 0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0,
                     pd.DataFrame(index=range(items)), pd.DataFrame(index=names, columns=names),
                     pd.DataFrame())  # fmt: skip


def cfa_omega_problem(fit: CFAResult) -> str | None:
    """Why the CFA's ω total of the whole scale cannot be reported, or None."""
    return coefficient_problem(
        fit.omega_total,
        converged=fit.converged,
        heywood=bool(cfa_heywood_factors(fit)),
        too_few_rows=too_few_rows(fit),
    )


def screen_cfa(fit: CFAResult) -> CFAResult:
    """The CFA with CR, AVE and ω total withdrawn (NaN) where they cannot be reported.

    ``factors`` gains the column ``problem`` (None or one of :data:`PROBLEMS`) per factor: every
    factor when the fit did not converge, a factor with a negative residual variance (Heywood),
    and a factor whose CR or AVE lies outside [0, 1]. ω total (over all the factors) is withdrawn
    when the fit did not converge, has a Heywood case in any factor, or lies outside [0, 1]. Fit
    indices stay when the fit did not converge (``converged`` says whether to believe them); on
    fewer rows than parameters (:func:`too_few_rows`) they are withdrawn too (NaN) and
    ``problem`` says why.
    """
    heywood = cfa_heywood_factors(fit)
    if too_few_rows(fit):
        f = fit.factors.copy()
        f["composite_reliability"] = np.nan
        f["ave"] = np.nan
        f["problem"] = pd.Series([TOO_FEW_ROWS] * len(f), index=f.index, dtype=object)
        nan = math.nan
        return dataclasses.replace(
            fit, factors=f, omega_total=nan, problem=TOO_FEW_ROWS, chi2=nan, p=nan, cfi=nan,
            tli=nan, rmsea=nan, rmsea_ci_low=nan, rmsea_ci_high=nan, srmr=nan,
        )  # fmt: skip
    f = fit.factors.copy()
    cr = f["composite_reliability"].to_numpy(dtype=float)
    ave = f["ave"].to_numpy(dtype=float)
    problems = []
    for name, c, a in zip(f["factor"].astype(str), cr, ave, strict=True):  # a loop over factors
        problem = coefficient_problem(c, converged=fit.converged, heywood=name in heywood)
        problems.append(problem or coefficient_problem(a))
    bad = np.array([p is not None for p in problems], dtype=bool)
    f["composite_reliability"] = np.where(bad, np.nan, cr)
    f["ave"] = np.where(bad, np.nan, ave)
    f["problem"] = pd.Series(problems, index=f.index, dtype=object)  # None stays None
    omega = math.nan if cfa_omega_problem(fit) else fit.omega_total
    return dataclasses.replace(fit, factors=f, omega_total=omega)
