"""Reliability and validity of an instrument: every dimension for E, P and gap, and the whole scale.

Composes :func:`~servqual_cli.core.reliability.cronbach_alpha`,
:func:`~servqual_cli.core.omega.omega_total` and the validity statistics of
:mod:`servqual_cli.core.factor` and :mod:`servqual_cli.core.cfa`. A scale that cannot be computed
(a constant item, a one-item dimension) is skipped with a warning instead of failing the run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from servqual_cli.core.alpha_screen import screen_low, screen_small
from servqual_cli.core.caveats import Caveat, caveat_of, caveat_records
from servqual_cli.core.factor import BartlettResult, EFAResult, KMOResult, bartlett_sphericity
from servqual_cli.core.factor import efa as run_efa
from servqual_cli.core.factor import kmo as run_kmo
from servqual_cli.core.factorability import Factorability, factorability
from servqual_cli.core.omega import OMEGA_CFA, OMEGA_ONE_FACTOR, omega_from_covariance, omega_total
from servqual_cli.core.pairwise import pairwise_corr
from servqual_cli.core.reliability import AlphaResult, alpha_parts, drop_constant_items
from servqual_cli.core.reliability_screen import (
    CFA_SHARE_MIN,
    ROWS_PER_PARAMETER,
    cfa_heywood_factors,
    few_rows,
    screen_cfa,
    too_few_rows,
    with_omega,
)
from servqual_cli.errors import ServqualError

if TYPE_CHECKING:  # the CFA module loads only where a CFA is fitted (not for `alpha`)
    from servqual_cli.core.cfa import CFAResult

Missing = Literal["pairwise", "listwise"]
SCORES = ("E", "P", "gap")


def scale_reliability(
    items: pd.DataFrame,
    name: str,
    missing: Missing = "pairwise",
    conf: float = 0.95,
    n_boot: int = 0,
    seed: int | None = None,
    omega: bool = True,
) -> AlphaResult:
    """Alpha with its item table and one-factor omega total for one scale (``omega``: fill in).

    >>> rng = np.random.default_rng(0)
    >>> f = rng.normal(size=200)
    >>> x = pd.DataFrame({f"i{j}": f + rng.normal(size=200) for j in range(4)})
    >>> r = scale_reliability(x, "demo")
    >>> r.scale, round(r.alpha, 2), r.omega_total is not None
    ('demo', 0.8, True)
    """
    # A constant item is left out with a warning (psych::alpha's rule), not the whole scale.
    items, left_out, dropped = drop_constant_items(items, missing)
    try:
        res, names, covariance = alpha_parts(items, missing, conf, n_boot, seed, name=name)
    except ServqualError as exc:  # e.g. one item left: say which were left out and why
        if left_out:
            why = caveat_of(exc)
            exc.caveat = replace(why, params={**why.params, "left_out": left_out})
            exc.message = exc.caveat.message
            exc.args = (exc.message,)
        raise
    res = screen_low(res)  # review 15 finding 2: α −0,06 of a gap dimension passed unremarked
    if dropped:
        res = replace(res, warnings=(*dropped, *res.warnings))
    res = screen_small(res)  # review 7 finding 9: n = 2 gave α −3 and "−∞" with no word on n
    if not omega:
        return res
    warnings = list(res.warnings)
    try:
        # omega_total on the same items, without computing their covariance a second time
        # (with fewer than 3 items omega_total raises before it would compute anything).
        om = (
            omega_from_covariance(names, covariance)
            if len(names) >= 3
            else omega_total(items, missing=missing)
        )
    except ServqualError as exc:  # e.g. too few items for a one-factor model
        warnings.append(Caveat("omega_not_computed", {"why": caveat_of(exc)}))
        return replace(res, warnings=tuple(warnings))
    warnings += list(om.warnings)
    # An omega from a fit that failed, or outside [0, 1], is withdrawn with its reason.
    return with_omega(res, om.omega_total, OMEGA_ONE_FACTOR, converged=om.converged,
                      heywood=bool(om.heywood), warnings=tuple(warnings))  # fmt: skip


@dataclass(frozen=True)
class Validity:
    """Validity statistics of one score set (E, P or gap) over all the instrument's items."""

    score: str
    kmo: KMOResult | None
    bartlett: BartlettResult | None
    efa: EFAResult | None
    cfa: CFAResult | None
    warnings: tuple[Caveat, ...] = ()
    missing: str = "pairwise"
    corr_n: int = 0
    cfa_rows: int = 0
    # KMO < 0.5 or Bartlett not significant: the EFA is not to be interpreted (review 13, 2)
    factorability: Factorability | None = None

    @property
    def matrix(self) -> str:
        """Which correlation matrix and rows fed KMO, Bartlett, EFA and CFA."""
        if self.missing == "listwise":
            return (
                f"listwise: correlations of the {self.corr_n} complete rows; CFA on the same rows"
            )
        return (
            f"pairwise: correlations of each pair's rows (smallest n = {self.corr_n}) for KMO, "
            f"Bartlett and EFA; CFA listwise, on the {self.cfa_rows} complete rows (lavaan's "
            "default)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "missing": self.missing,
            "correlation_n": self.corr_n,
            "cfa_rows": self.cfa_rows,
            "matrix": self.matrix,
            "kmo": None if self.kmo is None else self.kmo.to_dict(),
            "bartlett": None if self.bartlett is None else self.bartlett.to_dict(),
            "factorability": None if self.factorability is None else self.factorability.to_dict(),
            "efa": None if self.efa is None else self.efa.to_dict(),
            "cfa": None if self.cfa is None else self.cfa.to_dict(),
            "warnings": [w.message for w in self.warnings],
            "caveats": caveat_records(self.warnings),
        }


