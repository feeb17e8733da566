"""Writes r15_method.csv (40 respondents, two units, E/P 1-7, three dimensions of two items) for
the tests of review 15, findings 12-14 (session 17): the method section's missing-data rules and
references, and ``gap -f apa``'s lines for "which gap is largest?". Instrument: r15_method.toml.

Every rule the method section must name has cells: blanks, "Vet ej", the instrument's own
missing code 99, answers written as labels ("Instämmer helt" = 7, "Instämmer inte alls" = 1),
an out-of-range 9, and row 41 repeats row 2 (a duplicate kept in every result). Dimension gaps
differ (Tillgång about −1, Bemötande −0,4, Information 0), so the Friedman test and some pairs
are clear.
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    rng = np.random.default_rng(SEED)
    here = Path(__file__).parent
    N = 40

    def answers(centre: float) -> np.ndarray:
        return np.clip(np.round(centre + rng.normal(0, 0.9, N)), 1, 7).astype(int)

    data: dict[str, object] = {"Enhet": ["Norr"] * 20 + ["Söder"] * 20}
    for k in range(1, 7):
        data[f"E{k}"] = answers(5.6)
    for k, centre in enumerate((4.6, 4.6, 5.2, 5.2, 5.6, 5.6), start=1):
        data[f"P{k}"] = answers(centre)
    frame = pd.DataFrame(data).astype(object)
    # the rules, each on cells of its own (row index 0 is file row 2)
    frame.loc[[3, 17], "E2"] = ""
    frame.loc[[5, 9, 30], "P3"] = "Vet ej"
    frame.loc[[6, 12, 25, 33], "E5"] = 99
    frame.loc[[7, 8, 21], "P6"] = "Instämmer helt"
    frame.loc[[11, 27], "P1"] = "Instämmer inte alls"
    frame.loc[[14], "E4"] = 9
    frame = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)  # row 42 repeats row 2
    frame.to_csv(here / "r15_method.csv", index=False)
