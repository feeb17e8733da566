"""Review 10a, finding 1: the Excel sheets "Svar" / "Svar per förvaltning" carry the days to
reply of every item (Kaplan-Meier, the unanswered censored) as numbers, and "> N" as text where
the curve never reaches the quantile; the sheets' note names the rule.

tests/data/feedback_closed_unanswered.csv at 2024-04-30: Teknik has three items with contact
details and no reply (follow-up 60 days), Skola one answered in 3 days and one without a reply.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table
from servqual_cli.report.excel import build_workbook
from servqual_cli.report.feedback_sections import feedback_sections
from servqual_cli.report.spec import Document, Table, Text

DATA = Path(__file__).parents[1] / "data" / "feedback_closed_unanswered.csv"


@pytest.fixture(scope="module", params=["sv", "en"])
def doc(request: pytest.FixtureRequest) -> Document:
    fb = load_feedback(read_table(DATA))
    a = analyse_feedback(fb.frame, "14 days", as_of="2024-04-30")
    sections = feedback_sections(a, fb.excluded, request.param)
    return Document(title="t", sections=tuple(sections), meta={"lang": request.param})


def _rows(ws: Any) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def test_sheets_hold_numbers_and_the_more_than_text(doc: Document) -> None:
    sv = doc.meta["lang"] == "sv"
    wb = build_workbook(doc)
    total, by_unit = (wb["Svar"], wb["Svar per förvaltning"]) if sv else (
        wb["Replies"], wb["Replies by unit"])  # fmt: skip
    head = ["Med kontaktuppgifter", "Besvarade", "Obesvarade", "Dagar till svar, median",
            "Median, 95\xa0% KI", "Dagar till svar, 90:e percentil", "90:e percentil, 95\xa0% KI",
            "Median dagar bland besvarade"] if sv else [
            "With contact details", "Answered", "Unanswered", "Days to reply, median",
            "Median, 95% CI", "Days to reply, 90th percentile", "90th percentile, 95% CI",
            "Median days among answered"]  # fmt: skip
    rows = _rows(total)
    assert rows[0][:8] == head
    # never a number for an unreached one; no interval where no limit is reached ("–")
    assert rows[1][:8] == [5, 1, 4, "> 60", "–", "> 60", "–", 3]
    units = {r[0]: r[1:9] for r in _rows(by_unit)[1:]}
    assert units["Teknik"][:7] == [3, 0, 3, "> 60", "–", "> 60", "–"]
    assert units["Teknik"][7] is None
    # the median a number with an interval whose upper limit is not reached (R: 3 and NA)
    skola = "[3; > 58]" if sv else "[3, > 58]"
    assert units["Skola"] == [2, 1, 1, 3, skola, "> 58", "–", 3]


def test_the_note_names_the_rule(doc: Document) -> None:
    sv = doc.meta["lang"] == "sv"
    blocks = [b for s in doc.sections for b in s.blocks]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [t.formats[("Dagar till svar, 90:e percentil" if sv else
                       "Days to reply, 90th percentile")] for t in tables
            if t.sheet in ("Svar", "Replies")] == [".1f"]  # fmt: skip
    notes = " ".join(
        [b.text for b in blocks if isinstance(b, Text)] + [t.note for t in tables if t.note]
    ).replace("\xa0", " ")
    rule = (
        "räknas som obesvarad i minst dagarna från inkommen till 2024-04-30 (censurerad, "
        "Kaplan-Meier), också om den avslutats utan svar"
        if sv
        else "counts as unanswered for at least the days from received to 2024-04-30 "
        "(censored, Kaplan-Meier), also when it was closed without a reply"
    )
    assert rule in notes
    assert ("de 4 som saknar svar" if sv else "the 4 without a reply") in notes


def test_the_workbook_carries_the_reply_note(doc: Document) -> None:
    """Review 11b, finding 2: the note was a text block after the tables, and the workbook writes
    a table's own note only, so "> 58" and Brookmeyer-Crowley were unexplained in Excel. The note
    is the per-unit table's now: its sheet carries it, and the document says it once."""
    sv = doc.meta["lang"] == "sv"
    wb = build_workbook(doc)
    by_unit = wb["Svar per förvaltning" if sv else "Replies by unit"]
    text = " ".join(str(c) for r in by_unit.iter_rows(values_only=True) for c in r if c)
    assert "Brookmeyer" in text and "Kaplan-Meier" in text
    assert "> N" in text.replace("\u201d", "").replace('"', "")
    blocks = [b for s in doc.sections for b in s.blocks]
    said = [b for b in blocks if isinstance(b, Text) and "Brookmeyer" in b.text]
    assert said == []  # not also a text block: Markdown and HTML would say it twice
