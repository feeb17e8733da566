"""scipy.stats stays unimported (issue #16): its distributions are taken from scipy.special.

Each replacement is checked against scipy.stats itself (the tests may import it), with equality
where the same ufunc runs; and a fresh process runs the statistics of ``feedback``, ``kpi``,
``trend`` and ``service-survey`` and must not have loaded scipy.stats.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from servqual_cli.core import distributions, series


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 5000), p=st.floats(0.001, 0.999), data=st.data())
def test_binomial_functions_are_scipy_stats_binom(n: int, p: float, data) -> None:
    k = data.draw(st.integers(-2, n + 2))  # the cdf and sf also outside the support
    inside = min(max(k, 0), n)
    assert distributions.binom_pmf(np.array([inside]), n, p)[0] == stats.binom.pmf(inside, n, p)
    assert distributions.binom_cdf(k, n, p) == stats.binom.cdf(k, n, p)
    assert distributions.binom_sf(k, n, p) == stats.binom.sf(k, n, p)


@settings(max_examples=200, deadline=None)
@given(good=st.integers(1, 300), bad=st.integers(0, 300), data=st.data())
def test_hypergeometric_log_pmf_is_scipy_stats(good: int, bad: int, data) -> None:
    drawn = data.draw(st.integers(0, good + bad))
    support = np.arange(max(0, drawn - bad), min(drawn, good) + 1)
    got = distributions.hypergeom_logpmf(support, good + bad, good, drawn)
    np.testing.assert_array_equal(got, stats.hypergeom.logpmf(support, good + bad, good, drawn))


@settings(max_examples=100, deadline=None)
@given(x=st.floats(-5, 500))
def test_trend_p_values_are_scipy_stats(x: float) -> None:
    assert series._chi2_sf1(x) == stats.chi2.sf(x, 1)


def test_no_command_statistic_imports_scipy_stats() -> None:
    code = """
import sys
import numpy as np
from servqual_cli.core import detectable_difference, exact_tests, series
from servqual_cli.core import proportions, service_survey  # noqa: F401
exact_tests.fisher_exact(3, 10, 8, 12)
exact_tests.poisson_rate_test(12, 1000.0, 5, 1100.0)
detectable_difference.mdd_mean_difference(1.2, 54, 54)
detectable_difference.min_detectable_difference(0.5, 54)
series.cochran_armitage([10, 14, 20], [50, 50, 50], [1, 2, 3])
series.linear_trend([1.0, 2.5, 2.9, 4.2], [1, 2, 3, 4])
series.weighted_trend([1.0, 2.5, 2.9], [0.5, 0.4, 0.6], [1, 2, 3])
print("scipy.stats" in sys.modules, "scipy.optimize" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
