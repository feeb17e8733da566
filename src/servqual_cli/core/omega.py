"""McDonald's omega total of a scale from a one-factor model (ML, as ``psych::omega`` with one
factor and ``factanal``), and the estimator names the outputs show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.caveats import Caveat, caveat_records
from servqual_cli.core.factor import extract_factors
from servqual_cli.core.pairwise import (
    ItemCovariance,
    Missing,
    flagged,
    item_covariance,
    item_matrix,
)
from servqual_cli.core.results import plain, records

OMEGA_ONE_FACTOR = "ω total, one-factor ML, uniqueness bounded at 0.005 as factanal"
OMEGA_CFA = (
    "ω total of the whole scale from the instrument's k-factor CFA (ML, complete rows), "
    "as semTools::compRelSEM(return.total = TRUE)"
)


@dataclass(frozen=True)
class OmegaResult:
    """McDonald's omega total from a one-factor model.

    Attributes
    ----------
    omega_total : float
    estimator : str
        How the one-factor model was fitted (always ML on the item covariance matrix here).
    loadings : pandas.DataFrame
        Columns ``item``, ``loading`` and ``residual_var`` (raw score scale, covariance with
        divisor n - 1) and ``std_loading`` (standardized).
    n : int
        Respondents behind the covariance matrix (as :attr:`AlphaResult.n`).
    warnings : tuple of Caveat
    converged : bool
        Whether the one-factor ML fit converged.
    heywood : tuple of str
        Items whose uniqueness stopped at the 0.005 bound (a Heywood case).
    """

    omega_total: float
    estimator: str
    loadings: pd.DataFrame = field(repr=False)
    n: int = 0
    warnings: tuple[Caveat, ...] = ()
    converged: bool = True
    heywood: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"omega_total", "estimator", "n", "loadings": [{"item", "loading",
        "residual_var", "std_loading"}], "warnings"}``."""
        return {
            "omega_total": plain(self.omega_total),
            "estimator": self.estimator,
            "n": self.n,
            "loadings": records(self.loadings),
            "warnings": [w.message for w in self.warnings],
            "caveats": caveat_records(self.warnings),
        }


def omega_total(items: pd.DataFrame, missing: Missing = "pairwise") -> OmegaResult:
    """McDonald's omega total, (Σλ)² / ((Σλ)² + Σθ), from a one-factor ML model.

    The one-factor model is fitted by maximum likelihood to the same covariance matrix
    :func:`cronbach_alpha` uses (pairwise or listwise) and omega is computed on the raw-score
    scale, so it is the reliability of the unweighted sum (or mean) score that alpha also
    describes. This equals omega from ``lavaan::cfa("f =~ ...", std.lv = TRUE)`` parameter
    estimates (matched to 1e-6) whenever no uniqueness reaches its bound. Uniquenesses are
    bounded below at 0.005 of each item's variance, as ``factanal(lower = 0.005)`` and
    ``psych::fa``, not as lavaan (which lets a residual variance go negative). In such a Heywood
    case omega is the bounded (factanal) estimate, which differs from lavaan's; ``warnings``
    and :attr:`OmegaResult.heywood` say so, and the scale's reported omega is withdrawn
    (:func:`~servqual_cli.core.reliability_screen.with_omega`). The estimator is named in
    :attr:`OmegaResult.estimator`.

    Parameters
    ----------
    items : pandas.DataFrame
        At least 3 items (a one-factor model of 2 items is not identified), reversed items
        already reversed.
    missing : {"pairwise", "listwise"}

    References
    ----------
    McDonald, R. P. (1999). Test theory: A unified treatment. Erlbaum, ch. 6.
    Jöreskog, K. G. (1967). Some contributions to maximum likelihood factor analysis.
    Psychometrika 32, 443-482. Rosseel, Y. ``lavaan::cfa`` (one factor, ML).

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> x = rng.normal(size=(300, 1)) + rng.normal(size=(300, 4))
    >>> res = omega_total(pd.DataFrame(x, columns=["E1", "E2", "E3", "E4"]))
    >>> round(res.omega_total, 2), res.estimator
    (0.8, 'ω total, one-factor ML, uniqueness bounded at 0.005 as factanal')
    """
    x, names = item_matrix(items, min_items=3)
    return omega_from_covariance(names, item_covariance(x, names, missing))


def omega_from_covariance(names: list[str], ic: ItemCovariance) -> OmegaResult:
    """:func:`omega_total` from the item covariance already computed (3 or more items)."""
    cov, n_used = ic.cov, ic.n
    sd = np.sqrt(cov.diagonal())
    corr = cov / np.outer(sd, sd)
    lam, psi, converged = extract_factors(corr, 1, "ml")
    std = lam[:, 0] * (1.0 if lam[:, 0].sum() >= 0 else -1.0)
    loading = std * sd
    residual = psi * sd**2
    omega = loading.sum() ** 2 / (loading.sum() ** 2 + residual.sum())
    warnings: list[Caveat] = []
    heywood = psi <= 0.005 + 1e-6
    if heywood.any():  # factanal's bound, where lavaan would go negative: no omega to report
        warnings.append(Caveat("heywood_one_factor", {"items": flagged(names, heywood)}))
    if not converged:
        warnings.append(Caveat("one_factor_not_converged"))
    negative = std < 0
    if negative.any():
        warnings.append(Caveat("negative_loadings", {"items": flagged(names, negative)}))
    table = pd.DataFrame(
        {"item": names, "loading": loading, "residual_var": residual, "std_loading": std}
    )
    return OmegaResult(float(omega), OMEGA_ONE_FACTOR, table, n_used, tuple(warnings),
                       bool(converged), tuple(np.asarray(names)[heywood]))  # fmt: skip