@dataclass(frozen=True)
class InstrumentReliability:
    """Scales in the order E by dimension, E whole scale, then P, then gap.

    Scale names are ``E:<dimension>``, ``P:<dimension>``, ``gap:<dimension>`` and
    ``E:all``, ``P:all``, ``gap:all`` for the whole scale.
    """

    scales: tuple[AlphaResult, ...]
    validity: tuple[Validity, ...] = ()
    warnings: tuple[Caveat, ...] = ()  # each with its scale (Caveat.scale)
    skipped: Mapping[str, Caveat] = field(default_factory=dict)
    missing: str = "pairwise"
    ci_method: str = "feldt"
    n_boot: int = 0  # the bootstrap's draws (0: Feldt's interval)
    seed: int | None = None  # and their seed, so a reader can redraw the same intervals

    def to_dict(self) -> dict[str, Any]:
        return {
            "missing": self.missing,
            "ci_method": self.ci_method,
            "n_boot": self.n_boot,
            "seed": self.seed,
            "omega_estimator": {
                "dimensions": OMEGA_ONE_FACTOR,
                "whole_scale": OMEGA_CFA if self.validity else OMEGA_ONE_FACTOR,
            },
            "scales": [s.to_dict() for s in self.scales],
            "validity": [v.to_dict() for v in self.validity],
            "skipped": {name: why.message for name, why in self.skipped.items()},
            "warnings": [w.message for w in self.warnings],
            "skipped_caveats": {name: why.to_dict() for name, why in self.skipped.items()},
            "caveats": caveat_records(self.warnings),
        }


def score_frames(
    expectation: np.ndarray,
    perception: np.ndarray,
    item_names: Mapping[str, Sequence[str]],
) -> dict[str, pd.DataFrame]:
    """E, P and item-gap (P - E) frames, columns named by ``item_names[score]``."""
    e = np.asarray(expectation, dtype=float)
    p = np.asarray(perception, dtype=float)
    return {
        "E": pd.DataFrame(e, columns=list(item_names["E"])),
        "P": pd.DataFrame(p, columns=list(item_names["P"])),
        "gap": pd.DataFrame(p - e, columns=list(item_names["gap"])),
    }


