"""--items / --item selection: invariants over generated headers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.errors import UsageError
from servqual_cli.io.columns import normalise
from servqual_cli.io.selection import select_columns

NAME = st.text(alphabet="abcXY12 ,.-_åö", min_size=1, max_size=8).filter(
    lambda s: normalise(s) != "" and "," not in (s[0], s[-1])
)


@given(st.lists(NAME, min_size=2, max_size=8, unique_by=normalise), st.data())
def test_exact_names_select_themselves(columns: list[str], data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(columns), min_size=1, unique=True))
    assert select_columns(None, chosen, columns) == chosen


@given(st.lists(NAME, min_size=2, max_size=8, unique_by=normalise), st.data())
def test_position_range_is_the_slice(columns: list[str], data: st.DataObject) -> None:
    lo = data.draw(st.integers(1, len(columns)))
    hi = data.draw(st.integers(lo, len(columns)))
    if normalise(f"{lo}-{hi}") in {normalise(c) for c in columns}:
        return  # a column literally named like the range wins, by design
    assert select_columns(f"{lo}-{hi}", [], columns) == columns[lo - 1 : hi]


def test_a_column_named_like_a_range_wins() -> None:
    assert select_columns("1-2", [], ["1-2", "a", "b"]) == ["1-2"]


def test_duplicate_header_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="appears 2 times"):
        select_columns("a,b", [], ["a", "A", "b"])
