"""Review 12b, finding 5: the paragraph's "largest gap" only among the dimensions below
expectations, and the dimensions the data cannot tell from expectations (or that meet them)
named too.

Before, syn2 (one dimension below expectations, four that "kan ej skiljas från förväntan" on
their cards) read "Störst är gapet för Trygghet (−0,12), Lyhördhet (−0,08), Tillförlitlighet
(−0,05), Empati (−0,05) och Fysisk miljö (−0,05); de går inte att skilja åt." and never said
that four of five could not be told from expectations; and a report with all five below and
all tied called all five "largest".
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest

from servqual_cli.report.glance_summary import summary_paragraph
from servqual_cli.report.glance_survey_rows import _mark_ties
from servqual_cli.report.spec import GlanceRow

# syn2 (review 12b): Trygghet below expectations, the other four cannot be told from 0
SYN2 = [("Fysisk miljö", -0.05, "cannot_tell"), ("Tillförlitlighet", -0.05, "cannot_tell"),
        ("Lyhördhet", -0.08, "cannot_tell"), ("Trygghet", -0.12, "not_met"),
        ("Empati", -0.05, "cannot_tell")]  # fmt: skip
CODES = ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"]


def _rows(dims: list[tuple[str, float, str]]) -> list[GlanceRow]:
    overall = GlanceRow("overall", "SERVQUAL totalt (gap)", "gap", -0.07, period="2026",
                        target=0.0, target_verdict="cannot_tell")  # fmt: skip
    return [overall] + [
        GlanceRow("dimension", n, "gap", v, period="2026", target=0.0, target_verdict=verdict)
        for n, v, verdict in dims
    ]


def _no_pair_told() -> SimpleNamespace:
    """Every pair of dimensions with p (Holm) 0.9: the tests tell none apart."""
    pairs = [(a, b) for i, a in enumerate(CODES) for b in CODES[i + 1 :]]
    return SimpleNamespace(pairs=pd.DataFrame(
        {"a": [a for a, _ in pairs], "b": [b for _, b in pairs], "p_holm": 0.9}
    ))  # fmt: skip


DIMS = pd.DataFrame({"dimension": CODES})


def test_ties_are_among_the_dimensions_below_expectations_only() -> None:
    rows = _mark_ties(_rows(SYN2), DIMS, _no_pair_told(), "sv")  # type: ignore[arg-type]
    assert all(r.tied_with == () for r in rows)  # Trygghet is the only one below


@pytest.mark.parametrize(
    ("lang", "bad", "rest"),
    [
        ("sv", "Invånarnas upplevelse når inte upp till förväntan 2026 för Trygghet (−0,12).",
         "Upplevelsen kan inte skiljas från förväntan 2026 för Fysisk miljö, Tillförlitlighet, "
         "Lyhördhet och Empati."),
        ("en", "Residents' perceptions fall short of their expectations in 2026 for Trygghet "
         "(-0.12).", "Perceptions cannot be told from expectations in 2026 for Fysisk miljö, "
         "Tillförlitlighet, Lyhördhet and Empati."),
    ],
    ids=["sv", "en"],
)  # fmt: skip
def test_one_below_is_not_the_largest_and_the_rest_is_named(lang: str, bad: str, rest: str) -> None:
    rows = _mark_ties(_rows(SYN2), DIMS, _no_pair_told(), lang)  # type: ignore[arg-type]
    paragraphs = summary_paragraph(rows, lang)
    text = " ".join(paragraphs)
    assert paragraphs[0] == bad
    assert rest in paragraphs[1]  # with what cannot be told, after the bad news
    assert "Störst" not in text and "largest" not in text
    assert "skilja åt" not in text and "told apart" not in text


def test_old_tie_list_with_dimensions_not_below_is_ignored() -> None:
    """A row built elsewhere with a tie list over every dimension (the old ``_mark_ties``) is
    read only for the dimensions below expectations."""
    rows = _rows([("A", -0.9, "not_met"), ("B", -0.8, "not_met"), ("C", -0.7, "not_met"),
                  ("D", -0.1, "cannot_tell")])  # fmt: skip
    rows[1] = replace(rows[1], tied_with=("B", "D"))
    text = " ".join(summary_paragraph(rows, "sv"))
    assert "Störst är gapet för A (−0,90) och B (−0,80); de går inte att skilja åt." in text
    assert "D (" not in text
    assert "Upplevelsen kan inte skiljas från förväntan 2026 för D." in text


@pytest.mark.parametrize(
    ("lang", "equal"),
    [("sv", "Invånarnas upplevelse når inte upp till förväntan 2026 för A, B och C; inget av "
            "gapen kan skiljas från det största, så inget pekas ut som störst (mellan −0,90 och "
            "−0,70)."),
     ("en", "Residents' perceptions fall short of their expectations in 2026 for A, B and C; "
            "none of the gaps can be told from the largest, so none is named the largest "
            "(between -0.90 and -0.70).")],
    ids=["sv", "en"],
)  # fmt: skip
def test_all_tied_is_no_largest(lang: str, equal: str) -> None:
    rows = _rows([("A", -0.9, "not_met"), ("B", -0.8, "not_met"), ("C", -0.7, "not_met")])
    rows[1] = replace(rows[1], tied_with=("B", "C"))
    text = " ".join(summary_paragraph(rows, lang))
    assert equal in text
    assert "Störst är" not in text and "The gap is largest" not in text


def test_met_dimensions_are_good_news() -> None:
    rows = _rows([("A", -0.9, "not_met"), ("B", 0.3, "met"), ("C", -0.1, "cannot_tell")])
    paragraphs = summary_paragraph(rows, "sv")
    assert paragraphs[-1] == "Upplevelsen når förväntan 2026 för B."
    assert "Upplevelsen kan inte skiljas från förväntan 2026 för C." in paragraphs
