"""The first-time analyst's way in (review 11, findings 1 and 3): the "missing columns" hint, and
``describe --instrument-template`` on the survey tools' own exports.

Files: tests/data/exports/ (written by its make_files.py; 120 respondents, 4 statements):
netigate.xlsx (a cover sheet, then "Rådata"), esmaker.csv (cp1252, 5-point labels only),
msforms.xlsx (every statement header twice), surveyreport.xlsx (99 = "Vet ej").
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report.catalog_errors import ERRORS

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
NETIGATE = EXPORTS / "netigate.xlsx"
ESMAKER = EXPORTS / "esmaker.csv"
MSFORMS = EXPORTS / "msforms.xlsx"
SURVEYREPORT = EXPORTS / "surveyreport.xlsx"


def _template(cli, tmp_path: Path, *args: str | Path) -> tuple[Path, dict]:
    out = tmp_path / "instrument.toml"
    r = cli("describe", *args, "--instrument-template", "-o", out)
    assert r.exit_code == 0, r.stderr
    return out, tomllib.loads(out.read_text("utf-8"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_hint_repeats_the_sheet_and_the_command_works(cli, tmp_path: Path, lang: str) -> None:
    """The hint named 'servqual describe netigate.xlsx --instrument-template', which reads the
    cover sheet; it now repeats --sheet Rådata, and the printed command writes an instrument
    that gap reads."""
    r = cli("gap", NETIGATE, "--sheet", "Rådata", "--lang", lang)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    command = f"servqual describe {NETIGATE} --sheet Rådata --instrument-template"
    assert command in r.stderr
    args = command.split()[2:-1]
    toml, inst = _template(cli, tmp_path, *args)
    assert len(inst["expectation"]) == len(inst["perception"]) == 4
    assert inst["perception"][0] == "Upplevelse - Verksamheten har modern utrustning."
    gap = cli("gap", NETIGATE, "--sheet", "Rådata", "-i", toml, "-f", "json")
    assert gap.exit_code == 0, gap.stderr
    assert json.loads(gap.stdout)["n_rows"] == 120


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_hint_repeats_a_given_encoding(cli, lang: str) -> None:
    r = cli("gap", ESMAKER, "--encoding", "cp1252", "--lang", lang)
    assert r.exit_code == 1
    assert f"servqual describe {ESMAKER} --encoding cp1252 --instrument-template" in r.stderr
    # the reader's own guess is what describe makes too: not repeated
    r = cli("gap", ESMAKER, "--lang", lang)
    assert f"servqual describe {ESMAKER} --instrument-template" in r.stderr


def test_a_single_sheet_workbook_needs_no_sheet_in_the_hint(cli) -> None:
    r = cli("gap", SURVEYREPORT)
    assert f"servqual describe {SURVEYREPORT} --instrument-template" in r.stderr


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ("servqual: fel: ", "blad 'Information': ingen kolumn här ser ut som svar på en "
                "skala", "textsvar med andra ord behöver en skala",
                "; arbetsbokens andra blad: Rådata (välj ett med --sheet)")),
        ("en", ("servqual: error: ", "sheet 'Information': no column here looks like "
                "rating-scale answers", "text answers in other words need a scale",
                "; the workbook's other sheets: Rådata (choose one with --sheet)")),
    ],
)  # fmt: skip
def test_no_scale_column_is_one_line_in_the_run_language(
    cli, lang: str, words: tuple[str, ...]
) -> None:
    """The cover sheet crashed in the template's own check: "<template>: dimension 'Alla' must
    list item numbers" (exit 2, English in a Swedish run)."""
    r = cli("describe", NETIGATE, "--instrument-template", "--lang", lang)
    assert r.exit_code == 1 and r.stdout == ""
    line = r.stderr.strip()
    assert len(line.splitlines()) == 1 and "<template>" not in line and "Traceback" not in line
    assert line.startswith(words[0])
    for word in words[1:]:
        assert word in line


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_scale_column_in_a_text_file(cli, lang: str) -> None:
    r = cli("describe", EXPORTS / "comments.csv", "--instrument-template", "--lang", lang)
    assert r.exit_code == 1
    sentence = ERRORS["template_no_items"][0 if lang == "sv" else 1]
    assert r.stderr.strip().endswith(f"comments.csv: {sentence}")
    assert "--sheet" not in r.stderr and "blad" not in r.stderr


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_label_columns_are_scale_items(cli, tmp_path: Path, lang: str) -> None:
    """Esmaker's "Mycket missnöjd" … "Mycket nöjd" (+ "Ej aktuellt") is the built-in 5-point
    set: describe marks the columns 1–5, the template takes them and says which set it took, and
    gap's SERVPERF means are those of the labels read by hand."""
    r = cli("describe", ESMAKER, "-f", "json")
    cols = {c["name"]: c for c in json.loads(r.stdout)["columns"]}
    item = cols["1. Verksamheten har modern utrustning."]
    assert item["likert"] == {"min": 1, "max": 5}
    assert {"label": "Mycket nöjd", "value": 5} in item["scale_labels"]
    assert cols["Kön"]["likert"] is None
    text = cli("describe", ESMAKER, "--lang", lang).stdout
    sv = "4 kolumner har bara textsvar ur den inbyggda 5-gradiga svarsskalan"
    en = "4 columns hold only text answers from the built-in 5-point label set"
    assert (sv if lang == "sv" else en) in text
    toml, inst = _template(cli, tmp_path, ESMAKER)
    assert inst["scale"] == [1, 5] and len(inst["perception"]) == 4
    written = toml.read_text("utf-8")
    assert "read with the built-in 5-point labels" in written and "Mycket nöjd = 5" in written
    assert '#   "Kön": text' in written and '#   "Inskickat": dates' in written
    gap = cli("gap", ESMAKER, "-i", toml, "-f", "json", "--lang", lang)
    assert gap.exit_code == 0, gap.stderr
    got = {row["item"]: row["perception"] for row in json.loads(gap.stdout)["items"]}
    frame = pd.read_csv(ESMAKER, sep=";", encoding="cp1252", dtype=str).iloc[:-1]  # "Antal svar"
    values = {"Mycket missnöjd": 1, "Ganska missnöjd": 2, "Varken eller": 3, "Ganska nöjd": 4,
              "Mycket nöjd": 5}  # fmt: skip
    for k, name in enumerate(inst["perception"], 1):
        expected = frame[name].map(values).mean()  # "Ej aktuellt" and blanks: NaN, left out
        assert got[str(k)] == pytest.approx(expected, abs=1e-12)


