"""io.item_set.load_item_set with declared missing codes (``--missing-codes``, w-miss2 s15):
the encoded CSV path and the spreadsheet path leave out the same cells, under the reason gap gives
its --missing-codes cells (``missing_code``, "missing code": session 18), and nothing else
changes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from servqual_cli.io.item_set import load_item_set

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("name", "items"),
    [("missing_code_99.csv", "P1,P2,P3,P4"), ("missing_code_99.xlsx", "Fråga*Upplevelse")],
)
def test_the_codes_become_nan_and_are_counted(name: str, items: str) -> None:
    kept = load_item_set(str(DATA / name), items, None, None)
    declared = load_item_set(str(DATA / name), items, None, None, missing=("99",))
    before, after = kept.frame.to_numpy(), declared.frame.to_numpy()
    was_99 = before == 99  # "99" and "99,0" in the CSV, 99 in the xlsx: all read as 99.0
    assert was_99.sum() == 14 == declared.excluded["missing_code"]
    assert np.isnan(after[was_99]).all()
    np.testing.assert_array_equal(after[~was_99], before[~was_99])  # NaN where it was NaN
    assert "missing_code" not in kept.excluded
    assert {k: v for k, v in declared.excluded.items() if k != "missing_code"} == kept.excluded
