"""The matched share test: score test p and the score interval that inverts it, against R.

tests/core/r/shares12.R writes r/shares12.json: p from prop.test(correct = FALSE) (1e-10), the
bounds from uniroot on z(δ) with the restricted MLE found by optimize() (R's optimize and
uniroot tolerances: 1e-7 absolute).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from servqual_cli.core.proportions import score_diff_test
from servqual_cli.core.trend import compare_kpis
from servqual_cli.errors import UsageError

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "shares12.json").read_text())


@pytest.mark.parametrize(
    "case", R["cases"], ids=lambda c: f"{c['k1']}/{c['n1']}-{c['k2']}/{c['n2']}"
)
def test_score_test_and_interval_match_r(case: dict[str, Any]) -> None:
    r = score_diff_test(case["k1"], case["n1"], case["k2"], case["n2"], case["conf"])
    assert r.diff == pytest.approx(case["diff"], rel=1e-12)
    assert r.p == pytest.approx(case["p"], rel=1e-10)
    assert (r.ci_low, r.ci_high) == pytest.approx((case["ci_low"], case["ci_high"]), abs=1e-7)


def test_the_issue_area_gets_a_p_that_agrees_with_its_interval() -> None:
    case = R["cases"][0]  # 2/2 -> 0/2
    r = score_diff_test(2, 2, 0, 2)
    assert case["fisher_p"] > 0.05  # Fisher disagreed with an interval excluding 0
    assert r.p < 0.05 and r.ci_high < 0


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.data(), st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_verdict_p_and_interval_always_agree(n1: int, n2: int, data: Any, conf: float) -> None:
    k1 = data.draw(st.integers(0, n1))
    k2 = data.draw(st.integers(0, n2))
    r = score_diff_test(k1, n1, k2, n2, conf)
    alpha = 1 - conf
    assume(abs(r.p - alpha) > 1e-9)
    excludes_zero = r.ci_low > 0 or r.ci_high < 0
    assert excludes_zero == (r.p < alpha)
    assert r.ci_low <= r.diff <= r.ci_high


def _obs(year_values: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"channel": "phone", "area": "ALL", "kpi": "phone_reached", "x": year_values}
    )


def test_compare_kpis_names_the_share_test() -> None:
    before, after = _obs([1.0, 1.0]), _obs([0.0, 0.0])
    score = compare_kpis(before, after).iloc[0]
    fisher = compare_kpis(before, after, share_test="fisher").iloc[0]
    # review 18 finding 2: 2/2 vs 0/2 (expected counts 1) takes Fisher's test by Cochran's rule;
    # the score test called it "worse"
    assert score["test"] == "fisher" and score["verdict"] == "no detectable change"
    many = compare_kpis(_obs([1.0] * 20), _obs([0.0] * 20)).iloc[0]
    assert many["test"] == "score" and many["verdict"] == "worse"
    assert fisher["test"] == "fisher" and fisher["verdict"] == "no detectable change"
    assert fisher["p"] == pytest.approx(R["cases"][0]["fisher_p"], rel=1e-12)
    with pytest.raises(UsageError):
        compare_kpis(before, after, share_test="chisq")


def test_all_zero_both_years_is_not_a_change() -> None:
    r = score_diff_test(0, 4, 0, 6)
    assert r.p == 1.0 and r.ci_low < 0 < r.ci_high
    assert np.isfinite(r.ci_low)
