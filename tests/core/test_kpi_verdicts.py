"""Verdicts of an interval against a KPI's goal (core/kpi_verdicts.py)."""

from __future__ import annotations

import math

from servqual_cli.core.kpi_verdicts import verdicts


def test_verdicts() -> None:
    low, high = [0.91, 0.80, 0.85, 0.70, math.nan], [0.95, 0.88, 0.95, 0.85, 0.9]
    assert verdicts(low, high, 0.80, True).tolist() == [
        "met",
        "met",
        "met",
        "cannot tell",
        "cannot tell",  # a bound on the target counts as met
    ]
    assert verdicts([0.70], [0.79], 0.80, True).tolist() == ["not met"]
    assert verdicts([60, 50, 75], [70, 80, 90], 70, False).tolist() == [
        "met",
        "cannot tell",
        "not met",
    ]
    assert verdicts([1.0], [2.0], None, True).tolist() == [None]
