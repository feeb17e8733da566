"""Session 15 (w-logrank): the reply trend's log-rank row in the workbook's sheet "Svar, trend"
("Replies trend") and in Markdown, where the later window's curve never comes down to one half:
the median is the text "> N" (N that window's longest follow-up), never a number, and the
difference of the medians is empty; the verdict (data, not a column) follows the log-rank test.

A constructed register as of 2024-12-31: 2023 twenty items answered in 3-7 days; 2024 six answered
in 1-2 days and fourteen never (received 1 March: censored at 305 days). Among the answered 2024 is
faster; over every item slower (R survdiff chi-square 12.3996, p 0.00043, O - E of 2024 -8.20;
survfit medians 5 and NA).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.report.excel import build_workbook
from servqual_cli.report.feedback_sections import feedback_sections
from servqual_cli.report.markdown import render_document
from servqual_cli.report.spec import Document


def _analysis() -> Any:
    got = [pd.Timestamp("2023-03-01")] * 20 + [pd.Timestamp("2024-03-01")] * 20
    ans = [g + pd.Timedelta(days=3 + i % 5) for i, g in enumerate(got[:20])]
    ans += [got[20] + pd.Timedelta(days=1 + i % 2) for i in range(6)] + [pd.NaT] * 14
    frame = pd.DataFrame({"received": got, "answered": ans, "closed": pd.NaT,
                          "type": "klagomål", "unit": "Bygg", "channel": None,
                          "contact": True})  # fmt: skip
    return analyse_feedback(frame, "14 dagar", as_of="2024-12-31")


@pytest.fixture(scope="module", params=["sv", "en"])
def doc(request: pytest.FixtureRequest) -> Document:
    sections = feedback_sections(_analysis(), {}, request.param)
    return Document(title="t", sections=tuple(sections), meta={"lang": request.param})


def test_the_row_against_r() -> None:
    km = _analysis().trend_km
    assert km.test.observed == (20, 6)
    assert km.test.chi2 == pytest.approx(12.399568, rel=1e-7)  # R survdiff
    assert km.test.p == pytest.approx(0.00042943313, rel=1e-7)
    assert km.test.observed[1] - km.test.expected[1] == pytest.approx(-8.202516, rel=1e-6)
    assert km.previous.median == 5.0 and pd.isna(km.current.median)
    assert km.current.follow_up == 305.0
    assert km.verdict == "worse"
    rows = _analysis().trend.set_index("measure")["verdict"]
    assert (rows["shift_days_to_reply"], rows["km_days_to_reply"]) == ("better", "worse")


def test_sheet_shows_more_than(doc: Document) -> None:
    sv = doc.meta["lang"] == "sv"
    ws = build_workbook(doc)["Svar, trend" if sv else "Replies trend"]
    rows = [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]
    head = [c.value for c in ws[2]]
    assert head[-1] == "p (Holm)"
    name = "Median dagar till svar, obesvarade" if sv else "Median days to reply, unanswered"
    at = next(i for i, r in enumerate(rows) if str(r[0]).startswith(name))
    km = rows[at]
    assert km[2:5] == [5, "> 305", None]  # a number, the text "> N", no difference
    assert km[-2] == km[-1] == pytest.approx(0.00042943313, rel=1e-7)  # p, p (Holm)
    # the answered-only shift reads the other way (fewer days, p < 0.05): the row is what
    # shows the change
    shift = rows[at - 1]
    assert shift[4] < 0 and shift[-2] < 0.05


def test_markdown_row(doc: Document) -> None:
    sv = doc.meta["lang"] == "sv"
    text = render_document(doc).replace("\xa0", " ")
    line = next(x for x in text.splitlines() if "(Kaplan-Meier)" in x and x.startswith("|"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[2:5] == (["5,0", "> 305", "–"] if sv else ["5.0", "> 305", "–"])
