"""A trailing summary row left out of a file is in the ``--excluded`` list: one entry for the
row, its label as the value, no column, reason ``summary_row`` (it was in the printed line and
the JSON's ``input.summary_rows`` only). No number of the analysis changes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
FILE = DATA / "summary_row_sv.csv"
ENTRY = {"file": "summary_row_sv.csv", "sheet": "", "row": "62", "column": "",
         "value": "Medelvärde", "reason": "summary_row"}  # fmt: skip


def _listed(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, dtype=str)


def test_gap_lists_the_row_once_and_its_numbers_do_not_change(cli, tmp_path: Path) -> None:
    listed = tmp_path / "excluded.csv"
    plain = cli("gap", FILE, "-f", "json")
    r = cli("gap", FILE, "-f", "json", "--excluded", listed)
    assert r.exit_code == plain.exit_code == 0, r.stderr
    assert r.stdout == plain.stdout  # the JSON is the same bytes with or without the list
    payload = json.loads(r.stdout)
    assert payload["input"]["summary_rows"] == [{"row": 62, "label": "Medelvärde"}]
    cells = _listed(listed)
    rows = cells[cells["reason"] == "summary_row"]
    assert rows.to_dict("records") == [ENTRY]  # one entry for the row, not one per cell
    assert (cells["row"] == "62").sum() == 1  # none of its 53 cells is listed as a cell
    assert cells.index[cells["row"] == "62"].tolist() == [len(cells) - 1]  # after the cells
    # the cells listed are still exactly those counted; the row is counted where it was
    counted = cells[cells["reason"] != "summary_row"]["reason"].value_counts().to_dict()
    assert counted == payload["excluded"] and "summary_row" not in payload["excluded"]


def test_the_list_is_that_of_the_file_without_the_row_plus_the_row(cli, tmp_path: Path) -> None:
    cut = tmp_path / "cut" / "summary_row_sv.csv"  # the same name: the list names the file
    cut.parent.mkdir()
    cut.write_text("\n".join(FILE.read_text("utf-8-sig").splitlines()[:-1]) + "\n", "utf-8")
    full_list, cut_list = tmp_path / "full.csv", tmp_path / "cut.csv"
    full = cli("gap", FILE, "-f", "json", "--excluded", full_list)
    short = cli("gap", cut, "-f", "json", "--excluded", cut_list)
    assert full.exit_code == short.exit_code == 0
    a, b = json.loads(full.stdout), json.loads(short.stdout)
    assert (a["dimensions"], a["items"], a["n_rows"]) == (b["dimensions"], b["items"], b["n_rows"])
    with_row = _listed(full_list)
    assert _listed(cut_list).equals(with_row[with_row["reason"] != "summary_row"])


def test_swedish_run_lists_the_same_entry(cli, tmp_path: Path) -> None:
    """The list's reasons are codes in every language (as "blank", "dont_know")."""
    listed = tmp_path / "excluded.csv"
    assert cli("gap", FILE, "--lang", "sv", "--excluded", listed).exit_code == 0
    cells = _listed(listed)
    assert cells[cells["reason"] == "summary_row"].to_dict("records") == [ENTRY]


def test_a_command_of_two_files_lists_the_row_after_its_files_cells(cli, tmp_path: Path) -> None:
    listed = tmp_path / "excluded.csv"
    args = ("knowledge-gap", FILE, SAMPLES / "karlstad_personal.xlsx", "-f", "json")
    plain = cli(*args)
    r = cli(*args, "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == plain.stdout
    cells = _listed(listed)
    assert cells[cells["reason"] == "summary_row"].to_dict("records") == [ENTRY]
    files = cells["file"].tolist()
    last = max(i for i, f in enumerate(files) if f == "summary_row_sv.csv")
    assert cells.iloc[last]["reason"] == "summary_row"  # with its file, before the staff's
    assert files[last + 1] == "karlstad_personal.xlsx"


def test_trend_lists_the_row_of_the_year_that_has_one(cli, tmp_path: Path) -> None:
    """Two contact files, the second ending in a "Totalt" row (a mean wait in its column)."""
    files = []
    for year in (2019, 2020):
        frame = pd.read_excel(SAMPLES / f"servicematning_{year}.xlsx", engine="openpyxl")
        path = tmp_path / f"kontakter_{year}.csv"
        frame.to_csv(path, index=False)
        files.append(path)
    with files[1].open("a", encoding="utf-8") as out:
        out.write("Totalt,,,,,,,,61.5,\n")
    listed = tmp_path / "excluded.csv"
    plain = cli("trend", *files, "-f", "json")
    r = cli("trend", *files, "-f", "json", "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == plain.stdout
    assert json.loads(r.stdout)["after"]["summary_rows"] == [{"row": 110, "label": "Totalt"}]
    cells = _listed(listed)
    rows = cells[cells["reason"] == "summary_row"].to_dict("records")
    assert rows == [{"file": "kontakter_2020.csv", "sheet": "", "row": "110", "column": "",
                     "value": "Totalt", "reason": "summary_row"}]  # fmt: skip
