"""Tests of the Swedish working-day calendar.

Known answers are worked out by hand in the comments (hours per calendar day, 0 for days off);
the holiday list is checked against a table typed in from the law (lag 1989:253, semesterlag
1977:480 7 §) and the almanac, and the vectorised arithmetic against a day-by-day loop.
"""

from __future__ import annotations

import datetime as dt

import holidays
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.calendar import (
    STOCKHOLM,
    swedish_holidays,
    to_local_wall_time,
    working_day_mask,
    working_days_between,
    working_hours_between,
)

# --------------------------------------------------------------------------------------------
# The holiday table, typed in by hand. Easter Sundays: 2019-04-21, 2020-04-12, 2021-04-04,
# 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05; långfredagen = Easter - 2,
# annandag påsk = Easter + 1, Kristi himmelsfärdsdag = Easter + 39, pingstdagen = Easter + 49.
# Midsommardagen is the Saturday 20-26 June, midsommarafton the day before; alla helgons dag is
# the Saturday 31 October - 6 November.
# --------------------------------------------------------------------------------------------
MOVABLE = {
    # year: (långfredagen, påskdagen, annandag påsk, Kristi himmelsfärd, pingstdagen,
    #        midsommarafton, midsommardagen, alla helgons dag)
    2019: ("04-19", "04-21", "04-22", "05-30", "06-09", "06-21", "06-22", "11-02"),
    2020: ("04-10", "04-12", "04-13", "05-21", "05-31", "06-19", "06-20", "10-31"),
    2021: ("04-02", "04-04", "04-05", "05-13", "05-23", "06-25", "06-26", "11-06"),
    2022: ("04-15", "04-17", "04-18", "05-26", "06-05", "06-24", "06-25", "11-05"),
    2023: ("04-07", "04-09", "04-10", "05-18", "05-28", "06-23", "06-24", "11-04"),
    2024: ("03-29", "03-31", "04-01", "05-09", "05-19", "06-21", "06-22", "11-02"),
    2025: ("04-18", "04-20", "04-21", "05-29", "06-08", "06-20", "06-21", "11-01"),
    2026: ("04-03", "04-05", "04-06", "05-14", "05-24", "06-19", "06-20", "10-31"),
}
MOVABLE_NAMES = (
    "Långfredagen",
    "Påskdagen",
    "Annandag påsk",
    "Kristi himmelsfärdsdag",
    "Pingstdagen",
    "Midsommarafton",
    "Midsommardagen",
    "Alla helgons dag",
)
FIXED = {
    "Nyårsdagen": "01-01",
    "Trettondedag jul": "01-06",
    "Första maj": "05-01",
    "Nationaldagen": "06-06",
    "Julafton": "12-24",
    "Juldagen": "12-25",
    "Annandag jul": "12-26",
    "Nyårsafton": "12-31",
}
DE_FACTO = {"Midsommarafton", "Julafton", "Nyårsafton"}


def hand_table() -> set[tuple[str, str, str]]:
    rows = set()
    for year, days in MOVABLE.items():
        for name, md in zip(MOVABLE_NAMES, days, strict=True):
            rows.add((f"{year}-{md}", name, "de_facto" if name in DE_FACTO else "public"))
        for name, md in FIXED.items():
            rows.add((f"{year}-{md}", name, "de_facto" if name in DE_FACTO else "public"))
    return rows


def test_holiday_table_2019_2026_matches_hand_table() -> None:
    table = swedish_holidays(range(2019, 2027))
    got = set(zip(table["date"].dt.strftime("%Y-%m-%d"), table["name"], table["kind"], strict=True))
    assert got == hand_table()
    assert len(table) == 16 * 8


def test_no_sundays_listed_as_holidays() -> None:
    # The package can list every Sunday ("Söndag"); those are weekends, not holidays.
    table = swedish_holidays(range(2019, 2027))
    assert not table["name"].str.contains("Söndag|Sunday").any()


def test_de_facto_days_agree_with_holidays_package_when_it_has_them() -> None:
    try:
        package = holidays.country_holidays(
            "SE", years=range(2019, 2027), categories=("de_facto",), language="sv"
        )
    except Exception:  # older releases have no de facto category
        pytest.skip("holidays package has no DE_FACTO category")
    table = swedish_holidays(range(2019, 2027))
    ours = set(table.loc[table["kind"] == "de_facto", "date"].dt.date)
    assert ours == set(package)


