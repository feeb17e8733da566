"""The chart data tables and the CSVs the page links ("Diagrammets värden som CSV-fil") head
their interval bounds with the level, "95 % KI låg", as every table in the report does (review
9, finding 8: they said "KI låg" while report.md said "95 % KI låg"). The level is the one each
figure's data name (``conf``); a figure that names none keeps the bare word."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report.chart_data import figure_frame
from servqual_cli.report.spec import Figure

NBSP = "\u00a0"
HEADS = {("sv", 0.95): (f"95{NBSP}% KI låg", f"95{NBSP}% KI hög"),
         ("sv", 0.9): (f"90{NBSP}% KI låg", f"90{NBSP}% KI hög"),
         ("en", 0.9): ("90% CI low", "90% CI high")}  # fmt: skip


def _kinds(conf: float | None) -> list[Figure]:
    level = {} if conf is None else {"conf": conf}
    gaps = {"categories": ["Empati"], "gap": [-1.2], "ci_low": [-1.3], "ci_high": [-1.1], **level}
    dims = {**gaps, "expectation": [6.2], "perception": [5.0]}
    bars = {"categories": ["A"], "series": [{"name": "2020", "values": [80.0], "ci_low": [70.0],
            "ci_high": [88.0]}], **level}  # fmt: skip
    kpi = pd.DataFrame({"name": ["E-post"], "value": [0.81], "ci_low": [0.69], "ci_high": [0.89],
                        "goal": [0.9], "unit": [None], "share": [True]})  # fmt: skip
    if conf is not None:
        kpi["conf"] = conf
    return [Figure("d", "D", "dimension_gaps", dims), Figure("i", "I", "item_gaps", gaps),
            Figure("b", "B", "bars", bars), Figure("k", "K", "kpi_aspect", kpi)]  # fmt: skip


@pytest.mark.parametrize(("lang", "conf"), list(HEADS))
def test_every_interval_heading_names_the_figures_level(lang: str, conf: float) -> None:
    low, high = HEADS[(lang, conf)]
    for figure in _kinds(conf):
        columns = [str(c) for c in figure_frame(figure, lang).columns]  # type: ignore[union-attr]
        assert any(c.endswith(low) for c in columns), (figure.kind, columns)
        assert any(c.endswith(high) for c in columns), (figure.kind, columns)


def test_a_figure_without_a_level_keeps_the_bare_word() -> None:
    for figure in _kinds(None):
        columns = [str(c) for c in figure_frame(figure, "sv").columns]  # type: ignore[union-attr]
        assert any(c.endswith("KI låg") for c in columns) and not any("%" in c for c in columns)


def test_the_report_csvs_name_the_level(sample_report: Path) -> None:
    """Karlstad through the real CLI: the dimensions' and the items' CSV."""
    low, high = HEADS[("sv", 0.95)]
    for name in ("servqual_dimensions", "servqual_items"):
        head = (sample_report / "data" / f"{name}.csv").read_text("utf-8").splitlines()[0]
        assert f";{low};{high};" in head, head
