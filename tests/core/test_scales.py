"""core.scales validity and omega against R (tests/core/r/validity12.R writes validity12.json).

KMO and Bartlett are closed forms of the correlation matrix (1e-10). Omega and the CFA come
from iterative ML fits matched to 1e-6 (the tolerance of the existing lavaan comparisons).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.alpha_screen import screen_low, screen_small
from servqual_cli.core.cfa import cfa
from servqual_cli.core.omega import OMEGA_CFA, OMEGA_ONE_FACTOR, omega_total
from servqual_cli.core.reliability import cronbach_alpha, drop_constant_items
from servqual_cli.core.reliability_screen import coefficient_problem
from servqual_cli.core.scales import instrument_reliability, scale_reliability
from servqual_cli.errors import ServqualError

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "validity12.json").read_text())
NAMES = {s: [f"{s}{i}" for i in range(1, 7)] for s in ("E", "P", "gap")}
DIMS = {"A": [0, 1, 2], "B": [3, 4, 5]}


def columns(key: str) -> np.ndarray:
    return np.column_stack([np.asarray(c, dtype=float) for c in R[key]["x"]])


@pytest.fixture(scope="module")
def missing_data() -> np.ndarray:
    return columns("missing")


def run(x: np.ndarray, missing: str, dims: Any = None, names: Any = None) -> Any:
    p = np.clip(x - 1.0, 1, 7)  # any P: the E validity is what is checked
    return instrument_reliability(x, p, names or NAMES, dims or DIMS, missing=missing)  # type: ignore[arg-type]


def test_listwise_kmo_and_bartlett_use_the_complete_rows(missing_data: np.ndarray) -> None:
    m = R["missing"]
    e = run(missing_data, "listwise").validity[0]
    assert e.score == "E"
    assert e.kmo.msa == pytest.approx(m["kmo_listwise"], rel=1e-10)
    assert e.bartlett.chi2 == pytest.approx(m["bartlett_listwise"], rel=1e-10)
    assert e.bartlett.n == e.efa.n == e.cfa.n == m["n_complete"]
    assert "listwise" in e.matrix and str(m["n_complete"]) in e.matrix


def test_pairwise_kmo_stays_pairwise_and_says_the_cfa_is_listwise(
    missing_data: np.ndarray,
) -> None:
    e = run(missing_data, "pairwise").validity[0]
    assert e.kmo.msa == pytest.approx(R["missing"]["kmo_pairwise"], rel=1e-10)
    assert "CFA listwise, on the 109 complete rows" in e.matrix


def test_indefinite_pairwise_matrix_is_a_warning_not_numbers() -> None:
    assert R["indefinite"]["min_eigen"] < 0  # R agrees the matrix is indefinite
    x = columns("indefinite")
    names = {s: [f"{s}{i}" for i in range(1, 4)] for s in ("E", "P", "gap")}
    e = run(x, "pairwise", {"A": [0, 1, 2]}, names).validity[0]
    assert e.kmo is None and e.bartlett is None and e.efa is None
    (warning,) = (w for w in e.warnings if w.code == "corr_not_pd")
    assert warning.params == {
        "missing": "pairwise",
        "score": "E",
        "ev": pytest.approx(R["indefinite"]["min_eigen"], abs=1e-9),
        "hint": True,
    }
    assert "not positive definite" in warning.message and " of E " in warning.message


def test_heywood_omega_is_factanals_bounded_estimate_and_says_so() -> None:
    h = R["heywood"]
    x = pd.DataFrame(columns("heywood"), columns=["P1", "P2", "P3"])
    res = omega_total(x)
    assert res.estimator == OMEGA_ONE_FACTOR
    assert res.omega_total == pytest.approx(h["omega_bounded"], abs=1e-6)
    assert h["lavaan_theta"][0] < 0  # lavaan's unbounded fit: a negative residual variance
    assert abs(res.omega_total - h["omega_lavaan"]) > 1e-3  # so the two omegas differ
    (warning,) = res.warnings
    assert warning.code == "heywood_one_factor" and warning.params == {"items": ("P1",)}
    text = warning.message
    assert "P1" in text and "0.005 bound" in text and "lavaan" in text
    assert "overstated" not in text


def test_whole_scale_omega_from_the_k_factor_cfa(missing_data: np.ndarray) -> None:
    m = R["missing"]
    complete = pd.DataFrame(missing_data, columns=NAMES["E"]).dropna()
    fit = cfa(complete, {"A": ["E1", "E2", "E3"], "B": ["E4", "E5", "E6"]})
    assert fit.omega_total == pytest.approx(m["omega_cfa_total"], abs=1e-6)
    scales = {s.scale: s for s in run(missing_data, "pairwise").scales}
    assert scales["E:all"].omega_total == pytest.approx(m["omega_cfa_total"], abs=1e-6)
    assert scales["E:all"].omega_estimator == OMEGA_CFA
    assert scales["E:A"].omega_estimator == OMEGA_ONE_FACTOR


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    k=st.integers(2, 7),
    blank=st.sampled_from([0.0, 0.1, 0.4]),
    missing=st.sampled_from(["pairwise", "listwise"]),
)
def test_scale_reliability_is_alpha_and_omega_computed_apart(
    seed: int, k: int, blank: float, missing: str
) -> None:
    """scale_reliability computes the item covariance once for alpha and omega (issue #16):
    the result is exactly cronbach_alpha's with omega_total's value and warnings."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(60, 1)) + rng.normal(size=(60, k))
    x[rng.random(x.shape) < blank] = np.nan
    given = pd.DataFrame(np.round(x * 2), columns=[f"i{j}" for j in range(k)])
    # a constant item is left out first, with a warning (psych::alpha's rule, review 2)
    items, _, left_out = drop_constant_items(given, missing)  # type: ignore[arg-type]
    try:
        alone = cronbach_alpha(items, missing=missing, name="s")  # type: ignore[arg-type]
    except ServqualError as exc:
        with pytest.raises(type(exc), match=re.escape(exc.message)):
            scale_reliability(given, "s", missing)  # type: ignore[arg-type]
        return
    # ...and a tiny sample's caveats come first (core.alpha_screen, review 7 finding 9)
    screened = screen_small(alone)
    small = screened.warnings[: len(screened.warnings) - len(alone.warnings)]
    # ...and a low α's caveat before the core's own (review 15, finding 2)
    warnings = [*small, *left_out, *screen_low(alone).warnings]
    try:
        om = omega_total(items, missing=missing)  # type: ignore[arg-type]
        value: float | None = om.omega_total
        warnings += list(om.warnings)
        # ...withdrawn when the fit failed or left [0, 1] (core.reliability_screen, review 2)
        if coefficient_problem(value, converged=om.converged, heywood=bool(om.heywood)):
            value = None
    except ServqualError as exc:
        value = None
        warnings.append(f"omega not computed: {exc.message}")
    both = scale_reliability(given, "s", missing)  # type: ignore[arg-type]
    assert both.omega_total == value  # exactly: the same matrix, the same fit
    assert [w.message for w in both.warnings] == [str(w) for w in warnings]
    assert both.to_dict()["alpha"] == alone.to_dict()["alpha"]
    pd.testing.assert_frame_equal(both.items, screened.items)
