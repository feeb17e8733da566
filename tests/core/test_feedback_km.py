"""Days to reply over every item with contact details, the unanswered censored (review 10a,
finding 1): the Kaplan-Meier quantiles of core/time_to_event.py against R.

Reference values: tests/core/r/feedback_km.R reads data/samples/synpunkter_2023_2024.xlsx itself
and runs survival::survfit(Surv(days, answered) ~ 1), its curve, quantile(fit, c(.5, .9)) and
the first event time with S(t) <= 1 - q (the definition servqual states); stored in
feedback_km.json. The last test re-runs the script when R has survival, readxl and jsonlite.
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
from servqual_cli.core.time_to_event import kaplan_meier, km_quantiles, km_quantiles_by
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
    from servqual_cli.core import feedback

    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    items = fb.frame[fb.frame["contact"].to_numpy(dtype=bool)]
    from servqual_cli.core.durations import case_durations

    days = case_durations(items["received"], items["answered"], "days", sample.as_of)
    time, answered = feedback._reply_times(days, items["received"], sample.as_of)
    t, n, d, s = kaplan_meier(time, answered)
    ref = EXPECTED["curve"]
    assert t.tolist() == ref["time"]
    assert n.tolist() == ref["n_risk"] and d.tolist() == ref["n_event"]
    np.testing.assert_allclose(s, ref["surv"], rtol=REL)
    # 1 - S(14): the share answered within the promise estimated over every item
    assert 1 - s[t <= 14][-1] == pytest.approx(EXPECTED["overall"]["answered_within_14"], REL)


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
