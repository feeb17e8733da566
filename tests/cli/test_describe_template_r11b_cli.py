"""Review 11b, findings 3 and 5: describe's own closing hint repeats the reading options, and
the starter instrument speaks the run's language while it reads the same as the English one.

Files: tests/data/exports/ (see test_template_exports_cli.py).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
NETIGATE = EXPORTS / "netigate.xlsx"
ESMAKER = EXPORTS / "esmaker.csv"
SURVEYREPORT = EXPORTS / "surveyreport.xlsx"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_describe_hint_repeats_the_sheet_and_the_command_works(
    cli, tmp_path: Path, lang: str
) -> None:
    """It read "servqual describe netigate.xlsx --instrument-template", which reads the cover
    sheet and fails."""
    r = cli("describe", NETIGATE, "--sheet", "Rådata", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    command = f"servqual describe {NETIGATE} --sheet Rådata --instrument-template"
    assert command in r.stdout
    out = tmp_path / "t.toml"
    done = cli(*command.split()[1:], "-o", out)
    assert done.exit_code == 0, done.stderr
    assert len(tomllib.loads(out.read_text("utf-8"))["perception"]) == 4


def test_describe_hint_repeats_a_given_encoding_only(cli) -> None:
    r = cli("describe", ESMAKER, "--encoding", "cp1252")
    assert f"servqual describe {ESMAKER} --encoding cp1252 --instrument-template" in r.stdout
    r = cli("describe", ESMAKER)
    assert f"servqual describe {ESMAKER} --instrument-template" in r.stdout
    r = cli("describe", SURVEYREPORT)  # one sheet: no --sheet
    assert f"servqual describe {SURVEYREPORT} --instrument-template" in r.stdout


KOREAN = Path(__file__).parents[1] / "data" / "reader" / "cp949_korean.csv"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_encoding_hint_offers_latin_code_pages_first_for_clean_text(cli, lang: str) -> None:
    """Review 11b, finding 9: a Swedish cp1252 file whose names decoded cleanly was told to try
    Korean (cp949) first. Clean Latin text: cp1250 first, cp949 last; mojibake: cp949 first."""
    line = cli("gap", ESMAKER, "--lang", lang).stderr
    assert "--encoding cp1250 (" in line and "utf-8" not in line.split("cp1252")[-1]
    assert line.index("cp1250") < line.index("cp949")
    described = cli("describe", ESMAKER, "--lang", lang).stdout
    assert "--encoding cp1250 (" in described
    assert described.index("cp1250") < described.index("cp949")
    garbled = cli("describe", KOREAN, "--lang", lang).stdout
    assert "--encoding cp949 (" in garbled


@pytest.mark.parametrize(
    ("file", "swedish"),
    [
        (ESMAKER, ("# Startinstrument för esmaker.csv, skrivet av servqual describe.",
                   "# Textsvaren i 4 kolumner läses med den inbyggda 5-gradiga svarsskalan "
                   "(skala 1–5)", "# Kolumner som inte används:", '"Kön": text:')),
        (SURVEYREPORT, ("# Startinstrument för surveyreport.xlsx, blad Data,",
                        "# 99 står utanför skalan 1–7 i 8 av 8 påståendekolumner (23 celler)",
                        "kod för ”Vet ej”",
                        # a number column since w-miss drops the "Antal svar"/"Medelvärde" rows
                        '"Löpnr": tal, 120 olika (ingen svarsskala)')),
    ],
)  # fmt: skip
def test_template_comments_in_swedish_read_as_the_english_one(
    cli, tmp_path: Path, file: Path, swedish: tuple[str, ...]
) -> None:
    """Review 11b, finding 5: every comment of the template was English under --lang sv. The
    Swedish template says the same in Swedish, keeps the TOML keys, and gap reads it to the
    same numbers as the English one."""
    written = {}
    for lang in ("sv", "en"):
        out = tmp_path / f"{lang}.toml"
        r = cli("describe", file, "--instrument-template", "--lang", lang, "-o", out)
        assert r.exit_code == 0, r.stderr
        written[lang] = out.read_text("utf-8")
    sv, en = written["sv"], written["en"]
    for words in swedish:
        assert words in sv
    comments = [line for line in sv.splitlines() if line.startswith("# ")]
    for english in ("Starter", "Check the", "Text answers", "stands apart", "left out", "cells"):
        assert not any(english in line for line in comments)
    assert "Starter instrument for" in en and "Columns left out:" in en
    keys = {lang: sorted(tomllib.loads(t)) for lang, t in written.items()}
    assert keys["sv"] == keys["en"]
    results = {}
    for lang in ("sv", "en"):
        r = cli("gap", file, "-i", tmp_path / f"{lang}.toml", "-f", "json")
        assert r.exit_code == 0, r.stderr
        result = json.loads(r.stdout)
        assert result["instrument"]["name"].startswith(
            "Instrument från" if lang == "sv" else "Instrument from")  # fmt: skip
        del result["instrument"]["name"]
        # the two files differ in their comments: their paths and hashes do (review 15, 11)
        del result["instrument"]["path"], result["instrument"]["sha256"]
        results[lang] = result
    assert results["sv"] == results["en"]
    assert results["sv"]["dimensions"]  # numbers to compare


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_hint_on_a_cover_sheet_names_the_data_sheet(cli, tmp_path: Path, lang: str) -> None:
    """Review 11b, finding 3 "related": without --sheet gap read Netigate's cover sheet (one
    column, "Rapport") and its hint spelled out "--sheet Information", which has no data."""
    r = cli("gap", NETIGATE, "--lang", lang)
    assert r.exit_code == 1
    command = f"servqual describe {NETIGATE} --sheet Rådata --instrument-template"
    assert command in r.stderr and "--sheet Information" not in r.stderr
    out = tmp_path / "t.toml"
    assert cli(*command.split()[1:], "-o", out).exit_code == 0
