"""``alpha`` and ``items --items`` leave out the rows with no answer in the analysed items, as
gap and reliability do (review 18, finding 5): r17_messy_gap.csv's rows 32 and 33 have E1-E4
blank; alpha said "Svarande: 120" (JSON ``n_rows`` 120, 13 blanks, 8 of them those two rows')
where gap said 118. The reference counts are pandas' own read of the file (rows with E1-E4 all
empty; blanks outside them); every test fails on the code before the fix (120 and 13).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CSV = DATA / "r17_messy_gap.csv"
ITEMS = ("--items", "E1,E2,E3,E4")
SENTENCE = {
    "sv": "2 rader utan något giltigt svar i påståendena (rad 32, 33) räknas inte som svarande.",
    "en": "2 rows with no valid answer to any item (rows 32, 33) are not counted as respondents.",
}


def _reference() -> tuple[int, list[int], int]:
    """Respondents, the rows with no answer (file rows: header is row 1) and the other blanks."""
    frame = pd.read_csv(CSV, sep=";", dtype=str, keep_default_na=False)
    frame = frame[frame["Respondent"].str.strip() != "Summa"]  # the summary row, left out
    cells = frame[["E1", "E2", "E3", "E4"]].apply(lambda c: c.str.strip() == "")
    none = cells.all(axis=1)
    rows = [int(i) + 2 for i in frame.index[none]]
    return int((~none).sum()), rows, int(cells[~none].to_numpy().sum())


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_alpha_counts_the_respondents_as_gap_does(cli, lang: str) -> None:
    n, rows, _ = _reference()
    assert (n, rows) == (118, [32, 33])
    run = cli("alpha", CSV, *ITEMS, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    word = "Svarande" if lang == "sv" else "Respondents"
    assert f"{word}: {n}. {SENTENCE[lang]}" in out
    assert out.count(SENTENCE[lang]) == 1  # named once


def test_alpha_json_and_the_excluded_list(cli, tmp_path: Path) -> None:
    n, rows, blanks = _reference()
    listed = tmp_path / "ex.csv"
    run = cli("alpha", CSV, *ITEMS, "-f", "json", "--excluded", listed)
    assert run.exit_code == 0, run.stderr
    d = json.loads(run.stdout)
    assert d["n_rows"] == n
    assert d["rows_without_answers"] == rows
    assert d["excluded"]["blank"] == blanks  # the two rows' 8 blanks are not cells left out
    excluded = pd.read_csv(listed, dtype=str, keep_default_na=False)
    entries = excluded[excluded["reason"] == "no_answer_row"]
    assert entries["row"].astype(int).tolist() == rows
    assert not excluded["row"].astype(int).isin(rows).all() or len(entries) == len(excluded)
    assert (excluded[excluded["row"].astype(int).isin(rows)]["reason"] == "no_answer_row").all()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_items_with_items_names_the_rows(cli, lang: str) -> None:
    _, rows, blanks = _reference()
    args = ("items", CSV, *ITEMS, "--scale-range", "1,7")
    run = cli(*args, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    assert SENTENCE[lang] in _flat(run.stdout)
    d = json.loads(cli(*args, "-f", "json").stdout)
    assert d["rows_without_answers"] == rows
    assert d["excluded"]["blank"] == blanks


# review 18, finding 6: ``--reverse E2`` without ``--scale-range`` reverses on the answers' 3–7
# (10 − x, mean 4,40; 8 − x on the 1–7 scale gives 2,40): a warning that says the mean is on
# that pivot and that α is not, and the same as a JSON caveat (there was none).
REVERSE_WARNING = {
    "sv": "Omvändningen av E2 utgår från svarens spann (3–7) som skala: de omvända medelvärdena "
    "är de av 10 − svaret och blir fel på en bredare skala",
    "en": "The reversal of E2 uses the range the answers span (3–7) as the scale: the reversed "
    "means are those of 10 − the answer and are wrong on a wider scale",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reverse_pivot_from_the_answers_is_a_warning_and_a_caveat(cli, lang: str) -> None:
    args = ("alpha", CSV, *ITEMS, "--reverse", "E2")
    run = cli(*args, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    assert REVERSE_WARNING[lang] in out
    assert ("α och korrelationerna beror inte på det" if lang == "sv"
            else "alpha and the correlations do not depend on it") in out  # fmt: skip
    d = json.loads(cli(*args, "-f", "json").stdout)
    found = [c for c in d["caveats"] if c["code"] == "reverse_pivot_from_answers"]
    assert [c["params"] for c in found] == [{"items": ["E2"], "low": 3, "high": 7, "pivot": 10}]
    assert found[0]["message"] in d["warnings"]
    # the item table's mean is 10 − E2's mean as answered (pandas), the pivot the caveat names
    frame = pd.read_csv(CSV, sep=";", dtype=str, keep_default_na=False)
    e2 = pd.to_numeric(frame.loc[frame["Respondent"] != "Summa", "E2"], errors="coerce")
    (item,) = [i for i in d["scales"][0]["items"] if i["item"] == "E2"]
    assert item["mean"] == pytest.approx(10 - e2.mean())
