"""The single-read xlsx path gives exactly the general path's table (issue #16).

Every comparison reads the same workbook both ways: the general path (calamine's rows, then
``read_rows``) and :func:`read_spreadsheet`, and checks header, row numbers, names, and every
cell's value *and* Python type. Each test also checks which path was taken, so that a fast path
that silently fell back (or a fallback that silently did not) fails.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from servqual_cli.errors import DataError
from servqual_cli.io import read_sheet as R
from servqual_cli.io.limits import limits
from servqual_cli.io.rows import read_rows
from servqual_cli.io.sheets import open_sheet, sheet_rows
from servqual_cli.io.xlsxfast import text_is_plain

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def _both(data: bytes, **kw: Any) -> tuple[tuple[Any, ...], tuple[Any, ...], bool]:
    lim = limits()
    opened = open_sheet(data, "w.xlsx", ".xlsx", kw.get("sheet"), lim)
    whole = read_rows(
        sheet_rows(opened, "w.xlsx"),
        "w.xlsx",
        opened.name,
        kw.get("header_row"),
        False,
        kw.get("header_rows"),
    )
    assert whole.short is None  # a sheet's short rows say nothing
    general = tuple(whole[:4])
    again = open_sheet(data, "w.xlsx", ".xlsx", kw.get("sheet"), lim)
    plan = R._single_read_plan(again, "w.xlsx", kw.get("header_row"), kw.get("header_rows"), lim)
    fast = None if plan is None else R._single_read(plan, again, data, "w.xlsx", lim)
    table = R.read_spreadsheet(
        data, "w.xlsx", ".xlsx", kw.get("sheet"), kw.get("header_row"), kw.get("header_rows"), lim
    )
    got = (table.frame, table.header_row, table.row_numbers, table.header_rows)
    return general, got, fast is not None


def _assert_same(a: tuple[Any, ...], b: tuple[Any, ...]) -> None:
    fa, ha, ra, na = a
    fb, hb, rb, nb = b
    assert (ha, na) == (hb, nb)
    assert list(fa.columns) == list(fb.columns)
    np.testing.assert_array_equal(ra, rb)
    va, vb = fa.to_numpy(), fb.to_numpy()
    assert va.shape == vb.shape
    for x, y in zip(va.ravel().tolist(), vb.ravel().tolist(), strict=True):
        assert type(x) is type(y) and x == y, (x, y)


def _book(rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Enkät"
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "karlstad_servqual.xlsx",
        "karlstad_tolerans.xlsx",
        "karlstad_personal.xlsx",
        "servicematning_medborgare_2022_2024.xlsx",
    ],
)
def test_samples_take_the_single_read_and_match(name: str) -> None:
    """Title rows, 'Vet ej' among answers 1-7, text columns: the fast path, same table."""
    general, got, fast = _both((SAMPLES / name).read_bytes())
    assert fast
    _assert_same(general, got)


def test_dates_and_short_sheets_take_the_general_path() -> None:
    """A register with dates (synpunkter) and a sheet of a few rows: the general path."""
    general, got, fast = _both((SAMPLES / "synpunkter_2023_2024.xlsx").read_bytes())
    assert not fast
    _assert_same(general, got)
    general, got, fast = _both(_book([["id", "E1"], [1, 5], [2, 6]]))
    assert not fast
    _assert_same(general, got)


def test_title_rows_two_row_header_error_cells_and_blank_rows() -> None:
    rows: list[list[Any]] = [["Medborgarundersökning 2024"], [], ["id", "E", None, "P", None]]
    rows.append([None, 1, 2, 1, 2])
    for i in range(80):
        rows.append([i + 1, (i % 7) + 1, "Vet ej" if i % 9 == 0 else 3.5, "#N/A", None])
    rows.append([])  # a blank row is dropped, as on the general path
    rows.append([99, 1, 2, 3, "#DIV/0!"])
    general, got, fast = _both(_book(rows))
    assert fast
    _assert_same(general, got)
    frame = got[0]
    assert list(frame.columns) == ["id", "E 1", "E 2", "P 1", "P 2"]
    assert frame.iloc[0, 3] == "#N/A" and frame.iloc[-1, 4] == "#DIV/0!"


def test_number_typed_as_text_takes_the_general_path() -> None:
    """'5' typed as text cannot be told from the number 5 in fastexcel's text column."""
    rows: list[list[Any]] = [["id", "E1"]] + [[i, (i % 7) + 1] for i in range(70)]
    rows[10][1] = "5"
    general, got, fast = _both(_book(rows))
    assert not fast
    _assert_same(general, got)
    assert got[0].iloc[9, 1] == "5"


