"""Days to reply over every item with contact details, the unanswered censored (review 10a,
finding 1): the Kaplan-Meier quantiles of core/time_to_event.py against R.

Reference values: tests/core/r/feedback_km.R reads data/samples/synpunkter_2023_2024.xlsx itself
and runs survival::survfit(Surv(days, answered) ~ 1), its curve, quantile(fit, c(.5, .9)) and
the first event time with S(t) <= 1 - q (the definition servqual states); stored in
feedback_km.json. The last test re-runs the script when R has survival, readxl and jsonlite.

The quantiles' intervals (session 14): quantile(fit, conf.int = TRUE) over the sample, its units
and constructed cases (ties, heavy censoring, limits not reached, an upper limit that rises
again), beside the first event time at which the curve's pointwise limits (survfit's default
conf.type "log") come down to 1 - q, the definition servqual states.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from servqual_cli.core.feedback import FeedbackAnalysis, analyse_feedback
from servqual_cli.core.time_to_event import (
    kaplan_meier,
    km_limits,
    km_quantiles,
    km_quantiles_by,
)
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]
R_DIR = Path(__file__).parent / "r"
EXPECTED: dict[str, Any] = json.loads((R_DIR / "feedback_km.json").read_text("utf-8"))
REL = 1e-12


@pytest.fixture(scope="module")
def sample() -> FeedbackAnalysis:
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    return analyse_feedback(fb.frame, "14 days")


def test_reply_times_over_every_item_against_r(sample: FeedbackAnalysis) -> None:
    ref, r = EXPECTED["overall"], sample.reply
    assert sample.as_of.date().isoformat() == EXPECTED["as_of"]
    assert (r.n_timed, r.n_unanswered) == (ref["n"], ref["n_censored"]) == (1972, 116)
    assert r.n_timed - r.n_unanswered == ref["n_events"] == r.n_answered
    assert (r.km_median_days, r.km_p90_days) == (ref["median"], ref["p90"]) == (6, 24)
    assert ref["r_quantile"] == [6, 24]  # R's quantile.survfit: no flat stretch at 0.5 or 0.1
    assert r.km_follow_up_days == ref["follow_up"]
    # the answered-only figures keep their names and values (the old basis, labelled so)
    assert (r.median_days, r.p90_days, r.n_answered) == (6, 18, 1856)


def test_reply_times_by_unit_against_r(sample: FeedbackAnalysis) -> None:
    by = sample.reply_by_unit.set_index("unit")
    for ref in EXPECTED["by_unit"]:
        row = by.loc[ref["unit"]]
        assert row["n_with_contact"] == ref["n"]
        assert row["n_unanswered"] == ref["n_censored"]
        assert row["km_median_days"] == ref["median"]
        assert row["km_p90_days"] == ref["p90"]
        assert row["km_follow_up_days"] == ref["follow_up"]
    # Socialförvaltningen: the answered-only p90 was 20 days; over all its items it is 35
    social = by.loc["Socialförvaltningen"]
    assert (social["p90_days"], social["km_p90_days"]) == (20, 35)


def test_r_midpoint_rule_is_the_one_difference() -> None:
    """quantile.survfit takes the midpoint where the curve is flat at exactly 1 - q;
    servqual states the first time S(t) <= 1 - q: they differ there only (16 and 16.5)."""
    differ = [u for u in EXPECTED["by_unit"] if u["r_quantile"] != [u["median"], u["p90"]]]
    assert [(u["unit"], u["p90"], u["r_quantile"][1]) for u in differ] == [
        ("Kommunledningsförvaltningen", 16, 16.5)
    ]


def test_curve_against_r_survfit(sample: FeedbackAnalysis) -> None:
    from servqual_cli.core import feedback_reply

    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    items = fb.frame[fb.frame["contact"].to_numpy(dtype=bool)]
    from servqual_cli.core.durations import case_durations

    days = case_durations(items["received"], items["answered"], "days", sample.as_of)
    time, answered = feedback_reply.reply_times(days, items["received"], sample.as_of)
    t, n, d, s = kaplan_meier(time, answered)
    ref = EXPECTED["curve"]
    assert t.tolist() == ref["time"]
    assert n.tolist() == ref["n_risk"] and d.tolist() == ref["n_event"]
    np.testing.assert_allclose(s, ref["surv"], rtol=REL)
    # 1 - S(14): the share answered within the promise estimated over every item
    assert 1 - s[t <= 14][-1] == pytest.approx(EXPECTED["overall"]["answered_within_14"], REL)


def _nan(values: list[float | None]) -> list[float]:
    return [math.nan if v is None else float(v) for v in values]


def _same(ours: list[float], ref: list[float | None]) -> bool:
    """Equal as limits: both NaN (not reached) or the same day."""
    return all(
        (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(ours, _nan(ref), strict=True)
    )


def test_the_pointwise_limits_are_r_survfits_default_log_interval(
    sample: FeedbackAnalysis,
) -> None:
    """Greenwood's variance on the log scale, R's default conf.type (stored by the script)."""
    from servqual_cli.core import feedback_reply
    from servqual_cli.core.durations import case_durations

    assert EXPECTED["overall"]["conf_type"] == "log" and EXPECTED["overall"]["conf"] == 0.95
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    items = fb.frame[fb.frame["contact"].to_numpy(dtype=bool)]
    days = case_durations(items["received"], items["answered"], "days", sample.as_of)
    time, answered = feedback_reply.reply_times(days, items["received"], sample.as_of)
    _, n, d, s = kaplan_meier(time, answered)
    lower, upper = km_limits(n, d, s, 0.95)
    ref = EXPECTED["curve"]
    np.testing.assert_allclose(lower, _nan(ref["lower"]), rtol=1e-12)
    np.testing.assert_allclose(upper, _nan(ref["upper"]), rtol=1e-12)


def test_reply_time_intervals_against_r(sample: FeedbackAnalysis) -> None:
    """The sample's intervals, overall and per unit, are R's quantile(fit, conf.int = TRUE):
    the median 6 [6; 7] and the p90 24 [21; 28] days; Socialförvaltningen's p90 35 days has
    an upper limit its curve's interval never reaches (NaN, shown "> 721")."""
    ref, r = EXPECTED["overall"], sample.reply
    ours = [r.km_median_ci_low, r.km_p90_ci_low], [r.km_median_ci_high, r.km_p90_ci_high]
    assert ours == (ref["lower"], ref["upper"]) == (ref["r_lower"], ref["r_upper"])
    assert ours == ([6, 21], [7, 28])
    by = sample.reply_by_unit.set_index("unit")
    for u in EXPECTED["by_unit"]:
        row = by.loc[u["unit"]]
        low = [row["km_median_ci_low"], row["km_p90_ci_low"]]
        high = [row["km_median_ci_high"], row["km_p90_ci_high"]]
        assert _same(low, u["lower"]) and _same(low, u["r_lower"]), u["unit"]
        assert _same(high, u["upper"]) and _same(high, u["r_upper"]), u["unit"]
    social = by.loc["Socialförvaltningen"]
    assert (social["km_p90_days"], social["km_p90_ci_low"]) == (35, 28)
    assert math.isnan(social["km_p90_ci_high"])
    assert sample.to_dict()["reply_by_unit"][0]["km_p90_ci_high"] is None  # JSON null


