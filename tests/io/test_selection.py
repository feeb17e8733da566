"""--items / --item selection: invariants over generated headers."""

from __future__ import annotations

import fnmatch

import pytest
from hypothesis import given, settings
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


# Review 11, finding 6: the pattern was folded whole, so "-" inside "[1-4]" became a space and
# E[1-4] selected E1 and E4. A bracket expression now selects what fnmatch selects on the names
# as written. Names are letters and digits (no separators, one case) so the two readings agree.
ITEM = st.from_regex(r"[EP][0-9]{1,2}", fullmatch=True)
DIGIT = st.sampled_from("0123456789")


@settings(derandomize=True, max_examples=200)
@given(
    st.lists(ITEM, min_size=1, max_size=30, unique=True),
    DIGIT,
    DIGIT,
    st.sampled_from(["E", "P", "?"]),
    st.sampled_from(["", "*", "[0-9]"]),
    st.booleans(),
)
def test_bracket_range_selects_what_fnmatch_selects(
    columns: list[str], a: str, b: str, head: str, tail: str, negate: bool
) -> None:
    lo, hi = sorted((a, b))
    pattern = f"{head}[{'!' if negate else ''}{lo}-{hi}]{tail}"
    wanted = [c for c in columns if fnmatch.fnmatchcase(c, pattern)]
    if not wanted:
        with pytest.raises(UsageError):
            select_columns(pattern, [], columns)
        return
    assert select_columns(pattern, [], columns) == wanted


@pytest.mark.parametrize(
    ("pattern", "chosen"),
    [
        ("E[1-4]", ["E1", "E2", "E3", "E4"]),  # was E1, E4
        ("P1[0-2]", ["P10", "P11", "P12"]),  # was P10, P12
        ("e[2-3]", ["E2", "E3"]),  # case still aside
        ("x_[a-b]", ["X_a", "x-b"]),  # outside the brackets "_" and "-" still fold
        ("x[_]a", ["X_a"]),  # a "_" inside a bracket matches the name as written
    ],
)
def test_bracket_expressions_are_kept_as_written(pattern: str, chosen: list[str]) -> None:
    columns = ["E1", "E2", "E3", "E4", "E5", "P10", "P11", "P12", "P13", "X_a", "x-b"]
    assert select_columns(pattern, [], columns) == chosen


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("X1-X3", "'X1' and 'X3' are: a range of names is written X1:X3 (a range with '-' "
                  "takes column numbers: 2-4)"),
        ("X3 - X1", "'X3' and 'X1' are: a range of names is written X1:X3"),  # in file order
        ("X1-Y-2", "'X1' and 'Y-2' are: a range of names is written X1:Y-2"),  # a '-' in a name
    ],
)  # fmt: skip
def test_two_columns_joined_by_a_dash_are_told_to_use_a_colon(entry: str, said: str) -> None:
    cols = ["id", "X1", "X2", "X3", "Y-2"]
    with pytest.raises(UsageError, match="is not a column, but") as caught:
        select_columns(entry, [], cols)
    assert caught.value.code == "range_dash" and said in caught.value.message


@pytest.mark.parametrize("entry", ["X1-X9", "X9-X1", "X-1", "Z1-Z3"])
def test_a_dash_entry_without_two_columns_keeps_the_closest_names(entry: str) -> None:
    with pytest.raises(UsageError) as caught:
        select_columns(entry, [], ["id", "X1", "X2", "X3"])
    assert caught.value.code == "option_needs_column"