def test_weekday_holidays_are_not_working_days() -> None:
    days = pd.to_datetime(sorted(d for d, _, _ in hand_table()))
    weekday = days.day_of_week < 5
    assert not working_day_mask(days[weekday]).any()


def test_working_days_in_2024() -> None:
    # 2024 starts on a Monday: 52 weeks = 260 weekdays, plus Mon 30 and Tue 31 December = 262.
    # Weekday days off: 1 Jan (Mon), 29 Mar, 1 Apr, 1 May, 9 May, 6 Jun, 21 Jun (midsommarafton),
    # 24, 25, 26 and 31 Dec = 11 (6 Jan, 22 Jun, 2 Nov are Saturdays). 262 - 11 = 251.
    assert working_days_between("2023-12-31", "2024-12-31")[0] == 251


# --------------------------------------------------------------------------------------------
# Working hours, by hand. Each comment lists the hours counted per day.
# --------------------------------------------------------------------------------------------
HAND_CASES = [
    # Fri 31 May 2024 15:00 -> Mon 3 Jun 10:00: Fri 9 + Sat 0 + Sun 0 + Mon 10 = 19
    ("friday afternoon to monday", "2024-05-31 15:00", "2024-06-03 10:00", 19.0),
    # Easter 2020: Thu 9 Apr 16:00 -> Tue 14 Apr 09:00: Thu 8 + Fri (långfredagen) 0 + Sat 0
    # + Sun 0 + Mon (annandag påsk) 0 + Tue 9 = 17
    ("easter 2020", "2020-04-09 16:00", "2020-04-14 09:00", 17.0),
    # Easter 2024 (and the DST change on Sun 31 Mar): Thu 28 Mar 12:00 -> Tue 2 Apr 12:00:
    # Thu 12 + Fri 0 + Sat 0 + Sun 0 + Mon 0 + Tue 12 = 24
    ("easter 2024", "2024-03-28 12:00", "2024-04-02 12:00", 24.0),
    # Midsummer 2020: Thu 18 Jun 20:00 -> Mon 22 Jun 08:00: Thu 4 + Fri (midsommarafton) 0
    # + Sat (midsommardagen) 0 + Sun 0 + Mon 8 = 12
    ("midsummer 2020", "2020-06-18 20:00", "2020-06-22 08:00", 12.0),
    # Christmas and New Year 2024/25: Mon 23 Dec 12:00 -> Thu 2 Jan 12:00: Mon 12
    # + 24, 25, 26 Dec 0 + Fri 27 24 + Sat, Sun 0 + Mon 30 24 + Tue 31 (nyårsafton) 0
    # + Wed 1 Jan 0 + Thu 12 = 72
    ("christmas 2024", "2024-12-23 12:00", "2025-01-02 12:00", 72.0),
    # Christmas 2020/21 to trettondedag: Wed 23 Dec 00:00 -> Thu 7 Jan 00:00: 23 Dec 24
    # + 24-27 Dec 0 + 28, 29, 30 Dec 3 x 24 + 31 Dec, 1 Jan 0 + 2, 3 Jan 0 + 4, 5 Jan 2 x 24
    # + 6 Jan 0 = 6 x 24 = 144
    ("christmas 2020", "2020-12-23 00:00", "2021-01-07 00:00", 144.0),
    # Kristi himmelsfärd 2024: Wed 8 May 17:00 -> Fri 10 May 09:00: Wed 7 + Thu 0 + Fri 9 = 16
    ("ascension 2024", "2024-05-08 17:00", "2024-05-10 09:00", 16.0),
    # Nationaldagen on a Thursday: Wed 5 Jun 2024 10:00 -> Fri 7 Jun 10:00: 14 + 0 + 10 = 24
    ("national day 2024", "2024-06-05 10:00", "2024-06-07 10:00", 24.0),
    # Nationaldagen on a Friday: Thu 5 Jun 2025 12:00 -> Mon 9 Jun 12:00: Thu 12 + Fri 0
    # + Sat 0 + Sun (pingstdagen) 0 + Mon 12 = 24 (annandag pingst is no holiday since 2005)
    ("national day 2025", "2025-06-05 12:00", "2025-06-09 12:00", 24.0),
    # Sent on a Saturday: Sat 8 Jun 2024 11:00 -> Mon 10 Jun 13:00: 0 + 0 + 13 = 13
    ("sent saturday", "2024-06-08 11:00", "2024-06-10 13:00", 13.0),
    # Sent and answered in the same weekend: 0
    ("within a weekend", "2024-06-08 11:00", "2024-06-09 18:00", 0.0),
    # Same working day: Tue 11 Jun 2024 09:15 -> 11:45 = 2.5
    ("same day", "2024-06-11 09:15", "2024-06-11 11:45", 2.5),
    # Answered "before" sent: Tue 11 Jun 09:00 -> Mon 10 Jun 13:00 is minus (Mon 11 + Tue 9) = -20
    ("end before start", "2024-06-11 09:00", "2024-06-10 13:00", -20.0),
    # Reversed across a weekend: Mon 3 Jun 10:00 -> Fri 31 May 15:00 is -(9 + 10) = -19
    ("end before start over weekend", "2024-06-03 10:00", "2024-05-31 15:00", -19.0),
    # DST starts Sun 30 Mar 2025: Fri 28 Mar 15:00 -> Mon 31 Mar 10:00: 9 + 0 + 0 + 10 = 19
    # (66 real hours elapsed, 67 on the wall clock; the lost hour is on the Sunday)
    ("dst spring 2025", "2025-03-28 15:00", "2025-03-31 10:00", 19.0),
    # DST ends Sun 27 Oct 2024: Fri 25 Oct 15:00 -> Mon 28 Oct 10:00: 19 (68 real hours)
    ("dst autumn 2024", "2024-10-25 15:00", "2024-10-28 10:00", 19.0),
]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [case[1:] for case in HAND_CASES],
    ids=[case[0] for case in HAND_CASES],
)
def test_working_hours_hand_cases(start: str, end: str, expected: float) -> None:
    assert working_hours_between(start, end)[0] == pytest.approx(expected, abs=1e-9)


