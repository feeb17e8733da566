"""The feedback analysis on codes gives the tables the pandas formulation gave (issue #16).

:func:`servqual_cli.core.feedback.analyse_feedback` counts and groups by one factorization
per column (``bincount``) instead of value_counts, crosstab and groupby on a million texts.
The references below are the pre-#16 pandas code; on generated registers (ties in the counts,
units without contact details, open and late items) every table must be equal, and a
deliberately broken variant must be caught.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.core import feedback as fb
from servqual_cli.core.durations import case_durations, measuring_unit, parse_limit
from servqual_cli.core.feedback_counts import CodedKeys
from servqual_cli.core.periods import period_labels, summarise_by
from servqual_cli.vocab.feedback import TYPES


def _counts_old(frame: pd.DataFrame, column: str, order: list[str] | None = None) -> pd.DataFrame:
    counts = frame[column].value_counts(dropna=True)
    counts = counts.reindex(order, fill_value=0) if order else counts.sort_values(ascending=False)
    total = int(counts.sum())
    return pd.DataFrame({column: counts.index.astype(str), "n": counts.to_numpy(dtype=np.int64),
                         "share": counts.to_numpy() / total if total else np.nan})  # fmt: skip


def _long_old(table: pd.DataFrame, name: str) -> pd.DataFrame:
    long = table.stack().reset_index()
    long.columns = pd.Index([name, "type", "n"])
    return long


def _by_period_old(frame: pd.DataFrame, period: Any) -> pd.DataFrame:
    labels = period_labels(frame["received"], period)
    freq = {"month": "M", "quarter": "Q", "year": "Y"}[period]
    spans = frame["received"].dt.to_period(freq)
    every = pd.period_range(spans.min(), spans.max(), freq=freq).astype(str)
    table = pd.crosstab(labels, frame["type"]).reindex(index=every, columns=list(TYPES),
                                                       fill_value=0)  # fmt: skip
    return _long_old(table, "period")


def _by_unit_type_old(frame: pd.DataFrame) -> pd.DataFrame:
    table = pd.crosstab(frame["unit"], frame["type"]).reindex(columns=list(TYPES), fill_value=0)
    return _long_old(table, "unit")


def _backlog_old(frame: pd.DataFrame, promise: Any, as_of: pd.Timestamp) -> pd.DataFrame:
    unit, limit, _ = measuring_unit(promise.unit, promise, frame["received"])
    d = case_durations(frame["received"], frame["closed"], unit, as_of).frame
    is_open = d["valid"] & d["open"]
    overdue = is_open & (d["censored_at_as_of"] > limit.value)
    # review 9 finding 1: the reply promise's count is every item with contact details and no
    # reply at as_of older than the promise, closed or not, measured as the reply share is
    contact = frame["contact"].astype(bool)
    reply_unit, reply_limit, _ = measuring_unit(promise.unit, promise,
                                                frame.loc[contact, "received"])  # fmt: skip
    age = case_durations(frame["received"], pd.Series(as_of, index=frame.index), reply_unit)
    no_reply = frame["answered"].isna() | (frame["answered"] > as_of)
    promised = no_reply & contact & (age.frame["duration"] > reply_limit.value)
    table = pd.DataFrame({"unit": frame["unit"], "n_open": is_open, "n_open_overdue": overdue,
                          "n_unanswered_overdue": promised,
                          "n_unanswered_overdue_closed": promised & ~d["open"]})  # fmt: skip
    out = table.groupby("unit", sort=True).sum().reset_index()
    counts = ["n_open", "n_open_overdue", "n_unanswered_overdue", "n_unanswered_overdue_closed"]
    out[counts] = out[counts].astype(np.int64)
    by = "n_unanswered_overdue"
    return out.sort_values(by, ascending=False, kind="stable").reset_index(drop=True)


def _reply_by_unit_old(contact: pd.DataFrame, promise: Any, as_of: pd.Timestamp) -> pd.DataFrame:
    unit, limit, _ = measuring_unit(promise.unit, promise, contact["received"])
    groups = pd.DataFrame({"group": contact["unit"]})
    days = case_durations(contact["received"], contact["answered"], "days", as_of)
    days = days.with_columns(groups)
    within = case_durations(contact["received"], contact["answered"], unit, as_of)
    # equal follow-up (review 4 finding 10): with a young unanswered item, the items younger
    # than the promise leave the share
    age = case_durations(contact["received"], pd.Series(as_of, index=contact.index), unit)
    f = within.frame
    short = f["valid"] & ~(age.frame["duration"] >= limit.value)
    if (short & f["open"]).any():
        within = type(within)(f.assign(valid=f["valid"] & ~short), within.unit, within.as_of)
    within = within.with_columns(groups)
    parts = [summarise_by(days, ["group"], s).query("level == 'group'").set_index("group")
             for s in ("median", "p90")]  # fmt: skip
    shares = summarise_by(within, ["group"], "share_within", limit, 0.95)
    shares = shares[shares["level"] == "group"].set_index("group")
    by_unit = pd.DataFrame({
        "n_with_contact": contact.groupby("unit").size(), "n_answered": parts[0]["n"],
        "median_days": parts[0]["value"], "p90_days": parts[1]["value"],
        "within_promise": shares["n_within"], "n_decided": shares["n"],
        "within_promise_share": shares["value"], "ci_low": shares["ci_low"],
        "ci_high": shares["ci_high"]}).rename_axis("unit").reset_index()  # fmt: skip
    return by_unit.sort_values("within_promise_share", kind="stable").reset_index(drop=True)


def _same(new: pd.DataFrame, old: pd.DataFrame, what: str = "") -> None:
    """Equal values, column names and order (dtypes of the label columns may be object or
    str: the JSON, CSV and tables show both alike)."""
    pd.testing.assert_frame_equal(new, old, check_dtype=False, check_index_type=False, obj=what)
    for column in new.columns:
        if new[column].dtype.kind in "iufb" or old[column].dtype.kind in "iufb":
            assert new[column].dtype == old[column].dtype, column


@st.composite
def registers(draw: Any) -> pd.DataFrame:
    n = draw(st.integers(1, 60))
    pick = lambda pool: draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))  # noqa: E731
    start = pd.Timestamp("2022-01-01")
    received = start + pd.to_timedelta(draw(st.lists(st.integers(0, 900), min_size=n,
                                                     max_size=n)), unit="D")  # fmt: skip
    lag = pd.to_timedelta(pick([-2, 0, 1, 5, 14, 15, 40, None]), unit="D")
    closing = pd.to_timedelta(pick([0, 3, 30, None]), unit="D")
    # an item closed without any reply (review 9 finding 1): closed days after its receipt
    unanswered_closing = pd.to_timedelta(pick([None, 2, 20]), unit="D")
    return pd.DataFrame(
        {
            "row": np.arange(2, n + 2),
            "id": None,
            "received": pd.Series(received, dtype="datetime64[ns]"),
            "answered": pd.Series(received + lag, dtype="datetime64[ns]"),
            "closed": pd.Series(
                (received + lag + closing).where(lag.notna(), received + unanswered_closing),
                dtype="datetime64[ns]",
            ),
            "type": pd.Series(pick(list(TYPES)), dtype=object),
            "unit": pd.Series(
                pick(["Bygg", "Skola", "Vård", "–", "Äldre", "a", "B"]), dtype=object
            ),
            "channel": pd.Series(pick(["webb", "telefon", None, "e-post"]), dtype=object),
            "category": None,
            "contact": np.array(pick([True, True, False]), dtype=bool),
        }
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=True)  # fmt: skip
@given(registers(), st.sampled_from(["month", "quarter", "year"]),
       st.sampled_from(["14 days", "5 working days"]))  # fmt: skip
def test_tables_equal_the_pandas_formulation(
    frame: pd.DataFrame, period: Any, promise: str
) -> None:
    limit = parse_limit(promise)
    a = fb.analyse_feedback(frame, limit, None, period)
    items = frame[frame["received"] <= a.as_of].reset_index(drop=True)
    _same(a.by_type, _counts_old(items, "type", list(TYPES)), "by_type")
    _same(a.by_unit, _counts_old(items, "unit"), "by_unit")
    channel = items[items["channel"].notna()]
    if len(channel):
        _same(a.by_channel, _counts_old(channel, "channel"), "by_channel")
    _same(a.by_unit_type, _by_unit_type_old(items), "by_unit_type")
    _same(a.by_period, _by_period_old(items, period), "by_period")
    assert a.backlog is not None
    _same(a.backlog, _backlog_old(items, limit, a.as_of), "backlog")
    # the reply share's decided items are its answered ones plus the backlog's unanswered ones
    assert a.reply.n_unanswered_overdue == int(a.backlog["n_unanswered_overdue"].sum())
    contact = items[items["contact"].to_numpy(dtype=bool)]
    if len(contact):
        old = _reply_by_unit_old(contact, limit, a.as_of)
        # the Kaplan-Meier columns after them are new (review 10a finding 1; against R in
        # test_feedback_km.py): the old columns first, unchanged
        assert list(a.reply_by_unit.columns[: len(old.columns)]) == list(old.columns)
        _same(a.reply_by_unit[list(old.columns)], old, "reply_by_unit")
        by = a.reply_by_unit  # every timed item is answered or censored
        assert (by["n_answered"] + by["n_unanswered"] <= by["n_with_contact"]).all()
    if len(a.trend):
        counts = a.trend[a.trend["measure"] == "count"]
        day = items["received"].dt.normalize()
        cur = a.trend_window["current"]  # type: ignore[index]
        in_cur = day.between(pd.Timestamp(cur["from"]), pd.Timestamp(cur["to"]))
        units = counts[counts["level"] == "unit"]
        expected = items["unit"][in_cur].value_counts().reindex(units["key"], fill_value=0)
        assert units["value"].tolist() == expected.tolist()


def test_a_broken_variant_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Units in order of first appearance rather than sorted: the comparison sees it."""
    rng = np.random.default_rng(2)
    n = 200
    received = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    items = pd.DataFrame(
        {
            "received": received,
            "answered": received + pd.to_timedelta(rng.integers(0, 30, n), unit="D"),
            "closed": pd.NaT,
            "type": rng.choice(list(TYPES), n).astype(object),
            "unit": rng.choice(["Skola", "Bygg", "Vård"], n).astype(object),
            "channel": None,
            "contact": rng.random(n) < 0.7,
        }
    )
    good = fb.analyse_feedback(items, "14 days")
    _same(good.by_unit_type, _by_unit_type_old(items))
    monkeypatch.setattr(CodedKeys, "sorted_order", lambda self: np.arange(len(self.labels)))
    bad = fb.analyse_feedback(items, "14 days")
    with pytest.raises(AssertionError):
        _same(bad.by_unit_type, _by_unit_type_old(items))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(-4000, 30000)), max_size=40),
       st.sampled_from(["month", "quarter", "year"]), st.booleans())  # fmt: skip
def test_period_labels_equal_pandas_periods_as_text(days: list[Any], period: Any,
                                                    shifted: bool) -> None:  # fmt: skip
    """period_labels writes each distinct period once; the labels equal pandas' own."""
    start = pd.Series(
        pd.to_datetime([None if d is None else pd.Timestamp("1970-01-01") + pd.Timedelta(days=d,
                        hours=d % 24) for d in days]), dtype="datetime64[ns]", name="start",
    )  # fmt: skip
    if shifted:
        start.index = start.index + 7
    freq = {"month": "M", "quarter": "Q", "year": "Y"}[period]
    old = start.dt.to_period(freq).astype("str").where(start.notna())
    pd.testing.assert_series_equal(period_labels(start, period), old)
