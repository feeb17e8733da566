"""Writes alpha_negative.csv (review 15, finding 2; tests/cli/test_alpha_low_cli.py): 60
respondents, 6 items in 2 dimensions on 1–7. Bemötande (items 1–3) is a good scale in E, P and
the gap. In Rättssäkerhet (items 4–6) the perceptions hang together (α about 0,8), but the
expectations of items 4 and 5 pull against each other, so the item gaps covary negatively on
average and the gap's α is below 0: the case where the report's summary quoted only the good P.
The reference values are R psych's: tests/cli/r/alpha_negative.R."""

from pathlib import Path

import numpy as np
import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    rng = np.random.default_rng(15)
    n = 60
    good = rng.normal(0, 1, n)  # Bemötande: one factor in E and P alike
    p_rs = rng.normal(0, 1, n)  # Rättssäkerhet's perceptions: one factor
    pull = rng.normal(0, 1.3, n)  # its expectations 4 and 5: opposite signs
    e_shift = {4: pull, 5: -pull, 6: np.zeros(n)}

    def scale(x: np.ndarray) -> np.ndarray:
        return np.clip(np.round(x), 1, 7).astype(int)

    cols: dict[str, np.ndarray] = {}
    for k in (1, 2, 3):
        cols[f"E{k}"] = scale(5.6 + 0.8 * good + rng.normal(0, 0.6, n))
    for k in (4, 5, 6):
        cols[f"E{k}"] = scale(5.0 + e_shift[k] + rng.normal(0, 0.5, n))
    for k in (1, 2, 3):
        cols[f"P{k}"] = scale(4.8 + 1.2 * good + rng.normal(0, 0.6, n))
    for k in (4, 5, 6):
        cols[f"P{k}"] = scale(4.5 + 0.6 * p_rs + rng.normal(0, 0.5, n))
    df = pd.DataFrame({"Löpnr": range(1, n + 1), **cols})
    df.to_csv(str(Path(__file__).with_name("alpha_negative.csv")), sep=";", index=False)
