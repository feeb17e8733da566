"""The overall F test of an OLS fit from its R², for the APA line of ``gap --overall``.

With k predictors and an intercept fitted to n complete cases,

    F = (R² / k) / ((1 − R²) / (n − k − 1)),  df = (k, n − k − 1),

and p is the upper tail of the F distribution (R ``summary(lm(...))$fstatistic`` and
``pf(F, k, n - k - 1, lower.tail = FALSE)``).

References
----------
Cohen, J., Cohen, P., West, S. G., & Aiken, L. S. (2003). *Applied Multiple
Regression/Correlation Analysis for the Behavioral Sciences*, 3rd ed., eq. 3.6.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scipy import special

from servqual_cli.core.results import plain

__all__ = ["OverallF", "overall_f"]


@dataclass(frozen=True)
class OverallF:
    """F, its degrees of freedom and p (NaN when n ≤ k + 1 or R² is 1)."""

    f: float
    df1: int
    df2: int
    p: float

    def to_dict(self) -> dict[str, Any]:
        return {k: plain(v) for k, v in self.__dict__.items()}


def overall_f(r2: float, n: int, k: int) -> OverallF:
    """The regression's F test of R² = 0.

    >>> r = overall_f(0.5, 23, 2)
    >>> r.f, r.df1, r.df2, round(r.p, 6)
    (10.0, 2, 20, 0.000977)
    """
    df2 = n - k - 1
    if k < 1 or df2 < 1 or not 0.0 <= r2 < 1.0:
        return OverallF(float("nan"), k, df2, float("nan"))
    f = (r2 / k) / ((1.0 - r2) / df2)
    return OverallF(f, k, df2, float(special.fdtrc(k, df2, f)))
