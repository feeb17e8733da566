"""A share KPI's change carries its interval (Newcombe beside Fisher), so the report's
changed-KPI table can show every change with its interval, as the KPI tables show a time's
shift (session 10 leftover 3).

Reference: statsmodels ``confint_proportions_2indep(k2, n2, k1, n1, method="newcomb",
compare="diff")`` (an independent implementation of Newcombe 1998, method 10); closed forms, so
1e-12.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import confint_proportions_2indep

from servqual_cli.core.kpi import evaluate_kpi, evaluate_kpis
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table
from servqual_cli.vocab.kpi import KpiSpec

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def _newcombe(k1: int, n1: int, k2: int, n2: int, conf: float = 0.95) -> tuple[float, float]:
    low, high = confint_proportions_2indep(k2, n2, k1, n1, method="newcomb", compare="diff",
                                           alpha=1 - conf)  # fmt: skip
    return float(low), float(high)


@pytest.mark.parametrize("conf", [0.95, 0.9])
def test_value_share_change_has_the_newcombe_interval(conf: float) -> None:
    spec = KpiSpec(1, "Svar", "resultat", Path("x.csv"), "share", target=0.9)
    start = ["2023-03-01"] * 54 + ["2024-03-01"] * 53
    success = [True] * 30 + [False] * 24 + [True] * 43 + [False] * 10
    frame = pd.DataFrame({"row": range(107), "success": success, "start": pd.to_datetime(start)})
    c = evaluate_kpi(spec, frame, conf=conf).change
    assert c is not None and c.test == "fisher" and c.estimate == "difference"
    assert (c.n_previous, c.n) == (54, 53)
    assert c.diff == pytest.approx(43 / 53 - 30 / 54, rel=1e-12)
    want = _newcombe(30, 54, 43, 53, conf)
    assert (c.diff_low, c.diff_high) == pytest.approx(want, rel=1e-12)
    assert c.conf == conf
    out = c.to_dict()
    assert out["diff_low"] == pytest.approx(want[0], rel=1e-12)


def test_duration_share_change_has_the_newcombe_interval() -> None:
    """The sample's service declaration (share decided within ten weeks, 2023 -> 2024)."""
    config = load_kpi_config(SAMPLES / "kpi.toml")
    results: dict[str, Any] = {
        r.spec.name: r for r in evaluate_kpis(load_all_kpi_data(config, read_table))
    }
    c = results["Bygglov beslutas inom tio veckor från komplett ansökan"].change
    assert c is not None and c.test == "fisher"
    k1, k2 = round(c.previous_value * c.n_previous), round(c.value * c.n)
    assert k1 / c.n_previous == pytest.approx(c.previous_value, rel=1e-12)
    assert (c.diff_low, c.diff_high) == pytest.approx(
        _newcombe(k1, c.n_previous, k2, c.n), rel=1e-12
    )
    # a time's change keeps its shift interval and has no difference interval
    t = results["Handläggningstid bygglov"].change
    assert t is not None and np.isnan(t.diff_low) and np.isfinite(t.shift_low)
