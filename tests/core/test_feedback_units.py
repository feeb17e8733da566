"""Review 17, finding 9: :func:`servqual_cli.core.feedback_units.unit_map_problem` refuses a map
that merges nothing or cannot be followed; :func:`merge_units` says whether NEW is a unit of
the register."""

from __future__ import annotations

import pandas as pd
import pytest

from servqual_cli.core.feedback_units import merge_units, unit_map_problem


@pytest.mark.parametrize(
    ("pairs", "code"),
    [
        ([("A", "A")], "unit_map_same"),
        ([("A", "B"), ("A", "C")], "unit_map_twice"),
        ([("A", "B"), ("B", "A")], "unit_map_chain"),
        ([("A", "B"), ("B", "C")], "unit_map_chain"),
        ([("A", "B,B=C")], "unit_map_value"),
        ([("A", " ")], "unit_map_value"),
    ],
)
def test_problems(pairs: list[tuple[str, str]], code: str) -> None:
    found = unit_map_problem(pairs, "--unit-map")
    assert found is not None and found[0] == code and found[2]["option"] == "--unit-map"


def test_a_plain_map_and_a_repeated_pair_are_fine() -> None:
    assert unit_map_problem([("A", "C"), ("B", "C"), ("A", "C")], "--unit-map") is None


def test_merge_units_says_whether_new_is_in_the_register() -> None:
    frame = pd.DataFrame({"unit": ["A", "B", "A", None]})
    out, used = merge_units(frame, {"A": "B", "X": "Y"})
    assert out["unit"].tolist()[:3] == ["B", "B", "B"]
    assert used == (("A", "B", 2, True), ("X", "Y", 0, False))