def instrument_reliability(
    expectation: np.ndarray,
    perception: np.ndarray,
    item_names: Mapping[str, Sequence[str]],
    dimensions: Mapping[str, Sequence[int]],
    missing: Missing = "pairwise",
    conf: float = 0.95,
    n_boot: int = 0,
    seed: int | None = None,
    validity: bool = True,
    n_factors: int | None = None,
) -> InstrumentReliability:
    """Reliability of every dimension and the whole scale for E, P and the item gaps.

    Parameters
    ----------
    expectation, perception : ndarray (n_respondents, n_items)
        Reverse-scored item scores, NaN where missing.
    item_names : mapping
        ``{"E": [...], "P": [...], "gap": [...]}``: display names of the items per score.
    dimensions : mapping
        Dimension -> column positions.
    missing, conf, n_boot, seed
        Passed to :func:`~servqual_cli.core.reliability.cronbach_alpha`.
    validity : bool
        Also compute KMO, Bartlett, EFA (``n_factors``, default the number of dimensions,
        oblimin/minres as psych) and the CFA of the dimension structure for each score.
    """
    frames = score_frames(expectation, perception, item_names)
    scales: list[AlphaResult] = []
    warnings: list[Caveat] = []
    skipped: dict[str, Caveat] = {}
    for score in SCORES:
        frame = frames[score]
        parts = [(dim, list(cols)) for dim, cols in dimensions.items()]
        parts.append(("all", list(range(frame.shape[1]))))
        for dim, cols in parts:
            name = f"{score}:{dim}"
            if len(cols) < 2:
                skipped[name] = Caveat("two_items")
                continue
            try:
                # The whole scale's omega comes from the k-factor CFA (_whole_scale_omega).
                one_factor = not (validity and dim == "all")
                res = scale_reliability(
                    frame.iloc[:, cols], name, missing, conf, n_boot, seed, omega=one_factor
                )
            except ServqualError as exc:
                skipped[name] = caveat_of(exc)
                continue
            scales.append(res)
            warnings += [replace(w, scale=name) for w in res.warnings]
    checks: list[Validity] = []
    if validity:
        for score in SCORES:
            checks.append(_validity(score, frames[score], dimensions, n_factors, missing, conf))
            warnings += [replace(w, scale=score, validity=True) for w in checks[-1].warnings]
        scales = [_whole_scale_omega(s, checks) for s in scales]
        # CR, AVE and the CFA's omega are withdrawn where the fit cannot support them.
        checks = [_screened(v) for v in checks]
    return InstrumentReliability(
        scales=tuple(scales),
        validity=tuple(checks),
        warnings=tuple(warnings),
        skipped=skipped,
        missing=missing,
        ci_method="bootstrap" if n_boot else "feldt",
        n_boot=int(n_boot),
        seed=int(seed) if n_boot and seed is not None else None,
    )


def _whole_scale_omega(scale: AlphaResult, checks: Sequence[Validity]) -> AlphaResult:
    """A whole scale (``X:all``) takes ω total from X's k-factor CFA, not from one factor.

    A one-factor model of a multidimensional instrument misfits and misstates omega; the
    k-factor CFA's ω total (``semTools::compRelSEM(return.total = TRUE)``) is the reliability
    of the unweighted total under the instrument's own structure. Without a CFA the omega is
    withdrawn rather than reported from the wrong model.
    """
    score, _, part = (scale.scale or "").partition(":")
    if part != "all":
        return scale
    fit = next((v.cfa for v in checks if v.score == score), None)
    if fit is None:
        return scale  # the CFA's warning says why; omega is left empty
    return with_omega(scale, fit.omega_total, OMEGA_CFA, converged=fit.converged,
                      heywood=bool(cfa_heywood_factors(fit)),
                      too_few_rows=too_few_rows(fit))  # fmt: skip


def _screened(check: Validity) -> Validity:
    """The validity check with its CFA's unreportable CR, AVE and ω withdrawn (screen_cfa)."""
    if check.cfa is None:
        return check
    return replace(check, cfa=screen_cfa(check.cfa))


def cfa_row_warnings(fit: CFAResult | None, used: int, rows: int) -> list[Caveat]:
    """What listwise deletion did to the CFA: fitted to fewer than half of the ``rows`` (the
    complete rows only, lavaan's default); on fewer complete rows than free parameters, when
    :func:`~servqual_cli.core.reliability_screen.screen_cfa` withdraws its fit indices, CR, AVE
    and ω; or on fewer than 5 rows per parameter (Bentler & Chou 1987), when they stand with
    this caveat. No CFA (``fit`` None: "CFA not computed" says why), no row warning: there
    are no fit indices for the share to qualify (review 14, finding 11).

    >>> cfa_row_warnings(None, 28, 300)
    []
    """
    out: list[Caveat] = []
    if fit is None:
        return out
    if rows and used < CFA_SHARE_MIN * rows:
        share = 100 * used / rows
        out.append(Caveat("cfa_listwise_share", {"used": used, "n": rows, "share": share}))
    if too_few_rows(fit):
        out.append(Caveat("cfa_too_few_rows", {"n": fit.n, "k": fit.n_parameters}))
    elif few_rows(fit):
        params = {"n": fit.n, "k": fit.n_parameters, "per": ROWS_PER_PARAMETER}
        out.append(Caveat("cfa_few_rows", params))
    return out


