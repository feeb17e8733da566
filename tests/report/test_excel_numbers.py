"""Every Excel output of ``make reports`` (each data/samples/report_*.toml, sv and en) holds its
numbers as numbers: no "54/53", "17 av 30", "36 dagar" or "85,3 %" stored as text (issue #9)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl.workbook import Workbook

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import build_workbook

from .conftest import SAMPLES

CONFIGS = sorted(SAMPLES.glob("report_*.toml"))
_NUM = r"[−+-]?\d{1,3}(?:[\u00a0\u202f ,.]?\d{3})*(?:[.,]\d+)?"
_UNIT = r"(?:\s*(?:%|procentenheter|percentage points|dagar|days|arbetsdagar|working days|s|h))?"
NUMBER_AS_TEXT = re.compile(rf"^(?:{_NUM}{_UNIT}|{_NUM}\s*/\s*{_NUM}|{_NUM}\s+(?:av|of)\s+{_NUM})$")


def test_the_pattern_catches_what_the_issue_names() -> None:
    for text in ("54/53", "17 av 30", "36 dagar", "85,3\u00a0%", "−0,46", "1\u00a0234", "2024"):
        assert NUMBER_AS_TEXT.match(text), text
    for text in ("Telefon", "p < 0,05", "2023 → 2024", "✗ ej uppfyllt", "E1–E4"):
        assert not NUMBER_AS_TEXT.match(text), text


@pytest.fixture(scope="module", params=[(c, lang) for c in CONFIGS for lang in ("sv", "en")],
                ids=lambda p: f"{p[0].stem}-{p[1]}")  # fmt: skip
def workbook(request: pytest.FixtureRequest) -> Workbook:
    config_file, lang = request.param
    config = replace(load_config(config_file), language=lang)
    return build_workbook(build_report(config, load_survey(config)))


def test_no_number_is_stored_as_text(workbook: Workbook) -> None:
    found = [
        (ws.title, cell.coordinate, cell.value)
        for ws in workbook.worksheets
        if ws.title not in ("Metod", "Method")  # prose
        for row in ws.iter_rows(min_row=3)  # row 2 holds the headers (a year is a header)
        for cell in row
        if isinstance(cell.value, str) and NUMBER_AS_TEXT.match(cell.value.strip())
    ]
    assert found == []


def test_the_trend_n_is_two_columns_of_numbers(workbook: Workbook) -> None:
    sheets = [ws for ws in workbook.worksheets if ws.title in ("Förändring", "Change")]
    for ws in sheets:
        header = [c.value for c in ws[2]]
        before = next(i for i, h in enumerate(header) if h in ("n före", "n before"))
        values = []
        for r in ws.iter_rows(min_row=3):
            if r[0].value is None:  # the table ends; its note follows
                break
            values.append(r[before].value)
        assert values and all(isinstance(v, int) for v in values), values
        assert isinstance(ws.cell(3, before + 2).value, int)  # n after, beside it


def test_config_files_exist() -> None:
    assert len(CONFIGS) >= 2 and all(isinstance(c, Path) for c in CONFIGS)


def test_the_cover_dates_the_report_with_a_date_cell(workbook: Workbook) -> None:
    import datetime as dt

    cover = workbook.worksheets[0]
    row = next(r for r in cover.iter_rows() if r[0].value in ("Rapportens datum", "Report date"))
    assert isinstance(row[1].value, dt.date) and row[1].number_format == "yyyy-mm-dd"
