"""core.small_samples.small_base: the one decision "is this base too small to judge" (session 18,
a-small: it was written four times, in the contact trend, the survey trend, the series and the
``--by`` groups). Its invariants, by hypothesis; the reference is plain comparison of each count
with ``min_n`` (numpy's ``<``), one side at a time.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.small_samples import mark_small_base, small_base

counts = arrays(np.float64, 6, elements=st.integers(0, 500).map(float))
limits = st.integers(1, 400)


@settings(max_examples=200, deadline=None)
@given(counts, st.integers(0, 100), limits)
def test_monotone_in_n_and_in_the_limit(n: np.ndarray, more: int, min_n: int) -> None:
    """More cases never make a base small; a higher limit never makes one sound."""
    small = small_base(n, min_n=min_n)
    assert not (small_base(n + more, min_n=min_n) & ~small).any()
    assert not (small & ~small_base(n, min_n=min_n + more)).any()
    assert small.tolist() == [v < min_n for v in n.tolist()]


@settings(max_examples=200, deadline=None)
@given(counts, counts, limits)
def test_a_change_is_small_when_either_year_is(
    before: np.ndarray, after: np.ndarray, min_n: int
) -> None:
    change = small_base(before, after, min_n=min_n)
    either = small_base(before, min_n=min_n) | small_base(after, min_n=min_n)
    assert change.tolist() == either.tolist()
    assert change.tolist() == small_base(after, before, min_n=min_n).tolist()  # symmetric


@settings(max_examples=200, deadline=None)
@given(counts, arrays(np.float64, 6, elements=st.one_of(st.just(np.nan), st.floats(0, 500))),
       limits)  # fmt: skip
def test_weighted_judged_on_n_eff_where_a_year_has_one(
    n: np.ndarray, n_eff: np.ndarray, min_n: int
) -> None:
    """Kish's n_eff where it is a number; the count (a year without respondents) where NaN."""
    small = small_base(n, min_n=min_n, effective=(n_eff,))
    judged = np.where(np.isnan(n_eff), n, n_eff)
    assert small.tolist() == [v < min_n for v in judged.tolist()]


def test_frame_mark_names_the_limit() -> None:
    import pandas as pd

    f = pd.DataFrame({"n_before": [400, 40], "n_after": [320, 40],
                      "n_eff_before": [400.0, 40.0], "n_eff_after": [253.0, np.nan]})  # fmt: skip
    out = mark_small_base(f, "n_before", "n_after", min_n=300,
                          effective=("n_eff_before", "n_eff_after"))  # fmt: skip
    assert out["small_base"].tolist() == [True, True]
    assert out["min_n"].tolist() == [300, 300]
    assert mark_small_base(f, "n_before", "n_after", min_n=300)["small_base"].tolist() == [
        False,
        True,
    ]
