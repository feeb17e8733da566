"""The port of SciPy's brentq gives SciPy's root, to the bit (issue #16: no scipy.optimize
import for one equation)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq as scipy_brentq

from servqual_cli.core.roots import brentq


@settings(max_examples=300, deadline=None)
@given(
    root=st.floats(-50, 50),
    power=st.sampled_from([1, 3, 5]),
    shift=st.floats(-3, 3),
    width=st.floats(0.01, 100),
    kind=st.sampled_from(["poly", "tanh", "exp"]),
)
def test_brentq_equals_scipy(root: float, power: int, shift: float, width: float, kind: str):
    def f(x: float) -> float:
        if kind == "poly":
            return (x - root) ** power + shift * (x - root)
        if kind == "tanh":
            return math.tanh(x - root) + 0.01 * (x - root)
        return math.expm1(min(x - root, 50.0))

    lo, hi = root - width, root + 2 * width
    if f(lo) * f(hi) > 0:
        return
    for xtol, rtol in ((2e-12, 8.9e-16), (1e-13, 1e-10)):
        assert _outcome(brentq, f, lo, hi, xtol, rtol) == _outcome(
            lambda *a: scipy_brentq(*a[:3], xtol=a[3], rtol=a[4]), f, lo, hi, xtol, rtol
        )


def _outcome(solver, *args):
    """The root, or that no root was found in 100 iterations (x³ at 0 defeats both)."""
    try:
        return solver(*args)
    except RuntimeError:
        return "no convergence"


def test_brentq_refuses_a_bracket_without_a_sign_change() -> None:
    with pytest.raises(ValueError, match="different signs"):
        brentq(lambda x: x * x + 1.0, -1.0, 1.0)
