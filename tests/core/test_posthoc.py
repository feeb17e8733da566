"""core.posthoc: the studentized range integral and its scipy.special building blocks.

Games-Howell, Dunn and p_adjust are checked against R and pingouin in
tests/core/test_inference.py (through the re-exports of core.inference). Here: the chi-squared
and normal formulas written with scipy.special equal scipy.stats bit for bit, and the
quadrature for the studentized range agrees with scipy.stats.studentized_range (adaptive
integration, ~1e-11 accurate) over the degrees of freedom Welch gives.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from servqual_cli.core import posthoc


def test_chi2_and_normal_formulas_equal_scipy_stats_bit_for_bit() -> None:
    rng = np.random.default_rng(7)
    df = np.exp(rng.uniform(np.log(1.01), np.log(5e4), 200))
    x = np.exp(rng.uniform(-12, 12, 200))
    assert np.array_equal(posthoc._chi2_logpdf(x, df), stats.chi2.logpdf(x, df))
    assert np.array_equal(2 * special.gammaincinv(df / 2, 1e-17), stats.chi2.ppf(1e-17, df))
    assert np.array_equal(special.chdtri(df, 1e-17), stats.chi2.isf(1e-17, df))
    assert np.array_equal(special.chdtrc(df, x), stats.chi2.sf(x, df))
    z = rng.normal(0, 4, 200)
    assert np.array_equal(np.exp(-(z**2) / 2.0) / posthoc._NORM_PDF_C, stats.norm.pdf(z))
    assert np.array_equal(special.ndtr(z), stats.norm.cdf(z))


@pytest.mark.parametrize("k", [2, 3, 6, 12])
def test_ptukey_matches_scipy_studentized_range(k: int) -> None:
    df = np.array([1.3, 2.0, 4.7, 11.0, 38.5, 250.0])
    q = np.array([0.4, 1.5, 2.8, 3.6, 4.9, 7.5])
    got = posthoc._ptukey(q, k, df)
    ref = stats.studentized_range.cdf(q, k, df)
    np.testing.assert_allclose(got, ref, rtol=0, atol=1e-10)


def test_qtukey_inverts_ptukey() -> None:
    df = np.array([1.7, 9.0, 120.0])
    (q,) = posthoc._qtukey_many(0.95, 4, [df])
    np.testing.assert_allclose(posthoc._ptukey(q, 4, df), 0.95, rtol=0, atol=1e-12)
    np.testing.assert_allclose(q, stats.studentized_range.ppf(0.95, 4, df), rtol=1e-9)


# -- Games-Howell of several comparisons at once (issue #16) ------------------------------------


def _qtukey_alone(conf: float, k: int, df: np.ndarray) -> np.ndarray:
    """The one-comparison bisection as it was before the batches (copied)."""
    from servqual_cli.core.posthoc import _ptukey

    lo, hi = np.zeros(df.size), np.full(df.size, 8.0)
    for _ in range(60):
        low = _ptukey(hi, k, df) < conf
        if not low.any():
            break
        lo, hi = np.where(low, hi, lo), np.where(low, 2.0 * hi, hi)
    while np.any(hi - lo > 1e-12 * np.maximum(1.0, hi)):
        mid = (lo + hi) / 2.0
        below = _ptukey(mid, k, df) < conf
        lo, hi = np.where(below, mid, lo), np.where(below, hi, mid)
    return (lo + hi) / 2.0


def _gh_alone(groups, names, conf):
    from servqual_cli.core.posthoc import _ptukey, welch_pairs

    w = welch_pairs(groups, names)
    p, half = np.full(w.t.size, np.nan), np.full(w.t.size, np.nan)
    if w.ok.any():
        p[w.ok] = np.clip(1.0 - _ptukey(np.sqrt(2) * np.abs(w.t[w.ok]), w.k, w.df[w.ok]), 0, 1)
        half[w.ok] = _qtukey_alone(conf, w.k, w.df[w.ok]) / np.sqrt(2) * w.se[w.ok]
    return p, half


@st.composite
def comparison_sets(draw):
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    out = []
    for _ in range(draw(st.integers(1, 5))):
        k = draw(st.integers(2, 4))
        groups = []
        for _ in range(k):
            n = draw(st.sampled_from([1, 2, 3, 8, 60, 3000]))
            scale = draw(st.sampled_from([0.0, 0.5, 1.0, 4.0]))
            groups.append(np.round(rng.normal(draw(st.integers(-2, 2)) * 0.3, scale + 1e-9, n), 2))
        out.append((groups, [f"g{i}" for i in range(k)]))
    return out


@settings(max_examples=60, deadline=None)
@given(comparisons=comparison_sets(), conf=st.sampled_from([0.9, 0.95]))
def test_games_howell_of_many_equals_each_alone(comparisons, conf) -> None:
    tables = posthoc.games_howell_many(comparisons, conf)
    for (groups, names), table in zip(comparisons, tables, strict=True):
        p, half = _gh_alone(groups, names, conf)
        assert repr(table["p_adj"].tolist()) == repr(p.tolist())
        diff = table["diff"].to_numpy()
        assert repr(table["ci_low"].tolist()) == repr((diff - half).tolist())
        alone = posthoc.games_howell(groups, names, conf)
        pd.testing.assert_frame_equal(table, alone, check_exact=True)


def test_a_bisection_that_stops_all_comparisons_together_would_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(3)
    comparisons = [
        ([rng.normal(0, 1, 40), rng.normal(0.5, 2, 7), rng.normal(0, 1, 300)], ["a", "b", "c"]),
        ([rng.normal(0, 1, 9), rng.normal(1, 1, 5), rng.normal(0, 3, 12)], ["x", "y", "z"]),
    ]

    def together(conf, k, dfs):
        q = _qtukey_alone(conf, k, np.concatenate(dfs))
        return np.split(q, np.cumsum([d.size for d in dfs])[:-1])

    want = [posthoc.games_howell(g, n) for g, n in comparisons]
    for got, alone in zip(posthoc.games_howell_many(comparisons), want, strict=True):
        pd.testing.assert_frame_equal(got, alone, check_exact=True)
    monkeypatch.setattr(posthoc, "_qtukey_many", together)
    got = posthoc.games_howell_many(comparisons)
    assert any(g["ci_low"].tolist() != w["ci_low"].tolist() for g, w in zip(got, want, strict=True))
