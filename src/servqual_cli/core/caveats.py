"""Reliability caveats as data: a code, its parameters and the scale it concerns.

The reliability core (:mod:`~servqual_cli.core.reliability`, :mod:`~servqual_cli.core.omega`,
:mod:`~servqual_cli.core.factor`, :mod:`~servqual_cli.core.cfa`, :mod:`~servqual_cli.core.scales`)
reports every caveat as a :class:`Caveat`: ``code`` names the situation (the key of the report's
wording in ``report.catalog_reliability.RELIABILITY_WARNINGS``), ``params`` hold its facts
(item names as tuples, numbers as numbers, a nested caveat for "… not computed: why") and
``scale`` the scale it concerns. A report renders it from the code and parameters in Swedish or
English; :attr:`Caveat.message` is the English sentence the JSON output keeps (``"warnings"``),
and :meth:`Caveat.to_dict` the code and facts beside it (``"caveats"``, :func:`caveat_records`),
so a program reads the situation without parsing English.

An error the core raises for a situation a report may show (a scale skipped, a statistic not
computed) carries its caveat (:attr:`servqual_cli.errors.ServqualError.caveat`), and
:func:`caveat_of` reads it back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from servqual_cli.errors import DataError, UsageError

__all__ = ["CODES", "Caveat", "caveat_of", "caveat_records", "data_error", "usage_error"]

# The core's English wording per code ({name} is a parameter; the JSON output keeps these).
CODES: Mapping[str, str] = {
    # alpha (core.reliability) and its bootstrap
    "negative_item_rest": (
        "item {item} has a negative item-rest correlation ({r}): reversed item not declared?"
    ),
    # the same for an item the instrument reverses (core.declared_reversed, review 13 finding 4)
    "negative_item_rest_declared": (
        "item {item} has a negative item-rest correlation ({r}): the item is declared reversed: "
        "is the reversal right?"
    ),
    # alpha --reverse without --scale-range (core.declared_reversed.reverse_pivot_caveat,
    # review 18 finding 6): the means move with the pivot; α and r do not (any c − x)
    "reverse_pivot_from_answers": (
        "the reversal of {items} uses the range the answers span ({low}–{high}) as the scale: "
        "the reversed means are those of {pivot} − the answer and are wrong on a wider scale "
        "(e.g. on 1–7 the reversal is 8 − the answer); alpha and the correlations do not depend "
        "on it; give the questionnaire's scale with --scale-range (e.g. --scale-range 1,7)"
    ),
    "constant_dropped": (
        "item {item} has no variance (every answer the same) and was left out, as R psych::alpha "
        "does"
    ),
    "boot_complete": "bootstrap CI resamples the {n} complete rows only",
    "boot_complete_of": (
        "the bootstrap CI is that of α on the {n} complete rows ({alpha}), the rows it resamples; "
        "the α in the table uses pairwise deletion."
    ),
    "boot_no_variance": "{n} bootstrap draws had no variance",
    "boot_too_few_rows": "bootstrap CI needs at least 2 complete rows, got {n}",
    "alpha_undefined": (
        "the items' covariances sum to zero (the total score has no variance): alpha is undefined"
    ),
    # a tiny sample (core.alpha_screen, review 7 finding 9)
    "few_respondents": (
        "alpha and its interval rest on {n} respondents, fewer than {min}: too few for a stable "
        "estimate; read them with great caution"
    ),
    # a low or negative alpha (core.alpha_screen.screen_low, review 15 finding 2)
    "alpha_low": (
        "alpha {alpha} is below {bound}, the usual rule of thumb for a scale (Nunnally 1978): "
        "the score carries much measurement error, so differences in it are harder to detect; "
        "read them with caution (a reading aid, not a verdict on the scale)"
    ),
    "alpha_negative": (
        "alpha {alpha} is negative: the items covary negatively on average, so they do not "
        "measure one thing and their score is not to be read as a scale"
    ),
    "if_deleted_undefined": (
        "alpha if item deleted is undefined for {items}: the other items' total score has no "
        "variance (shown as –)"
    ),
    "item_rest_beyond_one": (
        "item-rest r beyond ±1 for {items}: with pairwise deletion each covariance has its own "
        "rows, so this is not a correlation (R psych prints the same value); --missing listwise "
        "gives one"
    ),
    # the items themselves (core.pairwise: why a scale or a model could not be computed)
    "too_few_items": "need at least {k} items, got {n} ({items})",
    "duplicate_items": "items listed more than once: {items}",
    "not_numeric": "items are not numeric: {items}",
    "no_rows": "no respondents (no rows) for items {items}",
    "infinite_values": "items contain infinite values: {items}",
    "no_values": "items have no values at all: {items}",
    "no_variance": "items have no variance (every answer the same): {items}",
    "few_complete_rows": (
        "fewer than 2 respondents answered every item ({n} complete rows); try missing='pairwise'"
    ),
    "few_pair_rows": "fewer than 2 respondents answered both {item} and {other} ({n} rows)",
    "two_items": "a scale needs at least two items",
    # omega (core.omega)
    "heywood_one_factor": (
        "Heywood case in the one-factor model: the uniqueness of {items} stopped at the 0.005 "
        "bound (factanal's rule), where unbounded ML (lavaan) would estimate a negative residual "
        "variance: one factor fits these items poorly, and the bounded omega is no reliability "
        "to report"
    ),
    "one_factor_not_converged": "the one-factor model did not converge; omega is not reported",
    "negative_loadings": (
        "items load negatively on the common factor: {items} (reversed item not declared?)"
    ),
    "negative_loadings_declared": (
        "items load negatively on the common factor: {items} (declared reversed: is the "
        "reversal right?)"
    ),
    "omega_not_computed": "omega not computed: {why}",
    # KMO, Bartlett and EFA (core.factor, core.scales)
    "kmo_not_computed": "KMO/Bartlett not computed: {why}",
    "efa_not_computed": "EFA not computed: {why}",
    "corr_missing": "correlation matrix has missing values for items: {items}",
    "corr_singular": (
        "correlation matrix is singular: some items are linear combinations of others ({items})"
    ),
    "bartlett_too_few": "Bartlett's test needs at least 2 respondents, got {n}",
    "bartlett_not_pd": "correlation matrix is not positive definite (items linearly dependent?)",
    "efa_not_pd": (
        "the item correlation matrix is not positive definite (linearly dependent items, or an "
        "artefact of pairwise deletion): try listwise deletion or minres"
    ),
    "too_many_factors": "cannot extract {m} factors from {k} items",
    "efa_corr_undefined": (
        "correlations undefined (too few answers or no variance) for items: {items}"
    ),
    "corr_not_pd": (
        "the {missing} correlation matrix of {score} is not positive definite (smallest "
        "eigenvalue {ev}); KMO, Bartlett and the EFA are not computed from it"
    ),
    "corr_undefined": (
        "correlations of {score} undefined (too few answers or no variance): KMO, Bartlett and "
        "the EFA are not computed"
    ),
    # the gates of a factor analysis (core.factorability; review 13, finding 2)
    "kmo_low": (
        "KMO {kmo} < {min}: the correlations are too weak for a factor analysis (Kaiser 1974); "
        "the EFA loadings are not to be interpreted."
    ),
    "bartlett_identity": (
        "the correlation matrix cannot be told from an identity matrix (Bartlett p = {p} ≥ "
        "{sig}): the items may as well be uncorrelated, so the EFA loadings are not to be "
        "interpreted."
    ),
    "heywood_efa": "Heywood case in the EFA: uniqueness at its lower bound for {items}",
    "efa_not_converged": "factor extraction or rotation did not converge",
    # CFA (core.cfa, core.scales)
    "cfa_not_computed": "CFA not computed: {why}",
    "cfa_no_factors": "the CFA model has no factors",
    "cfa_rows_le_items": "CFA needs more complete rows ({n}) than items ({k})",
    "cov_singular": "item covariance matrix is singular (constant or linearly dependent items)",
    "cfa_not_identified": "the CFA model is not identified ({n} parameters, df = {df})",
    "heywood_cfa": "item {item}: negative residual variance (Heywood case)",
    "phi_not_pd": "factor correlation matrix is not positive definite",
    "cfa_not_converged": "CFA estimation did not converge; results are unreliable",
    "cfa_listwise_share": (
        "CFA listwise: only {used} of {n} rows ({share}%) have every item answered"
    ),
    "cfa_too_few_rows": (
        "CFA on {n} complete rows for {k} free parameters, fewer rows than parameters: its fit "
        "indices, CR, AVE and omega are not reported"
    ),
    "cfa_few_rows": (
        "CFA on {n} complete rows for {k} free parameters, fewer than {per} per parameter "
        "(Bentler & Chou 1987): read its fit indices, CR and AVE with caution"
    ),
    # anything else an error said (e.g. numpy's LinAlgError): its text, as made
    "error": "{text}",
}

# Optional parameters that add a clause at the end when given (and not empty).
SUFFIXES: Mapping[str, str] = {
    "left_out": " (left out for no variance: {left_out})",  # too_few_items
    "hint": "{hint}",  # corr_not_pd: pairwise only
}
HINT = " (try --missing listwise)"
# How a float parameter is written (the same digits in every language).
NUMBER_FORMATS: Mapping[str, str] = {
    "r": ".3f",
    "ev": ".3g",
    "share": ".0f",
    "alpha": ".3f",
    "bound": ".2f",
    "kmo": ".3f",
    "p": ".3f",
}


def number_text(name: str, value: float) -> str:
    """A float parameter as the core writes it (``r`` to 3 decimals, ``ev`` 3 digits).

    >>> number_text("r", -0.01549), number_text("ev", -2.1e-17), number_text("share", 9.33)
    ('-0.015', '-2.1e-17', '9')
    """
    return format(value, NUMBER_FORMATS.get(name, "g"))


def _text(name: str, value: object) -> str:
    if isinstance(value, Caveat):
        return value.reason
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "none"
    if isinstance(value, float):
        return number_text(name, value)
    if isinstance(value, bool) and name == "hint":
        return HINT if value else ""
    return str(value)


@dataclass(frozen=True)
class Caveat:
    """One caveat of a reliability result: ``code`` (a key of :data:`CODES`), its ``params``
    and the ``scale`` it concerns (``"E:Tangibles"``, ``"P:all"``; with ``validity`` the score
    set, ``"P"``, whose KMO, EFA or CFA it concerns).

    >>> c = Caveat("negative_item_rest", {"item": "E4", "r": -0.0154})
    >>> c.message
    'item E4 has a negative item-rest correlation (-0.015): reversed item not declared?'
    >>> Caveat("phi_not_pd", scale="P", validity=True).message
    'P validity: factor correlation matrix is not positive definite'
    >>> Caveat("omega_not_computed", {"why": Caveat("no_values", {"items": ("E2",)})}).message
    'omega not computed: items have no values at all: E2'
    """

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    scale: str | None = None
    validity: bool = False

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown caveat code {self.code!r}")

    @property
    def reason(self) -> str:
        """The English text without the scale: what the core wrote before caveats were data."""
        fields = {k: _text(k, v) for k, v in self.params.items()}
        text = CODES[self.code].format(**fields)
        for name, suffix in SUFFIXES.items():
            if self.params.get(name):
                text += suffix.format(**fields)
        return text

    @property
    def prefix(self) -> str | None:
        """``"E:Tangibles"`` or ``"P validity"``: the scale as the English message names it."""
        if self.scale is None:
            return None
        return f"{self.scale} validity" if self.validity else self.scale

    @property
    def message(self) -> str:
        """The English message with its scale prefix (as the JSON output keeps it)."""
        head = self.prefix
        return f"{head}: {self.reason}" if head else self.reason

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        """The caveat for JSON: its code, its parameters (item names as lists, a nested caveat
        as its own dict, NaN as null), the scale, whether it is a validity check, and the
        English message the ``"warnings"`` list holds.

        >>> Caveat("negative_item_rest", {"item": "E4", "r": -0.0154}, scale="E:all").to_dict()
        {'code': 'negative_item_rest', 'params': {'item': 'E4', 'r': -0.0154}, 'scale': 'E:all',
         'validity': False, 'message': 'E:all: item E4 has a negative item-rest correlation
         (-0.015): reversed item not declared?'}
        >>> Caveat("omega_not_computed", {"why": Caveat("no_values", {"items": ("E2",)})}
        ...        ).to_dict()["params"]["why"]["params"]
        {'items': ['E2']}
        """
        return {
            "code": self.code,
            "params": {str(k): _json_value(v) for k, v in self.params.items()},
            "scale": self.scale,
            "validity": self.validity,
            "message": self.message,
        }


def _json_value(value: object) -> object:
    """A parameter as JSON: without numpy or pandas (the alpha path loads neither)."""
    if isinstance(value, Caveat):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    item = getattr(value, "item", None)  # a numpy scalar
    if callable(item) and not isinstance(value, str | bytes):
        value = item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def caveat_records(caveats: Iterable[Caveat]) -> list[dict[str, Any]]:
    """:meth:`Caveat.to_dict` of each caveat: the ``"caveats"`` list beside a ``"warnings"``
    list of the same caveats' messages, in the same order."""
    return [c.to_dict() for c in caveats]


def caveat_of(exc: BaseException) -> Caveat:
    """The caveat an error carries, or its text under the code ``"error"``.

    >>> caveat_of(ValueError("Singular matrix"))
    Caveat(code='error', params={'text': 'Singular matrix'}, scale=None, validity=False)
    """
    found = getattr(exc, "caveat", None)
    if isinstance(found, Caveat):
        return found
    return Caveat("error", {"text": str(exc)})


def data_error(code: str, **params: object) -> DataError:
    """A :class:`~servqual_cli.errors.DataError` whose message and caveat are ``code`` with
    ``params``.

    >>> e = data_error("no_values", items=("E2",))
    >>> e.message, e.caveat.code
    ('items have no values at all: E2', 'no_values')
    """
    caveat = Caveat(code, params)
    return DataError(caveat.message, caveat=caveat)


def usage_error(code: str, **params: object) -> UsageError:
    """:func:`data_error` for a request the items cannot meet (exit code 2)."""
    caveat = Caveat(code, params)
    return UsageError(caveat.message, caveat=caveat)
