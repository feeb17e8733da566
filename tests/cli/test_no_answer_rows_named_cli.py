"""Session 18, b-left: tolerance and items leave out the rows with no answer when read (io,
session 18) but did not name them, as gap and reliability do ("2 rader utan något giltigt svar
i påståendena (rad 6, 10) räknas inte som svarande."). tests/data/tolerance_no_answer.csv is
r15_tolerans.csv with every A, D and P cell of file rows 6 and 10 blanked: 158 respondents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
FILE, INSTRUMENT = DATA / "tolerance_no_answer.csv", DATA / "r15_kommun.toml"
ROWS = {
    "sv": "2 rader utan något giltigt svar i påståendena (rad 6, 10) räknas inte som svarande.",
    "en": "2 rows with no valid answer to any item (rows 6, 10) are not counted as respondents.",
}
HEAD = {"sv": "Svarande: 158. ", "en": "Respondents: 158. "}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_tolerance_names_the_rows_without_answers(cli, lang: str) -> None:
    res = cli("tolerance", FILE, "-i", INSTRUMENT, "--lang", lang, "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    text = " ".join(res.stdout.split())
    assert HEAD[lang] + ROWS[lang] in text  # right after the count, as gap's line


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_items_names_the_rows_without_answers(cli, lang: str) -> None:
    res = cli("items", FILE, "-i", INSTRUMENT, "--lang", lang, "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    assert ROWS[lang] in " ".join(res.stdout.split())


@pytest.mark.parametrize("command", ["tolerance", "items"])
def test_json_lists_the_rows_without_answers(cli, command: str) -> None:
    res = cli(command, FILE, "-i", INSTRUMENT, "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["rows_without_answers"] == [6, 10]
