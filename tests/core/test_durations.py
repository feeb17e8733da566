"""Tests of case durations, their summaries, grouping and period comparisons.

Reference values: durations by hand (comments give the arithmetic); quantiles, order-statistic
and t intervals, Wilson intervals, Fisher and Mann-Whitney p-values and DST-crossing elapsed
times from base R via tests/core/r/durations.R (stored in durations_expected.json so the tests
need no R; a last test re-runs the script when Rscript is installed).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.duration_summary import quantile_ci, summarise_durations
from servqual_cli.core.durations import DurationFrame, Limit, case_durations, parse_limit
from servqual_cli.core.periods import compare_periods, split_by_start, summarise_by
from servqual_cli.errors import ConfigError, DataError

R_DIR = Path(__file__).parent / "r"
EXPECTED: dict[str, Any] = json.loads((R_DIR / "durations_expected.json").read_text("utf-8"))
REL = 1e-10  # R and numpy/scipy agree to rounding error on these values


def closed(values: list[float], unit: str = "days") -> DurationFrame:
    """A DurationFrame of closed, valid cases with the given durations (for summaries)."""
    frame = pd.DataFrame(
        {
            "start": pd.Timestamp("2024-01-01"),
            "end": pd.Timestamp("2024-01-01"),
            "duration": np.asarray(values, dtype=float),
            "open": False,
            "censored_at_as_of": np.nan,
            "valid": True,
            "exclusion": pd.Series([None] * len(values), dtype="str"),
        }
    )
    return DurationFrame(frame, unit)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# parse_limit
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1 working day", 1.0, "working_days"),
        ("5 working days", 5.0, "working_days"),
        ("2 arbetsdagar", 2.0, "working_days"),
        ("1 arbetsdag", 1.0, "working_days"),
        ("14 days", 14.0, "days"),
        ("1 day", 1.0, "days"),
        ("14 dagar", 14.0, "days"),
        ("10 weeks", 70.0, "days"),
        ("1 week", 7.0, "days"),
        ("10 veckor", 70.0, "days"),
        ("1 vecka", 7.0, "days"),
        ("48 hours", 48.0, "hours"),
        ("1 hour", 1.0, "hours"),
        ("48 timmar", 48.0, "hours"),
        ("1 timme", 1.0, "hours"),
        ("24 working hours", 24.0, "working_hours"),
        ("24 arbetstimmar", 24.0, "working_hours"),
        ("  3   Working  Days ", 3.0, "working_days"),
        ("1,5 dagar", 1.5, "days"),
        ("2.5 hours", 2.5, "hours"),
        ("10veckor", 70.0, "days"),
    ],
)
def test_parse_limit(text: str, value: float, unit: str) -> None:
    limit = parse_limit(text)
    assert (limit.value, limit.unit) == (value, unit)


@pytest.mark.parametrize("text", ["", "days", "14", "ten days", "14 fortnights", "-3 days"])
def test_parse_limit_rejects_with_the_text_and_expected_forms(text: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_limit(text)
    assert repr(text) in str(info.value)
    assert "10 veckor" in str(info.value)


def test_parse_limit_rejects_zero() -> None:
    with pytest.raises(ConfigError, match="longer than zero"):
        parse_limit("0 days")


# --------------------------------------------------------------------------------------------
# case_durations: units, DST, working days, exclusions
# --------------------------------------------------------------------------------------------
def test_real_hours_across_dst_match_r_difftime() -> None:
    ref = EXPECTED["dst_hours"]
    d = case_durations(pd.Series(ref["start"]), pd.Series(ref["end"]), "hours")
    # 23 h (spring), 25 h (autumn), 90 h over Easter 2024 + DST, 66 h in 2025
    np.testing.assert_allclose(d.frame["duration"], ref["hours"], rtol=0, atol=1e-9)


def test_calendar_days_count_dates_across_dst() -> None:
    # Dates only, as in building-permit data: 29 Mar -> 7 Jun 2024 is 31 + 30 + 9 = 70 days
    # although DST started on 31 Mar; 30 Aug -> 8 Nov 2024 is also 70 (DST ended 27 Oct);
    # 20 Dec 2023 -> 10 Jan 2024 is 21. R: as.Date(end) - as.Date(start).
    ref = EXPECTED["date_days"]
    d = case_durations(pd.Series(ref["start"]), pd.Series(ref["end"]), "days")
    np.testing.assert_array_equal(d.frame["duration"], ref["days"])
    # With times: 30 Mar 12:00 -> 31 Mar 12:00 is one calendar day (23 real hours); 26 Oct
    # 18:00 -> 27 Oct 06:00 is half a day on the wall clock (13 real hours).
    d = case_durations(
        pd.Series(["2024-03-30 12:00", "2024-10-26 18:00"]),
        pd.Series(["2024-03-31 12:00", "2024-10-27 06:00"]),
        "days",
    )
    np.testing.assert_allclose(d.frame["duration"], [1.0, 0.5])


def test_ten_weeks_across_dst_is_within_the_limit() -> None:
    # Decided on day 70 across the October change must count as within "10 veckor".
    d = case_durations(pd.Series(["2024-08-30"]), pd.Series(["2024-11-08"]), "days")
    s = summarise_durations(d, "share_within", parse_limit("10 veckor"))
    assert (s.n_within, s.n) == (1, 1)


def test_ambiguous_and_missing_wall_times() -> None:
    # 27 Oct 2024 02:30 happens twice; taken as the first (CEST, 00:30Z). To 04:00 CET (03:00Z)
    # is 2.5 real hours. 31 Mar 2024 02:30 does not exist; moved to 03:00 CEST (01:00Z). To
    # 04:00 CEST (02:00Z) is 1 hour.
    d = case_durations(
        pd.Series(["2024-10-27 02:30", "2024-03-31 02:30"]),
        pd.Series(["2024-10-27 04:00", "2024-03-31 04:00"]),
        "hours",
    )
    np.testing.assert_allclose(d.frame["duration"], [2.5, 1.0])


def test_tz_aware_input() -> None:
    # 11:00Z on 30 Mar 2024 is 12:00 CET; 10:00Z on 31 Mar is 12:00 CEST: 23 real hours, 1 day.
    start = pd.Series(pd.to_datetime(["2024-03-30T11:00:00Z"]))
    end = pd.Series(pd.to_datetime(["2024-03-31T10:00:00Z"]))
    assert case_durations(start, end, "hours").frame["duration"].iloc[0] == pytest.approx(23)
    assert case_durations(start, end, "days").frame["duration"].iloc[0] == pytest.approx(1)


def test_working_days_and_working_hours() -> None:
    # Fri 31 May 2024 15:00 -> Mon 3 Jun 10:00: 1 working day; 9 + 10 = 19 working hours.
    # Sat 8 Jun -> Mon 10 Jun 13:00: 1 working day (Mon); 13 working hours.
    # Thu 28 Mar 2024 12:00 -> Tue 2 Apr 12:00 (Easter): 1 working day (Tue); 12 + 12 = 24 h.
    # Mon 23 Dec 2024 12:00 -> Thu 2 Jan 2025 12:00: 27, 30 Dec, 2 Jan = 3 days; 72 h.
    # Same day 09:00 -> 11:30: 0 working days; 2.5 h.
    start = pd.Series(
        [
            "2024-05-31 15:00",
            "2024-06-08 11:00",
            "2024-03-28 12:00",
            "2024-12-23 12:00",
            "2024-06-11 09:00",
        ]
    )
    end = pd.Series(
        [
            "2024-06-03 10:00",
            "2024-06-10 13:00",
            "2024-04-02 12:00",
            "2025-01-02 12:00",
            "2024-06-11 11:30",
        ]
    )
    days = case_durations(start, end, "working_days").frame["duration"]
    hours = case_durations(start, end, "working_hours").frame["duration"]
    np.testing.assert_array_equal(days, [1, 1, 1, 3, 0])
    np.testing.assert_allclose(hours, [19, 13, 24, 72, 2.5])


def test_exclusions_open_cases_and_as_of() -> None:
    start = pd.Series(
        ["2024-03-01", None, "2024-04-10", "2024-03-05", "2024-03-01", "2024-03-01", None],
        index=list("abcdefg"),
    )
    end = pd.Series(
        ["2024-03-04", "2024-03-05", None, "2024-03-04", None, "2024-04-05", None],
        index=list("abcdefg"),
    )
    d = case_durations(start, end, "days", as_of="2024-04-01")
    f = d.frame
    assert list(f.index) == list("abcdefg")
    assert f["valid"].tolist() == [True, False, False, False, True, True, False]
    assert f["exclusion"].tolist()[1:4] == [
        "missing start",
        "start after as_of",
        "end before start",
    ]
    assert f["exclusion"].isna().tolist() == [True, False, False, False, True, True, False]
    assert f["exclusion"].iloc[6] == "missing start"  # first reason wins
    # a: 1 -> 4 March = 3 days. e: open, 1 Mar -> as_of 1 Apr = 31 days. f: ended 5 Apr, after
    # as_of, so open at as_of with age 31 days.
    assert f["duration"].iloc[0] == 3
    assert f["open"].tolist() == [False, False, True, False, True, True, True]
    np.testing.assert_array_equal(f["censored_at_as_of"].iloc[[4, 5]], [31, 31])
    assert f["duration"].iloc[1:].isna().all()
    assert f["censored_at_as_of"].iloc[[0, 1, 2, 3, 6]].isna().all()


def test_open_cases_without_as_of_have_no_age() -> None:
    d = case_durations(pd.Series(["2024-03-01"]), pd.Series([None]), "days")
    assert bool(d.frame["open"].iloc[0]) and bool(d.frame["valid"].iloc[0])
    assert math.isnan(d.frame["censored_at_as_of"].iloc[0])


def test_case_durations_errors() -> None:
    with pytest.raises(ConfigError, match="unknown duration unit"):
        case_durations(pd.Series(["2024-01-01"]), pd.Series(["2024-01-02"]), "weeks")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="start has 2 values"):
        case_durations(pd.Series(["2024-01-01"] * 2), pd.Series(["2024-01-02"]), "days")
    with pytest.raises(DataError, match="start times"):
        case_durations(pd.Series(["not a date"]), pd.Series(["2024-01-02"]), "days")


times = st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2026, 12, 31))


@settings(max_examples=60, deadline=None)
@given(starts=st.lists(times, min_size=1, max_size=20), data=st.data())
def test_units_are_consistent(starts: list[dt.datetime], data: st.DataObject) -> None:
    spans = data.draw(
        st.lists(st.integers(0, 60 * 24 * 90), min_size=len(starts), max_size=len(starts))
    )
    start = pd.Series(starts)
    end = start + pd.to_timedelta(spans, unit="min")
    get = {
        u: case_durations(start, end, u).frame["duration"].to_numpy()
        for u in ("days", "hours", "working_days", "working_hours")
    }
    # Real hours differ from wall-clock days x 24 by at most the one DST hour.
    assert np.all(np.abs(get["days"] * 24 - get["hours"]) <= 1 + 1e-9)
    assert np.all(get["working_hours"] <= get["days"] * 24 + 1e-9)
    # Working days are whole, and at most the number of dates after the start date.
    assert np.all(get["working_days"] == np.round(get["working_days"]))
    dates_after = (end.dt.normalize() - start.dt.normalize()).dt.days.to_numpy()
    assert np.all((get["working_days"] >= 0) & (get["working_days"] <= dates_after))


# --------------------------------------------------------------------------------------------
# summarise_durations against R
# --------------------------------------------------------------------------------------------
SAMPLES = sorted(EXPECTED["summaries"])


def nan_if_none(x: float | None) -> float:
    return float("nan") if x is None else float(x)


@pytest.mark.parametrize("name", SAMPLES)
def test_median_and_p90_with_order_statistic_ci_match_r(name: str) -> None:
    ref = EXPECTED["summaries"][name]
    d = closed(ref["x"])
    for stat, ci in (("median", "median_ci"), ("p90", "p90_ci")):
        s = summarise_durations(d, stat)  # type: ignore[arg-type]
        assert s.value == pytest.approx(ref[stat], rel=REL)  # R quantile(type = 7)
        np.testing.assert_allclose(
            [s.ci_low, s.ci_high, nan_if_none(s.ci_coverage)],
            [
                nan_if_none(ref[ci]["low"]),
                nan_if_none(ref[ci]["high"]),
                nan_if_none(ref[ci]["coverage"]),
            ],
            rtol=REL,
        )
        assert s.n == len(ref["x"])


@pytest.mark.parametrize("name", SAMPLES)
def test_mean_with_t_ci_matches_r_t_test(name: str) -> None:
    ref = EXPECTED["summaries"][name]
    s = summarise_durations(closed(ref["x"]), "mean")
    np.testing.assert_allclose(
        [s.value, s.ci_low, s.ci_high], [ref["mean"], *ref["mean_ci"]], rtol=1e-9
    )


def test_median_ci_by_hand() -> None:
    # n = 10, B ~ Bin(10, 1/2): P(B <= 1) = 11/1024 = 0.0107 <= 0.025 < P(B <= 2) = 56/1024, so
    # r = 2; by symmetry s = 10 - 2 + 1 = 9. Interval [x_(2), x_(9)], coverage
    # 1 - 2 * 11/1024 = 1002/1024.
    low, high, coverage = quantile_ci([30, 10, 80, 20, 100, 60, 40, 90, 50, 70], 0.5)
    assert (low, high) == (20, 90)
    assert coverage == pytest.approx(1002 / 1024, rel=1e-12)
    # n = 5: P(B <= 0) = 1/32 = 0.031 > 0.025, so no rank qualifies: no interval at 95 %.
    low, high, coverage = quantile_ci([1, 2, 3, 4, 5], 0.5)
    assert math.isnan(low) and math.isnan(high) and math.isnan(coverage)
    # ... but at 90 % the tails may hold 0.05 each: r = 1, s = 5, coverage 1 - 2/32 = 0.9375.
    assert quantile_ci([1, 2, 3, 4, 5], 0.5, conf=0.90) == (1, 5, pytest.approx(0.9375))


def test_summaries_use_closed_valid_cases_only() -> None:
    start = pd.Series(["2024-01-01", "2024-01-01", "2024-01-01", None, "2024-01-05"])
    end = pd.Series(["2024-01-03", "2024-01-11", None, "2024-01-02", "2024-01-04"])
    s = summarise_durations(case_durations(start, end, "days"), "median")
    # closed valid: 2 and 10 days -> median 6; one open, two invalid.
    assert (s.value, s.n, s.n_open, s.n_invalid) == (6.0, 2, 1, 2)


def test_empty_summary_is_nan() -> None:
    s = summarise_durations(closed([]), "median")
    assert s.n == 0 and math.isnan(s.value) and math.isnan(s.ci_low)
    assert json.dumps(s.to_dict())  # NaN -> None, JSON-able
    assert s.to_dict()["value"] is None


@pytest.mark.parametrize("case", range(len(EXPECTED["shares"])))
def test_share_within_wilson_matches_r_prop_test(case: int) -> None:
    ref = EXPECTED["shares"][case]
    k, n = ref["k"], ref["n"]
    s = summarise_durations(
        closed([1.0] * k + [20.0] * (n - k)), "share_within", parse_limit("14 dagar")
    )
    assert (s.n_within, s.n) == (k, n)
    assert s.value == pytest.approx(k / n)
    np.testing.assert_allclose([s.ci_low, s.ci_high], ref["ci"], rtol=1e-9, atol=1e-12)


def test_share_within_with_open_cases() -> None:
    # Limit 14 days, as_of 2024-02-01. Closed: 5 days (within), 14 days (within: inclusive),
    # 20 days (late). Open: started 1 Jan (age 31 > 14: late), started 25 Jan (age 7:
    # undecided, left out). Within 2 of decided 4 = 0.5.
    start = pd.Series(["2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-25"])
    end = pd.Series(["2024-01-06", "2024-01-15", "2024-01-21", None, None])
    d = case_durations(start, end, "days", as_of="2024-02-01")
    s = summarise_durations(d, "share_within", parse_limit("2 weeks"))
    assert (s.n_within, s.n, s.n_open, s.n_undecided, s.value) == (2, 4, 2, 1, 0.5)
    out = s.to_dict()
    assert out["limit"] == {"value": 14.0, "unit": "days", "text": "2 weeks"}
    assert json.dumps(out)


def test_summary_request_errors() -> None:
    d = closed([1.0, 2.0])
    with pytest.raises(ConfigError, match="needs a time limit"):
        summarise_durations(d, "share_within")
    with pytest.raises(ConfigError, match="compute the durations with unit='hours'"):
        summarise_durations(d, "share_within", parse_limit("48 timmar"))
    with pytest.raises(ConfigError, match="unknown duration statistic"):
        summarise_durations(d, "p95")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="confidence level"):
        summarise_durations(d, "median", conf=95)


# --------------------------------------------------------------------------------------------
# Grouping and comparing periods
# --------------------------------------------------------------------------------------------
def grouped_cases() -> DurationFrame:
    start = pd.Series(
        ["2024-01-10", "2024-01-20", "2024-02-05", "2024-04-02", "2024-04-03", "2024-04-04", None]
    )
    end = pd.Series(
        [
            "2024-01-12",
            "2024-01-30",
            "2024-02-06",
            "2024-04-12",
            "2024-04-05",
            "2024-04-05",
            "2024-04-05",
        ]
    )
    office = pd.DataFrame({"office": ["A", "A", "B", "A", "B", None, "A"]})
    return case_durations(start, end, "days").with_columns(office)


def test_summarise_by_groups_and_overall() -> None:
    # Durations: A 2, 10, 10 (+ one invalid); B 1, 2; missing office 1. Overall 1, 1, 2, 2, 10, 10.
    table = summarise_by(grouped_cases(), ["office"], "median")
    assert table["level"].tolist() == ["group", "group", "group", "overall"]
    assert table["office"].iloc[:2].tolist() == ["A", "B"]
    assert pd.isna(table["office"].iloc[2]) and pd.isna(table["office"].iloc[3])
    assert table["value"].tolist() == [10.0, 1.5, 1.0, 2.0]
    assert table["n"].tolist() == [3, 2, 1, 6]
    assert table["n_invalid"].tolist() == [1, 0, 0, 1]
    # Each row equals summarise_durations on that subset.
    d = grouped_cases()
    subset = DurationFrame(d.frame[d.frame["office"] == "A"], d.unit)
    a = summarise_durations(subset, "median")
    np.testing.assert_equal(
        table.loc[0, ["value", "ci_low", "ci_high", "n"]].to_numpy(dtype=float),
        [a.value, a.ci_low, a.ci_high, a.n],
    )


def test_summarise_by_period() -> None:
    table = summarise_by(grouped_cases(), ["office"], "mean", period="quarter")
    groups = table[table["level"] == "group"]
    assert list(zip(groups["office"].fillna("-"), groups["period"], strict=True)) == [
        ("A", "2024Q1"),
        ("A", "2024Q2"),
        ("B", "2024Q1"),
        ("B", "2024Q2"),
        ("-", "2024Q2"),
    ]
    overall = table[table["level"] == "overall"]
    # Q1: 2, 10, 1 -> mean 13/3; Q2: 10, 2, 1 -> 13/3. The case without a start is left out.
    assert overall["period"].tolist() == ["2024Q1", "2024Q2"]
    np.testing.assert_allclose(overall["value"], [13 / 3, 13 / 3])
    months = summarise_by(grouped_cases(), [], "median", period="month")
    assert months["period"].tolist() == ["2024-01", "2024-02", "2024-04"]
    assert summarise_by(grouped_cases(), [], "median", period="year")["n"].tolist() == [6]


def test_summarise_by_errors() -> None:
    with pytest.raises(ConfigError, match="no column"):
        summarise_by(grouped_cases(), ["district"], "median")
    with pytest.raises(ConfigError, match="unknown period"):
        summarise_by(grouped_cases(), [], "median", period="week")  # type: ignore[arg-type]


@pytest.mark.parametrize("case", range(len(EXPECTED["fisher"])))
def test_compare_shares_uses_fisher_like_r(case: int) -> None:
    ref = EXPECTED["fisher"][case]
    limit = Limit(14.0, "days")

    def frame(k: int, n: int) -> DurationFrame:
        return closed([3.0] * k + [30.0] * (n - k))

    c = compare_periods(
        frame(ref["k1"], ref["n1"]), frame(ref["k2"], ref["n2"]), "share_within", limit
    )
    assert c.test == "fisher"
    assert c.p == pytest.approx(ref["p"], rel=1e-6)
    assert c.diff == pytest.approx(ref["k2"] / ref["n2"] - ref["k1"] / ref["n1"])
    assert json.dumps(c.to_dict())


def test_compare_durations_uses_mann_whitney_like_r() -> None:
    ref = EXPECTED["mann_whitney"]
    c = compare_periods(closed(ref["before"]), closed(ref["after"]), "median")
    assert c.test == "mann-whitney"
    assert c.p == pytest.approx(ref["p"], rel=1e-6)  # wilcox.test, continuity correction
    assert c.diff == pytest.approx(np.median(ref["after"]) - np.median(ref["before"]))


def test_compare_periods_edge_cases() -> None:
    c = compare_periods(closed([]), closed([1.0, 2.0]), "median")
    assert math.isnan(c.p) and c.to_dict()["p"] is None
    with pytest.raises(ConfigError, match="cannot compare"):
        compare_periods(closed([1.0]), closed([1.0], "hours"), "median")


def test_split_by_start() -> None:
    before, after = split_by_start(grouped_cases(), "2024-04-01")
    assert len(before.frame) == 3 and len(after.frame) == 3  # the case without start: neither
    assert before.unit == after.unit == "days"


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_stored_r_values_are_reproducible(tmp_path: Path) -> None:
    check = subprocess.run(["Rscript", "-e", "library(jsonlite)"], capture_output=True, timeout=60)
    if check.returncode != 0:
        pytest.skip("R package jsonlite is not installed")
    target = tmp_path / "expected.json"
    subprocess.run(
        ["Rscript", str(R_DIR / "durations.R"), str(target)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    fresh = json.loads(target.read_text("utf-8"))
    drop = "generated_by"  # the R version string may differ; the numbers must not
    assert {k: v for k, v in fresh.items() if k != drop} == {
        k: v for k, v in EXPECTED.items() if k != drop
    }


def test_summarise_by_refuses_a_group_column_named_like_a_summary_column() -> None:
    import pandas as pd

    from servqual_cli.core.durations import case_durations
    from servqual_cli.core.periods import summarise_by

    start = pd.Series(pd.to_datetime(["2024-01-02", "2024-01-03"]))
    end = pd.Series(pd.to_datetime(["2024-01-05", "2024-01-09"]))
    d = case_durations(start, end, "days").with_columns(pd.DataFrame({"unit": ["A", "B"]}))
    with pytest.raises(ConfigError, match="'unit' is reserved"):
        summarise_by(d, ["unit"], "median")


def _utc_ns_every_value(values: Any) -> np.ndarray:
    """The pre-#16 _utc_ns: every wall time localised on its own."""
    from servqual_cli.core.calendar import STOCKHOLM

    index = pd.DatetimeIndex(pd.to_datetime(values))
    index = index.tz_localize(
        STOCKHOLM, ambiguous=np.ones(len(index), dtype=bool), nonexistent="shift_forward"
    )
    return np.asarray(index.tz_convert("UTC").tz_localize(None).as_unit("ns").asi8)


# Wall times around both DST changes of 2024 (a missing and a repeated hour), and NaT.
_WALL = [
    "2024-03-31 01:30", "2024-03-31 02:30", "2024-03-31 03:00", "2024-10-27 02:30",
    "2024-10-27 01:59", "2024-10-27 03:00", "2024-06-01", "2024-06-01 12:00", None,
]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WALL), max_size=60))
def test_utc_instants_of_distinct_wall_times_equal_every_value(walls: list[Any]) -> None:
    """Each distinct wall time is localised once and taken back by code (#16): the instants
    equal localising every value, DST gaps and repeats included."""
    from servqual_cli.core.durations import _utc_ns

    values = pd.Series(pd.to_datetime(walls, format="ISO8601"), dtype="datetime64[ns]")
    np.testing.assert_array_equal(_utc_ns(values), _utc_ns_every_value(values))
