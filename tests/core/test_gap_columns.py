"""The one-pass gap tables (issue #16) against the per-column code they replaced.

The reference below is the item/dimension table as it was built before: a gap matrix, the
one-sample t of :func:`one_sample_t` on it, and per column ``column_ranks`` (one factorize of the
rounded column) and ``dz_interval``. The one-pass tables, and ``gap --by``'s groups from one
gathered pass, must equal it exactly (no tolerance); ``distinct_counts``' bincount path must equal
``numpy.unique``. A deliberately broken counter is shown to fail the same comparison.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core import gap_columns, inference
from servqual_cli.core.effect_sizes import dz_interval
from servqual_cli.core.gap_columns import TIE_DECIMALS, column_stats, item_stats, paired_table
from servqual_cli.core.gaps import gap_analysis
from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.core.paired_ranks import column_ranks, distinct_counts
from servqual_cli.core.respondent_scores import respondent_scores


def reference_table(
    gaps: np.ndarray, e: np.ndarray, p: np.ndarray, conf: float, zero_method: str, adjust: str
) -> pd.DataFrame:
    """``core.gaps._paired_table`` before issue #16's one-pass rewrite (copied)."""
    t = inference.one_sample_t(gaps, conf=conf)
    k = gaps.shape[1]
    mean_e, mean_p = np.empty(k), np.empty(k)
    ranked, rb = [], []
    dz = t["dz"].to_numpy()
    n = t["n"].to_numpy(dtype=np.int64)
    valid = np.empty(gaps.shape[0], dtype=bool)
    for j in range(k):
        np.logical_not(np.isnan(gaps[:, j], out=valid), out=valid)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_e[j] = np.sum(e[:, j], where=valid) / n[j]
            mean_p[j] = np.sum(p[:, j], where=valid) / n[j]
        ranks = column_ranks(np.round(gaps[:, j], TIE_DECIMALS), zero_method, conf)
        ranked.append(ranks.signed_rank)
        rb.append(ranks.rank_biserial)
    dz_ci = [dz_interval(float(d), int(m), conf) for d, m in zip(dz, n, strict=True)]
    table = pd.DataFrame(
        {
            "n": n,
            "expectation": mean_e,
            "perception": mean_p,
            "gap": t["mean"].to_numpy(),
            "gap_sd": t["sd"].to_numpy(),
            "ci_low": t["ci_low"].to_numpy(),
            "ci_high": t["ci_high"].to_numpy(),
            "t": t["t"].to_numpy(),
            "df": t["df"].to_numpy(),
            "p_t": t["p"].to_numpy(),
            "v": [r.statistic for r in ranked],
            "n_nonzero": np.array([r.n for r in ranked], dtype=np.int64),
            "p_wilcoxon": [r.p for r in ranked],
            "wilcoxon_method": [r.method for r in ranked],
        }
    )
    table["p_holm"] = inference.holm(table["p_t"].to_numpy())
    table["p_adjusted"] = inference.p_adjust(table["p_t"].to_numpy(), adjust)
    table["dz"] = dz
    table["dz_ci_low"] = [r.ci_low for r in dz_ci]
    table["dz_ci_high"] = [r.ci_high for r in dz_ci]
    table["rank_biserial"] = [r.value for r in rb]
    table["rank_biserial_ci_low"] = [r.ci_low for r in rb]
    table["rank_biserial_ci_high"] = [r.ci_high for r in rb]
    return table


def _survey(seed: int, n: int, k: int, blank: float, halves: bool) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    e = rng.integers(1, 8, size=(n, k)).astype(float)
    p = np.clip(e + rng.integers(-3, 3, size=(n, k)), 1, 7).astype(float)
    if halves:  # labels on half points, or a 0-10 scale read as tenths
        p = p + rng.integers(0, 2, size=(n, k)) * 0.5
        e = e / 10.0 + rng.integers(0, 3, size=(n, k)) * 0.1
    e[rng.random((n, k)) < blank] = np.nan
    p[rng.random((n, k)) < blank] = np.nan
    groups = rng.choice(np.array(["a", "b", "c", None], dtype=object), size=n)
    return np.asfortranarray(e), np.asfortranarray(p), groups


