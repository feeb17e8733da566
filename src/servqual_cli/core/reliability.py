"""Internal consistency of a scale: Cronbach's alpha with item statistics (McDonald's omega is in
:mod:`~servqual_cli.core.omega`, alpha's intervals in :mod:`~servqual_cli.core.alpha_intervals`).

Everything is computed from the items' covariance matrix, as R's ``psych::alpha`` does, so the
pairwise-deletion results (the default, as in psych) match psych exactly: alpha, standardized
alpha, alpha if item deleted and the corrected item-total correlation ``r.drop`` all come from
``cov(x, use = "pairwise")`` rather than from sum scores on the data.
"""

from __future__ import annotations

import warnings as warnings_module
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from servqual_cli.core.alpha_intervals import bootstrap_alpha, feldt_ci
from servqual_cli.core.caveats import Caveat, data_error
from servqual_cli.core.pairwise import (
    ItemCovariance,
    Missing,
    is_numeric_column,
    item_covariance,
    item_matrix,
)
from servqual_cli.core.results import plain, records
from servqual_cli.errors import UsageError

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class AlphaResult:
    """Cronbach's alpha of one scale with its item table.

    Attributes
    ----------
    n : int
        Respondents behind the estimate and the Feldt CI: listwise, the complete rows;
        pairwise, the smallest number of respondents answering both items of any item pair.
    k : int
        Number of items.
    alpha, alpha_std : float
        Raw alpha (from covariances) and standardized alpha (from correlations).
    average_r : float
        Mean inter-item correlation.
    ci_low, ci_high : float
        Confidence interval for the raw alpha (level ``conf``).
    ci_method : {"feldt", "bootstrap"}
    n_boot : int
        Bootstrap draws behind the interval (0: Feldt's interval, no draws).
    seed : int or None
        The seed of those draws when it was given as a number (what a reader needs to redraw
        the same interval); None for Feldt or a caller's own generator.
    items : pandas.DataFrame
        One row per item, columns ``item``, ``alpha_if_deleted``, ``alpha_std_if_deleted``,
        ``item_rest_r`` (corrected item-total correlation, psych's ``r.drop``), ``mean``,
        ``sd``, ``n`` (respondents answering the item; listwise: the complete rows).
    warnings : tuple of Caveat
        Caveats for the user as codes with parameters (e.g. ``negative_item_rest``: an item
        with a negative item-rest correlation); :attr:`Caveat.message` is the English text.
    n_complete : int
        Rows with every item present (what the bootstrap resamples).
    conf : float
        Confidence level of the interval.
    missing : {"pairwise", "listwise"}
    scale : str or None
        Scale name for reports; set by the caller.
    omega_total : float or None
        McDonald's omega for the same items, filled in by the caller (see
        :func:`~servqual_cli.core.omega.omega_total`).
    omega_estimator : str or None
        How ``omega_total`` was estimated (:data:`~servqual_cli.core.omega.OMEGA_ONE_FACTOR` or
        :data:`~servqual_cli.core.omega.OMEGA_CFA`).
    omega_problem : str or None
        Why omega is not reported (one of :data:`PROBLEMS`: the fit did not converge, has a
        Heywood case, or gave a value outside [0, 1]); ``omega_total`` is then None. Set by
        :func:`with_omega`.
    """

    n: int
    k: int
    alpha: float
    alpha_std: float
    average_r: float
    ci_low: float
    ci_high: float
    ci_method: Literal["feldt", "bootstrap"]
    items: pd.DataFrame = field(repr=False)
    warnings: tuple[Caveat, ...] = ()
    n_complete: int = 0
    conf: float = 0.95
    missing: Missing = "pairwise"
    scale: str | None = None
    omega_total: float | None = None
    omega_estimator: str | None = None
    omega_problem: str | None = None
    n_boot: int = 0
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the shape the CLI prints (NaN becomes None).

        Keys: ``scale``, ``n``, ``k``, ``alpha``, ``alpha_std``, ``ci_low``, ``ci_high``,
        ``average_r``, ``n_boot`` and ``seed`` (the bootstrap's draws and seed; 0 and None for
        Feldt's interval), ``omega_total``, ``omega_estimator``, ``omega_problem`` (why omega is
        null although it was estimated, see :data:`PROBLEMS`) and ``items``, a list of
        ``{"item", "n", "alpha_if_deleted", "item_rest_r", "mean", "sd"}`` (``n``: the
        respondents behind the item's mean and SD, R psych's ``item.stats$n``; the terminal, CSV
        and Markdown item tables show it too).
        """
        cols = ["item", "n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]
        return {
            "scale": self.scale,
            "n": int(self.n),
            "k": int(self.k),
            "alpha": plain(self.alpha),
            "alpha_std": plain(self.alpha_std),
            "ci_low": plain(self.ci_low),
            "ci_high": plain(self.ci_high),
            "average_r": plain(self.average_r),
            "n_boot": int(self.n_boot),
            "seed": self.seed,
            "omega_total": plain(self.omega_total),
            "omega_estimator": self.omega_estimator,
            "omega_problem": self.omega_problem,
            "items": records(self.items[cols]),
        }


def drop_constant_items(
    items: pd.DataFrame, missing: Missing = "pairwise"
) -> tuple[pd.DataFrame, tuple[str, ...], tuple[Caveat, ...]]:
    """Leave out items with no variance (every answer the same), as ``psych::alpha`` does.

    An item answered the same by everyone carries no information about consistency and makes
    the correlations undefined; R ``psych::alpha`` (``delete = TRUE``, its default) deletes it
    with the warning "Item = E1 had no variance and was deleted", and so does this, so that
    one constant item does not cost the whole scale its alpha. Listwise, the answers on the
    complete rows decide. Items with no answers at all, or non-numeric items, are kept for the
    statistics to refuse with their own message.

    Returns
    -------
    frame, dropped, warnings
        The items left, the names of those left out and one caveat per item left out.

    Examples
    --------
    >>> df = pd.DataFrame({"E1": [5, 5, 5], "E2": [1, 2, 3], "E3": [2, 2, 4]})
    >>> frame, dropped, _ = drop_constant_items(df)
    >>> list(frame.columns), dropped
    (['E2', 'E3'], ('E1',))
    """
    if not all(is_numeric_column(c) for _, c in items.items()) or items.empty:
        return items, (), ()
    x = items.to_numpy(dtype=np.float64, na_value=np.nan)
    if missing == "listwise":
        x = x[~np.isnan(x).any(axis=1)]
        if x.shape[0] == 0:
            return items, (), ()
    with np.errstate(invalid="ignore"), warnings_module.catch_warnings():
        warnings_module.simplefilter("ignore", RuntimeWarning)  # an all-NaN item: kept
        constant = np.nanmax(x, axis=0) == np.nanmin(x, axis=0)
    if not constant.any():
        return items, (), ()
    dropped = tuple(str(c) for c in items.columns[constant])
    notes = tuple(Caveat("constant_dropped", {"item": name}) for name in dropped)
    return items.loc[:, ~constant], dropped, notes


def cronbach_alpha(
    items: pd.DataFrame,
    missing: Missing = "pairwise",
    conf: float = 0.95,
    n_boot: int = 0,
    seed: int | np.random.Generator | None = None,
    *,
    name: str | None = None,
) -> AlphaResult:
    """Cronbach's alpha (raw and standardized) with CI and per-item statistics.

    Parameters
    ----------
    items : pandas.DataFrame
        One column per item (numeric, NaN for missing), reverse-keyed items already reversed.
    missing : {"pairwise", "listwise"}
        ``"pairwise"`` (default, as ``psych::alpha``): every statistic derives from the pairwise
        covariance matrix; item means and SDs use each item's answers. ``"listwise"``: only
        respondents who answered every item, identical to ``psych::alpha(na.omit(x))``.
    conf : float
        Confidence level of the interval for raw alpha.
    n_boot : int
        0 (default) for the Feldt CI; otherwise the number of bootstrap draws for a percentile
        CI (quantile type 7, as R). The bootstrap resamples the complete rows.
    seed : int or numpy.random.Generator, optional
        Seed for the bootstrap, for reproducible intervals.
    name : str, optional
        Scale name carried into :meth:`AlphaResult.to_dict`.

    Returns
    -------
    AlphaResult

    Notes
    -----
    With C the covariance matrix and R = cov2cor(C) of k items: alpha = k/(k-1) (1 - tr C/ΣC),
    alpha_std = k/(k-1) (1 - k/ΣR), average_r = (ΣR - k)/(k(k-1)). Alpha if item i is deleted
    applies the same formulas to C without row/column i; the item-rest correlation is
    ``(Σ_j C_ij - C_ii) / sqrt(C_ii ΣC_{-i,-i})`` (psych's ``r.drop``). With two items
    "alpha if deleted" is undefined (NaN); psych reports other quantities there.

    The Feldt CI uses the n actually behind the estimate: complete rows (listwise) or the
    smallest pairwise count (pairwise, a conservative choice). psych and pingouin plug in the
    row count before deletion, which gives too narrow an interval when data are missing.

    References
    ----------
    Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
    Psychometrika 16, 297-334. Feldt, L. S. (1965), Psychometrika 30, 357-370.
    Revelle, W. ``psych::alpha`` (R package psych 2.2.9), matched to 1e-9.

    Examples
    --------
    >>> df = pd.DataFrame({"E1": [1, 2, 3, 4, 5], "E2": [2, 2, 3, 5, 5], "E3": [1, 3, 3, 4, 4]})
    >>> res = cronbach_alpha(df)
    >>> round(res.alpha, 3), round(res.alpha_std, 3), res.n, res.k
    (0.954, 0.958, 5, 3)
    >>> res.items[["item", "item_rest_r"]].round(3).to_dict("list")
    {'item': ['E1', 'E2', 'E3'], 'item_rest_r': [0.97, 0.903, 0.87]}
    """
    return alpha_parts(items, missing, conf, n_boot, seed, name=name)[0]


def alpha_parts(
    items: pd.DataFrame,
    missing: Missing = "pairwise",
    conf: float = 0.95,
    n_boot: int = 0,
    seed: int | np.random.Generator | None = None,
    *,
    name: str | None = None,
) -> tuple[AlphaResult, list[str], ItemCovariance]:
    """:func:`cronbach_alpha` with the item names and covariance it was computed from, so
    :func:`servqual_cli.core.scales.scale_reliability` fits omega to the same matrix without
    a second pass over the data (:func:`~servqual_cli.core.omega.omega_from_covariance`)."""
    if not 0.0 < conf < 1.0:
        raise UsageError(f"conf must be between 0 and 1, got {conf}")
    if n_boot < 0:
        raise UsageError(f"n_boot must be 0 (Feldt CI) or a positive number of draws, got {n_boot}")
    x, names = item_matrix(items)
    ic = item_covariance(x, names, missing)
    cov, n_used, n_complete = ic.cov, ic.n, ic.n_complete
    k = len(names)

    d = cov.diagonal()
    total = cov.sum()
    col = cov.sum(axis=0)
    corr = cov / np.sqrt(np.outer(d, d))
    total_r = corr.sum()
    col_r = corr.sum(axis=0)
    # A total of zero up to rounding (the covariances cancel: possible with pairwise deletion)
    # leaves alpha undefined; dividing by the rounding noise gave ±1e16, different for every
    # item order. The relative tolerance is on the scale of the matrix's entries.
    no_total = abs(total) <= 1e-12 * np.abs(cov).sum()
    with np.errstate(invalid="ignore", divide="ignore"):  # a zero-variance total gives ±inf
        alpha = np.nan if no_total else k / (k - 1) * (1.0 - d.sum() / total)
        alpha_std = k / (k - 1) * (1.0 - k / total_r)
    average_r = (total_r - k) / (k * (k - 1))

    # Drop-one sums from the full ones: Σ C_{-i,-i} = ΣC - 2 Σ_j C_ij + C_ii (no k x k loop).
    total_drop = total - 2.0 * col + d
    with np.errstate(invalid="ignore", divide="ignore"):
        item_rest = (col - d) / np.sqrt(d * total_drop)
        if k > 2:
            alpha_drop = (k - 1) / (k - 2) * (1.0 - (d.sum() - d) / total_drop)
            total_r_drop = total_r - 2.0 * col_r + 1.0
            alpha_std_drop = (k - 1) / (k - 2) * (1.0 - (k - 1) / total_r_drop)
        else:
            alpha_drop = alpha_std_drop = np.full(k, np.nan)

    if n_boot > 0:
        if n_complete < 2:
            raise data_error("boot_too_few_rows", n=int(n_complete))
        complete = x if n_complete == x.shape[0] else x[~np.isnan(x).any(axis=1)]
        boot = bootstrap_alpha(complete, n_boot, seed)
        p = (1.0 - conf) / 2.0
        ci_low, ci_high = (float(v) for v in np.nanquantile(boot, [p, 1.0 - p]))
        ci_method: Literal["feldt", "bootstrap"] = "bootstrap"
        notes: list[Caveat] = []
        if n_complete < x.shape[0] and missing == "pairwise":
            # the interval is of the complete rows' α, not of the pairwise α it is printed
            # beside: say that α too (review 11, finding 8)
            c = np.cov(complete, rowvar=False)
            with np.errstate(invalid="ignore", divide="ignore"):  # constant rows: NaN, as "–"
                whole = float(k / (k - 1) * (1.0 - np.trace(c) / c.sum()))
            notes.append(Caveat("boot_complete_of", {"n": int(n_complete), "alpha": whole}))
        elif n_complete < x.shape[0]:
            notes.append(Caveat("boot_complete", {"n": int(n_complete)}))
        if np.isnan(boot).any():
            notes.append(Caveat("boot_no_variance", {"n": int(np.isnan(boot).sum())}))
    else:
        ci_low, ci_high = feldt_ci(alpha, n_used, k, conf)
        ci_method = "feldt"
        notes = []

    table = pd.DataFrame(
        {
            "item": names,
            "alpha_if_deleted": alpha_drop,
            "alpha_std_if_deleted": alpha_std_drop,
            "item_rest_r": item_rest,
            "mean": ic.means,
            "sd": np.sqrt(d),
            "n": ic.counts.astype(np.int64),
        }
    )
    warnings = tuple(
        Caveat("negative_item_rest", {"item": item, "r": float(r)})
        for item, r in zip(names, item_rest, strict=True)
        if r < 0
    ) + tuple(notes)
    if no_total:
        warnings += (Caveat("alpha_undefined"),)
    result = AlphaResult(
        n=n_used,
        k=k,
        alpha=float(alpha),
        alpha_std=float(alpha_std),
        average_r=float(average_r),
        ci_low=ci_low,
        ci_high=ci_high,
        ci_method=ci_method,
        items=table,
        warnings=warnings,
        n_complete=n_complete,
        conf=conf,
        missing=missing,
        scale=name,
        n_boot=int(n_boot) if ci_method == "bootstrap" else 0,
        seed=int(seed) if ci_method == "bootstrap" and isinstance(seed, int | np.integer) else None,
    )
    return result, names, ic