def test_reply_time_intervals_follow_conf() -> None:
    """--conf 0.9: R survfit(conf.int = 0.90) gives the p90 [21; 26], narrower than [21; 28]."""
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    r = analyse_feedback(fb.frame, "14 days", conf=0.9).reply
    ref = EXPECTED["overall_90"]
    assert ref["conf"] == 0.9
    assert [r.km_median_ci_low, r.km_p90_ci_low] == ref["lower"] == ref["r_lower"]
    assert [r.km_median_ci_high, r.km_p90_ci_high] == ref["upper"] == ref["r_upper"] == [7, 26]


@pytest.mark.parametrize("case", EXPECTED["constructed"], ids=lambda c: c["case"])
def test_interval_of_constructed_cases_against_r(case: dict[str, Any]) -> None:
    m, p = km_quantiles(case["time"], np.array(case["event"], dtype=bool), (0.5, 0.9), 0.95)
    assert _same([m.value, p.value], [case["median"], case["p90"]])
    assert _same([m.ci_low, p.ci_low], case["lower"]) and _same([m.ci_low, p.ci_low],
                                                                  case["r_lower"])  # fmt: skip
    assert _same([m.ci_high, p.ci_high], case["upper"])
    # R's findq agrees wherever the upper limit falls monotonically through 1 - q; in
    # "upper_rises" it climbs from 0.486 (day 23) to 0.497 (day 28) and findq answers 28
    agrees = _same([m.ci_high, p.ci_high], case["r_upper"])
    assert agrees == (case["case"] != "upper_rises")
    if case["case"] == "upper_rises":
        assert (m.ci_high, case["r_upper"][0]) == (23.0, 28)
    # a limit is an interval around the quantile: low <= value <= high wherever defined
    for k in (m, p):
        assert not k.ci_low > k.value and not k.value > k.ci_high and not k.ci_low > k.ci_high


