"""``core.pairwise.moments`` on several threads (issue #16): the blocks' products are made on
:func:`~servqual_cli.threads.map_ordered` threads and added in block order, so every sum must be
the one-thread loop's bit for bit, whatever the number of threads, the layout or the blanks.

The reference below is the loop ``moments`` ran before (main at 637d750), kept here verbatim
in its arithmetic: a buffer per block, ``gram += out.T @ out`` in block order.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli import threads
from servqual_cli.core import pairwise
from servqual_cli.core.pairwise import _present_mean, moments

BLOCK = 64  # rows per block in these tests (the module's is 2^15): many blocks on small data


def _old_loop(x: np.ndarray, squares: bool) -> tuple[np.ndarray, int]:
    """The masked Gram product as the one-thread loop made it (shift as ``moments`` takes it)."""
    n, k = x.shape
    shift = _present_mean(x[:BLOCK])
    unset = np.isnan(shift)
    if unset.any():
        shift[unset] = np.nan_to_num(_present_mean(x[:, unset]))
    width = 3 * k if squares else 2 * k
    order = "F" if x.flags.f_contiguous and not x.flags.c_contiguous else "C"
    buf = np.empty((min(n, BLOCK), width), order=order)
    gram = np.zeros((width, width))
    n_complete = 0
    for start in range(0, n, BLOCK):
        block = x[start : start + BLOCK]
        out = buf[: block.shape[0]]
        mask = ~np.isnan(block)
        np.subtract(block, shift, out=out[:, :k])
        np.copyto(out[:, :k], 0.0, where=~mask)
        if squares:
            np.multiply(out[:, :k], out[:, :k], out=out[:, k : 2 * k])
        out[:, -k:] = mask
        gram += out.T @ out
        n_complete += int(mask.all(axis=1).sum())
    return gram, n_complete


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(0, 13 * BLOCK + 5),
    k=st.integers(2, 6),
    blank=st.sampled_from([0.0, 0.05, 0.5]),
    squares=st.booleans(),
    fortran=st.booleans(),
    workers=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
)
def test_threads_give_the_one_thread_sums_bit_for_bit(
    n: int,
    k: int,
    blank: float,
    squares: bool,
    fortran: bool,
    workers: int,
    seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 8, size=(n, k)).astype(float) + rng.normal(0, 1e-3, size=(n, k))
    x[rng.random((n, k)) < blank] = np.nan
    if n:
        x[0, 0] = np.nan  # the masked products, not the complete-data shortcut
    if fortran:
        x = np.asfortranarray(x)
    gram, n_complete = _old_loop(x, squares)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pairwise, "_BLOCK_ROWS", BLOCK)
        m.setattr(pairwise, "MIN_ROWS", 1)  # threads from any size (map_ordered's too)
        m.setattr(threads, "MIN_ROWS", 1)
        m.setenv("SERVQUAL_WORKERS", str(workers))
        got = moments(x, squares=squares)
    width = gram.shape[0]
    assert got.n_complete == n_complete
    assert np.array_equal(got.cross, gram[:k, :k], equal_nan=True)
    assert np.array_equal(got.sums, gram[:k, -k:], equal_nan=True)
    assert np.array_equal(got.counts, np.rint(gram[-k:, -k:]).astype(np.int64))
    if squares:
        assert np.array_equal(got.squares, gram[k : 2 * k, -k:], equal_nan=True)
    assert width == (3 * k if squares else 2 * k)
