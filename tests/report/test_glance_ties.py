"""Review 3, finding 5: the largest dimension gap is named alone only when the run's own paired
test (Holm over the pairs, "which gap is largest?") tells it from the runner-up.

Karlstad 2025: Responsiveness − Empathy = 0.098, p (Holm) 0.070 -> "Empati ... och Lyhördhet
..., som inte kan skiljas åt"; Karlstad 2024: p (Holm) 0.021 -> "störst är gapet för Lyhördhet".
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from servqual_cli.report.glance_summary import summary_paragraph
from servqual_cli.report.glance_survey_rows import _mark_ties
from servqual_cli.report.spec import GlanceRow


def _rows() -> list[GlanceRow]:
    overall = GlanceRow("overall", "SERVQUAL totalt (gap)", "gap", -0.6, target=0.0,
                        target_verdict="not_met")  # fmt: skip
    dims = [("Lyhördhet", -0.91), ("Trygghet", -0.50), ("Empati", -1.01)]
    return [overall] + [
        GlanceRow("dimension", n, "gap", v, target=0.0, target_verdict="not_met") for n, v in dims
    ]


DIMS = pd.DataFrame({"dimension": ["Responsiveness", "Assurance", "Empathy"]})


def _pairs(p_resp_emp: float) -> SimpleNamespace:
    pairs = pd.DataFrame(
        {
            "a": ["Responsiveness", "Responsiveness", "Assurance"],
            "b": ["Assurance", "Empathy", "Empathy"],
            "p_holm": [1e-6, p_resp_emp, 1e-9],
        }
    )
    return SimpleNamespace(pairs=pairs)


@pytest.mark.parametrize(
    ("p", "tied"), [(0.070, ("Lyhördhet",)), (0.021, ()), (0.05, ("Lyhördhet",))]
)
def test_ties_follow_the_holm_pair_test(p: float, tied: tuple[str, ...]) -> None:
    rows = _mark_ties(_rows(), DIMS, _pairs(p), "sv")  # type: ignore[arg-type]
    assert rows[3].tied_with == tied
    assert all(r.tied_with == () for r in rows[:3])
    text = " ".join(summary_paragraph(rows, "sv"))
    if tied:
        assert "Störst är gapet för Empati (−1,01) och Lyhördhet (−0,91); de går inte" in text
        assert "Holm" not in text and "test" not in text  # review 6, finding 4
    else:
        assert "Störst är gapet för Empati (−1,01)." in text


def test_without_pair_tests_nothing_is_marked() -> None:
    rows = _rows()
    assert _mark_ties(rows, DIMS, None, "en") == rows
