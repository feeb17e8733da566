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
    weighted_trend,
)

R = json.loads((Path(__file__).parent / "r" / "series.json").read_text())


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
    assert list(out.columns) == SERIES_TREND_COLUMNS
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
