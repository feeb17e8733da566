"""Respondent scores as one job per dimension, beside the item columns (issue #16).

:func:`respondent_scores` and :func:`scores_and_items` must give, field by field and bit for
bit, what the one-loop :func:`respondent_scores` gave before (float counts, copied below), on one
thread and on several; the items' statistics what :func:`item_stats` gives alone. A deliberately
broken variant (gaps rounded to 9 decimals) is shown to fail the same comparison.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli import threads
from servqual_cli.core import respondent_scores as rs
from servqual_cli.core.gap_columns import TIE_DECIMALS, item_stats
from servqual_cli.core.respondent_scores import (
    RespondentScores,
    items_needed,
    respondent_scores,
    scores_and_items,
)


def _before(e: np.ndarray, p: np.ndarray, dimensions: dict, min_items) -> RespondentScores:
    """respondent_scores as it was before the jobs (one loop, float counts)."""
    n = e.shape[0]
    names = tuple(dimensions)
    out = {k: np.empty((n, len(names)), order="F") for k in ("e", "p", "g", "sp")}
    prorated = np.zeros((n, len(names)), dtype=bool, order="F")
    needs = []
    count, p_count, g, ee, pp, sp, gap_c = (np.empty(n) for _ in range(7))
    valid, p_valid = np.empty(n, dtype=bool), np.empty(n, dtype=bool)
    for j, cols in enumerate(dimensions.values()):
        need = items_needed(len(cols), min_items)
        needs.append(need)
        for acc in (count, p_count, g, ee, pp, sp):
            acc.fill(0.0)
        for c in cols:
            e_c, p_c = e[:, c], p[:, c]
            np.subtract(p_c, e_c, out=gap_c)
            np.logical_not(np.isnan(gap_c, out=valid), out=valid)
            np.logical_not(np.isnan(p_c, out=p_valid), out=p_valid)
            count += valid
            p_count += p_valid
            np.add(g, gap_c, out=g, where=valid)
            np.add(ee, e_c, out=ee, where=valid)
            np.add(pp, p_c, out=pp, where=valid)
            np.add(sp, p_c, out=sp, where=p_valid)
        ok = count >= need
        prorated[:, j] = ok & (count < len(cols))
        sp_ok = p_count >= need
        with np.errstate(invalid="ignore", divide="ignore"):
            parts = [("g", g, count, ok), ("e", ee, count, ok), ("p", pp, count, ok),
                     ("sp", sp, p_count, sp_ok)]  # fmt: skip
            for key, total, by, keep in parts:
                col = out[key][:, j]
                np.divide(total, by, out=col)
                if key == "g":
                    np.round(col, TIE_DECIMALS, out=col)
                col[~keep] = np.nan
    n_prorated = prorated.sum(axis=0).astype(np.int64)
    return RespondentScores(
        names, out["e"], out["p"], out["g"], out["sp"], n_prorated, tuple(needs), prorated
    )


@st.composite
def surveys(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, dict]:
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n = draw(st.integers(1, 150))
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
    return np.asfortranarray(e), np.asfortranarray(p), dims


def _equal(got: RespondentScores, want: RespondentScores) -> bool:
    same = got.dimensions == want.dimensions and got.min_items == want.min_items
    for key in ("expectation", "perception", "gap", "servperf", "n_prorated", "prorated"):
        a, b = getattr(got, key), getattr(want, key)
        same = same and a.dtype == b.dtype and a.tobytes() == b.tobytes()  # NaN bits too
    return bool(same)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=surveys(), min_items=st.sampled_from(["half", "all", 1, 2]), threaded=st.booleans())
def test_scores_equal_the_one_loop_version(
    monkeypatch: pytest.MonkeyPatch, data, min_items, threaded: bool
) -> None:
    e, p, dims = data
    with monkeypatch.context() as m:
        if threaded:  # the jobs on three threads even for a small table
            m.setenv("SERVQUAL_WORKERS", "3")
            m.setattr(threads, "MIN_ROWS", 0)
        want = _before(e, p, dims, min_items)
        assert _equal(respondent_scores(e, p, dims, min_items), want)
        rows = np.arange(e.shape[0])
        groups = [rows[rows % 3 == 0], rows[rows % 3 != 0]]
        scores, total, per_group = scores_and_items(e, p, dims, min_items, groups)
        assert _equal(scores, want)
    order = [c for cols in dims.values() for c in cols]
    alone, alone_groups = item_stats(e, p, order, groups)
    assert repr(total) == repr(alone)
    assert repr(per_group) == repr(alone_groups)


def test_a_broken_variant_fails_the_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(5)
    e = np.asfortranarray(rng.integers(1, 8, size=(50, 6)).astype(float))
    p = np.asfortranarray(rng.integers(1, 8, size=(50, 6)).astype(float))
    e[rng.random(e.shape) < 0.2] = np.nan  # thirds: 1/3 rounds differently at 9 decimals
    dims = {"A": [0, 1, 2], "B": [3, 4, 5]}
    want = _before(e, p, dims, "half")
    assert _equal(respondent_scores(e, p, dims), want)
    monkeypatch.setattr(rs, "TIE_DECIMALS", 9)
    assert not _equal(respondent_scores(e, p, dims), want)


def test_large_surveys_run_the_jobs_on_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(11)
    n = threads.MIN_ROWS
    e = np.asfortranarray(rng.integers(1, 8, size=(n, 9)).astype(float))
    p = np.asfortranarray(rng.integers(1, 8, size=(n, 9)).astype(float))
    p[rng.random(p.shape) < 0.05] = np.nan
    dims = {"A": [0, 1, 2, 3, 4], "B": [5, 6], "C": [7, 8]}
    monkeypatch.setenv("SERVQUAL_WORKERS", "2")
    got = respondent_scores(e, p, dims)
    assert _equal(got, _before(e, p, dims, "half"))
    assert not math.isnan(float(np.nanmean(got.gap)))
