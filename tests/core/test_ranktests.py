"""core.ranktests and the shared helpers: what the R comparisons in test_inference.py rely on.

The rank tests themselves are checked against R in tests/core/test_inference.py (through the
re-exports of core.inference). Here: the scipy.stats-free pieces (average ranks, the normal and
chi-squared tails from scipy.special) equal scipy.stats exactly, the re-exports are the same
objects, and importing the statistics modules does not import scipy.stats.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from servqual_cli.core import _common, inference, posthoc, ranktests
from servqual_cli.core.ranktests import signed_rank_test


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


# ---- signed_rank_test against coin (tests/core/r/ranktests12.R) ----------------------------
R12: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "ranktests12.json").read_text())


@pytest.mark.parametrize("case", range(len(R12["small"])))
@pytest.mark.parametrize("zero_method", ["wilcox", "pratt"])
def test_exact_conditional_p_matches_coin(case: int, zero_method: str) -> None:
    """Exact sums of dyadic probabilities: 1e-12 relative."""
    c = R12["small"][case]
    r = signed_rank_test(c["d"], zero_method)
    want = c["wilcox" if zero_method == "wilcox" else "pratt"]
    assert r.statistic == want["v"]
    assert r.p == pytest.approx(want["p"], rel=1e-12)
    assert r.method.startswith("exact conditional")


def test_exact_conditional_without_ties_is_wilcox_exact() -> None:
    r = signed_rank_test(R12["small"][2]["d"])
    assert r.p == pytest.approx(R12["exact_no_ties"], rel=1e-12)


def test_large_samples_use_the_named_normal_approximations() -> None:
    big = R12["big"]
    w = signed_rank_test(big["d"], "wilcox")
    assert w.p == pytest.approx(big["wilcox_p"], rel=1e-10) and "continuity" in w.method
    p = signed_rank_test(big["d"], "pratt")
    assert p.statistic == big["pratt"]["v"]
    assert p.p == pytest.approx(big["pratt"]["p"], rel=1e-10) and "Pratt" in p.method
