"""core.missing_code_guess (issue #16, session 18): the likely-99 check reads the items without
copying them.

It flattened the items, then copied the answers without NaN and those without the code: three
arrays the size of the items, which doubled ``servqual alpha``'s peak memory at 1M × 22 (467 →
1043 MiB, measured by /usr/bin/time; issue #16's bound is 600 MiB). The tests hold the peak that
numpy reports to ``tracemalloc`` well under the items' own size, and the answer equal to the old
formula's (flatten, drop NaN, split off the code), which is written out below as the reference.
Both fail on the code before: its peak was over twice the items' size.
"""

from __future__ import annotations

import tracemalloc
from types import SimpleNamespace

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.missing_code_guess import CODES, LONGEST_SCALE, SuspectCode
from servqual_cli.core.missing_code_guess import suspect_missing_code as suspect


def reference(values: np.ndarray) -> SuspectCode | None:
    """The rule as first written (review 15, finding 7): one flat copy of the answers."""
    flat = np.asarray(values, dtype=float).ravel()
    flat = flat[~np.isnan(flat)]
    if flat.size == 0 or float(flat.max()) not in CODES:
        return None
    top = float(flat.max())
    rest = flat[flat != top]
    if rest.size == 0 or float(rest.max()) > min(top - 2.0, LONGEST_SCALE):
        return None
    return SuspectCode(top, int((flat == top).sum()), float(rest.min()), float(rest.max()))


def _items(rows: int, k: int, code: float | None, seed: int = 0) -> np.ndarray:
    """Column-major items as the reader hands them over: answers 1–7, 5 % blank, some codes."""
    rng = np.random.default_rng(seed)
    x = np.asfortranarray(rng.integers(1, 8, size=(rows, k)).astype(float))
    x[rng.random((rows, k)) < 0.05] = np.nan
    if code is not None:
        x[rng.random((rows, k)) < 0.01] = code
    return x


def _peak(call) -> tuple[object, int]:
    tracemalloc.start()
    try:
        out = call()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_check_copies_no_item_and_finds_the_same_code() -> None:
    for code in (99.0, None):
        x = _items(200_000, 10, code)
        found, peak = _peak(lambda x=x: suspect(x))
        assert found == reference(x)
        assert (found is None) == (code is None)
        # masks of one byte a cell, no float copy: the old code peaked above 2x x.nbytes
        assert peak < 0.35 * x.nbytes, (code, peak / x.nbytes)
        columns = [x[:, j] for j in range(x.shape[1])]
        found_cols, peak_cols = _peak(lambda c=columns: suspect(c))
        assert found_cols == found
        assert peak_cols < 0.35 * x.nbytes, (code, peak_cols / x.nbytes)


def test_alpha_undoes_a_reversal_without_copying_every_item() -> None:
    """``alpha --reverse X1`` judges the answers as given: only X1 gets a new column."""
    from servqual_cli.cli.reliability_alpha import _suspect_sections

    x = _items(200_000, 10, 99.0, seed=1)
    names = [f"X{j + 1}" for j in range(10)]
    block = x.T.copy()  # the loader's frame: one (items x rows) block, taken without a copy
    block[0] = 8.0 - block[0]  # X1 reversed on 1–7 by the loader; its 99s became −91
    frame = pd.DataFrame(block.T, columns=pd.Index(names, dtype=object), copy=False)
    loaded = SimpleNamespace(frame=frame, reverse=("X1",), reverse_range=(1.0, 7.0))
    _suspect_sections(SimpleNamespace(frame=frame.head(), reverse=()), "en", {})  # imports
    payload: dict[str, object] = {}
    values = frame.to_numpy(dtype=float)
    sections, peak = _peak(lambda: _suspect_sections(loaded, "en", payload))
    assert len(sections) == 1
    assert payload["suspected_missing_code"] == reference(x).to_dict()  # type: ignore[union-attr]
    assert peak < 0.5 * values.nbytes, peak / values.nbytes  # the old copy of every item: 1x+


answers = st.lists(
    st.one_of(st.integers(-2, 12).map(float), st.sampled_from([*CODES, np.nan, 98.0, 100.0])),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(answers, st.integers(1, 4))
def test_the_same_answer_as_the_flat_rule(cells: list[float], k: int) -> None:
    """Any answers, whole or as columns, give what the flat rule gives."""
    x = np.array(cells[: len(cells) // k * k], dtype=float).reshape(-1, k)
    assert suspect(x) == reference(x)
    assert suspect([x[:, j] for j in range(k)]) == reference(x)
