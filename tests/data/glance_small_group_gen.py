"""Writes glance_small_group.csv (tests/report/test_glance_small_group.py): three units below
expectations, one (Simhall) on 12 answers, and a Vikt column the report does not use."""

from pathlib import Path

import numpy as np
import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    rng = np.random.default_rng(15)
    units = {"Norr": 45, "Söder": 40, "Simhall": 12}
    rows = []
    for u, n in units.items():
        shift = {"Norr": -0.7, "Söder": -0.6, "Simhall": -1.3}[u]
        for _ in range(n):
            g = rng.normal(0, 0.6)
            r = {"Enhet": u}
            for k in range(1, 23):
                r[f"E{k}"] = int(np.clip(np.round(5.8 + g + rng.normal(0, 0.8)), 1, 7))
            for k in range(1, 23):
                r[f"P{k}"] = int(np.clip(np.round(5.6 + g + shift + rng.normal(0, 0.9)), 1, 7))
            rows.append(r)
    df = pd.DataFrame(rows)
    df.insert(1, "Vikt", np.round(rng.uniform(0.5, 2.0, len(df)), 2))
    df.insert(0, "Respondent", range(1, len(df) + 1))
    df.to_csv(
        str(Path(__file__).with_name("glance_small_group.csv")), sep=";", index=False, decimal=","
    )
