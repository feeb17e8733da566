"""Kolada's change and the report's change name their basis (review 3, finding 20).

``servqual kolada`` has only published (rounded) values: E-mail within one working day 2020 is
81,1 − 55,6 = +25,5 there, while ``servqual trend`` and the report compute +25,6 from the
contacts (81,13 − 55,56). Each output says which basis it used."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

SAMPLE = Path(__file__).parent.parent.parent / "data" / "samples"
KOLADA = SAMPLE / "kolada_servicematning.csv"
YEARS = [SAMPLE / "servicematning_2019.xlsx", SAMPLE / "servicematning_2020.xlsx"]


def test_kolada_change_is_between_published_values_and_says_so(cli, tmp_path: Path) -> None:
    r = cli("kolada", KOLADA, "-m", "Lekeberg", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert "published (rounded) values" in out["change_basis"]
    rows = out["positions"]
    email = [x for x in rows if x["kpi"] == "U07453"]
    assert [x["value"] for x in email] == [55.6, 81.1]
    assert round(email[1]["change"], 9) == 25.5  # 81,1 − 55,6, not the contacts' 25,6
    for prev, row in itertools.pairwise(rows):  # every change: shown minus shown
        if row["change"] is not None and prev["kpi"] == row["kpi"]:
            assert abs(row["change"] - (row["value"] - prev["value"])) < 1e-9
    md = tmp_path / "k.md"
    assert cli("kolada", KOLADA, "-m", "Lekeberg", "--lang", "sv", "-o", md).exit_code == 0
    text = " ".join(md.read_text(encoding="utf-8").split())
    assert "Förändring sedan föregående år (publicerade värden)" in text
    assert "skillnaden mellan kommunens två publicerade (avrundade) värden" in text
    assert "före avrundning" in text


def test_trend_with_kolada_names_the_contacts_basis(cli, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    r = cli("trend", *YEARS, "--benchmark", KOLADA, "--lang", "sv", "-o", tmp_path / "t.md")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "t.md").read_text(encoding="utf-8")
    assert "Förändringar räknas från kontakterna före avrundning" in text
    r = cli("trend", *YEARS, "-f", "json", "-o", out)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))["comparisons"]
    email = next(x for x in rows if x["kpi"] == "email_within_1_working_day" and x["area"] == "ALL")
    assert round(email["diff"] * 100, 1) == 25.6  # the contacts' basis
