"""The title rows above a header, kept by every reader, and the one year they name
(:mod:`servqual_cli.io.title_rows`; m-misc, session 12: ``trend`` labels a survey by it)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from servqual_cli.io import read_sheet as R
from servqual_cli.io.limits import limits
from servqual_cli.io.read import read_table
from servqual_cli.io.sheets import open_sheet
from servqual_cli.io.title_rows import title_year

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"
KARLSTAD = "Medborgarundersökning om kommunal service, Karlstads kommun 2024"


@pytest.mark.parametrize("path", sorted([*SAMPLES.glob("*.xlsx"), *SAMPLES.glob("*.csv")]))
def test_every_sample_file(path: Path) -> None:
    """Only the Karlstad survey (workbook and its CSV export) has a title; it names 2024. No
    other sample has rows above its header, so none gets a year from a title."""
    table = read_table(str(path))
    if path.stem == "karlstad_servqual":
        assert table.title_rows == ((1, KARLSTAD),)
        assert title_year(table.title_rows) == 2024
    else:
        assert table.title_rows == ()
        assert title_year(table.title_rows) is None
    assert "title_rows" not in table.describe()  # the JSON "input" of every command unchanged


def _book(rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("n", [5, 80])
def test_a_workbook_gives_its_titles_on_both_paths(n: int) -> None:
    """A short sheet (the general path) and a long one (the single read) alike: two title rows
    (a year typed as a number reads as "2021"), a blank row, then a two-row header whose group
    row is header, not title."""
    rows: list[list[Any]] = [["Servicemätning", 2021.0], ["Lekebergs kommun"], []]
    rows += [["id", "E", None, "P", None], [None, 1, 2, 1, 2]]
    rows += [[i + 1, (i % 7) + 1, 3, 4, 5] for i in range(n)]
    data = _book(rows)
    lim = limits()
    plan = R._single_read_plan(open_sheet(data, "t.xlsx", ".xlsx", None, lim), "t.xlsx", None,
                               None, lim)  # fmt: skip
    assert (plan is not None) == (n == 80)  # the path each one takes
    table = R.read_spreadsheet(data, "t.xlsx", ".xlsx", None, None, None, lim)
    assert (table.header_row, table.header_rows) == (5, 2)
    assert table.title_rows == ((1, "Servicemätning 2021"), (2, "Lekebergs kommun"))


@pytest.mark.parametrize("ragged", [False, True])
def test_a_csv_gives_its_titles_on_both_paths(tmp_path: Path, ragged: bool) -> None:
    """The fast CSV reader and the standard one (a short row sends the file to it)."""
    lines = ["Servicemätning 2021;;", ";;", "id;E1;P1"] + [f"{i};5;4" for i in range(1, 9)]
    if ragged:
        lines[-1] = "8;5"
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(str(path))
    assert (table.encoded is None) == ragged  # the path each one takes
    assert table.header_row == 3
    assert table.title_rows == ((1, "Servicemätning 2021"),)


def test_a_quoted_title_over_two_lines_keeps_the_header_line(tmp_path: Path) -> None:
    """A title cell with a line break: its row starts on line 1, the header is line 3."""
    path = tmp_path / "t.csv"
    path.write_text('"Servicemätning\n2021";;\nid;E1;P1\n1;5;4\n2;3;4\n', encoding="utf-8")
    table = read_table(str(path))
    assert table.header_row == 3
    assert table.title_rows == ((1, "Servicemätning\n2021"),)
    assert title_year(table.title_rows) == 2021


def test_given_header_row_makes_the_rows_above_it_titles(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Enkät 2023;x\nanteckning;y\nid;E1\n1;5\n2;6\n", encoding="utf-8")
    table = read_table(str(path), header_row=3)
    assert table.title_rows == ((1, "Enkät 2023 x"), (2, "anteckning y"))


WORDS = st.sampled_from(["Servicemätning", "Enkät", "Karlstads kommun", "svar", "(",
                         ")", "–", "Lekeberg", "nr", "v."])  # fmt: skip


@settings(derandomize=True, max_examples=200)
@given(st.lists(WORDS, max_size=6), st.integers(1990, 2100), st.lists(WORDS, max_size=6))
def test_one_standalone_year_is_read(before: list[str], year: int, after: list[str]) -> None:
    assert title_year([(1, " ".join([*before, str(year), *after]))]) == year


@settings(derandomize=True, max_examples=200)
@given(st.integers(1990, 2100), st.sampled_from("-–/:.,"), st.integers(0, 9999),
       st.booleans())  # fmt: skip
def test_a_year_joined_to_another_number_is_none(year: int, join: str, other: int, first: bool):
    """A date, span, case number or decimal never gives a year: "2024-03", "12/2021"."""
    text = f"{year}{join}{other}" if first else f"{other}{join}{year}"
    assert title_year([(1, f"Enkät {text}")]) is None


@settings(derandomize=True, max_examples=200)
@given(st.integers(0, 9999).filter(lambda y: not 1990 <= y <= 2100))
def test_a_number_outside_the_years_is_none(number: int) -> None:
    assert title_year([(1, f"Kommunkod {number:04d} Servicemätning")]) is None
