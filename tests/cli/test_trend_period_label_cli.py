"""``servqual trend`` titles each side by the period it covers (review 5 #15).

On main ``trend karlstad_servqual.xlsx karlstad_servqual_2025.xlsx`` was titled
"karlstad_servqual → karlstad_servqual_2025": two file stems, one of which names its year. A
side's label is its year from the data (a year column, ``--years``), else a year in its file
name, else the file's stem, the same in the terminal, Markdown and JSON; a label not from the data
says where it came from. Since session 12 a title row's one year comes before the file name's
(tests/cli/test_trend_title_year_cli.py): karlstad_servqual.xlsx is 2024 by its title, so the
file-stem side here is a test file whose title names no year.
"""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
K25 = SAMPLES / "karlstad_servqual_2025.xlsx"
# "Servicemätning" over "Utskrift 2022-01-15, dnr KS 2021/0145, kommunkod 1780": no year
DATES = Path(__file__).parent.parent / "data" / "titles" / "enkat_dates.csv"


def test_survey_trend_title_uses_the_year_in_the_file_name(cli) -> None:
    r = cli("trend", DATES, K25, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first == "SERVQUAL trend: enkat_dates.csv → 2025", first
    flat = " ".join(r.stdout.split())
    assert "2025: the year in the file name karlstad_servqual_2025.xlsx" in flat
    assert "enkat_dates.csv: the file name enkat_dates.csv" in flat
    # review 8 finding 5: a file name is not a period; the output says how to give the years
    assert "Give the years with --years, e.g. --years 2024,2025." in flat
    md = cli("trend", DATES, K25, "--lang", "sv", "--format", "markdown")
    assert md.stdout.splitlines()[0] == "# SERVQUAL trend: enkat_dates.csv → 2025"
    assert "Ange årtalen med --years, t.ex. --years 2024,2025." in " ".join(md.stdout.split())
    assert "2025: årtalet i filnamnet karlstad_servqual_2025.xlsx" in " ".join(md.stdout.split())


def test_survey_trend_json_names_the_label_source(cli, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    assert cli("trend", DATES, K25, "-o", out).exit_code == 0
    d = json.loads(out.read_text())
    assert (d["before"]["label"], d["before"]["label_source"]) == (
        "enkat_dates.csv", "file_stem")  # fmt: skip
    assert (d["after"]["label"], d["after"]["label_source"]) == ("2025", "file_name")


def test_contact_trend_labels_come_from_the_data(cli, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    y19, y20 = SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"
    assert cli("trend", y19, y20, "-o", out).exit_code == 0
    d = json.loads(out.read_text())
    assert (d["before"]["label"], d["before"]["label_source"]) == ("2019", "data")
    r = cli("trend", y19, y20, "--lang", "en")
    assert r.stdout.splitlines()[0] == "Trend: 2019 → 2020"
    assert "the year in the file name" not in r.stdout


def test_mixed_kinds_name_each_file(cli, samples_dir: Path) -> None:
    """Review 6 finding 15: the error says which file is which kind, not only that they differ."""
    res = cli("trend", samples_dir / "servicematning_2019.xlsx",
              samples_dir / "karlstad_servqual.xlsx")  # fmt: skip
    assert res.exit_code == 2
    text = " ".join(res.stderr.split())
    assert "servicematning_2019.xlsx is a contact file" in text
    assert "karlstad_servqual.xlsx is a SERVQUAL survey" in text
    assert "Traceback" not in res.stderr
