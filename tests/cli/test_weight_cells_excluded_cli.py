"""Review 15, finding 8: the respondents the weighted estimates leave out for want of a valid
weight were counted ("2 svarande utan giltig vikt utelämnade") but not listed in ``--excluded``,
and a text weight ("ja") was not counted among the invalid texts as an item's is. With none
left out the note said "(0 svarande utan giltig vikt utelämnade)".

tests/data/r15_enkat.xlsx is the first 40 respondents of the review's enkat3.xlsx (an
Esmaker-style export: title row, blank row, header in row 3): row 10 has the weight "ja",
row 14 a blank weight, row 8 the weight 0 (a valid weight, not listed), and a trailing "Summa"
row with no numbers (finding 9). r15_enkat_clean.csv has a valid weight in every row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
FILE, CLEAN, TOML = DATA / "r15_enkat.xlsx", DATA / "r15_enkat_clean.csv", DATA / "r15_kommun.toml"
JA = "r15_enkat.xlsx,Svar,10,Vikt,ja,unparseable"
BLANK = "r15_enkat.xlsx,Svar,14,Vikt,,blank_weight"

WORDS = {
    "sv": ("ogiltigt värde 1 (alla i Vikt; \u201dja\u201d 1)", "tom vikt 1 (alla i Vikt)",
           "Vikter från kolumnen Vikt (2 svarande utan giltig vikt utelämnade)."),
    "en": ("not a valid value 1 (all in Vikt; \u201cja\u201d 1)", "blank weight 1 (all in Vikt)",
           "Weights from column Vikt (2 respondents without a valid weight left out)."),
}  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_lists_and_counts_the_weight_cells(cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "ex.csv"
    r = cli("gap", FILE, "-i", TOML, "--by", "Enhet", "--weight-column", "Vikt", "--lang", lang,
            "--excluded", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert JA in lines and BLANK in lines
    assert not any(",8,Vikt," in line for line in lines)  # weight 0 is a weight
    text = _flat(r.stdout)
    for words in WORDS[lang]:
        assert words in text


def test_gap_json_counts_the_weight_cells(cli) -> None:
    r = cli("gap", FILE, "-i", TOML, "--weight-column", "Vikt", "-f", "json")
    d = json.loads(r.stdout)
    assert d["excluded"]["blank_weight"] == 1
    assert d["excluded_detail"]["unparseable"]["values"] == [{"value": "ja", "count": 1}]


@pytest.mark.parametrize("command", ["items", "trend"])
def test_items_and_trend_list_them_too(cli, tmp_path: Path, command: str) -> None:
    out = tmp_path / "ex.csv"
    files = (FILE,) if command == "items" else (CLEAN, FILE)
    r = cli(command, *files, "-i", TOML, "--weight-column", "Vikt", "--excluded", out)
    assert r.exit_code == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert JA in lines and BLANK in lines


@pytest.mark.parametrize(
    ("command", "lang", "words"),
    [
        ("gap", "sv", "Vikter från kolumnen Vikt. Viktat gap"),
        ("gap", "en", "Weights from column Vikt. Weighted gap"),
        ("items", "sv", "Vikter från kolumnen 'Vikt'. Medel"),
        ("items", "en", "Weights from column 'Vikt'. Mean"),
    ],
)
def test_no_clause_when_every_weight_is_valid(cli, command: str, lang: str, words: str) -> None:
    r = cli(command, CLEAN, "-i", TOML, "--weight-column", "Vikt", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert words in text
    assert "0 svarande" not in text and "0 respondents" not in text
