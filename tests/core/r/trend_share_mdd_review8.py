"""Review 8 finding 2's reference values, stored in trend_share_mdd_review8.json.

The per-area minimum detectable change of a share, from the design SE at the earlier year's
share p0, sqrt(p0 (1 - p0) (1/n1 + 1/n2)), computed here from p0 and the two n alone with
statsmodels ``NormalIndPower`` (two-sided z test, power 0.8, at the row's Holm level): the
standardised effect it solves, times sqrt(p0 (1 - p0)), is the MDD; where the interval's bound
on the side of 0 (the verdict needs it too) is stricter than z_{1-level/2} * SE, that bound +
z_{0.8} * SE; none (null) when the MDD leaves no room inside 0-1 on either side of p0, or p0 is
0 or 1. Inputs (before, n_before, n_after, level, diff, ci_low, ci_high) are the tool's JSON of

    S=data/samples
    servqual trend $S/servicematning_2019.xlsx $S/servicematning_2020.xlsx -f json > trend.json

(the level is checked against statsmodels multipletests in tests/core/test_trend_detectable.py).

    R=tests/core/r
    python $R/trend_share_mdd_review8.py trend.json > $R/trend_share_mdd_review8.json

statsmodels 0.14. NormalIndPower counts the far tail too; at these levels it is below 1e-6.
"""

import json
import math
import sys

from scipy.stats import norm
from statsmodels.stats.power import NormalIndPower


def main() -> None:
    # a function, so that pytest's --doctest-modules can import the file without arguments
    with open(sys.argv[1]) as f:
        rows = json.load(f)["comparisons"]
    shares = ("phone_reached", "email_within_2_working_days", "answered_question")
    out = {}
    for r in rows:
        if r["kpi"] not in shares:
            continue
        p0, n1, n2, level = r["before"], r["n_before"], r["n_after"], r["level"]
        key = f"{r['kpi']}|{r['channel']}|{r['area']}"
        if p0 in (0.0, 1.0):
            out[key] = None
            continue
        se = math.sqrt(p0 * (1 - p0) * (1 / n1 + 1 / n2))
        es = NormalIndPower().solve_power(nobs1=n1, ratio=n2 / n1, alpha=level, power=0.8)
        mdd = es * math.sqrt(p0 * (1 - p0))
        to_zero = r["diff"] - r["ci_low"] if r["diff"] >= 0 else r["ci_high"] - r["diff"]
        if to_zero > norm.isf(level / 2) * se:
            mdd = to_zero + norm.ppf(0.8) * se
        out[key] = None if mdd > max(p0, 1 - p0) else mdd
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
