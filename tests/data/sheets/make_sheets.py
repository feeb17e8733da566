"""Write the workbooks of the sheet-choice and hidden-flag tests (review 10b, findings 1 and 2;
tests/io/test_sheet_choice.py, tests/io/test_xlsx_hidden.py, tests/cli/test_sheet_notes_cli.py).

Run from the repository root: ``python tests/data/sheets/make_sheets.py``. The output is
deterministic (seeded answers, fixed zip timestamps). As municipal exports come:

* ``cover_survey.xlsx``: a cover page "Försättsblad" (title, "Framtagen av: …", "Datum" and a
  date: a header in row 4 and nothing below it) before the survey sheet "Enkät" (60
  respondents, SERVQUAL E1–E22 and P1–P22, title rows above the header in row 3).
* ``cover_contacts.xlsx``: the same cover page before data/samples/servicematning_2020.xlsx's
  sheet.
* ``cover_only.xlsx``: the cover page and an empty sheet "Blad2": no sheet has data rows.
* ``cover_formula.xlsx``: the cover page and a survey sheet with a formula not calculated (a
  sheet refused for another reason than no data: not skipped).
* ``hidden_rows.xlsx``: the survey with rows 4–13 (respondents 1–10) hidden, as hiding them by
  hand or filtering them out with AutoFilter leaves them, and row 40 hidden too.
* ``hidden_sheet.xlsx``: the survey sheet hidden (``state="hidden"``), an empty visible "Blad2".
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import numpy as np
import openpyxl

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "reader"))
from make_files import _zip  # noqa: E402  (fixed zip timestamps)

FIXED = b"2024-01-01T00:00:00Z"
SERVICES = ["Bygglov", "Förskola", "Äldreomsorg", "Bibliotek"]
N = 60


def _cover(wb: openpyxl.Workbook) -> None:
    ws = wb.create_sheet("Försättsblad", 0)
    ws["A1"] = "Medborgarundersökning 2024"
    ws["A3"] = "Framtagen av: Kommunledningskontoret"
    ws["A4"], ws["B4"] = "Datum", "2025-01-15"


def _survey(ws: openpyxl.worksheet.worksheet.Worksheet, formula: bool = False) -> None:
    rng = np.random.default_rng(13)
    ws.append(["Medborgarundersökning om kommunal service 2024"])
    ws.append([])
    items = [f"E{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)]
    ws.append(["Respondent", "Tjänst", *items])
    answers = rng.integers(1, 8, size=(N, len(items)))
    for r in range(N):
        ws.append([r + 1, SERVICES[r % 4], *[int(v) for v in answers[r]]])
    if formula:
        ws["C10"] = "=D10+1"  # no cached value: openpyxl writes none


def _write(wb: openpyxl.Workbook, name: str) -> None:
    """Saved with fixed zip timestamps and a fixed modified date (openpyxl writes now)."""
    wb.properties.creator = "servqual tests"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    core = members["docProps/core.xml"]
    members["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED, core)
    (HERE / name).write_bytes(_zip(members))


def main() -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Enkät"
    _survey(wb.active)
    _cover(wb)
    _write(wb, "cover_survey.xlsx")

    wb = openpyxl.load_workbook(ROOT / "data" / "samples" / "servicematning_2020.xlsx")
    _cover(wb)
    _write(wb, "cover_contacts.xlsx")

    wb = openpyxl.Workbook()
    wb.active.title = "Blad2"
    _cover(wb)
    _write(wb, "cover_only.xlsx")

    wb = openpyxl.Workbook()
    wb.active.title = "Enkät"
    _survey(wb.active, formula=True)
    _cover(wb)
    _write(wb, "cover_formula.xlsx")

    wb = openpyxl.Workbook()
    wb.active.title = "Enkät"
    _survey(wb.active)
    for r in [*range(4, 14), 40]:
        wb.active.row_dimensions[r].hidden = True
    _write(wb, "hidden_rows.xlsx")

    wb = openpyxl.Workbook()
    wb.active.title = "Enkät"
    _survey(wb.active)
    wb.create_sheet("Blad2")
    wb["Enkät"].sheet_state = "hidden"
    wb.active = 1
    _write(wb, "hidden_sheet.xlsx")


if __name__ == "__main__":
    main()
