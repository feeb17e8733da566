"""A share's slope over the years and its score interval (core.trend_share_slope), against R
(tests/core/r/trend_share_slope.R -> trend_share_slope.json), statsmodels' score test and Mee's
two-sample interval (core.proportions, itself checked against R)."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from servqual_cli.core.proportions import score_diff_test
from servqual_cli.core.series import cochran_armitage
from servqual_cli.core.trend_share_slope import score_z, share_slope

REF = json.loads((Path(__file__).parent / "r" / "trend_share_slope.json").read_text())
CASES = sorted(REF["cases"])


@pytest.mark.parametrize("name", CASES)
def test_slope_and_bounds_match_r(name: str) -> None:
    """The estimate is R glm's (identity link), the bounds R uniroot's on anova(test="Rao")."""
    case = REF["cases"][name]
    for conf in (0.95, 0.90):
        ours = share_slope(case["k"], case["n"], case["t"], conf)
        want = case[f"conf_{round(conf * 100)}"]
        assert ours.slope == pytest.approx(case["slope"], abs=1e-7), name
        # R's constrained fits come from optimize() (tolerance 1e-12 in the intercept)
        assert ours.ci_low == pytest.approx(want["ci_low"], abs=1e-7), (name, conf)
        assert ours.ci_high == pytest.approx(want["ci_high"], abs=1e-7), (name, conf)


@pytest.mark.parametrize("name", CASES)
def test_the_score_test_at_zero_is_cochran_armitage(name: str) -> None:
    case = REF["cases"][name]
    z = score_z(0.0, case["k"], case["n"], case["t"])
    assert z**2 == pytest.approx(case["prop_trend_test"], rel=1e-9)
    assert z**2 == pytest.approx(case["rao_at_0"], rel=1e-6)  # R's fit: optimize() + glm
    ca = cochran_armitage(case["k"], case["n"], case["t"])
    assert (ca.slope, ca.ci_low, ca.ci_high) == share_slope(case["k"], case["n"], case["t"])
    assert math.isnan(ca.se)


def test_the_sample_years_gain_an_interval_where_wald_had_none() -> None:
    """A year at 0 % or 100 % (zero_year, full_year): Wald's interval did not exist, the score
    interval does, and R finds the same."""
    for name in ("zero_year", "full_year"):
        case = REF["cases"][name]
        r = cochran_armitage(case["k"], case["n"], case["t"])
        assert not math.isnan(r.ci_low) and not math.isnan(r.ci_high)


def test_the_edge_of_the_parameter_space() -> None:
    """100 %, 10 %, 0 % of 10 over 0, 1, 2: a line within 0-100 % falls at most 0.5 a year;
    the estimate and the lower bound are that edge, the upper bound a root of z = -1.96."""
    r = share_slope([10, 1, 0], [10, 10, 10], [0, 1, 2])
    assert r.slope == -0.5 and r.ci_low == -0.5
    assert score_z(r.ci_high, [10, 1, 0], [10, 10, 10], [0, 1, 2]) == pytest.approx(
        -stats.norm.ppf(0.975), abs=1e-8
    )
    nothing = share_slope([0, 0, 0], [5, 5, 5], [1, 2, 3])
    assert all(math.isnan(v) for v in nothing)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.integers(1, 40),
    st.integers(0, 40),
    st.integers(1, 40),
    st.integers(0, 40),
    st.integers(1, 4),
    st.sampled_from([0.9, 0.95]),
)
def test_two_years_give_mee_interval_per_year(n1, k1, n2, k2, gap, conf) -> None:
    """With two years the model is saturated: the slope is the difference of the shares per
    year, and the score interval is Mee's (the two-period trend's) divided by the years."""
    k1, k2 = min(k1, n1), min(k2, n2)
    if k1 + k2 in (0, n1 + n2):
        return
    r = share_slope([k1, k2], [n1, n2], [2019, 2019 + gap], conf)
    mee = score_diff_test(k1, n1, k2, n2, conf)
    assert r.slope == pytest.approx(mee.diff / gap, abs=1e-9)
    assert r.ci_low == pytest.approx(mee.ci_low / gap, abs=1e-7)
    assert r.ci_high == pytest.approx(mee.ci_high / gap, abs=1e-7)


def _statsmodels_score_p(b0: float, k: np.ndarray, n: np.ndarray, t: np.ndarray) -> float | None:
    """The p of the score test of b = b0 by statsmodels: the constrained identity-link binomial
    GLM (offset b0 * t) and its score test for adding t with the expected information. None
    when statsmodels cannot fit it (IRLS on the identity link does not converge near the edge,
    where R's glm, started at the optimum, confirms ours; or a fitted share at 0 or 1)."""
    import statsmodels.api as sm

    c = t - (n * t).sum() / n.sum()
    lo, hi = float(np.max(-b0 * c)), float(np.min(1 - b0 * c))
    family = sm.families.Binomial(link=sm.families.links.Identity())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            fit = sm.GLM(np.column_stack([k, n - k]), np.ones((k.size, 1)), family=family,
                         offset=b0 * c).fit(start_params=[(lo + hi) / 2], tol=1e-13,
                                            maxiter=500)  # fmt: skip
            p = fit.params[0] + b0 * c
            if not (fit.converged and np.all(p > 1e-6) and np.all(p < 1 - 1e-6)):
                return None
            return float(fit.score_test(exog_extra=c[:, None], observed=False).pvalue[0])
        except (ValueError, np.linalg.LinAlgError, FloatingPointError):
            return None


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    st.lists(st.integers(3, 60), min_size=3, max_size=5),
    st.integers(0, 10**6),
    st.sampled_from([0.8, 0.9, 0.95]),
)
def test_interval_holds_the_estimate_and_its_bounds_are_the_tests_level(ns, seed, conf) -> None:
    """Invariants: the interval holds the estimate; at a bound inside the parameter space the
    score test's p is 1 - conf, by statsmodels where it can fit (else by z here); the interval
    excludes 0 exactly when Cochran-Armitage's p is below 1 - conf."""
    rng = np.random.default_rng(seed)
    n = np.asarray(ns, dtype=float)
    years = np.sort(rng.choice(np.arange(2010, 2026), n.size, replace=False)).astype(float)
    share = np.clip(rng.uniform(0.05, 0.95) + rng.normal(0, 0.05) * (years - years.mean()), 0, 1)
    k = rng.binomial(n.astype(int), share).astype(float)
    r = share_slope(k, n, years, conf)
    if k.sum() in (0, n.sum()):
        assert math.isnan(r.slope)
        return
    assert r.ci_low <= r.slope <= r.ci_high
    edge = 1.0 / float(np.ptp(years))
    assert -edge <= r.ci_low and r.ci_high <= edge
    for bound in (r.ci_low, r.ci_high):
        if abs(abs(bound) - edge) < 1e-12:
            continue  # the bound is the parameter space's edge, not a root
        p = _statsmodels_score_p(bound, k, n, years)
        if p is None:
            p = 2 * stats.norm.sf(abs(score_z(bound, k, n, years)))
        assert p == pytest.approx(1 - conf, abs=1e-6)
    ca = cochran_armitage(k, n, years, conf)
    excludes = r.ci_low > 0 or r.ci_high < 0
    if abs(ca.p - (1 - conf)) > 1e-9:
        assert excludes == (ca.p < 1 - conf)
