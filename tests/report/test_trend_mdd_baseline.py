"""Review 8 finding 2: a share at 100 % the year before has no design SE (sqrt(p0 (1 - p0) ...)
is 0), so no MDD; the line says why, not "no change can be detected at these n"."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.contacts import ALL
from servqual_cli.core.trend import compare_kpis
from servqual_cli.report.measurement_trend import mdd_lines


def test_a_baseline_of_100_percent_names_why_there_is_no_mdd() -> None:
    def year(k: int) -> pd.DataFrame:
        return pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                             "x": [1.0] * k + [0.0] * (60 - k)})  # fmt: skip

    comparisons = compare_kpis(year(60), year(50))
    assert comparisons["mdd"].isna().all()
    en = " ".join(mdd_lines(comparisons, "en", 0.8, 0.95))
    assert "the earlier share was 100%, and the standard error from it is 0" in en
    sv = " ".join(mdd_lines(comparisons, "sv", 0.8, 0.95))
    assert "förra årets andel var 100\u00a0%, och medelfelet från den är 0" in sv
    assert "no change of this KPI" not in en
