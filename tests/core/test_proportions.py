"""core.proportions against R 4.2 (tests/core/r/proportions.R writes r/proportions.json).

Tolerances (relative unless stated) are written next to each assertion:
- 1e-10 for closed forms (Wilson, Newcombe, Fisher p, binomial p and Clopper-Pearson limits).
- Root-found values are compared with R run at uniroot tol = 1e-12/1e-13 ("tight" in the
  JSON) at 1e-9, and with R at its default tol (eps^0.25 ~ 1.2e-4, absolute on the scale
  uniroot searches) at that tolerance.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import confint_proportions_2indep

from servqual_cli.core import detectable_difference as dd
from servqual_cli.core import exact_tests
from servqual_cli.core import proportions as prop
from servqual_cli.errors import DataError, UsageError

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "proportions.json").read_text())
CLOSED = 1e-10
UNIROOT_DEFAULT_TOL = 1.3e-4  # .Machine$double.eps^0.25 = 1.22e-4, plus margin


# ---- Wilson ----------------------------------------------------------------------------------


@pytest.mark.parametrize("i", range(3))
def test_wilson_ci_matches_r_prop_test_including_k_0_and_k_n(i: int) -> None:
    block = R["wilson"]
    res = block["results"][i]
    low, high = prop.wilson_ci(np.array(block["k"]), np.array(block["n"]), conf=res["conf"])
    np.testing.assert_allclose(low, res["low"], rtol=CLOSED, atol=1e-15)
    np.testing.assert_allclose(high, res["high"], rtol=CLOSED, atol=1e-15)
    k, n = np.array(block["k"]), np.array(block["n"])
    assert np.all(low[k == 0] == 0.0) and np.all(high[k == n] == 1.0)  # exactly, as R


def test_wilson_ci_scalar_zero_n_and_invalid_counts() -> None:
    low, high = prop.wilson_ci(13, 54)
    assert low.shape == () and float(low) == pytest.approx(R["wilson"]["results"][0]["low"][2])
    assert float(high) == pytest.approx(R["wilson"]["results"][0]["high"][2])
    low0, high0 = prop.wilson_ci([0, 3], [0, 5])
    assert math.isnan(low0[0]) and math.isnan(high0[0]) and math.isfinite(low0[1])
    with pytest.raises(DataError):
        prop.wilson_ci(6, 5)
    with pytest.raises(UsageError):
        prop.wilson_ci(1, 5, conf=95)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 2000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_ci_contains_the_share(kn: tuple[int, int]) -> None:
    k, n = kn
    low, high = prop.wilson_ci(k, n)
    assert 0.0 <= float(low) <= k / n <= float(high) <= 1.0
    low90, high90 = prop.wilson_ci(k, n, conf=0.90)
    assert float(low) <= float(low90) and float(high90) <= float(high)  # nested by level


# ---- Newcombe --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", R["newcombe"], ids=lambda c: f"{c['k1']}-{c['n1']}-{c['k2']}")
def test_newcombe_matches_r_hand_calculation_and_statsmodels(case: dict[str, Any]) -> None:
    args = (case["k1"], case["n1"], case["k2"], case["n2"])
    low, high = prop.newcombe_diff_ci(*args, conf=case["conf"])
    assert low == pytest.approx(case["low"], rel=CLOSED, abs=1e-15)
    assert high == pytest.approx(case["high"], rel=CLOSED, abs=1e-15)
    ref = confint_proportions_2indep(
        count1=case["k2"],
        nobs1=case["n2"],
        count2=case["k1"],
        nobs2=case["n1"],
        compare="diff",
        method="newcomb",
        alpha=1 - case["conf"],
    )
    # statsmodels takes z from norm.ppf(1 - alpha / 2): the same to ~1e-15.
    assert (low, high) == pytest.approx(ref, rel=1e-9, abs=1e-12)


def test_newcombe_empty_group_gives_nan() -> None:
    assert all(math.isnan(v) for v in prop.newcombe_diff_ci(0, 0, 3, 10))


# ---- Fisher ----------------------------------------------------------------------------------


def close_on_uniroot_scale(ours: float, r: float, tol: float) -> bool:
    """R's fisher.test solves for the odds ratio t in (0, 1) or for 1/t in (eps, 1)."""
    if math.isinf(ours) or math.isinf(r) or ours == 0 or r == 0:
        return ours == r
    return min(abs(ours - r), abs(1 / ours - 1 / r)) <= tol


@pytest.mark.parametrize(
    "case", R["fisher"], ids=lambda c: f"{c['k1']}/{c['n1']}-{c['k2']}/{c['n2']}"
)
def test_fisher_exact_matches_r_fisher_test(case: dict[str, Any]) -> None:
    res = exact_tests.fisher_exact(case["k1"], case["n1"], case["k2"], case["n2"])
    assert res.p == pytest.approx(case["p"], rel=CLOSED)
    for field in ["odds_ratio", "ci_low", "ci_high"]:
        ours = getattr(res, field)
        assert ours == pytest.approx(case[field + "_tight"], rel=1e-9), field
        assert close_on_uniroot_scale(ours, case[field], UNIROOT_DEFAULT_TOL), field


def test_fisher_cases_include_zero_cells() -> None:
    cells = [(c["k1"], c["n1"] - c["k1"], c["k2"], c["n2"] - c["k2"]) for c in R["fisher"]]
    assert sum(0 in cell for cell in cells) >= 2


