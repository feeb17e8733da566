"""Session 18 (a-count): one respondent count per file.

A row with an id but no answer in any E or P item (review 15, finding 9) was left out of gap's
"Respondents" by the section builder alone: gap's JSON ``n_rows``, the report's "bygger på N
svarande" and reliability still counted it (30 beside 29). The row is now left out when the
survey is read (io.no_answer_rows), so every output counts 29 and names row 6 once.

tests/data/a_count_no_answer.csv: r15_no_answer.csv (30 respondents, row 6's answers blank)
with an empty trailing "Summa" row; tests/data/a_count_report.toml reports on it.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
FILE, TOML = DATA / "a_count_no_answer.csv", DATA / "r15_kommun.toml"
CONFIG = DATA / "a_count_report.toml"
N = 29  # 31 data rows: the "Summa" row and row 6 left out

ROW = {
    "sv": "1 rad utan något giltigt svar i påståendena (rad 6) räknas inte som svarande.",
    "en": "1 row with no valid answer to any item (row 6) is not counted as a respondent.",
}
INTRO = {
    "sv": f"Rapporten bygger på {N} svarande i a_count_no_answer.csv. {ROW['sv']}",
    "en": f"The report is based on {N} respondents in a_count_no_answer.csv. {ROW['en']}",
}


def _text(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_text_json_and_report_count_the_same(cli, tmp_path: Path, lang: str) -> None:
    text = cli("gap", FILE, "-i", TOML, "--lang", lang)
    assert text.exit_code == 0, text.stderr
    shown = re.search(r"(?:Svarande|Respondents): (\d+)\.", text.stdout)
    assert shown is not None and int(shown.group(1)) == N
    assert _text(text.stdout).count(ROW[lang]) == 1  # named once
    d = json.loads(cli("gap", FILE, "-i", TOML, "-f", "json").stdout)
    assert d["n_rows"] == N and d["rows_without_answers"] == [6]
    out = tmp_path / "out"
    r = cli("report", CONFIG, "-o", out, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    md = _text((out / "report.md").read_text("utf-8"))
    assert INTRO[lang] in md
    # once in the summary and once as a rule in the method's missing data (review 17, 18)
    method = md.index("#### Saknade värden" if lang == "sv" else "#### Missing data")
    assert md[:method].count("(rad 6)" if lang == "sv" else "(row 6)") == 1
    assert ROW[lang] in md[method:]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reliability_counts_and_names_the_row(cli, lang: str) -> None:
    r = cli("reliability", FILE, "-i", TOML, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    word = "Svarande" if lang == "sv" else "Respondents"
    assert f"{word}: {N}. {ROW[lang]}" in _text(r.stdout)
    d = json.loads(cli("reliability", FILE, "-i", TOML, "-f", "json").stdout)
    assert d["n_rows"] == N and d["rows_without_answers"] == [6]


def test_the_excluded_list_has_the_row_once(cli, tmp_path: Path) -> None:
    listing = tmp_path / "excluded.csv"
    assert cli("gap", FILE, "-i", TOML, "--excluded", listing).exit_code == 0
    with listing.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["row"] == "6"]
    # the row's blank cells are not counted one by one besides (nothing of it was read)
    assert [(r["column"], r["reason"]) for r in rows] == [("", "no_answer_row")]