def test_working_hours_vectorised_equals_one_by_one() -> None:
    starts = [case[1] for case in HAND_CASES]
    ends = [case[2] for case in HAND_CASES]
    expected = [case[3] for case in HAND_CASES]
    np.testing.assert_allclose(working_hours_between(starts, ends), expected, atol=1e-9)


def test_never_answered_is_nan() -> None:
    out = working_hours_between(pd.Series(["2024-06-10 08:00", None]), pd.Series([None, None]))
    assert np.isnan(out).all()
    assert np.isnan(working_days_between(["2024-06-10"], [None])).all()


def test_tz_aware_input_is_converted_to_stockholm_time() -> None:
    # 14:00Z on Fri 28 Mar 2025 is 15:00 CET; 08:00Z on Mon 31 Mar is 10:00 CEST: 19 hours as
    # in the "dst spring 2025" case.
    start = pd.Series(pd.to_datetime(["2025-03-28T14:00:00Z"]))
    end = pd.Series(pd.to_datetime(["2025-03-31T08:00:00Z"]))
    assert working_hours_between(start, end)[0] == pytest.approx(19.0)
    # A UTC time just before midnight UTC is already the next (local) day: Sat 1 Jun 2024 00:30.
    assert not working_day_mask(pd.to_datetime(["2024-05-31T22:30:00Z"]))[0]


def test_dst_changes_2019_2026_all_fall_on_sundays() -> None:
    # The documented reason why wall-clock and real working hours agree: every change of the
    # UTC offset in Europe/Stockholm happens on a Sunday, never a working day.
    utc = pd.date_range("2019-01-01", "2027-01-01", freq="h", tz="UTC")
    local = utc.tz_convert(STOCKHOLM)
    offset = local.tz_localize(None) - utc.tz_localize(None)
    changed = local[1:][np.diff(offset.asi8) != 0]
    assert len(changed) == 16  # two a year
    assert (changed.day_of_week == 6).all()
    assert not working_day_mask(changed).any()


def test_working_days_counts_days_after_start_up_to_end() -> None:
    # Fri -> Mon = 1; same day = 0; Thu 28 Mar 2024 -> Tue 2 Apr (Easter) = 1;
    # Mon 23 Dec 2024 -> Thu 2 Jan 2025 = 27 Dec, 30 Dec, 2 Jan = 3; Sat -> Sun = 0.
    out = working_days_between(
        ["2024-05-31 16:00", "2024-06-03", "2024-03-28", "2024-12-23", "2024-06-08"],
        ["2024-06-03 08:00", "2024-06-03", "2024-04-02", "2025-01-02", "2024-06-09"],
    )
    np.testing.assert_array_equal(out, [1, 0, 1, 3, 0])
    # Reversed order gives minus the working days after the end date up to the start date.
    assert working_days_between("2024-06-03", "2024-05-31")[0] == -1


