"""Session 18, b-left: reliability's and alpha's item statistics did not mark the reversed
items, in the terminal, -f csv or the workbook, while the EFA table marks them "(omvänt)". The
tables mark them now; the CSV and the workbook carry a ``reversed`` column ("Omvänd") beside
the item's code, which a pipeline filters on (the README says so). tests/data/r15_kommun.toml
reverses items 4 and 11."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
FILE, INSTRUMENT = DATA / "r15_enkat.csv", DATA / "r15_kommun.toml"


@pytest.mark.parametrize(("lang", "mark"), [("sv", "Påstående 4 (omvänt)"),
                                            ("en", "Statement 4 (reversed)")])  # fmt: skip
def test_reliability_item_table_marks_reversed_items(cli, lang: str, mark: str) -> None:
    res = cli("reliability", FILE, "-i", INSTRUMENT, "--lang", lang, "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    table = res.stdout.split("Statistik per påstående" if lang == "sv" else "Item statistics")[1]
    assert mark in table.split("\n\n#")[0]


def test_reliability_csv_has_a_reversed_column(cli) -> None:
    res = cli("reliability", FILE, "-i", INSTRUMENT, "-f", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0])[:4] == ["group", "scale", "item", "reversed"]
    marked = {r["item"] for r in rows if r["reversed"] == "True"}
    assert marked == {"E4", "E11", "P4", "P11", "P4-E4", "P11-E11"}


def test_reliability_workbook_has_the_reversed_column(cli, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "rel.xlsx"
    res = cli("reliability", FILE, "-i", INSTRUMENT, "--lang", "sv", "-o", out)
    assert res.exit_code == 0, res.stderr
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    col = rows[0].index("Omvänd")
    assert {r[2] for r in rows[1:] if r[col] is True} == {"Påstående 4", "Påstående 11"}


def test_alpha_marks_its_reversed_item(cli) -> None:
    args = ("alpha", FILE, "--items", "E1:E4", "--reverse", "E4", "--scale-range", "1,7")
    res = cli(*args, "--lang", "sv", "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    assert "E4 (omvänt)" in res.stdout
    rows = list(csv.DictReader(io.StringIO(cli(*args, "-f", "csv").stdout)))
    assert {r["item"]: r["reversed"] for r in rows} == {
        "E1": "False", "E2": "False", "E3": "False", "E4": "True"}  # fmt: skip
