"""Confirmatory factor analysis by maximum likelihood, matching ``lavaan::cfa`` defaults.

Model: each item loads on exactly one factor, factors correlate freely, residuals are
uncorrelated. Estimation minimises the ML discrepancy

    F(θ) = log|Σ(θ)| + tr(S Σ(θ)⁻¹) - log|S| - p,   Σ = Λ Φ Λᵀ + Θ,

with S the covariance matrix of the complete rows using divisor N (lavaan's
``likelihood = "normal"``), so chi² = N F_min. The fit is invariant to how the factors are
scaled; internally factor variances are fixed to 1 (lavaan's ``std.lv = TRUE``), which gives the
same chi², df and standardized solution as lavaan's default marker parameterisation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy import special

from servqual_cli.core.caveats import Caveat, caveat_records, data_error, usage_error
from servqual_cli.core.factor import smc
from servqual_cli.core.pairwise import item_matrix
from servqual_cli.core.results import plain, records
from servqual_cli.errors import DataError, UsageError

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class CFAResult:
    """Fit and standardized solution of a CFA.

    Attributes
    ----------
    n : int
        Complete rows used (listwise deletion, lavaan's default).
    chi2, df, p : float, int, float
        Likelihood-ratio test against the saturated model (chi² = N F_min).
    cfi, tli, rmsea, rmsea_ci_low, rmsea_ci_high, srmr : float
        As ``lavaan::fitMeasures`` (90% RMSEA interval; SRMR is lavaan's Bentler SRMR).
    baseline_chi2, baseline_df : float, int
        Independence model.
    loadings : pandas.DataFrame
        Columns ``factor``, ``item``, ``std_loading`` (lavaan's std.all), ``residual_var``
        (standardized residual variance, 1 - R²) and ``r2``.
    factor_cor : pandas.DataFrame
        Factor correlation matrix (factors x factors).
    factors : pandas.DataFrame
        Columns ``factor``, ``n_items``, ``composite_reliability``, ``ave``.
    problem : str or None
        Why the fit indices, CR, AVE and ω are withdrawn (NaN), set by
        :func:`~servqual_cli.core.reliability_screen.screen_cfa` (e.g. ``"too_few_rows"``).
    omega_total : float
        ω of the unweighted sum of all the model's items: 1ᵀΛΦΛᵀ1 / 1ᵀS1, the model-implied
        common variance over the observed variance of the total (Bentler 2009;
        ``semTools::compRelSEM(fit, return.total = TRUE)`` with its default ``obs.var = TRUE``).
    """

    n: int
    chi2: float
    df: int
    p: float
    cfi: float
    tli: float
    rmsea: float
    rmsea_ci_low: float
    rmsea_ci_high: float
    srmr: float
    baseline_chi2: float
    baseline_df: int
    loadings: pd.DataFrame = field(repr=False)
    factor_cor: pd.DataFrame = field(repr=False)
    factors: pd.DataFrame = field(repr=False)
    converged: bool = True
    warnings: tuple[Caveat, ...] = ()
    omega_total: float = math.nan
    problem: str | None = None

    @property
    def n_parameters(self) -> int:
        """Free parameters: p loadings, p residual variances and the m(m-1)/2 factor
        correlations (lavaan's ``npar`` for the same model)."""
        p = len(self.loadings)
        m = len(self.factor_cor)
        return 2 * p + m * (m - 1) // 2

    def to_dict(self) -> dict[str, Any]:
        """Fit measures as plain numbers plus ``loadings``, ``factor_correlations``
        (``{"factor_a", "factor_b", "r"}``), ``factors`` and ``warnings`` as lists."""
        fit_keys = (
            "chi2",
            "p",
            "cfi",
            "tli",
            "rmsea",
            "rmsea_ci_low",
            "rmsea_ci_high",
            "srmr",
            "baseline_chi2",
            "omega_total",
        )
        out: dict[str, Any] = {"n": self.n, "df": self.df, "baseline_df": self.baseline_df}
        out.update({k: plain(getattr(self, k)) for k in fit_keys})
        out["converged"] = self.converged
        out["n_parameters"] = self.n_parameters
        out["problem"] = self.problem
        out["loadings"] = records(self.loadings)
        names = list(self.factor_cor.columns)
        cor = self.factor_cor.to_numpy()
        out["factor_correlations"] = [
            {"factor_a": names[i], "factor_b": names[j], "r": plain(cor[i, j])}
            for i in range(len(names))
            for j in range(i + 1, len(names))
        ]
        out["factors"] = records(self.factors)
        out["warnings"] = [w.message for w in self.warnings]
        out["caveats"] = caveat_records(self.warnings)
        return out


def _check_model(
    data: pd.DataFrame, model: Mapping[str, Sequence[str]]
) -> tuple[list[str], list[str], NDArray[np.int64]]:
    if not model:
        raise usage_error("cfa_no_factors")  # every dimension of one item
    factors = [str(f) for f in model]
    items: list[str] = []
    owner: list[int] = []
    for f_idx, (factor, its) in enumerate(model.items()):
        if isinstance(its, str) or len(its) < 2:
            raise UsageError(f"factor {factor!r} needs at least 2 items, got {list(its)!r}")
        for item in its:
            if item in items:
                raise UsageError(f"item {item!r} is assigned to more than one factor")
            items.append(str(item))
            owner.append(f_idx)
    missing = [i for i in items if i not in data.columns]
    if missing:
        raise DataError(f"items in the CFA model are not in the data: {', '.join(missing)}")
    return factors, items, np.asarray(owner, dtype=np.int64)


class _Model:
    """Σ(θ), the ML discrepancy, its gradient and Fisher information for a simple structure."""

    def __init__(self, s: FloatArray, owner: NDArray[np.int64], m: int) -> None:
        self.s, self.owner, self.m = s, owner, m
        self.p = s.shape[0]
        self.pairs = np.array(
            [(f, g) for f in range(m) for g in range(f + 1, m)], dtype=np.int64
        ).reshape(-1, 2)
        self.logdet_s = float(np.linalg.slogdet(s)[1])

    def unpack(self, t: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        p, m = self.p, self.m
        lam = np.zeros((p, m))
        lam[np.arange(p), self.owner] = t[:p]
        phi = np.eye(m)
        if len(self.pairs):
            phi[self.pairs[:, 0], self.pairs[:, 1]] = t[p : p + len(self.pairs)]
            phi[self.pairs[:, 1], self.pairs[:, 0]] = t[p : p + len(self.pairs)]
        return lam, phi, t[p + len(self.pairs) :]

    def sigma(self, t: FloatArray) -> FloatArray:
        lam, phi, theta = self.unpack(t)
        return lam @ phi @ lam.T + np.diag(theta)

    def discrepancy(self, t: FloatArray) -> tuple[float, FloatArray]:
        lam, phi, _ = self.unpack(t)
        sig = lam @ phi @ lam.T + np.diag(t[self.p + len(self.pairs) :])
        sign, logdet = np.linalg.slogdet(sig)
        if sign <= 0:
            return math.inf, np.zeros_like(t)
        inv = np.linalg.inv(sig)
        f = logdet + float(np.trace(self.s @ inv)) - self.logdet_s - self.p
        g = inv @ (sig - self.s) @ inv  # dF/dΣ
        grad_lam = 2.0 * (g @ lam @ phi)[np.arange(self.p), self.owner]
        lgl = lam.T @ g @ lam
        grad_phi = 2.0 * lgl[self.pairs[:, 0], self.pairs[:, 1]] if len(self.pairs) else np.zeros(0)
        return f, np.concatenate([grad_lam, grad_phi, np.diag(g)])

    def derivatives(self, t: FloatArray) -> FloatArray:
        """∂Σ/∂θ_a for every parameter, shape (q, p, p)."""
        lam, phi, _ = self.unpack(t)
        p, idx = self.p, np.arange(self.p)
        a = (lam @ phi)[:, self.owner].T  # row i: column f(i) of ΛΦ
        d_lam = np.zeros((p, p, p))
        d_lam[idx, idx, :] = a
        d_lam[idx, :, idx] += a
        cols_f = lam[:, self.pairs[:, 0]].T
        cols_g = lam[:, self.pairs[:, 1]].T
        d_phi = cols_f[:, :, None] * cols_g[:, None, :] + cols_g[:, :, None] * cols_f[:, None, :]
        d_theta = np.zeros((p, p, p))
        d_theta[idx, idx, idx] = 1.0
        return np.concatenate([d_lam, d_phi, d_theta])

    def fisher(self, t: FloatArray) -> FloatArray:
        # Expected Hessian of F: H_ab = tr(Σ⁻¹ Σ_a Σ⁻¹ Σ_b) (Fisher scoring, as LISREL/lavaan).
        inv = np.linalg.inv(self.sigma(t))
        b = np.matmul(inv, self.derivatives(t))  # Σ⁻¹ Σ_a for every a, shape (q, p, p)
        q = b.shape[0]
        # tr(B_a B_b) = Σ_ij B_a[i, j] B_b[j, i]: one matrix product (BLAS), not an einsum loop.
        return b.reshape(q, -1) @ b.transpose(0, 2, 1).reshape(q, -1).T


def _rmsea_ci(x2: float, df: int, n: int, level: float = 0.90) -> tuple[float, float]:
    """RMSEA interval from the noncentral chi² (lavaan's ``lav_fit_rmsea_ci`` rules)."""
    from scipy import optimize  # here, not at import: only a fitted model needs it

    upper_p, lower_p = 1.0 - (1.0 - level) / 2.0, (1.0 - level) / 2.0

    def cdf(ncp: float) -> float:
        # scipy.stats.chi2.cdf / ncx2.cdf without importing scipy.stats (cdflib's chdtr, chndtr).
        return float(special.chdtr(df, x2) if ncp == 0 else special.chndtr(x2, df, ncp))

    if df < 1 or cdf(0.0) < upper_p:
        low = 0.0
    else:
        lam_l = optimize.brentq(lambda v: cdf(v) - upper_p, 0.0, x2, xtol=1e-12)
        low = math.sqrt(lam_l / (n * df))
    top = max(n, 4.0 * x2)
    if df < 1 or cdf(top) > lower_p or cdf(0.0) < lower_p:
        high = 0.0
    else:
        lam_u = optimize.brentq(lambda v: cdf(v) - lower_p, 0.0, top, xtol=1e-12)
        high = math.sqrt(lam_u / (n * df))
    return low, high


def cfa(data: pd.DataFrame, model: Mapping[str, Sequence[str]]) -> CFAResult:
    """Confirmatory factor analysis (ML) with lavaan's fit measures and standardized loadings.

    Parameters
    ----------
    data : pandas.DataFrame
        Item scores; rows with any model item missing are dropped (lavaan's default).
    model : mapping of factor name to its items
        Simple structure, e.g. ``{"tangibles": ["P1", "P2", "P3", "P4"], ...}``; each item on
        one factor, at least 2 items per factor.

    Notes
    -----
    chi² = N F_min with N the complete rows; df = p(p+1)/2 - (2p + m(m-1)/2).
    CFI = 1 - max(χ² - df, 0) / max(χ² - df, χ²_b - df_b, 0); TLI = 1 - [(χ² - df) df_b] /
    [(χ²_b - df_b) df]; RMSEA = sqrt(max(χ²/(N df) - 1/N, 0)) with a 90% interval from the
    noncentral chi²; SRMR = root mean square of (s_ij - σ_ij)/sqrt(s_ii s_jj) over i ≤ j.
    Composite reliability (Σλ)² / ((Σλ)² + Σ(1 - λ²)) and AVE = mean(λ²) use the
    standardized loadings (Fornell & Larcker 1981). Negative residual variances (Heywood
    cases) are not bounded, as lavaan, and are reported in ``warnings``.

    References
    ----------
    Jöreskog, K. G. (1969). A general approach to confirmatory maximum likelihood factor
    analysis. Psychometrika 34, 183-202. Fornell, C. & Larcker, D. F. (1981). Evaluating
    structural equation models with unobservable variables and measurement error. Journal of
    Marketing Research 18, 39-50. Rosseel, Y. ``lavaan::cfa``, ``fitMeasures``,
    ``standardizedSolution`` (lavaan 0.6.14; fit measures matched to 1e-6).

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> f = rng.multivariate_normal([0, 0], [[1, 0.4], [0.4, 1]], size=500)
    >>> x = np.repeat(f, 3, axis=1) * 0.8 + rng.normal(scale=0.6, size=(500, 6))
    >>> df = pd.DataFrame(x, columns=["a1", "a2", "a3", "b1", "b2", "b3"])
    >>> res = cfa(df, {"A": ["a1", "a2", "a3"], "B": ["b1", "b2", "b3"]})
    >>> res.df, res.n, bool(res.cfi > 0.95), round(float(res.factor_cor.iloc[0, 1]), 1)
    (8, 500, True, 0.4)
    """
    factors, items, owner = _check_model(data, model)
    x, _ = item_matrix(data[items])
    x = x[~np.isnan(x).any(axis=1)]
    n, p = x.shape
    m = len(factors)
    if n <= p:
        raise data_error("cfa_rows_le_items", n=n, k=p)
    centred = x - x.mean(axis=0)
    s = centred.T @ centred / n  # divisor N: lavaan's likelihood = "normal"
    if np.linalg.eigvalsh(s)[0] <= 1e-10 * np.trace(s) / p:
        raise data_error("cov_singular")
    n_par = 2 * p + m * (m - 1) // 2
    df = p * (p + 1) // 2 - n_par
    if df < 0:
        raise usage_error("cfa_not_identified", n=n_par, df=df)

    # Start: loadings from SMCs, factor correlations from unit-weighted composites.
    var = np.diag(s)
    h2 = np.clip(smc(s / np.sqrt(np.outer(var, var))), 0.1, 0.9)
    weights = np.eye(m)[owner]
    comp = weights.T @ s @ weights
    comp_r = comp / np.sqrt(np.outer(np.diag(comp), np.diag(comp)))
    from scipy import optimize  # here, not at import: 0.2-0.4 s that only a fit needs

    mod = _Model(s, owner, m)
    start = np.concatenate(
        [np.sqrt(h2 * var), comp_r[mod.pairs[:, 0], mod.pairs[:, 1]], (1 - h2) * var]
    )
    res = optimize.minimize(
        mod.discrepancy,
        start,
        jac=True,
        hess=mod.fisher,
        method="trust-exact",
        options={"gtol": 1e-9, "maxiter": 500},
    )
    t = np.asarray(res.x, dtype=np.float64)
    f_min, grad = mod.discrepancy(t)
    converged = bool(np.abs(grad).max() < 1e-6)

    lam, phi, theta = mod.unpack(t)
    # Marker convention (lavaan's default): each factor's first loading is positive.
    first = np.array([np.flatnonzero(owner == f)[0] for f in range(m)])
    signs = np.sign(lam[first, np.arange(m)])
    signs[signs == 0] = 1.0
    lam, phi = lam * signs, phi * np.outer(signs, signs)
    sig = lam @ phi @ lam.T + np.diag(theta)

    chi2 = n * f_min
    base_chi2 = n * float(np.log(var).sum() - mod.logdet_s)
    base_df = p * (p - 1) // 2
    t1, t2 = max(chi2 - df, 0.0), max(chi2 - df, base_chi2 - base_df, 0.0)
    cfi = (
        1.0
        if math.isclose(t1, 0.0, abs_tol=1e-8) and math.isclose(t2, 0.0, abs_tol=1e-8)
        else (1.0 - t1 / t2)
    )
    tli_den = (base_chi2 - base_df) * df
    tli = 1.0 - (chi2 - df) * base_df / tli_den if df > 0 and tli_den != 0 else 1.0
    rmsea = math.sqrt(max(chi2 / (n * df) - 1.0 / n, 0.0)) if df > 0 else 0.0
    ci_low, ci_high = _rmsea_ci(chi2, df, n)
    sd = np.sqrt(var)
    resid = (s - sig) / np.outer(sd, sd)
    srmr = math.sqrt(float((resid[np.tril_indices(p)] ** 2).mean()))

    std = lam[np.arange(p), owner] / np.sqrt(np.diag(sig))
    resid_std = theta / np.diag(sig)
    loadings = pd.DataFrame(
        {
            "factor": [factors[f] for f in owner],
            "item": items,
            "std_loading": std,
            "residual_var": resid_std,
            "r2": 1.0 - resid_std,
        }
    )
    sum_l = np.bincount(owner, weights=std, minlength=m)
    sum_e = np.bincount(owner, weights=1.0 - std**2, minlength=m)
    counts = np.bincount(owner, minlength=m)
    table = pd.DataFrame(
        {
            "factor": factors,
            "n_items": counts,
            "composite_reliability": sum_l**2 / (sum_l**2 + sum_e),
            "ave": np.bincount(owner, weights=std**2, minlength=m) / counts,
        }
    )
    warnings = [
        Caveat("heywood_cfa", {"item": i}) for i, v in zip(items, theta, strict=True) if v < 0
    ]
    if np.linalg.eigvalsh(phi)[0] < 0:
        warnings.append(Caveat("phi_not_pd"))
    if not converged:
        warnings.append(Caveat("cfa_not_converged"))
    return CFAResult(
        n=n,
        chi2=chi2,
        df=df,
        p=float(special.chdtrc(df, chi2)) if df > 0 else math.nan,
        cfi=cfi,
        tli=tli,
        rmsea=rmsea,
        rmsea_ci_low=ci_low,
        rmsea_ci_high=ci_high,
        srmr=srmr,
        baseline_chi2=base_chi2,
        baseline_df=base_df,
        loadings=loadings,
        factor_cor=pd.DataFrame(phi, index=factors, columns=factors),
        factors=table,
        converged=converged,
        warnings=tuple(warnings),
        omega_total=float((lam @ phi @ lam.T).sum() / s.sum()),
    )