def _validity(
    score: str,
    frame: pd.DataFrame,
    dimensions: Mapping[str, Sequence[int]],
    n_factors: int | None,
    missing: Missing,
    conf: float = 0.95,
) -> Validity:
    """KMO, Bartlett, EFA and CFA of one score set from one correlation matrix per mode.

    Listwise: all four use the complete rows (as ``psych::KMO(cor(na.omit(x)))``,
    ``cortest.bartlett(.., n = nrow(na.omit(x)))``, ``fa(na.omit(x))`` and lavaan's default).
    Pairwise: KMO, Bartlett (n = the smallest pairwise count) and EFA use the pairwise
    correlation matrix; the CFA is fitted by ML to the complete rows (lavaan's default), which
    :attr:`Validity.matrix` says. A pairwise matrix that is not positive definite has no
    partial correlations, determinant or ML fit that mean anything: KMO, Bartlett and the EFA are
    then not computed and a warning names the score set. KMO < 0.5 or a Bartlett p at or
    above 1 − ``conf`` leaves the EFA computed but flagged
    (:mod:`~servqual_cli.core.factorability`).
    """
    warnings: list[Caveat] = []
    kmo = bartlett = efa_res = cfa_res = None
    gates: Factorability | None = None  # KMO and Bartlett as gates of the EFA (Kaiser 1974)
    values = frame.to_numpy(dtype=float)
    complete = ~np.isnan(values).any(axis=1)
    n_complete = int(complete.sum())
    if missing == "listwise":
        corr, _ = pairwise_corr(values[complete])  # every pair on the same complete rows
        n = n_complete
    else:
        corr, counts = pairwise_corr(values)
        n = int(counts.min())
    usable = bool(np.isfinite(corr).all())
    if usable:
        smallest = float(np.linalg.eigvalsh(corr)[0])
        if smallest <= 1e-10:
            usable = False
            params = {"missing": missing, "score": score, "ev": smallest}
            warnings.append(Caveat("corr_not_pd", {**params, "hint": missing == "pairwise"}))
    if usable:
        try:
            corr_frame = pd.DataFrame(corr, index=frame.columns, columns=frame.columns)
            kmo = run_kmo(corr_frame)
            bartlett = bartlett_sphericity(corr_frame, n)
        except (ServqualError, np.linalg.LinAlgError) as exc:
            warnings.append(Caveat("kmo_not_computed", {"why": caveat_of(exc)}))
        gates = factorability(
            None if kmo is None else kmo.msa, None if bartlett is None else bartlett.p, conf
        )
        warnings += gates.caveats()
        m = n_factors or len(dimensions)
        try:
            efa_res = run_efa(frame, m, missing=missing)
            warnings += list(efa_res.warnings)
        except (ServqualError, np.linalg.LinAlgError) as exc:
            warnings.append(Caveat("efa_not_computed", {"why": caveat_of(exc)}))
    elif not warnings:
        warnings.append(Caveat("corr_undefined", {"score": score}))
    model = {
        dim: [str(frame.columns[c]) for c in cols]
        for dim, cols in dimensions.items()
        if len(cols) >= 2
    }
    from servqual_cli.core.cfa import cfa

    try:
        cfa_res = cfa(frame, model)
        warnings += list(cfa_res.warnings)
    except (ServqualError, np.linalg.LinAlgError) as exc:
        warnings.append(Caveat("cfa_not_computed", {"why": caveat_of(exc)}))
    warnings += cfa_row_warnings(cfa_res, n_complete, len(frame))
    return Validity(score, kmo, bartlett, efa_res, cfa_res, tuple(warnings), missing, n, n_complete,
                    gates)  # fmt: skip
