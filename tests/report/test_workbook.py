"""The workbook pieces shared by report.xlsx and ``-o FILE.xlsx``: sheet names, number formats."""

from __future__ import annotations

from servqual_cli.report.workbook import number_format, sheet_name


def test_sheet_names() -> None:
    used: set[str] = set()
    assert sheet_name("a/b:c*d?[e]", used) == "a b c d  e"
    assert sheet_name("x" * 40, used) == "x" * 31
    assert sheet_name("X" * 40, used) == "X" * 27 + " (2)"
    assert len(sheet_name("x" * 40, used)) <= 31


def test_signed_and_thousands_formats_are_excel_formats() -> None:
    """A signed change (``+.1f``) is not left in Excel's General format."""
    assert number_format("+.1f") == "+0.0;-0.0;0.0"
    assert number_format("+.2f") == "+0.00;-0.00;0.00"
    assert number_format(",.0f") == "#,##0" and number_format(".3g") == "General"
