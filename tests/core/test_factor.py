"""Tests of KMO, Bartlett's test, EFA (minres/ML, varimax/oblimin) and CFA.

Known answers come from R (psych 2.2.9 ``KMO``/``cortest.bartlett``/``fa``, GPArotation
2022.10-2, lavaan 0.6.14 ``cfa``/``fitMeasures``/``standardizedSolution``) produced by
tests/core/r/factor.R on the CSV files beside it and stored in tests/core/r/factor_expected.json;
the tests never call R.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.cfa import cfa
from servqual_cli.core.factor import bartlett_sphericity, efa, kmo
from servqual_cli.core.omega import omega_total
from servqual_cli.core.pairwise import pairwise_corr
from servqual_cli.core.rotation import oblimin, varimax
from servqual_cli.errors import DataError, UsageError

R_DIR = Path(__file__).parent / "r"
EXPECTED = json.loads((R_DIR / "factor_expected.json").read_text())

# Correlations, KMO and Bartlett are closed-form: R and numpy agree to ~1e-14.
TOL_CLOSED_FORM = 1e-10
# EFA: psych stops L-BFGS-B at its default factr (1e7) and GPArotation at a gradient norm of
# 1e-5, while we optimise to ~1e-10; observed loading differences are <= 5e-6, so 1e-4.
TOL_EFA = 1e-4
# CFA fit measures: lavaan's nlminb leaves chi² within ~5e-7 of the optimum (relative 1e-10)
# and the indices derived from it within ~1e-8; 1e-6 absolute on indices, 1e-8 relative on chi².
TOL_CFA_FIT = 1e-6
TOL_CFA_CHI2_REL = 1e-8
# Standardized loadings sit on a flat likelihood: lavaan's parameters are good to ~5e-6.
TOL_CFA_LOADING = 1e-4


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return {
        "bfi": pd.read_csv(R_DIR / "bfi.csv").iloc[:, :25],
        "synth": pd.read_csv(R_DIR / "servqual_synth.csv"),
    }


def corr_frame(frame: pd.DataFrame) -> pd.DataFrame:
    r, _ = pairwise_corr(frame.to_numpy(float))
    return pd.DataFrame(r, index=frame.columns, columns=frame.columns)


@pytest.mark.parametrize("name", ["bfi", "synth"])
def test_pairwise_corr_kmo_bartlett_match_psych(name: str, data: dict[str, pd.DataFrame]) -> None:
    frame = data[name]
    r = corr_frame(frame)
    np.testing.assert_allclose(r, EXPECTED["corr"][name], rtol=0, atol=TOL_CLOSED_FORM)
    res = kmo(r)
    exp = EXPECTED["kmo"][name]
    assert res.msa == pytest.approx(exp["msa"], abs=TOL_CLOSED_FORM)
    np.testing.assert_allclose(res.items["msa"], exp["msa_items"], atol=TOL_CLOSED_FORM)
    assert res.items["item"].tolist() == list(frame.columns)
    bart = bartlett_sphericity(r, n=len(frame))
    exp_b = EXPECTED["bartlett"][name]
    assert bart.chi2 == pytest.approx(exp_b["chi2"], rel=TOL_CLOSED_FORM)
    assert bart.df == exp_b["df"]
    assert bart.p == pytest.approx(exp_b["p"], rel=1e-6, abs=1e-300)


def align(ours: np.ndarray, theirs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column permutation and signs of ``ours`` best matching ``theirs`` (greedy on |r|)."""
    m = ours.shape[1]
    sim = np.abs(np.corrcoef(ours.T, theirs.T)[:m, m:]) if m > 1 else np.ones((1, 1))
    perm = np.full(m, -1)
    for _ in range(m):
        i, j = np.unravel_index(np.argmax(sim), sim.shape)
        perm[j] = i
        sim[i, :], sim[:, j] = -1.0, -1.0
    signs = np.sign((ours[:, perm] * theirs).sum(axis=0))
    return perm, signs


@pytest.mark.parametrize("case", sorted(EXPECTED["efa"]))
def test_efa_matches_psych_fa(case: str, data: dict[str, pd.DataFrame]) -> None:
    name, n_factors, method, rotation = case.split("/")
    exp = EXPECTED["efa"][case]
    res = efa(data[name], int(n_factors), rotation=rotation, method=method)  # type: ignore[arg-type]
    assert res.converged and res.warnings == ()
    ours = res.loadings.to_numpy()
    theirs = np.array(exp["loadings"], dtype=float).reshape(ours.shape)
    perm, signs = align(ours, theirs)
    # psych's own ordering and signs are reproduced, not just matched up to them
    np.testing.assert_array_equal(perm, np.arange(ours.shape[1]))
    np.testing.assert_array_equal(signs, 1.0)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL_EFA)
    np.testing.assert_allclose(res.communality, exp["communality"], atol=TOL_EFA)
    np.testing.assert_allclose(res.uniqueness, exp["uniqueness"], atol=TOL_EFA)
    if rotation == "oblimin":
        assert res.phi is not None
        np.testing.assert_allclose(res.phi, exp["phi"], atol=TOL_EFA)
    else:
        assert res.phi is None
    json.dumps(res.to_dict(), allow_nan=False)


