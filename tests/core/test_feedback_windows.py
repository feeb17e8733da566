"""The feedback register's change of the share within the promise compares the same calendar
window as the KPI of that promise (review 10a, finding 4).

The equal-follow-up rule leaves out the items younger than the promise at as_of, so the later
trend window ends early (17 December on the sample) while every item of the earlier one had the
whole promise; the register compared all of 2023 (754/967 = 78,0 %) where the KPI "Synpunkter
besvaras inom 14 dagar" compares 1 January-17 December (727/931 = 78,1 %). Both now cut the
earlier window by :func:`~servqual_cli.core.kpi_durations.matched_window`. References: the
independent script tests/core/r/kpi_windows.py (pandas, scipy, statsmodels on the workbook) in
kpi_windows.json, and R (tests/core/r/feedback.R) in feedback.json, read by test_feedback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.core.kpi import evaluate_kpis
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "data" / "samples"
REF: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "kpi_windows.json").read_text())
KPI = "Synpunkter besvaras inom 14 dagar"


@pytest.fixture(scope="module")
def register() -> Any:
    fb = load_feedback(read_table(SAMPLES / "synpunkter_2023_2024.xlsx"))
    return analyse_feedback(fb.frame, "14 days")


def _share(a: Any) -> pd.Series:
    return a.trend[a.trend["measure"] == "reply_within_promise"].iloc[0]


def test_share_change_against_the_independent_script(register: Any) -> None:
    ref, whole = REF[KPI]["matched"], REF[KPI]["whole_previous_year"]
    row, w = _share(register), register.reply_windows
    assert w is not None
    assert [w.previous_start, w.previous_end] == ref["window_2023"]
    assert [w.start, w.end] == ref["window_2024"]
    assert (w.previous_period, w.period, w.months) == ("2023", "2024", 12)
    assert (w.n_previous_kept, w.n_previous_total) == (ref["n_cases_2023"], ref["n_2023_total"])
    assert (row["n_previous"], row["n"]) == (ref["n_2023"], ref["n_2024"]) == (931, 984)
    k = (row["previous_value"] * row["n_previous"], row["value"] * row["n"])
    assert k == pytest.approx((ref["k_2023"], ref["k_2024"])) == (727, 824)
    assert row["estimate"] == pytest.approx(ref["diff"], rel=1e-12)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(
        (ref["diff_low"], ref["diff_high"]), rel=1e-9
    )
    assert row["p"] == pytest.approx(ref["p"], rel=1e-9)
    # what the register showed before (all of 2023) is not what is compared now
    assert row["n_previous"] != whole["n_2023"] and row["p"] != pytest.approx(whole["p"])
    out = register.to_dict()["reply_windows"]
    assert out["n_previous_left_out"] == 36 and out["previous_end"] == "2023-12-17"


def test_the_register_and_the_kpi_give_one_change(register: Any) -> None:
    """One measure, one 2023 value: the same windows, counts and test in both."""
    config = load_kpi_config(SAMPLES / "kpi.toml")
    kpi = {r.spec.name: r for r in evaluate_kpis(load_all_kpi_data(config, read_table))}[KPI]
    c, row = kpi.change, _share(register)
    assert c is not None and c.windows == register.reply_windows
    assert (c.n_previous, c.n) == (row["n_previous"], row["n"])
    assert (c.previous_value, c.value, c.p) == pytest.approx(
        (row["previous_value"], row["value"], row["p"]), rel=1e-12
    )
    assert (c.diff_low, c.diff_high) == pytest.approx((row["ci_low"], row["ci_high"]), rel=1e-12)


def test_days_to_reply_keep_both_whole_windows(register: Any) -> None:
    """The days to reply do not use the rule (answered items, every window whole): their rows
    keep the 913 and 943 answered items of all of 2023 and 2024 (R, feedback.json)."""
    t = register.trend
    for measure in ("median_days_to_reply", "shift_days_to_reply"):
        row = t[t["measure"] == measure].iloc[0]
        assert (row["n_previous"], row["n"]) == (913, 943)


def _frame(received: list[str], answered: list[str | None]) -> pd.DataFrame:
    f = pd.DataFrame({"received": pd.to_datetime(received),
                      "answered": pd.to_datetime(pd.Series(answered, dtype=object))})  # fmt: skip
    return f.assign(closed=pd.NaT, type="klagomål", unit="A", channel=None, contact=True)


def test_no_cut_when_no_young_item_is_unanswered() -> None:
    """Without an unanswered item younger than the promise the rule keeps every item, the
    later window is whole and the earlier is compared whole (no windows)."""
    got = ["2023-01-05", "2023-12-28", "2024-01-05", "2024-12-28"]
    a = analyse_feedback(_frame(got, ["2023-01-09", "2024-01-02", "2024-01-08", "2024-12-30"]),
                         "14 days", as_of="2024-12-31")  # fmt: skip
    assert a.reply_windows is None and a.to_dict()["reply_windows"] is None
    assert _share(a)["n_previous"] == 2


def test_cut_at_the_same_date_of_a_rolling_window() -> None:
    """A twelve-month window that is no calendar year (as_of 30 June) is cut the same way:
    the later ends 14 days before as_of, the earlier on the same date a year before."""
    got = ["2022-07-01", "2023-06-10", "2023-06-20", "2023-07-03", "2024-06-25"]
    a = analyse_feedback(_frame(got, ["2022-07-02", "2023-06-11", "2023-06-21", "2023-07-04",
                                      None]), "14 days", as_of="2024-06-30")  # fmt: skip
    w = a.reply_windows
    assert w is not None
    assert (w.previous_period, w.period) == ("2022-07-01–2023-06-30", "2023-07-01–2024-06-30")
    assert (w.previous_start, w.previous_end, w.start, w.end) == (
        "2022-07-01", "2023-06-16", "2023-07-01", "2024-06-16")  # fmt: skip
    row = _share(a)
    # 2023-06-20 is after the earlier window's end; 2024-06-25 too young for the share
    assert (row["n_previous"], row["n"], w.n_previous_left_out) == (2, 1, 1)
    assert np.isclose(row["previous_value"], 1.0)
