"""Small words of review 2, item 23: "1 anonymous items" and a Kolada title with only the id."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "1 anonymous item is counted", "anonymous items are counted"),
        ("sv", "1 anonym synpunkt räknas", "anonyma synpunkter räknas"),
    ],
)
def test_one_anonymous_item_is_singular(
    cli, data_dir: Path, tmp_path: Path, lang: str, one: str, many: str
) -> None:
    rows = list(csv.reader(io.StringIO((data_dir / "feedback_en.csv").read_text("utf-8"))))
    given = rows[0].index("Contact given")
    anonymous = [i for i, r in enumerate(rows[1:], 1) if r[given].strip().lower() != "yes"]
    for i in anonymous[1:]:  # keep exactly one item without contact details
        rows[i][given] = "yes"
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    text = " ".join(cli("feedback", path, "--lang", lang).stdout.split())
    assert one in text and "1 anonymous items" not in text
    many_text = " ".join(
        cli("feedback", data_dir / "feedback_en.csv", "--lang", lang).stdout.split()
    )
    assert many in many_text


def test_kolada_title_names_the_municipality(cli, data_dir: Path) -> None:
    r = cli("kolada", SAMPLES / "kolada_servicematning.csv", "-m", "Lekeberg")
    assert r.stdout.splitlines()[0].strip() == "Kolada: Lekeberg (1814)"
    r = cli("kolada", data_dir / "kolada_page1.json", data_dir / "kolada_page2.json", "-m", "1814")
    assert r.stdout.splitlines()[0].strip() == "Kolada: 1814"  # the API data carry no name


def test_kolada_help_says_file_works_without_show(cli) -> None:
    """Review 2 item 20f: README and Makefile run ``servqual kolada FILE``; the help listed only
    the subcommands show and fetch."""
    r = cli("kolada", "--help")
    text = " ".join(r.stdout.split())
    assert "servqual kolada FILE ... is short for servqual kolada show FILE ..." in text
    assert "Example: servqual kolada data/samples/kolada_servicematning.csv -m Lekeberg" in text


def test_missing_instrument_columns_point_to_the_template(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    """Review 2 item 23l: a two-row header ("Förväntan" over 1, 2, ...) is read, but none of the
    built-in instrument's columns (E1, P1, ...) is there: the error names the command that writes
    an instrument for the file's own names."""
    path = data_dir / "two_row_header.xlsx"
    r = cli("gap", path, "--no-items")
    assert r.exit_code == 1
    assert (
        f"none of them is there: servqual describe {path} --instrument-template writes a "
        "starter instrument for the file's own column names"
    ) in r.stderr
    # a file with some of the columns gets no such hint (P22 missing)
    lines = (data_dir / "duplicates" / "without_id.csv").read_text("utf-8").splitlines()
    cut = tmp_path / "no_p22.csv"
    cut.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", "utf-8")
    r = cli("gap", cut)
    assert r.exit_code == 1 and "needs column P22" in r.stderr
    assert "instrument-template" not in r.stderr


def test_split_index_names_the_residents_page(cli, samples_dir: Path, tmp_path: Path) -> None:
    """Review 2 item 23m: the --split index listed every file but report.html."""
    out = tmp_path / "split"
    r = cli("report", samples_dir / "karlstad_servqual.xlsx", "--by", "Tjänst", "--split",
            "--lang", "sv", "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    index = " ".join((out / "index.md").read_text("utf-8").split())
    assert "Varje mapp innehåller report.html (sidan för invånare), report.md" in index


def test_report_config_names_the_key_survey_by(cli, data_dir: Path, tmp_path: Path) -> None:
    """Review 2 item 23k: a config's ``by`` was reported as the --by option."""
    survey = (data_dir / "duplicates" / "with_id.csv").as_posix()
    config = tmp_path / "bad_report.toml"
    config.write_text(f'title = "T"\n[survey]\nfile = "{survey}"\nby = "Tjanst"\n', "utf-8")
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        f"servqual: error: {config}: survey.by: column 'Tjanst' is not in with_id.csv "
        "(closest: Tjänst)"
    )
    r = cli("report", survey, "--by", "Tjanst", "-o", tmp_path / "out2")  # the option's words
    assert r.exit_code == 2 and "--by column 'Tjanst' is not in the file" in r.stderr
