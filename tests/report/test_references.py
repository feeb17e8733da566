"""The report's references: only the works its sections use (review 5, finding 18)."""

from __future__ import annotations

from pathlib import Path

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.references import REFERENCES, cited

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def _cite_text(config: str) -> str:
    doc = build_report(load_config(SAMPLES / config))
    notes = dict(doc.meta["method"])
    return notes["Hur rapporten citeras"]


def test_service_report_cites_no_survey_method() -> None:
    text = _cite_text("report_lekeberg.toml")
    for absent in ("Parasuraman", "Games & Howell", "Fornell", "Bentler", "Martilla", "Feldt"):
        assert absent not in text, absent
    # what it uses: Welch intervals and Holm-adjusted changes
    assert "Holm (1979)" in text and "Welch (1951)" in text


def test_survey_report_cites_its_methods() -> None:
    text = _cite_text("report_karlstad.toml")
    for present in (
        "Parasuraman, Zeithaml & Berry (1988)",
        "Martilla & James (1977)",
        "Games & Howell (1976)",
        "Holm (1979)",
        "Feldt (1965)",
        "Fornell & Larcker",
    ):
        assert present in text, present  # fmt: skip


def test_every_reference_has_a_trigger_that_fires() -> None:
    for pattern, ref in REFERENCES:
        assert ref in cited(ref.split(" (")[0].replace("Games & Howell", "Games-Howell") + " "
                            + pattern.split("|")[0].replace("\\b", ""))  # fmt: skip
