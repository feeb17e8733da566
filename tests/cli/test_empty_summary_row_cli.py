"""Review 15, finding 9: a trailing "Summa" row with no numbers (the export left its sums
blank) was read as one more respondent: "Svarande: 164", its 32 blank cells among the
excluded ones and its blank weight among those without a valid weight. It is a summary row
now, named and listed as summary rows with numbers are.

tests/data/r15_enkat.xlsx: 40 respondents (rows 4–43) and "Summa" alone in row 44.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
FILE, TOML = DATA / "r15_enkat.xlsx", DATA / "r15_kommun.toml"

WORDS = {
    "sv": ("Svarande: 40.", "rad 44 ser ut som en summeringsrad (Summa): utelämnad"),
    "en": ("Respondents: 40.", "row 44 looks like a summary row (Summa): left out"),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_empty_summa_row_is_no_respondent(cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "ex.csv"
    r = cli("gap", FILE, "-i", TOML, "--lang", lang, "--excluded", out)
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    for words in WORDS[lang]:
        assert words in text
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "r15_enkat.xlsx,Svar,44,,Summa,summary_row" in lines
    assert not any(line.startswith("r15_enkat.xlsx,Svar,44,E") for line in lines)
