"""Write ``letter_over_number.xlsx`` (tests/instruments/test_letter_over_number.py).

Run from the repository root: ``python tests/data/reader/make_letter_over_number.py``. The
layout of review 5, finding 7: a title row, then a group row with "E", "P" merged over the
item numbers 1–22 in the row below (the two-row header the reader joins into "E 1" … "P 22"),
then 30 respondents with seeded answers 1–7, some blank.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import openpyxl

sys.path.insert(0, str(Path(__file__).parent))
from make_files import _save  # (fixed zip timestamps)

HERE = Path(__file__).parent


def main() -> None:
    rng = np.random.default_rng(7)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Enkät"
    ws.append(["Medborgarenkät 2024"])
    ws.append(["Respondent", "Tjänst", "E", *[None] * 21, "P", *[None] * 21])
    ws.append([None, None, *range(1, 23), *range(1, 23)])
    for r in range(30):
        e = rng.integers(4, 8, 22).astype(object)
        p = rng.integers(1, 8, 22).astype(object)
        e[rng.random(22) < 0.05] = None
        ws.append([r + 1, "Bygglov" if r % 2 else "Förskola", *e.tolist(), *p.tolist()])
    ws.merge_cells("C2:X2")
    ws.merge_cells("Y2:AX2")
    (HERE / "letter_over_number.xlsx").write_bytes(_save(wb))


if __name__ == "__main__":
    main()
