"""The item/dimension table builder shared by tolerance and knowledge_gap (core/two_level.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.core.scoring import dimension_means
from servqual_cli.core.two_level import item_and_dimension_tables

DIMS = {"B": [3, 1], "A": [0, 2]}  # dimension order is not column order


def _diff(x: np.ndarray, y: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"n": (~np.isnan(x - y)).sum(axis=0), "sum": np.nansum(x - y, axis=0)})


@settings(max_examples=50, deadline=None)
@given(arrays(float, (7, 4), elements=st.sampled_from([1.0, 2.0, 5.0, np.nan])),
       arrays(float, (7, 4), elements=st.sampled_from([1.0, 3.0, np.nan])))  # fmt: skip
def test_items_in_dimension_order_and_dimensions_from_their_means(
    x: np.ndarray, y: np.ndarray
) -> None:
    valid = [~np.isnan(x), ~np.isnan(y)]
    items, dims = item_and_dimension_tables(_diff, [x, y], valid, list("pqrs"), DIMS)
    want_items = _diff(x[:, [3, 1, 0, 2]], y[:, [3, 1, 0, 2]])
    want_dims = _diff(dimension_means(x, valid[0], DIMS), dimension_means(y, valid[1], DIMS))
    assert items["item"].tolist() == ["s", "q", "p", "r"]
    assert items["dimension"].tolist() == ["B", "B", "A", "A"]
    pd.testing.assert_frame_equal(items.drop(columns=["item", "dimension"]), want_items)
    assert dims["dimension"].tolist() == ["B", "A"]
    pd.testing.assert_frame_equal(dims.drop(columns=["dimension"]), want_dims)


def test_each_array_is_averaged_over_its_own_valid_cells() -> None:
    x = np.array([[1.0, 3.0, 5.0, 7.0]])
    keep_two = np.array([[True, False, True, True]])
    _, dims = item_and_dimension_tables(
        lambda a: pd.DataFrame({"m": a[0]}), [x], [keep_two], list("pqrs"), DIMS
    )
    assert dims["m"].tolist() == [7.0, 3.0]  # B: item 4 only (half of 2); A: (1 + 5) / 2
