"""The third review's KPI findings against R (tests/core/r/review3_kpi.R writes the JSON).

Finding 3: duration KPIs compare cohorts with equal follow-up; finding 8: groups named below
the goal only with min_n cases and a one-sided exact test that holds after Holm over the groups
screened.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.kpi import below_goal, evaluate_kpi, evaluate_kpis
from servqual_cli.io.kpi_config import KpiSpec, load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table
from servqual_cli.vocab.durations import parse_limit

ROOT = Path(__file__).parents[2]
R3 = json.loads((Path(__file__).parent / "r" / "review3_kpi.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    cfg = load_kpi_config(ROOT / "data" / "samples" / "kpi.toml")
    return {r.spec.name: r for r in evaluate_kpis(load_all_kpi_data(cfg, read_table))}


def test_feedback_groups_below_goal_against_r(sample: dict[str, Any]) -> None:
    ref = R3["feedback_groups"]
    r = sample["Synpunkter besvaras inom 14 dagar"]
    g = r.groups.set_index("group")
    for name, k, n, p in zip(ref["group"], ref["k"], ref["n"], ref["p"], strict=True):
        assert (round(g.loc[name, "value"] * g.loc[name, "n"]), g.loc[name, "n"]) == (k, n)
        assert g.loc[name, "p_below"] == pytest.approx(p, rel=1e-9)
    named, family = below_goal(r, min_n=30)
    assert family == ref["family"] == 6
    expected = {
        name: ph
        for name, ph in zip(ref["group"], ref["p_holm"], strict=True)
        if ph is not None and ph < 0.05
    }
    assert dict(zip(named["group"], named["p_holm"], strict=True)) == pytest.approx(expected)
    # Samhällsbyggnadsförvaltningen: its interval misses 90 % (unadjusted) but Holm does not hold
    assert "Samhällsbyggnadsförvaltningen" not in set(named["group"])
    assert g.loc["Samhällsbyggnadsförvaltningen", "verdict"] == "not met"


def test_email_areas_under_min_n_are_never_named(sample: dict[str, Any]) -> None:
    """Review 3 finding 8: e-mail areas of 5-7 contacts were named "under målet"."""
    ref = R3["email_groups"]
    r = sample["E-post besvaras inom en arbetsdag"]
    g = r.groups.set_index("group")
    assert sorted(g["n"].tolist()) == sorted(ref["n"])
    assert sorted(g["p_below"].round(7).tolist()) == pytest.approx(sorted(ref["p"]), abs=1e-7)
    assert below_goal(r, min_n=30)[0].empty and below_goal(r, min_n=30)[1] == 0
    # with min_n low enough to screen all 8 areas, Holm over 8 (R: 0.127, 0.180, 0.180) holds
    # for none
    named, family = below_goal(r, min_n=1)
    assert family == 8 and named.empty
    assert min(ref["p_holm_all8"]) > 0.05


def _bygglov_like(n_old: int, n_new: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = pd.to_datetime("2023-01-01") + pd.to_timedelta(
        np.r_[rng.integers(0, 365, n_old), 365 + rng.integers(0, 365, n_new)], "D"
    )
    lead = pd.to_timedelta(rng.integers(5, 120, n_old + n_new), "D")
    end = pd.Series(start + lead)
    end[end > pd.Timestamp("2024-12-30")] = pd.NaT  # not decided by the extract: open
    return pd.DataFrame({"row": range(n_old + n_new), "start": start, "end": end})


@settings(max_examples=25, deadline=None)
@given(st.integers(20, 80), st.integers(20, 80), st.integers(0, 10_000))
def test_equal_follow_up_leaves_no_undecided_case(n_old: int, n_new: int, seed: int) -> None:
    """Invariant: with the rule, every share_within case measured is decided (none undecided),
    and every case kept started at least the limit before as_of."""
    spec = KpiSpec(1, "B", "genomförandetid", Path("x.xlsx"), "share_within", start="s", end="e",
                   limit=parse_limit("10 weeks"), duration_unit="days", target=0.9)  # fmt: skip
    frame = _bygglov_like(n_old, n_new, seed)
    r = evaluate_kpi(spec, frame, as_of="2024-12-30")
    assert not r.n_undecided
    if r.follow_up is not None:
        cut = pd.Timestamp("2024-12-30") + pd.Timedelta(days=1) - pd.Timedelta(days=70)
        latest = frame[frame["start"].dt.year == 2024]
        assert r.follow_up.n_total == len(latest)
        assert r.follow_up.n_kept == int((latest["start"] < cut).sum())
        assert r.n == r.follow_up.n_kept
