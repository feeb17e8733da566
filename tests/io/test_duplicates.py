"""io/duplicates.py against a plain row-by-row reference (hypothesis), with hash collisions
forced, and the rules for rows that cannot tell a copy from a coincidence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io import duplicates as dup
from servqual_cli.io.raw_table import RawTable


def _table(n: int, with_id: list[str | None] | None = None) -> RawTable:
    cols = {"x": [0] * n} if with_id is None else {"id": with_id}
    return RawTable(pd.DataFrame(cols, dtype=object), "t.csv", None, 1,
                    np.arange(2, n + 2), "")  # fmt: skip


def _reference(values: np.ndarray, ids: list[str | None] | None) -> list[tuple[int, int]]:
    """(row, first row) of every copy, one row at a time."""
    seen: dict[tuple[object, ...], int] = {}
    out = []
    k = values.shape[1]
    for i, row in enumerate(values):
        answered = row[~np.isnan(row)]
        telling = len(answered) * 2 >= k and len(set(answered.tolist())) >= 2 and k >= 10
        if (ids is None or ids[i] is None) and not telling:  # no id: only rows that say much
            continue
        key: tuple[object, ...] = tuple("nan" if np.isnan(v) else float(v) for v in row)
        if ids is not None:
            key += (ids[i] or "",)
        if key in seen:
            out.append((i + 2, seen[key]))
        else:
            seen[key] = i + 2
    return out


rows_st = st.integers(2, 40).flatmap(
    lambda n: st.lists(
        st.lists(st.sampled_from([1.0, 2.0, np.nan]), min_size=10, max_size=10),
        min_size=n,
        max_size=n,
    )
)


@settings(max_examples=150)
@given(rows=rows_st, use_id=st.booleans(), data=st.data())
def test_matches_the_row_by_row_reference(rows: list[list[float]], use_id: bool, data) -> None:
    values = np.asfortranarray(np.array(rows, dtype=float))
    ids = None
    if use_id:
        ids = data.draw(st.lists(st.sampled_from(["1", "2", None]), min_size=len(rows),
                                 max_size=len(rows)))  # fmt: skip
    found = dup.find_duplicates(_table(len(rows), ids), [values[:, :4], values[:, 4:]])
    got = [] if found is None else list(zip(found.rows, found.first, strict=True))
    assert got == _reference(values, ids)


def test_hash_collisions_are_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row hashing alike (a broken hash) still gives only true copies."""
    rng = np.random.default_rng(3)
    values = rng.integers(1, 8, (200, 12)).astype(float)
    values[150:160] = values[10:20]
    monkeypatch.setattr(dup, "_row_hash", lambda cols, n: np.zeros(n, dtype=np.uint64))
    found = dup.find_duplicates(_table(200), [values])
    assert found is not None
    assert list(zip(found.rows, found.first, strict=True)) == _reference(values, None)


def test_a_hash_that_skips_a_column_would_be_caught() -> None:
    """The reference test can fail: comparing only hashes of 11 of 12 columns finds copies
    that are not."""
    values = np.tile(np.arange(1.0, 13.0), (3, 1))
    values[1, 11] = 5.0  # differs only in the last column
    h = dup._row_hash([values[:, j] for j in range(11)], 3)
    weak = [i + 2 for i in np.flatnonzero(pd.Series(h).duplicated())]
    assert weak != [r for r, _ in _reference(values, None)]


def test_straight_liners_half_empty_rows_and_few_items_are_no_copies() -> None:
    values = np.full((4, 12), 7.0)  # four straight-liners
    assert dup.find_duplicates(_table(4), [values]) is None
    sparse = np.full((2, 12), np.nan)
    sparse[:, :5] = [1, 2, 3, 4, 5]  # 5 of 12 answered
    assert dup.find_duplicates(_table(2), [sparse]) is None
    few = np.tile([1.0, 2.0, 3.0], (3, 1))  # 3 items: identical answers are common
    assert dup.find_duplicates(_table(3), [few]) is None
    # with an id, the same respondent twice is a copy whatever the answers
    found = dup.find_duplicates(_table(3, ["a", "b", "a"]), [few])
    assert found is not None and found.rows == (4,) and found.first == (2,)


def test_strided_columns_hash_like_contiguous_ones() -> None:
    rng = np.random.default_rng(5)
    c_order = rng.integers(1, 8, (50, 12)).astype(float)
    f_order = np.asfortranarray(c_order)
    cols_c = [c_order[:, j] for j in range(12)]
    cols_f = [f_order[:, j] for j in range(12)]
    assert (dup._row_hash(cols_c, 50) == dup._row_hash(cols_f, 50)).all()
