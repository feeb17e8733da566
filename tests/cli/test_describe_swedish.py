"""``describe --lang sv`` says why a sheet was skipped in Swedish (house-style item 6): the
reasons are made in English by the reader and were shown as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from servqual_cli.cli.describe import skip_reason


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A title page with a header only, an empty sheet, then the data."""
    wb = Workbook()
    title = wb.active
    title.title = "Om enkäten"
    title.append(["Medborgarenkät 2024"])
    wb.create_sheet("Tomt")
    data = wb.create_sheet("Svar")
    data.append(["id", "P1", "P2"])
    for i in range(1, 6):
        data.append([i, i % 5 + 1, (i + 2) % 5 + 1])
    path = tmp_path / "enkät.xlsx"
    wb.save(path)
    return path


def test_skipped_sheets_are_explained_in_swedish(cli, workbook: Path) -> None:
    en = json.loads(cli("describe", workbook, "-f", "json").stdout)
    reasons = [s["why"] for s in en["skipped_sheets"]]
    assert [s["sheet"] for s in en["skipped_sheets"]] == ["Om enkäten", "Tomt"]
    # every reason the reader gave here has a Swedish wording
    assert all(skip_reason(why, "sv") != why for why in reasons), reasons
    r = cli("describe", workbook, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    for why in reasons:
        assert why not in text  # the English reason is not shown
    assert "Om enkäten: har en rubrikrad (rad 1) men inga datarader under den" in text
    assert "Excel-arbetsbok" in text and "Excel workbook" not in text
    english = " ".join(cli("describe", workbook).stdout.split())
    assert all(why in english for why in reasons)


def test_the_kiosk_workbook_in_swedish(cli, data_dir: Path) -> None:
    r = cli("describe", data_dir / "kiosk.xlsx", "--lang", "sv")
    assert "Info: har en rubrikrad (rad 1) men inga datarader under den" in " ".join(
        r.stdout.split()
    )
