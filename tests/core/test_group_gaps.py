"""core.group_gaps: which groups each across-group test uses, and Games-Howell at --conf.

Known answers from tests/core/r/stats12.R (r/stats12.json): oneway.test on the three that
Welch's weights allow, and Games-Howell half-widths from qtukey(0.90, k, df) / sqrt(2) * se; from
r/group_eligibility.R: kruskal.test and Dunn on the groups with at least 2 values (one rule).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from servqual_cli.core.group_gaps import grouped_gap_analysis

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "stats12.json").read_text())
ELIG: dict[str, Any] = json.loads(
    (Path(__file__).parent / "r" / "group_eligibility.json").read_text()
)
W2: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "group_omega2.json").read_text())


@pytest.fixture(scope="module")
def comparison() -> Any:
    values = R["groups"]["values"]
    labels = [name for name, v in values.items() for _ in v]
    gaps = np.concatenate([np.asarray(v, dtype=float) for v in values.values()])
    e = np.zeros((gaps.size, 1))
    res = grouped_gap_analysis(e, gaps[:, None], ["1"], {"D": [0]}, labels, "unit", conf=0.90)
    return res.comparisons[0]


def test_kruskal_wallis_and_dunn_use_the_groups_with_two_values(comparison: Any) -> None:
    # one rule for every test (review 2 item 9): D's single value is in no test; E (tied, no
    # variance) stays in the rank tests. Reference: r/group_eligibility.R (kruskal.test,
    # effectsize::rank_epsilon_squared, rstatix::dunn_test with Holm).
    k = ELIG["kruskal"]
    assert comparison.kruskal_groups == tuple(ELIG["groups"]) == ("A", "B", "C", "E")
    assert comparison.left_out["kruskal_wallis"] == {"D": "fewer than 2 valid dimension gaps"}
    assert comparison.kruskal_n == k["n"]
    assert comparison.kruskal_h == pytest.approx(k["h"], rel=1e-10)
    assert comparison.kruskal_df == k["df"]
    assert comparison.kruskal_p == pytest.approx(k["p"], rel=1e-10)
    assert comparison.epsilon2.value == pytest.approx(k["epsilon2"], rel=1e-10)
    dunn = comparison.dunn
    want = ELIG["dunn"]
    assert list(zip(dunn["group_a"], dunn["group_b"], strict=True)) == list(
        zip(want["group_a"], want["group_b"], strict=True)
    )
    assert np.abs(dunn["z"].to_numpy()) == pytest.approx(np.abs(want["z"]), rel=1e-10)
    assert dunn["p"].to_numpy() == pytest.approx(want["p"], rel=1e-10)
    assert dunn["p_adj"].to_numpy() == pytest.approx(want["p_adj"], rel=1e-10)


def test_single_respondents_give_no_test_and_no_effect_size() -> None:
    # title_merged.xlsx of review 2: three groups of one respondent gave "KW 3 groups, p 0.368,
    # ε² 1.00"; now no group is eligible, every test is NaN and each group is listed as left out
    e = np.zeros((3, 1))
    res = grouped_gap_analysis(e, np.array([[1.0], [2.0], [3.0]]), ["1"], {"D": [0]},
                               ["a", "b", "c"], "unit")  # fmt: skip
    (c,) = res.comparisons
    assert c.kruskal_groups == () and c.welch_groups == ()
    assert c.welch_n == 0 and c.kruskal_n == 0
    assert np.isnan(c.kruskal_p) and c.epsilon2 is None and c.dunn.empty
    assert set(c.left_out["kruskal_wallis"]) == {"a", "b", "c"}
    assert res.nothing_to_compare == "too_few_eligible"
    assert res.n_group_dimension_tests == 0
    out = res.to_dict()
    assert out["group_tests_not_made"] == "too_few_eligible"
    assert "at least 2 valid dimension gaps" in out["group_tests_rule"]


def test_one_group_is_nothing_to_compare() -> None:
    e = np.zeros((4, 1))
    p = np.array([[1.0], [2.0], [3.0], [1.0]])
    res = grouped_gap_analysis(e, p, ["1"], {"D": [0]}, ["a"] * 4, "unit")
    assert res.nothing_to_compare == "one_group"
    assert res.n_group_dimension_tests == 1


def test_holm_family_counts_the_tests_made() -> None:
    # review 2 item 9: "p (Holm, 35 groups x dimensions)" where 15 tests were made
    rng = np.random.default_rng(3)
    labels = ["a"] * 10 + ["b"] * 10 + ["c"]
    p = rng.normal(0.5, 1, (21, 2))
    res = grouped_gap_analysis(np.zeros((21, 2)), p, ["1", "2"], {"D1": [0], "D2": [1]},
                               labels, "unit")  # fmt: skip
    table = res.group_dimension_p
    assert len(table) == 6 and res.n_group_dimension_tests == 4
    finite = table["p_t"].notna().to_numpy()
    smallest = table["p_t"][finite].min()
    assert table["p_adjusted"][table["p_t"] == smallest].iloc[0] == pytest.approx(
        min(1.0, 4 * smallest)
    )
    assert res.to_dict()["group_dimension_tests"]["n_tests"] == 4


def test_welch_lists_the_groups_left_out_and_why(comparison: Any) -> None:
    w = R["groups"]["welch"]
    assert comparison.welch_groups == tuple(w["groups"])
    assert comparison.left_out["welch_anova"] == {
        "D": "fewer than 2 valid dimension gaps",
        "E": "no variance (all gaps equal)",
    }
    assert comparison.welch_f == pytest.approx(w["f"], rel=1e-10)
    assert comparison.welch_df2 == pytest.approx(w["df2"], rel=1e-10)
    assert comparison.welch_p == pytest.approx(w["p"], rel=1e-10)
    # ω² is the ordinary ANOVA's over the Welch groups (group_omega2.R), not Welch's F's
    want = next(c for c in W2["cases"] if c["name"] == "stats12_welch_groups")
    assert comparison.omega2.value == pytest.approx(want["omega2"], rel=1e-10)
    assert comparison.omega2.value < w["omega2"] / 3  # Welch's df2 of 13 gave 0.52
    out = comparison.to_dict()
    # its n: the values of the groups it used (A 12, B 8, C 5), not KW's 28 (E's 3 with them)
    n_welch = sum(len(R["groups"]["values"][g]) for g in w["groups"])
    assert comparison.welch_n == out["welch_anova"]["n"] == n_welch == 25
    assert "ordinary one-way ANOVA" in out["welch_anova"]["omega2"]["estimator"]
    assert out["welch_anova"]["left_out"]["D"].startswith("fewer")
    assert out["kruskal_wallis"]["groups"] == ["A", "B", "C", "E"]


def test_games_howell_interval_follows_conf(comparison: Any) -> None:
    gh = comparison.games_howell
    want = R["groups"]["games_howell_90"]
    assert gh["group_a"].tolist() == [w["group_a"] for w in want]
    # R's qtukey/ptukey are accurate to ~1e-8 (Copenhaver & Holland 1988): 1e-7 absolute.
    for col in ("ci_low", "ci_high", "p_adj"):
        assert gh[col].to_numpy() == pytest.approx([w[col] for w in want], abs=1e-7)
    assert comparison.to_dict()["games_howell_conf"] == 0.90


def test_small_groups_are_warned_about(comparison: Any) -> None:
    (warning,) = comparison.warnings
    assert "C (5)" in warning and "fewer than 6" in warning


def test_omnibus_p_values_are_adjusted_across_dimensions() -> None:
    rng = np.random.default_rng(12)
    labels = np.repeat(["a", "b", "c"], 20)
    shift = np.repeat([0.0, 0.6, 1.2], 20)
    p = np.column_stack([rng.normal(size=60) + shift, rng.normal(size=60)]).round(2)
    res = grouped_gap_analysis(np.zeros_like(p), p, ["1", "2"], {"X": [0], "Y": [1]}, labels, "g")
    raw = [c.welch_p for c in res.comparisons]
    lo, hi = sorted(range(2), key=lambda i: raw[i])
    holm = {lo: min(1.0, 2 * raw[lo])}
    holm[hi] = max(holm[lo], min(1.0, raw[hi]))  # Holm written out for two tests
    assert [c.welch_p_adjusted for c in res.comparisons] == pytest.approx(
        [holm[0], holm[1]], rel=1e-12
    )
    assert res.comparisons[0].to_dict()["kruskal_wallis"]["p_adjusted"] is not None


@pytest.mark.parametrize("case", W2["cases"], ids=[c["name"] for c in W2["cases"]])
def test_omega_squared_is_the_ordinary_anovas(case: dict[str, Any]) -> None:
    """ω² and its interval as effectsize::omega_squared(aov(y ~ g)) (group_omega2.R), also with
    a group of 3 where Welch's F and df2 gave 0.66 instead of 0.02."""
    gaps = np.asarray(case["y"], dtype=float)
    e = np.zeros((gaps.size, 1))
    for conf, low, high in ((0.95, "ci_low", "ci_high"), (0.90, "ci_low_90", "ci_high_90")):
        res = grouped_gap_analysis(e, gaps[:, None], ["1"], {"D": [0]}, case["g"], "g", conf=conf)
        w2 = res.comparisons[0].omega2
        assert w2.value == pytest.approx(case["omega2"], rel=1e-9, abs=1e-12)
        # effectsize inverts the noncentral F with optim(abstol = 1e-9): ~1e-6
        assert (w2.ci_low, w2.ci_high) == pytest.approx((case[low], case[high]), abs=2e-6)
    assert abs(w2.value - case["welch_omega2"]) > 0.1 or case["welch_omega2"] == 0