@pytest.mark.parametrize("case", R["fisher_degenerate"], ids=lambda c: f"{c['k1']}/{c['n1']}")
def test_fisher_zero_margin_matches_r_except_odds_ratio(case: dict[str, Any]) -> None:
    res = exact_tests.fisher_exact(case["k1"], case["n1"], case["k2"], case["n2"])
    assert (res.p, res.ci_low, res.ci_high) == (case["p"], case["ci_low"], case["ci_high"])
    assert case["odds_ratio"] == 0 and math.isnan(res.odds_ratio)  # documented deviation


def test_fisher_rejects_impossible_counts() -> None:
    with pytest.raises(DataError):
        exact_tests.fisher_exact(5, 4, 1, 3)
    with pytest.raises(DataError):
        exact_tests.fisher_exact(1.5, 4, 1, 3)  # type: ignore[arg-type]


# ---- minimum detectable difference -----------------------------------------------------------


@pytest.mark.parametrize("case", R["mdd"], ids=lambda c: f"p{c['p']}-n{c['n']:.4g}")
def test_min_detectable_difference_matches_r_power_prop_test(case: dict[str, Any]) -> None:
    n = case["n"]
    if float(n).is_integer():
        res = dd.min_detectable_difference(
            case["p"], int(n), alpha=case["alpha"], power=case["power"]
        )
    else:  # the R case with n = harmonic mean of 40 and 80
        res = dd.min_detectable_difference(
            case["p"], 40, 80, alpha=case["alpha"], power=case["power"]
        )
    assert res.n == pytest.approx(n, rel=1e-15)
    for field in ["up", "down"]:
        expected = case[field]
        ours = getattr(res, field)
        if math.isnan(expected):
            assert math.isnan(ours), field
        else:
            # R with uniroot tol = 1e-12: 1e-9; R with its default tol: 1.3e-4 absolute.
            assert ours == pytest.approx(expected, rel=1e-9), field
    if not math.isnan(case["up_default_tol"]):
        assert abs(res.up - case["up_default_tol"]) <= UNIROOT_DEFAULT_TOL
    both = [v for v in (case["up"], case["down"]) if not math.isnan(v)]
    assert res.conservative == pytest.approx(max(both), rel=1e-9)


def test_mdd_r_cases_cover_the_requested_baselines_at_n_54() -> None:
    at_54 = {c["p"] for c in R["mdd"] if c["n"] == 54}
    assert {0.5, 0.8, 0.9, 0.95} <= at_54


def test_mdd_is_symmetric_and_rejects_bad_input() -> None:
    a, b = dd.min_detectable_difference(0.3, 80), dd.min_detectable_difference(0.7, 80)
    assert a.up == pytest.approx(b.down, rel=1e-12) and a.down == pytest.approx(b.up, rel=1e-12)
    both_gone = dd.min_detectable_difference(0.5, 2)
    assert math.isnan(both_gone.up) and math.isnan(both_gone.conservative)
    with pytest.raises(UsageError):
        dd.min_detectable_difference(0.5, 54, power=1.2)
    with pytest.raises(DataError):
        dd.min_detectable_difference(1.5, 54)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.02, 0.98), st.integers(20, 2000))
def test_mdd_reaches_exactly_the_requested_power(p: float, n: int) -> None:
    res = dd.min_detectable_difference(p, n)
    for p2 in [p + res.up, p - res.down]:
        if math.isfinite(p2):
            achieved = dd._prop_power(p, np.array([p2]), float(n), 0.05)[0]
            assert achieved == pytest.approx(0.8, abs=1e-9)


# ---- Poisson rates ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", R["poisson"], ids=lambda c: f"{c['k1']}-{c['k2']}")
def test_poisson_rate_test_matches_r_poisson_test(case: dict[str, Any]) -> None:
    res = exact_tests.poisson_rate_test(
        case["k1"], case["t1"], case["k2"], case["t2"], conf=case["conf"]
    )
    for field in ["rate_ratio", "p", "ci_low", "ci_high"]:
        ours, expected = getattr(res, field), case[field]
        if math.isnan(expected) or math.isinf(expected) or expected == 0:
            assert ours == expected or (math.isnan(ours) and math.isnan(expected)), field
        else:
            assert ours == pytest.approx(expected, rel=CLOSED), field


def test_poisson_rate_test_rejects_bad_exposure() -> None:
    with pytest.raises(DataError):
        exact_tests.poisson_rate_test(3, 0.0, 4, 10.0)
    with pytest.raises(DataError):
        exact_tests.poisson_rate_test(-1, 1.0, 4, 10.0)


# ---- minimum detectable mean difference ------------------------------------------------------


@pytest.mark.parametrize("case", R["mdd_mean"], ids=lambda c: f"{c['n1']}-{c['n2']}")
def test_mdd_mean_difference_matches_r_power_t_test(case: dict[str, Any]) -> None:
    ours = dd.mdd_mean_difference(
        case["sd"], case["n1"], case["n2"], alpha=case["alpha"], power=case["power"]
    )
    # R's pnt (noncentral t) is accurate to ~1e-12; root found at tol 1e-12 on both sides.
    assert ours == pytest.approx(case["delta"], rel=1e-9)


def test_mdd_mean_difference_validates() -> None:
    with pytest.raises(DataError):
        dd.mdd_mean_difference(0.0, 10, 10)
    with pytest.raises(DataError):
        dd.mdd_mean_difference(1.0, 1, 1)
