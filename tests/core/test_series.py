"""Years as a series: trend tests checked against R (tests/core/r/series.R -> series.json)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.series import (
    SERIES_TREND_COLUMNS,
    cochran_armitage,
    linear_trend,
    series_trends,
    trend_verdict,
    weighted_trend,
)

R = json.loads((Path(__file__).parent / "r" / "series.json").read_text())
CI = json.loads((Path(__file__).parent / "r" / "series_ci.json").read_text())
SCORE = json.loads((Path(__file__).parent / "r" / "trend_share_slope.json").read_text())


def test_cochran_armitage_matches_r_prop_trend_test() -> None:
    s = R["share"]
    r = cochran_armitage(s["k"], s["n"], s["years"])
    assert r.statistic == pytest.approx(s["statistic"], rel=1e-10)
    assert r.p == pytest.approx(s["p"], rel=1e-9)
    assert r.slope > 0 and r.test == "cochran-armitage"


def test_linear_trend_matches_r_lm() -> None:
    s = R["index"]
    r = linear_trend(s["x"], s["year"])
    assert r.slope == pytest.approx(s["slope"], rel=1e-10)
    assert r.statistic == pytest.approx(s["statistic"], rel=1e-10)
    assert r.df == s["df"] and r.p == pytest.approx(s["p"], rel=1e-9)


def test_weighted_trend_matches_r_weighted_lm() -> None:
    s = R["median"]
    r = weighted_trend(s["y"], s["se"], s["t"])
    assert r.slope == pytest.approx(s["slope"], rel=1e-10)
    assert r.statistic == pytest.approx(s["statistic"], rel=1e-10)
    assert r.p == pytest.approx(s["p"], rel=1e-9)


def _share_obs() -> pd.DataFrame:
    s = R["share"]
    parts = []
    for year, k, n in zip(s["years"], s["k"], s["n"], strict=True):
        x = np.r_[np.ones(k), np.zeros(n - k)]
        parts.append(pd.DataFrame({"year": float(year), "channel": "phone", "area": "ALL",
                                   "kpi": "phone_reached", "x": x}))  # fmt: skip
    i = R["index"]
    parts.append(pd.DataFrame({"year": np.asarray(i["year"], float), "channel": "ALL",
                               "area": "ALL", "kpi": "treatment_index", "x": i["x"]}))  # fmt: skip
    return pd.concat(parts, ignore_index=True)


def test_series_trends_runs_the_test_of_each_kind_and_judges_the_direction() -> None:
    out = series_trends(_share_obs())
    # the small base after the old columns (w-trend2, s17)
    assert list(out.columns) == [*SERIES_TREND_COLUMNS, "small_base", "small_years", "min_n"]
    reached = out.set_index("kpi").loc["phone_reached"]
    assert reached["statistic"] == pytest.approx(R["share"]["statistic"], rel=1e-10)
    assert reached["p"] == pytest.approx(R["share"]["p"], rel=1e-9)
    assert (reached["first_year"], reached["last_year"], reached["n_years"]) == (2019, 2023, 4)
    assert reached["verdict"] == "better"  # p = 0.017, rising share
    index = out.set_index("kpi").loc["treatment_index"]
    assert index["p"] == pytest.approx(R["index"]["p"], rel=1e-9)
    rising = "better" if R["index"]["slope"] > 0 else "worse"
    expected = "no detectable trend" if R["index"]["p"] >= 0.05 else rising
    assert index["verdict"] == expected


def test_two_years_are_not_a_trend() -> None:
    obs = _share_obs()
    assert series_trends(obs[obs["year"].isin([2019.0, 2020.0])]).empty


def test_a_falling_wait_time_is_better() -> None:
    rng = np.random.default_rng(7)
    years = np.repeat([2019.0, 2020.0, 2021.0, 2022.0], 40)
    x = rng.exponential(60.0, years.size) * (1.0 - 0.2 * (years - 2019.0))
    obs = pd.DataFrame({"year": years, "channel": "phone", "area": "ALL",
                        "kpi": "phone_wait_seconds_median", "x": x})  # fmt: skip
    row = series_trends(obs).iloc[0]
    assert row["slope"] < 0 and row["p"] < 0.05 and row["verdict"] == "better"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 60), min_size=3, max_size=6), st.integers(0, 10**6))
def test_cochran_armitage_ignores_a_shift_of_the_years(ns: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = rng.integers(0, np.asarray(ns) + 1)
    years = np.arange(len(ns)) + 2019
    a = cochran_armitage(k, ns, years)
    b = cochran_armitage(k, ns, years - 2019)
    if np.isnan(a.statistic):
        assert np.isnan(b.statistic)
    else:
        assert a.statistic == pytest.approx(b.statistic, rel=1e-6, abs=1e-9)
        assert 0.0 <= a.p <= 1.0


def test_the_series_family_is_holm_adjusted_as_r_p_adjust() -> None:
    """`servqual trend` over 2019-2022: 14 trend tests, one family (review 2, item 8).

    tests/core/r/series_holm.R: p.adjust(p, "holm") over the 14; the raw p of phone_reached is
    recomputed there from the file with prop.trend.test.
    """
    from servqual_cli.io.measurement import ReadOptions, load_contact_table
    from servqual_cli.report.series_data import series_tables

    ref = json.loads((Path(__file__).parent / "r" / "series_holm.json").read_text())
    samples = Path(__file__).parents[2] / "data" / "samples"
    tables = [ReadOptions().read(str(samples / f"servicematning_{y}.xlsx"))
              for y in (2019, 2020, 2021, 2022)]  # fmt: skip
    frames = [load_contact_table(t, None, None, False).frame for t in tables]
    _, trends = series_tables(frames, 0.95)
    assert [f"{k}/{c}" for k, c in zip(trends["kpi"], trends["channel"], strict=True)] == ref[
        "kpis"
    ]
    assert trends["p"].to_numpy() == pytest.approx(ref["p"], rel=1e-9)
    assert trends["p_adjusted"].to_numpy() == pytest.approx(ref["holm"], rel=1e-9)
    judged = trends.loc[trends["verdict"] != "no detectable trend", ["kpi", "channel"]]
    assert [f"{k}/{c}" for k, c in judged.itertuples(index=False)] == ref["significant_holm"]
    # the raw p would have called five trends; the family leaves two
    assert len(ref["significant_raw"]) == 5 and isinstance(trends, pd.DataFrame)


# ---- the slopes' SE and intervals (series_ci.R; review 9 finding 7) ----------------------------


@pytest.mark.parametrize("conf", [0.95, 0.90])
def test_slope_intervals_match_r(conf: float) -> None:
    ref = CI[f"conf_{round(conf * 100)}"]
    i, m = R["index"], R["median"]
    ours = {"index": linear_trend(i["x"], i["year"], conf),
            "median": weighted_trend(m["y"], m["se"], m["t"], conf)}  # fmt: skip
    for kind, r in ours.items():
        want = ref[kind]
        for col in ("slope", "se", "ci_low", "ci_high"):
            assert getattr(r, col) == pytest.approx(want[col], rel=1e-9), (kind, col)
    # the share: the score interval (t-slope, session 13), R in trend_share_slope.R
    s = R["share"]
    share = SCORE["cases"]["series_json"]
    r = cochran_armitage(s["k"], s["n"], s["years"], conf)
    assert r.slope == pytest.approx(share["slope"], abs=1e-7)
    for col in ("ci_low", "ci_high"):
        assert getattr(r, col) == pytest.approx(share[f"conf_{round(conf * 100)}"][col], abs=1e-7)


def test_series_trends_carry_se_and_interval_at_conf() -> None:
    out = series_trends(_share_obs(), conf=0.90).set_index("kpi")
    ref = CI["conf_90"]["index"]
    for col in ("se", "ci_low", "ci_high"):
        assert out.loc["treatment_index", col] == pytest.approx(ref[col], rel=1e-9), col
    share = SCORE["cases"]["series_json"]["conf_90"]
    for col in ("ci_low", "ci_high"):
        assert out.loc["phone_reached", col] == pytest.approx(share[col], abs=1e-7), col
    assert np.isnan(out.loc["phone_reached", "se"])  # the score interval is not slope -/+ z se


def test_a_share_trend_interval_agrees_with_its_test() -> None:
    """23, 25, 16 of 30 give p = 0.046: Wald's interval (each year's own variance) reached
    above 0 beside it, so the verdict was no detectable trend; the score interval inverts the
    Cochran-Armitage test itself and excludes 0 with it (t-slope, session 13)."""
    r = cochran_armitage([23, 25, 16], [30, 30, 30], [2019, 2020, 2021])
    assert r.p == pytest.approx(0.04617, abs=1e-5) and r.ci_high < 0
    x = [1.0] * 23 + [0.0] * 7 + [1.0] * 25 + [0.0] * 5 + [1.0] * 16 + [0.0] * 14
    obs = pd.DataFrame({"year": np.repeat([2019.0, 2020.0, 2021.0], 30), "channel": "phone",
                        "area": "ALL", "kpi": "phone_reached", "x": x})  # fmt: skip
    row = series_trends(obs).iloc[0]
    assert row["p"] < 0.05 and row["verdict"] == "worse"
    assert trend_verdict(-0.03, 0.04, -1, 0.05, -0.06, -0.001) == "better"
    assert trend_verdict(-0.03, 0.04, -1, 0.05, -0.06, 0.001) == "no detectable trend"


def test_a_share_at_0_or_1_has_a_score_interval() -> None:
    """100 %, 10 %, 0 %: Wald's SE would be 0 (the middle year weighs nothing, the others have
    no spread) and there was no interval; the score interval is [-50, -35.2] pp a year, its
    lower end the steepest fall a line within 0-100 % can have over two years."""
    r = cochran_armitage([30, 3, 0], [30, 30, 30], [2019, 2020, 2021])
    assert r.p < 1e-10 and np.isnan(r.se)
    assert (r.slope, r.ci_low) == (-0.5, -0.5) and r.ci_high == pytest.approx(-0.3519, abs=1e-4)
    x = [1.0] * 30 + [1.0] * 3 + [0.0] * 27 + [0.0] * 30
    obs = pd.DataFrame({"year": np.repeat([2019.0, 2020.0, 2021.0], 30), "channel": "phone",
                        "area": "ALL", "kpi": "phone_reached", "x": x})  # fmt: skip
    assert series_trends(obs).iloc[0]["verdict"] == "worse"


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.integers(2, 60), min_size=3, max_size=6), st.integers(0, 10**6))
def test_the_interval_holds_the_slope_and_widens_with_the_level(ns: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = rng.integers(0, np.asarray(ns) + 1)
    years = np.arange(len(ns)) + 2019
    narrow = cochran_armitage(k, ns, years, 0.80)
    wide = cochran_armitage(k, ns, years, 0.99)
    if np.isnan(wide.ci_low):
        return
    assert narrow.ci_low <= narrow.slope <= narrow.ci_high
    # a bound at the parameter space's edge (|slope| = 1 / years spanned) stays there
    assert wide.ci_low <= narrow.ci_low and narrow.ci_high <= wide.ci_high
    assert wide.ci_high - wide.ci_low > narrow.ci_high - narrow.ci_low


def test_a_trend_on_a_small_year_names_it_and_keeps_its_verdict() -> None:
    """A trend rests on every year: 40, 12 and 40 contacts with min_n 30 mark 2020 (w-trend2,
    s17); the test and the verdict are the same as without the mark (judged all the same)."""
    x = np.r_[np.ones(20), np.zeros(20), np.ones(6), np.zeros(6), np.ones(10), np.zeros(30)]
    years = np.repeat([2019.0, 2020.0, 2021.0], [40, 12, 40])
    obs = pd.DataFrame({"year": years, "channel": "phone", "area": "ALL",
                        "kpi": "phone_reached", "x": x})  # fmt: skip
    marked, plain = series_trends(obs), series_trends(obs, min_n=12)
    assert marked.loc[0, ["small_base", "small_years", "min_n"]].tolist() == [True, "2020", 30]
    assert plain.loc[0, ["small_base", "small_years"]].tolist() == [False, ""]
    assert marked.loc[0, "p"] == plain.loc[0, "p"]
    assert marked.loc[0, "verdict"] == plain.loc[0, "verdict"]
