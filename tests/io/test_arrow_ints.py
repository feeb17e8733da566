"""io.encoded.arrow_ints: pyarrow integer arrays read from their buffers, as to_numpy reads them
(issue #16: Array.to_numpy imports pandas)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io.encoded import arrow_ints

TYPES = [pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint32()]


@st.composite
def arrays(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(TYPES))
    info = np.iinfo(kind.to_pandas_dtype())
    values = draw(st.lists(st.integers(int(info.min), int(info.max)), max_size=40))
    array = pa.array(values, type=kind)
    start = draw(st.integers(0, len(values)))
    return array.slice(start, draw(st.integers(0, len(values) - start)))


def _same(read: Callable[[Any], np.ndarray]) -> None:
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(arrays())
    def check(array: Any) -> None:
        got, want = read(array), array.to_numpy(zero_copy_only=False)
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes()

    check()


def test_the_values_and_types_of_to_numpy() -> None:
    _same(arrow_ints)


def test_a_reader_that_ignores_the_offset_is_caught() -> None:
    def broken(array: Any) -> np.ndarray:
        dtype = array.to_numpy(zero_copy_only=False).dtype
        return np.frombuffer(array.buffers()[1], dtype=dtype, count=len(array))

    with pytest.raises(AssertionError):
        _same(broken)


def test_nulls_and_other_types_go_through_to_numpy() -> None:
    with_null = pa.array([1, None, 3], type=pa.int32())
    assert np.isnan(arrow_ints(with_null)[1])
    assert arrow_ints(pa.array([0.5, 2.0])).tolist() == [0.5, 2.0]
    assert arrow_ints(pa.chunked_array([[1, 2], [3]], type=pa.int8())).tolist() == [1, 2, 3]
    filled = pa.array([1, None], type=pa.int32()).fill_null(-1)  # a validity buffer, no null
    assert arrow_ints(filled).tolist() == [1, -1]
