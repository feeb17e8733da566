"""Survey-weighted dimension gaps per group against R ``survey::svyby`` / ``svyttest``
(tests/core/r/weighted_group_gaps.R writes weighted_group_gaps.json), and their invariants.

Each group is a domain of the dimension's weighted design: the linearised SE keeps the design's
n (the respondents with a gap, in a group or not), which a group-only design would not; the
synthetic case has a respondent without a group so the two differ.

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

from servqual_cli.core.weighted_group_gaps import weighted_group_gaps
from servqual_cli.core.weighted_tests import weighted_gap_tests

R = Path(__file__).parent / "r"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def want() -> dict:
    return json.loads((R / "weighted_group_gaps.json").read_text())


def _check(got: pd.Series, ref: dict) -> None:
    assert got["group"] == ref["group"]
    assert int(got["n"]) == ref["n"]
    assert int(got["df"]) == ref["df"]
    for key in ("mean", "se", "t", "ci_low", "ci_high", "n_eff", "unweighted_mean"):
        assert got[key] == pytest.approx(ref[key], rel=1e-10), key
    assert got["p"] == pytest.approx(ref["p"], rel=1e-8)


def test_synthetic_domains_match_svyby_and_svyttest(want: dict) -> None:
    ref = want["synthetic"]
    g = np.array(ref["g"], dtype=float).reshape(-1, 1)
    res = weighted_group_gaps(g, ["A"], np.array(ref["w"]), "w", ref["group"], "K")
    assert len(res.table) == len(ref["rows"])
    for (_, got), row in zip(res.table.iterrows(), ref["rows"], strict=True):
        _check(got, row)


def test_domain_se_keeps_the_design_n_not_the_groups(want: dict) -> None:
    # The test that tells a domain from a group-only design: the group's rows alone give a
    # larger SE (n_d / (n_d − 1) instead of N / (N − 1)) and df n_d − 2 either way.
    ref = want["synthetic"]
    g, w = np.array(ref["g"], dtype=float), np.array(ref["w"], dtype=float)
    grp = np.array(ref["group"], dtype=object)
    res = weighted_group_gaps(g.reshape(-1, 1), ["A"], w, "w", grp, "K").table
    alone = weighted_gap_tests(g[grp == "a"].reshape(-1, 1), ["A"], w[grp == "a"], "w").table
    a = res[res["group"] == "a"].iloc[0]
    assert a["mean"] == pytest.approx(alone["mean"].iloc[0], rel=1e-12)
    assert a["df"] == alone["df"].iloc[0]
    n_design, n_group = 11, 5  # the design: the 11 gaps (one without a group); group a: 5
    ratio = np.sqrt((n_design / (n_design - 1)) / (n_group / (n_group - 1)))
    assert a["se"] == pytest.approx(alone["se"].iloc[0] * ratio, rel=1e-12)
    assert a["se"] < alone["se"].iloc[0]


def test_sample_2025_by_kon_matches_svyby(want: dict) -> None:
    # The whole path of the report: the reader, the half-the-items rule, Vikt and Kön.
    from servqual_cli.core.respondent_scores import respondent_scores
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.io.weight_column import read_weight_column

    d = load_survey_file(str(SAMPLES / "karlstad_servqual_2025.xlsx"), None, by="Kön")
    scores = respondent_scores(d.expectation, d.perception, d.dimension_positions)
    w, column = read_weight_column(d, "Vikt", "survey.weight_column")
    res = weighted_group_gaps(scores.gap, list(scores.dimensions), w, column, d.groups, "Kön")
    assert res.n_tests == len(want["sample"]) == 10
    for (_, got), ref in zip(res.table.iterrows(), want["sample"], strict=True):
        assert got["dimension"] == ref["dimension"]
        _check(got, ref)
        assert got["p_adjusted"] == pytest.approx(ref["p_adjusted"], rel=1e-8)
    # review 7, finding 2: weighted, women are below expectation on Tangibles, men are not
    tang = res.table[res.table["dimension"] == "Tangibles"].set_index("group")
    assert tang.loc["Kvinna", "p_adjusted"] < 0.05 <= tang.loc["Man", "p_adjusted"]
    assert tang.loc["Kvinna", "unweighted_mean"] > -0.12  # the sample's −0,11, not told


def test_equal_weights_one_group_is_the_total() -> None:
    # One group holding everyone: the domain is the design, so the total's test comes back.
    rng = np.random.default_rng(7)
    g = rng.normal(-0.3, 1.0, size=(30, 2))
    w = rng.uniform(0.5, 3.0, size=30)
    one = weighted_group_gaps(g, ["A", "B"], w, "w", ["x"] * 30, "K").table
    total = weighted_gap_tests(g, ["A", "B"], w, "w").table
    for key in ("mean", "se", "t", "df", "p", "ci_low", "ci_high", "n_eff"):
        assert one[key].to_numpy() == pytest.approx(total[key].to_numpy(), rel=1e-12), key


@settings(max_examples=60, deadline=None)
@given(
    g=arrays(np.float64, 14, elements=st.floats(-6, 6, allow_nan=False)),
    w=arrays(np.float64, 14, elements=st.floats(0.1, 10)),
    labels=st.lists(st.sampled_from(["a", "b", "c", None]), min_size=14, max_size=14),
    scale=st.floats(0.5, 20),
)
def test_weights_are_scale_free_and_the_family_counts_the_tests(
    g: np.ndarray, w: np.ndarray, labels: list, scale: float
) -> None:
    a = weighted_group_gaps(g.reshape(-1, 1), ["A"], w, "w", labels, "K").table
    b = weighted_group_gaps(g.reshape(-1, 1), ["A"], w * scale, "w", labels, "K").table
    assert a["mean"].to_numpy() == pytest.approx(b["mean"].to_numpy(), rel=1e-9, nan_ok=True)
    assert a["p"].to_numpy() == pytest.approx(b["p"].to_numpy(), rel=1e-9, abs=1e-12,
                                             nan_ok=True)  # fmt: skip
    assert list(a["group"]) == sorted({x for x in labels if x is not None})
    tested = a["p"].notna()
    assert (a.loc[tested, "p_adjusted"] >= a.loc[tested, "p"] - 1e-15).all()
    assert (a.loc[tested, "ci_low"] <= a.loc[tested, "mean"]).all()
    assert (a["n"] < 3).eq(a["df"].isna()).all()
