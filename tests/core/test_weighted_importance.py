"""Survey-weighted derived importance (``gap --overall --weight-column``; session 17: the
regression was unweighted beside weighted tables, without a word) against R: ``survey::svyglm``
on ``svydesign(ids = ~1, weights = ~w)`` of the complete rows, ``confint``, ``regTermTest``, R²
from the deviances, ``cov.wt`` for r, VIF and β, Johnson's weights from the weighted correlation
matrix (tests/core/r/weighted_importance.R, stored weighted_importance.json), on
tests/data/importance_weighted.csv (the toolbox sample with one weight 0 and two missing).

Tolerance: relative 1e-8 (R's QR of the weighted design against numpy's inverse of X'WX)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.importance import Importance
from servqual_cli.core.respondent_scores import respondent_scores
from servqual_cli.core.weighted_importance import weighted_importance

R = Path(__file__).parent / "r"
DATA = Path(__file__).parents[1] / "data"
WANT = json.loads((R / "weighted_importance.json").read_text(encoding="utf-8"))
DIMS = {"Reliability": [0, 1], "Responsiveness": [2, 3], "Empathy": [4, 5]}


def _fit(on: str) -> Importance:
    data = pd.read_csv(DATA / "importance_weighted.csv")
    e, p = [data[[f"{s}{i}" for i in range(1, 7)]].to_numpy(dtype=float) for s in "EP"]
    scores = respondent_scores(e, p, DIMS)
    x = scores.gap if on == "gap" else scores.servperf
    y, w = data["overall"].to_numpy(dtype=float), data["w"].to_numpy(dtype=float)
    return weighted_importance(y, x, list(DIMS), w, "w", "overall", on)


@pytest.mark.parametrize("on", ["gap", "perception"])
def test_weighted_importance_matches_svyglm(on: str) -> None:
    want, got = WANT[on], _fit(on)
    c = got.coefficients
    for col in ("b", "se", "p", "ci_low", "ci_high", "beta", "r_overall", "vif",
                "relative_weight"):  # fmt: skip
        np.testing.assert_allclose(c[col].to_numpy(dtype=float), want[col], rtol=1e-8,
                                   err_msg=col)  # fmt: skip
    np.testing.assert_allclose(got.intercept, want["intercept"], rtol=1e-8)
    np.testing.assert_allclose(got.r2, want["r2"], rtol=1e-8)
    f = got.f_test
    assert (f.df1, f.df2) == (want["f_df1"], want["df"])
    np.testing.assert_allclose([f.f, f.p], [want["f"], want["f_p"]], rtol=1e-8)
    # the relative weights still split the (weighted) R²
    np.testing.assert_allclose(c["relative_weight"].sum(), want["r2"], rtol=1e-8)
    assert (got.n, got.n_zero_weight, got.n_missing_weight) == (want["n"], 1, 2)
    assert got.weight_column == "w"


def test_unweighted_fit_of_the_same_respondents_is_kept() -> None:
    got, want = _fit("gap"), WANT["gap"]
    assert got.unweighted is not None and got.unweighted.n == want["unweighted_n"]
    np.testing.assert_allclose(got.unweighted.coefficients["b"], want["unweighted_b"], rtol=1e-8)
    out = got.to_dict()
    assert out["weight_column"] == "w" and "svyglm" in out["method"]
    assert out["unweighted"]["weight_column"] is None
    assert out["unweighted"]["coefficients"][0]["b"] == pytest.approx(want["unweighted_b"][0])


def test_an_exact_fit_gives_no_wald_test_rather_than_a_traceback() -> None:
    x = np.array([[1.0, 2], [2, 1], [3, 5], [4, 3], [5, 4], [6, 7]])
    y = 1.0 + x @ np.array([0.5, 0.25])
    got = weighted_importance(y, x, ["A", "B"], np.array([1.0, 2, 1, 2, 1, 2]), "w")
    assert np.isnan(got.f_test.f) and np.isnan(got.f_test.p)
    np.testing.assert_allclose(got.coefficients["b"], [0.5, 0.25])