surveys = st.builds(
    _survey,
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 160),
    k=st.integers(2, 5),
    blank=st.sampled_from([0.0, 0.1, 0.6]),
    halves=st.booleans(),
)


def _equal(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, want, check_exact=True)


@settings(max_examples=150, deadline=None)
@given(data=surveys, zero_method=st.sampled_from(["wilcox", "pratt"]))
def test_item_table_equals_the_gap_matrix_table(data: tuple, zero_method: str) -> None:
    e, p, _ = data
    order = list(range(e.shape[1]))[::-1]  # a reordering, as dimension order may be
    stats, _ = item_stats(e, p, order)
    want = reference_table((p - e)[:, order], e[:, order], p[:, order], 0.9, zero_method, "bh")
    _equal(paired_table(stats, 0.9, zero_method, "bh"), want)


@settings(max_examples=150, deadline=None)
@given(data=surveys)
def test_group_slices_equal_each_groups_own_copy(data: tuple) -> None:
    e, p, groups = data
    rows = [np.flatnonzero(groups == g) for g in ("a", "b", "c")]
    _, per_group = item_stats(e, p, range(e.shape[1]), rows)
    for r, stats in zip(rows, per_group, strict=True):
        eg, pg = np.asfortranarray(e[r]), np.asfortranarray(p[r])
        _equal(paired_table(stats, 0.95), reference_table(pg - eg, eg, pg, 0.95, "wilcox", "holm"))


@settings(max_examples=100, deadline=None)
@given(data=surveys)
@pytest.mark.filterwarnings("ignore:Mean of empty slice")
def test_grouped_analysis_equals_gap_analysis_per_group(data: tuple) -> None:
    e, p, groups = data
    dims = {"A": [0, 1], "B": list(range(2, e.shape[1]))} if e.shape[1] > 2 else {"A": [0, 1]}
    items = [str(i + 1) for i in range(e.shape[1])]
    try:
        grouped = grouped_gap_analysis(e, p, items, dims, groups, "g")
    except Exception as exc:  # the same refusal as the total's
        with pytest.raises(type(exc)):
            gap_analysis(e, p, items, dims)
        return
    scores = respondent_scores(e, p, dims)
    for name, res in grouped.groups.items():
        r = np.flatnonzero(groups == name)  # the call per group before issue #16
        want = gap_analysis(e[r], p[r], items, dims, scores=scores.take(r))
        _equal(res.items, want.items)
        _equal(res.dimensions, want.dimensions)
        assert repr(res.overall) == repr(want.overall)  # NaN-aware, exact (shortest repr)


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(0, 300),
    spread=st.sampled_from([0, 1, 6, 3000, 10**6]),
    scale=st.sampled_from([1.0, 0.5, 1 / 3, 1 / 7, 0.1, 1 / 11, 1 / 5040, 1e-12]),
)
def test_distinct_counts_equals_unique(seed: int, n: int, spread: int, scale: float) -> None:
    x = np.random.default_rng(seed).integers(-spread, spread + 1, size=n).astype(np.float64) * scale
    values, counts = distinct_counts(x, TIE_DECIMALS)
    want_values, want_counts = np.unique(np.round(x, TIE_DECIMALS), return_counts=True)
    assert values.tolist() == want_values.tolist()
    assert counts.tolist() == want_counts.astype(float).tolist()


