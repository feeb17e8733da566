"""core.alpha_screen (review 7, finding 9): a tiny sample's alpha carries a caveat naming n, and
no infinite "alpha if deleted" reaches a table (NaN with a caveat naming the items)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.alpha_screen import MIN_ALPHA_N
from servqual_cli.core.scales import scale_reliability
from servqual_cli.errors import ServqualError

# The reviewer's file: two respondents, P2 constant (left out), P3 against P1 and P4.
TWO = pd.DataFrame({"P1": [4.0, 5], "P2": [5.0, 5], "P3": [6.0, 5], "P4": [4.0, 5]})


def test_two_respondents_are_named_and_no_infinity_is_left() -> None:
    r = scale_reliability(TWO, "P")
    # R psych::alpha(TWO[, c(1, 3, 4)]): raw_alpha -3, alpha if dropped -Inf, 1, -Inf
    assert (r.n, r.k, r.alpha) == (2, 3, -3.0)
    codes = [c.code for c in r.warnings]
    assert codes[:2] == ["few_respondents", "if_deleted_undefined"]
    assert r.warnings[0].params == {"n": 2, "min": MIN_ALPHA_N}
    assert r.warnings[1].params == {"items": ("P1", "P4")}
    table = r.items[["alpha_if_deleted", "alpha_std_if_deleted", "item_rest_r"]]
    assert not np.isinf(table.to_numpy(dtype=float)).any()
    assert r.items["alpha_if_deleted"].tolist()[1] == 1.0  # the finite cell is kept
    assert math.isnan(r.items["alpha_if_deleted"].tolist()[0])


def test_enough_respondents_carry_no_small_sample_caveat() -> None:
    rng = np.random.default_rng(7)
    f = rng.normal(size=MIN_ALPHA_N)
    x = pd.DataFrame({f"i{j}": f + rng.normal(size=MIN_ALPHA_N) for j in range(4)})
    assert "few_respondents" not in [c.code for c in scale_reliability(x, "s").warnings]
    short = scale_reliability(x.iloc[: MIN_ALPHA_N - 1], "s")
    assert short.warnings[0].code == "few_respondents"
    assert short.warnings[0].params["n"] == MIN_ALPHA_N - 1


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.tuples(*(st.integers(1, 3) for _ in range(4))), min_size=2, max_size=6))
def test_no_infinite_cell_on_any_tiny_sample(rows: list[tuple[int, ...]]) -> None:
    frame = pd.DataFrame(rows, columns=["a", "b", "c", "d"], dtype=float)
    try:
        r = scale_reliability(frame, "s", omega=False)
    except ServqualError:  # a scale the core refuses (no variance, too few items): its own error
        return
    numbers = r.items.select_dtypes("number").to_numpy(dtype=float)
    assert not np.isinf(numbers).any()
    assert not any(math.isinf(v) for v in (r.alpha, r.alpha_std, r.ci_low, r.ci_high))
    assert r.warnings[0].code == "few_respondents"  # n <= 6
