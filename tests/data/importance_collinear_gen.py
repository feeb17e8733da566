"""Writes importance_collinear.csv (tests/core/test_importance_vif.py,
tests/cli/test_importance_collinear_cli.py): 30 respondents whose four dimension gaps correlate
0.89-0.93 with each other, as SERVQUAL dimensions usually do, and an overall item Helhet driven
by their mean gap. Review 13, finding 1 (its /tmp/r13/gen2.py): OLS gives Bemötande a
significant negative b although its own correlation with Helhet is positive."""

from pathlib import Path

import numpy as np
import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    rng = np.random.default_rng(3)
    n = 30
    lat = rng.normal(0, 1, n)
    d = pd.DataFrame({"Id": range(n)})
    for i in range(1, 17):
        d[f"F{i}"] = np.clip(np.round(4 + rng.normal(0, 0.5, n)), 1, 5)
        d[f"U{i}"] = np.clip(np.round(3.5 + 0.9 * lat + rng.normal(0, 0.35, n)), 1, 5)
    u = d[[f"U{i}" for i in range(1, 17)]].to_numpy()
    g = (u - d[[f"F{i}" for i in range(1, 17)]].to_numpy()).mean(1)
    d["Helhet"] = np.round(3 + 1.0 * (g - g.mean()) / g.std() * 0.8 + rng.normal(0, 0.6, n), 1)
    d.to_csv(Path(__file__).with_name("importance_collinear.csv"), index=False)
