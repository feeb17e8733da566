"""The distribution functions the exact tests need, as :mod:`scipy.stats` computes them, without
importing it (about a second), and a root finder.

The binomial and hypergeometric functions are scipy.stats' own ufuncs (``scipy.special._ufuncs``,
loaded with :mod:`scipy.special`) called directly, so the numbers are the same; roots are solved
by :func:`servqual_cli.core.roots.brentq`, a port of SciPy's, without :mod:`scipy.optimize`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

FloatArray = NDArray[np.float64]

# R's fisher.test and binom.test count outcomes "as extreme" when their probability is within
# this factor of the observed one, so rounding cannot drop a tie in probability.
REL_ERR = 1 + 1e-7
# Root finding to near machine precision (R's uniroot default is only eps^0.25 ~ 1.2e-4).
_XTOL = 1e-15
_RTOL = 4 * np.finfo(np.float64).eps


def find_root(f: Callable[[float], float], lo: float, hi: float) -> float:
    from servqual_cli.core.roots import brentq  # SciPy's brentq, without scipy.optimize

    return brentq(f, lo, hi, xtol=_XTOL, rtol=_RTOL)


def binom_two_sided(x: int, n: int, p: float) -> float:
    """R ``binom.test(x, n, p)$p.value`` for 0 < p < 1: outcomes no more likely than x."""
    d = binom_pmf(x, n, p)
    m = n * p
    if x == m:
        return 1.0
    if x < m:
        i = np.arange(math.ceil(m), n + 1)
        y = int(np.sum(binom_pmf(i, n, p) <= d * REL_ERR))
        total = binom_cdf(x, n, p) + binom_sf(n - y, n, p)
    else:
        i = np.arange(0, math.floor(m) + 1)
        y = int(np.sum(binom_pmf(i, n, p) <= d * REL_ERR))
        total = binom_cdf(y - 1, n, p) + binom_sf(x - 1, n, p)
    return min(1.0, float(total))


# The distributions below are scipy.stats' own ufuncs (scipy.special._ufuncs, loaded with
# scipy.special), called directly: the same numbers without importing scipy.stats (~1 s).
def binom_pmf(k: ArrayLike, n: int, p: float) -> FloatArray:
    """scipy.stats.binom.pmf(k, n, p) (boost's binomial pdf)."""
    return np.asarray(ufuncs()._binom_pmf(k, n, p), dtype=np.float64)


def binom_cdf(k: int, n: int, p: float) -> float:
    """scipy.stats.binom.cdf(k, n, p): 0 below the support, 1 above it."""
    if k < 0:
        return 0.0
    return 1.0 if k >= n else float(ufuncs()._binom_cdf(float(k), n, p))


def binom_sf(k: int, n: int, p: float) -> float:
    """scipy.stats.binom.sf(k, n, p) = P(X > k): 1 below the support, 0 above it."""
    if k < 0:
        return 1.0
    return 0.0 if k >= n else float(ufuncs()._binom_sf(float(k), n, p))


def hypergeom_logpmf(k: NDArray[Any], total: int, good: int, drawn: int) -> FloatArray:
    """scipy.stats.hypergeom.logpmf(k, total, good, drawn): its log-beta formula."""
    bad = total - good
    betaln = special.betaln
    return np.asarray(
        betaln(good + 1, 1) + betaln(bad + 1, 1) + betaln(total - drawn + 1, drawn + 1)
        - betaln(k + 1, good - k + 1) - betaln(drawn - k + 1, bad - drawn + k + 1)
        - betaln(total + 1, 1),
        dtype=np.float64,
    )  # fmt: skip


def ufuncs() -> Any:
    """scipy's private module of the distribution ufuncs that scipy.stats calls."""
    from scipy.special import _ufuncs

    return _ufuncs
