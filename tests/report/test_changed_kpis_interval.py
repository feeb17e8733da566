"""The report's "KPIs that changed" table shows the change the test judges with its interval
(session 10 leftover 3): a time's Hodges-Lehmann shift with the Mann-Whitney interval, a share's
difference (percentage points) with Newcombe's, taken from the core's KpiChange (the renderer
computes nothing). Before, it showed only before, after and p.

References: tests/core/r/kpi_shift.json (R ``wilcox.test(conf.int = TRUE)`` on the bygglov lead
times; R's bounds are uniroot's, tol 1e-4, on whole days) and statsmodels'
``confint_proportions_2indep(method="newcomb")`` for the share.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from statsmodels.stats.proportion import confint_proportions_2indep

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.spec import Table

from .conftest import SAMPLES

R = json.loads((Path(__file__).parent.parent / "core" / "r" / "kpi_shift.json").read_text())


def _changed(lang: str) -> tuple[Table, Any]:
    doc = build_report(replace(load_config(SAMPLES / "report_lekeberg.toml"), language=lang))
    title = "Nyckeltal som förändrats" if lang == "sv" else "KPIs that changed"
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Table) and block.title.startswith(title):
                return block, doc
    raise AssertionError(f"no table {title!r}")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_changed_kpis_show_the_tested_change_with_its_interval(lang: str) -> None:
    table, _ = _changed(lang)
    f: pd.DataFrame = table.frame
    change, low, high = (
        ("Förändring (tider: förskjutning)", "95\u00a0% KI, nedre", "95\u00a0% KI, övre")
        if lang == "sv"
        else ("Change (times: shift)", "95% CI, low", "95% CI, high")
    )
    assert [change, low, high] == list(f.columns[5:8])
    kpi = "Nyckeltal" if lang == "sv" else "KPI"
    rows = f.set_index(kpi)
    lead = rows.loc["Handläggningstid bygglov"]
    ref = R["bygglov"]
    assert lead[change] == pytest.approx(ref["shift"], abs=1e-4)  # the shift, not 32 - 36
    assert [lead[low], lead[high]] == pytest.approx([ref["ci_low"], ref["ci_high"]], abs=1e-3)
    share = rows.loc["Synpunkter besvaras inom 14 dagar"]
    before, after = ("Före", "Efter") if lang == "sv" else ("Before", "After")
    assert share[change] == pytest.approx(share[after] - share[before], rel=1e-12)
    assert share[low] < share[change] < share[high]
    # the bounds are Newcombe's on the counts the values come from (statsmodels)
    assert table.note is not None and "Newcombe" in table.note
    assert table.formats[change] == "+.1f"


def test_share_interval_is_newcombe_on_the_kpi_counts() -> None:
    """The share row's bounds equal statsmodels' Newcombe interval on the change's own n and
    the counts behind its two values (in percentage points)."""
    from servqual_cli.core.kpi import evaluate_kpis
    from servqual_cli.io.kpi_config import load_kpi_config
    from servqual_cli.io.kpi_data import load_all_kpi_data
    from servqual_cli.io.read import read_table
    from servqual_cli.report.service_part import _changed_kpis

    config = load_kpi_config(SAMPLES / "kpi.toml")
    results = evaluate_kpis(load_all_kpi_data(config, read_table))
    [table] = _changed_kpis(results, "en")
    assert isinstance(table, Table)
    shares = table.frame[table.frame["Unit"].eq("%")].set_index("KPI")
    assert len(shares) >= 1
    row = shares.iloc[0]
    c = next(r.change for r in results if r.spec.name == row.name)
    k1, k2 = round(c.previous_value * c.n_previous), round(c.value * c.n)
    want = confint_proportions_2indep(k2, c.n, k1, c.n_previous, method="newcomb",
                                      compare="diff")  # fmt: skip
    assert [row["95% CI, low"], row["95% CI, high"]] == pytest.approx(
        [100 * want[0], 100 * want[1]], rel=1e-12
    )
