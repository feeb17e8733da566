"""Merged cells in a workbook's data rows (review 2, item 5): filled from the range's top-left
cell in its first column only, on both read paths, and counted; merges in the title and header
rows, and files without merges, read exactly as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.errors import DataError, Location
from servqual_cli.io import read_sheet as R
from servqual_cli.io import xlsxmerge as M
from servqual_cli.io.limits import limits
from servqual_cli.io.read import read_table
from servqual_cli.io.sheets import open_sheet

READER = Path(__file__).resolve().parents[1] / "data" / "reader"
GROUPS = READER / "merged_groups.xlsx"
LONG = READER / "merged_long.xlsx"


def _reference(
    cells: np.ndarray, blank: np.ndarray, first_row: int, merges: tuple[M.Range, ...]
) -> np.ndarray:
    """The rule cell by cell, written the slow and obvious way."""
    out = cells.copy()
    filled = blank.copy()
    n_rows, width = cells.shape
    for r1, c1, r2, _c2 in merges:
        top, col = r1 - first_row, c1 - 1
        if not (0 <= top < n_rows and col < width) or filled[top, col]:
            continue
        for i in range(top + 1, min(r2 - first_row, n_rows - 1) + 1):
            if filled[i, col] and not filled[i].all():
                out[i, col] = out[top, col]
                filled[i, col] = False
    return out


@st.composite
def _sheets(draw: Any) -> tuple[np.ndarray, int, tuple[M.Range, ...]]:
    n_rows = draw(st.integers(1, 12))
    width = draw(st.integers(1, 5))
    values = st.sampled_from(["", "", "a", "b", 7])
    grid = np.array(
        [[draw(values) for _ in range(width)] for _ in range(n_rows)], dtype=object
    ).reshape(n_rows, width)
    first_row = draw(st.integers(1, 4))
    merges = []
    for col in range(1, width + 2):  # disjoint ranges per column, as Excel keeps them
        row = draw(st.integers(1, 3))
        while row < first_row + n_rows + 2 and draw(st.booleans()):
            height = draw(st.integers(1, 5))
            across = draw(st.integers(0, 1)) if col == width else 0
            merges.append((row, col, row + height - 1, col + across))
            row += height + draw(st.integers(0, 2))
    return grid, first_row, tuple(sorted(merges, key=lambda r: (r[1], r[0])))


@settings(max_examples=300, deadline=None)
@given(_sheets())
def test_fill_matches_the_rule_cell_by_cell(sheet: tuple[np.ndarray, int, Any]) -> None:
    grid, first_row, merges = sheet
    blank = grid == ""
    expected = _reference(grid, blank, first_row, merges)
    cells = grid.copy()
    fills, _ = M.fill_merged(cells, blank.copy(), first_row, merges)
    assert cells.tolist() == expected.tolist()
    changed = int((cells != grid).sum())
    assert sum(f.cells for f in fills) == changed  # every fill counted
    assert not ((grid != "") & (cells != grid)).any()  # a value is never overwritten


def test_table_of_cases() -> None:
    """Title and header merges untouched; other columns of a wide range never filled; a range
    cut by the end of the table; a blank top-left fills nothing."""
    cells = np.array(
        [["Bygg", 1, 1], ["", 2, ""], ["", "", ""], ["", 3, 3], ["", "", 4]], dtype=object
    )
    cases = [
        ((1, 1, 3, 8), 0),  # starts in the title/header rows (the table starts at row 4)
        ((4, 1, 8, 1), 3),  # rows 5, 7, 8 filled; row 6 is blank in every column
        ((4, 1, 20, 3), 3),  # wide: column A only, past the table's end
        ((5, 1, 8, 1), 0),  # top-left blank
        ((4, 9, 8, 9), 0),  # outside the table
    ]
    for rng, n in cases:
        c = cells.copy()
        fills, across = M.fill_merged(c, c == "", 4, (rng,))
        assert sum(f.cells for f in fills) == n, rng
        assert c[:, 1:].tolist() == cells[:, 1:].tolist()  # other columns never change
        assert across == (["A4:C20"] if rng == (4, 1, 20, 3) else [])


def test_merged_ranges_parse_and_guard() -> None:
    xml = (
        b'<x:worksheet><x:sheetData><x:row r="1"/></x:sheetData><x:mergeCells count="2">'
        b'<x:mergeCell ref="$B$14:$B$23"/><x:mergeCell ref="A1:H1"/></x:mergeCells>'
    )
    assert M.merged_ranges(xml, Location("a.xlsx")) == ((1, 1, 1, 8), (14, 2, 23, 2))
    assert M.merged_ranges(b"<sheetData/>", Location("a.xlsx")) == ()
    many = b"<sheetData/>" + b'<mergeCell ref="A2:A3"/>' * (M.MAX_MERGES + 1)
    with pytest.raises(DataError, match="merged ranges, over the limit"):
        M.merged_ranges(many, Location("a.xlsx", "Enkät"))


def _general(monkeypatch: pytest.MonkeyPatch, path: Path) -> Any:
    with monkeypatch.context() as m:
        m.setattr(R, "_single_read_plan", lambda *a, **k: None)
        return read_table(path)


def test_long_sheet_takes_the_single_read_and_both_paths_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = LONG.read_bytes()
    lim = limits()
    opened = open_sheet(data, "m.xlsx", ".xlsx", None, lim)
    plan = R._single_read_plan(opened, "m.xlsx", None, None, lim)
    assert plan is not None
    merged = R._Merged(opened.scan.merges)
    assert R._single_read(plan, opened, data, "m.xlsx", lim, None, merged) is not None
    assert merged.filled[0][1] == 287  # filled on the single read
    fast, general = read_table(LONG), _general(monkeypatch, LONG)
    assert fast.frame.equals(general.frame)
    np.testing.assert_array_equal(fast.row_numbers, general.row_numbers)
    assert fast.describe() == general.describe()
    tj = fast.frame["Tjänst"]
    assert (tj != "").all() and len(tj) == 299  # row 20 (blank but for Tjänst) dropped
    assert 20 not in fast.row_numbers.tolist()
    blocks = tj.to_numpy().reshape(-1)
    assert blocks[0] == "Bygglov" and tj.value_counts().to_dict() == {
        "Förskola": 75, "Äldreomsorg": 75, "Bibliotek": 75, "Bygglov": 74,
    }  # fmt: skip
    ((col, n, ranges),) = fast.merged_cells
    assert (col, n, ranges[:2]) == ("Tjänst", 287, ("B4:B28", "B29:B53"))
    assert fast.merged_not_filled == ("AU10:AV10",)
    assert fast.frame["Kommentar"].iloc[6] == "bra service"  # AU10; AV10 (no name) dropped


def test_short_sheet_general_path() -> None:
    table = read_table(GROUPS)
    assert table.header_row == 3
    assert table.frame["Tjänst"].value_counts().to_dict() == {
        "Bygglov": 10, "Förskola": 10, "Äldreomsorg": 10,
    }  # fmt: skip
    assert table.describe()["merged_cells"] == [
        {"column": "Tjänst", "cells": 27, "ranges": ["B4:B13", "B14:B23", "B24:B33"]}
    ]


def test_a_sheet_without_merges_has_no_merge_keys() -> None:
    samples = Path(__file__).resolve().parents[2] / "data" / "samples"
    table = read_table(samples / "karlstad_servqual.xlsx")
    assert table.merged_cells == () and "merged_cells" not in table.describe()


def test_halves_fill_the_same_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """The single read cut in two halves (each parsed alone) fills as the whole sheet does."""
    from servqual_cli.io import xlsxparts, xlsxsplit

    data = LONG.read_bytes()
    whole = read_table(LONG)
    monkeypatch.setattr(xlsxsplit, "SPLIT_FROM", 0)
    monkeypatch.setattr(xlsxsplit, "cores", lambda: 2)
    lim = limits()
    opened = open_sheet(data, "m.xlsx", ".xlsx", None, lim)
    plan = R._single_read_plan(opened, "m.xlsx", None, None, lim)
    assert plan is not None
    assert len(xlsxparts.sheet_parts(opened, data, plan.hdr_index + 1, lim)) == 2
    halves = read_table(LONG)
    assert halves.frame.equals(whole.frame) and halves.describe() == whole.describe()
