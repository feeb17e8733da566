"""core.contacts: KPI definitions, working-day e-mail KPIs (hand-computed cases) and the sample
files' values as data/samples/README.md states them.

Working-day hours are hand-counted: each working day counts 24 wall-clock hours; weekends,
Swedish public holidays and midsommarafton, julafton and nyårsafton count nothing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.contacts import (
    ALL,
    KPI_COLUMNS,
    contact_kpis,
    kpi_observations,
    treatment_counts,
    unanswered_emails,
)
from servqual_cli.io.contacts import load_contacts
from servqual_cli.io.read import read_table

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def emails(pairs: list[tuple[str, str | None]], area: str = "a") -> pd.DataFrame:
    n = len(pairs)
    return pd.DataFrame(
        {
            "year": 2024.0,
            "channel": "email",
            "area": area,
            "sent_at": pd.to_datetime([s for s, _ in pairs]),
            "answered_at": pd.to_datetime([e for _, e in pairs]),
            "timing_valid": True,
            "reached": np.nan,
            "wait_seconds": np.nan,
            "answered_question": ["yes"] * n,
            "treatment": np.nan,
        }
    )


# (sent, answered, working hours): counted by hand.
CASES = [
    # Friday afternoon, answered Monday morning: 9 h Friday + 10 h Monday.
    ("2024-05-31 15:00", "2024-06-03 10:00", 19.0),
    # Friday morning to Monday 11:00: 14 + 11 = 25 h, over one working day.
    ("2024-05-31 10:00", "2024-06-03 11:00", 25.0),
    # Easter: Thursday 14:00 (skärtorsdag works) to Tuesday 13:00; Good Friday, the weekend and
    # Easter Monday (1 April) count nothing: 10 + 13 = 23 h.
    ("2024-03-28 14:00", "2024-04-02 13:00", 23.0),
    # Midsummer: Thursday 16:00 to Monday 15:00; midsommarafton (21 June) is off: 8 + 15 = 23 h.
    ("2024-06-20 16:00", "2024-06-24 15:00", 23.0),
    # Christmas: Friday 20 Dec 12:00 to Friday 27 Dec 11:00: 12 + 24 (Monday 23) + 11 = 47 h;
    # julafton, juldagen and annandag jul count nothing.
    ("2024-12-20 12:00", "2024-12-27 11:00", 47.0),
    # New year: Monday 30 Dec 09:00 to Thursday 2 Jan 08:00: 15 + 0 (nyårsafton) + 0 (nyårsdagen)
    # + 8 = 23 h.
    ("2024-12-30 09:00", "2025-01-02 08:00", 23.0),
    # Same day.
    ("2024-09-02 09:00", "2024-09-02 11:30", 2.5),
    # Exactly 24 h: within one working day ("by the same clock time next working day").
    ("2024-09-02 09:00", "2024-09-03 09:00", 24.0),
]


@pytest.mark.parametrize("sent, answered, hours", CASES)
def test_working_day_email_kpis_by_hand(sent: str, answered: str, hours: float) -> None:
    obs = kpi_observations(emails([(sent, answered)]), by_area=False)
    x = obs.set_index("kpi")["x"]
    assert x["email_response_hours_median"] == pytest.approx(hours, abs=1e-9)
    assert x["email_within_1_working_day"] == (1.0 if hours <= 24 else 0.0)
    assert x["email_within_2_working_days"] == (1.0 if hours <= 48 else 0.0)


def test_unanswered_and_unusable_emails() -> None:
    frame = emails([("2024-09-02 09:00", "2024-09-02 10:00"), ("2024-09-02 09:00", None),
                    ("2024-09-02 09:00", None)])  # fmt: skip
    frame.loc[2, "timing_valid"] = False  # e.g. a reply time that was not a date
    table = contact_kpis(frame, by_area=False).set_index("kpi")
    within = table.loc["email_within_1_working_day"]
    assert (within["n"], within["k"]) == (2, 1)  # unanswered counts as late; unusable left out
    assert table.loc["email_response_hours_median", "n"] == 1  # answered only
    assert table.loc["email_answered_question", "n"] == 3  # the bad time does not matter here


def test_sample_2019_kpis_as_the_data_readme_states() -> None:
    data = load_contacts(read_table(SAMPLES / "servicematning_2019.xlsx"))
    t = contact_kpis(data.frame)
    total = t[t["area"].eq(ALL)].set_index(["kpi", "channel"])
    nk = {key: (int(r["n"]), int(r["k"])) for key, r in total.dropna(subset=["k"]).iterrows()}
    assert nk[("phone_reached", "phone")] == (53, 44)
    assert nk[("phone_answered_question", "phone")] == (54, 32)
    assert nk[("email_within_1_working_day", "email")] == (54, 30)
    assert nk[("email_answered_question", "email")] == (54, 42)
    assert nk[("answered_question", ALL)] == (108, 74)
    assert nk[("treatment_good_or_better", ALL)] == (97, 82)
    assert total.loc[("phone_wait_seconds_median", "phone"), "value"] == 84.0
    assert total.loc[("treatment_index", ALL), "value"] * 100 == pytest.approx(74.2, abs=0.05)
    assert total.loc[("email_response_hours_median", "email"), "value"] / 24 == pytest.approx(
        0.99, abs=0.005)  # fmt: skip
    counts = treatment_counts(data.frame).set_index("channel").loc[ALL]
    assert counts[["mycket god", "god", "medelgod", "dålig"]].tolist() == [39, 43, 13, 2]


def test_sample_2020_kpis_as_the_data_readme_states() -> None:
    data = load_contacts(read_table(SAMPLES / "servicematning_2020.xlsx"))
    t = contact_kpis(data.frame)
    total = t[t["area"].eq(ALL)].set_index(["kpi", "channel"])
    assert tuple(total.loc[("email_within_1_working_day", "email"), ["n", "k"]]) == (53, 43)
    assert tuple(total.loc[("phone_reached", "phone"), ["n", "k"]]) == (54, 43)
    assert total.loc[("treatment_index", ALL), "value"] * 100 == pytest.approx(71.9, abs=0.05)
    assert total.loc[("phone_wait_seconds_median", "phone"), "value"] == 56.0
    # The four areas the memo names: reached 17/26 in 2020.
    four = ["bygglov", "handikappomsorg", "gator och vägar", "miljö och hälsa"]
    reached = t[t["kpi"].eq("phone_reached") & t["area"].isin(four)]
    assert (int(reached["k"].sum()), int(reached["n"].sum())) == (17, 26)


def test_partly_answers_are_reported_separately() -> None:
    frame = pd.DataFrame({"year": 2020.0, "channel": ["phone"] * 4, "area": "a",
                          "answered_question": ["yes", "partly", "no", "partly"],
                          "reached": 1.0, "wait_seconds": 10.0, "treatment": 2.0,
                          "sent_at": pd.NaT, "answered_at": pd.NaT,
                          "timing_valid": False})  # fmt: skip
    t = contact_kpis(frame, by_area=False).set_index(["kpi", "channel"])
    assert t.loc[("phone_answered_question", "phone"), "value"] == 0.25
    assert t.loc[("phone_answered_question_partly", "phone"), "value"] == 0.5
    assert t.loc[("answered_question_partly", ALL), "k"] == 2


def test_output_columns_and_order() -> None:
    data = load_contacts(read_table(SAMPLES / "servicematning_2020.xlsx"))
    t = contact_kpis(data.frame)
    assert list(t.columns) == ["year", *KPI_COLUMNS]
    first = t[t["kpi"].eq("phone_reached")]["area"].tolist()
    assert first[0] == ALL and first[-1] == "äldreomsorg"  # total first, Swedish order
    median = t[t["kpi"].eq("phone_wait_seconds_median")].iloc[0]
    assert pd.isna(median["k"]) and median["ci_low"] <= median["value"] <= median["ci_high"]


answers = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["yes", "no", "partly"]),
              st.sampled_from([0.0, 1.0, np.nan])),
    min_size=1, max_size=40,
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(answers)
def test_areas_add_up_to_the_total(rows: list[tuple[str, str, float]]) -> None:
    frame = pd.DataFrame(rows, columns=["area", "answered_question", "reached"])
    frame = frame.assign(year=2020.0, channel="phone", wait_seconds=np.nan, treatment=np.nan,
                         sent_at=pd.NaT, answered_at=pd.NaT, timing_valid=False)  # fmt: skip
    t = contact_kpis(frame)
    for kpi in ("phone_answered_question", "phone_reached"):
        rows_ = t[t["kpi"].eq(kpi)]
        if rows_.empty:
            continue
        total = rows_[rows_["area"].eq(ALL)].iloc[0]
        parts = rows_[rows_["area"].ne(ALL)]
        assert total["n"] == parts["n"].sum() and total["k"] == parts["k"].sum()
        assert ((rows_["ci_low"] <= rows_["value"]) & (rows_["value"] <= rows_["ci_high"])).all()


def test_unanswered_emails_are_counted_for_the_median_note() -> None:
    """Review item 21: the median reply time (n 51) leaves out the unanswered e-mails that the
    within-1-working-day share (n 53) counts as late; R (tests/core/r/trend.R) gives both n."""
    import json

    ref = json.loads((Path(__file__).parent / "r" / "trend.json").read_text())["comparisons"]
    n = {c["kpi"]: c["n_after"] for c in ref if c["area"] == "ALL"}
    data = load_contacts(read_table(SAMPLES / "servicematning_2020.xlsx"))
    kpis = contact_kpis(data.frame)
    want = n["email_within_1_working_day"] - n["email_response_hours_median"]
    assert unanswered_emails(kpis) == want == 2
    answered = emails([("2024-05-31 10:00", "2024-06-03 11:00")])
    assert unanswered_emails(contact_kpis(answered)) == 0
    none = emails([("2024-05-31 10:00", None), ("2024-05-31 11:00", None)])
    assert unanswered_emails(contact_kpis(none)) == 0  # no median KPI at all: nothing to note