def test_unreached_limits_are_named_cases() -> None:
    """What the renderers show as "> N": every item answered and still no upper limit for the
    p90 in 20 items (S = 0 at the last day has no interval, R: NA); a median not reached with
    a lower limit (day 5)."""
    cases = {c["case"]: c for c in EXPECTED["constructed"]}
    full = cases["upper_not_reached"]
    (p,) = km_quantiles(full["time"], np.ones(20, dtype=bool), (0.9,))
    assert (p.value, p.ci_low, p.reached) == (18.0, 16.0, True) and math.isnan(p.ci_high)
    none = cases["median_not_reached"]
    (m,) = km_quantiles(none["time"], np.array(none["event"], dtype=bool), (0.5,))
    assert not m.reached and m.ci_low == 5.0 and math.isnan(m.ci_high)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.booleans()), min_size=1, max_size=80),
    st.sampled_from([0.5, 0.9]),
)
def test_the_interval_holds_the_quantile(items: list[tuple[int, bool]], q: float) -> None:
    """The lower limit (from the lower curve) is never after the quantile and the quantile
    never after the upper limit; a narrower level never widens the interval."""
    t = np.array([i[0] for i in items], dtype=float)
    e = np.array([i[1] for i in items], dtype=bool)
    (k,) = km_quantiles(t, e, (q,), 0.95)
    (n,) = km_quantiles(t, e, (q,), 0.80)
    assert not k.ci_low > k.value and not k.value > k.ci_high
    # an upper limit implies a lower one (the lower curve is below the upper)
    assert math.isnan(k.ci_high) or not math.isnan(k.ci_low)
    assert not n.ci_low < k.ci_low and not n.ci_high > k.ci_high


