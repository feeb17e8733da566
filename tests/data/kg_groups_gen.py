"""Writes kg_groups.xlsx (sheets "Svar": 3 units of citizens; "Personal": 20 staff) and
kg_staff.xlsx (the same staff, sheet "Personal") for tests/cli/test_knowledge_gap_groups_cli.py
(review 13, findings 3 and 7). Instrument: toolbox.toml (E/P 1-6, three dimensions).

Staff underestimate Reliability and Responsiveness a little in every unit: with Holm within
each unit (3 tests) some of them read as a misreading, with Holm over units × dimensions
(9 tests, as gap --by) they do not.
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    rng = np.random.default_rng(SEED)
    here = Path(__file__).parent

    def answers(n: int, centre: float) -> np.ndarray:
        return np.clip(np.round(centre + rng.normal(0, 0.9, n)), 1, 7).astype(int)

    rows = []
    for unit, n in {"Bibliotek": 30, "Skola": 30, "Teknik": 30}.items():
        frame = {"Enhet": [unit] * n}
        for k in range(1, 7):
            frame[f"E{k}"] = answers(n, 5.9 if k <= 4 else 5.4)
        for k in range(1, 7):
            frame[f"P{k}"] = answers(n, 5.0)
        rows.append(pd.DataFrame(frame))
    citizens = pd.concat(rows, ignore_index=True)
    staff = pd.DataFrame({f"E{k}": answers(20, 5.4) for k in range(1, 7)})
    with pd.ExcelWriter(here / "kg_groups.xlsx") as book:
        citizens.to_excel(book, sheet_name="Svar", index=False)
        staff.to_excel(book, sheet_name="Personal", index=False)
    with pd.ExcelWriter(here / "kg_staff.xlsx") as book:
        staff.to_excel(book, sheet_name="Personal", index=False)
