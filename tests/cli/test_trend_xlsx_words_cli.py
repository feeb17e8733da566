"""``trend -f xlsx --lang sv`` over three years: Swedish headers and table words, one row per
note (review 16 finding 12: ``first_year … small_years`` and ``trend``/``series``/
``series_trend`` in the Swedish workbook, the e-mail rule's note written twice)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest


@pytest.fixture
def three(data_dir: Path) -> list[Path]:
    return [data_dir / f"trend_mix_{year}.csv" for year in (2019, 2020, 2021)]


def _sheets(path: Path) -> tuple[list[tuple], list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return list(wb.worksheets[0].iter_rows(values_only=True)), list(
        wb.worksheets[1].iter_rows(values_only=True)
    )


def test_swedish_workbook_has_swedish_headers_and_tables(cli, three, tmp_path: Path) -> None:
    out = tmp_path / "trend.xlsx"
    r = cli("trend", *three, "--lang", "sv", "-f", "xlsx", "-o", out)
    assert r.exit_code == 0, r.stderr
    data, notes = _sheets(out)
    head = list(data[0])
    for word in ("Första år", "Sista år", "Antal år", "Förändring per år", "Teststorhet",
                 "Frihetsgrader", "År med litet underlag"):  # fmt: skip
        assert word in head
    assert not {"first_year", "last_year", "n_years", "slope", "statistic", "df",
                "small_years"} & set(head)  # fmt: skip
    tables = {row[0] for row in data[1:]}
    assert {"förändring", "nyckeltal per år", "trend över alla år"} <= tables
    assert not {"trend", "series", "series_trend"} & tables
    tests = {row[head.index("Test")] for row in data[1:]}
    assert "cochran-armitage" not in tests and "Cochran-Armitage" in tests
    assert len(notes) == len(set(notes))  # one row per note


def test_english_workbook_writes_each_note_once(cli, three, tmp_path: Path) -> None:
    out = tmp_path / "trend_en.xlsx"
    r = cli("trend", *three, "-f", "xlsx", "-o", out)
    assert r.exit_code == 0, r.stderr
    data, notes = _sheets(out)
    assert "first_year" in data[0]  # the English workbook keeps the codes, as before
    assert len(notes) == len(set(notes))
