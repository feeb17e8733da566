"""Brent's root finder, as ``scipy.optimize.brentq``, without importing :mod:`scipy.optimize`.

The interval statistics (Fisher's exact odds-ratio limits, minimum detectable differences)
solve one equation each; importing :mod:`scipy.optimize` for that costs 0.15-0.3 s per run of
``feedback``, ``kpi`` or ``trend``. This is a line-by-line port of SciPy's C ``brentq``
(``scipy/optimize/Zeros/brentq.c``), so the iterates and the root are the same
(``tests/core/test_roots.py`` compares both on random brackets).

References
----------
Brent, R. P. (1973). *Algorithms for Minimization without Derivatives*, ch. 4. SciPy's
``brentq`` (Charles Harris's C implementation).
"""

from __future__ import annotations

import math
from collections.abc import Callable

_EPS = 2.220446049250313e-16


def brentq(
    f: Callable[[float], float],
    a: float,
    b: float,
    xtol: float = 2e-12,
    rtol: float = 4 * _EPS,
    maxiter: int = 100,
) -> float:
    """A root of ``f`` in [a, b], where f(a) and f(b) differ in sign.

    Raises ``ValueError`` when they do not, ``RuntimeError`` after ``maxiter`` iterations
    without convergence (as SciPy's ``brentq``).

    Examples
    --------
    >>> round(brentq(lambda x: x * x - 2.0, 0.0, 2.0), 12)
    1.414213562373
    """
    if xtol <= 0 or rtol < 4 * _EPS:
        raise ValueError("xtol must be > 0 and rtol >= 4 eps")
    xpre, xcur = float(a), float(b)
    xblk = fblk = spre = scur = 0.0
    fpre, fcur = float(f(xpre)), float(f(xcur))
    if fpre == 0:
        return xpre
    if fcur == 0:
        return xcur
    if math.copysign(1.0, fpre) == math.copysign(1.0, fcur):
        raise ValueError("f(a) and f(b) must have different signs")
    for _ in range(maxiter):
        if fpre != 0 and fcur != 0 and math.copysign(1.0, fpre) != math.copysign(1.0, fcur):
            xblk, fblk = xpre, fpre
            spre = scur = xcur - xpre
        if abs(fblk) < abs(fcur):
            xpre, xcur, xblk = xcur, xblk, xcur
            fpre, fcur, fblk = fcur, fblk, fcur
        delta = (xtol + rtol * abs(xcur)) / 2
        sbis = (xblk - xcur) / 2
        if fcur == 0 or abs(sbis) < delta:
            return xcur
        if abs(spre) > delta and abs(fcur) < abs(fpre):
            if xpre == xblk:  # interpolate
                stry = -fcur * (xcur - xpre) / (fcur - fpre)
            else:  # extrapolate (inverse quadratic)
                dpre = (fpre - fcur) / (xpre - xcur)
                dblk = (fblk - fcur) / (xblk - xcur)
                stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
            if 2 * abs(stry) < min(abs(spre), 3 * abs(sbis) - delta):  # good short step
                spre, scur = scur, stry
            else:  # bisect
                spre = scur = sbis
        else:  # bisect
            spre = scur = sbis
        xpre, fpre = xcur, fcur
        xcur += scur if abs(scur) > delta else (delta if sbis > 0 else -delta)
        fcur = float(f(xcur))
    raise RuntimeError(f"no convergence in {maxiter} iterations")