def register(rows: list[tuple[str, str | None, str | None]]) -> pd.DataFrame:
    """Items as (received, answered, closed), all with contact details, in unit "A"."""
    frame = pd.DataFrame(rows, columns=["received", "answered", "closed"])
    for col in ("received", "answered", "closed"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return frame.assign(type="klagomål", unit="A", channel=None, contact=True)


def test_closed_without_a_reply_is_censored_at_its_age_not_its_closing_day() -> None:
    """Four answers after 1-4 days and an item closed after 2 days without any reply, as of
    day 30. Censored at its closing day (2 days) it would leave the risk set before days 3 and
    4, and the answers would reach 90 % by day 4; counted as unanswered until the as-of date
    (29 days), the curve stays at 1/5 and the 90th percentile is not reached."""
    f = register(
        [
            ("2024-03-01", "2024-03-02", "2024-03-02"),
            ("2024-03-01", "2024-03-03", "2024-03-03"),
            ("2024-03-01", "2024-03-04", "2024-03-04"),
            ("2024-03-01", "2024-03-05", "2024-03-05"),
            ("2024-03-01", None, "2024-03-03"),
        ]
    )
    r = analyse_feedback(f, "14 dagar", as_of="2024-03-30").reply
    assert (r.n_timed, r.n_unanswered, r.km_median_days) == (5, 1, 3.0)
    assert math.isnan(r.km_p90_days) and r.km_follow_up_days == 29.0
    assert r.to_dict()["km_p90_days"] is None  # JSON null, never a number
    assert r.p90_days == pytest.approx(3.7)  # the answered-only p90 (type 7) hides the item


def test_an_answer_after_the_as_of_date_is_not_yet_an_answer() -> None:
    f = register([("2024-03-01", "2024-03-03", None), ("2024-03-10", "2024-04-20", None)])
    r = analyse_feedback(f, "14 dagar", as_of="2024-03-31").reply
    assert (r.n_unanswered, r.km_follow_up_days) == (1, 21.0)  # censored at 31 - 10 days


def test_quantiles_edge_cases() -> None:
    empty = km_quantiles([], [])
    assert all(math.isnan(q.value) and not q.reached and q.n == 0 for q in empty)
    (only_censored,) = km_quantiles([5.0, 7.0], [False, False], (0.5,))
    assert not only_censored.reached and only_censored.follow_up == 7.0
    with pytest.raises(ValueError, match="strictly between"):
        km_quantiles([1.0], [True], (1.0,))
    groups = km_quantiles_by([1.0, 2.0], [True, True], [0, -1], 2, (0.5,))
    assert groups[0][0].value == 1.0 and groups[1][0].n == 0


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=80),
    st.sampled_from([0.1, 0.25, 0.5, 0.75, 0.9]),
)
# products that land a rounding error above 1 - q: 9/10 x ... x 1/2 = 0.10000000000000002
@example(list(range(1, 11)), 0.9)
@example(list(range(1, 25)), 0.5)
@example([0, 0, 0, 0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 6, 6, 6, 6, 6, 7, 7], 0.9)
def test_without_censoring_km_quantiles_are_the_inverted_cdf(times: list[int], q: float) -> None:
    """No item censored: the smallest t with S(t) <= 1 - q is the smallest t whose empirical
    distribution function reaches q, R quantile(type = 1), numpy "inverted_cdf" (the examples
    need the sqrt(eps) tolerance: without it each answers one time too late)."""
    (k,) = km_quantiles(np.array(times, dtype=float), np.ones(len(times), dtype=bool), (q,))
    assert k.reached and k.n == k.n_events == len(times)
    assert k.value == np.quantile(np.array(times, dtype=float), q, method="inverted_cdf")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.booleans()), min_size=1, max_size=80),
    st.sampled_from([0.5, 0.9]),
)
def test_the_unanswered_never_make_the_times_shorter(
    items: list[tuple[int, bool]], q: float
) -> None:
    """Censoring the unanswered instead of dropping them can only delay a quantile: the KM
    quantile is at least the answered-only inverted-cdf quantile, or not reached at all."""
    t = np.array([i[0] for i in items], dtype=float)
    e = np.array([i[1] for i in items], dtype=bool)
    (k,) = km_quantiles(t, e, (q,))
    if not e.any():
        assert not k.reached
        return
    answered_only = np.quantile(t[e], q, method="inverted_cdf")
    assert not k.reached or k.value >= answered_only


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_stored_r_values_are_reproducible(tmp_path: Path) -> None:
    check = subprocess.run(
        ["Rscript", "-e", "library(readxl); library(jsonlite); library(survival)"],
        capture_output=True,
        timeout=60,
    )
    if check.returncode != 0:
        pytest.skip("R packages readxl, jsonlite and survival are not installed")
    target = tmp_path / "feedback_km.json"
    subprocess.run(
        ["Rscript", str(R_DIR / "feedback_km.R"), str(target)],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    fresh = json.loads(target.read_text("utf-8"))
    drop = "generated_by"
    assert {k: v for k, v in fresh.items() if k != drop} == {
        k: v for k, v in EXPECTED.items() if k != drop
    }
