"""core.effect_sizes against R effectsize 0.8.3 (tests/core/r/stats12.R writes r/stats12.json).

Point estimates are closed forms: 1e-10 relative. CI bounds: 1e-9 against the bounds R solves
with uniroot(tol = 1e-13) ("exact_*"; 1e-8 for ω², whose R noncentral F is accurate to ~1e-9),
and 1e-5 absolute against effectsize itself, which
inverts the noncentral distributions with optim(abstol = 1e-9).
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

from servqual_cli.core import effect_sizes as es

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "stats12.json").read_text())


def ci(r: es.EffectSize) -> tuple[float, float]:
    return (r.ci_low, r.ci_high)


def test_cohens_dz_matches_effectsize() -> None:
    p = R["paired"]
    r = es.cohens_dz(p["d"], conf=p["conf"])
    assert r.value == pytest.approx(p["dz"], rel=1e-10)
    assert ci(r) == pytest.approx((p["dz_exact_ci_low"], p["dz_exact_ci_high"]), rel=1e-9)
    assert ci(r) == pytest.approx((p["dz_ci_low"], p["dz_ci_high"]), abs=1e-5)


def test_rank_biserial_matches_effectsize() -> None:
    p = R["paired"]
    r = es.rank_biserial_paired(p["d"], conf=p["conf"])
    assert r.value == pytest.approx(p["rank_biserial"], rel=1e-10)
    assert ci(r) == pytest.approx((p["rb_ci_low"], p["rb_ci_high"]), rel=1e-10)


def test_hedges_g_exact_j_matches_effectsize() -> None:
    h = R["hedges"]
    r = es.hedges_g(h["x"], h["y"])
    assert r.value == pytest.approx(h["g"], rel=1e-10)
    assert ci(r) == pytest.approx((h["exact_ci_low"], h["exact_ci_high"]), rel=1e-9)
    assert ci(r) == pytest.approx((h["ci_low"], h["ci_high"]), abs=1e-5)


def test_omega_squared_matches_effectsize() -> None:
    w = R["groups"]["welch"]
    r = es.omega_squared_f(w["f"], w["df1"], w["df2"], conf=0.90)
    assert r.value == pytest.approx(w["omega2"], rel=1e-10)
    # R's pf(ncp = ) (pnbeta) is itself accurate to ~1e-9 only: 1e-8 here.
    assert ci(r) == pytest.approx((w["exact_ci_low"], w["exact_ci_high"]), rel=1e-8)
    assert ci(r) == pytest.approx((w["omega2_ci_low"], w["omega2_ci_high"]), abs=1e-5)


def test_rank_epsilon_squared_matches_effectsize() -> None:
    k = R["groups"]["kruskal"]
    n = sum(len(v) for v in R["groups"]["values"].values())
    assert es.rank_epsilon_squared(k["h"], n).value == pytest.approx(k["epsilon2"], rel=1e-10)


def test_hedges_j_is_the_gamma_ratio_not_the_approximation() -> None:
    # J(4) = Γ(2) / (√2 Γ(1.5)) = 1 / (√2 · √π / 2) = 0.7978..., the approximation gives 0.8
    assert es.hedges_j(4) == pytest.approx(2 / math.sqrt(2 * math.pi), rel=1e-14)


def test_thin_data_give_nan_not_errors() -> None:
    assert math.isnan(es.cohens_dz([1.0]).value)
    assert math.isnan(es.rank_biserial_paired([0.0, 0.0]).value)
    assert math.isnan(es.hedges_g([1.0, 1.0], [1.0, 1.0]).value)
    assert math.isnan(es.omega_squared_f(math.nan, 2, 10).value)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-4, 4), min_size=3, max_size=40), st.sampled_from([0.8, 0.9, 0.95]))
def test_intervals_contain_the_estimate(values: list[int], conf: float) -> None:
    d = np.array(values, dtype=float)
    for r in (es.cohens_dz(d, conf), es.rank_biserial_paired(d, conf)):
        if math.isfinite(r.value) and abs(r.value) < 1:
            assert r.ci_low <= r.value + 1e-9 and r.value - 1e-9 <= r.ci_high


def test_oneway_anova_f_matches_aov() -> None:
    w2 = json.loads((Path(__file__).parent / "r" / "group_omega2.json").read_text())
    for case in w2["cases"]:
        y, g = np.asarray(case["y"], dtype=float), np.asarray(case["g"])
        f, df1, df2 = es.oneway_anova_f([y[g == name] for name in sorted(set(case["g"]))])
        assert (df1, df2) == (case["df1"], case["df2"])
        assert f == pytest.approx(case["f"], rel=1e-10)
        assert es.omega_squared_f(f, df1, df2).value == pytest.approx(case["omega2"], abs=1e-12)


def test_oneway_anova_f_needs_two_groups_and_spread() -> None:
    assert all(math.isnan(v) for v in es.oneway_anova_f([np.array([1.0, 2.0])]))
    assert math.isnan(es.oneway_anova_f([np.array([1.0, 1.0]), np.array([2.0, 2.0])])[0])


# -- dz intervals solved together (issue #16) ----------------------------------------------------


def _scalar_bounds(dz: np.ndarray, n: np.ndarray, conf: float) -> tuple[list, list]:
    rs = [es.dz_interval(float(d), int(m), conf) for d, m in zip(dz, n, strict=True)]
    return [r.ci_low for r in rs], [r.ci_high for r in rs]


dz_columns = st.lists(
    st.tuples(
        st.one_of(
            st.floats(-3, 3, allow_nan=False),
            st.sampled_from([0.0, math.nan, math.inf, 1e-12, -40.0]),
        ),
        st.sampled_from([0, 1, 2, 3, 5, 30, 400, 10**6]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(columns=dz_columns, conf=st.sampled_from([0.9, 0.95, 0.99]))
def test_dz_intervals_equal_the_scalar_solves(columns: list, conf: float) -> None:
    dz = np.array([c[0] for c in columns])
    n = np.array([c[1] for c in columns], dtype=np.int64)
    low, high = es.dz_intervals(dz, n, conf)
    want_low, want_high = _scalar_bounds(dz, n, conf)
    assert repr(low.tolist()) == repr(want_low)  # bit for bit, NaN where NaN
    assert repr(high.tolist()) == repr(want_high)


def test_dz_intervals_that_run_every_step_together_would_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A variant that steps every bound until the last one converges (no per-bound stop)."""

    def no_own_stop(cdf, p, start):
        every = np.arange(start.size)
        x0 = start.copy()
        x1 = start + np.maximum(1e-4, 1e-3 * np.abs(start))
        f0, f1 = cdf(x0, every) - p, cdf(x1, every) - p
        for _ in range(30):
            if np.all((f1 == f0) | (np.abs(f1) < 1e-15)):
                break
            with np.errstate(invalid="ignore", divide="ignore"):
                x0, x1, f0 = x1, x1 - f1 * (x1 - x0) / (f1 - f0), f1
            f1 = cdf(x1, every) - p
        return x1

    dz, n = np.array([0.01, 0.4, 2.5, -1.2]), np.array([8, 400, 12, 10**6])
    want = _scalar_bounds(dz, n, 0.95)
    assert [x.tolist() for x in es.dz_intervals(dz, n, 0.95)] == list(want)
    monkeypatch.setattr(es, "_secant", no_own_stop)
    got = es.dz_intervals(dz, n, 0.95)
    assert [x.tolist() for x in got] != list(want)
