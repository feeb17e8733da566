"""A time KPI's change is the shift its test estimates (review 5, finding 5).

``servqual kpi`` and the report showed the difference of the two medians (36 → 32 days, −4)
beside a Mann-Whitney p, and the report's overview put it under "Change (times: shift)" with
the note that a time's change is the Hodges-Lehmann shift. The Mann-Whitney test estimates the
shift (the median of all pairwise differences), not the medians' difference, and the two can
differ even in sign; so the change carries both: ``diff`` (the statistic's difference, shown as
such) and ``shift`` with the interval of the test itself (R ``wilcox.test(after, before,
conf.int = TRUE, exact = FALSE, correct = TRUE)``), and ``better`` follows the shift.

Reference: tests/core/r/kpi_shift.R on kpi_shift_bygglov.csv (the lead times of review3_kpi.R's
section 1, written from the xlsx with openpyxl: komplett to beslut in days, cases whose clock
started at least 70 days before the last date in the file, decided; 2023's only up to the same
calendar date as 2024's, review 10a finding 4; the CSV is written by kpi_windows.py). R's bounds
come from ``uniroot`` (tol 1e-4) on a step function whose steps are pairwise differences (whole
days), so they are compared to 1e-3; the estimate and p to 1e-9.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.kpi import evaluate_kpis
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "kpi_shift.json").read_text())
SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    config = load_kpi_config(SAMPLES / "kpi.toml")
    return {r.spec.name: r for r in evaluate_kpis(load_all_kpi_data(config, read_table))}


def test_bygglov_change_is_the_shift_the_test_estimates(sample: dict[str, Any]) -> None:
    ref = R["bygglov"]
    c = sample["Handläggningstid bygglov"].change
    assert c is not None and c.test == "mann-whitney"
    assert (c.n_previous, c.n) == (ref["n_2023"], ref["n_2024"])
    assert (c.previous_value, c.value, c.diff) == (ref["median_2023"], ref["median_2024"], -4.0)
    assert c.estimate == "hodges-lehmann shift"
    assert c.shift == pytest.approx(ref["shift"], abs=1e-4)
    assert [c.shift_low, c.shift_high] == pytest.approx([ref["ci_low"], ref["ci_high"]], abs=1e-3)
    assert c.p == pytest.approx(ref["p"], rel=1e-9)
    assert c.better is True  # shorter is better, and the shift is below 0
    out = c.to_dict()
    assert {"shift", "shift_low", "shift_high", "estimate", "conf"} <= set(out)


def test_a_share_change_stays_a_difference(sample: dict[str, Any]) -> None:
    c = sample["Bygglov beslutas inom tio veckor från komplett ansökan"].change
    assert c is not None and c.test == "fisher" and c.estimate == "difference"
    assert np.isnan(c.shift)


def test_better_follows_the_shift_when_the_medians_move_the_other_way() -> None:
    """Two groups of times: the median jumps up while most times move down (the trend's
    2021 → 2022 case in README); the test and its shift say shorter, so "better"."""
    from servqual_cli.core.kpi_results import time_change
    from servqual_cli.vocab.kpi import KpiSpec

    before = np.array([1.0, 2, 3, 10, 11, 12, 13])
    after = np.array([0.0, 1, 2, 11.5, 9, 10, 11, 12])
    spec = KpiSpec(0, "t", "lead_time", Path("t.csv"), "median", higher_is_better=False)
    c = time_change(["2023", "2024"], before, after, 10.0, 10.5, spec, 0.95)
    assert c.diff == pytest.approx(0.5) and c.shift < 0  # the two disagree in sign
    assert c.better is True
    assert c.shift_low <= c.shift <= c.shift_high


def test_kpi_change_json_is_plain() -> None:
    from servqual_cli.core.kpi_results import time_change
    from servqual_cli.vocab.kpi import KpiSpec

    spec = KpiSpec(0, "t", "lead_time", Path("t.csv"), "median", higher_is_better=False)
    c = time_change(["a", "b"], np.array([1.0, 2, 3]), np.array([2.0, 3, 4]), 2.0, 3.0, spec, 0.9)
    out = c.to_dict()
    assert out["conf"] == 0.9 and out["estimate"] == "hodges-lehmann shift"
    assert json.dumps(out)
    assert isinstance(pd.Series(out).to_json(), str)


def test_the_shift_is_named_as_the_trend_names_it() -> None:
    from servqual_cli.core.kpi_results import SHIFT_ESTIMATE
    from servqual_cli.core.trend import ESTIMATES

    assert ESTIMATES[1] == SHIFT_ESTIMATE
