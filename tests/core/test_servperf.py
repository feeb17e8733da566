"""SERVPERF (perception-only instruments) against base R (tests/core/r/servperf.R on the sample
survey). Tolerance: relative 1e-10 (means, SDs and t intervals in closed form on both sides)."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.gaps import gap_analysis
from servqual_cli.core.servperf import servperf_analysis
from servqual_cli.errors import DataError
from servqual_cli.instruments.builtin import PZB1991
from servqual_cli.io.read import read_table
from servqual_cli.io.survey import load_survey

R = Path(__file__).parent / "r"
SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "karlstad_servqual.csv"
TOL = 1e-10
PERCEPTION_ONLY = dataclasses.replace(PZB1991, expectation=None)


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((R / "servperf.json").read_text())


@pytest.fixture(scope="module")
def result():
    data = load_survey(read_table(SAMPLE), PERCEPTION_ONLY, perception_only_ok=True)
    assert np.isnan(data.expectation).all() and "expectation" not in data.columns
    return servperf_analysis(data.perception, data.items, data.dimension_positions,
                             weights=data.weights)  # fmt: skip


def _same(got: dict, want: dict) -> None:
    for key, value in want.items():
        if isinstance(value, str):
            assert got[key] == value
        else:
            assert got[key] == pytest.approx(value, rel=TOL), key


def test_dimensions_and_items_match_r(result, expected: dict) -> None:
    for got, want in zip(result.to_dict()["dimensions"], expected["dimensions"], strict=True):
        _same(got, want)
    for got, want in zip(result.to_dict()["items"], expected["items"], strict=True):
        _same(got, want)


def test_overall_matches_r(result, expected: dict) -> None:
    # servperf.R names the importance-weighted score as the JSON did before review 3 (#22)
    renamed = {"weighted": "importance_weighted", "n_weighted": "n_importance_weighted",
               "weighted_ci_low": "importance_weighted_ci_low",
               "weighted_ci_high": "importance_weighted_ci_high"}  # fmt: skip
    want = {renamed.get(k, k): v for k, v in expected["overall"].items()}
    _same(result.overall.to_dict(), want)


def test_same_perceptions_as_the_full_instrument(result) -> None:
    """The perception means do not depend on whether E columns are read."""
    full = load_survey(read_table(SAMPLE), PZB1991)
    gaps = gap_analysis(full.expectation, full.perception, full.items, full.dimension_positions)
    np.testing.assert_allclose(result.dimensions["perception"], gaps.dimensions["servperf"])


def test_json_has_no_gap_fields(result) -> None:
    d = result.to_dict()
    assert d["model"] == "SERVPERF"
    assert not {"gap", "expectation", "p_t"} & set(d["dimensions"][0])
    assert not {"gap", "expectation"} & set(d["items"][0])


def test_other_loaders_refuse_it() -> None:
    from servqual_cli.errors import ConfigError

    with pytest.raises(ConfigError, match="no 'expectation' columns"):
        load_survey(read_table(SAMPLE), PERCEPTION_ONLY)


def test_nothing_to_analyse() -> None:
    with pytest.raises(DataError, match="no respondent has a valid perception"):
        servperf_analysis(np.full((3, 2), np.nan), ["1", "2"], {"A": [0, 1]})


@settings(max_examples=40, deadline=None)
@given(arrays(float, (12, 4), elements=st.sampled_from([1.0, 2.0, 4.0, 7.0, math.nan])))
def test_interval_contains_mean_and_shift_moves_it(p: np.ndarray) -> None:
    if np.isnan(p).all():
        return
    res = servperf_analysis(p, ["1", "2", "3", "4"], {"A": [0, 1], "B": [2, 3]})
    moved = servperf_analysis(p + 1.0, ["1", "2", "3", "4"], {"A": [0, 1], "B": [2, 3]})
    for a, b in zip(res.items.itertuples(), moved.items.itertuples(), strict=True):
        if a.n >= 2 and a.sd > 0:
            assert a.ci_low <= a.perception <= a.ci_high
        if a.n:
            assert b.perception == pytest.approx(a.perception + 1.0)
