"""``--missing-codes 99`` on a .sav whose 99 is already declared missing (review 18, finding 11):
the note said "ingen cell har koden" beside "vet ej 5", though the 5 cells hold 99. It now says
the file declares it, with its label and cells. Data: tests/data/spss_missing/r18_spss99.sav
(review 18's spss99.sav: 99 "Vet ej" labelled on F1-F4, 98 declared missing in F2); the
reference count is pyreadstat's own read of the codes. Every test fails on the code before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyreadstat
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SAV = DATA / "spss_missing" / "r18_spss99.sav"
WORDS = {
    "sv": "99 är redan angivet som saknat värde i filen (”Vet ej”, {n} celler); --missing-codes "
    "behövs inte för det.",
    "en": "99 is already declared missing in the file (“Vet ej”, {n} cells); --missing-codes is "
    "not needed for it.",
}


def _cells(code: float, items: tuple[str, ...]) -> int:
    raw, meta = pyreadstat.read_sav(str(SAV), user_missing=True)
    assert all(meta.variable_value_labels[i][code] == "Vet ej" for i in items if code == 99)
    return int((raw[list(items)] == code).to_numpy().sum())


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("tool", ["alpha", "items"])
def test_a_code_the_file_declares_is_named_so(cli, lang: str, tool: str) -> None:
    n = _cells(99, ("F1", "F2", "F3"))
    assert n == 5
    args = (tool, SAV, "--items", "F1,F2,F3", "--missing-codes", "99", "--scale-range", "1,7")
    run = cli(*args, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = " ".join(run.stdout.split())
    assert WORDS[lang].format(n=n) in out
    assert "ingen cell har koden" not in out and "no cell holds it" not in out
    d = json.loads(cli(*args, "-f", "json").stdout)
    assert d["missing_codes_no_cell"] == []
    assert d["missing_codes_in_file"] == [{"code": "99", "label": "Vet ej", "cells": n}]


def test_a_code_absent_from_the_file_is_still_said_absent(cli) -> None:
    args = ("alpha", SAV, "--items", "F1,F2,F3", "--missing-codes", "77", "-f", "json")
    d = json.loads(cli(*args).stdout)
    assert d["missing_codes_no_cell"] == ["77"] and d["missing_codes_in_file"] == []
