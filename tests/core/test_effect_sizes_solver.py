"""One secant solver in core.effect_sizes (``_secant``; ``_solve`` is its one-element call)
where there were two copies promised "bit for bit" equal (``_solve`` for one ncp, ``_solve_many``
for many). The old functions are kept below, verbatim, as the reference: the merged solver gives
their results bit for bit (NaN where NaN), for the noncentral t of the d_z intervals and the
noncentral F of ω²."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from servqual_cli.core import effect_sizes as es

# -- the two solvers before the merge (src/servqual_cli/core/effect_sizes.py at 3cb73df) --------


def old_solve(cdf: Callable[[float], float], p: float, start: float) -> float:
    """The ncp with cdf(ncp) = p by secant steps from cdflib's ``start`` (CDF falls in ncp)."""
    x0, x1 = start, start + max(1e-4, 1e-3 * abs(start))
    f0, f1 = cdf(x0) - p, cdf(x1) - p
    for _ in range(30):  # converges in a handful of steps from a 1e-5 start
        if f1 == f0 or abs(f1) < 1e-15:
            break
        x0, x1, f0 = x1, x1 - f1 * (x1 - x0) / (f1 - f0), f1
        f1 = cdf(x1) - p
    return x1


def old_solve_many(df: np.ndarray, t: np.ndarray, p: float, start: np.ndarray) -> np.ndarray:
    """:func:`_solve` of ``P(T <= t; df, ncp) = p`` for each element, all steps vectorised;
    an element stops where the scalar loop breaks, so each result is the scalar one."""
    x0 = start.copy()
    x1 = start + np.where(np.isnan(start), 1e-4, np.maximum(1e-4, 1e-3 * np.abs(start)))
    f0 = special.nctdtr(df, x0, t) - p
    f1 = special.nctdtr(df, x1, t) - p
    going = np.ones(x1.shape, dtype=bool)
    for _ in range(30):
        going &= ~((f1 == f0) | (np.abs(f1) < 1e-15))
        if not going.any():
            break
        i = np.flatnonzero(going)
        a0, a1, b0, b1 = x0[i], x1[i], f0[i], f1[i]
        step = a1 - b1 * (a1 - a0) / (b1 - b0)
        x0[i], x1[i], f0[i] = a1, step, b1
        f1[i] = special.nctdtr(df[i], step, t[i]) - p
    return x1


# -------------------------------------------------------------------------------------------------

t_values = st.one_of(
    st.floats(-60, 60, allow_nan=False), st.sampled_from([0.0, 1e-12, -1e-12, 1e3, math.nan])
)
dfs = st.one_of(st.floats(0.5, 1e6, allow_nan=False), st.sampled_from([1.0, 2.0, 4.0, 999_999.0]))
levels = st.sampled_from([0.005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.995])


def _bits(values: object) -> str:
    return repr(np.asarray(values, dtype=np.float64).tolist())


@settings(max_examples=300, deadline=None)
@given(t=t_values, df=dfs, p=levels)
def test_scalar_t_solve_is_the_old_one_bit_for_bit(t: float, df: float, p: float) -> None:
    start = float(special.nctdtrinc(df, p, t))
    with np.errstate(all="ignore"):
        old = old_solve(lambda ncp: float(special.nctdtr(df, ncp, t)), p, start)
        new = es._solve(lambda ncp: special.nctdtr(df, ncp, t), p, start)
    assert _bits(new) == _bits(old)


@settings(max_examples=300, deadline=None)
@given(
    f=st.one_of(st.floats(0.0, 200.0, allow_nan=False), st.sampled_from([0.0, 1.0, 1e-9])),
    df1=st.sampled_from([1.0, 2.0, 3.0, 7.0, 40.0]),
    df2=st.one_of(st.floats(1.0, 5000.0, allow_nan=False), st.sampled_from([1.0, 7.683])),
    p=levels,
)
def test_scalar_f_solve_is_the_old_one_bit_for_bit(f: float, df1: float, df2: float, p: float):
    start = float(special.ncfdtrinc(df1, df2, p, f))
    with np.errstate(all="ignore"):
        old = old_solve(lambda lam: float(special.ncfdtr(df1, df2, lam, f)), p, start)
        new = es._solve(lambda lam: special.ncfdtr(df1, df2, lam, f), p, start)
    assert _bits(new) == _bits(old)


@settings(max_examples=200, deadline=None)
@given(columns=st.lists(st.tuples(t_values, dfs), min_size=1, max_size=12), p=levels)
def test_vector_solve_is_the_old_one_bit_for_bit(columns: list, p: float) -> None:
    t = np.array([c[0] for c in columns])
    df = np.array([c[1] for c in columns])
    start = np.asarray(special.nctdtrinc(df, p, t), dtype=np.float64)

    def cdf(ncp: np.ndarray, i: np.ndarray) -> np.ndarray:
        return np.asarray(special.nctdtr(df[i], ncp, t[i]), dtype=np.float64)

    with np.errstate(all="ignore"):
        old = old_solve_many(df, t, p, start)
        new = es._secant(cdf, p, start)
        # and each element alone, by the one-element call, as among the others
        alone = [es._solve(lambda x, d=d, v=v: special.nctdtr(d, x, v), p, s)
                 for d, v, s in zip(df, t, start, strict=True)]  # fmt: skip
    assert _bits(new) == _bits(old)
    assert _bits(alone) == _bits(old)
