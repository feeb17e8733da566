"""The research toolbox against R (tests/core/r/toolbox.R on toolbox_synth.csv) and invariants.

Tolerances: relative 1e-10 for means, SDs, CIs, t, betas and weights (closed forms in double
precision on both sides); relative 1e-8 for p-values (R's pt/pnorm/pchisq vs scipy's tails).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.dimension_comparison import compare_dimensions, friedman_test
from servqual_cli.core.importance import derived_importance, weights_from_correlations
from servqual_cli.core.item_distribution import item_distributions
from servqual_cli.core.knowledge_gap import knowledge_gap
from servqual_cli.core.respondent_scores import respondent_scores
from servqual_cli.core.survey_weights import weighted_means, weighted_summary
from servqual_cli.core.tolerance import tolerance_analysis
from servqual_cli.errors import DataError

R = Path(__file__).parent / "r"
STAT_TOL = 1e-10
P_TOL = 1e-8
DIMS = {"Reliability": [0, 1], "Responsiveness": [2, 3], "Empathy": [4, 5]}
ITEMS = [str(i) for i in range(1, 7)]


@pytest.fixture(scope="module")
def want() -> dict:
    return json.loads((R / "toolbox.json").read_text())


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(R / "toolbox_synth.csv")


def matrix(data: pd.DataFrame, prefix: str) -> np.ndarray:
    return data[[f"{prefix}{i}" for i in range(1, 7)]].to_numpy(dtype=float)


def close(got: object, want: object, field: str) -> None:
    if isinstance(want, str):
        assert got == want, field
        return
    if want is None or (isinstance(want, float) and math.isnan(want)):
        assert got is None or math.isnan(float(got)), field  # type: ignore[arg-type]
        return
    tol = P_TOL if field.startswith("p") and field != "perception" else STAT_TOL
    assert float(got) == pytest.approx(want, rel=tol, abs=1e-12), field  # type: ignore[arg-type]


def check_rows(got: pd.DataFrame, want: list[dict], skip: tuple[str, ...] = ()) -> None:
    assert len(got) == len(want)
    for g, w in zip(got.to_dict("records"), want, strict=True):
        for field, value in w.items():
            if field not in skip:
                close(g[field], value, field)


def test_tolerance_matches_r(data: pd.DataFrame, want: dict) -> None:
    res = tolerance_analysis(matrix(data, "A"), matrix(data, "D"), matrix(data, "P"), ITEMS, DIMS)
    check_rows(res.items, want["tolerance"]["items"])
    check_rows(res.dimensions, want["tolerance"]["dimensions"])
    assert res.items["n_inverted"].sum() > 0  # the sample has desired < adequate answers


def test_knowledge_gap_matches_r(data: pd.DataFrame, want: dict) -> None:
    cust = data["role"].eq("customer").to_numpy()
    e = matrix(data, "E")
    res = knowledge_gap(e[cust], e[~cust], ITEMS, DIMS)
    check_rows(res.items, want["knowledge_gap"]["items"])
    check_rows(res.dimensions, want["knowledge_gap"]["dimensions"])


def test_item_distributions_match_r(data: pd.DataFrame, want: dict) -> None:
    res = item_distributions(matrix(data, "P"), ITEMS, (1, 7))
    for k, w in enumerate(want["items"]):
        assert res.counts.iloc[k].tolist() == [int(c) for c in w["counts"]]
        assert int(res.counts.iloc[k].sum()) == w["n"]
    check_rows(res.table, want["items"], skip=("counts",))


def test_dimension_comparison_matches_r(data: pd.DataFrame, want: dict) -> None:
    scores = respondent_scores(matrix(data, "E"), matrix(data, "P"), DIMS)
    res = compare_dimensions(scores.gap, list(DIMS))
    w = want["dimension_comparison"]
    for field, value in w["friedman"].items():
        close(getattr(res.friedman, field), value, field)
    check_rows(res.pairs, w["pairs"])
    assert res.n_incomplete == len(data) - w["friedman"]["n"]


@pytest.mark.parametrize("kind", ["gap", "perception"])
def test_importance_matches_r(data: pd.DataFrame, want: dict, kind: str) -> None:
    scores = respondent_scores(matrix(data, "E"), matrix(data, "P"), DIMS)
    x = scores.gap if kind == "gap" else scores.servperf
    res = derived_importance(data["overall"].to_numpy(dtype=float), x, list(DIMS), predictors=kind)
    w = want[f"importance_{kind}"]
    for field in ("n", "r2", "adj_r2", "intercept"):
        close(getattr(res, field), w[field], field)
    check_rows(res.coefficients, w["coefficients"])
    assert res.coefficients["relative_weight"].sum() == pytest.approx(res.r2, rel=1e-12)


def test_weighted_means_match_survey_package(data: pd.DataFrame, want: dict) -> None:
    w = data["w"].to_numpy(dtype=float)
    p, a, e = matrix(data, "P"), matrix(data, "A"), matrix(data, "E")
    gap = respondent_scores(e, p, DIMS).gap[:, 0]
    below = np.where(np.isnan(p[:, 0]) | np.isnan(a[:, 0]), np.nan, p[:, 0] < a[:, 0])
    top = np.where(np.isnan(p[:, 2]), np.nan, p[:, 2] >= 6)
    summary = weighted_summary(
        {"p1": p[:, 0], "gap_reliability": gap, "below_adequate_1": below, "top2_p3": top},
        w,
        "w",
    )
    for row in summary.table.to_dict("records"):
        for field, value in want["weighted"][row["name"]].items():
            close(row[field], value, field)


def test_unit_weights_give_the_plain_mean_and_n() -> None:
    x = np.array([1.0, 4.0, 2.0, 7.0, np.nan, 5.0])
    r = weighted_means(x, np.ones(6)).iloc[0]
    assert r["mean"] == pytest.approx(np.nanmean(x))
    assert r["n_eff"] == pytest.approx(5.0)
    # With equal weights the linearised SE is the plain SE of the mean: sd / sqrt(n).
    assert r["se"] == pytest.approx(np.nanstd(x, ddof=1) / math.sqrt(5))


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, (30, 3), elements=st.integers(1, 7).map(float)))
def test_friedman_w_is_between_zero_and_one(x: np.ndarray) -> None:
    r = friedman_test(x)
    if not math.isnan(r.kendall_w):
        assert -1e-12 <= r.kendall_w <= 1 + 1e-12
        assert 0 <= r.p <= 1


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float64, (25, 3), elements=st.integers(-30, 30).map(lambda v: v / 10)),
    arrays(np.float64, 25, elements=st.integers(-30, 30).map(lambda v: v / 10)),
)
def test_relative_weights_sum_to_r_squared(x: np.ndarray, y: np.ndarray) -> None:
    design = np.column_stack([np.ones(25), x])
    if np.linalg.matrix_rank(design) < 4 or np.ptp(y) == 0:
        return
    if np.linalg.cond(np.corrcoef(x, rowvar=False)) > 1e6:
        return
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    r2 = 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))
    w = weights_from_correlations(np.corrcoef(np.column_stack([x, y]), rowvar=False))
    assert (w >= -1e-12).all()
    assert w.sum() == pytest.approx(r2, abs=1e-8)


def test_one_path_to_the_relative_weights() -> None:
    """s18: ``relative_weights(x, y)`` (unweighted correlations) had no caller but its test;
    every fit, weighted or not, takes its weights from its own correlation matrix."""
    from servqual_cli.core import importance

    assert not hasattr(importance, "relative_weights")


def test_tolerance_shares_swap_when_perception_moves() -> None:
    a = np.array([[3.0], [3], [3], [3]])
    d = np.array([[6.0], [6], [6], [6]])
    low = tolerance_analysis(a, d, np.array([[2.0], [2], [4], [7]]), ["1"], {"X": [0]})
    assert low.items.loc[0, "share_below_adequate"] == 0.5
    assert low.items.loc[0, "share_above_desired"] == 0.25


def test_errors_are_data_errors() -> None:
    nan = np.full((3, 2), np.nan)
    with pytest.raises(DataError):
        tolerance_analysis(nan, nan, nan, ["1", "2"], {"X": [0, 1]})
    with pytest.raises(DataError):
        knowledge_gap(np.ones((3, 2)), nan, ["1", "2"], {"X": [0, 1]})
    with pytest.raises(DataError):
        compare_dimensions(np.ones((5, 1)), ["A"])
    with pytest.raises(DataError):
        derived_importance(np.ones(3), np.ones((3, 2)), ["A", "B"])


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float64, (20, 4), elements=st.integers(1, 7).map(float)),
    arrays(np.float64, (20, 4), elements=st.integers(1, 7).map(float)),
    arrays(np.float64, (20, 4), elements=st.integers(1, 7).map(float)),
    arrays(np.bool_, (20, 4)),
)
def test_tolerance_msa_minus_mss_is_the_zone_width(a, d, p, holes) -> None:
    p = np.where(holes, np.nan, p)
    if np.isnan(p).all():
        return
    res = tolerance_analysis(a, d, p, ["1", "2", "3", "4"], {"X": [0, 1], "Y": [2, 3]})
    for table in (res.items, res.dimensions):
        ok = table["n"] > 0
        diff = table["msa"] - table["mss"]
        assert np.allclose(diff[ok], table["zone_width"][ok], atol=1e-12)
        shares = table.loc[ok, ["share_below_adequate", "share_above_desired"]]
        assert ((shares >= 0) & (shares <= 1)).all().all()


@settings(max_examples=30, deadline=None)
@given(
    arrays(np.float64, (15, 2), elements=st.integers(1, 7).map(float)),
    arrays(np.float64, (12, 2), elements=st.integers(1, 7).map(float)),
)
def test_knowledge_gap_swapping_the_files_negates_it(c, s) -> None:
    one = knowledge_gap(c, s, ["1", "2"], {"X": [0, 1]}).items
    two = knowledge_gap(s, c, ["1", "2"], {"X": [0, 1]}).items
    assert np.allclose(one["diff"], -two["diff"])
    assert np.allclose(one["p_welch"], two["p_welch"], equal_nan=True)
    assert np.allclose(one["hedges_g"], -two["hedges_g"], equal_nan=True)


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, (25, 3), elements=st.one_of(st.integers(1, 5).map(float),
                                                        st.just(np.nan))))  # fmt: skip
def test_item_counts_add_up_and_boxes_are_shares(x: np.ndarray) -> None:
    res = item_distributions(x, ["a", "b", "c"], (1, 5))
    assert (res.counts.sum(axis=1).to_numpy() == (~np.isnan(x)).sum(axis=0)).all()
    ok = res.table["n"] > 0
    top = res.table.loc[ok, "top2"].to_numpy()
    low, high = res.table.loc[ok, "top2_ci_low"], res.table.loc[ok, "top2_ci_high"]
    assert ((low <= top + 1e-12) & (top <= high + 1e-12)).all()
    assert (res.table.loc[ok, "q1"] <= res.table.loc[ok, "median"]).all()
