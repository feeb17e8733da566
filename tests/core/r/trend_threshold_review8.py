"""Review 8 finding 1's independent check, stored in trend_threshold_review8.json.

The measured difference each 2019 -> 2020 total needs after Holm over the 14 totals, computed
without the tool: every input comes from trend_totals.json, which tests/core/r/trend.R derives
from the sample xlsx files itself (shares as counts, the index and times as values), and every
statistic from statsmodels / scipy here (session 12; until then p and the SE were the tool's
own JSON, so only the Holm bisection was independent):

- shares: p from statsmodels ``proportions_ztest`` (the pooled z-test, the score test at 0),
  the design SE at the earlier share ``sqrt(p0 (1 - p0) (1/n1 + 1/n2))``, Mee's interval (1984)
  by brentq on the score statistic with the restricted MLE solved numerically here (statsmodels'
  ``confint_proportions_2indep(method="score", correction=False)`` returns bounds where its own
  ``test_proportions_2indep`` statistic is 2.006, not 1.960, for phone reached, so it is not
  used; core/proportions.py notes the same); the test's part bisects d
  with the row's p from ``proportions_ztest`` on p0 n1 and (p0 + s d) n2, s the observed
  direction (none inside 0-1 that way: infinite);
- the treatment index: Welch's interval from scipy ``ttest_ind(equal_var=False)``, its
  half-width over z the SE, p from scipy ``mannwhitneyu`` on the points (asymptotic, continuity
  correction, as R wilcox.test with ties); the test's part bisects d with p = 2 Phi(-d / se);
- times: the Hodges-Lehmann shift (numpy median of every pairwise difference), p from scipy
  ``mannwhitneyu`` as above, the interval R's wilcox.test (scipy has no Hodges-Lehmann
  interval), its half-width over z the SE; bisection as for the index.

Bisection: statsmodels ``multipletests(method="holm")``, the row's adjusted p reaching 0.05,
the other 13 p-values fixed. The threshold is the larger of that d and the distance from the
estimate to the interval's end on the side of 0 (the verdict also needs the interval). Run from
the repository root (after ``Rscript tests/core/r/trend.R``):

    R=tests/core/r
    python $R/trend_threshold_review8.py $R/trend_totals.json > $R/trend_threshold_review8.json

statsmodels 0.15, scipy 1.x.
"""

import json
import math
import sys

import numpy as np
from scipy.optimize import brentq
from scipy.stats import mannwhitneyu, norm, ttest_ind
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

Z975 = norm.isf(0.025)


def ztest_p(p0: float, n1: int, n2: int, change: float) -> float:
    """The pooled z-test's p for a change from p0 (this year's count left fractional)."""
    return float(proportions_ztest([p0 * n1, (p0 + change) * n2], [n1, n2])[1])


def score_z(k1: int, n1: int, k2: int, n2: int, delta: float) -> float:
    """Mee's score statistic for p2 - p1 = delta: (p2^ - p1^ - delta) over the SE at the
    restricted MLE (p1~, p1~ + delta), the root of the log-likelihood's derivative in p1."""
    lo, hi = max(0.0, -delta) + 1e-15, min(1.0, 1.0 - delta) - 1e-15

    def score(p1: float) -> float:
        p2 = p1 + delta
        return k1 / p1 - (n1 - k1) / (1 - p1) + k2 / p2 - (n2 - k2) / (1 - p2)

    if score(lo) <= 0:
        p1 = lo
    elif score(hi) >= 0:
        p1 = hi
    else:
        p1 = brentq(score, lo, hi, xtol=1e-15, rtol=1e-15)
    p2 = p1 + delta
    return (k2 / n2 - k1 / n1 - delta) / math.sqrt(p2 * (1 - p2) / n2 + p1 * (1 - p1) / n1)


def mee_interval(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """Every delta with |score_z| < z_{0.975}: the statistic falls as delta grows."""
    d = k2 / n2 - k1 / n1
    eps = 1e-12
    low = brentq(lambda x: score_z(k1, n1, k2, n2, x) - Z975, -1 + eps, d, xtol=1e-14)
    high = brentq(lambda x: score_z(k1, n1, k2, n2, x) + Z975, d, 1 - eps, xtol=1e-14)
    return low, high


def share_row(t: dict) -> dict:
    k1, n1, k2, n2 = t["k_before"], t["n_before"], t["k_after"], t["n_after"]
    p0 = k1 / n1
    low, high = mee_interval(k1, n1, k2, n2)
    return {
        "diff": k2 / n2 - p0,
        "p": float(proportions_ztest([k2, k1], [n2, n1])[1]),
        "se": math.sqrt(p0 * (1 - p0) * (1 / n1 + 1 / n2)),
        "ci_low": float(low),
        "ci_high": float(high),
    }


def value_row(t: dict) -> dict:
    xb, xa = np.asarray(t["x_before"]), np.asarray(t["x_after"])
    p = float(mannwhitneyu(xa, xb, use_continuity=True, method="asymptotic").pvalue)
    if t["kind"] == "index":
        ci = ttest_ind(xa, xb, equal_var=False).confidence_interval(0.95)
        diff, low, high = float(xa.mean() - xb.mean()), float(ci.low), float(ci.high)
    else:
        diff = float(np.median(np.subtract.outer(xa, xb)))
        low, high = t["ci_low"], t["ci_high"]
    return {"diff": diff, "p": p, "se": (high - low) / (2 * Z975), "ci_low": low, "ci_high": high}


def main() -> None:
    # a function, so that pytest's --doctest-modules can import the file without arguments
    with open(sys.argv[1]) as f:
        totals = json.load(f)["totals"]
    rows = [share_row(t) if t["kind"] == "share" else value_row(t) for t in totals]
    p = np.array([r["p"] for r in rows], dtype=float)
    out: dict = {"inputs": [], "critical": {}}
    for i, (t, r) in enumerate(zip(totals, rows, strict=True)):
        sign = 1.0 if r["diff"] >= 0 else -1.0
        if t["kind"] == "share":
            p0, n1, n2 = t["k_before"] / t["n_before"], t["n_before"], t["n_after"]
            room = 1 - p0 if sign > 0 else p0

            def p_at(
                d: float, p0: float = p0, n1: int = n1, n2: int = n2, s: float = sign
            ) -> float:
                return ztest_p(p0, n1, n2, s * d)

            top = room
        else:

            def p_at(d: float, se: float = r["se"]) -> float:
                return float(2 * norm.sf(d / se))

            top = 20 * r["se"]

        def gap(d: float, i: int = i, p_at=p_at) -> float:
            q = p.copy()
            q[i] = p_at(d)
            return multipletests(q, alpha=0.05, method="holm")[1][i] - 0.05

        # infinite: no change inside 0-1 in the observed direction is told from chance
        d = math.inf if gap(top) > 0 else brentq(gap, 1e-12, top, xtol=1e-14, rtol=1e-13)
        to_zero = r["diff"] - r["ci_low"] if r["diff"] >= 0 else r["ci_high"] - r["diff"]
        key = f"{t['kpi']}|{t['channel']}"
        out["inputs"].append({"kpi": t["kpi"], "channel": t["channel"], **r, "test_part": d})
        out["critical"][key] = max(d, to_zero)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
