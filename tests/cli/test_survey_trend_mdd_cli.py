"""``servqual trend`` on two SERVQUAL surveys: the MDD comes from the Welch test behind the
verdict, and the note says so (sv and en).

The MDD was computed from a pooled SD (``power.t.test``) beside a Welch verdict and interval;
now it uses the Welch test's own SE and Satterthwaite df (tests/core/test_trend.py checks the
values against R, tests/core/r/trend.R ``mdd_welch``).
"""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
K24, K25 = SAMPLES / "karlstad_servqual.xlsx", SAMPLES / "karlstad_servqual_2025.xlsx"


def test_survey_trend_note_names_the_mdd_rule(cli) -> None:
    sv = " ".join(cli("trend", K24, K25, "--lang", "sv").stdout.split())
    assert ("Minsta påvisbara: den förändring Welchs t-test upptäcker med 80 % styrka "
            "(p < 0,05), från samma standardfel och frihetsgrader som testet") in sv  # fmt: skip
    en = " ".join(cli("trend", K24, K25, "--lang", "en", "--power", "0.9").stdout.split())
    assert "MDD: the change Welch's t-test detects with 90% power (p < 0.05)" in en
