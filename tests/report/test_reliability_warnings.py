"""The core's reliability warnings in the reader's words (review 2, item 13)."""

from __future__ import annotations

import pytest

from servqual_cli.report.catalog_reliability import RELIABILITY_WARNINGS
from servqual_cli.report.reliability_warnings import _PATTERNS, reader_reason, reader_warning

CORE_MESSAGES = [
    "item E4 has a negative item-rest correlation (-0.015): reversed item not declared?",
    "item E1 has no variance (every answer the same) and was left out, as R psych::alpha does",
    "Heywood case in the one-factor model: the uniqueness of P5 stopped at the 0.005 bound "
    "(factanal's rule), where unbounded ML (lavaan) would estimate a negative residual "
    "variance: one factor fits these items poorly, and the bounded omega is no reliability to "
    "report",
    "the one-factor model did not converge; omega is not reported",
    "items load negatively on the common factor: P7, P9 (reversed item not declared?)",
    "omega not computed: need at least 3 items, got 2 (E3, E4)",
    "need at least 2 items, got 1 (E3) (left out for no variance: E1)",
    "items have no variance (every answer the same): E1",
    "items have no values at all: E2",
    "a scale needs at least two items",
    "item P21: negative residual variance (Heywood case)",
    "factor correlation matrix is not positive definite",
    "CFA estimation did not converge; results are unreliable",
    "correlations of E undefined (too few answers or no variance): KMO, Bartlett and the EFA "
    "are not computed",
    "the pairwise correlation matrix of gap is not positive definite (smallest eigenvalue "
    "-0.0123); KMO, Bartlett and the EFA are not computed from it (try --missing listwise)",
    "CFA not computed: item covariance matrix is singular (constant or linearly dependent items)",
    "Heywood case: uniqueness at its lower bound for E1, E2",
    "factor extraction or rotation did not converge",
    "bootstrap CI resamples the 28 complete rows only",
    "3 bootstrap draws had no variance",
    "the items' covariances sum to zero (the total score has no variance): alpha is undefined",
]
ENGLISH = ("item", "items", "not", "the", "has", "was", "case", "did", "computed", "matrix")


@pytest.mark.parametrize("message", CORE_MESSAGES)
def test_every_core_message_reads_in_swedish(message: str) -> None:
    sv = reader_reason(message, "sv")
    assert sv != message
    words = set(sv.replace("(", " ").replace(")", " ").replace(",", " ").split())
    assert not words & set(ENGLISH), sv


def test_every_pattern_has_its_words() -> None:
    keys = {key for _, key in _PATTERNS}
    assert keys <= set(RELIABILITY_WARNINGS)
    helpers = {"validity_prefix", "corr_hint", "left_out_suffix"}
    assert set(RELIABILITY_WARNINGS) - helpers == keys


def test_prefix_is_the_scale_label() -> None:
    assert reader_warning("gap:all: items have no values at all: E2", "sv").startswith(
        "Gap, hela skalan: "
    )
    assert reader_warning("E validity: factor extraction or rotation did not converge", "sv") == (
        "Förväntan, validitet: faktorextraktionen eller rotationen konvergerade inte"
    )
    assert reader_warning("something else", "sv") == "something else"
