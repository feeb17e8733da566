"""The sheet as fastexcel parses it: whole, or in two halves at once (issue #16).

:func:`sheet_parts` decides, from the guard's scan, whether the sheet is cut in two
(:mod:`servqual_cli.io.xlsxsplit`), and :func:`load_all` parses the parts, the second in a thread
while the first parses in the caller's (fastexcel releases Python's lock while it parses). Each
part says where its rows lie in the sheet, so that :func:`servqual_cli.io.xlsxfast.read_columns`
puts them together as the whole sheet's rows.

References
----------
fastexcel, https://github.com/ToucanToco/fastexcel (``read_excel``, ``load_sheet``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from servqual_cli.io.limits import Limits
from servqual_cli.io.sheets import OpenSheet
from servqual_cli.io.xlsxrefs import Xml

__all__ = ["SheetPart", "load", "load_all", "sheet_parts"]


@dataclass(frozen=True)
class SheetPart:
    """A part of the sheet for fastexcel: how to open its workbook (a function giving the
    reader, called in the thread that parses it), how to load it, the sheet row (1-based) of
    its first data row, and how many rows it spans (None: to the end; fewer rows read means
    blank rows at its end)."""

    reader: Callable[[], Any]
    header_row: int | None
    skip: int
    first: int
    rows: int | None


def sheet_parts(opened: OpenSheet, data: bytes, skip: int, lim: Limits) -> list[SheetPart]:
    """The sheet below its ``skip`` rows of title and header as fastexcel will parse it: whole,
    or in two halves parsed at once (:mod:`servqual_cli.io.xlsxsplit`) when the guard's scan
    shows where the XML can be cut. Called while the guard's XML is held (the halves keep it
    until each is built)."""
    import fastexcel

    from servqual_cli.io import xlsxsplit

    whole = [SheetPart(lambda: fastexcel.read_excel(data), None, skip, skip + 1, None)]
    scan, zf = opened.scan, opened.archive
    cut = xlsxsplit.find_cut(scan, skip) if xlsxsplit.cores() >= 2 else None
    if cut is None or zf is None or scan.member is None:
        return whole
    others = xlsxsplit.other_parts(zf, scan.member, lim)
    if others is None:
        return whole
    halves = _Halves(scan.xml, scan.member, others, cut)
    top = SheetPart(halves.opener(0), None, skip, skip + 1, cut.row - 1 - skip)
    return [top, SheetPart(halves.opener(1), cut.row - 2, 0, cut.row, None)]


class _Halves:
    """The two halves' readers; the sheet's XML is let go once both workbooks are built."""

    def __init__(self, xml: Xml, member: str, others: list[Any], cut: Any) -> None:
        self.xml: Xml | None = xml
        self.member, self.others, self.cut = member, others, cut
        self.built = 0
        self.lock = threading.Lock()

    def opener(self, k: int) -> Callable[[], Any]:
        return lambda: self.reader(k)

    def reader(self, k: int) -> Any:
        from servqual_cli.io.xlsxsplit import open_half

        xml = self.xml
        if xml is None:  # pragma: no cover - each half is opened once
            raise ValueError("the sheet's XML was already let go")
        try:
            return open_half(xml, self.member, self.others, self.cut, k)
        finally:
            del xml
            with self.lock:
                self.built += 1
                if self.built == 2:
                    self.xml = None


def load(part: SheetPart, name: str) -> tuple[Any, Any, list[Any]]:
    """fastexcel's parse of one part: (record batch, coercion errors, column infos)."""
    sheet = part.reader().load_sheet(
        name, header_row=part.header_row, skip_rows=part.skip, schema_sample_rows=None
    )
    batch, errors = sheet.to_arrow_with_errors()
    return batch, errors, sheet.selected_columns


def load_all(parts: list[SheetPart], name: str) -> list[tuple[Any, Any, list[Any]]] | None:
    """Every part parsed, the others in threads while the first parses here (fastexcel
    releases Python's lock while it parses; each workbook is built and copied by fastexcel in
    its thread too); None when fastexcel fails on any."""
    out: list[tuple[Any, Any, list[Any]] | None] = [None] * len(parts)

    def run(k: int) -> None:
        try:
            out[k] = load(parts[k], name)
        except Exception:  # e.g. a column mixing dates and durations: the general path
            out[k] = None

    threads = [threading.Thread(target=run, args=(k,)) for k in range(1, len(parts))]
    for t in threads:
        t.start()
    run(0)
    for t in threads:
        t.join()
    if any(o is None for o in out):
        return None
    return [o for o in out if o is not None]
