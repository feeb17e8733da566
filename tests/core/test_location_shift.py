"""core.location_shift: the rank score behind the Hodges-Lehmann interval.

``_z`` takes its average ranks and tie sum from :mod:`servqual_cli.core._common` (``rankdata``,
``tie_sum``) instead of computing them itself (pandas ``rank`` and ``np.unique`` of the ranks).
The hypothesis tests compare it, and the whole estimate, with that earlier code (copied below)
bit for bit, on samples with ties, signed zeros and infinite values; the interval itself is
checked against R ``wilcox.test`` in tests/core/test_kpi_review3.py.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core import location_shift
from servqual_cli.core.location_shift import hodges_lehmann


def _z_before(shift: float, after: np.ndarray, before: np.ndarray) -> float:
    """``_z`` as it was, with its own ranks and ties (copied)."""
    n, m = after.size, before.size
    ranks = pd.Series(np.concatenate([after - shift, before])).rank(method="average").to_numpy()
    _, ties = np.unique(ranks, return_counts=True)
    dz = float(ranks[:n].sum()) - n * (n + 1) / 2 - n * m / 2
    correction = math.copysign(0.5, dz) if dz else 0.0
    sigma = math.sqrt(
        (n * m / 12) * ((n + m + 1) - float((ties**3 - ties).sum()) / ((n + m) * (n + m - 1)))
    )
    return (dz - correction) / sigma if sigma > 0 else math.nan


def _z_without_ties(shift: float, after: np.ndarray, before: np.ndarray) -> float:
    """A deliberately broken ``_z``: no tie correction in the variance."""
    n, m = after.size, before.size
    ranks = pd.Series(np.concatenate([after - shift, before])).rank(method="average").to_numpy()
    dz = float(ranks[:n].sum()) - n * (n + 1) / 2 - n * m / 2
    correction = math.copysign(0.5, dz) if dz else 0.0
    return (dz - correction) / math.sqrt(n * m * (n + m + 1) / 12)


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


# Few distinct values (ties, as durations in whole hours), signed zeros and infinities.
VALUES = st.one_of(
    st.integers(-6, 6).map(float),
    st.sampled_from([0.0, -0.0, 0.5, -2.5, math.inf, -math.inf]),
    st.floats(-1e6, 1e6, allow_nan=False),
)
SAMPLE = st.lists(VALUES, min_size=1, max_size=25).map(lambda v: np.array(v, dtype=float))


# an infinite value minus itself is NaN, with numpy's warning, as before
@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@settings(max_examples=300, deadline=None)
@given(after=SAMPLE, before=SAMPLE, data=st.data())
def test_z_is_the_earlier_rank_score_bit_for_bit(
    after: np.ndarray, before: np.ndarray, data: st.DataObject
) -> None:
    diffs = (after[:, None] - before[None, :]).ravel()
    shifts = [0.0, math.inf, -math.inf, *diffs[:5].tolist()]
    shifts.append(data.draw(st.floats(-1e6, 1e6, allow_nan=False)))
    for shift in shifts:
        new = location_shift._z(shift, after, before)
        old = _z_before(shift, after, before)
        assert _same(new, old), (shift, new, old)


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@settings(max_examples=200, deadline=None)
@given(after=SAMPLE, before=SAMPLE, conf=st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_the_estimate_and_interval_are_unchanged(
    after: np.ndarray, before: np.ndarray, conf: float
) -> None:
    new = hodges_lehmann(before, after, conf)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(location_shift, "_z", _z_before)
        old = hodges_lehmann(before, after, conf)
    for field in ("estimate", "ci_low", "ci_high"):
        assert _same(getattr(new, field), getattr(old, field)), field


def test_a_score_without_the_tie_correction_is_caught() -> None:
    """The comparison can fail: on tied answers a score without the tie correction differs
    from the earlier one, where the current one is equal to it."""
    before = np.array([1.0, 2, 2, 3, 3, 3, 4, 4, 5])
    after = np.array([2.0, 3, 3, 4, 4, 4, 5, 5, 5, 5])
    assert not _same(_z_without_ties(0.0, after, before), _z_before(0.0, after, before))
    assert _same(location_shift._z(0.0, after, before), _z_before(0.0, after, before))
