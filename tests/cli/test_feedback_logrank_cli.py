"""Session 15 (w-logrank): the feedback trend's log-rank row, driven through the real CLI on the
bundled sample, read back from Markdown (sv, en) and from the workbook (openpyxl).

The row compares the days to reply of every item with contact details, the unanswered counted
as not answered at the window's end (Kaplan-Meier), by the log-rank test. On the sample (R
survival::survdiff and survfit, tests/core/r/feedback_logrank.R): 967 -> 1 005 items, medians
7 -> 6 days, chi-square 27.48, p 1.6e-07; the later window answers faster, "bättre".
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

REGISTER = "synpunkter_2023_2024.xlsx"
R_REF = json.loads(
    (Path(__file__).parents[1] / "core" / "r" / "feedback_logrank.json").read_text("utf-8")
)["sample"]


def _row(markdown: str, start: str) -> list[str]:
    """The cells of the Markdown table row whose first cell starts with ``start``."""
    for line in markdown.replace("\xa0", " ").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0].startswith(start):
            return cells
    raise AssertionError(f"no row {start!r}")


@pytest.mark.parametrize(
    ("lang", "label", "cells", "note"),
    [
        (
            "sv",
            "Median dagar till svar, obesvarade räknade som ej besvarade vid fönstrets slut "
            "(Kaplan-Meier), log-rank-test (n = 967 → 1 005; χ² = 27,5)",
            ["dagar", "7,0", "6,0", "−1,0", "–", "–", "<0,001", "<0,001"],
            "obesvarade räknade som ej besvarade vid fönstrets slut (Kaplan-Meier), "
            "log-rank-test, räknar alla med kontaktuppgifter (967 → 1 005): utan svar vid "
            "periodens slut (2023-12-31 respektive 2024-12-31)",
        ),
        (
            "en",
            "Median days to reply, unanswered counted as not answered at the window's end "
            "(Kaplan-Meier), log-rank test (n = 967 → 1,005; χ² = 27.5)",
            ["days", "7.0", "6.0", "-1.0", "–", "–", "<0.001", "<0.001"],
            "unanswered counted as not answered at the window's end (Kaplan-Meier), log-rank "
            "test, counts every item with contact details (967 → 1,005): without a reply at "
            "its period's end (2023-12-31 and 2024-12-31)",
        ),
    ],
)  # fmt: skip
def test_markdown_row_and_note(cli, samples_dir, lang, label, cells, note) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    row = _row(r.stdout, label.split(" (")[0])
    assert row[0] == label
    assert row[1:] == cells
    text = " ".join(r.stdout.replace("\xa0", " ").split())
    assert note in text
    # the note no longer says the Kaplan-Meier days are not compared between the periods
    assert "jämförs inte mellan perioderna" not in text
    assert "are not compared between the periods" not in text
    # the family: the reply rows are not adjusted, and the table says so
    assert ("(p (Holm) = p)") in text


def test_no_verdict_column_without_an_overview_row(cli, samples_dir) -> None:
    """The rows' verdicts are data (JSON, CSV), not a table column: a change a table judges
    must be named in the report's overview (review 8, finding 4), which has no feedback reply
    rows yet."""
    r = cli("feedback", samples_dir / REGISTER, "--lang", "sv", "-f", "markdown")
    assert _row(r.stdout, "Mått")[-2:] == ["p", "p (Holm)"]
    d = json.loads(cli("feedback", samples_dir / REGISTER, "-f", "json").stdout)
    verdicts = {t["measure"]: t["verdict"] for t in d["trend"] if t["level"] == "reply"}
    assert verdicts["km_days_to_reply"] == d["trend_km"]["verdict"] == "better"


def test_workbook_and_json_carry_the_row(cli, samples_dir, tmp_path) -> None:
    out = tmp_path / "fb.xlsx"
    # the English workbook keeps the tidy names and codes (the Swedish one words them)
    r = cli("feedback", samples_dir / REGISTER, "-o", out)
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(out)["Results"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    km = {r["statistic"]: r["value"] for r in rows if r["measure"] == "km_days_to_reply"}
    assert (km["previous_value"], km["value"]) == tuple(R_REF["median"])
    assert (km["n_previous"], km["n"]) == tuple(R_REF["n"])
    assert km["p"] == pytest.approx(R_REF["p"], rel=1e-7)
    assert km["verdict"] == "better"
    test = {r["statistic"]: r["value"] for r in rows if r["section"] == "trend_km"}
    assert test["chi2"] == pytest.approx(R_REF["chi2"], rel=1e-9)
    r = cli("feedback", samples_dir / REGISTER, "-f", "json")
    d = json.loads(r.stdout)
    assert d["trend_km"]["current"]["km_follow_up_days"] == R_REF["follow_up"][1]
    assert [t["measure"] for t in d["trend"]][-1] == "km_days_to_reply"
