"""The trend's "told from chance" threshold and its minimum detectable difference (MDD).

Split from :mod:`servqual_cli.core.trend`. Both take one standard error per row, of the design,
which does not depend on where this year's estimate fell (review 7 finding 4; review 8 findings
1 and 2): for shares the binomial SE at the earlier year's share (:func:`baseline_share_se`), for
times and the index the interval's half-width over z (:func:`design_se`). The threshold is
``z_{1-level/2} * se`` for times and the index, for shares the change the pooled z-test rejects
in the observed direction (:func:`score_threshold`; session 12), or the interval's bound where
stricter; the MDD is at the level the verdict uses, and never below the threshold beside it
(:func:`mdd_at_level`): review 5 finding 10 found one sentence saying "a true change of 14 is
detected with 80 % probability; a measured one must exceed about 14", which cannot both hold
(at a true change equal to the threshold the test finds it half the time). Review 8 finding 1:
the threshold took ``|diff| / z_{1-p/2}``, the SE the test implied at the observed point; for
the index that is a Welch difference over a Mann-Whitney quantile, the SE of nothing, and it
moved with where the estimate fell.

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

__all__ = ["baseline_share_se", "design_se", "mdd_at_level", "room_in_direction", "score_threshold"]


def baseline_share_se(before: np.ndarray, n1: np.ndarray, n2: np.ndarray) -> np.ndarray:
    """The design SE of a change in a share, at the earlier year's share ``p0``:
    ``sqrt(p0 (1 - p0) (1/n1 + 1/n2))``, the SE of the difference of two shares when nothing
    changed from the baseline (Fleiss, Levin & Paik 2003, *Statistical Methods for Rates and
    Proportions*, 3rd ed., ch. 4; with the normal quantiles, Bloom 1995's MDD is then
    statsmodels ``NormalIndPower`` at the effect size ``d / sqrt(p0 (1 - p0))``). It depends on
    the baseline and the two n only, not on where this year's share fell (review 8 finding 2:
    Mee's interval narrowed for one area of seven because 2020 landed at 100 %, which alone gave
    it an MDD). At a baseline of 0 or 100 % it is 0: NaN, no MDD from it.

    >>> baseline_share_se(np.array([0.5, 6 / 7, 1.0]), np.array([7, 7, 6]),
    ...                   np.array([7, 7, 7])).round(4).tolist()
    [0.2673, 0.187, nan]
    """
    p0 = np.asarray(before, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(p0 * (1.0 - p0) * (1.0 / np.asarray(n1, dtype=float)
                                        + 1.0 / np.asarray(n2, dtype=float)))  # fmt: skip
        return np.where(se > 0, se, math.nan)


def score_threshold(
    before: np.ndarray, n1: np.ndarray, n2: np.ndarray, level: np.ndarray, upward: np.ndarray
) -> np.ndarray:
    """The smallest change ``d`` from the earlier share ``p0`` that the pooled two-sample z-test
    rejects at ``level`` (two-sided), in the observed direction (``upward``; ``s`` = +1 or -1).

    The pooled z-test of ``p1 = p2`` (Fleiss, Levin & Paik 2003, *Statistical Methods for Rates
    and Proportions*, 3rd ed.; its square is Pearson's chi-square of the fourfold table without
    continuity correction, R ``prop.test(correct = FALSE)``, statsmodels ``proportions_ztest``,
    and the score test at 0 that Mee's interval inverts) is
    ``z = (p2 - p1) / sqrt(pbar (1 - pbar) k)``, ``k = 1/n1 + 1/n2``, with the pooled share
    ``pbar = (n1 p1 + n2 p2) / (n1 + n2)``. At ``p1 = p0``, ``p2 = p0 + s d`` the pooled share
    is ``pbar = p0 + w s d``, ``w = n2 / (n1 + n2)``, and the test rejects once
    ``d² >= z² k pbar (1 - pbar)``, ``z = z_{1-level/2}``. Expanding,
    ``pbar (1 - pbar) = p0 (1 - p0) + w s d (1 - 2 p0) - w² d²``, so the boundary is the
    quadratic ``(1 + z² k w²) d² - z² k w s (1 - 2 p0) d - z² k p0 (1 - p0) = 0``; its constant
    term is <= 0 and its leading one > 0, so it has one root ``d >= 0``,
    ``(b + sqrt(b² + 4 a c)) / (2 a)`` with ``a = 1 + z² k w²``, ``b = z² k w s (1 - 2 p0)``,
    ``c = z² k p0 (1 - p0)``. It is the smallest such ``d``: ``d² / (pbar (1 - pbar))`` grows
    with ``d`` (its derivative has the sign of ``pbar (1 - 2 p0) + p0 >= 0``), so ``|z|``
    crosses ``z_{1-level/2}`` once.

    The baseline SE alone (``z * baseline_share_se``, the root at ``w = 0``) understates it
    when the share moves toward 50 % and overstates it away from 50 % (review 8 on the docs:
    Lekeberg's phone-reached total, 83 % in 2019, printed "about 21 pp" after Holm where a drop
    needs 25, as review 7's bisection with statsmodels found). It depends on the baseline, the
    two n, the level and the direction only, not on where this year's share fell. It is the
    continuous boundary: counts are whole numbers. For Fisher's test (conservative) it is a
    lower bound. At a baseline of 0 or 100 % it is 0 in the direction the share cannot go and
    positive in the other. A root beyond the room in that direction (``1 - p0`` up, ``p0``
    down) means no change that way can be significant.

    Lekeberg's phone reached, 44/53 -> 43/54 (a drop), at Holm's level 0.05 / 12 over the
    totals, and the same rise:

    >>> score_threshold(np.array([44 / 53] * 2), np.array([53] * 2), np.array([54] * 2),
    ...                 np.array([0.05 / 12] * 2), np.array([False, True])).round(4).tolist()
    [0.2533, 0.1584]
    """
    p0 = np.asarray(before, dtype=float)
    m1, m2 = np.asarray(n1, dtype=float), np.asarray(n2, dtype=float)
    z2 = special.ndtri(np.asarray(level, dtype=float) / 2) ** 2
    k = 1.0 / m1 + 1.0 / m2
    w = m2 / (m1 + m2)
    sign = np.where(np.asarray(upward, dtype=bool), 1.0, -1.0)
    a = 1.0 + z2 * k * w**2
    b = z2 * k * w * sign * (1.0 - 2.0 * p0)
    c = z2 * k * p0 * (1.0 - p0)
    with np.errstate(invalid="ignore"):
        return (b + np.sqrt(b**2 + 4.0 * a * c)) / (2.0 * a)


def design_se(ci_low: np.ndarray, ci_high: np.ndarray, conf: float) -> np.ndarray:
    """The standard error of the design, the interval's half-width (the mean of its two sides)
    over ``z_{1-a/2}``: it depends on n and the spread, not on where this year's estimate fell
    in its interval (review 7 finding 4: the distance to the interval's near end, or
    ``|diff| / z_{1-p/2}``, gave 2021 -> 2022's e-mail reply time an MDD of 1.5 h where its
    3.4 h wide interval says about 2.4). A missing or zero-width interval gives NaN.

    >>> design_se(np.array([-2.9, 0.0]), np.array([0.5, 0.0]), 0.95).round(4).tolist()
    [0.8674, nan]
    """
    z = float(-special.ndtri((1 - conf) / 2))
    with np.errstate(invalid="ignore"):
        se = (np.asarray(ci_high, dtype=float) - np.asarray(ci_low, dtype=float)) / (2 * z)
        return np.where(se > 0, se, math.nan)


def mdd_at_level(
    se: np.ndarray,
    level: np.ndarray,
    critical: np.ndarray,
    before: np.ndarray,
    bounded: np.ndarray,
    power: float,
) -> np.ndarray:
    """Minimum detectable difference at the level the verdict uses,
    ``(z_{1-level/2} + z_power) * se`` (Bloom 1995, *Evaluation Review* 19(5), 547-556, eq. 1;
    Cohen 1988, ch. 12), with ``level`` the adjusted level of
    :func:`~servqual_cli.core.trend_family.reachable_levels` and ``se`` the design's
    (:func:`design_se`): review 7 finding 1, an MDD before the adjustment beside a verdict after
    it told a board that 24 pp is detected 80 % of the time where Holm needs about 32.

    Where the row's "told from chance" threshold ``critical`` (for a share, toward 50 %, the
    side with more room, where the pooled z-test needs the most: :func:`score_threshold`) is
    stricter than ``z_{1-level/2} * se`` (a conservative test, an interval longer on the side
    of 0, a share moving toward 50 %), the
    measured change (about normal around the true one with SD ``se``) has to exceed that
    threshold, so the MDD is ``critical + z_power * se``: the MDD is never below the threshold
    beside it, and a true change of MDD passes it with probability ``power``.

    A share or the index (``bounded``: 0-1) cannot change by more than the room on its wider
    side, ``max(before, 1 - before)``: an MDD beyond that is NaN, no change reaches the power.

    >>> mdd_at_level(np.array([0.1, 0.3, 2.0]), np.array([0.05, 0.05, 0.0125]),
    ...              np.array([0.15, 0.5, 9.0]), np.array([0.5, 0.5, 60.0]),
    ...              np.array([True, True, False]), 0.8).round(4).tolist()
    [0.2802, nan, 10.6832]
    """
    z_power = float(special.ndtri(power))
    se = np.asarray(se, dtype=float)
    with np.errstate(invalid="ignore"):
        at_level = -special.ndtri(np.asarray(level, dtype=float) / 2) * se
        mdd = np.fmax(at_level, np.asarray(critical, dtype=float)) + z_power * se
        mdd = np.where(np.isnan(at_level), math.nan, mdd)
        room = np.maximum(before, 1.0 - before)
        beyond = bounded & (mdd > room)
    return np.where(beyond, math.nan, mdd)


def room_in_direction(before: np.ndarray, upward: np.ndarray, bounded: np.ndarray) -> np.ndarray:
    """The most a share or the index (``bounded``: 0-1) can change from the earlier value
    ``before`` in the direction it moved: ``1 - before`` up, ``before`` down; NaN for times
    (no upper end). A "told from chance" threshold beyond it (``critical > room``) means no
    change that way can be significant (the pooled z-test rejects only beyond the threshold,
    :func:`score_threshold`): Lekeberg's good-or-better treatment by phone, 84.4 % and rising,
    needs about 16 pp after Holm where 15.6 is the most it can rise, and a number there would
    read as a change the data could tell.

    >>> room_in_direction(np.array([0.844, 0.844, 60.0]), np.array([True, False, True]),
    ...                   np.array([True, True, False])).round(3).tolist()
    [0.156, 0.844, nan]
    """
    b = np.asarray(before, dtype=float)
    room = np.where(np.asarray(upward, dtype=bool), 1.0 - b, b)
    return np.where(np.asarray(bounded, dtype=bool), room, math.nan)
