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


def _overview(workbook: Workbook) -> list[dict[str, object]]:
    """The overview sheet's rows as {header: cell}, up to the note."""
    ws = workbook.worksheets[1]
    header = [c.value for c in ws[2]]
    rows = []
    for r in ws.iter_rows(min_row=3):
        if r[0].value is None:
            break
        rows.append({h: c for h, c in zip(header, r, strict=False) if h is not None})
    return rows


def test_the_overview_shows_each_row_with_the_decimals_of_its_unit(workbook: Workbook) -> None:
    """Review 3, finding 15: counts "450", not "450,00"; percent "81,1" as md/html show it, not
    "81,13"; gaps with two decimals; a gap's norm 0 as "0"; changes signed."""
    decimals = {"%": "0.0", "index 0–100": "0.0", "s": "0.0", "dagar": "0.0", "days": "0.0",
                "timmar på arbetsdagar": "0.0", "hours on working days": "0.0",
                "gap": "0.00"}  # fmt: skip
    value_cols = ("Värde", "Value", "Föregående värde", "Previous value")
    rows = _overview(workbook)
    assert rows
    for row in rows:
        unit = row.get("Enhet", row.get("Unit"))
        assert unit is not None
        for col in value_cols:
            cell = row.get(col)
            if cell is None or not isinstance(cell.value, int | float):
                continue
            body = _body(cell.number_format)
            # "dagar, median": the unit names a median's statistic (review 16 finding 1)
            symbol = str(unit.value).split(", ")[0]
            if symbol in decimals:
                assert body == decimals[symbol], (row, col)
            else:  # a count (whole number) or a mean (two decimals)
                assert body in ("0", "0.00"), (row, col)
                if body == "0":
                    assert float(cell.value) == int(cell.value)
        change = next(
            (v for k, v in row.items() if k in ("Förändring", "Change") or "förskjutning" in k
             or "shift" in k),
            None,
        )  # fmt: skip
        if change is not None and isinstance(change.value, int | float):
            body = _body(row[value_cols[0] if "Värde" in row else value_cols[1]].number_format)
            minus = '"−"' if "Värde" in row else "-"  # review 5 item 19: "−" in Swedish
            assert change.number_format == f"+{body};{minus}{body};{body}", row
        target = row.get("Mål / norm", row.get("Target / norm"))
        if unit.value == "gap" and target is not None and target.value == 0:
            assert _body(target.number_format) == "0"


def _body(fmt: str) -> str:
    """The positive section of an Excel number format (a Swedish one adds a \"−\" section)."""
    return fmt.split(";")[0]


def test_the_lekeberg_feedback_count_has_no_decimals() -> None:
    config = replace(load_config(SAMPLES / "report_lekeberg.toml"), language="sv")
    rows = _overview(build_workbook(build_report(config, load_survey(config))))
    count = next(r for r in rows if str(r["Mått"].value).startswith("Synpunkter: Tekniska"))
    assert count["Värde"].value == 450 and count["Värde"].number_format == '0;"−"0'
    assert count["Föregående värde"].number_format == '0;"−"0'
    # with a time among the rows the change column names the shift (review 4, finding 1)
    assert count["Förändring (tider: förskjutning)"].number_format == '+0;"−"0;0'
    reply = next(r for r in rows if r["Enhet"].value == "timmar på arbetsdagar")
    assert reply["Medianernas skillnad"].number_format == '+0.0;"−"0.0;0.0'
    share = next(r for r in rows if r["Enhet"].value == "%")
    assert _body(share["Värde"].number_format) == "0.0"
    assert _body(share["Mål / norm"].number_format) == "0.0"