FIT_KEYS = {
    "cfi": "cfi",
    "tli": "tli",
    "rmsea": "rmsea",
    "rmsea_ci_low": "rmsea.ci.lower",
    "rmsea_ci_high": "rmsea.ci.upper",
    "srmr": "srmr",
}


@pytest.mark.parametrize("case", sorted(EXPECTED["cfa"]))
def test_cfa_matches_lavaan(case: str, data: dict[str, pd.DataFrame]) -> None:
    exp = EXPECTED["cfa"][case]
    fit = exp["fit"]
    res = cfa(data["bfi" if case.startswith("bfi") else "synth"], exp["model"])
    assert res.converged and res.warnings == ()
    assert (res.n, res.df, res.baseline_df) == (fit["ntotal"], fit["df"], fit["baseline.df"])
    assert res.chi2 == pytest.approx(fit["chisq"], rel=TOL_CFA_CHI2_REL)
    assert res.baseline_chi2 == pytest.approx(fit["baseline.chisq"], rel=TOL_CFA_CHI2_REL)
    # lavaan reports 1 - pchisq(), which is exactly 0 below 1e-16; we use the survival function
    assert res.p == pytest.approx(fit["pvalue"], abs=1e-9)
    for ours, theirs in FIT_KEYS.items():
        assert getattr(res, ours) == pytest.approx(fit[theirs], abs=TOL_CFA_FIT), ours
    assert res.loadings["item"].tolist() == exp["loading_item"]
    assert res.loadings["factor"].tolist() == exp["loading_factor"]
    np.testing.assert_allclose(
        res.loadings["std_loading"], exp["std_loading"], atol=TOL_CFA_LOADING
    )
    cors = [res.factor_cor.loc[a, b] for a, b in zip(exp["cor_lhs"], exp["cor_rhs"], strict=True)]
    np.testing.assert_allclose(cors, exp["cor"], atol=TOL_CFA_LOADING)
    np.testing.assert_allclose(
        res.factors["composite_reliability"], exp["composite_reliability"], atol=TOL_CFA_LOADING
    )
    np.testing.assert_allclose(res.factors["ave"], exp["ave"], atol=TOL_CFA_LOADING)
    json.dumps(res.to_dict(), allow_nan=False)


def test_one_factor_cfa_agrees_with_omega_model(data: dict[str, pd.DataFrame]) -> None:
    """Two independent ML fits of the same one-factor model (Fisher scoring vs factanal-style)."""
    agree = data["bfi"][[f"A{i}" for i in range(1, 6)]].assign(A1=lambda d: 7 - d["A1"])
    res = cfa(agree, {"agree": list(agree.columns)})
    omega = omega_total(agree, missing="listwise")
    assert res.df == 5 and res.factor_cor.shape == (1, 1)
    np.testing.assert_allclose(
        res.loadings["std_loading"], omega.loadings["std_loading"], atol=1e-6
    )


def test_cfa_errors(data: dict[str, pd.DataFrame]) -> None:
    bfi = data["bfi"]
    with pytest.raises(DataError, match="not in the data: X9"):
        cfa(bfi, {"a": ["A1", "A2", "X9"]})
    with pytest.raises(UsageError, match="more than one factor"):
        cfa(bfi, {"a": ["A1", "A2", "A3"], "b": ["A3", "C1", "C2"]})
    with pytest.raises(UsageError, match="at least 2 items"):
        cfa(bfi, {"a": ["A1", "A2", "A3"], "b": ["C1"]})
    with pytest.raises(UsageError, match="not identified"):
        cfa(bfi, {"a": ["A1", "A2"]})
    with pytest.raises(UsageError, match="no factors"):
        cfa(bfi, {})


def test_factor_input_errors(data: dict[str, pd.DataFrame]) -> None:
    with pytest.raises(UsageError, match="square"):
        kmo(np.ones((2, 3)))
    with pytest.raises(UsageError, match="correlation matrix"):
        kmo(np.array([[1.0, 0.2], [0.3, 1.0]]))
    with pytest.raises(DataError, match="singular"):
        kmo(np.ones((3, 3)))
    with pytest.raises(UsageError, match="cannot extract 4 factors from 5 items"):
        efa(data["bfi"].iloc[:, :5], 4)
    with pytest.raises(UsageError, match="rotation"):
        efa(data["bfi"], 2, rotation="quartimax")  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float64, (8, 3), elements=st.floats(-0.95, 0.95)).filter(
        lambda a: np.linalg.matrix_rank(a) == 3 and (np.abs(a).sum(axis=1) > 0.1).all()
    )
)
def test_rotations_preserve_the_common_part(a: np.ndarray) -> None:
    """Both rotations leave the model-implied common covariance ΛΦΛᵀ unchanged."""
    v = varimax(a)
    np.testing.assert_allclose(v.loadings @ v.loadings.T, a @ a.T, atol=1e-9)
    o = oblimin(a)
    assert o.phi is not None
    np.testing.assert_allclose(o.loadings @ o.phi @ o.loadings.T, a @ a.T, atol=1e-8)
    np.testing.assert_allclose(np.diag(o.phi), 1.0, atol=1e-12)
