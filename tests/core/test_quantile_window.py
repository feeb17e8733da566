"""The quantile interval evaluates the binomial CDF only near n q (#16): same result as the whole
range. The whole-range CDF is the one main used (special.bdtr over 0..n)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core import duration_summary
from servqual_cli.core.duration_summary import quantile_ci


def _whole_range(values: np.ndarray, q: float, conf: float) -> tuple[float, float, float]:
    x = np.sort(values)
    n = x.size
    tail = (1.0 - conf) / 2.0
    cdf = duration_summary.special.bdtr(np.arange(n + 1), n, q)
    r = int(np.sum(cdf <= tail * (1 + 1e-12)))
    s = int(np.argmax(cdf >= (1.0 - tail) * (1 - 1e-12))) + 1
    low = float(x[r - 1]) if r >= 1 else float("nan")
    high = float(x[s - 1]) if s <= n else float("nan")
    if r < 1 or s > n:
        return low, high, float("nan")
    return low, high, float(cdf[s - 1] - cdf[r - 1])


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 20000),
    q=st.sampled_from([0.5, 0.9, 0.1, 0.75, 0.99, 0.01]),
    conf=st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999]),
    seed=st.integers(0, 2**32 - 1),
)
def test_windowed_cdf_gives_the_whole_range_interval(
    n: int, q: float, conf: float, seed: int
) -> None:
    x = np.random.default_rng(seed).random(n)
    got, want = quantile_ci(x, q, conf), _whole_range(x, q, conf)
    np.testing.assert_array_equal(np.array(got), np.array(want))
