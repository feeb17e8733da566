"""The weighted survey trend judges a small base on Kish's effective n (w-left, session 17).

Before: ``trend --weight-column`` marked a year "litet underlag" by its count of answers, though
its table shows the effective n, (Σw)²/Σw², that the weighted gap rests on: 320 answers weighted
to an effective 253 passed ``--min-n 300``. Now the mark follows n_eff, the note says so
("effektivt n (Kish) före eller efter är under 300") and the JSON names the rule
(``weights.small_base_by = "n_eff"``). Reference: Kish's n_eff computed here with pandas from
the sample's raw ``Vikt`` column (every 2025 respondent has a score and a weight).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
K24, K25 = SAMPLES / "karlstad_servqual.xlsx", SAMPLES / "karlstad_servqual_2025.xlsx"
ARGS = ("trend", K24, K25, "--weight-column", "Vikt", "--min-n", "300")


def _kish() -> float:
    w = pd.read_excel(K25, engine="openpyxl")["Vikt"].astype(float)
    return float(w.sum() ** 2 / (w**2).sum())


def test_json_and_csv_judge_the_small_base_on_n_eff(cli: Any) -> None:
    r = cli(*ARGS, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["weights"]["small_base_by"] == "n_eff"
    n_eff = _kish()
    assert 253 < n_eff < 254  # under --min-n 300, though n = 320 is not
    for row in d["dimensions"]:
        assert row["n_after"] == 320 and row["n_before"] >= 399
        assert row["n_eff_after"] == pytest.approx(n_eff, rel=1e-12)
        assert row["small_base"] is True and row["min_n"] == 300
    out = cli(*ARGS, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [row["small_base"] for row in rows] == ["True"] * 6
    # under the effective n nothing is small
    low = json.loads(cli(*ARGS[:-1], "250", "-f", "json").stdout)
    assert {row["small_base"] for row in low["dimensions"]} == {False}


@pytest.mark.parametrize(
    ("lang", "note", "mark"),
    [("sv", "”Litet underlag”: effektivt n (Kish) före eller efter är under 300", "litet underlag"),
     ("en", "“Small base”: the effective n (Kish) before or after is under 300", "small base")],
)  # fmt: skip
def test_the_note_names_the_effective_n(cli: Any, lang: str, note: str, mark: str) -> None:
    r = cli(*ARGS, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert note in " ".join(r.stdout.split())
    head = next(line for line in r.stdout.splitlines() if line.startswith("| Dimension"))
    cells = [c.strip() for c in head.strip("|").split("|")]
    # the mark stands beside the effective n it was judged on
    eff_after = "n eff. efter" if lang == "sv" else "n eff. after"
    assert cells.index(eff_after) + 1 == cells.index("Underlag" if lang == "sv" else "Base")
    assert r.stdout.count(f"| {mark} |") == 6
