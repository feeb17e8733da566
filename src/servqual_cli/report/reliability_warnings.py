"""The reliability warnings in the reader's words: the core's English messages, matched whole.

The core (:mod:`servqual_cli.core.scales`, :mod:`~servqual_cli.core.reliability`,
:mod:`~servqual_cli.core.factor`, :mod:`~servqual_cli.core.cfa`) writes its caveats in English,
prefixed with the scale code (``"E:Tangibles: …"``, ``"P validity: …"``); JSON keeps them as
made. Here each known message is matched whole and rendered from the catalog
(:data:`~servqual_cli.report.catalog_reliability.RELIABILITY_WARNINGS`) in Swedish or English,
and the scale code becomes its label ("Förväntan – Fysisk miljö", "Upplevelse, hela skalan"), so
a Swedish report carries no English sentence and no internal token such as ``E:all``. A message
the catalog does not know is shown as made (after its translated prefix).
"""

from __future__ import annotations

import re

from servqual_cli.report.catalog import scale_name
from servqual_cli.report.catalog_reliability import RELIABILITY_WARNINGS as _W

__all__ = ["reader_reason", "reader_warning"]

_NUM = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"
# (pattern of the core's English message, catalog key); the named groups fill the template.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p + r"\Z"), key)
    for p, key in (
        (rf"item (?P<item>.+) has a negative item-rest correlation \((?P<r>{_NUM})\): "
         r"reversed item not declared\?", "negative_item_rest"),
        (r"item (?P<item>.+) has no variance \(every answer the same\) and was left out, as R "
         r"psych::alpha does", "constant_dropped"),
        (r"Heywood case in the one-factor model: the uniqueness of (?P<items>.+) stopped at the "
         r"0\.005 bound .*", "heywood_one_factor"),
        (r"the one-factor model did not converge; .*", "one_factor_not_converged"),
        (r"items load negatively on the common factor: (?P<items>.+) \(reversed item not "
         r"declared\?\)", "negative_loadings"),
        (r"omega not computed: (?P<why>.+)", "omega_not_computed"),
        (r"CFA not computed: (?P<why>.+)", "cfa_not_computed"),
        (r"EFA not computed: (?P<why>.+)", "efa_not_computed"),
        (r"KMO/Bartlett not computed: (?P<why>.+)", "kmo_not_computed"),
        (r"need at least (?P<k>\d+) items, got (?P<n>\d+) \((?P<items>[^)]*)\)"
         r"(?: \(left out for no variance: (?P<gone>[^)]*)\))?", "too_few_items"),
        (r"items have no variance \(every answer the same\): (?P<items>.+)", "no_variance"),
        (r"items have no values at all: (?P<items>.+)", "no_values"),
        (r"a scale needs at least two items", "two_items"),
        (r"the items' covariances sum to zero \(the total score has no variance\): alpha is "
         r"undefined", "alpha_undefined"),
        (r"item (?P<item>.+): negative residual variance \(Heywood case\)", "heywood_cfa"),
        (r"factor correlation matrix is not positive definite", "phi_not_pd"),
        (r"CFA estimation did not converge; results are unreliable", "cfa_not_converged"),
        (r"correlations of (?P<score>\S+) undefined \(too few answers or no variance\): KMO, "
         r"Bartlett and the EFA are not computed", "corr_undefined"),
        (r"the (?P<missing>pairwise|listwise) correlation matrix of (?P<score>\S+) is not "
         r"positive definite \(smallest eigenvalue (?P<ev>[^)]+)\); KMO, Bartlett and the EFA "
         r"are not computed from it(?P<hint> \(try --missing listwise\))?", "corr_not_pd"),
        (r"Heywood case: uniqueness at its lower bound for (?P<items>.+)", "heywood_efa"),
        (r"factor extraction or rotation did not converge", "efa_not_converged"),
        (r"bootstrap CI resamples the (?P<n>\d+) complete rows only", "boot_complete"),
        (r"(?P<n>\d+) bootstrap draws had no variance", "boot_no_variance"),
        (r"item covariance matrix is singular \(constant or linearly dependent items\)",
         "cov_singular"),
        (r"CFA listwise: only (?P<used>\d+) of (?P<n>\d+) rows \((?P<share>\d+)%\) have every "
         r"item answered", "cfa_listwise_share"),
        (r"CFA on (?P<n>\d+) complete rows for (?P<k>\d+) free parameters, fewer rows than "
         r"parameters: its fit indices, CR, AVE and omega are not reported", "cfa_too_few_rows"),
        (r"CFA on (?P<n>\d+) complete rows for (?P<k>\d+) free parameters, fewer than "
         r"(?P<per>\d+) per parameter \(Bentler & Chou 1987\): read its fit indices, CR and "
         r"AVE with caution", "cfa_few_rows"),
    )
)  # fmt: skip
_NESTED = ("why",)  # groups that hold another core message
_SCORES = ("E", "P", "gap")


def _pick(key: str, lang: str) -> str:
    sv, en = _W[key]
    return sv if lang == "sv" else en


def _number(text: str, lang: str) -> str:
    """A number from a core message in the reader's style (decimal comma and "−" in Swedish)."""
    return text.replace(".", ",").replace("-", "\u2212") if lang == "sv" else text


def reader_reason(message: str, lang: str) -> str:
    """One core message (no scale prefix) in the reader's language; unknown ones as made.

    >>> reader_reason("items have no values at all: E2", "sv")
    'påståenden saknar helt svar: E2'
    >>> text = "item E4 has a negative item-rest correlation (-0.015): reversed item not declared?"
    >>> reader_reason(text, "sv")[:61]
    'påstående E4 har negativ korrelation med övriga påståenden (−'
    >>> reader_reason("something new", "sv")
    'something new'
    """
    for pattern, key in _PATTERNS:
        m = pattern.match(message)
        if m is None:
            continue
        fields = {k: ("" if v is None else v) for k, v in m.groupdict().items()}
        for k in _NESTED:
            if k in fields:
                fields[k] = reader_reason(fields[k], lang)
        if "r" in fields:
            fields["r"] = _number(fields["r"], lang)
        if "ev" in fields:
            fields["ev"] = _number(fields["ev"], lang)
        if "score" in fields:
            fields["score"] = scale_name(fields["score"], lang)
        if "gone" in fields:
            gone = fields.pop("gone")
            suffix = _pick("left_out_suffix", lang).format(items=gone) if gone else ""
            return _pick(key, lang).format(**fields) + suffix
        if "hint" in fields:
            fields["hint"] = _pick("corr_hint", lang) if fields["hint"] else ""
        return _pick(key, lang).format(**fields)
    return message


def reader_warning(message: str, lang: str) -> str:
    """A core warning with its scale prefix as a label and its text in the reader's language.

    >>> reader_warning("E:all: items have no values at all: E2", "sv")
    'Förväntan, hela skalan: påståenden saknar helt svar: E2'
    >>> reader_warning("P validity: CFA estimation did not converge; results are unreliable",
    ...                "en")
    'Perception, validity: CFA estimation did not converge; results are unreliable'
    """
    head, sep, rest = message.partition(": ")
    if sep:
        code, _, part = head.partition(" ")
        if part == "validity" and code in _SCORES:
            return f"{scale_name(code, lang)}, {_pick('validity_prefix', lang)}: " + reader_reason(
                rest, lang
            )
        score, colon, _ = head.partition(":")
        if colon and score in _SCORES and " " not in score:
            return f"{scale_name(head, lang)}: {reader_reason(rest, lang)}"
    return reader_reason(message, lang)
