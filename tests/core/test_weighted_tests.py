"""Design-based tests of weighted dimension gaps against R ``survey::svyttest``
(tests/core/r/weighted_tests.R writes weighted_tests.json), and their invariants.

Tolerances: relative 1e-10 for means, SEs, t and CIs (closed forms on both sides); relative
1e-8 for p-values (R's pt vs scipy.special.stdtr).
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

from servqual_cli.core.weighted_tests import conclusion, differing, weighted_gap_tests

R = Path(__file__).parent / "r"


@pytest.fixture(scope="module")
def want() -> dict:
    return json.loads((R / "weighted_tests.json").read_text())


def _check(got: pd.Series, ref: dict) -> None:
    assert int(got["n"]) == ref["n"]
    assert int(got["df"]) == ref["df"]
    for key in ("mean", "se", "t", "ci_low", "ci_high", "n_eff"):
        assert got[key] == pytest.approx(ref[key], rel=1e-10), key
    assert got["p"] == pytest.approx(ref["p"], rel=1e-8)


def test_synthetic_matches_svyttest(want: dict) -> None:
    ref = want["synthetic"]
    g = np.array(ref["g"], dtype=float).reshape(-1, 1)
    res = weighted_gap_tests(g, ["A"], np.array(ref["w"]), "w")
    _check(res.table.iloc[0], ref)


def test_sample_2025_through_the_cli_matches_svyttest(cli, samples_dir: Path, want: dict) -> None:
    # The whole path: the reader, the half-the-items rule, the weights and the test.
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--weight-column", "Vikt",
            "--no-items", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)["weighted_tests"]["dimensions"]
    assert [x["dimension"] for x in rows] == [x["dimension"] for x in want["sample"]]
    for got, ref in zip(rows, want["sample"], strict=True):
        _check(pd.Series(got), ref)
        assert got["p_adjusted"] == pytest.approx(ref["p_adjusted"], rel=1e-8)


def test_differing_names_the_flip_of_the_sample(cli, samples_dir: Path) -> None:
    # Review 5, finding 2: Tangibles is −0.05 (p .45) unweighted, −0.21 (p .006) weighted.
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--weight-column", "Vikt",
            "--no-items", "-f", "json")  # fmt: skip
    differ = json.loads(r.stdout)["weighted_differ"]
    assert [d["dimension"] for d in differ] == ["Tangibles"]
    assert differ[0]["p_adjusted"] < 0.05 <= differ[0]["unweighted_p_adjusted"]


def test_equal_weights_give_the_plain_mean_and_se_of_the_mean() -> None:
    # With w = 1 the linearised SE is sd/√n and t the one-sample t (df n − 2, svyttest's).
    rng = np.random.default_rng(5)
    g = rng.normal(-0.3, 1.0, size=(40, 2))
    res = weighted_gap_tests(g, ["A", "B"], np.ones(40), "w").table
    assert res["mean"].to_numpy() == pytest.approx(g.mean(axis=0), rel=1e-12)
    se = g.std(axis=0, ddof=1) / np.sqrt(40)
    assert res["se"].to_numpy() == pytest.approx(se, rel=1e-12)
    assert (res["df"] == 38).all()


@settings(max_examples=60, deadline=None)
@given(
    g=arrays(np.float64, 12, elements=st.floats(-6, 6, allow_nan=False)),
    w=arrays(np.float64, 12, elements=st.floats(0.1, 10)),
    scale=st.floats(0.5, 20),
)
def test_weights_are_scale_free_and_p_is_two_sided(
    g: np.ndarray, w: np.ndarray, scale: float
) -> None:
    a = weighted_gap_tests(g.reshape(-1, 1), ["A"], w, "w").table.iloc[0]
    b = weighted_gap_tests(g.reshape(-1, 1), ["A"], w * scale, "w").table.iloc[0]
    c = weighted_gap_tests(-g.reshape(-1, 1), ["A"], w, "w").table.iloc[0]
    if np.isnan(a["t"]):
        assert np.isnan(b["t"]) and np.isnan(c["t"])
        return
    assert b["t"] == pytest.approx(a["t"], rel=1e-9, abs=1e-9)
    assert c["p"] == pytest.approx(a["p"], rel=1e-9, abs=1e-12)
    assert 0.0 <= a["p"] <= 1.0
    assert a["ci_low"] <= a["mean"] <= a["ci_high"]


def test_conclusion_and_differing() -> None:
    assert conclusion(-0.2, 0.01) == -1 and conclusion(0.2, 0.01) == 1
    assert conclusion(-0.2, 0.05) == 0 and conclusion(-0.2, float("nan")) == 0
    g = np.array([[-1.0, 0.2], [-2.0, 0.1], [-1.5, 0.3], [-1.2, 0.25]])
    res = weighted_gap_tests(g, ["A", "B"], np.ones(4), "w")
    same = pd.DataFrame({"dimension": ["A", "B"], "gap": [-1.4, 0.2], "p_adjusted": [0.001, 0.01]})
    assert differing(res, same) == []
    flipped = same.assign(p_adjusted=[0.5, 0.01])
    assert [d["dimension"] for d in differing(res, flipped)] == ["A"]


def test_overall_regression_f_matches_lm(cli, samples_dir: Path, want: dict) -> None:
    # The --overall APA line's F test: summary(lm(Helhetsbetyg ~ five gaps))$fstatistic.
    ref = want["regression"]
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--overall", "Helhetsbetyg",
            "--no-items", "-f", "json")  # fmt: skip
    imp = json.loads(r.stdout)["importance"]
    assert imp["n"] == ref["n"] and imp["r2"] == pytest.approx(ref["r2"], rel=1e-10)
    f = imp["f_test"]
    assert (f["df1"], f["df2"]) == (ref["df1"], ref["df2"])
    assert f["f"] == pytest.approx(ref["f"], rel=1e-10)
    assert f["p"] == pytest.approx(ref["p"], rel=1e-6)


def test_overall_f_edge_cases() -> None:
    from servqual_cli.core.model_tests import overall_f

    assert np.isnan(overall_f(0.5, 3, 2).f)  # no residual df
    assert np.isnan(overall_f(1.0, 30, 2).p)  # a perfect fit: no F
    assert overall_f(0.0, 30, 2).p == pytest.approx(1.0)
