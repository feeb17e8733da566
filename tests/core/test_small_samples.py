"""core.small_samples: what tiny samples cannot support is blanked, and only that.

The reference for every row that keeps its values is the unblanked one-pass statistic
(core.paired_ranks.column_ranks, itself checked against R in test_paired_ranks.py).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.gap_columns import TIE_DECIMALS
from servqual_cli.core.gaps import gap_analysis
from servqual_cli.core.paired_ranks import column_ranks
from servqual_cli.core.small_samples import (
    NO_TEST,
    RB_UNDEFINED,
    blank_degenerate,
    flag_small_base,
)

answers = st.integers(1, 4).flatmap(
    lambda n: st.tuples(
        arrays(np.float64, (n, 2), elements=st.sampled_from([4.0, 5.0, 6.0])),
        arrays(np.float64, (n, 2), elements=st.sampled_from([3.0, 5.0, 6.0, 7.0])),
    )
)


@settings(max_examples=60, deadline=None)
@given(answers)
def test_only_the_degenerate_cells_are_blanked(data: tuple[np.ndarray, np.ndarray]) -> None:
    e, p = data
    res = gap_analysis(e, p, ["1", "2"], {"A": [0], "B": [1]})
    for j, row in enumerate(res.items.to_dict("records")):
        ref = column_ranks(np.round(p[:, j] - e[:, j], TIE_DECIMALS))
        r = ref.rank_biserial
        if abs(r.value) == 1.0:
            assert math.isnan(row["rank_biserial_ci_low"]) and math.isnan(
                row["rank_biserial_ci_high"]
            )
            assert row["rank_biserial_ci_note"] == RB_UNDEFINED
        elif not math.isnan(r.value):
            assert row["rank_biserial_ci_low"] == r.ci_low and pd.isna(row["rank_biserial_ci_note"])
        if ref.signed_rank.n == 1:
            assert math.isnan(row["p_wilcoxon"]) and row["wilcoxon_method"] == NO_TEST
        elif ref.signed_rank.n >= 2:
            assert row["p_wilcoxon"] == ref.signed_rank.p
        gaps = p[:, j] - e[:, j]
        assert row["no_variation"] == (gaps.size >= 2 and bool(np.all(gaps == gaps[0])))


def test_two_equal_signs_give_r_minus_one_without_an_interval() -> None:
    # review 2 item 10: n2.csv printed "r_rb = -1.00, 95% CI [-1.00, -1.00]" (R effectsize
    # gives the same degenerate [-1, -1]: atanh(-1) is infinite)
    e = np.array([[6.0], [6.0]])
    p = np.array([[5.0], [3.0]])
    row = gap_analysis(e, p, ["1"], {"D": [0]}).dimensions.iloc[0]
    assert row["rank_biserial"] == -1.0 and math.isnan(row["rank_biserial_ci_low"])
    assert row["p_wilcoxon"] == 0.5  # two nonzero pairs: a test, p = 2 * (1/4)


def test_small_base_flag_follows_min_n() -> None:
    e = np.full((5, 1), 5.0)
    p = np.array([[4.0], [5.0], [6.0], [3.0], [7.0]])
    res = gap_analysis(e, p, ["1"], {"D": [0]})
    assert flag_small_base(res, 5).dimensions["small_base"].tolist() == [False]
    assert flag_small_base(res, 6).dimensions["small_base"].tolist() == [True]
    assert flag_small_base(res, 6).items["small_base"].tolist() == [True]


def test_blank_degenerate_leaves_a_regular_row_alone() -> None:
    row = {"n": 30, "gap_sd": 1.0, "n_nonzero": 28, "p_wilcoxon": 0.02,
           "wilcoxon_method": "exact", "rank_biserial": -0.99,
           "rank_biserial_ci_low": -1.0, "rank_biserial_ci_high": -0.9}  # fmt: skip
    out = blank_degenerate(pd.DataFrame([row])).iloc[0]
    assert out["p_wilcoxon"] == 0.02 and out["rank_biserial_ci_low"] == -1.0
    assert not out["no_variation"]
