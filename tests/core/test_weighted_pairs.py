"""The weighted paired comparison of the dimension gaps against R ``survey::svyttest``
(tests/core/r/weighted_pairs.R writes weighted_pairs.json; review 13, finding 19).

Tolerances: relative 1e-10 for differences, SEs, t and CIs (closed forms on both sides);
relative 1e-8 for p-values (R's pt vs scipy.special.stdtr).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.dimension_comparison import compare_dimensions
from servqual_cli.core.weighted_pairs import weighted_pairs

R = Path(__file__).parent / "r"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def want() -> dict:
    return json.loads((R / "weighted_pairs.json").read_text())


def _check(got: pd.DataFrame, ref: list[dict]) -> None:
    assert got[["a", "b"]].values.tolist() == [[r["a"], r["b"]] for r in ref]
    for (_, row), r in zip(got.iterrows(), ref, strict=True):
        assert int(row["n"]) == r["n"]
        assert int(row["df"]) == r["df"]
        for key in ("diff", "se", "t", "ci_low", "ci_high"):
            assert row[key] == pytest.approx(r[key], rel=1e-10), key
        assert row["p"] == pytest.approx(r["p"], rel=1e-8)
        assert row["p_holm"] == pytest.approx(r["p_holm"], rel=1e-8)


def test_synthetic_matches_svyttest(want: dict) -> None:
    # as weighted_pairs.R: a missing gap (row 6) and a missing weight (row 7) leave 8 rows
    g = np.column_stack([
        [-1, -0.5, -1, 0, -1, -1, 0.5, -2, -1.5, 0],
        [-2, -1.5, -1, -2, -2.5, np.nan, -1, -1, -0.5, -3],
        [0, 0, 0.5, 0, 1, 0, -0.5, 1, 0, 0.5],
    ])  # fmt: skip
    w = np.array([1, 2, 0.5, 3, 1, 1, np.nan, 2.5, 1.5, 1])
    _check(weighted_pairs(g, ["A", "B", "C"], w, "w"), want["synthetic"])


def test_sample_2025_matches_svyttest_and_differs_from_the_unweighted(want: dict) -> None:
    # The report's path: the reader, the half-the-items rule and Vikt.
    from servqual_cli.core.respondent_scores import respondent_scores
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.io.weight_column import read_weight_column

    d = load_survey_file(str(SAMPLES / "karlstad_servqual_2025.xlsx"), None)
    scores = respondent_scores(d.expectation, d.perception, d.dimension_positions)
    w, column = read_weight_column(d, "Vikt", "survey.weight_column")
    got = weighted_pairs(scores.gap, list(scores.dimensions), w, column)
    _check(got, want["sample"])
    # review 13, finding 19: Responsiveness–Empathy is told apart weighted, not unweighted
    unweighted = compare_dimensions(scores.gap, list(scores.dimensions)).pairs
    pick = (got["a"] == "Responsiveness") & (got["b"] == "Empathy")
    assert got.loc[pick, "p_holm"].iloc[0] < 0.05 <= unweighted.loc[pick, "p_holm"].iloc[0]
    ref = next(r for r in want["sample"] if r["a"] == "Responsiveness" and r["b"] == "Empathy")
    assert unweighted.loc[pick, "p_holm"].iloc[0] == pytest.approx(
        ref["p_holm_unweighted"], rel=1e-8
    )


def test_equal_weights_give_the_unweighted_differences() -> None:
    rng = np.random.default_rng(3)
    g = rng.normal(-0.5, 1.0, size=(40, 3))
    g[5, 1] = np.nan
    got = weighted_pairs(g, ["A", "B", "C"], np.full(40, 2.0), "w")
    plain = compare_dimensions(g, ["A", "B", "C"]).pairs
    assert got["diff"].to_numpy() == pytest.approx(plain["diff"].to_numpy(), rel=1e-12)
    assert (got["n"] == 39).all()
