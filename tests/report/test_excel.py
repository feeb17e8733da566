"""report.xlsx opened with openpyxl: sheets, styles, number formats, values, safety."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.report.build import load_survey
from servqual_cli.report.catalog import dimension_name
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import SIGNIFICANT_FILL, build_workbook
from servqual_cli.report.spec import Document, Section, Table
from servqual_cli.report.workbook import number_format, sheet_name, workbook_bytes

from .conftest import CONFIG, EPOCH


@pytest.fixture(scope="module")
def wb(sample_report: Path) -> Workbook:
    return load_workbook(sample_report / "report.xlsx")


@pytest.fixture(scope="module")
def expected():
    data = load_survey(load_config(CONFIG))
    assert data is not None and data.groups is not None
    return grouped_gap_analysis(data.expectation, data.perception, data.items,
                                data.dimension_positions, groups=data.groups, by="Tjänst",
                                weights=data.weights)  # fmt: skip


def test_sheets_in_document_order(wb: Workbook) -> None:
    names = wb.sheetnames
    assert names[:2] == ["Innehåll", "Resultat i korthet"]  # the cover sheet, the overview
    assert names[2:10] == ["Total", "Största gap", "Dimensioner", "Påståenden", "IPA", "Grupper",
                          "Grupptest", "Reliabilitet"]  # fmt: skip
    # the appendix's detail tables follow the body's (pairwise tests, item statistics)
    assert names.index("Parvis") > names.index("Reliabilitet")
    assert names[-2:] == ["Diagram", "Metod"]
    assert "Reliabilitet" in names  # the reliability section's sheets come before the charts
    # names chosen, not cut: unique, within Excel's 31 characters, no word left hanging
    assert len({n.lower() for n in names}) == len(names)
    assert all(len(n) <= 31 and n.split()[-1] not in ("och", "i", "per", "–") for n in names)


def test_header_style_freeze_filter_widths(wb: Workbook) -> None:
    ws = wb["Dimensioner"]
    assert ws["A1"].value == "Gap per dimension" and ws["A1"].font.bold
    header = [c.value for c in ws[2]]
    assert header[:5] == ["Dimension", "n", "Förväntan (E)", "Upplevelse (P)", "Gap (P−E)"]
    cell = ws["B2"]
    assert cell.font.bold and cell.font.color.rgb == "00FFFFFF"
    assert cell.fill.fgColor.rgb == "000072B2"
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:L7"
    assert 8 <= ws.column_dimensions["A"].width <= 50
    assert ws.column_dimensions["A"].width >= len("Responsiveness")


def test_number_formats(wb: Workbook) -> None:
    ws = wb["Dimensioner"]
    assert ws["B3"].number_format == '0;"−"0'  # n; a Swedish minus is "−" (review 5 #19)
    assert ws["E3"].number_format == '0.00;"−"0.00'  # gap
    # p (Holm): the literal shown for a small p has the workbook's decimal comma
    assert ws["J3"].number_format == '[<0.001]"<0,001";[<0.05]0.0000;0.000'
    assert number_format("p") == '[<0.001]"<0.001";[<0.05]0.0000;0.000'
    assert number_format("pct") == "0.0%" and number_format(".1f") == "0.0"
    assert number_format(None) == "General" and number_format("x") == "General"


def test_values_are_the_full_precision_results(wb: Workbook, expected) -> None:
    ws = wb["Dimensioner"]
    rows = list(ws.iter_rows(min_row=3, max_row=7, values_only=True))
    dims = expected.all.dimensions
    assert [r[0] for r in rows] == [dimension_name(d, "sv") for d in dims["dimension"]]
    assert [r[4] for r in rows] == pytest.approx(list(dims["gap"]), abs=0, rel=1e-15)
    assert [r[1] for r in rows] == list(dims["n"])
    total = wb["Total"]
    assert total["C3"].value == pytest.approx(expected.all.overall.unweighted, rel=1e-15)
    assert total["C4"].value == pytest.approx(expected.all.overall.weighted, rel=1e-15)
    worst = [r[0] for r in wb["Största gap"].iter_rows(min_row=3, max_row=5, values_only=True)]
    assert worst == [11, 12, 10]  # item numbers are numbers
    groups = wb["Grupper"]
    # 4 services x 5 dimensions, then a blank row, the note (the gap from unrounded values) and
    # the legend of the fill (review 12c, finding 6)
    assert groups.max_row == 2 + 4 * 5 + 3
    assert "oavrundade" in str(groups.cell(groups.max_row - 1, 1).value)
    assert str(groups.cell(groups.max_row, 1).value).startswith("Markerat: under förväntan")


def test_fill_only_where_the_test_says_below(wb: Workbook) -> None:
    """A gap is filled only where it is negative and its Holm p below 0.05; no "bad" red for
    every negative gap (review 12b, finding 11; review 12c, finding 6: the fill is the flag
    the table builder set, tests/report/test_excel_gap_colours.py)."""
    ws = wb["Dimensioner"]
    assert not list(ws.conditional_formatting)
    filled = {c.coordinate for row in ws.iter_rows(min_row=3, max_row=7) for c in row
              if c.fill.fgColor.rgb.endswith(SIGNIFICANT_FILL.fgColor.rgb[-6:])}  # fmt: skip
    told = {f"E{r}" for r in range(3, 8) if ws[f"E{r}"].value < 0 and ws[f"J{r}"].value < 0.05}
    assert filled == told and told  # the sample has gaps told below 0
    assert all(ws[c].font.b for c in told)


def test_charts_and_method_sheet(wb: Workbook) -> None:
    assert len(wb["Diagram"]._images) == 4
    method = [r for r in wb["Metod"].iter_rows(values_only=True)]
    headings = [r[0] for r in method]
    assert "Definitioner" in headings and "Statistiska test" in headings
    assert "Saknade värden" in headings and "Hur rapporten citeras" in headings
    cover = [tuple(r[:2]) for r in wb["Innehåll"].iter_rows(values_only=True)]
    assert ("Organisation", "Karlstads kommun") in cover  # on the cover sheet, not repeated


def test_fixed_properties(wb: Workbook) -> None:
    stamp = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).replace(tzinfo=None)
    assert wb.properties.created == stamp and wb.properties.modified == stamp
    assert wb.properties.creator.startswith("servqual-cli ")


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    evil = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "plain"]
    frame = pd.DataFrame({"=group": evil, "n": [1, 2, 3, 4, 5]})
    doc = Document("=title", (Section("s", (Table("=t", frame, sheet="=Sheet"),)),))
    stamp = dt.datetime(2024, 1, 1)
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(build_workbook(doc, None, stamp), stamp))
    ws = load_workbook(path)["=Sheet"]
    assert [c.value for c in ws["A"][2:]] == evil
    assert all(c.data_type == "s" for c in ws["A"][2:])
    assert ws["A1"].value == "=t" and ws["A1"].data_type == "s"
    assert ws["A2"].value == "=group" and ws["A2"].data_type == "s"
    assert ws["A3"].quotePrefix  # Excel shows it as text even when edited


def test_english_sheet_names_and_bytes_reproducible() -> None:
    frame = pd.DataFrame({"x": [1.5, None]})
    doc = Document("t", (Section("s", (Table("T", frame, sheet="Dimensions"),)),),
                   meta={"lang": "en", "method": (("Definitions", "text"),)})  # fmt: skip
    stamp = dt.datetime(2024, 1, 1)
    one = workbook_bytes(build_workbook(doc, None, stamp), stamp)
    two = workbook_bytes(build_workbook(doc, None, stamp), stamp)
    assert one == two
    assert build_workbook(doc, None, stamp).sheetnames == ["Contents", "Dimensions", "Method"]


def test_deterioration_verdicts_stand_out() -> None:
    frame = pd.DataFrame({"KPI": ["a", "b", "c"], "Bedömning": ["sämre", "bättre", "sämre"]})
    doc = Document("t", (Section("s", (Table("T", frame, sheet="Trend"),)),))
    ws = build_workbook(doc, None, dt.datetime(2024, 1, 1))["Trend"]
    rules = {str(cf.sqref): [(r.type, r.operator, r.formula) for r in cf.rules]
             for cf in ws.conditional_formatting}  # fmt: skip
    assert rules == {"B3:B5": [("cellIs", "equal", ['"sämre"'])]}


def test_duplicate_sheet_names_take_the_section_heading() -> None:
    used: set[str] = set()
    assert sheet_name("Items", used) == "Items"
    assert sheet_name("Items", used, "Reliability") == "Items – Reliability"
    assert sheet_name("Items", used, "Reliability") == "Items (2)"  # only then numbered
    assert sheet_name("Gap per dimension – Tjänst/Enhet", used) == "Gap per dimension – Tjänst"
    frame = pd.DataFrame({"x": [1]})
    doc = Document(
        "t",
        (
            Section("Survey", (Table("T", frame, sheet="Items"),)),
            Section("Reliability", (Table("T", frame, sheet="Items"), Table("", frame))),
        ),
        meta={"lang": "en"},
    )
    names = build_workbook(doc, None, dt.datetime(2024, 1, 1)).sheetnames
    assert names == ["Contents", "Items", "Items – Reliability", "Table", "Method"]


def test_cover_sheet_lists_every_other_sheet(wb: Workbook) -> None:
    cover = wb["Innehåll"]
    assert cover["A1"].value == "Servicekvalitet i Karlstads kommun"
    listed = [c.value for c in cover["A"] if c.hyperlink is not None]
    assert listed == wb.sheetnames[1:]


def test_every_sheet_prints_landscape_fit_to_width(wb: Workbook) -> None:
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert ps.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth == 1, ws.title
        assert ps.fitToHeight == 0, ws.title
        if ws.title not in ("Innehåll", "Diagram", "Metod"):
            assert ws.print_title_rows == "$2:$2", ws.title  # the header row on every page


def test_no_text_typed_numbers_no_na_and_an_explicit_font(wb: Workbook) -> None:
    import re

    number = re.compile(r"^[−-]?\d+(?:[.,]\d+)?\s*(?:%|dagar|days|s)?$")
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, str):
                    assert not number.match(cell.value.strip()), (ws.title, cell.coordinate)
                    assert "<NA>" not in cell.value and cell.value != "nan", (
                        ws.title,
                        cell.coordinate,
                    )
                if cell.value is not None:
                    assert cell.font.name == "Calibri", (ws.title, cell.coordinate)


def test_overview_sheet_holds_numbers(wb: Workbook) -> None:
    ws = wb["Resultat i korthet"]
    header = [c.value for c in ws[2]]
    assert header[:4] == ["Mått", "Period", "Värde", "Enhet"]
    first = [c.value for c in ws[3]]
    assert first[:2] == ["SERVQUAL totalt (gap)", 2024]
    assert isinstance(first[2], float) and first[2] < 0 and first[3] == "gap"
    assert ws.cell(3, 3).number_format == '0.00;"−"0.00'


def test_efa_sheets_name_their_score_and_table(wb: Workbook) -> None:
    """Review 6, finding 14: "EFA (2)" … "EFA (5)" did not say which score; read back, each EFA
    sheet's name matches the title in its first row."""
    efa = [n for n in wb.sheetnames if n.startswith("EFA")]
    assert efa == ["EFA E", "EFA E varians", "EFA P", "EFA P varians", "EFA gap",
                   "EFA gap varians"]  # fmt: skip
    scores = {"E": "Förväntan", "P": "Upplevelse", "gap": "Gap"}
    for name in efa:
        title = str(wb[name]["A1"].value)
        score = scores[name.split()[1]]
        assert title.endswith(f": {score}"), (name, title)
        assert title.startswith("EFA, förklarad varians") == name.endswith(" varians")
    assert not any(n.endswith(")") for n in wb.sheetnames)  # nothing numbered "(2)"
