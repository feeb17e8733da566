"""Review 12a finding 1: a unit with no item in one of the two windows (renamed or
reorganised) is no "more items" row of "Resultat i korthet": on the old code
tests/data/feedback_renamed.csv's Samhällsbyggnad (0 → 20 in 2025, Teknik's new name) became
"Fler synpunkter … Samhällsbyggnad", and Teknik's 10 → 0 was nowhere in the overview."""

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
    assert [r.kind for r in rows] == ["backlog"]
    assert not any("Samhällsbyggnad" in r.name or "Teknik" in r.name for r in rows)


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
    assert [r.short_name for r in rows if r.kind == "feedback"] == ["Samhällsbyggnad"]
