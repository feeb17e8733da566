"""Review 17, findings 2, 3, 17 and 18 (session 18, a-count): two kinds of weight and one
respondent count in gap and the report.

tests/data/a_count_messy.csv (review 17's messy_gap.csv, described in a_count_messy.toml): 118
respondents after rows 32 and 33 (no answer) and the trailing "Summa" row; the survey weight
column Vikt has 4 cells without a valid weight ("ett", "n/a", two blanks); the importance
points W1–W5 have 25 blank cells, and 5 respondents with every dimension have no valid points.

- 2/17: "5 utan giltiga vikter" under the total and "Uteslutna viktceller: tomma 25" in the
  summary meant the importance points beside a survey weight column named Vikt, whose own 4
  invalid cells the weighted tables count: the points are called "viktighetspoäng", the Vikt
  cells are counted apart with their total.
- 3: the total's and the pairs' denominators said "117 av 120" and "3 ofullständiga" (the two
  rows with no answer counted as respondents); JSON n_rows 120.
- 18: the method's "Saknade värden" named none of the rows with no answer, the respondents
  without a valid survey weight left out of the weighted estimates, or the summary row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
FILE, CONFIG = DATA / "a_count_messy.csv", DATA / "a_count_messy.toml"

TOTAL = {  # gap's and the report's note under "Total SERVQUAL"
    "sv": ("räknas (117 av 118)", "5 utan giltiga viktighetspoäng; viktighetspoäng lästa som 100"),
    "en": ("count (117 of 118)", "5 without valid importance points; importance points read as"),
}
PAIRS = {"sv": "(117; 1 ofullständiga utelämnade)", "en": "(117; 1 incomplete left out)"}
SUMMARY = {
    "sv": "Uteslutna viktighetspoäng (W1–W5): tomma 25. Vikt (urvalsvikter): 4 utan giltig vikt "
    "– tom vikt 2, inget värde (NA, ..) 1, ogiltigt värde 1 (”ett” 1).",
    "en": "Excluded importance points (W1–W5): blank 25. Vikt (survey weights): 4 without a valid "
    "weight – blank weight 2, no value (NA, ..) 1, not a valid value 1 (“ett” 1).",
}
METHOD = {
    "sv": (
        "2 rader utan något giltigt svar i påståendena (rad 32, 33) räknas inte som svarande.",
        "En summeringsrad sist i filen (rad 122 ”Summa”) utelämnas.",
        "Svarande utan giltig urvalsvikt i Vikt (tom eller inte ett tal) lämnas utanför alla "
        "viktade skattningar (4); de ingår i de oviktade.",
    ),
    "en": (
        "2 rows with no valid answer to any item (rows 32, 33) are not counted as respondents.",
        "A summary row at the end of the file (row 122 “Summa”) is left out.",
        "Respondents without a valid survey weight in Vikt (blank or not a number) are left out "
        "of every weighted estimate (4); they count in the unweighted ones.",
    ),
}


def _text(s: str) -> str:
    return " ".join(s.split())


def _gap(cli, lang: str) -> str:
    r = cli("gap", FILE, "--weight-column", "Vikt", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    return _text(r.stdout)


def _report(cli, tmp_path: Path, lang: str) -> str:
    out = tmp_path / "out"
    r = cli("report", CONFIG, "-o", out, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    return _text((out / "report.md").read_text("utf-8"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_denominators_are_the_respondents(cli, lang: str) -> None:  # finding 3
    text = _gap(cli, lang)
    assert TOTAL[lang][0] in text and PAIRS[lang] in text
    d = json.loads(cli("gap", FILE, "--weight-column", "Vikt", "-f", "json").stdout)
    assert d["n_rows"] == 118 and d["overall"]["n_unweighted"] == 117
    assert d["dimension_comparison"]["n_incomplete"] == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_total_names_importance_points(cli, lang: str) -> None:  # finding 2
    text = _gap(cli, lang)
    assert TOTAL[lang][1] in text
    assert "giltiga vikter" not in text and "without valid weights" not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_summary_counts_both_weights_apart(cli, tmp_path: Path, lang: str) -> None:
    md = _report(cli, tmp_path, lang)  # findings 17 and 2
    assert SUMMARY[lang] in md
    assert all(words in md for words in TOTAL[lang])
    assert "viktceller" not in md and "weight cells" not in md


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_method_names_the_dropped_rows_and_weights(cli, tmp_path: Path, lang: str) -> None:
    md = _report(cli, tmp_path, lang)  # finding 18
    method = md[md.index("#### Saknade värden" if lang == "sv" else "#### Missing data") :]
    assert all(words in method for words in METHOD[lang])
