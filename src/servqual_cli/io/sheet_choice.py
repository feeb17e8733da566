"""Which sheet of a workbook is read when no ``--sheet`` is given (review 10b, finding 2).

The usual municipal export opens with a cover page ("Försättsblad": a title, "Framtagen av", a
date): a sheet without data rows, which stopped every command with "has a header (row 4) but no
data rows below it", naming neither the sheet that holds the data nor ``--sheet``. Without
``--sheet``, a sheet refused because it has no data rows (empty, or a header and nothing below
it) is now skipped and the next one read, as ``describe`` always did; each skip is recorded
(:attr:`RawTable.skipped_sheets <servqual_cli.io.raw_table.RawTable.skipped_sheets>`, JSON
``input.skipped_sheets``) and every command says it in its notes.

Only that reason skips a sheet: a sheet refused for anything else may hold the data (a formula
not calculated, a cell beyond the limits), so the search stops there, and the refusal of the
first sheet then names the workbook's other sheets "(choose one with --sheet)"; so does it when
no sheet has data rows. A sheet with data rows is never skipped.
"""

from __future__ import annotations

import dataclasses
import io

from servqual_cli.errors import DataError
from servqual_cli.io.limits import Limits
from servqual_cli.io.raw_table import RawTable

__all__ = ["NO_DATA", "read_workbook"]

NO_DATA = frozenset({"sheet_empty", "header_only"})  # the refusals that skip a sheet
_LISTED = 8  # other sheets named in a refusal


def read_workbook(
    data: bytes,
    source: str,
    suffix: str,
    sheet: str | int | None,
    header_row: int | None,
    header_rows: int | None,
    lim: Limits,
) -> RawTable:
    """The sheet ``sheet`` of the workbook, or without it the first sheet with data rows."""
    from servqual_cli.io.read_sheet import read_spreadsheet

    if sheet is not None:
        return read_spreadsheet(data, source, suffix, sheet, header_row, header_rows, lim)
    try:
        return read_spreadsheet(data, source, suffix, None, header_row, header_rows, lim)
    except DataError as exc:
        if exc.code not in NO_DATA:
            raise
        first = exc
    names = _sheet_names(data)
    skipped = [(names[0], first.message)] if names else []
    for name in names[1:]:
        try:
            table = read_spreadsheet(data, source, suffix, name, header_row, header_rows, lim)
        except DataError as exc:
            if exc.code not in NO_DATA:
                raise _with_others(first, names) from exc
            skipped.append((name, exc.message))
            continue
        return dataclasses.replace(table, skipped_sheets=tuple(skipped))
    raise _with_others(first, names)


def _sheet_names(data: bytes) -> list[str]:
    """The workbook's sheets in order (the first was opened already, so this opens)."""
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [str(n) for n in workbook.sheet_names]


def _with_others(first: DataError, names: list[str]) -> DataError:
    """The first sheet's refusal, ending with the workbook's other sheets to choose from (the
    CLI's Swedish line adds the same from the fact ``other_sheets``)."""
    others = names[1 : 1 + _LISTED]
    if not others:
        return first
    listed = ", ".join(others)
    return DataError(
        f"{first.message}; the workbook's other sheets: {listed} (choose one with --sheet)",
        first.location,
        code=first.code,
        facts={**first.facts, "other_sheets": tuple(others)},
    )
