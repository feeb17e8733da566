"""Review 8 finding 1's independent check, stored in trend_threshold_review8.json.

The measured difference each 2019 -> 2020 total needs after Holm over the 14 totals: statsmodels
``multipletests(method="holm")``, bisecting the row's difference d with p = 2 Phi(-d / se) (the
row's design SE, JSON ``se``), the other 13 p-values fixed; the threshold is the larger of that d
and the distance from the estimate to the interval's end on the side of 0 (the verdict also
needs the interval). Inputs (``p``, ``se``, ``diff``, ``ci_low``, ``ci_high``) are the tool's
JSON of

    S=data/samples
    servqual trend $S/servicematning_2019.xlsx $S/servicematning_2020.xlsx -f json > trend.json

(p-values are checked against R elsewhere: tests/core/r/trend.R). Run from the repository root:

    R=tests/core/r
    python $R/trend_threshold_review8.py trend.json > $R/trend_threshold_review8.json

statsmodels 0.14, scipy 1.x.
"""

import json
import sys

import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm
from statsmodels.stats.multitest import multipletests


def main() -> None:
    # a function, so that pytest's --doctest-modules can import the file without arguments
    with open(sys.argv[1]) as f:
        rows = [r for r in json.load(f)["comparisons"] if r["area"] == "ALL"]
    p = np.array([r["p"] for r in rows], dtype=float)
    out = {"inputs": [], "critical": {}}
    for i, r in enumerate(rows):
        se = r["se"]

        def gap(d: float, i: int = i, se: float = se) -> float:
            q = p.copy()
            q[i] = 2 * norm.sf(d / se)
            return multipletests(q, alpha=0.05, method="holm")[1][i] - 0.05

        d = brentq(gap, 1e-9 * se, 20 * se, xtol=1e-12 * se)
        to_zero = r["diff"] - r["ci_low"] if r["diff"] >= 0 else r["ci_high"] - r["diff"]
        key = f"{r['kpi']}|{r['channel']}"
        out["inputs"].append(
            {k: r[k] for k in ("kpi", "channel", "p", "se", "diff", "ci_low", "ci_high")}
        )
        out["critical"][key] = max(d, to_zero)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
