"""Feedback: units differing only in case are one unit, with --by's note; dates read from Excel
serial days are counted in a note (review 2 items 16 and 17, the leftovers).

``feedback_case_serial.csv``: 6 items; units "Skola" ×2, "skola", "SKOLA", "Teknik" ×2;
inkommen 45356 (2024-03-05) and 45359 in rows 2 and 6, besvarad 45360 in row 3.
"""

from __future__ import annotations

import json
from pathlib import Path


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_units_differing_in_case_are_one_unit(cli, data_dir: Path) -> None:
    path = data_dir / "feedback_case_serial.csv"
    d = json.loads(cli("feedback", path, "-f", "json").stdout)
    assert {u["unit"]: u["n"] for u in d["by_unit"]} == {"Skola": 4, "Teknik": 2}
    assert d["group_values_merged"] == [
        {"column": "förvaltning", "value": "SKOLA", "read_as": "Skola", "cells": 1},
        {"column": "förvaltning", "value": "skola", "read_as": "Skola", "cells": 1},
    ]
    text = _flat(cli("feedback", path).stdout)
    assert "'skola' read as 'Skola' (1 cell)" in text
    sv = _flat(cli("feedback", path, "--lang", "sv").stdout)
    assert "Grupper som bara skiljer sig i stora och små bokstäver slogs ihop" in sv
    assert "'skola' läst som 'Skola' (1 cell)" in sv


def test_serial_dates_are_counted_in_a_note(cli, data_dir: Path) -> None:
    path = data_dir / "feedback_case_serial.csv"
    d = json.loads(cli("feedback", path, "-f", "json").stdout)
    assert d["serial_dates"] == {"inkommen": 2, "besvarad": 1}
    assert d["n_items"] == 6 and d["excluded"] == {}
    text = _flat(cli("feedback", path).stdout)
    assert (
        "2 dates read from Excel serial numbers (column inkommen); "
        "1 date read from Excel serial numbers (column besvarad)."
    ) in text
    sv = _flat(cli("feedback", path, "--lang", "sv").stdout)
    assert "2 datum lästa från Excels serienummer (kolumn inkommen)" in sv


def test_no_note_without_the_rules(cli, data_dir: Path) -> None:
    d = json.loads(cli("feedback", data_dir / "feedback_en.csv", "-f", "json").stdout)
    assert d["serial_dates"] == {} and d["group_values_merged"] == []
    text = cli("feedback", data_dir / "feedback_en.csv").stdout
    assert "serial numbers" not in text and "differ only in case" not in text
