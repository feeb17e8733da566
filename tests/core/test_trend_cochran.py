"""A trend's share takes Fisher's exact test where an expected count is under 5 (Cochran's
rule; review 18 finding 2), against R (tests/core/r/trend_cochran.R writes trend_cochran.json).

förskola's phone reach 7/7 → 0/7 (every expected count 3,5) read "sämre" at score p 0,000183,
0,019 after Holm over 103 comparisons, where Fisher's exact p 0,000583 gives 0,060.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.proportions import newcombe_diff_ci
from servqual_cli.core.trend import compare_kpis
from servqual_cli.core.trend_rows import min_expected, share_row

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "trend_cochran.json").read_text())


def _answers(k: int, n: int) -> np.ndarray:
    return np.r_[np.ones(k), np.zeros(n - k)]


@pytest.mark.parametrize(
    "case", R["cases"], ids=lambda c: f"{c['k1']}/{c['n1']}-{c['k2']}/{c['n2']}"
)
def test_share_row_takes_fisher_only_under_an_expected_count_of_5(case: dict[str, Any]) -> None:
    k1, n1, k2, n2 = case["k1"], case["n1"], case["k2"], case["n2"]
    assert min_expected(k1, n1, k2, n2) == pytest.approx(case["min_expected"], rel=1e-12)
    row = share_row(_answers(k1, n1), _answers(k2, n2), 0.95, 0.8)
    exact = case["min_expected"] < 5
    assert row["test"] == ("fisher" if exact else "score")
    assert row["p"] == pytest.approx(case["fisher_p" if exact else "score_p"], rel=1e-9)
    if exact:  # Newcombe's interval beside Fisher's test, as with --test fisher
        assert (row["ci_low"], row["ci_high"]) == pytest.approx(
            newcombe_diff_ci(k1, n1, k2, n2, 0.95)
        )


def test_the_reviewed_area_is_no_longer_worse_after_holm() -> None:
    """The review's family: 103 per-area p-values, förskola's the smallest; the others at 1."""

    def area(name: str, x: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame({"channel": "phone", "area": name, "kpi": "phone_reached", "x": x})

    fill = [area(f"o{i}", np.ones(4)) for i in range(102)]
    before = pd.concat([area("förskola", _answers(7, 7)), *fill], ignore_index=True)
    after = pd.concat([area("förskola", _answers(0, 7)), *fill], ignore_index=True)
    out = compare_kpis(before, after).set_index("area").loc["förskola"]
    assert out["test"] == "fisher"
    assert out["p_adjusted"] == pytest.approx(R["holm_103"]["fisher"], rel=1e-9)
    assert out["verdict"] == "no detectable change"