def test_ms_forms_labels_are_the_five_point_set(cli) -> None:
    """ "Instämmer inte alls, Instämmer inte, Neutral, Instämmer, Instämmer helt" fit the 7-point
    set too (1, 2, 4, 6, 7): the shorter set is taken, as MS Forms' Likert is 5 points."""
    d = json.loads(cli("describe", MSFORMS, "-f", "json").stdout)
    scales = {c["letter"]: c["likert"] for c in d["columns"]}
    assert all(scales[x] == {"min": 1, "max": 5} for x in "DEFGHIJK")
    neutral = next(c for c in d["columns"] if c["letter"] == "D")["scale_labels"]
    assert {"label": "Neutral", "value": 3} in neutral
    assert [x["letters"] for x in d["duplicate_names"]] == [["D", "H"], ["E", "I"], ["F", "J"],
                                                             ["G", "K"]]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "warning", "error"),
    [
        ("sv", "4 kolumnnamn förekommer mer än en gång: 'Verksamheten har modern utrustning.' "
               "(D, H); ", "servqual: fel: {path}, blad 'Form1': 4 namn på kolumner med svar på "
               "en skala förekommer mer än en gång ('Verksamheten har modern utrustning.' "
               "(D, H); "),
        ("en", "4 column names appear more than once: 'Verksamheten har modern utrustning.' "
               "(D, H); ", "servqual: error: {path}, sheet 'Form1': 4 names of rating-scale "
               "columns appear more than once ('Verksamheten har modern utrustning.' (D, H); "),
    ],
)  # fmt: skip
def test_duplicated_headers_are_named(cli, lang: str, warning: str, error: str) -> None:
    """msforms.xlsx: describe said nothing of the headers that appear twice (gap refuses them);
    the template crashed in its own check."""
    r = cli("describe", MSFORMS, "--lang", lang)
    assert r.exit_code == 0
    assert warning in " ".join(r.stdout.split())
    r = cli("describe", MSFORMS, "--instrument-template", "--lang", lang)
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.startswith(error.format(path=MSFORMS)) and len(r.stderr.splitlines()) == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_far_code_keeps_the_column_and_is_proposed_as_missing(
    cli, tmp_path: Path, lang: str
) -> None:
    """surveyreport.xlsx: 99 = "Vet ej" in every item column made each "Skala? –" and the template
    crashed (here: 8 of 8 columns; review 11 saw 38 of 44 dropped without a word)."""
    frame = pd.read_excel(SURVEYREPORT, header=None, skiprows=2, engine="openpyxl").iloc[
        :-1, 2:
    ]  # "Antal svar"
    n99 = int((frame == 99).to_numpy().sum())
    assert n99 > 8  # in every column, more than 1 % of the answers
    r = cli("describe", SURVEYREPORT, "--lang", lang)
    note = (f"8 kolumner har också värdet 99 utanför skalan ({n99} celler)" if lang == "sv"
            else f"8 columns also hold the value 99 outside the scale ({n99} cells)")  # fmt: skip
    assert note in " ".join(r.stdout.split())
    toml, inst = _template(cli, tmp_path, SURVEYREPORT)
    assert inst["scale"] == [1, 7] and inst["missing"] == ["99"]
    assert len(inst["expectation"]) == len(inst["perception"]) == 4
    written = toml.read_text("utf-8")
    assert f"# 99 stands apart from the 1-7 scale in 8 of 8 item columns ({n99} cells)" in written
    assert '#   "Löpnr":' in written and '#   "Verksamhet": text' in written
    gap = cli("gap", SURVEYREPORT, "-i", toml, "-f", "json")
    assert gap.exit_code == 0, gap.stderr


