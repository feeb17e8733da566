"""Dates as Swedish systems and people write them: ``kl. 10.15``, ``1 januari 2023``, ``1 jan.
2023`` (review 5, item 11), and (session 10) ``kl. 10``, a weekday first (``måndag 2 januari
2023``, ``mån 2 jan. 2023``, checked against the date) and ordinal days (``1:a januari 2023``).
Round trips through the formats, and the refusals written out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.errors import DataError, Location
from servqual_cli.io.cells import parse_dates, swedish_date_text
from servqual_cli.io.feedback_cells import check_date_column

# Written out here, not imported: the test must fail if the parser's table is wrong.
FULL = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december"]  # fmt: skip
SHORT = [["jan"], ["feb"], ["mar"], ["apr"], ["maj"], ["jun"], ["jul"], ["aug"], ["sep", "sept"],
         ["okt"], ["nov"], ["dec"]]  # fmt: skip
FULL_WEEKDAYS = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"}
# Monday first, as Python's date.weekday() counts; full name, then Svenska skrivregler's
# abbreviation and the forms systems print
WEEKDAYS = [["måndag", "mån"], ["tisdag", "tis"], ["onsdag", "ons"], ["torsdag", "tors", "tor"],
            ["fredag", "fre"], ["lördag", "lör"], ["söndag", "sön"]]  # fmt: skip


def _one(text: str) -> tuple[pd.Timestamp, object]:
    times, why = parse_dates(pd.Series([text], dtype=object))
    return times.iloc[0], why[0]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2023-01-01 kl. 10.15", "2023-01-01 10:15"),
        ("2023-01-01 kl 10:15", "2023-01-01 10:15"),
        ("2023-01-01 KL. 9.05", "2023-01-01 09:05"),
        ("2023-01-01 kl.10.15.30", "2023-01-01 10:15:30"),
        ("1 januari 2023", "2023-01-01"),
        ("1 jan. 2023", "2023-01-01"),
        ("1 jan 2023", "2023-01-01"),
        ("1 jan 2023 kl. 10.15", "2023-01-01 10:15"),
        ("15 Sept. 2024 kl 08:30", "2024-09-15 08:30"),
        ("29 FEBRUARI 2024", "2024-02-29"),
        ("  3 okt 2022 14.05 ", "2022-10-03 14:05"),
        ("31 december 2023", "2023-12-31"),
        # session 10: the hour alone after kl., a weekday first, an ordinal day
        ("2023-01-01 kl. 10", "2023-01-01 10:00"),
        ("2023-01-01 kl 9", "2023-01-01 09:00"),
        ("1 jan 2023 kl. 10", "2023-01-01 10:00"),
        ("måndag 2 januari 2023", "2023-01-02"),
        ("mån 2 jan. 2023", "2023-01-02"),
        ("Mån. den 2 jan 2023 kl. 8.30", "2023-01-02 08:30"),
        ("SÖNDAG, 1 JANUARI 2023", "2023-01-01"),
        ("tors 5 jan 2023", "2023-01-05"),
        ("1:a januari 2023", "2023-01-01"),
        ("2:a jan. 2023", "2023-01-02"),
        ("3:e mars 2023 kl. 9", "2023-03-03 09:00"),
        ("tisdag 21:a februari 2023", "2023-02-21"),
    ],
)
def test_swedish_forms_are_read(text: str, want: str) -> None:
    time, why = _one(text)
    assert why is None
    assert time == pd.Timestamp(want)


@pytest.mark.parametrize(
    "text",
    [
        "31 februari 2023",  # no such day
        "29 februari 2023",  # not a leap year
        "1 13e månaden 2023",
        "13e månaden 2023",
        "januari 2023",  # a month is not the time of an event
        "jan. 2023",
        "1 januari",  # no year
        "1 janu 2023",  # no such abbreviation
        "1 may 2023",  # English, not read
        "01/02/2023",  # day/month order is never guessed
        "2023-01-01 kl.",
        "2023-01-01 kl 25.00",
        "1 jan 2023 kl. 10.75",
        "32 jan 2023",
        "1 jan 2023 10",  # an hour without kl. could be anything
        "2023-01-01 kl 24",
        "fredag 30 februari 2023",  # no such day, whatever its weekday
        "midsommar 2 jan 2023",  # not a weekday
    ],
)
def test_refusals(text: str) -> None:
    time, why = _one(text)
    assert why == "invalid_date"
    assert pd.isna(time)


@pytest.mark.parametrize(
    "text",
    [
        "tisdag 2 januari 2023",  # 2 January 2023 was a Monday
        "mån 1 jan 2023",  # a Sunday
        "tisdag 3 mars 2024",  # a Sunday
        "Fre. den 3:e mars 2024 kl. 10.15",
    ],
)
def test_a_wrong_weekday_has_a_reason_of_its_own(text: str) -> None:
    """Refused as before (which of the two the writer meant cannot be told), but counted as
    "wrong weekday" / "fel veckodag", not "not a date" (l-small, session 11)."""
    time, why = _one(text)
    assert why == "wrong_weekday"
    assert pd.isna(time)


def test_a_month_without_a_day_is_refused_by_name() -> None:
    raw = pd.Series(["januari 2023", "februari 2023", "2023-03-01"], dtype=object)
    why = parse_dates(raw)[1]
    with pytest.raises(DataError, match="a month, not a day"):
        check_date_column(raw, why, np.arange(2, 5), Location("f.csv", None, None, "inkommen"))


def test_a_wrong_weekday_is_refused_by_name() -> None:
    raw = pd.Series(["tisdag 2 januari 2023", "ons 5 jan 2023", "2023-03-01"], dtype=object)
    why = parse_dates(raw)[1]
    assert why.tolist() == ["wrong_weekday", "wrong_weekday", None]  # a Monday, a Thursday
    with pytest.raises(DataError, match="its weekday is wrong: that day is a måndag"):
        check_date_column(raw, why, np.arange(2, 5), Location("f.csv", None, None, "inkommen"))


def test_forms_are_counted_by_cell() -> None:
    cells = pd.Series(["1 jan 2023", "2023-01-01", "2023-01-01 kl 10.15", None, 3.0,
                       "31 feb 2023", dt.datetime(2023, 1, 1)], dtype=object)  # fmt: skip
    assert swedish_date_text(cells).tolist() == [True, False, True, False, False, False, False]


def test_many_cells_are_parsed_once_per_distinct_text() -> None:
    cells = pd.Series(["1 jan 2023", "2 jan 2023", "okänt"] * 20_000, dtype=object)
    times, why = parse_dates(cells)
    assert times.iloc[:2].tolist() == [pd.Timestamp("2023-01-01"), pd.Timestamp("2023-01-02")]
    assert (why[2::3] == "invalid_date").all() and (why[0::3] == None).all()  # noqa: E711


_MONTH = st.integers(1, 12)


@st.composite
def _written(draw: st.DrawFn) -> tuple[str, dt.datetime]:
    """A datetime and one Swedish way of writing it (the parser must give it back)."""
    day = draw(st.dates(dt.date(1700, 1, 1), dt.date(2200, 12, 31)))
    with_time = draw(st.booleans())
    time = draw(st.times()).replace(microsecond=0) if with_time else dt.time(0, 0)
    seconds = with_time and draw(st.booleans())
    if not seconds:
        time = time.replace(second=0)
    sep = draw(st.sampled_from([".", ":"]))
    clock = f"{time.hour:0{draw(st.sampled_from([1, 2]))}d}{sep}{time.minute:02d}"
    if seconds:
        clock += f"{sep}{time.second:02d}"
    # the hour alone, after kl. only (session 10): "kl. 10"
    hour_only = with_time and not seconds and draw(st.booleans())
    if hour_only:
        time = time.replace(minute=0)
    form = draw(st.sampled_from(["iso-kl", "written"]))
    if form == "iso-kl":
        kl = draw(st.sampled_from(["kl.", "kl", "KL.", "Kl", "kl. "]))
        if hour_only:
            clock = str(time.hour)
        text = f"{day.isoformat()} {kl}{'' if kl.endswith(' ') else ' '}{clock}"
        if not with_time:
            text = day.isoformat()
    else:
        names = [FULL[day.month - 1], *SHORT[day.month - 1]]
        name = draw(st.sampled_from(names))
        name = draw(st.sampled_from([name, name.upper(), name.capitalize()]))
        dot = draw(st.sampled_from(["", "."])) if name.lower() != FULL[day.month - 1] else ""
        number = str(day.day)
        if draw(st.booleans()):  # an ordinal: 1:a, 2:a, 3:e … 11:e, 12:e … 21:a, 22:a, 31:a
            first_two = day.day % 10 in (1, 2) and day.day not in (11, 12)
            number += ":a" if first_two else ":e"
        text = f"{number} {name}{dot} {day.year}"
        if draw(st.booleans()):  # the weekday first, the date's own (a wrong one is refused)
            wd = draw(st.sampled_from(WEEKDAYS[day.weekday()]))
            wd = draw(st.sampled_from([wd, wd.upper(), wd.capitalize()]))
            wd_dot = draw(st.sampled_from(["", "."])) if wd.lower() not in FULL_WEEKDAYS else ""
            den = draw(st.sampled_from(["", "den ", "Den "]))
            text = f"{wd}{wd_dot}{draw(st.sampled_from(['', ',']))} {den}{text}"
        if with_time:
            kl = draw(st.sampled_from(["kl. ", "kl ", "Kl."] if hour_only else
                                      ["", "kl. ", "kl ", "Kl."]))  # fmt: skip
            text += f" {kl}{time.hour if hour_only else clock}"
    return text, dt.datetime.combine(day, time)


@given(_written())
def test_round_trip(case: tuple[str, dt.datetime]) -> None:
    text, want = case
    time, why = _one(text)
    assert why is None, text
    assert time == pd.Timestamp(want), text


@given(st.dates(dt.date(1700, 1, 1), dt.date(2200, 12, 31)), st.integers(1, 6),
       st.sampled_from([0, 1]))  # fmt: skip
def test_any_other_weekday_is_refused(day: dt.date, shift: int, form: int) -> None:
    """Invariant: a written date whose weekday is not its own is never read (nor moved), and
    is counted as a wrong weekday (its own reason), never as "not a date"."""
    wd = WEEKDAYS[(day.weekday() + shift) % 7][form]
    time, why = _one(f"{wd} {day.day} {FULL[day.month - 1]} {day.year}")
    assert why == "wrong_weekday" and pd.isna(time)


# Every reader that parses dates gets the Swedish forms (they all call parse_dates).
def _raw(frame: dict[str, list[object]]) -> object:
    from servqual_cli.io.read import RawTable

    data = pd.DataFrame(frame, dtype=object)
    return RawTable(data, "t.csv", None, 1, np.arange(2, len(data) + 2), "")


def test_contacts_read_swedish_times() -> None:
    from servqual_cli.io.contacts import load_contacts

    table = _raw({"år": [2024, 2024], "kanal": ["e-post", "e-post"],
                  "skickad": ["5 mars 2024 kl. 08.10", "2024-03-05 kl 9.00"],
                  "besvarad": ["6 mars 2024 kl. 10.15", "31 februari 2024"]})  # fmt: skip
    data = load_contacts(table)  # type: ignore[arg-type]
    f = data.frame
    assert f["sent_at"].tolist() == [
        pd.Timestamp("2024-03-05 08:10"),
        pd.Timestamp("2024-03-05 09:00"),
    ]
    assert f["answered_at"].iloc[0] == pd.Timestamp("2024-03-06 10:15")
    assert data.excluded == {"invalid_date": 1}  # 31 februari


def test_kpi_data_read_swedish_dates(tmp_path: Path) -> None:
    from servqual_cli.io.kpi_config import load_kpi_config
    from servqual_cli.io.kpi_data import load_kpi_data
    from servqual_cli.io.read import read_table

    (tmp_path / "d.csv").write_text(
        "nr;skickad;besvarad\n1;5 mars 2024 kl. 08.10;6 mars 2024\n"
        "2;1 apr. 2024;2 APR 2024 kl 9.00\n3;april 2024;3 apr 2024\n",
        encoding="utf-8",
    )
    (tmp_path / "k.toml").write_text(
        'title = "T"\n[[kpi]]\nname = "K"\naspect = "väntetid"\ndata = "d.csv"\n'
        'start = "skickad"\nend = "besvarad"\nlimit = "14 days"\n',
        encoding="utf-8",
    )
    cfg = load_kpi_config(tmp_path / "k.toml")
    data = load_kpi_data(cfg.kpis[0], read_table(tmp_path / "d.csv"), cfg.path)
    assert data.frame["start"].tolist() == [
        pd.Timestamp("2024-03-05 08:10"),
        pd.Timestamp("2024-04-01"),
    ]
    assert data.frame["end"].tolist() == [
        pd.Timestamp("2024-03-06"),
        pd.Timestamp("2024-04-02 09:00"),
    ]
    assert data.log.counts() == {"invalid_date": 1}  # "april 2024": a month
