"""core.ranktests and the shared helpers: what the R comparisons in test_inference.py rely on.

The rank tests themselves are checked against R in tests/core/test_inference.py (through the
re-exports of core.inference). Here: the scipy.stats-free pieces (average ranks, the normal and
chi-squared tails from scipy.special) equal scipy.stats exactly, the re-exports are the same
objects, and importing the statistics modules does not import scipy.stats.
"""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from servqual_cli.core import _common, inference, posthoc, ranktests


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.integers(-4, 4).map(float), st.floats(-1e6, 1e6), st.just(-0.0)),
        max_size=60,
    )
)
def test_rankdata_equals_scipy_average_ranks(values: list[float]) -> None:
    x = np.array(values, dtype=np.float64)
    got = _common.rankdata(x)
    assert got.dtype == np.float64
    np.testing.assert_array_equal(got, stats.rankdata(x))  # exact: ranks are multiples of 1/2


@settings(max_examples=100, deadline=None)
@given(st.floats(-40, 40), st.integers(1, 12))
def test_normal_and_chi2_tails_equal_scipy_stats_bit_for_bit(z: float, df: int) -> None:
    assert ranktests._two_sided_normal(z) == float(2.0 * stats.norm.sf(abs(z)))
    h = abs(z) * 3
    assert float(special.chdtrc(df, h)) == float(stats.chi2.sf(h, df))


def test_kruskal_wallis_identical_groups_give_p_one() -> None:
    # H is 0 up to rounding, possibly just below it, where chdtrc alone would give NaN.
    base = [1.0, 2.0, 2.0, 3.0, 5.0]
    r = ranktests.kruskal_wallis([base, base[::-1], [5.0, 3.0, 2.0, 2.0, 1.0]])
    assert abs(r.statistic) < 1e-12 and r.p == 1.0
    assert stats.chi2.sf(-1e-15, 2) == 1.0  # the convention followed (and R's pchisq)


def test_inference_re_exports_the_same_objects() -> None:
    for name in inference.__all__:
        assert hasattr(inference, name), name
    for module in (ranktests, posthoc):
        for name in module.__all__:
            assert getattr(inference, name) is getattr(module, name), name
            assert name in inference.__all__, name
    assert inference.AnovaResult is _common.AnovaResult
    assert math.isnan(inference.kruskal_wallis([[2.0, 2.0], [2.0]]).p)


@pytest.mark.parametrize(
    "module",
    [
        "servqual_cli.core.gaps",
        "servqual_cli.core.inference",
        "servqual_cli.core.ranktests",
        "servqual_cli.core.posthoc",
        "servqual_cli.core.proportions",
    ],
)
def test_statistics_modules_import_without_scipy_stats(module: str) -> None:
    # scipy.stats takes about a second to import, scipy.optimize about half of one: a CLI
    # start-up cost. Both are imported lazily by the functions that need them.
    code = (
        f"import sys, {module}; "
        "print([m for m in ('scipy.stats', 'scipy.optimize') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
