"""Respondents with survey weight 0 against R ``survey`` (tests/core/r/zero_weights.R writes
zero_weights.json).

R keeps a zero-weight row in the design (the linearised variance's n/(n − 1) counts it, as an
out-of-domain respondent) but ``degf()`` counts only positive weights, so ``svyttest``'s df,
``svyglm``'s residual df and regTermTest's denominator df leave it out. The tool's n is the
positive weights, its SE keeps the row: both are checked against the case "kept" (the data with
the zero weights) and told apart from the case "drop" (the same data without those rows: same
df, other SE), so a tool that dropped the rows, or counted them in n, fails here.

Tolerances: relative 1e-10 for means, SEs, t and F (closed forms on both sides); relative 1e-8
for p-values (R's pt/pf vs scipy.special).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.survey_trend import compare_weighted_gaps
from servqual_cli.core.survey_weights import weighted_summary
from servqual_cli.core.weighted_group_gaps import weighted_group_gaps
from servqual_cli.core.weighted_group_test import weighted_group_tests
from servqual_cli.core.weighted_tests import weighted_gap_tests

REF = json.loads((Path(__file__).parent / "r" / "zero_weights.json").read_text())
G = np.column_stack([np.array(REF["g1"], dtype=float), np.array(REF["g2"], dtype=float)])
W = np.array(REF["w"], dtype=float)
GROUPS = REF["group"]  # "": no group
DIMS = ["A", "B"]


def test_r_keeps_the_rows_in_the_se_and_out_of_the_df() -> None:
    # the reference itself tells the two readings apart: otherwise the tests below cannot fail
    kept, drop = REF["cases"]["kept"]["A"], REF["cases"]["drop"]["A"]
    assert kept["degf"] == drop["degf"] == kept["positive"] - 1 < kept["rows"] - 1
    assert kept["se"] != pytest.approx(drop["se"], rel=1e-4)


@pytest.mark.parametrize("j", [0, 1])
def test_one_sample_test_matches_svyttest(j: int) -> None:
    ref = REF["cases"]["kept"][DIMS[j]]
    row = weighted_gap_tests(G, DIMS, W, "w").table.iloc[j]
    assert int(row["n"]) == ref["positive"] == ref["degf"] + 1
    assert int(row["df"]) == ref["df"]
    for key in ("mean", "se", "t"):
        assert row[key] == pytest.approx(ref[key], rel=1e-10), key
    assert row["p"] == pytest.approx(ref["p"], rel=1e-8)


def test_the_count_is_named() -> None:
    res = weighted_gap_tests(G, DIMS, W, "w")
    assert res.n_zero_weight == 3 and res.to_dict()["n_zero_weight"] == 3
    summary = weighted_summary({"a": G[:, 0]}, W, "w")
    assert summary.n_zero_weight == 3 and summary.n_missing_weight == 0
    assert int(summary.table["n"].iloc[0]) == 11
    # the unweighted mean beside it is over the same 11 respondents
    assert summary.table["unweighted_mean"].iloc[0] == pytest.approx(G[W > 0, 0].mean())


@pytest.mark.parametrize("j", [0, 1])
def test_domains_match_svyby_and_svyttest(j: int) -> None:
    ref = REF["cases"]["kept"][DIMS[j]]["domains"]
    t = weighted_group_gaps(G, DIMS, W, "w", GROUPS, "K").table
    got = t[t["dimension"] == DIMS[j]].reset_index(drop=True)
    assert list(got["group"]) == [d["group"] for d in ref]
    for (_, row), d in zip(got.iterrows(), ref, strict=True):
        assert int(row["n"]) == d["degf"] + 1
        assert int(row["df"]) == d["df"]
        for key in ("mean", "se", "t"):
            assert row[key] == pytest.approx(d[key], rel=1e-10), (d["group"], key)


@pytest.mark.parametrize("j", [0, 1])
def test_wald_test_matches_regtermtest(j: int) -> None:
    ref = REF["cases"]["kept"][DIMS[j]]
    row = weighted_group_tests(G, DIMS, W, "w", GROUPS, "K").table.iloc[j]
    assert int(row["df1"]) == ref["df1"] and int(row["df2"]) == ref["df2"]
    assert int(row["n"]) == ref["df2"] + ref["df1"] + 1  # the model's positive weights
    assert row["f"] == pytest.approx(ref["f"], rel=1e-10)
    assert row["p"] == pytest.approx(ref["p_f"], rel=1e-8)


def test_two_years_match_the_stratified_svyglm() -> None:
    ref = REF["trend"]
    before = pd.DataFrame({"A": G[:7, 0]})
    after = pd.DataFrame({"A": G[7:, 0]})
    row = compare_weighted_gaps(before, after, W[:7], W[7:]).iloc[0]
    assert int(row["df"]) == ref["df"]
    assert (int(row["n_before"]), int(row["n_after"])) == (6, 5)
    for key in ("diff", "se", "se_before", "se_after"):
        assert row[key] == pytest.approx(ref[key], rel=1e-10), key
    assert row["p"] == pytest.approx(ref["p"], rel=1e-8)


def test_a_group_whose_weights_are_zero_but_one_is_left_out() -> None:
    g = np.array([[-1.0], [0.5], [2.0], [1.0], [-0.5], [0.0]])
    w = np.array([1.0, 2.0, 1.5, 1.0, 0.0, 0.0])
    res = weighted_group_tests(g, ["A"], w, "w", list("aaabbb"), "K")
    assert res.left_out[0] == {"b": "fewer than 2 valid dimension gaps with a positive weight"}
    assert res.n_zero_weight == 2


def test_the_trend_counts_zero_weights_each_year() -> None:
    from servqual_cli.core.trend_weighted import weighted_gap_trend

    res = weighted_gap_trend(pd.DataFrame({"A": G[:7, 0]}), pd.DataFrame({"A": G[7:, 0]}),
                             W[:7], W[7:])  # fmt: skip
    assert res.n_zero_weight == (1, 2) and res.to_dict()["n_zero_weight"] == [1, 2]
