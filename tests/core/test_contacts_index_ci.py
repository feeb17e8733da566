"""The treatment index's interval stays within 0-100 (logit-scale t interval), against R.

tests/core/r/contacts12.R writes r/contacts12.json: plogis(qlogis(p) ± qt * se / (p (1 - p))).
Closed form: 1e-10 relative.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.contacts import summarise_observations

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "contacts12.json").read_text())


def index_row(points: list[float], conf: float) -> pd.Series:
    obs = pd.DataFrame(
        {"year": 2026, "channel": "phone", "area": "ALL", "kpi": "treatment_index",
         "x": np.asarray(points, dtype=float) / 3.0}
    )  # fmt: skip
    return summarise_observations(obs, conf=conf).iloc[0]


@pytest.mark.parametrize("case", range(len(R["cases"])))
def test_treatment_index_interval_matches_r_and_is_bounded(case: int) -> None:
    want = R["cases"][case]
    row = index_row(want["points"], want["conf"])
    assert row["value"] == pytest.approx(want["value"], rel=1e-12)
    assert [row["ci_low"], row["ci_high"]] == pytest.approx(want["ci"], rel=1e-10)
    assert 0.0 < row["ci_low"] <= row["value"] <= row["ci_high"] < 1.0


def test_the_issue_area_no_longer_reaches_118() -> None:
    want = R["cases"][0]
    assert want["plain_t"][1] > 1.0  # what the plain t interval did
    assert index_row(want["points"], 0.95)["ci_high"] < 1.0


def test_all_top_marks_have_no_interval() -> None:
    row = index_row([3, 3, 3], 0.95)
    assert row["value"] == 1.0 and np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])
