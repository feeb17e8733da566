"""``servqual trend`` labels a survey by the one year its title row names (m-misc, session 12).

Municipal exports open with a title above the header ("Medborgarundersökning om kommunal
service, Karlstads kommun 2024"); the reader finds the header below it
(:func:`servqual_cli.io.header.find_header_row`) and now keeps the title's text. A side with
no year in its data is labelled by the title's one year before its file name's; a title that
names none or several keeps the file-name rule, and says so. The output says where each label
came from: the title, its row and file, and the file name's year when that is another one.
The files are written by tests/data/titles/make_titled.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
TITLES = Path(__file__).parent.parent / "data" / "titles"
K24, K25 = SAMPLES / "karlstad_servqual.xlsx", SAMPLES / "karlstad_servqual_2025.xlsx"
KARLSTAD = "Medborgarundersökning om kommunal service, Karlstads kommun 2024"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_samples_are_2024_by_the_title_and_2025_by_the_file_name(cli, tmp_path) -> None:
    """Was "SERVQUAL trend: karlstad_servqual.xlsx → 2025" with "no year in its name"."""
    r = cli("trend", K24, K25, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == "SERVQUAL trend: 2024 → 2025"
    assert (f"2024: the year in the title row “{KARLSTAD}” (row 1 of karlstad_servqual.xlsx; "
            "the file has no year column).") in flat(r.stdout)  # fmt: skip
    assert "2025: the year in the file name karlstad_servqual_2025.xlsx" in flat(r.stdout)
    assert "--years 2024,2025" not in r.stdout  # both labels are years: no hint needed
    md = cli("trend", K24, K25, "--lang", "sv", "-f", "markdown")
    assert md.stdout.splitlines()[0] == "# SERVQUAL trend: 2024 → 2025"
    assert (f"2024: årtalet i rubrikraden ”{KARLSTAD}” (rad 1 i karlstad_servqual.xlsx; filen "
            "har ingen årskolumn).") in flat(md.stdout)  # fmt: skip
    out = tmp_path / "t.json"
    assert cli("trend", K24, K25, "-o", out).exit_code == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert (d["before"]["label"], d["before"]["label_source"]) == ("2024", "title_row")
    assert d["before"]["title_row"] == {"row": 1, "text": KARLSTAD}
    assert d["before"]["year"] is None  # a label, not a year column
    assert (d["after"]["label"], d["after"]["label_source"]) == ("2025", "file_name")
    assert "title_row" not in d["after"]


def test_the_csv_export_of_the_sample_reads_the_same_title(cli, tmp_path) -> None:
    out = tmp_path / "t.json"
    assert cli("trend", SAMPLES / "karlstad_servqual.csv", K25, "-o", out).exit_code == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["before"]["title_row"] == {"row": 1, "text": KARLSTAD}  # cp1252, line 1
    assert d["before"]["label"] == "2024"


def test_titles_of_a_csv_and_a_workbook_label_both_sides(cli, tmp_path) -> None:
    out = tmp_path / "t.json"
    r = cli("trend", TITLES / "enkat_a.csv", TITLES / "enkat_b.xlsx", "-o", out)
    assert r.exit_code == 0, r.stderr
    d = json.loads(out.read_text(encoding="utf-8"))
    assert [(d[k]["label"], d[k]["label_source"]) for k in ("before", "after")] == [
        ("2021", "title_row"), ("2022", "title_row")]  # fmt: skip
    assert d["after"]["title_row"] == {"row": 1, "text": "Medborgarenkät, Lekebergs kommun 2022"}
    text = cli("trend", TITLES / "enkat_a.csv", TITLES / "enkat_b.xlsx", "--lang", "en").stdout
    assert text.splitlines()[0] == "SERVQUAL trend: 2021 → 2022"


def test_a_title_year_that_differs_from_the_file_names_is_said(cli) -> None:
    r = cli("trend", TITLES / "enkat_a.csv", TITLES / "enkat_2023.csv", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == "SERVQUAL trend: 2021 → 2022"
    assert ("2022: årtalet i rubrikraden ”Servicemätning 2022” (rad 1 i enkat_2023.csv; filen "
            "har ingen årskolumn). Filnamnet enkat_2023.csv anger 2023; ange årtalen med "
            "--years om rubriken är fel.") in flat(r.stdout)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "row", "title"),
    [
        ("enkat_span.csv", 1, "Servicemätning 2021–2022"),  # a span: no single year
        ("enkat_dates.csv", 2, "Utskrift 2022-01-15, dnr KS 2021/0145, kommunkod 1780"),
    ],
)
def test_a_title_without_one_year_keeps_the_file_name_rule(cli, tmp_path, name, row, title):
    r = cli("trend", TITLES / name, TITLES / "enkat_b.xlsx", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == f"SERVQUAL trend: {name} → 2022"
    text = flat(r.stdout)
    assert f"{name}: the file name {name} (the file has no year column" in text
    assert f"The title row “{title}” (row {row} of {name}) names no single year." in text
    assert "Give the years with --years" in text
    out = tmp_path / "t.json"
    assert cli("trend", TITLES / name, TITLES / "enkat_b.xlsx", "-o", out).exit_code == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert (d["before"]["label"], d["before"]["label_source"]) == (name, "file_stem")


def test_given_years_come_before_the_titles(cli, tmp_path) -> None:
    out = tmp_path / "t.json"
    args = ("trend", TITLES / "enkat_a.csv", TITLES / "enkat_b.xlsx", "--years", "2019,2020")
    assert cli(*args, "-o", out).exit_code == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert [(d[k]["label"], d[k]["label_source"]) for k in ("before", "after")] == [
        ("2019", "data"), ("2020", "data")]  # fmt: skip
    r = cli(*args, "--lang", "en")
    assert r.stdout.splitlines()[0] == "SERVQUAL trend: 2019 → 2020"
    assert "title row" not in r.stdout