def test_google_forms_grids_are_paired(cli, tmp_path: Path) -> None:
    """Review 11, finding 7: the two grid questions (an excellent service / the service used)
    were a 'SERVPERF' of expectations and perceptions averaged together; they are E/P pairs,
    and gap's gaps are P - E of the file's own columns."""
    toml, inst = _template(cli, tmp_path, EXPORTS / "google.csv")
    assert [c.rsplit("[", 1)[0].strip() for c in inst["expectation"]] == [
        "Hur väl stämmer påståendena för en utmärkt kommunal verksamhet?"
    ] * 4
    assert all("haft kontakt med? [" in c for c in inst["perception"])
    assert [c.rsplit("[", 1)[1] for c in inst["expectation"]] == [
        c.rsplit("[", 1)[1] for c in inst["perception"]
    ]
    gap = cli("gap", EXPORTS / "google.csv", "-i", toml, "-f", "json")
    assert gap.exit_code == 0, gap.stderr
    frame = pd.read_csv(EXPORTS / "google.csv", dtype=str)
    e = pd.to_numeric(frame[inst["expectation"][1]], errors="coerce")  # "Vet ej": NaN
    p = pd.to_numeric(frame[inst["perception"][1]], errors="coerce")
    row = next(r for r in json.loads(gap.stdout)["items"] if r["item"] == "2")
    assert row["gap"] == pytest.approx((p - e).mean(), abs=1e-12)
    assert row["n"] == int((p - e).notna().sum())


def test_grids_that_do_not_say_which_side_stay_unpaired(cli, tmp_path: Path) -> None:
    """Two grids whose questions do not say expectation and perception: no guess."""
    text = (EXPORTS / "google.csv").read_text("utf-8")
    text = text.replace("för en utmärkt kommunal verksamhet?", "i fråga A?")
    text = text.replace("för den verksamhet du haft kontakt med?", "i fråga B?")
    (tmp_path / "grid.csv").write_text(text, "utf-8")
    _, inst = _template(cli, tmp_path, tmp_path / "grid.csv")
    assert "expectation" not in inst and len(inst["perception"]) == 8


def test_the_sample_template_names_what_it_left_out(cli, samples_dir: Path) -> None:
    """Every column the template does not use is listed with why; the importance points it
    uses as weights are not."""
    text = cli("describe", samples_dir / "karlstad_servqual.csv", "--instrument-template").stdout
    assert 'weights = "W{dimension}"' in text
    left = text.split("# Columns left out:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split('"')[1] for line in left] == ["Respondent", "Tjänst", "Kön", "Ålder"]
    assert left[0] == (
        "#   \"Respondent\": numbers, 400 different (not a rating scale): '1', '10', '100', ..."
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "rad 122 ser ut som en summeringsrad (Antal svar): utelämnad"),
     ("en", "row 122 looks like a summary row (Antal svar): left out")],
)  # fmt: skip
def test_a_perception_only_run_names_the_summary_row(
    cli, tmp_path: Path, lang: str, said: str
) -> None:
    """The SERVPERF path printed none of the reader's notes: Esmaker's "Antal svar" row was left
    out with no word in the terminal (w-miss, s14; only the JSON said it)."""
    path, _ = _template(cli, tmp_path, EXPORTS / "esmaker.csv")
    r = cli("gap", EXPORTS / "esmaker.csv", "-i", path, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert said in " ".join(r.stdout.split()), r.stdout[-800:]
