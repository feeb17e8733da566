"""core.weighted_gaps: the survey-weighted overall score is the unweighted SERVQUAL score.

Its definition (per respondent with every dimension valid, the mean of the dimension gaps,
then weighted over respondents) is that of core/overall_score.py's unweighted score, which the
output sets it beside; the values are checked against R ``survey::svymean`` in
tests/report/test_report_weights.py (tests/report/r/weighted_report.R).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.overall_score import overall_score
from servqual_cli.core.weighted_gaps import OVERALL, weighted_servqual

GAPS = st.integers(2, 5).flatmap(
    lambda k: arrays(
        float,
        st.tuples(st.integers(3, 30), st.just(k)),
        elements=st.one_of(st.just(np.nan), st.integers(-12, 12).map(lambda v: v / 2)),
    )
)


@settings(max_examples=150, deadline=None)
@given(gap=GAPS, weight=st.floats(0.1, 10.0))
def test_equal_survey_weights_give_the_unweighted_servqual_score(
    gap: np.ndarray, weight: float
) -> None:
    n, k = gap.shape
    complete = ~np.isnan(gap).any(axis=1)
    if complete.sum() < 2:
        return
    dims = [f"D{j}" for j in range(k)]
    importance = np.tile(np.arange(1.0, k + 1), (n, 1))  # unequal points: a different score
    summary = weighted_servqual(gap, gap + 5.0, dims, np.full(n, weight), "w")
    row = summary.table.set_index("name").loc[OVERALL]
    score = overall_score(gap, importance)
    assert int(row["n"]) == score.n_unweighted == int(complete.sum())
    assert float(row["mean"]) == pytest.approx(score.unweighted, rel=1e-12, abs=1e-12)


def test_not_the_importance_weighted_score() -> None:
    gap = np.array([[-2.0, 0.0], [-1.0, 1.0], [0.0, np.nan]])
    importance = np.array([[90.0, 10.0], [90.0, 10.0], [50.0, 50.0]])
    row = weighted_servqual(gap, gap + 5.0, ["A", "B"], np.ones(3), "w").table.iloc[-1]
    score = overall_score(gap, importance)
    assert float(row["mean"]) == score.unweighted == -0.5
    assert score.weighted is not None and score.weighted != pytest.approx(-0.5)
