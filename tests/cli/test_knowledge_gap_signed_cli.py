"""Review 16, finding 11: ``knowledge-gap`` writes its difference with a sign both ways
("+1,17" beside "−0,75"), as trend, service-survey and KPI write a change, in the terminal,
the Markdown and the report's workbook (number format "+0.00;"−"0.00").

Files: tests/data/kg_over_citizens.csv and kg_over_staff.csv (kg_over_gen.py): staff
underestimate Reliability (−0,75) and overestimate Responsiveness (+1,17) and Empathy (+0,03).
"""

from __future__ import annotations

import datetime as dt

import pytest

from servqual_cli.report import knowledge_sections as ks
from servqual_cli.report.excel import build_workbook
from servqual_cli.report.spec import Document, Section, Table

from .conftest import DATA

FILES = (DATA / "kg_over_citizens.csv", DATA / "kg_over_staff.csv",
         "-i", DATA / "toolbox.toml", "--no-items")  # fmt: skip
ROWS = {
    "sv": ["| Tillförlitlighet | 40 | 30 | 5,90 | 5,15 | −0,75 |",
           "| Lyhördhet | 40 | 30 | 4,46 | 5,63 | +1,17 |",
           "| Empati | 40 | 30 | 5,24 | 5,27 | +0,03 |"],
    "en": ["| Reliability | 40 | 30 | 5.90 | 5.15 | -0.75 |",
           "| Responsiveness | 40 | 30 | 4.46 | 5.63 | +1.17 |",
           "| Empathy | 40 | 30 | 5.24 | 5.27 | +0.03 |"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_markdown_signs_the_difference_both_ways(cli, lang: str) -> None:
    r = cli("knowledge-gap", *FILES, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    for row in ROWS[lang]:
        assert row in r.stdout


@pytest.mark.parametrize(("lang", "plus"), [("sv", "+1,17"), ("en", "+1.17")])
def test_terminal_signs_a_positive_difference(cli, lang: str, plus: str) -> None:
    r = cli("knowledge-gap", *FILES, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert plus in r.stdout and f"+0{plus[2]}03" in r.stdout


@pytest.mark.parametrize(
    ("lang", "fmt"), [("sv", '+0.00;"−"0.00;0.00'), ("en", "+0.00;-0.00;0.00")]
)
def test_workbook_formats_the_difference_signed(
    cli, monkeypatch: pytest.MonkeyPatch, lang: str, fmt: str
) -> None:
    built: list[Table] = []
    original = ks.knowledge_sections

    def record(*args, **kwargs):  # the sections the command builds, kept for the workbook
        out = original(*args, **kwargs)
        built.extend(b for s in out for b in s.blocks if isinstance(b, Table))
        return out

    monkeypatch.setattr(ks, "knowledge_sections", record)
    assert cli("knowledge-gap", *FILES, "--lang", lang).exit_code == 0
    doc = Document("t", (Section("s", tuple(built[:1])),), meta={"lang": lang})
    ws = build_workbook(doc, None, dt.datetime(2024, 1, 1)).worksheets[1]
    word = "Skillnad" if lang == "sv" else "Difference"
    # the sheet's header row is the one holding the column names (a title row is above it)
    col = next(c.column for row in ws.iter_rows() for c in row if c.value == word)
    formats = {ws.cell(r, col).number_format for r in range(1, ws.max_row + 1)
               if isinstance(ws.cell(r, col).value, float)}  # fmt: skip
    assert len(formats) == 1 and formats == {fmt}
