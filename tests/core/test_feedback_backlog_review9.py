"""Review 9 finding 1: the reply promise's count of unanswered items older than the promise
held only the open ones (51 on the sample) and left out the 55 closed without any reply, while
the reply share already counted them as late. It now counts every item with contact details and
no reply at as_of older than the promise, open or closed (106), names the closed ones apart, and
equals the unanswered decided items of the reply share (1 951 decided, 1 845 answered).

Reference: r/feedback_backlog_review9.py, plain pandas on the workbook (not the tool's loader or
case engine), stored in r/feedback_backlog_review9.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.core.durations import parse_limit
from servqual_cli.core.feedback import FeedbackAnalysis, analyse_feedback
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"
STORED = json.loads((Path(__file__).parent / "r" / "feedback_backlog_review9.json").read_text())


@pytest.fixture(scope="module")
def analysis() -> FeedbackAnalysis:
    data = load_feedback(read_table(str(SAMPLE)))
    return analyse_feedback(data.frame, parse_limit("14 days"), STORED["as_of"], "month", 0.95,
                            has_closed=True)  # fmt: skip


def test_the_count_holds_the_items_closed_without_a_reply(analysis: FeedbackAnalysis) -> None:
    assert analysis.backlog is not None
    b = analysis.backlog.set_index("unit")
    for column in ("n_unanswered_overdue", "n_unanswered_overdue_closed"):
        assert b[column].sort_index().to_dict() == STORED["by_unit"][column], column
    assert int(b["n_unanswered_overdue"].sum()) == STORED["n_unanswered_overdue"] == 106
    assert int(b["n_unanswered_overdue_closed"].sum()) == STORED["n_unanswered_overdue_closed"]
    assert STORED["n_unanswered_overdue_closed"] == 55  # the reviewer's count, 30 + 25
    assert STORED["closed_unanswered_by_year"] == {"2023": 30, "2024": 25}


def test_the_count_is_the_reply_shares_unanswered_decided(analysis: FeedbackAnalysis) -> None:
    r, ref = analysis.reply, STORED["reply"]
    assert (r.n_decided, r.within_promise) == (ref["n_decided"], ref["within_promise"])
    assert r.n_decided - r.n_unanswered_overdue == ref["n_answered_decided"] == 1845
    assert r.n_unanswered_overdue == STORED["n_unanswered_overdue"]
    by_unit = analysis.reply_by_unit.set_index("unit")["n_decided"].sort_index().to_dict()
    assert by_unit == STORED["by_unit"]["n_decided"]
    answered = STORED["by_unit"]["n_answered_decided"]
    late = {u: by_unit[u] - answered[u] for u in by_unit}
    assert late == STORED["by_unit"]["n_unanswered_overdue"]


def _register(rows: list[tuple[str, str | None, str | None, bool]]) -> pd.DataFrame:
    """Items as (received, answered, closed, contact), all complaints in unit "A"."""
    frame = pd.DataFrame(rows, columns=["received", "answered", "closed", "contact"])
    for col in ("received", "answered", "closed"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return frame.assign(type="klagomål", unit="A", channel=None)


def test_which_items_count() -> None:
    f = _register(
        [
            ("2024-03-01", None, "2024-03-05", True),  # closed without a reply, late: counts
            ("2024-03-01", None, None, True),  # open without a reply, late: counts
            ("2024-03-01", "2024-05-02", None, True),  # answered after as_of: counts, open
            ("2024-03-01", None, "2024-05-02", True),  # closed after as_of: counts, open
            ("2024-03-01", None, "2024-03-05", False),  # anonymous: promised no reply
            ("2024-03-01", "2024-03-20", "2024-03-20", True),  # answered late: not unanswered
            ("2024-04-25", None, "2024-04-26", True),  # closed young: not past the promise
        ]
    )
    a = analyse_feedback(f, "14 dagar", as_of="2024-04-30")
    assert a.backlog is not None
    (row,) = a.backlog.to_dict("records")
    assert (row["n_unanswered_overdue"], row["n_unanswered_overdue_closed"]) == (4, 1)
    assert a.reply.n_unanswered_overdue == 4
    # decided: the four unanswered and the one answered late (the young item is too recent)
    assert (a.reply.n_decided, a.reply.within_promise) == (5, 0)
