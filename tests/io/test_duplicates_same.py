"""io.duplicates in numpy/pyarrow give what its pandas code gave (issue #16: no pandas on the
fast CSV path). The old code is copied here as the reference; hypothesis draws the inputs, and
broken variants show the comparisons can fail."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from servqual_cli.io import duplicates as dup

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


# --- the pandas code as it was (io/duplicates.py before issue #16's pandas-free path) ---
def old_occurs_twice(h: np.ndarray) -> np.ndarray:
    return pd.Series(h).duplicated(keep=False).to_numpy()


def old_first_equal(values: np.ndarray, ids: np.ndarray | None) -> np.ndarray:
    frame = pd.DataFrame(values)
    if ids is not None:
        frame["id"] = ids
    group = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    _, first_at = np.unique(group, return_index=True)
    return first_at[group]


def old_trimmed_codes(uniques: np.ndarray) -> np.ndarray:
    texts = pd.Series(uniques, dtype=object).astype(str).str.strip()
    blank = texts.eq("").to_numpy(dtype=bool)
    own, _ = pd.factorize(texts)
    return np.where(blank, -1, own)


# --- inputs ---
HASHES = hnp.arrays(np.uint64, st.integers(0, 60), elements=st.integers(0, 12))
ANSWERS = st.sampled_from([1.0, 2.0, 3.0, 0.0, -0.0, float("nan"), float("inf"), 2.5])
MATRICES = st.integers(1, 4).flatmap(
    lambda k: hnp.arrays(np.float64, st.tuples(st.integers(0, 30), st.just(k)), elements=ANSWERS)
)
TEXTS = st.lists(
    st.sampled_from(["17", " 17", "17 ", "", " ", "\u3000", "\xa018\t", "18", "a b", "é", "0"]),
    max_size=40,
).map(lambda t: np.array(t, dtype=object))


def new_first_equal(values: np.ndarray, ids: np.ndarray | None) -> np.ndarray:
    if ids is not None:  # as _find stacks them
        values = np.column_stack([values, ids.astype(np.float64)])
    return dup._first_equal(values)


@SETTINGS
@given(HASHES)
def test_occurs_twice(h: np.ndarray) -> None:
    assert dup._occurs_twice(h).tolist() == old_occurs_twice(h).tolist()


@pytest.mark.parametrize("n", [70_000, 400_000])
def test_occurs_twice_on_many_values(n: int) -> None:  # the bucket count first (> 2**16)
    rng = np.random.default_rng(n)
    h = rng.integers(0, 2**63, n, dtype=np.int64).view(np.uint64)
    h[rng.integers(0, n, n // 50)] = h[rng.integers(0, n, n // 50)]  # some values twice
    h[:10] = np.uint64(2**40 + 5)  # same low bits, different values
    h[10:20] = np.arange(10, dtype=np.uint64) << np.uint64(21)
    ids = rng.integers(-1, n // 3, n)  # intp codes, -1 for a blank id
    assert dup._occurs_twice(h).tolist() == old_occurs_twice(h).tolist()
    assert dup._occurs_twice(ids).tolist() == old_occurs_twice(ids).tolist()


def _check_first_equal(first_equal: Callable[[np.ndarray, np.ndarray | None], np.ndarray]) -> None:
    @SETTINGS
    @given(MATRICES, st.booleans(), st.data())
    def check(values: np.ndarray, with_ids: bool, data: st.DataObject) -> None:
        ids = None
        if with_ids:
            ids = data.draw(hnp.arrays(np.intp, len(values), elements=st.integers(-1, 3)))
        assert first_equal(values, ids).tolist() == old_first_equal(values, ids).tolist()

    check()


def test_first_equal() -> None:
    _check_first_equal(new_first_equal)


def test_first_equal_that_tells_minus_zero_from_zero_is_caught() -> None:
    def broken(values: np.ndarray, ids: np.ndarray | None) -> np.ndarray:
        if ids is not None:
            values = np.column_stack([values, ids.astype(np.float64)])
        if not len(values):
            return np.zeros(0, dtype=np.intp)
        bits = np.where(np.isnan(values), np.nan, values).view(np.int64)  # -0.0 kept
        _, first, inverse = np.unique(bits, axis=0, return_index=True, return_inverse=True)
        return first[inverse.reshape(-1)]

    with pytest.raises(AssertionError):
        _check_first_equal(broken)


@SETTINGS
@given(TEXTS)
def test_trimmed_codes_in_python_and_in_pyarrow(texts: np.ndarray) -> None:
    assert dup.trimmed_codes(texts).tolist() == old_trimmed_codes(texts).tolist()
    many = np.concatenate([texts, np.array([f"id{i}" for i in range(1000)], dtype=object)])
    assert dup.trimmed_codes(many).tolist() == old_trimmed_codes(many).tolist()


def test_trimmed_codes_of_a_lone_surrogate_in_python() -> None:
    # pyarrow refuses it (and pandas' string inference did too: the old code raised)
    texts = np.array(["\ud800 ", "\ud800", " "] + [str(i) for i in range(1000)], dtype=object)
    assert dup.trimmed_codes(texts).tolist() == [0, 0, -1, *range(2, 1002)]


def test_a_numbering_by_sorted_text_is_caught() -> None:
    texts = np.array(["18", "17", " 18"], dtype=object)
    _, sorted_codes = np.unique([t.strip() for t in texts], return_inverse=True)
    assert sorted_codes.tolist() != old_trimmed_codes(texts).tolist()
    assert dup.trimmed_codes(texts).tolist() == old_trimmed_codes(texts).tolist() == [0, 1, 0]
