"""Review 18, finding 17: a weighted report's lead says "Störst är gapet för Empati" from the
weighted pair test, but ``gap --weight-column`` showed only the unweighted pairs (Lyhördhet −
Empati p 0,070), so an examiner could not reproduce the sentence. ``gap --weight-column`` now
prints the weighted pairs and writes them as JSON ``weighted_dimension_pairs``; the values are
R ``survey::svyttest`` on the paired difference (tests/core/r/weighted_pairs.R and .json).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "data" / "samples" / "karlstad_servqual_2025.xlsx"
R_VALUES = ROOT / "tests" / "core" / "r" / "weighted_pairs.json"


def _run(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    from servqual_cli.cli.main import main

    assert main(["gap", str(SAMPLE), "--weight-column", "Vikt", *extra]) == 0
    return capsys.readouterr().out


def test_gap_json_carries_the_weighted_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    payload = json.loads(_run(capsys, "-f", "json"))
    got = {(r["a"], r["b"]): r for r in payload["weighted_dimension_pairs"]}
    want = json.loads(R_VALUES.read_text(encoding="utf-8"))["sample"]
    assert len(got) == len(want) == 10
    for r in want:  # R survey::svyttest(I(a - b) ~ 0), Holm across the 10 pairs
        g = got[(r["a"], r["b"])]
        assert g["n"] == r["n"] and g["df"] == r["df"]
        for key in ("diff", "se", "t", "p", "p_holm", "ci_low", "ci_high"):
            assert g[key] == pytest.approx(r[key], rel=1e-6, abs=1e-12), key
    pair = got[("Responsiveness", "Empathy")]  # the pair that decides the lead's "störst"
    assert pair["p_holm"] == pytest.approx(0.0362, abs=5e-5)


def test_gap_terminal_shows_the_weighted_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "--lang", "sv", "-f", "markdown")
    assert "Viktade parvisa jämförelser av dimensionsgap (Vikt)" in out
    assert "En viktad rapports ”Resultat i korthet” bedömer vilket gap" in " ".join(out.split())
    # R survey::svyttest: 0.1246, SE 0.0592, p 0.0362, Holm 0.0362 (weighted_pairs.json)
    row = "| Lyhördhet | Empati | 320 | 0,12 | 0,059 | 0,01 | 0,24 | 2,10 | 318 | 0,036 | 0,036 |"
    assert row in out
