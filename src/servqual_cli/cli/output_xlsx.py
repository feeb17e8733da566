"""The tidy table of ``-o FILE.xlsx`` as a one-sheet workbook (split from
:mod:`servqual_cli.cli.output`; openpyxl loads only when a workbook is written)."""

from __future__ import annotations

from typing import Any

from servqual_cli.cli.csv_dialect import integral_columns


def xlsx_bytes(frame: Any, title: str) -> bytes:
    """The tidy table as a one-sheet workbook: typed cells, formula-guarded text, fixed dates."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from servqual_cli.report.manifest import report_time
    from servqual_cli.report.workbook import put, workbook_bytes

    stamp, epoch = report_time()
    if epoch is None:  # no SOURCE_DATE_EPOCH: a fixed date keeps two runs byte-identical
        stamp = dt.datetime(2000, 1, 1)
    wb = Workbook()
    ws = wb.active
    if ws is None:  # openpyxl always makes one sheet; this keeps mypy sure of it
        ws = wb.create_sheet()
    ws.title = "data"
    table = integral_columns(frame)
    for j, name in enumerate(table.columns, start=1):
        put(ws, 1, j, str(name)).font = Font(bold=True)
    for j, col in enumerate(table.columns, start=1):
        values = table[col].astype(object).where(table[col].notna(), None).tolist()
        for i, value in enumerate(values, start=2):
            put(ws, i, j, value)
    ws.freeze_panes = "A2"
    props = wb.properties
    props.title = title
    props.creator = props.lastModifiedBy = "servqual-cli"
    props.created = props.modified = stamp.replace(tzinfo=None, microsecond=0)
    return workbook_bytes(wb, stamp)
