"""Review 8 finding 2: a share at 100 % the year before has no design SE (sqrt(p0 (1 - p0) ...)
is 0), so no MDD; the table's cell says why, not "no change can be detected at these n"."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.contacts import ALL
from servqual_cli.core.trend import compare_kpis
from servqual_cli.report.measurement_trend import mdd_table


def test_a_baseline_of_100_percent_names_why_there_is_no_mdd() -> None:
    def year(k: int) -> pd.DataFrame:
        return pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                             "x": [1.0] * k + [0.0] * (60 - k)})  # fmt: skip

    comparisons = compare_kpis(year(60), year(50))
    assert comparisons["mdd"].isna().all()
    en = mdd_table(comparisons, "en", 0.8, 0.95)[1].frame.iloc[0, 1]
    assert en == "– (the earlier share was 100%, the standard error from it is 0)"
    sv = mdd_table(comparisons, "sv", 0.8, 0.95)[1].frame.iloc[0, 1]
    assert sv == "– (förra årets andel var 100\u00a0%, medelfelet från den är 0)"
    # a share that can move but whose MDD leaves 0-100 %: the power, not the baseline
    few = compare_kpis(year(30).iloc[::10], year(20).iloc[::10])
    assert few["mdd"].isna().all()
    cell = mdd_table(few, "en", 0.8, 0.95)[1].frame.iloc[0, 1]
    assert cell == "– (no change can be detected with 80% power at these n)"
