"""Session 18, b-left: gap's own "Uteslutna celler" counted the importance points' blank
cells (W1–W5) among the answers' ("tomma 74" = 49 blank answers + 25 blank points on
tests/data/a_count_messy.csv, review 17's messy_gap.csv); the points are counted apart as a
report's summary counts them (report/survey_summary.py, review 17, finding 2), on the terminal
and in the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FILE = Path(__file__).parents[1] / "data" / "a_count_messy.csv"
NOTE = {
    "sv": "Uteslutna celler: tomma 49, vet ej 43, utanför skalan 7 (i E5 5, P1 1, P2 1; ”99” 5, "
    "”0” 1, ”8” 1). Uteslutna viktighetspoäng (W1–W5): tomma 25.",
    "en": "Excluded cells: blank 49, don't know 43, out of range 7 (in E5 5, P1 1, P2 1; “99” 5, "
    "“0” 1, “8” 1). Excluded importance points (W1–W5): blank 25.",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_counts_the_importance_points_apart(cli, lang: str) -> None:
    res = cli("gap", FILE, "-i", "pzb1991", "--lang", lang, "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    text = " ".join(res.stdout.split())
    assert NOTE[lang] in text
    assert "tomma 74" not in text and "blank 74" not in text


def test_gap_json_counts_the_importance_points_apart(cli) -> None:
    res = cli("gap", FILE, "-i", "pzb1991", "-f", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    # "excluded" stays every listed cell (as --excluded FILE lists them); the split beside it
    assert data["excluded"] == {"blank": 74, "dont_know": 43, "out_of_range": 7}
    assert data["excluded_answers"] == {"blank": 49, "dont_know": 43, "out_of_range": 7}
    assert data["excluded_importance_points"] == {"blank": 25}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reliability_counts_them_as_gap_does(cli, lang: str) -> None:
    """The demo gave gap "blank 176 … importance points blank 55" and reliability "blank 231"
    for the same file: reliability's note and JSON now split them as gap's do (fails on the
    old code)."""
    res = cli("reliability", FILE, "-i", "pzb1991", "--lang", lang, "--no-items")
    assert res.exit_code == 0, res.stderr
    text = " ".join(res.stdout.split())
    assert NOTE[lang] in text
    data = json.loads(cli("reliability", FILE, "-i", "pzb1991", "-f", "json").stdout)
    assert data["excluded_importance_points"] == {"blank": 25}
    assert data["excluded_answers"]["blank"] == 49
