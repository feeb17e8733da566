"""The backlog table's order: bad news first by the count the overview reports (the reply
promise's unanswered items, closed or not), ties by name; not by the cases left open."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]


def _frame(rows: list[tuple[str, str, str | None, bool]]) -> pd.DataFrame:
    """Items as (unit, received, closed, contact); none answered."""
    frame = pd.DataFrame(rows, columns=["unit", "received", "closed", "contact"])
    frame["answered"] = None
    for col in ("received", "answered", "closed"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return frame.assign(type="klagomål", channel=None)


def test_units_by_unanswered_then_name_not_by_open() -> None:
    f = _frame(
        [
            ("B", "2024-03-01", None, False),  # open, anonymous: open overdue, promised nothing
            ("B", "2024-03-02", None, False),
            ("C", "2024-03-01", "2024-03-03", True),  # closed without a reply, late
            ("A", "2024-03-01", "2024-03-03", True),
        ]
    )
    b = analyse_feedback(f, "14 dagar", as_of="2024-04-30").backlog
    assert b["unit"].tolist() == ["A", "C", "B"]  # sorted by n_open_overdue it was B first
    assert b["n_unanswered_overdue"].tolist() == [1, 1, 0]
    assert b["n_open_overdue"].tolist() == [0, 0, 2]


def test_sample_order_is_the_overviews_count() -> None:
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    b = analyse_feedback(fb.frame, "14 days").backlog
    n = b["n_unanswered_overdue"].tolist()
    assert n == [36, 22, 21, 11, 11, 5] and sum(n) == 106
    assert b["unit"].tolist()[:2] == ["Tekniska förvaltningen", "Samhällsbyggnadsförvaltningen"]
    # the tie of 11: name order
    assert b["unit"].tolist()[3:5] == [
        "Barn- och utbildningsförvaltningen",
        "Kultur- och fritidsförvaltningen",
    ]
