"""The single-pass gap statistics (issue #16) against the per-value code they replaced.

:mod:`servqual_cli.core.paired_ranks` must give what ``signed_rank_test``,
``wilcoxon_signed_rank`` and ``rank_biserial_paired`` give on the non-missing values; the
column-wise :func:`respondent_scores`, :func:`overall_score` and :func:`friedman_test` what the
row-wise versions before #16 gave (copied below as the reference). Exact equality where the
arithmetic is the same (integer rank sums, left-to-right row sums); relative 1e-12 where only the
order of a float sum changed (Pratt's Σr², the one-sample t moments).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.dimension_comparison import friedman_test
from servqual_cli.core.effect_sizes import rank_biserial_paired
from servqual_cli.core.gap_columns import TIE_DECIMALS
from servqual_cli.core.overall_score import overall_score
from servqual_cli.core.paired_ranks import column_ranks, wilcox_test_column
from servqual_cli.core.ranktests import signed_rank_test, wilcoxon_signed_rank
from servqual_cli.core.respondent_scores import respondent_scores


def _column(seed: int, n: int, blank: float, spread: int, halves: bool) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.integers(-spread, spread + 1, size=n).astype(float)
    if halves:
        x = x / 2.0 + rng.integers(0, 2, size=n) * 0.25
    x[rng.random(n) < blank] = np.nan
    return x


def _same(a: float, b: float, rel: float = 0.0) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b if rel == 0 else a == pytest.approx(b, rel=rel, abs=1e-300)


columns = st.builds(
    _column,
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(0, 400),
    blank=st.sampled_from([0.0, 0.1, 0.5]),
    spread=st.integers(0, 6),
    halves=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(x=columns, zero_method=st.sampled_from(["wilcox", "pratt"]))
def test_column_ranks_equals_the_per_value_tests(x: np.ndarray, zero_method: str) -> None:
    values = x[~np.isnan(x)]
    got = column_ranks(x, zero_method)
    want = signed_rank_test(values, zero_method)
    assert got.signed_rank.statistic == want.statistic
    assert got.signed_rank.n == want.n
    assert got.signed_rank.method == want.method
    rel = 1e-12 if zero_method == "pratt" else 0.0  # Σ r² summed exactly now
    assert _same(got.signed_rank.p, want.p, rel)
    rb = rank_biserial_paired(values)
    for field in ("value", "ci_low", "ci_high"):
        assert _same(getattr(got.rank_biserial, field), getattr(rb, field)), field


@settings(max_examples=300, deadline=None)
@given(x=columns)
def test_wilcox_test_column_equals_wilcox_test(x: np.ndarray) -> None:
    got = wilcox_test_column(x)
    want = wilcoxon_signed_rank(x[~np.isnan(x)])
    assert (got.statistic, got.method) == (want.statistic, want.method)
    assert _same(got.p, want.p)


def test_large_columns_use_the_normal_approximation_identically() -> None:
    x = np.round(_column(3, 200_000, 0.02, 6, False), TIE_DECIMALS)
    for zero_method in ("wilcox", "pratt"):
        got = column_ranks(x, zero_method).signed_rank
        want = signed_rank_test(x[~np.isnan(x)], zero_method)
        assert got.statistic == want.statistic
        assert got.p == pytest.approx(want.p, rel=1e-12)


# -- the row-wise code before issue #16, as the reference ---------------------------------------


def _old_respondent_scores(e, p, dimensions, need):
    gap = p - e
    both = ~np.isnan(gap)
    n = e.shape[0]
    out = {k: np.full((n, len(dimensions)), np.nan) for k in ("e", "p", "g", "sp")}
    for j, cols in enumerate(dimensions.values()):
        valid = both[:, cols]
        count = valid.sum(axis=1)
        ok = count >= need[j]
        with np.errstate(invalid="ignore", divide="ignore"):
            g = np.where(valid, gap[:, cols], 0.0).sum(axis=1) / count
            ee = np.where(valid, e[:, cols], 0.0).sum(axis=1) / count
            pp = np.where(valid, p[:, cols], 0.0).sum(axis=1) / count
            p_valid = ~np.isnan(p[:, cols])
            p_count = p_valid.sum(axis=1)
            sp = np.where(p_valid, p[:, cols], 0.0).sum(axis=1) / p_count
        out["g"][ok, j] = np.round(g[ok], TIE_DECIMALS)
        out["e"][ok, j] = ee[ok]
        out["p"][ok, j] = pp[ok]
        sp_ok = p_count >= need[j]
        out["sp"][sp_ok, j] = sp[sp_ok]
    return out


def _old_overall(g, w):
    complete = ~np.isnan(g).any(axis=1)
    per_resp = g[complete].mean(axis=1)
    w = np.asarray(w, dtype=float)[complete]
    ok = ~np.isnan(w).any(axis=1) & ~(w < 0).any(axis=1) & (np.nansum(w, axis=1) > 0)
    score = (g[complete][ok] * w[ok]).sum(axis=1) / w[ok].sum(axis=1)
    return per_resp, score, int((~ok).sum())


def _old_friedman_sums(x):
    k = x.shape[1]
    smaller = np.zeros(x.shape, dtype=np.int64)
    equal = np.zeros(x.shape, dtype=np.int64)
    for j in range(k):
        smaller += x[:, [j]] < x
        equal += x[:, [j]] == x
    return (1.0 + smaller + (equal - 1) / 2.0).sum(axis=0), float((equal**2 - 1).sum())


@st.composite
def surveys(draw):
    seed = draw(st.integers(0, 2**32 - 1))
    n = draw(st.integers(1, 120))
    rng = np.random.default_rng(seed)
    sizes = draw(st.lists(st.integers(1, 7), min_size=1, max_size=5))
    k = sum(sizes)
    e = rng.integers(1, 8, size=(n, k)).astype(float)
    p = rng.integers(1, 8, size=(n, k)).astype(float)
    if draw(st.booleans()):  # non-integer scores: the order of additions shows
        e += rng.random((n, k))
        p -= rng.random((n, k))
    blank = draw(st.sampled_from([0.0, 0.1, 0.4]))
    e[rng.random((n, k)) < blank] = np.nan
    p[rng.random((n, k)) < blank] = np.nan
    starts = np.cumsum([0, *sizes])
    dims = {f"D{i}": list(range(starts[i], starts[i + 1])) for i in range(len(sizes))}
    w = rng.integers(-1, 60, size=(n, len(sizes))).astype(float)
    w[rng.random(w.shape) < 0.05] = np.nan
    return e, p, dims, w


@settings(max_examples=200, deadline=None)
@given(data=surveys(), min_items=st.sampled_from(["half", "all", 1, 2]))
def test_respondent_scores_equal_the_row_wise_sums(data, min_items) -> None:
    e, p, dims, _ = data
    new = respondent_scores(e, p, dims, min_items)
    old = _old_respondent_scores(e, p, dims, new.min_items)
    for key, got in (("e", new.expectation), ("p", new.perception), ("g", new.gap),
                     ("sp", new.servperf)):  # fmt: skip
        np.testing.assert_array_equal(got, old[key], err_msg=key)


@settings(max_examples=200, deadline=None)
@given(data=surveys())
def test_overall_score_equals_the_row_wise_sums(data) -> None:
    e, p, dims, w = data
    g = respondent_scores(e, p, dims).gap
    per_resp, score, excluded = _old_overall(g, w)
    new = overall_score(g, w)
    assert new.n_unweighted == per_resp.size and new.n_weighted == score.size
    assert new.n_weight_excluded == excluded
    for got, ref in ((new.unweighted, per_resp), (new.weighted, score)):
        want = float(ref.sum() / ref.size) if ref.size else math.nan
        assert _same(float(got), want, 1e-12)


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 60), k=st.integers(2, 6))
def test_friedman_equals_the_cell_wise_ranks(seed: int, n: int, k: int) -> None:
    x = np.random.default_rng(seed).integers(-3, 4, size=(n, k)).astype(float) / 2
    sums, ties = _old_friedman_sums(x)
    denom = n * k * (k + 1) - ties / (k - 1)
    got = friedman_test(x)
    if denom <= 0:
        assert math.isnan(got.statistic)
    else:
        assert got.statistic == float(12 * ((sums - n * (k + 1) / 2) ** 2).sum() / denom)
