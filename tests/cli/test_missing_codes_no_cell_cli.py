"""Review 17, finding 10: ``--missing-codes abc`` said "”abc” räknas som saknat svar" though no
cell holds it (the file's 99s stayed answers or "outside the scale"): a rule that changed
nothing read as applied. Now the note names the codes no cell holds, and the JSON lists them
(``missing_codes_no_cell``), in gap, reliability, alpha and items.

Files: tests/data/gap_missing_codes.csv (99 and "99,0" in its items, no "abc"),
tests/data/missing_code_99.csv (99 in its items).
"""

from __future__ import annotations

import json

import pytest

from .conftest import DATA

GAP = (DATA / "gap_missing_codes.csv", "--instrument", DATA / "gap_missing_codes.toml")
ITEMS = (DATA / "missing_code_99.csv", "--items", "E1,E2,E3,E4", "--scale-range", "1,7")
RUNS = {
    "gap": ("gap", *GAP),
    "reliability": ("reliability", *GAP),
    "alpha": ("alpha", *ITEMS),
    "items": ("items", *ITEMS),
}
NOTES = {
    ("abc", "sv"): "”abc” räknas som saknat svar (--missing-codes; ingen cell har koden)",
    ("abc", "en"): "“abc” counted as no answer (--missing-codes; no cell holds it)",
    ("99,abc", "sv"): "99 och ”abc” räknas som saknat svar (--missing-codes; ingen cell har ”abc”)",
    ("99,abc", "en"): "99 and “abc” counted as no answer (--missing-codes; no cell holds “abc”)",
    ("abc,x", "en"): "counted as no answer (--missing-codes; no cell holds any of them)",
}


@pytest.mark.parametrize("command", list(RUNS))
@pytest.mark.parametrize(("codes", "lang"), list(NOTES))
def test_a_code_no_cell_holds_is_named(cli, command: str, codes: str, lang: str) -> None:
    r = cli(*RUNS[command], "--missing-codes", codes, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert NOTES[codes, lang] in " ".join(r.stdout.split())


@pytest.mark.parametrize("command", list(RUNS))
def test_json_lists_the_codes_no_cell_holds(cli, command: str) -> None:
    d = json.loads(cli(*RUNS[command], "--missing-codes", "99,abc", "-f", "json").stdout)
    assert d["missing_codes"] == ["99", "abc"]
    assert d["missing_codes_no_cell"] == ["abc"]
    held = json.loads(cli(*RUNS[command], "--missing-codes", "99", "-f", "json").stdout)
    assert held["missing_codes_no_cell"] == []
    # 99 matches "99" and "99,0" (the reader's own matcher): nothing to name in the text
    r = cli(*RUNS[command], "--missing-codes", "99", "--lang", "sv")
    assert r.exit_code == 0 and "ingen cell" not in r.stdout, r.stderr
