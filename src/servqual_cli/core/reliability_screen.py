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
    from servqual_cli.core.cfa import CFAResult

__all__ = ["PROBLEMS", "coefficient_problem", "screen_cfa", "with_omega"]

NOT_CONVERGED = "not_converged"
HEYWOOD = "heywood"
OUT_OF_RANGE = "out_of_range"
PROBLEMS = (NOT_CONVERGED, HEYWOOD, OUT_OF_RANGE)  # in the order they are checked
# Rounding slack: a proportion computed as 1.0000000000000002 is still 1.
_SLACK = 1e-9


def coefficient_problem(
    value: float | None, *, converged: bool = True, heywood: bool = False
) -> str | None:
    """Why a variance share (ω, CR, AVE) from a fitted model cannot be reported, or None.

    The fit's own failures come first: a fit that did not converge, then a Heywood case; then a
    value outside [0, 1]. A missing or NaN value has no problem of its own (it shows as "–"
    already and its cause is reported where it arose).

    Examples
    --------
    >>> coefficient_problem(0.82), coefficient_problem(2.205), coefficient_problem(-0.1)
    (None, 'out_of_range', 'out_of_range')
    >>> coefficient_problem(0.7, converged=False), coefficient_problem(0.7, heywood=True)
    ('not_converged', 'heywood')
    >>> coefficient_problem(float("nan")) is None, coefficient_problem(1.0 + 1e-12) is None
    (True, True)
    """
    if not converged:
        return NOT_CONVERGED
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
    warnings: tuple[str, ...] | None = None,
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
        None if value is None else coefficient_problem(value, converged=converged, heywood=heywood)
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


def cfa_omega_problem(fit: CFAResult) -> str | None:
    """Why the CFA's ω total of the whole scale cannot be reported, or None."""
    return coefficient_problem(
        fit.omega_total, converged=fit.converged, heywood=bool(cfa_heywood_factors(fit))
    )


def screen_cfa(fit: CFAResult) -> CFAResult:
    """The CFA with CR, AVE and ω total withdrawn (NaN) where they cannot be reported.

    ``factors`` gains the column ``problem`` (None or one of :data:`PROBLEMS`) per factor: every
    factor when the fit did not converge, a factor with a negative residual variance (Heywood),
    and a factor whose CR or AVE lies outside [0, 1]. ω total (over all the factors) is withdrawn
    when the fit did not converge, has a Heywood case in any factor, or lies outside [0, 1]. Fit
    indices stay; ``converged`` says whether to believe them.
    """
    heywood = cfa_heywood_factors(fit)
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
