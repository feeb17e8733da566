"""A date-only end on the start's own date is not "end before start" (review 2, item 2): a case
received 2024-03-07 08:00 and closed "2024-03-07" (a date, as case systems export "closed
today") was excluded from feedback timing and from KPI durations. One rule, in vocab/date_order.py,
for the feedback, KPI and contacts readers and the case engine."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.vocab.date_order import end_before_start, end_of_day_when_same_day

moments = st.datetimes(
    min_value=pd.Timestamp("2023-01-01").to_pydatetime(),
    max_value=pd.Timestamp("2025-12-31").to_pydatetime(),
).map(lambda d: pd.Timestamp(d).floor("min"))


@given(start=moments, end=moments)
def test_an_end_with_a_time_is_compared_as_it_is(start: pd.Timestamp, end: pd.Timestamp) -> None:
    if end == end.normalize():  # a date-only end: the rule below
        end = end + pd.Timedelta(minutes=1)
    assert end_before_start([start], [end]).tolist() == [end < start]


@given(start=moments, days=st.integers(-3, 3))
def test_a_date_only_end_is_the_end_of_its_day(start: pd.Timestamp, days: int) -> None:
    end = start.normalize() + pd.Timedelta(days=days)
    assert end_before_start([start], [end]).tolist() == [days < 0]
    moved = end_of_day_when_same_day(pd.Series([start]), pd.Series([end]))[0]
    assert moved >= start if days == 0 else moved == end


def test_kpi_duration_counts_a_same_day_close(cli, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text(
        "id,inkom,beslut\n1,2024-03-07 08:00,2024-03-07\n2,2024-03-07 09:30,2024-03-08\n"
        "3,2024-03-08 10:00,2024-03-07\n",
        encoding="utf-8",
    )
    (tmp_path / "k.toml").write_text(
        '[[kpi]]\nname = "Beslut"\naspect = "genomförandetid"\ndata = "d.csv"\n'
        'start = "inkom"\nend = "beslut"\nlimit = "5 days"\ntarget = 0.9\n',
        encoding="utf-8",
    )
    r = cli("kpi", tmp_path / "k.toml", "-f", "json")
    assert r.exit_code == 0, r.stderr
    kpi = json.loads(r.stdout)["kpis"][0]
    assert kpi["n"] == 2 and kpi["value"] == 1.0  # row 3 (a day early) is still excluded
    assert kpi["excluded"] == {"end_before_start": 1}


def test_feedback_keeps_the_timing_of_a_same_day_close(cli, data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "feedback_en.csv").read_text(encoding="utf-8").splitlines()
    head, first = lines[0], lines[1].split(",")
    first[1], first[-2], first[-1] = "2024-01-02 08:00", "2024-01-02", "2024-01-02"
    path = tmp_path / "f.csv"
    path.write_text("\n".join([head, ",".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    before = json.loads(cli("feedback", data_dir / "feedback_en.csv", "-f", "json").stdout)
    r = cli("feedback", path, "-f", "json")
    assert r.exit_code == 0, r.stderr
    # the file's own end-before-start rows stay; the same-day close adds none
    excluded = json.loads(r.stdout)["excluded"]
    assert excluded["end_before_start"] == before["excluded"]["end_before_start"]
    first[-1] = "2024-01-01"  # a day before the receipt: still excluded
    path.write_text("\n".join([head, ",".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    again = json.loads(cli("feedback", path, "-f", "json").stdout)["excluded"]
    assert again["end_before_start"] == excluded["end_before_start"] + 1