def test_to_local_wall_time_accepts_numpy_and_scalars() -> None:
    days = np.array(["2024-01-01", "NaT"], dtype="datetime64[D]")
    out = to_local_wall_time(days)
    assert out.dtype == np.dtype("datetime64[ns]")
    assert np.isnat(out[1])
    assert to_local_wall_time(pd.Timestamp("2024-01-01 12:00")).shape == (1,)


# --------------------------------------------------------------------------------------------
# Invariants and an independent day-by-day reference.
# --------------------------------------------------------------------------------------------
_PACKAGE_DAYS_OFF = (
    set(holidays.country_holidays("SE", years=range(2018, 2028), language="sv"))
    | {d for y in range(2018, 2028) for d in (dt.date(y, 12, 24), dt.date(y, 12, 31))}
    | {
        dt.date(y, 6, 19) + dt.timedelta(days=(4 - dt.date(y, 6, 19).weekday()) % 7)
        for y in range(2018, 2028)
    }
)


def loop_working_hours(start: dt.datetime, end: dt.datetime) -> float:
    """Day-by-day reference: add the part of each working day inside [start, end]."""
    total = 0.0
    day = start.date()
    while day <= end.date():
        day_start = dt.datetime.combine(day, dt.time())
        lo, hi = max(start, day_start), min(end, day_start + dt.timedelta(days=1))
        if hi > lo and day.weekday() < 5 and day not in _PACKAGE_DAYS_OFF:
            total += (hi - lo).total_seconds() / 3600
        day += dt.timedelta(days=1)
    return total


times = st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2026, 12, 31)).map(
    lambda t: t.replace(second=0, microsecond=0)
)
spans = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=40))


@settings(max_examples=150, deadline=None)
@given(start=times, span=spans)
def test_matches_day_by_day_loop(start: dt.datetime, span: dt.timedelta) -> None:
    end = start + span
    assert working_hours_between(start, end)[0] == pytest.approx(
        loop_working_hours(start, end), abs=1e-9
    )
    # Working days: count the working dates after the start date up to the end date.
    dates = [start.date() + dt.timedelta(days=i) for i in range(1, span.days + 2)]
    expected_days = sum(
        d <= end.date() and d.weekday() < 5 and d not in _PACKAGE_DAYS_OFF for d in dates
    )
    assert working_days_between(start, end)[0] == expected_days


@settings(max_examples=100, deadline=None)
@given(start=times, span1=spans, span2=spans)
def test_bounded_monotone_and_additive(
    start: dt.datetime, span1: dt.timedelta, span2: dt.timedelta
) -> None:
    mid, end = start + span1, start + span1 + span2
    a_b, b_c, a_c = working_hours_between([start, mid, start], [mid, end, end])
    elapsed = (end - start).total_seconds() / 3600
    assert 0.0 <= a_c <= elapsed + 1e-9  # never more than the elapsed (wall-clock) time
    assert a_b <= a_c + 1e-9  # monotone in the end
    assert a_b + b_c == pytest.approx(a_c, abs=1e-6)  # additive
    # Antisymmetric: swapping start and end negates both counts.
    assert working_hours_between(end, start)[0] == pytest.approx(-a_c, abs=1e-9)
    assert working_days_between(end, start)[0] == -working_days_between(start, end)[0]


@settings(max_examples=100, deadline=None)
@given(
    week1=st.integers(0, 400),
    weeks=st.integers(0, 20),
    u1=st.floats(0, 1),
    u2=st.floats(0, 1),
)
def test_weekend_at_either_end_does_not_count(week1: int, weeks: int, u1: float, u2: float) -> None:
    # Start anywhere in a weekend (Sat 00:00 - Mon 00:00) gives the same as Monday 00:00; end
    # anywhere in a later weekend gives the same as that Saturday 00:00.
    saturday1 = pd.Timestamp("2019-01-05") + pd.Timedelta(weeks=week1)
    saturday2 = saturday1 + pd.Timedelta(weeks=weeks + 1)
    start = saturday1 + pd.Timedelta(hours=48 * u1)
    end = saturday2 + pd.Timedelta(hours=48 * u2)
    monday1 = saturday1 + pd.Timedelta(days=2)
    got, reference = working_hours_between([start, monday1], [end, saturday2])
    assert got == pytest.approx(reference, abs=1e-9)
