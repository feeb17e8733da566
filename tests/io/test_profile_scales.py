"""describe's rating-scale guess (io/profile.py) on the exports of review 11: columns of built-in
labels only, and a 1..k scale with one far code ("Vet ej" = 99) beside it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io.profile import _profile_column


def _scale_of(values: list[object]) -> tuple[tuple[int, int] | None, int | None, int]:
    c = _profile_column(pd.Series(values, dtype=object), 0, "F1")
    return c.scale, c.far_code, c.n_far_code


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    top=st.sampled_from([4, 5, 6, 7, 10]),
    code=st.sampled_from([99, 999]),
    n_code=st.integers(1, 40),
    seed=st.integers(0, 2**16),
)
def test_one_far_code_beside_a_scale_keeps_the_scale(
    top: int, code: int, n_code: int, seed: int
) -> None:
    """Every point of 1..top answered, plus ``n_code`` cells of a far code (any share, even
    one cell): the scale is 1..top and the code is named with its cells."""
    rng = np.random.default_rng(seed)
    answers = [*range(1, top + 1), *rng.integers(1, top + 1, 150).tolist()] + [code] * n_code
    scale, far, n = _scale_of([str(v) for v in rng.permutation(answers)])
    assert (scale, far, n) == ((1, top), code, n_code)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # 9 beside 1-7 (a common SPSS "vet ej"), but an answer on 1-10
        ([*range(1, 8)] * 20 + [9] * 5, ((1, 7), 9, 5)),
        ([*range(1, 11)] * 20, ((1, 10), None, 0)),
        # a rare 0 below 1-5 is a code; a 0 given by many is the scale's first point
        ([*range(1, 6)] * 40 + [0] * 3, ((1, 5), 0, 3)),
        ([*range(0, 6)] * 40, ((0, 5), None, 0)),
        ([*range(0, 11)] * 20, ((0, 10), None, 0)),
        # two far values: no guess (38 of 44 columns were dropped; this one still is)
        ([*range(1, 8)] * 20 + [99] * 5 + [50] * 5, (None, None, 0)),
        # a respondent number is no scale, with or without a far value
        ([str(v) for v in range(1, 200)], (None, None, 0)),
    ],
)
def test_far_codes(values: list[int], expected: tuple[object, ...]) -> None:
    assert _scale_of(values) == expected


@pytest.mark.parametrize(
    ("labels", "scale"),
    [
        # Esmaker's 5-point satisfaction set, with "Ej aktuellt" (a no-answer word)
        (["Mycket missnöjd", "Ganska missnöjd", "Varken eller", "Ganska nöjd", "Mycket nöjd",
          "Ej aktuellt"], (1, 5)),
        # MS Forms' agreement set fits 1-7 too (1, 2, 4, 6, 7): the shorter set is taken
        (["Instämmer inte alls", "Instämmer inte", "Neutral", "Instämmer", "Instämmer helt"],
         (1, 5)),
        # words of the 7-point set only
        (["Instämmer inte alls", "Instämmer delvis inte", "Instämmer delvis", "Instämmer helt"],
         (1, 7)),
        # English labels
        (["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"], (1, 5)),
    ],
)  # fmt: skip
def test_built_in_label_sets_are_scales(labels: list[str], scale: tuple[int, int]) -> None:
    c = _profile_column(pd.Series(labels * 10 + ["", None], dtype=object), 3, "F4")
    assert c.scale == scale and c.kind == "text"
    assert all(v == round(v) for _, v in c.scale_labels)
    assert {t for t, _ in c.scale_labels} == set(labels) - {"Ej aktuellt"}


@pytest.mark.parametrize(
    "labels",
    [
        ["Ja", "Nej", "Vet ej"],  # yes/no
        ["Mycket nöjd", "Ganska nöjd"],  # two labels only: too little to call it a scale
        ["Mycket nöjd", "Ganska nöjd", "Varken eller", "Bra"],  # one word of no set
        ["Kvinna", "Man", "Annat"],
    ],
)
def test_other_text_is_no_scale(labels: list[str]) -> None:
    c = _profile_column(pd.Series(labels * 10, dtype=object), 0, "X")
    assert c.scale is None and c.scale_labels == ()


def test_a_rare_count_row_does_not_spoil_a_label_column() -> None:
    """Esmaker's "Antal svar" row at the bottom holds the column's count (386 of 400 rows)."""
    values = ["Mycket nöjd", "Ganska nöjd", "Varken eller", "Ganska missnöjd"] * 100 + ["386"]
    assert _profile_column(pd.Series(values, dtype=object), 0, "X").scale == (1, 5)
