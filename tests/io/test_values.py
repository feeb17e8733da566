"""Parsing answers: numbers, decimal commas, labels, "Vet ej", out of range."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.io.values import builtin_labels, parse_scale_values


def test_labels_and_missing() -> None:
    col = pd.Series(
        ["Instämmer helt och hållet", "instämmer inte alls", "Varken eller", "VET EJ",
         "Ingen åsikt", "n/a", "Don't know", "7 Instämmer helt", "3,0", None, 0, 8, "Helt rätt"],
        dtype=object,
    )  # fmt: skip
    values, reasons = parse_scale_values(col, (1, 7), labels={"helt rätt": 6})
    assert values[:3].tolist() == [7.0, 1.0, 4.0]
    assert reasons[3:7].tolist() == ["dont_know", "dont_know", "not_available", "dont_know"]
    assert values[7] == 7.0 and values[8] == 3.0
    assert reasons[9] == "blank"
    assert reasons[10:12].tolist() == ["out_of_range", "out_of_range"]
    assert values[12] == 6.0


def test_five_point_swedish_set() -> None:
    labels = builtin_labels(1, 5)
    assert labels["instämmer inte alls"] == 1 and labels["instämmer helt"] == 5
    assert labels["instämmer i stor grad"] == 4


def test_numeric_column_fast_path() -> None:
    values, reasons = parse_scale_values(pd.Series([1.0, np.nan, 9.0]), (1, 7))
    assert np.isnan(values[1]) and reasons.tolist() == [None, "blank", "out_of_range"]


def test_custom_missing_token() -> None:
    _, reasons = parse_scale_values(pd.Series(["Ej svar"], dtype=object), (1, 5), None, ["ej svar"])
    assert reasons.tolist() == ["missing_token"]


def test_dates_are_unparseable() -> None:
    _, reasons = parse_scale_values(pd.Series([pd.Timestamp("2024-01-01")], dtype=object), (1, 5))
    assert reasons.tolist() == ["unparseable"]


@given(st.lists(st.integers(-3, 10), min_size=1, max_size=40))
def test_every_cell_is_kept_or_has_a_reason(values: list[int]) -> None:
    """Nothing is silently dropped: a NaN always comes with a reason, a value never does."""
    parsed, reasons = parse_scale_values(pd.Series(values, dtype=object), (1, 7))
    has_reason = np.array([r is not None for r in reasons])
    assert np.array_equal(np.isnan(parsed), has_reason)
    inside = np.array([1 <= v <= 7 for v in values])
    assert np.array_equal(~np.isnan(parsed), inside)
