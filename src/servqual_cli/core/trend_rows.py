"""One two-year comparison of a contact KPI, by its kind: the difference, its interval and the
test (the table in :mod:`servqual_cli.core.trend` says which for each kind), as the row
:func:`~servqual_cli.core.trend.compare_kpis` completes.

Shares: the score test with its inverted Mee (1984) interval, or Fisher's exact test beside the
Newcombe (1998) hybrid score interval. Times: the Hodges-Lehmann shift with the interval of the
Mann-Whitney test (Mann & Whitney 1947; Bauer 1972), the medians beside it as description, and
the Bonett & Price (2002) SE of the median difference. The treatment index: the Welch interval
of the mean difference and Mann-Whitney on the points.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from servqual_cli.core.exact_tests import fisher_exact
from servqual_cli.core.inference import mann_whitney, welch_t
from servqual_cli.core.location_shift import hodges_lehmann
from servqual_cli.core.median_diff import median_diff_ci
from servqual_cli.core.proportions import newcombe_diff_ci, score_diff_test

__all__ = [
    "MIN_EXPECTED",
    "ROW_BY_KIND",
    "SHARE_TESTS",
    "index_row",
    "median_row",
    "min_expected",
    "share_row",
]

SHARE_TESTS = ("score", "fisher")
#: Cochran's (1954) rule, the one R's ``chisq.test`` warns on: the score test's chi-square
#: approximation is not trusted where an expected count of the 2 x 2 table is under 5.
MIN_EXPECTED = 5.0


def min_expected(k1: int, n1: int, k2: int, n2: int) -> float:
    """The smallest expected count of the 2 x 2 table (yes/no by year) under no change.

    >>> min_expected(7, 7, 0, 7)
    3.5
    """
    pooled = (k1 + k2) / (n1 + n2)
    return float(min(n1, n2) * min(pooled, 1 - pooled))


def share_row(
    b: np.ndarray, a: np.ndarray, conf: float, power: float, share_test: str = "score"
) -> dict[str, Any]:
    """A share's change: the score test with its Mee interval, or Fisher's exact test beside the
    Newcombe interval (``share_test``). The score test gives way to Fisher's where an expected
    count is under :data:`MIN_EXPECTED` (review 18 finding 2: 7/7 vs 0/7, expected 3,5 each,
    read "sämre" at score p 0,000183 x 103 = 0,019 after Holm, Fisher's 0,060); ``test`` names
    the one used.

    >>> row = share_row(np.ones(7), np.zeros(7), 0.95, 0.8)
    >>> row["test"], round(row["p"], 6)
    ('fisher', 0.000583)
    """
    k1, n1, k2, n2 = int(b.sum()), b.size, int(a.sum()), a.size
    if share_test == "score" and min_expected(k1, n1, k2, n2) < MIN_EXPECTED:
        share_test = "fisher"
    if share_test == "fisher":
        low, high = newcombe_diff_ci(k1, n1, k2, n2, conf)
        p = fisher_exact(k1, n1, k2, n2).p
    else:
        score = score_diff_test(k1, n1, k2, n2, conf)
        low, high, p = score.ci_low, score.ci_high, score.p
    return {"before": k1 / n1, "after": k2 / n2, "diff": k2 / n2 - k1 / n1, "ci_low": low,
            "ci_high": high, "p": p, "test": share_test}  # fmt: skip


def median_row(b: np.ndarray, a: np.ndarray, conf: float, power: float) -> dict[str, Any]:
    """A time's change: the Hodges-Lehmann shift with the Mann-Whitney test and interval."""
    # Review 3 finding 11: the Mann-Whitney test goes with the Hodges-Lehmann shift and its
    # interval (R wilcox.test(conf.int = TRUE)), so test and interval answer one question; the
    # medians stay as the descriptive before/after and the Bonett-Price SE gives the MDD.
    m = median_diff_ci(b, a, conf)
    shift = hodges_lehmann(b, a, conf)
    # the normal approximation the interval inverts (exact=False), not R's exact default for
    # small samples without ties, which could put p < 0.05 beside an interval covering 0
    p = mann_whitney(a, b, exact=False).p
    return {"before": m.before, "after": m.after, "diff": shift.estimate,
            "ci_low": shift.ci_low, "ci_high": shift.ci_high, "p": p,
            "test": "mann-whitney"}  # fmt: skip


def index_row(b: np.ndarray, a: np.ndarray, conf: float, power: float) -> dict[str, Any]:
    """The treatment index's change: the Welch interval, Mann-Whitney on the points."""
    t = welch_t(a, b, conf)
    # The tests see the points (3/2/1/0) as ordinal answers; the index is their mean / 3.
    return {"before": float(b.mean()), "after": float(a.mean()), "diff": t.diff,
            "ci_low": t.ci_low, "ci_high": t.ci_high, "p": mann_whitney(a, b).p,
            "test": "mann-whitney"}  # fmt: skip


#: The row of a KPI kind (:attr:`~servqual_cli.core.contacts.KpiSpec.kind`).
ROW_BY_KIND = {"share": share_row, "median": median_row, "index": index_row}
