"""The model F test carried on core.importance.Importance (``f_test``) against statsmodels OLS
(``fvalue``, ``df_model``, ``df_resid``, ``f_pvalue``: the F of R ``summary(lm())``), on the
toolbox sample (tests/core/r/toolbox_synth.csv, both predictor sets) and on random data with
missing values (complete cases, as derived_importance fits).

Tolerances: relative 1e-10 for F (both sides compute it from the residual sums of squares in
double precision), 1e-8 for p (scipy's fdtrc against statsmodels' scipy.stats.f.sf)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.importance import derived_importance
from servqual_cli.core.respondent_scores import respondent_scores

R = Path(__file__).parent / "r"
DIMS = {"Reliability": [0, 1], "Responsiveness": [2, 3], "Empathy": [4, 5]}


def _reference(y: np.ndarray, x: np.ndarray) -> tuple[float, int, int, float]:
    ok = ~np.isnan(y) & ~np.isnan(x).any(axis=1)
    fit = sm.OLS(y[ok], sm.add_constant(x[ok], has_constant="add")).fit()
    return float(fit.fvalue), int(fit.df_model), int(fit.df_resid), float(fit.f_pvalue)


def _check(y: np.ndarray, x: np.ndarray) -> None:
    got = derived_importance(y, x, [f"d{k}" for k in range(x.shape[1])]).f_test
    f, df1, df2, p = _reference(y, x)
    assert (got.df1, got.df2) == (df1, df2)
    assert got.f == pytest.approx(f, rel=1e-10)
    assert got.p == pytest.approx(p, rel=1e-8, abs=1e-300)


@pytest.mark.parametrize("kind", ["gap", "perception"])
def test_f_test_matches_statsmodels_on_the_toolbox_sample(kind: str) -> None:
    data = pd.read_csv(R / "toolbox_synth.csv")
    e, p = [data[[f"{s}{i}" for i in range(1, 7)]].to_numpy(dtype=float) for s in "EP"]
    scores = respondent_scores(e, p, DIMS)
    x = scores.gap if kind == "gap" else scores.servperf
    _check(data["overall"].to_numpy(dtype=float), x)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(12, 300),
    k=st.integers(1, 5),
    signal=st.floats(0.0, 2.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_f_test_matches_statsmodels(n: int, k: int, signal: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, k))
    y = 1.0 + signal * x @ rng.normal(size=k) + rng.normal(size=n)
    x[rng.random(size=(n, k)) < 0.05] = np.nan  # some incomplete respondents
    if (~np.isnan(x).any(axis=1)).sum() < k + 2:
        return
    _check(y, x)


def test_json_keeps_f_test_after_the_coefficients() -> None:
    """The key order of ``gap --overall -f json`` is kept (the F test used to be added last)."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(50, 2))
    out = derived_importance(x @ [1.0, 0.5] + rng.normal(size=50), x, ["a", "b"]).to_dict()
    assert list(out)[-2:] == ["coefficients", "f_test"]
    assert set(out["f_test"]) == {"f", "df1", "df2", "p"}
