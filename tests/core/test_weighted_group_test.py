"""The design-based test between groups of weighted dimension gaps against R ``survey::svyglm``
+ ``regTermTest`` (tests/core/r/weighted_group_test.R writes weighted_group_test.json), and its
invariants.

Tolerances: relative 1e-10 for F (closed forms on both sides: the diagonal sandwich covariance
here, R's QR and svyrecvar there); relative 1e-8 for p-values (R's pf vs scipy.special.fdtrc).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.weighted_group_gaps import weighted_group_gaps
from servqual_cli.core.weighted_group_test import weighted_group_tests

R = Path(__file__).parent / "r"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def want() -> dict:
    return json.loads((R / "weighted_group_test.json").read_text())


def _check(got: dict, ref: dict) -> None:
    assert got["n"] == ref["n"]
    assert got["df1"] == ref["df1"]
    assert got["df2"] == ref["df2"]
    assert got["f"] == pytest.approx(ref["f"], rel=1e-10)
    assert got["p"] == pytest.approx(ref["p"], rel=1e-8)


def test_synthetic_matches_regtermtest(want: dict) -> None:
    # a respondent without a group (in the design's N, not in the model), a group of one and a
    # group of equal gaps (both left out, as Welch's ANOVA leaves them out)
    ref = want["synthetic"]
    res = weighted_group_tests(np.array(ref["g"], dtype=float), ["A"], np.array(ref["w"]),
                               "w", ref["group"], "K")  # fmt: skip
    _check(res.table.iloc[0].to_dict(), ref)
    assert list(res.groups[0]) == ref["groups"]
    # groups in the test on fewer than 6 gaps are named (a: 6 gaps, b: 4 with a gap, c: 2)
    assert res.small[0] == {"b": 4, "c": 2}
    assert res.left_out[0] == {"d": "no variance (all gaps equal)",
                               "e": "fewer than 2 valid dimension gaps"}  # fmt: skip


@pytest.mark.parametrize("by", ["Kön", "Åldersgrupp", "Tjänst"])
def test_sample_2025_matches_regtermtest(want: dict, by: str) -> None:
    # The whole path of the CLI and the report: the reader, the half-the-items rule, Vikt.
    from servqual_cli.core.respondent_scores import respondent_scores
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.io.weight_column import read_weight_column

    d = load_survey_file(str(SAMPLES / "karlstad_servqual_2025.xlsx"), None, by=by)
    scores = respondent_scores(d.expectation, d.perception, d.dimension_positions)
    w, column = read_weight_column(d, "Vikt", "--weight-column")
    res = weighted_group_tests(scores.gap, list(scores.dimensions), w, column, d.groups, by)
    assert res.n_tests == len(want["sample"][by]) == 5
    for got, ref in zip(res.table.to_dict("records"), want["sample"][by], strict=True):
        assert got["dimension"] == ref["dimension"]
        _check(got, ref)
        assert got["p_adjusted"] == pytest.approx(ref["p_adjusted"], rel=1e-8)
    for names, ref in zip(res.groups, want["sample"][by], strict=True):
        assert sorted(names) == sorted(ref["groups"])  # R sorts Ä by its locale


def test_two_groups_is_the_squared_difference_over_the_domain_variances() -> None:
    # The covariance is diagonal and each v_d is the squared SE of the group's weighted gap in
    # the per-group table (the same design, N kept): F = (μ1 − μ2)² / (se1² + se2²).
    rng = np.random.default_rng(11)
    g = rng.normal(-0.4, 1.0, size=(40, 2))
    g[3, 0] = np.nan
    w = rng.uniform(0.3, 4.0, size=40)
    labels = np.array(["a"] * 18 + ["b"] * 19 + [None] * 3, dtype=object)
    tests = weighted_group_tests(g, ["A", "B"], w, "w", labels, "K").table
    per = weighted_group_gaps(g, ["A", "B"], w, "w", labels, "K").table
    for dim, row in zip(["A", "B"], tests.to_dict("records"), strict=True):
        a = per[(per["group"] == "a") & (per["dimension"] == dim)].iloc[0]
        b = per[(per["group"] == "b") & (per["dimension"] == dim)].iloc[0]
        f = (a["mean"] - b["mean"]) ** 2 / (a["se"] ** 2 + b["se"] ** 2)
        assert row["f"] == pytest.approx(f, rel=1e-12)
        assert row["df2"] == a["n"] + b["n"] - 2


def test_fewer_than_two_groups_no_test() -> None:
    g = np.array([[-1.0], [0.5], [2.0], [1.0]])
    res = weighted_group_tests(g, ["A"], np.ones(4), "w", ["a", "a", "a", "b"], "K")
    row = res.table.iloc[0]
    assert row["k"] == 1 and np.isnan(row["f"]) and np.isnan(row["p"])
    assert res.n_tests == 0
    assert res.to_dict()["dimensions"][0]["left_out"] == {"b": "fewer than 2 valid dimension gaps"}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    g=arrays(np.float64, 16, elements=st.integers(-24, 24).map(lambda x: x / 4)),
    w=arrays(np.float64, 16, elements=st.floats(0.1, 10)),
    labels=st.lists(st.sampled_from(["a", "b", "c", None]), min_size=16, max_size=16),
    scale=st.floats(0.5, 20),
    shift=st.integers(-12, 12).map(lambda x: x / 4),
)
def test_scale_free_weights_and_shift_free_gaps(
    g: np.ndarray, w: np.ndarray, labels: list, scale: float, shift: float
) -> None:
    # rescaling the weights, or adding a constant to every gap, cannot change the test (gaps
    # on a grid of quarters, as means of whole-number item gaps)
    a = weighted_group_tests(g.reshape(-1, 1), ["A"], w, "w", labels, "K").table.iloc[0]
    b = weighted_group_tests(g.reshape(-1, 1), ["A"], w * scale, "w", labels, "K").table.iloc[0]
    c = weighted_group_tests(g.reshape(-1, 1) + shift, ["A"], w, "w", labels, "K").table.iloc[0]
    assert b["f"] == pytest.approx(a["f"], rel=1e-7, abs=1e-9, nan_ok=True)
    assert c["f"] == pytest.approx(a["f"], rel=1e-6, abs=1e-6, nan_ok=True)
    assert (a["k"] < 2) == np.isnan(a["f"])
    if a["k"] >= 2:
        assert a["f"] >= 0 and 0 <= a["p"] <= 1
        assert a["df2"] == a["n"] - a["k"]
