"""The scale-use warning in ``tolerance`` and the recode note in ``reliability``, ``alpha`` and
``items --items`` (review 2 leftovers: gap, items and the report had them, these did not).

``tolerance_six_point.csv``: the first 30 respondents of data/samples/karlstad_tolerans.xlsx
with every 7 written as 6 (and no 1 in the data), read with the built-in 1–7 scale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "karlstad_servqual.xlsx"
NOTE = "Answers read from text (labels and leading numbers): 'Instämmer helt' → 7 (1 cell)."


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_tolerance_warns_of_an_unused_scale_end(cli, data_dir: Path) -> None:
    path = data_dir / "tolerance_six_point.csv"
    text = _flat(cli("tolerance", path, "--no-items").stdout)
    assert "Scale declared 1–7, but no answer is above 6 or below 2 in any of the 66 items" in text
    sv = _flat(cli("tolerance", path, "--no-items", "--lang", "sv").stdout)
    assert "Skalan är angiven som 1–7, men inget svar är över 6 eller under 2" in sv
    d = json.loads(cli("tolerance", path, "-f", "json").stdout)
    assert d["scale_use"]["used"] == [2.0, 6.0] and d["scale_use"]["top_unused"] is True


def test_tolerance_sample_has_no_scale_warning(cli, samples_dir: Path) -> None:
    d = json.loads(cli("tolerance", samples_dir / "karlstad_tolerans.xlsx", "-f", "json").stdout)
    assert d["scale_use"] is None


@pytest.mark.parametrize(
    "args",
    [
        ("reliability", SAMPLE, "--no-items", "--no-validity"),
        ("alpha", SAMPLE, "--items", "P*", "--scale-range", "1,7"),
        ("items", SAMPLE, "--items", "P*", "--scale-range", "1,7"),
    ],
)
def test_recode_note_is_shown(cli, args: tuple[object, ...]) -> None:
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    assert NOTE in _flat(r.stdout)
    d = json.loads(cli(*args, "-f", "json").stdout)
    assert d["recoded_text"] == [{"text": "Instämmer helt", "value": 7.0, "cells": 1}]
