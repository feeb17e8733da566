"""Excel's gap colours follow the test, read back with openpyxl (review 12b, finding 11): a gap
is filled only where it is below 0 and its own test says so (the table's adjusted p below
0.05, the rule of the Markdown and HTML verdicts and of the heatmap's parentheses); no red
"bad" fill on every negative gap; a column without a test of its own (the unweighted gap beside
the weighted one, an interval's bound) is not filled by another column's test.

Review 12c, finding 6: the fill is the flag the table builder set (``Table.below``, the cells
the web page colours), and a sheet whose table has no test (the "Total" and "Viktat" sheets)
has no fill at all, where the old workbook filled every negative value light red. The legend
that names the rule stands under the note only where a cell is filled.

Data: tests/data/report_weighted_by_kon.toml (Karlstad 2025 by Kön, weighted by Vikt), whose
"Grupper viktade" sheet has negative gaps on both sides of the test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import SIGNIFICANT_FILL, build_workbook
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


def _header(ws) -> list[str]:
    return [str(c.value) for c in ws[2]]


def _letter(ws, name: str) -> str:
    return chr(ord("A") + _header(ws).index(name))


def _filled(ws) -> set[str]:
    """The cells with the fill of a gap told below 0 (the cell's own fill)."""
    colour = SIGNIFICANT_FILL.fgColor.rgb[-6:]
    cells = [c for row in ws.iter_rows() for c in row if c.fill.fill_type == "solid"]
    return {c.coordinate for c in cells if str(c.fill.fgColor.rgb).endswith(colour)}


def _legend(ws) -> list[str]:
    return [str(c.value) for c in ws["A"] if str(c.value).startswith("Markerat: ")]


def _told(ws, gap: str, p: str) -> set[str]:
    """The gap cells below 0 whose p is below 0.05, read from the sheet's values."""
    out = set()
    for r in range(3, ws.max_row + 1):
        value, prob = ws[f"{gap}{r}"].value, ws[f"{p}{r}"].value
        if isinstance(value, float) and isinstance(prob, float) and value < 0 and prob < 0.05:
            out.add(f"{gap}{r}")
    return out


def test_the_weighted_group_sheet_colours_by_its_own_test(kon) -> None:
    wb, heat = kon
    ws = wb["Grupper viktade"]
    header = _header(ws)
    gap = _letter(ws, "Viktat gap (P−E)")
    p = _letter(ws, next(h for h in header if h.startswith("p (Holm")))
    filled = _filled(ws)
    # the weighted gap only: the unweighted gap and the interval are not filled by its test
    assert {c.rstrip("0123456789") for c in filled} == {gap}
    assert filled == _told(ws, gap, p)
    assert all(ws[c].font.b and ws[c].font.color.rgb.endswith("FFFFFF") for c in filled)
    # the filled cells: exactly the negative gaps the heatmap tells from 0 (no parentheses)
    names = [ws[f"A{r}"].value for r in range(3, ws.max_row + 1)]
    dims = [ws[f"B{r}"].value for r in range(3, ws.max_row + 1)]
    told = {
        (g, d)
        for i, g in enumerate(heat["rows"])
        for j, d in enumerate(heat["columns"])
        if heat["told"][i][j] and heat["values"][i][j] < 0
    }
    rows = {f"{gap}{r}" for r, g, d in zip(range(3, ws.max_row + 1), names, dims, strict=True)
            if (g, d) in told}  # fmt: skip
    assert filled == rows and filled  # some gaps are told below 0 ...
    values = {r: ws[f"{gap}{r}"].value for r in range(3, ws.max_row + 1)}
    negative = {f"{gap}{r}" for r, v in values.items() if isinstance(v, float) and v < 0}
    assert negative - filled  # ... and some negative ones are not, and stay unfilled
    # the legend names the rule: the column, the adjusted p's header and the level
    (legend,) = _legend(ws)
    assert legend == ("Markerat: under förväntan enligt tabellens eget test (Viktat gap "
                      f"(P−E) under 0 och {ws[f'{p}2'].value} under 0,05).")  # fmt: skip


def test_a_sheet_without_a_test_has_no_colour(kon) -> None:
    """Review 12c, finding 6: the "Total" and "Viktat" sheets (and the item statistics' negative
    item-rest correlations) have no test; the old workbook filled their negative values light
    red by a conditional rule, "worse" where no test says so."""
    wb, _ = kon
    for name in ("Total", "Viktat", "Påståendestatistik"):
        ws = wb[name]
        numbers = [c.value for row in ws.iter_rows(min_row=3) for c in row]
        assert any(isinstance(v, float) and v < 0 for v in numbers), name  # negatives there
        assert not list(ws.conditional_formatting), name
        assert not _filled(ws) and not _legend(ws), name


def test_no_conditional_fill_by_numbers_anywhere(kon) -> None:
    """Every fill is a flag; no sheet keeps a rule that colours numbers by their value, and a
    legend stands exactly where something is filled."""
    wb, _ = kon
    filled_sheets = 0
    for ws in wb.worksheets:
        for cf in ws.conditional_formatting:
            assert all(rule.type == "cellIs" and rule.operator == "equal" for rule in cf.rules)
        assert bool(_filled(ws)) == bool(_legend(ws)), ws.title
        filled_sheets += bool(_filled(ws))
    assert filled_sheets >= 4  # Dimensioner, Påståenden, Viktade gap, Grupper viktade, …


def test_the_weighted_gap_sheet_leaves_the_unweighted_gap_alone(kon) -> None:
    wb, _ = kon
    ws = wb["Viktade gap"]
    gap = _letter(ws, "Viktat gap (P−E)")
    p = _letter(ws, next(h for h in _header(ws) if h.startswith("p (Holm")))
    assert _filled(ws) == _told(ws, gap, p) and _filled(ws)


def _luminance(rgb: str) -> float:
    """WCAG 2.1 relative luminance of an ``RRGGBB`` colour (W3C, *WCAG 2.1*, 2018, "relative
    luminance"; sRGB linearised with the 0.04045 threshold of IEC 61966-2-1)."""
    c = [int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_formula() -> None:
    """Reference values: black on white 21:1 (WCAG's definition); white on the Okabe-Ito
    vermillion D55E00 3.87:1 (review 14, finding 7; WebAIM's contrast checker gives 3.87)."""
    assert _contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert _contrast("FFFFFF", "D55E00") == pytest.approx(3.87, abs=0.005)


def test_a_filled_cell_is_readable(kon) -> None:
    """Review 14, finding 7: white bold 11 pt text on the fill, read back from the written
    workbook, has at least WCAG 1.4.3's 4.5:1 (white on D55E00 was 3.87:1)."""
    wb, _ = kon
    cells = [ws[c] for ws in wb.worksheets for c in _filled(ws)]
    assert cells
    for cell in cells:
        text, fill = cell.font.color.rgb[-6:], cell.fill.fgColor.rgb[-6:]
        assert _contrast(text, fill) >= 4.5, (cell.parent.title, cell.coordinate, text, fill)
