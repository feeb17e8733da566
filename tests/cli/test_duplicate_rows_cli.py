"""Duplicate respondent rows are named in every survey command (review 2 item 23h).

``duplicates/with_id.csv``: /tmp/r2/base_utf8.csv (30 respondents, file rows 2–31) with
respondents 11–13 pasted again at the end (rows 32–34 repeat rows 12–14) and respondent 5 again
with another answer in E3 (row 35 against row 6). ``without_id.csv``: the same without the
Respondent column and without the last row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EN = "3 rows repeat an earlier row in every item and in Respondent (rows 32, 33, 34)"
SV = "3 rader är dubbletter av en tidigare rad i alla påståenden och i Respondent (rad 32, 33, 34)"
ID_EN = "id 5 appears on 2 rows with different answers (rows 6, 35) (column Respondent)"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def dup(data_dir: Path) -> Path:
    return data_dir / "duplicates"


def test_gap_names_the_repeated_rows_and_the_id_with_other_answers(cli, dup: Path) -> None:
    r = cli("gap", dup / "with_id.csv", "--no-items")
    assert r.exit_code == 0
    text = _flat(r.stdout)
    assert EN in text and "pasted in twice; they are kept in every result" in text
    assert ID_EN in text
    sv = _flat(cli("gap", dup / "with_id.csv", "--no-items", "--lang", "sv").stdout)
    assert SV in sv and "kontrollera om filen klistrats in två gånger" in sv
    assert "id 5 förekommer på 2 rader med olika svar (rad 6, 35)" in sv


def test_gap_json_records_the_rows_and_keeps_them(cli, dup: Path) -> None:
    d = json.loads(cli("gap", dup / "with_id.csv", "-f", "json").stdout)
    rec = d["duplicate_rows"]
    assert rec["rows"] == [32, 33, 34] and rec["first"] == [12, 13, 14]
    assert rec["id_column"] == "Respondent" and rec["dropped"] is False
    assert rec["id_conflicts"] == [{"id": "5", "rows": [6, 35]}]
    assert d["n_rows"] == 34  # nothing silently dropped


def test_without_an_id_the_items_decide(cli, dup: Path) -> None:
    d = json.loads(cli("gap", dup / "without_id.csv", "-f", "json").stdout)
    assert d["duplicate_rows"]["rows"] == [32, 33, 34]
    assert d["duplicate_rows"]["id_column"] is None
    text = _flat(cli("gap", dup / "without_id.csv", "--no-items").stdout)
    assert "3 rows repeat an earlier row in every item (rows 32, 33, 34)" in text


@pytest.mark.parametrize(
    "args",
    [
        ("items",),
        ("items", "--items", "E*", "--scale-range", "1,7"),
        ("reliability", "--no-items", "--no-validity"),
        ("describe",),
    ],
)
def test_every_survey_command_warns(cli, dup: Path, args: tuple[str, ...]) -> None:
    r = cli(args[0], dup / "with_id.csv", *args[1:])
    assert r.exit_code == 0, r.stderr
    assert EN in _flat(r.stdout)


def test_alpha_compares_the_chosen_items(cli, dup: Path) -> None:
    # Row 35 differs from row 6 in E3 only: on the P items it is a copy too.
    r = cli("alpha", dup / "with_id.csv", "--items", "P*")
    assert "4 rows repeat an earlier row in every item and in Respondent (rows 32, 33, 34, 35)" in (
        _flat(r.stdout)
    )
    d = json.loads(cli("alpha", dup / "with_id.csv", "--items", "P*", "-f", "json").stdout)
    assert d["duplicate_rows"]["first"] == [12, 13, 14, 6]


def test_tolerance_warns(cli, dup: Path) -> None:
    r = cli("tolerance", dup / "tolerance.csv", "--no-items")
    assert "2 rows repeat an earlier row in every item and in Respondent (rows 32, 33)" in (
        _flat(r.stdout)
    )


def test_report_warns(cli, dup: Path, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    assert cli("report", dup / "with_id.csv", "--lang", "sv", "-o", out).exit_code == 0
    md = _flat((out / "report.md").read_text("utf-8"))
    assert SV in md and "id 5 förekommer på 2 rader med olika svar" in md


@pytest.mark.parametrize("name", ["karlstad_servqual.xlsx", "karlstad_servqual_2025.xlsx"])
def test_no_false_alarm_on_the_samples(cli, samples_dir: Path, name: str) -> None:
    d = json.loads(cli("gap", samples_dir / name, "-f", "json").stdout)
    assert d["duplicate_rows"] is None
    assert "repeat an earlier row" not in cli("gap", samples_dir / name, "--no-items").stdout


def test_knowledge_gap_names_the_file_of_each_warning(cli, dup: Path) -> None:
    r = cli("knowledge-gap", dup / "with_id.csv", dup / "without_id.csv", "--no-items")
    text = _flat(r.stdout)
    assert f"with_id.csv: {EN}" in text
    assert "without_id.csv: 3 rows repeat an earlier row in every item (rows 32, 33, 34)" in text
    d = json.loads(
        cli("knowledge-gap", dup / "with_id.csv", dup / "without_id.csv", "-f", "json").stdout
    )
    assert d["duplicate_rows"]["staff"]["rows"] == [32, 33, 34]
