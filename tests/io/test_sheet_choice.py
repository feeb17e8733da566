"""Review 10b, findings 1 and 2: a cover page is skipped (and said), a sheet refused for another
reason is not; a hidden sheet and hidden rows are read and recorded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from servqual_cli.errors import DataError
from servqual_cli.io.read import read_table

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
COVER_WHY = "has a header (row 4) but no data rows below it"


def test_a_cover_page_is_skipped_and_recorded() -> None:
    table = read_table(SHEETS / "cover_survey.xlsx")
    assert table.sheet == "Enkät"
    assert table.skipped_sheets == (("Försättsblad", COVER_WHY),)
    assert table.describe()["skipped_sheets"] == [{"sheet": "Försättsblad", "why": COVER_WHY}]
    assert len(table.frame) == 60 and table.header_row == 3
    # the same data as the survey sheet chosen by name, which skips nothing
    chosen = read_table(SHEETS / "cover_survey.xlsx", sheet="Enkät")
    assert chosen.skipped_sheets == () and "skipped_sheets" not in chosen.describe()
    assert chosen.frame.equals(table.frame)
    assert np.array_equal(chosen.row_numbers, table.row_numbers)


def test_a_sheet_given_with_sheet_is_never_skipped() -> None:
    with pytest.raises(DataError) as err:
        read_table(SHEETS / "cover_survey.xlsx", sheet="Försättsblad")
    assert err.value.code == "header_only"
    assert "other sheets" not in err.value.message


def test_no_sheet_with_data_rows_lists_the_others() -> None:
    with pytest.raises(DataError) as err:
        read_table(SHEETS / "cover_only.xlsx")
    exc = err.value
    assert exc.code == "header_only" and exc.location.sheet == "Försättsblad"
    assert (
        exc.message == f"{COVER_WHY}; the workbook's other sheets: Blad2 (choose one with --sheet)"
    )
    assert exc.facts["other_sheets"] == ("Blad2",)


def test_a_sheet_refused_for_another_reason_stops_the_search() -> None:
    """The survey sheet has an uncalculated formula: it may hold the data, so it is not skipped
    past; the refusal names it as the sheet to choose."""
    with pytest.raises(DataError) as err:
        read_table(SHEETS / "cover_formula.xlsx")
    assert err.value.location.sheet == "Försättsblad"
    assert err.value.message.endswith("other sheets: Enkät (choose one with --sheet)")
    with pytest.raises(DataError, match="no calculated value"):
        read_table(SHEETS / "cover_formula.xlsx", sheet="Enkät")


def test_a_workbook_without_a_cover_records_nothing() -> None:
    table = read_table(SAMPLES / "karlstad_servqual.xlsx")
    described = table.describe()
    assert table.skipped_sheets == () and not table.sheet_hidden
    for key in ("skipped_sheets", "sheet_hidden", "hidden_rows"):
        assert key not in described
    assert len(table.hidden_data_rows()) == 0


def test_a_hidden_sheet_is_read_and_recorded() -> None:
    table = read_table(SHEETS / "hidden_sheet.xlsx")
    assert table.sheet == "Enkät" and table.sheet_hidden
    assert table.describe()["sheet_hidden"] is True
    assert len(table.frame) == 60
    assert not read_table(SHEETS / "cover_survey.xlsx").sheet_hidden


def test_hidden_rows_are_read_and_counted() -> None:
    table = read_table(SHEETS / "hidden_rows.xlsx")
    plain = read_table(SHEETS / "cover_survey.xlsx", sheet="Enkät")
    assert table.frame.equals(plain.frame)  # the data are the data
    assert table.hidden_data_rows().tolist() == [*range(4, 14), 40]
    assert table.describe()["hidden_rows"] == {"count": 11, "runs": [[4, 13], [40, 40]]}


def test_hidden_rows_outside_the_data_are_not_counted() -> None:
    """Only data rows count: a hidden title row or blank row is not 'included'."""
    import dataclasses

    table = read_table(SHEETS / "hidden_rows.xlsx")
    moved = dataclasses.replace(table, hidden_rows=np.array([1, 2, 3, 5, 500]))
    assert moved.hidden_data_rows().tolist() == [5]
