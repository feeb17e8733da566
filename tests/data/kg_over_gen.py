"""Writes kg_over_citizens.csv (40 citizens, two units) and kg_over_staff.csv (30 staff) for
tests/cli/test_knowledge_gap_both_ways_cli.py (session 17). Instrument: toolbox.toml (E/P 1-7,
three dimensions).

Staff clearly underestimate Reliability (E1-E2) and clearly overestimate Responsiveness
(E3-E4: they think citizens expect more than they do); Empathy (E5-E6) they read about right.
Both clear differences survive Holm over the three dimensions; Empathy's does not.
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rng = np.random.default_rng(SEED)
    here = Path(__file__).parent

    def answers(n: int, centre: float) -> np.ndarray:
        return np.clip(np.round(centre + rng.normal(0, 0.8, n)), 1, 7).astype(int)

    citizens = {"Enhet": ["Norr"] * 20 + ["Söder"] * 20}
    for k, centre in enumerate((6.0, 6.0, 4.4, 4.4, 5.2, 5.2), start=1):
        citizens[f"E{k}"] = answers(40, centre)
    for k in range(1, 7):
        citizens[f"P{k}"] = answers(40, 5.0)
    staff = {f"E{k}": answers(30, c) for k, c in enumerate((5.0, 5.0, 5.6, 5.6, 5.2, 5.2), 1)}
    pd.DataFrame(citizens).to_csv(here / "kg_over_citizens.csv", index=False)
    pd.DataFrame(staff).to_csv(here / "kg_over_staff.csv", index=False)
