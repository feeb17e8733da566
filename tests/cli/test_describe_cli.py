"""servqual describe: the reading facts, the column profiles and the starter instrument."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FORMS = Path(__file__).parents[1] / "data" / "instruments"


def _gap(cli, file: Path, instrument: Path | None = None) -> dict:
    args = ["-i", instrument] if instrument else []
    r = cli("gap", file, *args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    return {k: out[k] for k in ("dimensions", "items", "overall", "excluded", "n_rows")}


def test_sample_json(cli, samples_dir: Path) -> None:
    r = cli("describe", samples_dir / "karlstad_servqual.csv", "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["format"], d["encoding"], d["delimiter"], d["decimal"], d["header_row"]) == (
        "CSV", "cp1252", ";", ",", 3
    )  # fmt: skip
    assert "Windows-1252" in d["encoding_reason"] or d["encoding_reason"]
    assert d["n_rows"] == 400 and d["input"]["file"] == "karlstad_servqual.csv"
    cols = {c["name"]: c for c in d["columns"]}
    e1 = cols["E1"]
    assert e1["likert"] == {"min": 1, "max": 7} and e1["type"] == "number"
    assert e1["missing"]["vet ej"] > 0 and e1["missing"]["blank"] > 0
    assert e1["n_values"] + sum(e1["missing"].values()) == 400
    assert [t["count"] for t in e1["top"]] == sorted((t["count"] for t in e1["top"]), reverse=True)
    assert cols["Tjänst"]["type"] == "text" and cols["Tjänst"]["likert"] is None
    assert cols["Respondent"]["likert"] is None  # 400 distinct numbers: not a scale
    assert cols["W1"]["likert"] is None  # importance points 0-100
    assert sum(c["likert"] is not None for c in d["columns"]) == 44


def test_sample_table_and_csv(cli, samples_dir: Path) -> None:
    r = cli("describe", samples_dir / "karlstad_servqual.csv", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    for text in (
        "semikolon (;)",
        "Rubrikrad",
        "1–7",
        "tal",
        "44 kolumner ser ut som svar på en skala",
    ):
        assert text in r.stdout
    csv = cli("describe", samples_dir / "karlstad_servqual.csv", "-f", "csv").stdout
    assert csv.splitlines()[0].startswith("position,letter,name,type,n_values,missing")
    assert len(csv.splitlines()) == 1 + 53


def test_workbook_sheets(cli, data_dir: Path) -> None:
    d = json.loads(cli("describe", data_dir / "kiosk.xlsx", "-f", "json").stdout)
    assert d["sheet"] == "Data" and d["sheets"] == ["Info", "Data"]
    assert d["skipped_sheets"][0]["sheet"] == "Info" and d["encoding"] is None
    named = cli("describe", data_dir / "kiosk.xlsx", "--sheet", "Info")
    assert named.exit_code == 1 and "no data rows" in named.stderr


def test_template_on_the_sample_is_pzb1991(cli, samples_dir: Path, tmp_path: Path) -> None:
    sample = samples_dir / "karlstad_servqual.csv"
    toml = tmp_path / "t.toml"
    r = cli("describe", sample, "--instrument-template", "-o", toml)
    assert r.exit_code == 0, r.stderr
    text = toml.read_text(encoding="utf-8")
    assert 'expectation = "E{item}"' in text and 'weights = "W{dimension}"' in text
    assert _gap(cli, sample, toml) == _gap(cli, sample)


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("kiosk_questions", "regex = '^\\s*{item}\\s*[-.]\\s*1"),
        ("kiosk_r_export", "regex = '^X{item}a"),
        ("kiosk_commas", 'expectation = [\n  "Lätt att hitta, förväntan",'),
    ],
)
def test_template_on_real_headers(
    cli, data_dir: Path, tmp_path: Path, name: str, form: str
) -> None:
    """Printed templates run as printed, and find the same pairs as on the plain file."""
    plain = tmp_path / "plain.toml"
    plain.write_text(cli("describe", data_dir / "kiosk.csv", "--instrument-template").stdout,
                     encoding="utf-8")  # fmt: skip
    toml = tmp_path / f"{name}.toml"
    r = cli("describe", FORMS / f"{name}.csv", "--instrument-template")
    assert r.exit_code == 0, r.stderr
    assert form in r.stdout and '"Helt rätt" = ?' in r.stdout
    toml.write_text(r.stdout, encoding="utf-8")
    assert _gap(cli, FORMS / f"{name}.csv", toml) == _gap(cli, data_dir / "kiosk.csv", plain)


def test_template_pairs_korean_words(cli, data_dir: Path, tmp_path: Path) -> None:
    """Korean studies end each question with 기대 (expectation) and 지각 / 인식 (perception).
    Unrecognised, the template was a SERVPERF instrument averaging E and P together."""
    lines = (data_dir / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    words = {"F": "기대", "U": "지각"}
    header = [f"{h[1]}. 문항{h[1]} {words[h[0]]}" if h[0] in words else h for h in header]
    path = tmp_path / "ko.csv"
    path.write_bytes("\n".join([",".join(header), *lines[1:]]).encode("utf-8"))
    r = cli("describe", path, "--instrument-template")
    assert r.exit_code == 0, r.stderr
    assert 'expectation = [\n  "1. 문항1 기대",' in r.stdout
    assert 'perception = [\n  "1. 문항1 지각",' in r.stdout
    plain = tmp_path / "plain.toml"
    plain.write_text(cli("describe", data_dir / "kiosk.csv", "--instrument-template").stdout,
                     encoding="utf-8")  # fmt: skip
    toml = tmp_path / "ko.toml"
    toml.write_text(r.stdout, encoding="utf-8")
    assert _gap(cli, path, toml) == _gap(cli, data_dir / "kiosk.csv", plain)


def test_template_pairs_leading_words(cli, tmp_path: Path) -> None:
    """'Förväntan: Lätt att hitta' / 'Upplevelse: Lätt att hitta' are pairs too (before, a
    SERVPERF template averaged the expectation and perception columns together)."""
    path = tmp_path / "lead.csv"
    path.write_text(
        "id,Förväntan: Lätt att hitta,Förväntan: Ren,Upplevelse: Lätt att hitta,Upplevelse: Ren\n"
        "1,5,4,4,4\n2,4,4,3,3\n3,5,5,4,2\n4,3,3,4,4\n",
        encoding="utf-8",
    )
    r = cli("describe", path, "--instrument-template")
    assert 'expectation = [\n  "Förväntan: Lätt att hitta",\n  "Förväntan: Ren",\n]' in r.stdout
    assert 'perception = [\n  "Upplevelse: Lätt att hitta",\n  "Upplevelse: Ren",\n]' in r.stdout


def test_unpaired_template_leaves_out_expectations_and_the_row_counter(cli, tmp_path: Path) -> None:
    path = tmp_path / "unpaired.csv"
    path.write_text(
        "id,Förväntan: Lätt att hitta,Förväntan: Ren,Upplevelse: Vänlig,Upplevelse: Snabb\n"
        "1,5,4,3,4\n2,4,4,5,3\n3,5,5,5,4\n4,3,3,4,4\n5,4,4,4,4\n",
        encoding="utf-8",
    )
    r = cli("describe", path, "--instrument-template")
    perception = r.stdout.split("perception = [")[1].split("]")[0]
    assert perception == '\n  "Upplevelse: Vänlig",\n  "Upplevelse: Snabb",\n'
    assert '# Left out, named as an expectation: "Förväntan: Ren"' in r.stdout
    out = json.loads(cli("describe", path, "-f", "json").stdout)
    assert out["columns"][0]["likert"] is None  # id 1..5 down the rows is no 1-5 item


def test_template_without_pairs_is_perception_only(cli, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,Nöjd,Snabb,Vänlig\n1,4,5,3\n2,5,4,4\n3,2,3,5\n4,3,3,4\n", encoding="utf-8")
    r = cli("describe", path, "--instrument-template")
    assert "perception-only" in r.stdout and "expectation" not in r.stdout.split("name =")[1]
    toml = tmp_path / "p.toml"
    toml.write_text(r.stdout, encoding="utf-8")
    out = json.loads(cli("gap", path, "-i", toml, "-f", "json").stdout)
    assert out["model"] == "SERVPERF" and out["n_rows"] == 4


def test_missing_file(cli, tmp_path: Path) -> None:
    r = cli("describe", tmp_path / "nope.csv")
    assert r.exit_code == 2 and "file not found" in r.stderr


def test_describe_warns_when_the_reader_doubts_its_decoding(cli) -> None:
    korean = Path(__file__).parents[1] / "data" / "reader" / "cp949_korean.csv"
    r = cli("describe", korean)
    advice = "The file was read as cp1252 and its text looks garbled; try --encoding cp949"
    assert r.stdout.split("\n")[1].startswith(advice)  # on top, before the tables
    out = json.loads(cli("describe", korean, "-f", "json").stdout)
    assert out["encoding_advice"].startswith(advice[0].lower() + advice[1:])


def test_swedish_cp1252_gets_a_note_not_a_warning(cli, samples_dir: Path) -> None:
    """The bundled Swedish sample is cp1252 and reads right: no warning on top suggesting a
    Korean code page, only the closing note."""
    r = cli("describe", samples_dir / "karlstad_servqual.csv")
    assert r.exit_code == 0, r.stderr
    first = r.stdout.split("File:")[0]
    assert "garbled" not in first and "if the names look garbled" in r.stdout


def test_by_names_the_closest_column(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "--by", "Enheter")
    assert (
        r.exit_code == 2 and "--by column 'Enheter' is not in the file (closest: Enhet)" in r.stderr
    )


def test_spss_endpoint_labels_do_not_hide_the_scale(cli, tmp_path: Path) -> None:
    """A .sav whose items label their ends ('Mycket dåligt' = 1, 'Mycket bra' = 5) and 9 'Vet
    ej' is profiled by its codes, as gap reads it: before, describe saw the labels, guessed
    1-4 (or no scale) and the template was a SERVPERF instrument on a 1-4 scale."""
    pyreadstat = pytest.importorskip("pyreadstat")
    import pandas as pd

    path = tmp_path / "s.sav"
    frame = pd.DataFrame({"unit": [1.0, 2.0, 1.0, 2.0, 1.0, 2.0]})
    frame["E1"] = [1.0, 2.0, 3.0, 4.0, 5.0, 9.0]
    frame["E2"] = [5.0, 4.0, 3.0, 2.0, 2.0, 1.0]
    frame["P1"] = [5.0, 1.0, 2.0, 5.0, 3.0, 4.0]
    frame["P2"] = [1.0, 1.0, 5.0, 5.0, 4.0, 3.0]
    ends = {1.0: "Mycket dåligt", 5.0: "Mycket bra", 9.0: "Vet ej"}
    labels = {c: ends for c in ("E1", "E2", "P1", "P2")} | {"unit": {1.0: "Skola", 2.0: "Vård"}}
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels)
    out = json.loads(cli("describe", path, "-f", "json").stdout)
    cols = {c["name"]: c for c in out["columns"]}
    assert all(cols[c]["likert"] == {"min": 1, "max": 5} for c in ("E1", "E2", "P1", "P2"))
    assert cols["E1"]["missing"] == {"vet ej": 1}
    assert cols["unit"]["likert"] is None and cols["unit"]["top"][0]["value"] in ("Skola", "Vård")
    r = cli("describe", path, "--instrument-template")
    assert 'scale = [1, 5]\nexpectation = "E{item}"\nperception = "P{item}"' in r.stdout


def test_missing_columns_name_the_other_sheets(cli, tmp_path: Path) -> None:
    """A workbook whose first sheet is a title page: the column-not-found error names the other
    sheets and --sheet (before, it listed only the title page's one column)."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.title = "Om"
    wb.active.append(["Om enkäten"])
    wb.active.append(["Kundundersökning 2024"])
    data = wb.create_sheet("Svar")
    data.append(["id", "E1", "P1", "E2", "P2"])
    for row in ([1, 5, 4, 6, 5], [2, 4, 4, 5, 3], [3, 6, 5, 5, 5]):
        data.append(row)
    path = tmp_path / "enkät.xlsx"
    wb.save(path)
    toml = tmp_path / "i.toml"
    toml.write_text('name = "x"\nscale = [1, 7]\nexpectation = "E{item}"\nperception = "P{item}"\n'
                    '[dimensions]\nAlla = [1, 2]\n', encoding="utf-8")  # fmt: skip
    advice = "the workbook's other sheets: Svar (choose one with --sheet)"
    r = cli("gap", path, "-i", toml)
    assert r.exit_code == 1 and advice in r.stderr
    r = cli("alpha", path, "--items", "E1,E2")
    assert r.exit_code == 2 and advice in r.stderr
    assert cli("gap", path, "-i", toml, "--sheet", "Svar").exit_code == 0
