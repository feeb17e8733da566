"""Review 15, findings 6 and 7: ``alpha`` names the reversal it applied and warns, first, of a
likely missing code read as an answer.

Finding 6: ``alpha --reverse E4`` scored E4 as ``lo + hi − x`` and no line said so, nor that,
without ``--scale-range``, lo and hi came from the answers. Now the sentence ``gap``, ``items``
and ``reliability`` print (report/reverse_note.py) follows the note, with "(skalan från svaren:
3–7)" when the pivot was inferred. The reversed mean is checked against R psych's item mean
(tests/cli/r/alpha_missing_codes.json): 8 − 5,610 on the 1–7 scale.

Finding 7: without ``--scale-range`` a 99 for "Vet ej" counted as an answer (E1's mean 8,09 on a
1–7 scale) and only the last line said the answers ran to 99. Now a warning at the top names 99,
its cells and the options (core/missing_code_guess.py), and the scale hint says that a given scale
reads answers in words too (true: the last test reads "Instämmer helt" as 7 with it).

Data: tests/data/missing_code_99.csv (E1–E4, 19 cells of 99, answers 3–7) and
alpha_code_99_labels.csv (F1–F3 on 1–7, 4 cells of 99 and 6 of "Instämmer helt"). Every test
fails on the code before it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CSV, LABELS = DATA / "missing_code_99.csv", DATA / "alpha_code_99_labels.csv"
R = json.loads((Path(__file__).parent / "r" / "alpha_missing_codes.json").read_text("utf-8"))
E_ITEMS = ("--items", "E1,E2,E3,E4")
F_ITEMS = ("--items", "F1:F3")
SUSPECT = {
    "sv": "99 (19 celler) ser ut som en kod för saknat svar: övriga svar går från 3 till 7, och "
    "utan --scale-range räknas 99 som ett svar i α, medelvärden och SD. Ange --missing-codes 99 "
    "och enkätens skala, t.ex. --scale-range 1,7.",
    "en": "99 (19 cells) looks like a code for no answer: the other answers run from 3 to 7, and "
    "without --scale-range 99 counts as an answer in α, the means and SDs. Give --missing-codes "
    "99 and the questionnaire's scale, e.g. --scale-range 1,7.",
}


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _json(cli, *args: str | Path) -> dict:
    run = cli(*args, "-f", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_likely_99_code_is_warned_at_the_top(cli, lang: str) -> None:
    for fmt in ("table", "markdown"):
        run = cli("alpha", CSV, *E_ITEMS, "--lang", lang, "-f", fmt)
        assert run.exit_code == 0, run.stderr
        out = _flat(run.stdout)
        assert SUSPECT[lang] in out
        # at the top: before the reliability table
        assert out.index(SUSPECT[lang]) < out.index("Cronbach", len("Cronbach's alpha"))
    d = _json(cli, "alpha", CSV, *E_ITEMS)
    assert d["suspected_missing_code"] == {"value": 99, "cells": R["E"]["n_99"], "others": [3, 7]}
    # no warning once the code or the scale is given
    for extra in (("--missing-codes", "99"), ("--scale-range", "1,7")):
        assert "suspected_missing_code" not in _json(cli, "alpha", CSV, *E_ITEMS, *extra)
        assert "code for no answer" not in cli("alpha", CSV, *E_ITEMS, *extra).stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "Med skalan angiven läses även svar i ord från en känd svarsskala (t.ex. ”Instämmer "
             "helt”) som skalsteg."),
     ("en", 'With the scale given, answers in words from a known answer scale (e.g. "Strongly '
            'agree") are read as scale points too.')],
    ids=["sv", "en"],
)  # fmt: skip
def test_the_scale_hint_says_words_are_read_with_a_scale(cli, lang: str, words: str) -> None:
    out = _flat(cli("alpha", LABELS, *F_ITEMS, "--lang", lang).stdout)
    assert words in out
    assert "99 (4" in out  # the code warned too
    # no words left out, no word on them
    assert words not in _flat(cli("alpha", CSV, *E_ITEMS, "--lang", lang).stdout)
    # and it is true: with the scale the label is read as 7, not left out
    d = _json(cli, "alpha", LABELS, *F_ITEMS, "--scale-range", "1,7", "--missing-codes", "99")
    assert d["excluded"] == {"missing_code": 4}  # as gap calls them (session 18)
    assert d["recoded_text"] and "unparseable" not in d["excluded"]


@pytest.mark.parametrize(
    ("lang", "given", "inferred"),
    [("sv", "Omvänt formulerat påstående E4 räknat som 8 − svaret (skala 1–7).",
      "Omvänt formulerat påstående E4 räknat som 10 − svaret (skalan från svaren: 3–7)."),
     ("en", "Negatively worded item E4 scored as 8 − the answer (scale 1–7).",
      "Negatively worded item E4 scored as 10 − the answer (the scale from the answers: 3–7).")],
    ids=["sv", "en"],
)  # fmt: skip
def test_alpha_reverse_names_the_rule_and_its_pivot(
    cli, lang: str, given: str, inferred: str
) -> None:
    args = ("alpha", CSV, *E_ITEMS, "--reverse", "E4", "--missing-codes", "99", "--lang", lang)
    out = _flat(cli(*args, "--scale-range", "1,7").stdout)
    assert given in out and "(skalan från svaren" not in out
    assert inferred in _flat(cli(*args).stdout)
    d = _json(cli, *args, "--scale-range", "1,7")
    assert d["reverse_range_from"] == "scale_range" and d["reverse_range"] == [1, 7]
    e4 = d["scales"][0]["items"][3]
    assert e4["mean"] == pytest.approx(8 - R["E"]["item_mean"][3], abs=1e-9)  # psych's mean
    assert _json(cli, *args)["reverse_range_from"] == "answers"
