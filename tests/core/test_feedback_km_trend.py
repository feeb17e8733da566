"""The feedback trend's log-rank row (session 15, w-logrank): core/feedback_km_trend.py against
R and the verdict's rule.

Reference: tests/core/r/feedback_logrank.R (survival::survdiff on the sample's two trend
windows, each judged at its own end, and quantile(survfit(...), 0.5, conf.int = TRUE) per
window; stored in feedback_logrank.json, regenerated with Rscript, never needed by the tests).
The row goes through analyse_feedback, the path every renderer reads.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.core.feedback_km_trend import km_trend
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]
R_DIR = Path(__file__).parent / "r"
EXPECTED: dict[str, Any] = json.loads((R_DIR / "feedback_logrank.json").read_text("utf-8"))
WINDOWS = {
    "previous": {"from": "2023-01-01", "to": "2023-12-31", "days": 365},
    "current": {"from": "2024-01-01", "to": "2024-12-31", "days": 366},
}


@pytest.fixture(scope="module")
def sample() -> Any:
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    return analyse_feedback(fb.frame, "14 days")


def test_the_sample_row_against_r(sample: Any) -> None:
    ref = EXPECTED["sample"]
    t = sample.trend
    row = t[t["measure"].eq("km_days_to_reply")].iloc[0]
    assert (row["n_previous"], row["n"]) == tuple(ref["n"])  # 967 -> 1 005
    assert (row["previous_value"], row["value"]) == tuple(ref["median"])  # 7 -> 6 days
    assert row["estimate"] == ref["median"][1] - ref["median"][0]
    assert row["p"] == pytest.approx(ref["p"], rel=1e-7)  # 1.58e-07
    assert row["p_holm"] == row["p"]  # in no Holm family, as the other reply rows
    assert (row["effect"], row["test"], row["verdict"]) == ("log_rank", "log-rank", "better")
    assert math.isnan(row["ci_low"]) and math.isnan(row["ci_high"])
    km = sample.trend_km
    assert km.test.chi2 == pytest.approx(ref["chi2"], rel=1e-9)  # 27.48
    assert list(km.test.observed) == ref["observed"]
    np.testing.assert_allclose(km.test.expected, ref["expected"], rtol=1e-9)
    windows = (km.previous, km.current)
    assert [w.n_answered for w in windows] == ref["n_answered"]
    assert [w.follow_up for w in windows] == ref["follow_up"]
    assert [w.median_ci_low for w in windows] == ref["median_lower"]
    assert [w.median_ci_high for w in windows] == ref["median_upper"]
    assert [[w.start, w.end] for w in windows] == ref["windows"]


def test_the_row_is_last_and_json_names_it(sample: Any) -> None:
    assert sample.trend["measure"].iloc[-1] == "km_days_to_reply"
    d = sample.to_dict()
    assert d["ci_method"]["km_days_to_reply"] == "brookmeyer-crowley log"
    assert d["trend_km"]["chi2"] == pytest.approx(EXPECTED["sample"]["chi2"], rel=1e-9)
    assert d["trend_km"]["previous"]["km_median_days"] == 7
    # every trend row carries a verdict: the counts and the untested medians none
    verdicts = {r["measure"]: r["verdict"] for r in d["trend"] if r["level"] == "reply"}
    assert verdicts == {"reply_within_promise": "better", "median_days_to_reply": None,
                        "shift_days_to_reply": "better", "km_days_to_reply": "better"}  # fmt: skip
    assert all(r["verdict"] is None for r in d["trend"] if r["measure"] == "count")


def _register(prev: list[int | None], cur: list[int | None]) -> tuple[pd.Series, pd.Series]:
    """Items received on 1 March of each year, answered after the given days (None: never)."""
    got, ans = [], []
    for year, days in ((2023, prev), (2024, cur)):
        start = pd.Timestamp(f"{year}-03-01")
        got += [start] * len(days)
        ans += [pd.NaT if d is None else start + pd.Timedelta(days=d) for d in days]
    return pd.Series(got), pd.Series(ans)


def test_fewer_but_quicker_answers_read_worse_not_better() -> None:
    """The case the row is for: the later window answers a third, quickly, the earlier all.
    Among the answered the later is faster (2 against 5 days); over every item it is slower
    (R survdiff: O - E = -14 for the later window, chi-square 19.6)."""
    got, ans = _register([5] * 60, [2] * 20 + [None] * 40)
    k = km_trend(got, ans, WINDOWS, 0.95)
    assert k.test.observed == (60, 20)
    assert k.test.expected[1] == pytest.approx(34.0)
    assert k.test.chi2 == pytest.approx(14.0**2 / (20 * 0.25 * 100 / 119 + 60 * 0.24 * 40 / 99))
    assert k.test.chi2 == pytest.approx(19.56114669, rel=1e-9)  # R survdiff
    assert k.verdict == "worse"
    # a third answered on day 2 is not half: the later median is not reached, "> 305"
    assert math.isnan(k.current.median) and k.current.follow_up == 305.0
    assert math.isnan(k.difference)


def test_a_difference_the_data_cannot_tell_from_zero_is_no_change() -> None:
    got, ans = _register([2, 4, 8, 9, None], [1, 2, 3, 5, None])
    k = km_trend(got, ans, WINDOWS, 0.95)
    assert k.difference == -5.0 and k.test.p > 0.05
    assert k.verdict == "no detectable change"


def test_no_reply_in_either_window_no_test() -> None:
    got, ans = _register([None, None], [None])
    k = km_trend(got, ans, WINDOWS, 0.95)
    assert math.isnan(k.test.p) and k.verdict == "no detectable change"
    row = k.row()
    assert math.isnan(row["value"]) and math.isnan(row["p"])


def test_the_verdict_level_follows_conf() -> None:
    """p between 0.01 and 0.05: a change at 95 %, none at 99 %."""
    got, ans = _register([3] * 10 + [5] * 10, [3] * 17 + [5] * 3)  # R survdiff p 0.0196
    k95, k99 = (km_trend(got, ans, WINDOWS, c) for c in (0.95, 0.99))
    assert 0.01 < k95.test.p < 0.05, k95.test.p
    assert (k95.verdict, k99.verdict) == ("better", "no detectable change")


_DAYS = st.lists(st.one_of(st.none(), st.integers(0, 60)), min_size=1, max_size=25)


@settings(derandomize=True, max_examples=40, deadline=None)
@given(_DAYS, _DAYS)
def test_the_verdict_follows_p_and_turns_with_the_windows(
    prev: list[int | None], cur: list[int | None]
) -> None:
    """No better/worse without p < 0.05; swapping the windows' items keeps chi-square and p and
    turns better into worse (both windows' items are censored at the same age, 305 days)."""
    k = km_trend(*_register(prev, cur), WINDOWS, 0.95)
    swapped = km_trend(*_register(cur, prev), WINDOWS, 0.95)
    if math.isnan(k.test.p) or k.test.p >= 0.05:
        assert k.verdict == swapped.verdict == "no detectable change"
        return
    assert swapped.test.p == pytest.approx(k.test.p, rel=1e-9)
    assert {k.verdict, swapped.verdict} == {"better", "worse"}
