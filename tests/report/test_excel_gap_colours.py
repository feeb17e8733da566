"""Excel's gap colours follow the test, read back with openpyxl (review 12b, finding 11): a gap
is filled only where it is below 0 and its own test says so (the table's adjusted p below
0.05, the rule of the Markdown and HTML verdicts and of the heatmap's parentheses); no red
"bad" fill on every negative gap; a column without a test of its own (the unweighted gap beside
the weighted one, an interval's bound) is not filled by another column's test.

Data: tests/data/report_weighted_by_kon.toml (Karlstad 2025 by Kön, weighted by Vikt), whose
"Grupper viktade" sheet has negative gaps on both sides of the test.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import ALPHA, SIGNIFICANT_FILL, build_workbook
from servqual_cli.report.workbook import workbook_bytes

TESTS = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def kon(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workbook, dict]:
    doc = build_report(load_config(TESTS / "report_weighted_by_kon.toml"))
    stamp = dt.datetime(2025, 1, 1)
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    path.write_bytes(workbook_bytes(build_workbook(doc, None, stamp), stamp))
    heat = next(f for f in charts.figures(doc) if f.name == "servqual_groups").data
    return load_workbook(path), heat


def _rules(ws) -> dict[str, list]:
    return {str(cf.sqref): list(cf.rules) for cf in ws.conditional_formatting}


def _header(ws) -> list[str]:
    return [str(c.value) for c in ws[2]]


def _filled(ws, rule, column: str) -> set[int]:
    """The rows whose cell the rule fills, by evaluating its formula on the sheet's values:
    AND(ISNUMBER(E3),E3<0,ISNUMBER($H3),$H3<0.05)."""
    m = re.fullmatch(
        rf"AND\(ISNUMBER\({column}3\),{column}3<0,ISNUMBER\(\$(?P<p>[A-Z]+)3\),"
        rf"\$(?P=p)3<([\d.]+)\)",
        rule.formula[0],
    )
    assert m is not None, rule.formula
    p_col, alpha = m["p"], float(m[2])
    out = set()
    for r in range(3, ws.max_row + 1):
        gap, p = ws[f"{column}{r}"].value, ws[f"{p_col}{r}"].value
        if isinstance(gap, float) and isinstance(p, float) and gap < 0 and p < alpha:
            out.add(r)
    return out


def test_the_weighted_group_sheet_colours_by_its_own_test(kon) -> None:
    wb, heat = kon
    ws = wb["Grupper viktade"]
    header = _header(ws)
    gap = chr(ord("A") + header.index("Viktat gap (P−E)"))
    p = chr(ord("A") + header.index(next(h for h in header if h.startswith("p (Holm"))))
    unweighted = chr(ord("A") + header.index("Oviktat gap"))
    rules = _rules(ws)
    # one rule, on the weighted gap only: the unweighted gap and the interval are not filled
    # by the weighted test (the old sheet filled I3:I22 by $H3, and every negative in red)
    assert len(rules) == 1 and next(iter(rules)).startswith(f"{gap}3:{gap}")
    (only,) = next(iter(rules.values()))
    assert only.type == "expression" and f"${p}3<{ALPHA}" in only.formula[0]
    assert only.dxf.fill.fgColor.rgb.endswith(SIGNIFICANT_FILL.fgColor.rgb[-6:])
    assert not any(s.startswith(f"{unweighted}3") for s in rules)
    # the filled cells: exactly the negative gaps the heatmap tells from 0 (no parentheses)
    filled = _filled(ws, only, gap)
    names = [ws[f"A{r}"].value for r in range(3, ws.max_row + 1)]
    dims = [ws[f"B{r}"].value for r in range(3, ws.max_row + 1)]
    told = {
        (g, d)
        for i, g in enumerate(heat["rows"])
        for j, d in enumerate(heat["columns"])
        if heat["told"][i][j] and heat["values"][i][j] < 0
    }
    rows = {r for r, g, d in zip(range(3, ws.max_row + 1), names, dims, strict=True)
            if (g, d) in told}  # fmt: skip
    assert filled == rows and filled  # some gaps are told below 0 ...
    values = {r: ws[f"{gap}{r}"].value for r in range(3, ws.max_row + 1)}
    negative = {r for r, v in values.items() if isinstance(v, float) and v < 0}
    assert negative - filled  # ... and some negative ones are not, and stay unfilled


def test_no_red_for_every_negative_gap_where_a_test_exists(kon) -> None:
    """Every sheet with a p column: only the test's rule, on one column; no "cellIs < 0"."""
    wb, _ = kon
    tested = 0
    for ws in wb.worksheets:
        header = _header(ws) if ws.max_row >= 2 else []
        if not any(h.startswith("p (") for h in header):
            continue
        for rules in _rules(ws).values():
            for rule in rules:
                assert rule.type != "cellIs" or rule.operator != "lessThan", ws.title
                tested += rule.type == "expression"
    assert tested >= 4  # Dimensioner, Påståenden, Viktade gap, Grupper viktade, …


def test_the_weighted_gap_sheet_leaves_the_unweighted_gap_alone(kon) -> None:
    wb, _ = kon
    ws = wb["Viktade gap"]
    header = _header(ws)
    gap = chr(ord("A") + header.index("Viktat gap (P−E)"))
    assert [s.split(":")[0] for s in _rules(ws)] == [f"{gap}3"]
