"""The verdict on a change: ``better``, ``worse`` or ``no detectable change``, one rule for the
two-year comparison of contact KPIs (:mod:`servqual_cli.core.trend`), the SERVQUAL survey trend,
the service survey and (through its own words) a series of years: the test and the interval
must agree, honouring the KPI's direction.
"""

from __future__ import annotations

import math

__all__ = ["VERDICTS", "VERDICT_RULE", "verdict"]

VERDICTS = ("worse", "better", "no detectable change")
VERDICT_RULE = (
    "better/worse only when the test's p (adjusted for the per-area rows) is below 1 - conf and "
    "the interval excludes 0 on the same side; otherwise no detectable change"
)


def verdict(
    diff: float,
    p: float,
    direction: int,
    alpha: float = 0.05,
    ci_low: float | None = None,
    ci_high: float | None = None,
) -> str:
    """``better``, ``worse`` or ``no detectable change`` for a change ``diff`` with p-value ``p``
    and, when given, its interval ``ci_low`` to ``ci_high``.

    A change is better or worse only when the test (``p < alpha``) and the interval (wholly
    above or wholly below 0, on the side of ``diff``) agree; a missing (NaN) interval bound
    counts as not excluding 0. Without ``ci_low``/``ci_high`` only the test decides.

    >>> verdict(0.25, 0.01, 1), verdict(-28.0, 0.03, -1), verdict(-0.1, 0.2, 1)
    ('better', 'better', 'no detectable change')

    The lekeberg phone queue: p = 0.015 but the interval −60.8 to 4.8 s includes 0:

    >>> verdict(-28.0, 0.015, -1, 0.05, -60.8, 4.8)
    'no detectable change'
    >>> verdict(-28.0, 0.015, -1, 0.05, -50.0, -6.0), verdict(-28.0, 0.08, -1, 0.05, -50.0, -6.0)
    ('better', 'no detectable change')
    """
    if not (p < alpha) or diff == 0 or direction == 0 or math.isnan(diff):
        return "no detectable change"
    if ci_low is not None or ci_high is not None:
        low = math.nan if ci_low is None else float(ci_low)
        high = math.nan if ci_high is None else float(ci_high)
        excludes = low > 0 if diff > 0 else high < 0  # NaN compares False: not excluded
        if not excludes:
            return "no detectable change"
    return "better" if diff * direction > 0 else "worse"
