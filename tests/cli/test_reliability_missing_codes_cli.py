"""``--missing-codes`` on ``reliability`` (w-json, session 17), as on ``gap``: the instrument's
scales with a code such as 99 read as no answer, counted as "missing code" and the rule named.

Reference: R psych's alpha of E1-E4 with every 99 set to NA (tests/cli/r/alpha_missing_codes.R,
stored in alpha_missing_codes.json), whose file's E columns gap_missing_codes.csv repeats (it
changes five P2 cells only). Before this change ``reliability`` had no ``--missing-codes``
(exit 2): each test fails on that code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CSV = DATA / "gap_missing_codes.csv"
R = json.loads((Path(__file__).parent / "r" / "alpha_missing_codes.json").read_text("utf-8"))


def test_the_e_scale_matches_psych_with_the_99s_as_na(cli) -> None:
    cut = pd.read_csv(DATA / "missing_code_99.csv", sep=";", dtype=str, keep_default_na=False)
    ours = pd.read_csv(CSV, sep=";", dtype=str, keep_default_na=False)
    e = [f"E{k}" for k in range(1, 5)]
    assert ours[e].equals(cut[e])  # the R reference's columns
    run = cli("reliability", CSV, "--instrument", DATA / "gap_missing_codes.toml",
              "--missing-codes", "99", "--no-validity", "-f", "json")  # fmt: skip
    assert run.exit_code == 0, run.stderr
    d = json.loads(run.stdout)
    whole = next(s for s in d["scales"] if s["scale"] == "E:all")
    assert whole["alpha"] == pytest.approx(R["E"]["raw_alpha"], abs=1e-9)
    assert d["excluded"] == {"blank": 4, "missing_code": 33, "out_of_range": 5}
    assert d["missing_codes"] == ["99"] and d["missing_codes_rule"] == "union"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", "svarskod för saknat svar 33 (”99” 17, ”99,0” 16), angivet saknat värde 5 (alla i "
               "P2). Listan med fil, blad, rad, kolumn, värde och skäl: --excluded FIL. 99 räknas "
               "som saknat svar (--missing-codes), liksom instrumentets egna koder (98, missing i "
               "instrumentfilen): båda listorna gäller."),
        ("en", "missing code 33 (“99” 17, “99,0” 16), declared missing 5 (all in P2)."),
    ],
)  # fmt: skip
def test_the_note_counts_the_codes_and_names_the_union(cli, lang: str, words: str) -> None:
    run = cli("reliability", CSV, "--instrument", DATA / "gap_missing_codes_98.toml",
              "--missing-codes", "99", "--no-validity", "--no-items", "--lang", lang)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert words in " ".join(run.stdout.split())
