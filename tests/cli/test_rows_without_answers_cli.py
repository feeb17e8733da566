"""Review 15, finding 9 (second half): a row read with no valid answer in any item (here row 6:
an id, a unit, an age and a weight, every E and P cell blank) is in no result, yet "Svarande"
counted it. It is named and no longer counted as a respondent; the JSON lists its row.

tests/data/r15_no_answer.csv: the first 30 respondents of the review's enkat_cp1252.csv (as
UTF-8), row 6's answers blanked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
FILE, TOML = DATA / "r15_no_answer.csv", DATA / "r15_kommun.toml"

WORDS = {
    "sv": "Svarande: 29. 1 rad utan något giltigt svar i påståendena (rad 6) räknas inte som "
    "svarande.",
    "en": "Respondents: 29. 1 row with no valid answer to any item (row 6) is not counted as a "
    "respondent.",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_row_without_answers_is_named_and_not_counted(cli, lang: str) -> None:
    r = cli("gap", FILE, "-i", TOML, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert WORDS[lang] in " ".join(r.stdout.split())


def test_the_json_lists_the_row(cli) -> None:
    d = json.loads(cli("gap", FILE, "-i", TOML, "-f", "json").stdout)
    assert d["rows_without_answers"] == [6]
    # the row is left out when the file is read (session 18): the JSON counts what the text does
    assert d["n_rows"] == 29
