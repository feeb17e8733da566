"""A column of mostly numbers is right-aligned in every renderer, even with some words in it
(:func:`servqual_cli.report.spec.number_columns`).

The trend's minimum-detectable-change table (Lekeberg 2019 → 2020) holds one cell of words,
"ingen ökning kan skiljas från slumpen (högst 15,6 procentenheter möjligt)", among 13 numbers in
"Tröskel C, 5 % (Holm)"; the column's pandas dtype is then object and every renderer used to
left-align it as a whole, and its two neighbours (object too, from how the table is built).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from servqual_cli.report.excel import write_table
from servqual_cli.report.html import render_html
from servqual_cli.report.markdown import render_table
from servqual_cli.report.spec import PLACEHOLDERS, Document, Section, Table, number_columns

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
WORDS = "ingen ökning kan skiljas från slumpen (högst 15,6 procentenheter möjligt)"
COLUMN = "Tröskel C, 5\u00a0% (Holm)"


@pytest.fixture(scope="module")
def mdd() -> Table:
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.core.trend import compare_kpis
    from servqual_cli.io.contacts import load_contacts
    from servqual_cli.io.read import read_table
    from servqual_cli.report.measurement_trend import mdd_table

    years = [kpi_observations(load_contacts(read_table(SAMPLES / f"servicematning_{y}.xlsx"))
                              .frame, keys=()) for y in (2019, 2020)]  # fmt: skip
    _, table = mdd_table(compare_kpis(*years), "sv", 0.8, 0.95, "holm", "2019 → 2020")
    return table


def test_the_mdd_table_holds_words_among_numbers(mdd: Table) -> None:
    """The case the rule is for: the column is not of a number dtype, one cell is words."""
    column = mdd.frame[COLUMN]
    assert column.dtype.kind == "O" and column.tolist().count(WORDS) == 1
    assert number_columns(mdd.frame) == (False, True, True, True, True, True)


def test_markdown_right_aligns_the_number_columns(mdd: Table) -> None:
    lines = render_table(mdd, lang="sv").splitlines()
    header = next(i for i, s in enumerate(lines) if s.startswith("| Nyckeltal |"))
    assert lines[header + 1] == "| --- | ---: | ---: | ---: | ---: | ---: |"
    assert any(f"| {WORDS} |" in s for s in lines)  # the words themselves, unchanged


def test_html_right_aligns_the_column_and_lets_its_words_wrap(mdd: Table) -> None:
    page = render_html(Document("T", (Section("S", (mdd,)),), {"lang": "sv"}))
    # the page keeps "15,6 procentenheter" on one line (<span class="nw">), the cell wraps
    [cell] = re.findall(r'<td class="([^"]*)">ingen ökning kan skiljas[^<]*<span', page)
    assert cell == "num words"
    assert '<td class="num">25,3</td>' in page  # its numbers as before
    assert re.search(r'<th scope="col" class="num">Tröskel C, 5', page)
    assert re.search(r'<th scope="row">Telefon: når en person</th>', page)  # row names left
    assert ".num.words { white-space: normal;" in page  # the words may wrap, numbers never


def test_excel_right_aligns_the_words_and_the_header(mdd: Table) -> None:
    ws = Workbook().active
    assert ws is not None
    write_table(ws, mdd, "sv")
    header = [c.value for c in ws[2]]
    col = header.index(COLUMN) + 1
    cells = [ws.cell(row=r, column=col) for r in range(3, 3 + len(mdd.frame))]
    [words] = [c for c in cells if isinstance(c.value, str)]
    assert words.value == WORDS and words.alignment.horizontal == "right"
    assert all(isinstance(c.value, float) for c in cells if c is not words)  # Excel's right
    assert ws.cell(row=2, column=col).alignment.horizontal == "right"
    assert ws.cell(row=2, column=1).alignment.horizontal is None  # the names' column: left
    assert ws.cell(row=3, column=1).alignment.horizontal is None


def test_a_column_of_words_with_a_number_stays_left() -> None:
    frame = pd.DataFrame({"Mått": ["a", "b", "c"], "Omdöme": ["▲ bättre", "–", 3.0],
                          "Trend": [0.2, "–", None], "Text": ["x", "y", "–"]})  # fmt: skip
    assert number_columns(frame) == (False, False, True, False)
    lines = render_table(Table("", frame), lang="sv").splitlines()
    assert lines[1] == "| --- | --- | ---: | --- |"


def _reference(cells: list[object]) -> bool:
    """The rule read cell by cell: more than half of the filled cells are numbers."""
    filled = [c for c in cells if c is not None and not (isinstance(c, float) and np.isnan(c))
              and c not in PLACEHOLDERS]  # fmt: skip
    numbers = [c for c in filled if isinstance(c, int | float) and not isinstance(c, str)]
    return 2 * len(numbers) > len(filled)


_CELL = st.one_of(
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.integers(-10_000, 10_000),
    st.sampled_from([*PLACEHOLDERS, None, "ingen ökning", "▲ bättre", "2019", "81,1 %"]),
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=12))
def test_the_rule_matches_a_cell_by_cell_reading(cells: list[object]) -> None:
    column = pd.Series(cells, dtype=object)
    [got] = number_columns(pd.DataFrame({"c": column}))
    assert got == _reference(cells)
    # a column of one number dtype is always a number column, whatever is missing in it
    numbers = pd.to_numeric(column.where(column.map(lambda c: not isinstance(c, str))))
    assert number_columns(pd.DataFrame({"c": numbers.astype(float)})) == (True,)
