"""``describe`` on a .sav takes a column's scale from its labelled scale points when they span
the answers (review 18, finding 9): spss99.sav labels 1 "Instämmer inte alls" and 7 "Instämmer
helt" on F1-F4, but no one answered 7 in F1, F2 or F4, and describe guessed "Skala? 1–6". The
reference is pyreadstat's own read of the labels and the answers. Fails on the code before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyreadstat
import pytest

SAV = Path(__file__).resolve().parents[1] / "data" / "spss_missing" / "r18_spss99.sav"
ITEMS = ("F1", "F2", "F3", "F4")


def _labelled_ends() -> dict[str, tuple[int, int, float]]:
    """Per item: the labelled scale points' ends (not "Vet ej") and the highest answer."""
    raw, meta = pyreadstat.read_sav(str(SAV), user_missing=False)
    out = {}
    for item in ITEMS:
        points = [k for k, v in meta.variable_value_labels[item].items() if v != "Vet ej"]
        out[item] = (int(min(points)), int(max(points)), float(raw[item].max()))
    return out


@pytest.mark.parametrize(("lang", "word"), [("sv", "värdeetiketter"), ("en", "value labels")])
def test_the_scale_comes_from_the_value_labels(cli, lang: str, word: str) -> None:
    ends = _labelled_ends()
    assert ends["F1"] == (1, 7, 6.0)  # the answers alone say 1–6
    run = cli("describe", SAV, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    rows = {line.split("│")[3].strip(): line for line in run.stdout.splitlines() if "│" in line
            and len(line.split("│")) > 9}  # fmt: skip
    for item in ITEMS:
        assert f"1–7 ({word})" in rows[item]
    d = json.loads(cli("describe", SAV, "-f", "json").stdout)
    likert = {c["name"]: (c["likert"], c["likert_from"]) for c in d["columns"]}
    for item in ITEMS:
        lo, hi, _ = ends[item]
        assert likert[item] == ({"min": lo, "max": hi}, "value_labels")


@pytest.mark.parametrize(("lang", "word"), [("sv", "Rubrikrad"), ("en", "Header row")])
def test_a_sav_has_no_header_row(cli, lang: str, word: str) -> None:
    """Review 18, finding 9: describe gave a .sav "Rubrikrad 0"; its variables carry the names,
    so the fact reads "–" (fails on the old code)."""
    out = cli("describe", SAV, "--lang", lang)
    assert out.exit_code == 0, out.stderr
    line = next(ln for ln in out.stdout.splitlines() if word in ln)
    assert line.split("│")[2].strip() == "–"