@pytest.mark.filterwarnings("ignore:Mean of empty slice")
def test_large_columns_take_the_bincount_path_and_agree() -> None:
    e, p, _ = _survey(7, 200_000, 3, 0.02, False)
    stats, _ = item_stats(e, p, [0, 1, 2])
    _equal(paired_table(stats, 0.95), reference_table(p - e, e, p, 0.95, "wilcox", "holm"))
    d = np.round(np.nanmean(p - e, axis=1), TIE_DECIMALS).reshape(-1, 1)  # like thirds
    me, mp = np.nanmean(e, axis=1).reshape(-1, 1), np.nanmean(p, axis=1).reshape(-1, 1)
    want = reference_table(d, me, mp, 0.95, "wilcox", "holm")
    _equal(paired_table(column_stats(d, me, mp), 0.95), want)


def test_a_broken_counter_fails_the_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: a counter that merges the two smallest gaps is caught."""

    def merged(x: np.ndarray, decimals: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        values, counts = distinct_counts(x, decimals)
        if len(values) > 2:
            counts = counts.copy()
            counts[1] += counts[0]
            values, counts = values[1:], counts[1:]
        return values, counts

    e, p, _ = _survey(3, 400, 3, 0.05, False)
    want = reference_table(p - e, e, p, 0.95, "wilcox", "holm")
    monkeypatch.setattr(gap_columns, "distinct_counts", merged)
    stats, _ = item_stats(e, p, [0, 1, 2])
    with pytest.raises(AssertionError):
        _equal(paired_table(stats, 0.95), want)


def reference_comparison(g: np.ndarray) -> tuple[tuple[float, ...], pd.DataFrame]:
    """``compare_dimensions`` before issue #16 (an (n, pairs) matrix, one_sample_t, a
    factorize per pair, the k x k Friedman loop), copied: Friedman's statistic and the pairs."""
    from servqual_cli.core._common import pairs
    from servqual_cli.core.paired_ranks import wilcox_test_column

    gc = g[~np.isnan(g).any(axis=1)]
    x = np.asfortranarray(np.round(gc, TIE_DECIMALS))
    n, k = x.shape
    col, ties = np.zeros(k), 0.0
    for j in range(k):
        smaller, equal = 0, np.zeros(n, dtype=np.int64)
        for m in range(k):
            smaller += int(np.count_nonzero(x[:, m] < x[:, j]))
            equal += x[:, m] == x[:, j]
        col[j] = n + smaller + (float(equal.sum()) - n) / 2.0
        ties += float((equal * equal - 1).sum())
    denom = n * k * (k + 1) - ties / (k - 1)
    stat = float(12 * ((col - n * (k + 1) / 2) ** 2).sum() / denom) if denom > 0 else np.nan
    a, b = pairs(k)
    diffs = gc[:, a] - gc[:, b]
    t = inference.one_sample_t(diffs)
    p_w = [wilcox_test_column(np.round(diffs[:, j], TIE_DECIMALS)).p for j in range(len(a))]
    table = pd.DataFrame({"diff": t["mean"].to_numpy(), "ci_low": t["ci_low"].to_numpy(),
                          "ci_high": t["ci_high"].to_numpy(), "p_t": t["p"].to_numpy(),
                          "p_wilcoxon": np.asarray(p_w, dtype=float)})  # fmt: skip
    return (stat, n), table


@settings(max_examples=150, deadline=None)
@given(data=surveys)
@pytest.mark.filterwarnings("ignore:Mean of empty slice")
def test_dimension_comparison_equals_the_matrix_version(data: tuple) -> None:
    from servqual_cli.core.dimension_comparison import compare_dimensions
    from servqual_cli.errors import DataError

    e, p, _ = data
    k = e.shape[1]
    dims = {"A": [0], "B": list(range(1, k))} if k < 4 else {"A": [0, 1], "B": [2], "C": [3]}
    g = respondent_scores(e, p, dims).gap
    if (~np.isnan(g).any(axis=1)).sum() < 2:
        with pytest.raises(DataError):
            compare_dimensions(g, list(dims))
        return
    got = compare_dimensions(g, list(dims))
    (stat, n), want = reference_comparison(g)
    assert repr((got.friedman.statistic, got.friedman.n)) == repr((stat, n))
    _equal(got.pairs[list(want.columns)], want)
