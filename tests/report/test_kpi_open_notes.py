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
    """Review item 3, then review 3 finding 3: the median lead time and the share within ten
    weeks are measured on the cases that had the whole time (equal follow-up); the note names
    the rule with its counts (R: tests/core/r/review3_kpi.R), in Swedish and English."""
    from servqual_cli.report.kpi_sections import _notes

    lead = sample["Handläggningstid bygglov"]
    sv = _notes([lead], "sv")[0].text
    assert (
        "jämför ärenden som hade hela tiden på sig (70 dagar före 2024-12-30): 235 av 279 "
        "ärenden 2024; senare ärenden ingår inte (44, varav 22 pågår)"
    ) in sv
    assert "värdet kan vara för lågt" not in sv  # no open case is left in the cohort
    en = _notes([lead], "en")[0].text
    assert (
        "compares cases that had the whole time (70 days before 2024-12-30): 235 of 279 cases "
        "in 2024; later cases are not counted (44, 22 of them open)"
    ) in en
    within = sample["Bygglov beslutas inom tio veckor från komplett ansökan"]
    text = _notes([within], "sv")[0].text
    assert "(10 veckor före 2024-12-30): 235 av 279" in text
    assert "ännu inom gränsen" not in text  # nothing undecided is left out any more