def test_booleans_and_dates_among_text_take_the_general_path() -> None:
    rows: list[list[Any]] = [["id", "x", "d"]]
    rows += [[i, "ja" if i % 2 else True, dt.datetime(2024, 1, 1 + i % 28)] for i in range(70)]
    general, got, fast = _both(_book(rows))
    assert not fast
    _assert_same(general, got)


def test_header_row_option_on_the_single_read() -> None:
    rows: list[list[Any]] = [["Titel"], ["id", "E1"]] + [[i, float(i % 7)] for i in range(70)]
    general, got, fast = _both(_book(rows), header_row=2, header_rows=1)
    assert fast
    _assert_same(general, got)
    assert got[1] == 2 and got[2][0] == 3


def test_text_is_plain() -> None:
    assert text_is_plain(["Förskola", " ", "Vet ej"])
    assert not text_is_plain(["-0.5"])
    assert not text_is_plain(["false"])


_CELL = st.one_of(
    st.none(),
    st.integers(1, 7),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: round(v, 3)),
    st.sampled_from(["Vet ej", "Förskola", " ", "ej aktuellt", "#N/A", "#VALUE!"]),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(
    titles=st.integers(0, 3),
    width=st.integers(1, 6),
    body=st.lists(st.lists(_CELL, min_size=0, max_size=7), min_size=55, max_size=70),
)
def test_single_read_matches_the_general_path(
    titles: int, width: int, body: list[list[Any]]
) -> None:
    """Random sheets (title rows, ragged rows, blanks, text among numbers, error cells) read the
    same both ways, whichever path the reader takes."""
    rows: list[list[Any]] = [[f"Titel {i}"] for i in range(titles)]
    rows.append([f"F{j}" for j in range(width)])
    rows += body
    data = _book(rows)
    try:
        general, got, _ = _both(data)
    except DataError as exc:  # e.g. a header and no data: both paths say the same
        with pytest.raises(DataError) as fast_exc:
            R.read_spreadsheet(data, "w.xlsx", ".xlsx", None, None, None, limits())
        assert str(fast_exc.value) == str(exc)
        return
    _assert_same(general, got)


def test_the_random_sheets_do_take_the_single_read() -> None:
    """The hypothesis test above is not only fallbacks: its kind of sheet takes the fast path."""
    rows: list[list[Any]] = [["Titel"], ["F0", "F1", "F2"]]
    rows += [[1, "Vet ej", -3.25], [None, 7, "#N/A"], [2.5, " ", None]] * 20
    general, got, fast = _both(_book(rows))
    assert fast
    _assert_same(general, got)


def test_a_date_below_the_first_rows_still_reads_the_general_way() -> None:
    """The head shows numbers only; the column read meets the date and hands over."""
    rows: list[list[Any]] = [["id", "x"]] + [[i, float(i)] for i in range(70)]
    rows[65][1] = dt.datetime(2024, 3, 1, 12, 0)
    general, got, fast = _both(_book(rows))
    assert not fast
    _assert_same(general, got)
    assert got[0].iloc[64, 1] == dt.datetime(2024, 3, 1, 12, 0)


TWO = Path(__file__).resolve().parents[1] / "data" / "reader" / "two_items.toml"


def _survey_with_errors() -> bytes:
    """80 answers under a title row: error cells in P1 (rows 10 and 70) and Tjänst (row 40)."""
    rows: list[list[Any]] = [["Enkät 2024"], ["Tjänst", "E1", "P1", "E2", "P2"]]
    for i in range(80):
        rows.append(["Förskola" if i % 2 else "Skola", (i % 7) + 1, (i % 5) + 2, 4, "Vet ej"])
    rows[9][2] = "#DIV/0!"
    rows[69][2] = "#N/A"
    rows[39][0] = "#REF!"
    return _book(rows)


def test_error_cells_stay_excel_error_exclusions_through_the_cli(cli, tmp_path: Path) -> None:
    data = _survey_with_errors()
    assert _both(data)[2]  # this workbook takes the single read
    path = tmp_path / "long.xlsx"
    path.write_bytes(data)
    excluded = tmp_path / "excluded.csv"
    result = cli("gap", path, "-i", TWO, "--by", "Tjänst", "-f", "json", "--excluded", excluded)
    assert result.exit_code == 0, result.stderr
    assert '"excel_error": 3' in result.stdout
    rows = [r.split(",", 2)[2] for r in excluded.read_text(encoding="utf-8").splitlines()]
    assert "10,P1,#DIV/0!,excel_error" in rows and "70,P1,#N/A,excel_error" in rows
    assert "40,Tjänst,#REF!,excel_error" in rows


def test_error_cells_fail_under_strict_with_their_row(cli, tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    path.write_bytes(_survey_with_errors())
    result = cli("gap", path, "-i", TWO, "--strict")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "row 10" in result.stderr and "column 'P1'" in result.stderr
    assert "#DIV/0!" in result.stderr
