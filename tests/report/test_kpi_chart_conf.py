"""The KPI chart's data carry the level of the intervals they draw (review 9, finding 8): the
chart's data table and its CSV ("Diagrammets värden som CSV-fil") head the bounds with it,
"95 % KI låg", as every table does (:func:`~servqual_cli.report.conf_level.interval_head`)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from servqual_cli.report.kpi_charts import kpi_figure


def _result(name: str, statistic: str, unit: str | None) -> SimpleNamespace:
    spec = SimpleNamespace(name=name, statistic=statistic, unit=unit, target=0.9, norm=None,
                           higher_is_better=True)  # fmt: skip
    return SimpleNamespace(spec=spec, value=0.81, ci_low=0.69, ci_high=0.89, goal=0.9,
                           verdict="not met", period="2020")  # fmt: skip


@pytest.mark.parametrize("conf", [0.95, 0.9])
def test_the_kpi_figure_names_its_level(conf: float) -> None:
    results = [_result("E-post besvaras inom en arbetsdag", "share", None),
               _result("Väntetid i telefon (median)", "median", "s")]  # fmt: skip
    figure = kpi_figure(results, "vantetid", "sv", conf)  # type: ignore[arg-type]
    assert figure.data["conf"].tolist() == [conf, conf]
    # the drawn columns are unchanged
    assert figure.data["ci_low"].tolist() == [0.69, 0.69]
