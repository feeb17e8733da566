"""Review 8 finding 2's reference values, stored in trend_share_mdd_review8.json.

The per-area minimum detectable change of a share, from the design SE at the earlier year's
share p0, sqrt(p0 (1 - p0) (1/n1 + 1/n2)), computed here from p0 and the two n alone with
statsmodels ``NormalIndPower`` (two-sided z test, power 0.8, at the row's Holm level): the
standardised effect it solves, times sqrt(p0 (1 - p0)), is the MDD; where the row's "told from
chance" threshold is stricter than z_{1-level/2} * SE, that threshold + z_{0.8} * SE. The
threshold (session 12) is the larger of the interval's bound on the side of 0 (the verdict
needs it too) and the change from p0 toward 50 % (the side with more room, the one checked
below, where the test needs the most: so the MDD does not follow the direction this year's share
took) at which statsmodels' ``proportions_ztest`` (the pooled z-test) on p0 n1 and (p0 +- d) n2
reaches p = level, bisected here; past the room in that direction (this year's count above n2 or
below 0) the bisection follows the same statistic while the pooled share stays inside 0-1, as
the tool's closed form does. None (null) when the MDD leaves no room inside 0-1 on either side
of p0, or p0 is 0 or 1.
Inputs (before, n_before, n_after, level, diff, ci_low, ci_high) are the tool's JSON of

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

from scipy.optimize import brentq
from scipy.stats import norm
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportions_ztest


def threshold_toward(p0: float, n1: int, n2: int, level: float, upward: bool) -> float:
    """The change from p0 at which the pooled z-test reaches p = level, in that direction."""
    sign = 1.0 if upward else -1.0
    # the pooled share p0 + sign * d * n2 / (n1 + n2) reaches 1 (up) or 0 (down) at `top`
    top = ((1 - p0) if upward else p0) * (n1 + n2) / n2

    def gap(d: float) -> float:
        return float(proportions_ztest([p0 * n1, (p0 + sign * d) * n2], [n1, n2])[1]) - level

    return float(brentq(gap, 1e-12, top * (1 - 1e-9), xtol=1e-14, rtol=1e-13))


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
        critical = max(threshold_toward(p0, n1, n2, level, p0 < 0.5), to_zero)
        if critical > norm.isf(level / 2) * se:
            mdd = critical + norm.ppf(0.8) * se
        out[key] = None if mdd > max(p0, 1 - p0) else mdd
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
