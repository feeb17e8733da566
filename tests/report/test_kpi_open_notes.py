"""KPI notes name what a duration statistic leaves out (review items 3): open cases beside a
median lead time, and the basis of its change. Numbers from tests/core/r/feedback.R (22 open
2024 bygglov cases beside 257 decided)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from servqual_cli.core.kpi import evaluate_kpis
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    cfg = load_kpi_config(ROOT / "data" / "samples" / "kpi.toml")
    results = evaluate_kpis(load_all_kpi_data(cfg, read_table))
    return {r.spec.name: r for r in results}


def test_open_cases_are_named_in_the_duration_notes(sample: dict[str, Any]) -> None:
    """Review item 3: a median lead time leaves out open cases; the note names them and the
    change's basis, in Swedish and English; a share-within KPI keeps its own wording."""
    from servqual_cli.report.kpi_sections import _notes

    lead = sample["Handläggningstid bygglov"]
    sv = _notes([lead], "sv")[0].text
    assert "22 öppna ärenden (ännu inte avgjorda) ingår inte; värdet kan vara för lågt" in sv
    assert "förändringen 2023→2024 jämför bara avgjorda ärenden (22 öppna 2024)" in sv
    en = _notes([lead], "en")[0].text
    assert "22 open cases (not yet decided) are not counted; the value may be too low" in en
    within = sample["Bygglov beslutas inom tio veckor från komplett ansökan"]
    assert "ännu inte avgjorda" not in _notes([within], "sv")[0].text
