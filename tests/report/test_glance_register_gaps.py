"""Review 12a finding 1: a unit with no item in one of the two windows (renamed or
reorganised) is no "more items" row of "Resultat i korthet": on the old code
tests/data/feedback_renamed.csv's Samhällsbyggnad (0 → 20 in 2025, Teknik's new name) became
"Fler synpunkter … Samhällsbyggnad", and Teknik's 10 → 0 was nowhere in the overview.
Review 16 finding 3: both are now rows saying they are not compared, with no change or verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table
from servqual_cli.report.glance_rows import feedback_rows

CSV = Path(__file__).resolve().parents[1] / "data" / "feedback_renamed.csv"


@pytest.fixture(scope="module")
def analysis():
    data = load_feedback(read_table(str(CSV)))
    return analyse_feedback(data.frame, "14 days", None, "month", 0.95, has_closed=True)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_unit_absent_from_one_window_is_no_overview_row(analysis, lang: str) -> None:
    t = analysis.trend
    units = t[t["level"].eq("unit")].set_index("key")
    assert units.loc["Samhällsbyggnad", ["value", "previous_value"]].tolist() == [20, 0]
    assert not units.loc[["Samhällsbyggnad", "Teknik"], "compared"].any()
    rows = feedback_rows(analysis, lang)
    assert [r.kind for r in rows] == ["feedback", "feedback", "backlog"]
    # review 16 finding 3: each is named as not compared, with no change and no verdict
    gone = rows[:2]
    assert [r.name.split(": ")[1] for r in gone] == ["Teknik", "Samhällsbyggnad"]
    assert [(r.value, r.period) for r in gone] == [(10.0, "2024"), (20.0, "2025")]
    assert all(
        r.change is None and r.change_verdict is None and r.previous_value is None for r in gone
    )


def test_a_compared_unit_still_becomes_a_row(analysis) -> None:
    """The filter reads ``compared``, not a name: flipping it back gives the old row."""
    from dataclasses import replace

    t = analysis.trend.copy()
    rise = t["key"].eq("Samhällsbyggnad").to_numpy()
    t.loc[rise, ["compared", "estimate", "ci_low", "ci_high", "p_holm"]] = [
        True,
        9.0,
        2.0,
        40.0,
        0.001,
    ]
    rows = feedback_rows(replace(analysis, trend=t), "en")
    assert [r.short_name for r in rows if r.change is not None] == ["Samhällsbyggnad"]
    # Teknik alone is left out of the comparison now
    assert [r.name for r in rows if r.kind == "feedback" and r.change is None] == [
        "Feedback items: Teknik"
    ]
