"""Gap analysis against base R (tests/core/r/gaps.R on the sample survey) and invariants.

Tolerances: relative 1e-10 for means, SDs, CIs, t and dz (closed forms, double precision on
both sides); relative 1e-8 for p-values (R's pt/pnorm vs scipy's, deep in the tails).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.gaps import gap_analysis
from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.core.respondent_scores import respondent_scores
from servqual_cli.errors import DataError
from servqual_cli.instruments.builtin import PZB1991
from servqual_cli.io.read import read_table
from servqual_cli.io.survey import load_survey

R = Path(__file__).parent / "r"
SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "karlstad_servqual.csv"
STAT_TOL = 1e-10
P_TOL = 1e-8
FIELDS = ["n", "expectation", "perception", "gap", "gap_sd", "ci_low", "ci_high", "t", "p_t",
          "p_wilcoxon", "p_holm", "dz"]  # fmt: skip


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((R / "gaps.json").read_text())


@pytest.fixture(scope="module")
def survey():
    return load_survey(read_table(SAMPLE), PZB1991, by="Tjänst")


def _close(got: float, want: float, field: str) -> None:
    tol = P_TOL if field.startswith("p_") else STAT_TOL
    assert got == pytest.approx(want, rel=tol, abs=1e-300), field


def _check(result, want: dict) -> None:
    for got_row, want_row in zip(
        result.dimensions.to_dict("records"), want["dimensions"], strict=True
    ):
        assert got_row["dimension"] == want_row["dimension"]
        for f in FIELDS:
            _close(got_row[f], want_row[f], f)
        _close(got_row["servperf"], want_row["servperf"], "servperf")
        assert got_row["n_servperf"] == want_row["n_servperf"]
    for got_row, want_row in zip(result.items.to_dict("records"), want["items"], strict=True):
        assert got_row["item"] == want_row["item"]
        for f in FIELDS:
            _close(got_row[f], want_row[f], f)
    o = result.overall
    w = want["overall"]
    assert (o.n_unweighted, o.n_weighted) == (w["n_unweighted"], w["n_weighted"])
    for f in ["unweighted", "ci_low", "ci_high", "weighted", "weighted_ci_low",
              "weighted_ci_high"]:  # fmt: skip
        _close(getattr(o, f), w[f], f)


def test_matches_r_on_sample_survey(survey, expected) -> None:
    res = gap_analysis(survey.expectation, survey.perception, survey.items,
                       survey.dimension_positions, survey.weights)  # fmt: skip
    _check(res, expected)


def test_groups_match_r(survey, expected) -> None:
    res = grouped_gap_analysis(
        survey.expectation, survey.perception, survey.items, survey.dimension_positions,
        survey.groups, "Tjänst", survey.weights,
    )  # fmt: skip
    assert sorted(res.groups) == sorted(expected["groups"])
    for name, want in expected["groups"].items():
        _check(res.groups[name], want)
    for got, want in zip(res.comparisons, expected["group_tests"], strict=True):
        assert got.dimension == want["dimension"]
        for f in ["welch_f", "welch_df1", "welch_df2", "welch_p", "kruskal_h", "kruskal_p"]:
            _close(getattr(got, f), want[f], "p_" if f.endswith("_p") else f)


def test_dimension_gap_is_mean_of_item_gaps_not_difference_of_means() -> None:
    """0.1-steps make mean(P) - mean(E) differ from mean(P - E) in the last bits."""
    e = np.array([[6.3, 6.1, 5.7]])
    p = np.array([[5.1, 5.3, 5.0]])
    s = respondent_scores(e, p, {"A": [0, 1, 2]})
    assert s.gap[0, 0] == round(float(np.mean(p - e)), 10)


def test_half_rule() -> None:
    e = np.array([[5, 5, 5, 5], [5, 5, np.nan, np.nan], [5, np.nan, np.nan, np.nan]], float)
    p = e - 1
    s = respondent_scores(e, p, {"A": [0, 1, 2, 3]})
    assert s.gap[:, 0].tolist()[:2] == [-1.0, -1.0] and math.isnan(s.gap[2, 0])


def test_no_valid_pair_is_an_error() -> None:
    e = np.array([[5.0, np.nan]])
    p = np.array([[np.nan, 4.0]])
    with pytest.raises(DataError, match="no respondent has a valid"):
        gap_analysis(e, p, ["1", "2"], {"A": [0, 1]})


def test_negative_weights_left_out_and_counted() -> None:
    e = np.full((4, 2), 6.0)
    p = np.array([[5, 5], [4, 4], [6, 6], [5, 4]], float)
    w = np.array([[50, 50], [-10, 110], [np.nan, 100], [0, 100]], float)
    res = gap_analysis(e, p, ["1", "2"], {"A": [0], "B": [1]}, weights=w)
    assert res.overall.n_weighted == 2 and res.overall.n_weight_excluded == 2
    assert res.overall.weighted == pytest.approx((-1.0 + -2.0) / 2)


likert = st.integers(1, 7).map(float)


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, (12, 4), elements=likert), arrays(np.float64, (12, 4), elements=likert))
def test_item_gap_is_p_minus_e(e: np.ndarray, p: np.ndarray) -> None:
    res = gap_analysis(e, p, ["1", "2", "3", "4"], {"A": [0, 1], "B": [2, 3]})
    np.testing.assert_allclose(res.items["gap"].to_numpy(), (p - e).mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(
        res.items["expectation"].to_numpy() - res.items["perception"].to_numpy(),
        -res.items["gap"].to_numpy(),
        atol=1e-12,
    )


@settings(max_examples=25, deadline=None)
@given(
    arrays(np.float64, (15, 3), elements=likert),
    arrays(np.float64, (15, 3), elements=likert),
    st.permutations(list(range(15))),
)
def test_respondent_order_does_not_matter(e: np.ndarray, p: np.ndarray, order: list[int]) -> None:
    a = gap_analysis(e, p, ["1", "2", "3"], {"A": [0, 1, 2]})
    b = gap_analysis(e[order], p[order], ["1", "2", "3"], {"A": [0, 1, 2]})
    cols = ["gap", "gap_sd", "p_t", "p_wilcoxon"]
    np.testing.assert_allclose(
        a.dimensions[cols].to_numpy(dtype=float), b.dimensions[cols].to_numpy(dtype=float),
        rtol=1e-12, atol=1e-12, equal_nan=True,
    )  # fmt: skip
