"""Review 2, item 5: a group column merged down each block of rows keeps its groups, and the
output says which cells were filled from merged ranges (in English and Swedish)."""

from __future__ import annotations

import json
from pathlib import Path

READER = Path(__file__).resolve().parents[1] / "data" / "reader"
GROUPS = READER / "merged_groups.xlsx"
LONG = READER / "merged_long.xlsx"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_gap_by_a_merged_group_column(cli) -> None:
    r = cli("gap", GROUPS, "--by", "Tjänst", "--no-items", "-f", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["input"]["merged_cells"] == [
        {"column": "Tjänst", "cells": 27, "ranges": ["B4:B13", "B14:B23", "B24:B33"]}
    ]
    text = json.dumps(doc, ensure_ascii=False)
    for service in ("Bygglov", "Förskola", "Äldreomsorg"):
        assert service in text
    table = cli("gap", GROUPS, "--by", "Tjänst", "--no-items", "-f", "csv")
    assert table.exit_code == 0, table.stderr
    lines = [ln for ln in table.stdout.splitlines() if "Bygglov" in ln]
    assert lines and all(",10," in ln for ln in lines if "Tangibles" in ln)


def test_the_note_in_english_and_swedish(cli) -> None:
    en = cli("gap", GROUPS, "--by", "Tjänst", "--no-items")
    assert en.exit_code == 0, en.stderr
    flat = _flat(en.stdout)
    assert "Tjänst: 27 cells filled from merged ranges (B4:B13, B14:B23, B24:B33)" in flat
    assert "without a value" not in flat
    sv = cli("gap", GROUPS, "--by", "Tjänst", "--no-items", "--lang", "sv")
    assert sv.exit_code == 0, sv.stderr
    flat = _flat(sv.stdout)
    assert "Tjänst: 27 celler fyllda från sammanfogade celler (B4:B13, B14:B23, B24:B33)" in flat
    assert "filled from" not in flat


def test_describe_names_the_fills_and_the_ranges_across_columns(cli) -> None:
    r = cli("describe", LONG)
    assert r.exit_code == 0, r.stderr
    flat = _flat(r.stdout)
    ranges = "(B4:B28, B29:B53, B54:B78, B79:B103, …)"
    assert f"Tjänst: 287 cells filled from merged ranges {ranges}." in flat
    assert "filled in their first column only: AU10:AV10." in flat
    sv = _flat(cli("describe", GROUPS, "--lang", "sv").stdout)
    assert "Tjänst: 27 celler fyllda från sammanfogade celler" in sv
    assert "blank 27" not in _flat(cli("describe", GROUPS).stdout)


def test_no_note_without_merges(cli) -> None:
    samples = Path(__file__).resolve().parents[2] / "data" / "samples"
    r = cli("gap", samples / "karlstad_servqual.xlsx", "--by", "Tjänst", "--no-items")
    assert r.exit_code == 0, r.stderr
    assert "merged" not in r.stdout
