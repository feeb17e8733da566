"""core.survey_trend.compare_weighted_gaps (``trend --weight-column``) against R's survey package.

tests/core/r/survey_trend_weighted.R reads the sample xlsx files itself (readxl, every cell as
text), computes the respondents' dimension gaps itself and compares the years with
``survey::svyglm(gap ~ year)`` on ``svydesign(ids = ~1, strata = ~year, weights = ~w)``. The
Python side runs the real pipeline (read_table -> survey_years -> gap_scores -> the weights of
``--weight-column``). Tolerances: counts exact; means and differences 1e-12 relative (the same
sums); SEs, p and interval limits 1e-9 relative (closed forms and the t distribution).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.survey_trend import compare_weighted_gaps, gap_scores
from servqual_cli.core.survey_weights import weighted_means

R: dict[str, Any] = json.loads(
    (Path(__file__).parent / "r" / "survey_trend_weighted.json").read_text()
)
SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
FIELDS_EXACT = ("before", "after", "diff", "unweighted_before", "unweighted_after",
                "n_eff_before", "n_eff_after")  # fmt: skip
FIELDS_CLOSED = ("se_before", "se_after", "se", "p", "ci_low", "ci_high")


@pytest.fixture(scope="module")
def samples() -> pd.DataFrame:
    """2024 (no weight column: every respondent 1) against 2025 weighted by Vikt, as the CLI."""
    from servqual_cli.cli.trend_pair import load_sides
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.measurement import ReadOptions

    files = [str(SAMPLES / "karlstad_servqual.xlsx"), str(SAMPLES / "karlstad_servqual_2025.xlsx")]
    _, before, after = load_sides(files, None, None, load_instrument(None), ReadOptions(), None,
                                  "Vikt")  # fmt: skip
    assert before.weight_column is None and after.weight_column == "Vikt"
    assert before.weights is not None and after.weights is not None
    assert before.scores is not None and after.scores is not None
    return compare_weighted_gaps(before.scores, after.scores, before.weights, after.weights)


@pytest.fixture(scope="module")
def both_weighted() -> pd.DataFrame:
    """Within the 2025 file: Äldreomsorg against Grundskola, both weighted by Vikt."""
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.io.weight_column import read_weight_column

    data = load_survey_file(str(SAMPLES / "karlstad_servqual_2025.xlsx"), None, "Tjänst")
    w, _ = read_weight_column(data, "Vikt", "--weight-column")
    scores = gap_scores(data.expectation, data.perception, data.dimension_positions)
    groups = pd.Series(data.groups)
    b, a = (groups.eq(s).to_numpy() for s in ("Äldreomsorg", "Grundskola"))
    return compare_weighted_gaps(scores[b], scores[a], w[b], w[a])


def _check(frame: pd.DataFrame, case: dict[str, Any]) -> None:
    row = frame.set_index("dimension").loc[case["dimension"]]
    assert (row["n_before"], row["n_after"]) == (case["n_before"], case["n_after"])
    assert row["df"] == case["df"]
    for field in FIELDS_EXACT:
        assert row[field] == pytest.approx(case[field], rel=1e-12), field
    for field in FIELDS_CLOSED:
        assert row[field] == pytest.approx(case[field], rel=1e-9), field
    inside = case["ci_low"] <= 0 <= case["ci_high"]
    want = "no detectable change" if case["p"] >= 0.05 or inside else (
        "better" if case["diff"] > 0 else "worse")  # fmt: skip
    assert row["verdict"] == want


@pytest.mark.parametrize("case", R["samples"], ids=lambda c: c["dimension"])
def test_samples_match_r_svyglm(samples: pd.DataFrame, case: dict[str, Any]) -> None:
    _check(samples, case)


@pytest.mark.parametrize("case", R["both_weighted"], ids=lambda c: c["dimension"])
def test_both_years_weighted_match_r_svyglm(
    both_weighted: pd.DataFrame, case: dict[str, Any]
) -> None:
    _check(both_weighted, case)


def test_the_reference_has_a_verdict_either_way() -> None:
    """The reference is not all "no detectable change": both_weighted has better rows."""
    assert any(c["p"] < 0.05 for c in R["both_weighted"])
    assert any(c["p"] >= 0.05 for c in R["both_weighted"])


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(3, 40),
    m=st.integers(3, 40),
    seed=st.integers(0, 2**32 - 1),
)
def test_unit_weights_give_the_unweighted_means_and_scaling_weights_changes_nothing(
    n: int, m: int, seed: int
) -> None:
    """Weights of 1 give the plain means; multiplying one year's weights by a constant changes
    no estimate (Σwx/Σw and the linearised SE are scale-free); the SE of the change is the two
    years' svymean SEs combined."""
    rng = np.random.default_rng(seed)
    b = pd.DataFrame({"A": np.round(rng.normal(-1, 1, n), 2)})
    a = pd.DataFrame({"A": np.round(rng.normal(-1, 1, m), 2)})
    w_b, w_a = rng.uniform(0.5, 3.0, n), rng.uniform(0.5, 3.0, m)
    plain = compare_weighted_gaps(b, a, np.ones(n), np.ones(m)).iloc[0]
    assert plain["before"] == pytest.approx(b["A"].mean(), rel=1e-12, abs=1e-12)
    assert plain["after"] == pytest.approx(a["A"].mean(), rel=1e-12, abs=1e-12)
    one = compare_weighted_gaps(b, a, w_b, w_a).iloc[0]
    scaled = compare_weighted_gaps(b, a, w_b * 7.5, w_a).iloc[0]
    for field in ("before", "diff", "se", "p"):
        assert scaled[field] == pytest.approx(one[field], rel=1e-9, abs=1e-12)
    se_b = weighted_means(b.to_numpy(), w_b)["se"].iloc[0]
    se_a = weighted_means(a.to_numpy(), w_a)["se"].iloc[0]
    assert one["se"] == pytest.approx(math.hypot(se_b, se_a), rel=1e-12)
    assert one["df"] == n + m - 3


def test_two_constant_years_have_no_test_not_a_significant_change() -> None:
    """Every respondent −1.0 one year and −0.9 the next: SE 0. That is no test (as t.test's
    "data are essentially constant"), never p = 0 and "better" (found reading the change)."""
    b = pd.DataFrame({"A": [-1.0] * 5})
    a = pd.DataFrame({"A": [-0.9] * 5})
    w = np.array([1.0, 2, 1, 3, 1])
    r = compare_weighted_gaps(b, a, w, w).iloc[0]
    assert round(float(r["diff"]), 12) == 0.1
    assert np.isnan(r["p"]) and np.isnan(r["ci_low"]) and np.isnan(r["ci_high"])
    assert r["verdict"] != "better"
