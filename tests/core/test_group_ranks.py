"""Kruskal-Wallis and Dunn ranked once per comparison (issue #16) against the per-value ranking.

:func:`group_ranks` counts lattice values (Likert answers, dimension gaps k / 5040) per group
instead of ranking the concatenation; the rank sums, sizes and tie sum must be exactly those of
``rankdata`` + ``np.add.reduceat`` + ``tie_sum`` (the code before, copied below), so Kruskal-Wallis
and Dunn are bit for bit the same. A deliberately wrong mid-rank is shown to fail the comparison.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from servqual_cli.core import ranktests
from servqual_cli.core._common import pairs, rankdata, tie_sum
from servqual_cli.core.posthoc import dunn, p_adjust
from servqual_cli.core.ranktests import GroupRanks, group_ranks, kruskal_wallis


def _reference(groups: list[np.ndarray]) -> GroupRanks:
    values = np.concatenate(groups)
    ranks = rankdata(values)
    bounds = np.cumsum([0] + [g.size for g in groups])
    sizes = np.diff(bounds).astype(np.float64)
    return GroupRanks(np.add.reduceat(ranks, bounds[:-1]), sizes, values.size, tie_sum(values))


def _kruskal_before(groups: list[np.ndarray]) -> tuple[float, float]:
    r = _reference(groups)
    h = 12.0 * float(np.sum(r.sums**2 / r.sizes)) / (r.n * (r.n + 1)) - 3.0 * (r.n + 1)
    denom = 1.0 - r.ties / (r.n**3 - r.n)
    if denom <= 0:
        return math.nan, math.nan
    h /= denom
    return h, 1.0 if h < 0 else float(special.chdtrc(len(groups) - 1.0, h))


def _dunn_before(groups: list[np.ndarray]) -> pd.DataFrame:
    r = _reference(groups)
    mean_rank = r.sums / r.sizes
    a, b = pairs(len(groups))
    var_unit = r.n * (r.n + 1) / 12.0 - r.ties / (12.0 * (r.n - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (mean_rank[a] - mean_rank[b]) / np.sqrt(var_unit * (1 / r.sizes[a] + 1 / r.sizes[b]))
    p = 2.0 * special.ndtr(-np.abs(z))
    return pd.DataFrame({"z": z, "p": p, "p_adj": p_adjust(p, "holm")})


def _groups(seed: int, k: int, n: int, kind: str) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(k):
        size = int(rng.integers(1, n + 1))
        if kind == "whole":
            x = rng.integers(-6, 7, size=size).astype(float)
        elif kind == "score":  # dimension gaps: means of 3-5 item gaps, rounded to 10 decimals
            items = int(rng.integers(3, 6))
            x = np.round(rng.integers(-6, 7, size=(size, items)).sum(axis=1) / items, 10)
        else:  # not on the lattice: ranked through the hash of the concatenation
            x = np.round(rng.normal(size=size), int(rng.integers(1, 4)))
        out.append(x)
    return out


group_sets = st.builds(
    _groups,
    seed=st.integers(0, 2**32 - 1),
    k=st.integers(2, 6),
    n=st.sampled_from([1, 3, 40, 400]),
    kind=st.sampled_from(["whole", "score", "other"]),
)


def _same_ranks(got: GroupRanks, want: GroupRanks) -> bool:
    return (
        got.sums.tolist() == want.sums.tolist()
        and got.sizes.tolist() == want.sizes.tolist()
        and got.n == want.n
        and got.ties == want.ties
    )


@settings(max_examples=300, deadline=None)
@given(groups=group_sets)
def test_group_ranks_equal_ranking_the_concatenation(groups: list[np.ndarray]) -> None:
    assert _same_ranks(group_ranks(groups), _reference(groups))


@settings(max_examples=200, deadline=None)
@given(groups=group_sets)
def test_kruskal_wallis_and_dunn_are_unchanged(groups: list[np.ndarray]) -> None:
    h, p = _kruskal_before(groups)
    got = kruskal_wallis(groups)
    assert (got.statistic, got.p) == pytest.approx((h, p), rel=0, abs=0, nan_ok=True)
    want = _dunn_before(groups)
    names = [str(i) for i in range(len(groups))]
    d = dunn(groups, names)
    for col in ("z", "p", "p_adj"):
        np.testing.assert_array_equal(d[col].to_numpy(), want[col].to_numpy())


def test_large_lattice_groups_take_the_counting_path() -> None:
    groups = _groups(7, 4, 250_000, "score")
    assert ranktests._lattice_counts(groups) is not None  # counted, not hashed
    assert _same_ranks(group_ranks(groups), _reference(groups))


def test_a_wrong_mid_rank_fails_the_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ranktests._lattice_counts

    def shifted(groups: list[np.ndarray]) -> np.ndarray | None:
        counts = real(groups)  # one value counted with the next distinct value: off by a tie
        if counts is not None:
            seen = np.flatnonzero(counts.sum(axis=0))
            if seen.size > 1 and counts[0, seen[0]] > 0:
                counts[0, seen[0]] -= 1
                counts[0, seen[1]] += 1
        return counts

    monkeypatch.setattr(ranktests, "_lattice_counts", shifted)
    groups = [np.array([1.0, 2.0, 2.0, 3.0]), np.array([3.0, 4.0, 5.0])]
    assert not _same_ranks(group_ranks(groups), _reference(groups))
