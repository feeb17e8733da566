"""Review 3, finding 1: a CFA on the complete rows only is named, warned and withdrawn.

tests/data/survey_blanks_pzb1988.csv (review 3's s1: 300 respondents, 5 % blank E/P cells): the
listwise CFA keeps 104 (E), 90 (P) and 28 (gap) rows for a model with 54 free parameters
(lavaan's nobs and npar in tests/core/r/cfa_rows.json, from cfa_rows.R). The gap CFA has fewer
rows than parameters: its fit indices, CR, AVE and ω are withdrawn with the reason; E and P stand
with a warning (fewer than 5 rows per parameter, Bentler & Chou 1987).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REF = json.loads((Path(__file__).parents[1] / "core" / "r" / "cfa_rows.json").read_text())


@pytest.fixture
def out(cli, data_dir: Path) -> dict:
    r = cli("reliability", data_dir / "survey_blanks_pzb1988.csv", "-i", "pzb1988", "--no-items",
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_rows_and_parameters_match_lavaan(out: dict) -> None:
    for v in out["validity"]:
        ref = REF[v["score"]]
        assert v["cfa_rows"] == ref["nobs"] == v["cfa"]["n"]
        assert v["cfa"]["n_parameters"] == ref["npar"] == 54


def test_gap_cfa_withdrawn_with_reason(out: dict) -> None:
    gap = next(v for v in out["validity"] if v["score"] == "gap")
    assert gap["cfa"]["problem"] == "too_few_rows"
    for key in ("chi2", "cfi", "tli", "rmsea", "srmr", "omega_total"):
        assert gap["cfa"][key] is None, key
    assert all(f["ave"] is None and f["problem"] == "too_few_rows" for f in gap["cfa"]["factors"])
    whole = next(s for s in out["scales"] if s["scale"] == "gap:all")
    assert whole["omega_total"] is None and whole["omega_problem"] == "too_few_rows"
    assert any("28 of 300 rows" in w for w in gap["warnings"])
    assert any("fewer rows than parameters" in w for w in out["warnings"])


def test_e_and_p_stand_with_a_warning(out: dict) -> None:
    for score in ("E", "P"):
        v = next(v for v in out["validity"] if v["score"] == score)
        assert v["cfa"]["problem"] is None
        assert v["cfa"]["cfi"] == pytest.approx(REF[score]["cfi"], abs=1e-6)
        assert any("Bentler & Chou 1987" in w for w in v["warnings"])


def test_terminal_names_listwise_and_shows_dash(cli, data_dir: Path) -> None:
    path = data_dir / "survey_blanks_pzb1988.csv"
    for lang, words in (
        ("en", ("Validity (CFA listwise: complete rows)", "only 28 of 300 rows (9%)",
                "fewer complete rows than free parameters", "0.686")),
        ("sv", ("Validitet (CFA listvis: kompletta rader)", "bara 28 av 300 rader (9 %)",
                "färre kompletta rader än fria parametrar", "0,686")),
    ):  # fmt: skip
        r = cli("reliability", path, "-i", "pzb1988", "--no-items", "--lang", lang)
        assert r.exit_code == 0, r.stderr
        text = " ".join(r.stdout.split())
        for w in words[:3]:
            assert w in text, w
        assert words[3] not in text  # the gap CFI from 28 rows is gone


def test_cr_formula_is_named(cli, data_dir: Path) -> None:
    # Review 3, finding 14: CR is Fornell & Larcker's, not semTools::compRelSEM's.
    path = data_dir / "survey_blanks_pzb1988.csv"
    for lang in ("en", "sv"):
        r = cli("reliability", path, "-i", "pzb1988", "--no-items", "--lang", lang)
        text = " ".join(r.stdout.split())
        assert "(Fornell & Larcker 1981)" in text and "semTools::compRelSEM;" in text
