"""Read one sheet of a workbook (xlsx, xlsm, xlsb, xls, ods) into rows of cells.

Spreadsheets go through calamine (python-calamine): on a 100k x 50 sheet it reads in a fraction
of openpyxl's time (see ``bench/``). Before calamine sees the bytes,
:mod:`servqual_cli.io.zipguard` refuses bombs, encrypted workbooks and renamed text files; after
it, Excel error cells (which calamine reads as empty) are put back as their error text
(``#N/A``), so that the cleaners count them as ``excel_error`` exclusions.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.limits import Limits
from servqual_cli.io.zipguard import SheetScan, check_workbook, scan_ods, scan_xlsx_sheet

__all__ = [
    "EXCEL_ERRORS",
    "OpenSheet",
    "choose_sheet",
    "open_sheet",
    "put_errors_back",
    "read_sheet_rows",
    "sheet_hidden",
    "sheet_rows",
]

# Error values Excel and LibreOffice show in a cell (LibreOffice also writes "Err:502" etc.).
EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#ERROR",
    }
)


@dataclass(frozen=True)
class OpenSheet:
    """A workbook opened and checked, and the sheet chosen (not yet parsed).

    Attributes
    ----------
    workbook : CalamineWorkbook
        The workbook as calamine opened it (sheet names, and the rows on the general path).
    name : str
        The sheet to read.
    scan : SheetScan
        What the guard found in the sheet's XML (xlsx and xlsm; empty otherwise).
    archive : ZipFile or None
        The workbook's zip archive (None for .xls).
    """

    workbook: Any
    name: str
    scan: SheetScan
    archive: zipfile.ZipFile | None

    def without_xml(self) -> OpenSheet:
        """The same, without the sheet's XML (freed before the sheet is parsed)."""
        return dataclasses.replace(self, scan=dataclasses.replace(self.scan, xml=b"", refs=None))


def open_sheet(
    data: bytes, source: str, suffix: str, sheet: str | int | None, lim: Limits
) -> OpenSheet:
    """Check the workbook against the limits, open it, choose the sheet and scan its XML."""
    import python_calamine  # light (10 ms); only spreadsheets need it

    zf = check_workbook(data, suffix, source, lim)
    if zf is not None and suffix == ".ods":
        scan_ods(zf, source, lim)
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise DataError(
            "the workbook is password-protected; save it without a password and try again",
            Location(source),
            code="password_protected",
        ) from exc
    except Exception as exc:  # calamine raises several types for corrupt files
        raise DataError(
            f"is not a readable spreadsheet ({type(exc).__name__}: {str(exc)[:80]})",
            Location(source),
            code="spreadsheet_unreadable",
            facts={"reason": f"{type(exc).__name__}: {str(exc)[:80]}"},
        ) from exc
    names = list(wb.sheet_names)
    if not names:
        raise DataError("workbook has no sheets", Location(source), code="no_sheets")
    chosen = choose_sheet(names, sheet, source)
    scan = SheetScan()
    if zf is not None and suffix in {".xlsx", ".xlsm"}:
        scan = scan_xlsx_sheet(zf, chosen, source, lim)
    if scan.uncached_formulas:
        raise DataError(
            f"{scan.uncached_formulas:,} formula cells have no calculated value (formulas not "
            f"calculated){_cells_named(scan)}; open and save it in Excel or LibreOffice, then "
            "try again",
            Location(source, chosen),
            code="formulas_uncalculated",
            facts={
                "n": scan.uncached_formulas,
                "cells": list(scan.uncached_cells),
                "whole": len(scan.uncached_cells) == scan.uncached_formulas,
            },
        )
    return OpenSheet(wb, chosen, scan, zf)


def _cells_named(scan: SheetScan) -> str:
    """Where the uncalculated formulas are: ", in C5, D7, E9" or ", e.g. C5, D7, E9" when
    there are more (review 4, finding 12: a message names the cell)."""
    if not scan.uncached_cells:
        return ""
    cells = ", ".join(scan.uncached_cells)
    whole = len(scan.uncached_cells) == scan.uncached_formulas
    return f", in {cells}" if whole else f", e.g. {cells}"


def sheet_rows(opened: OpenSheet, source: str) -> list[list[Any]]:
    """The opened sheet's rows through calamine (from A1, empty cells as ``""``), with the
    Excel error cells put back as their text."""
    try:
        rows = opened.workbook.get_sheet_by_name(opened.name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise DataError(f"cannot read sheet: {exc}", Location(source, opened.name),
                        code="sheet_unreadable", facts={"reason": str(exc)}) from exc  # fmt: skip
    return put_errors_back(rows, opened.scan.errors)


def put_errors_back(rows: list[list[Any]], errors: list[tuple[int, int, str]]) -> list[list[Any]]:
    """Write each error cell's text (``#N/A``) where calamine left it empty; error cells are few.

    >>> put_errors_back([["a", ""], [1.0, ""]], [(2, 2, "#N/A"), (9, 1, "#REF!")])
    [['a', ''], [1.0, '#N/A']]
    """
    for row, col, text in errors:
        if row - 1 < len(rows) and col - 1 < len(rows[row - 1]):
            rows[row - 1][col - 1] = text
    return rows


def read_sheet_rows(
    data: bytes, source: str, suffix: str, sheet: str | int | None, lim: Limits
) -> tuple[str, list[list[Any]]]:
    """The chosen sheet's name and its rows (from A1, empty cells as ``""``)."""
    opened = open_sheet(data, source, suffix, sheet, lim)
    return opened.name, sheet_rows(opened, source)


def sheet_hidden(workbook: Any, name: str) -> bool:
    """Whether Excel hides the sheet ``name`` (``state="hidden"`` or ``"veryHidden"`` in
    workbook.xml; calamine reads the state of xlsx, xls and ods alike): review 10b, finding 1.
    False when the workbook does not say."""
    try:
        meta = {m.name: m.visible for m in workbook.sheets_metadata}
    except Exception:  # an older calamine, or a format without the state: not known as hidden
        return False
    state = meta.get(name)
    return state is not None and "visible" not in str(state).rsplit(".", 1)[-1].lower()


def choose_sheet(names: list[str], sheet: str | int | None, source: str) -> str:
    """The sheet a user meant: a name (case-insensitive), or a 1-based index."""
    if sheet is None:
        return names[0]
    if isinstance(sheet, str) and sheet in names:
        return sheet
    if isinstance(sheet, str):
        folded = {n.casefold().strip(): n for n in names}
        if sheet.casefold().strip() in folded:
            return folded[sheet.casefold().strip()]
    index: int | None = None
    if isinstance(sheet, int):
        index = sheet
    elif sheet.strip().isdigit():
        index = int(sheet)
    if index is not None and 1 <= index <= len(names):
        return names[index - 1]
    listed = ", ".join(repr(n) for n in names)
    raise UsageError(
        f"no sheet {sheet!r}; the workbook has {listed} (give a name or a 1-based index)",
        Location(source),
        code="sheet_not_found",
        facts={"sheet": sheet, "sheets": tuple(names)},
    )
