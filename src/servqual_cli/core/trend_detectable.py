"""One standard error per trend comparison for both the "told from chance" threshold and the
minimum detectable difference (review 5, finding 10).

Split from :mod:`servqual_cli.core.trend`. With two SEs (a power formula's for the MDD, the
test's for the threshold) one sentence could say "a true change of 14 is detected with 80 %
probability; a measured one must exceed about 14", which cannot both hold: at a true change equal
to the threshold the test finds it half the time. Here the SE the verdict's own test implies gives
both, ``critical = z_{1-level/2} * se`` and ``mdd = (z_{1-a/2} + z_power) * se``;
:func:`~servqual_cli.core.trend.compare_kpis` raises it to the interval's SE where that is the
larger, as the verdict needs the test and the interval.

References
----------
Bloom, H. S. (1995). Minimum detectable effects: a simple way to report the statistical power of
experimental designs. *Evaluation Review* 19(5), 547-556 (eq. 1).
Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., ch. 12.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

__all__ = ["implied_se", "mdd_from_se"]


def implied_se(
    diff: np.ndarray, p: np.ndarray, mdd: np.ndarray, conf: float, power: float
) -> np.ndarray:
    """The standard error the test implies, ``|diff| / z_{1-p/2}`` (so ``|diff|`` exceeds
    ``z_{1-level/2} * se`` exactly when p < level, the verdict's own test), for p below 0.5.

    At p >= 0.5 the change is far from any significance level and ``|diff| / z_{1-p/2}`` is
    ill-conditioned (it grows without bound as p nears 1, which an exact test reaches with a
    change): there, and where it is undefined (no change, p 0), the SE behind the power
    formula's MDD, ``mdd / (z_{1-a/2} + z_power)`` (Cohen 1988, *Statistical Power Analysis*,
    ch. 6), but at least ``|diff| / z_{0.75}``, so the change still stays under every threshold
    ``z_{1-level/2} * se`` (level <= 0.5) as its test says. An SE of 0 (every value equal) is
    NaN: no threshold.

    >>> implied_se(np.array([0.256, 0.0, 0.1]), np.array([0.0045, 1.0, 0.8]),
    ...          np.array([0.265, 0.28, 0.14]), 0.95, 0.8).round(4).tolist()
    [0.0901, 0.1, 0.1483]
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        z = -special.ndtri(p / 2)  # norm.isf(p / 2)
        observed = np.abs(diff) / z
        z_sum = float(-special.ndtri((1 - conf) / 2) + special.ndtri(power))
        floor = np.abs(diff) / float(-special.ndtri(0.25))  # |diff| / z_{0.75}
        fallback = np.fmax(mdd / z_sum, floor)  # fmax: a NaN power-formula SE gives the floor
        usable = np.isfinite(observed) & (observed > 0) & (p < 0.5)
        se = np.where(usable, observed, fallback)
        return np.where(se > 0, se, math.nan)  # SE 0 (every time equal): no test, no threshold


def mdd_from_se(
    se: np.ndarray, before: np.ndarray, bounded: np.ndarray, conf: float, power: float
) -> np.ndarray:
    """Minimum detectable difference ``(z_{1-a/2} + z_power) * se`` (Bloom 1995, *Evaluation
    Review* 19(5), 547-556, eq. 1; Cohen 1988, ch. 12), from the same SE as the threshold.

    A share or the index (``bounded``: 0-1) cannot change by more than the room on its wider
    side, ``max(before, 1 - before)``: an MDD beyond that is NaN, no change reaches the power.

    >>> mdd_from_se(np.array([0.1, 0.3, 2.0]), np.array([0.5, 0.5, 60.0]),
    ...              np.array([True, True, False]), 0.95, 0.8).round(4).tolist()
    [0.2802, nan, 5.6032]
    """
    z_sum = float(-special.ndtri((1 - conf) / 2) + special.ndtri(power))
    mdd = z_sum * np.asarray(se, dtype=float)
    room = np.maximum(before, 1.0 - before)
    with np.errstate(invalid="ignore"):
        beyond = bounded & (mdd > room)
    return np.where(beyond, math.nan, mdd)
