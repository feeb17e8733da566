"""One sign style for interval bounds in the report (review 8, finding 6).

The Lekeberg report showed the same Newcombe interval of "Synpunkter besvaras inom 14 dagar" as
"2,3 | 9,2" in "Nyckeltal som förändrats" and as "+2,3 | +9,2" in the feedback register's
change table. A change carries its sign; the bounds of its interval never carry a "+", in any
table of the report (:mod:`servqual_cli.report.change_formats`).
"""

from __future__ import annotations

import re

import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.markdown import render_document

from .conftest import SAMPLES

_BOUND = re.compile(r"\b(KI|CI)\b.*\b(låg|hög|nedre|övre|low|high|lower|upper)\b", re.IGNORECASE)


def _tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Markdown table as (header, rows of cells)."""
    out: list[tuple[list[str], list[list[str]]]] = []
    head: list[str] | None = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            head = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if head is None:
            head = cells
            out.append((head, []))
        elif not set("".join(cells)) <= set("-: "):
            out[-1][1].append(cells)
    return out


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_document(build_report(load_config(SAMPLES / "report_lekeberg.toml")))


def test_no_interval_bound_carries_a_plus(markdown: str) -> None:
    bounds = [
        (head[i], row[0], row[i])
        for head, rows in _tables(markdown)
        for i, h in enumerate(head)
        if _BOUND.search(h)
        for row in rows
    ]
    assert len(bounds) > 50  # the trend, KPI, contact and feedback tables' bounds
    assert [b for b in bounds if b[2].startswith("+")] == []
    assert any(b[2].startswith("−") for b in bounds)  # a bound below 0 keeps its minus


def test_the_same_interval_reads_the_same_in_both_tables(markdown: str) -> None:
    rows = [row for _, rows in _tables(markdown) for row in rows]
    # the changed-KPIs table's row (the overview's row has the same plain name since x-kpi, s14)
    kpi = next(
        r
        for head, table in _tables(markdown)
        if "Före" in head
        for r in table
        if r[0] == "Synpunkter besvaras inom 14 dagar"
    )
    register = next(r for r in rows if r[0].startswith("Andel besvarade inom löftet, 2023"))
    # review 10a finding 4: both compare 2023 over 2024's window (1 Jan-17 Dec, 727/931 = 78,1 %
    # against 824/984 = 83,7 %, tests/core/r/kpi_windows.py), so one measure has one 2023 value
    # and one change; the register's row names the windows, both bounds plain in both tables
    assert kpi[2:4] == register[2:4] == ["78,1", "83,7"]  # Före, Efter
    assert kpi[5:8] == register[4:7] == ["+5,7", "2,1", "9,2"]  # change, 95 % KI nedre, övre
    assert "(1 jan–17 dec, 931 synpunkter) → 2024 (1 jan–17 dec, 984 synpunkter)" in register[0]
