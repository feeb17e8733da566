"""Write the workbooks with merged cells (tests/io/test_xlsxmerge.py, tests/cli/test_merged_cli.py).

Run from the repository root: ``python tests/data/reader/make_merged.py``. As people format a
sheet by hand (review 2, item 5): a title merged across A1:H1, a blank row, the header in row 3,
the rows sorted by Tjänst and each block's Tjänst cell merged downwards.

* ``merged_groups.xlsx``: 30 respondents (SERVQUAL E1–E22, P1–P22, seeded answers) in three
  blocks of 10: read by the general path (a short sheet).
* ``merged_long.xlsx``: 300 respondents in blocks of 25 (the single-read path), a comment merged
  across two columns in one data row, and a fully blank row inside a block (dropped, not filled).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import openpyxl

sys.path.insert(0, str(Path(__file__).parent))
from make_files import _save  # (fixed zip timestamps)

HERE = Path(__file__).parent
SERVICES = ["Bygglov", "Förskola", "Äldreomsorg", "Bibliotek"]


def sheet(n: int, block: int, path: Path, extras: bool) -> None:
    rng = np.random.default_rng(5)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Enkät"
    ws["A1"] = "Medborgarundersökning 2024 – Kommunal service"
    ws.merge_cells("A1:H1")
    header = ["Respondent", "Tjänst"] + [f"E{i}" for i in range(1, 23)]
    header += [f"P{i}" for i in range(1, 23)] + ["Kommentar", ""]
    ws.append([])
    ws.append(header)
    for r in range(n):
        e = rng.integers(4, 8, 22).tolist()
        p = rng.integers(2, 8, 22).tolist()
        service = SERVICES[(r // block) % len(SERVICES)] if r % block == 0 else None
        ws.append([r + 1, service, *e, *p])
    for start in range(0, n, block):
        ws.merge_cells(start_row=4 + start, start_column=2, end_row=3 + start + block, end_column=2)
    if extras:
        ws.cell(10, 47).value = "bra service"
        ws.merge_cells(start_row=10, start_column=47, end_row=10, end_column=48)
        for c in [1, *range(3, 47)]:  # row 20 blank but for its merged Tjänst cell
            ws.cell(20, c).value = None
    path.write_bytes(_save(wb))


if __name__ == "__main__":
    sheet(30, 10, HERE / "merged_groups.xlsx", False)
    sheet(300, 25, HERE / "merged_long.xlsx", True)
