"""Load any set of item columns from any file (for ``servqual alpha``), chosen with the
``--items``/``--item`` selection of :mod:`servqual_cli.io.selection`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.columns import ColumnIndex, advice_facts, encoding_advice, sheet_advice
from servqual_cli.io.duplicates import DuplicateRows, find_duplicates
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.lazy import lazy_field
from servqual_cli.io.selection import NAMES_FOUND, select_columns
from servqual_cli.io.text_answers import refuse_text_answers

# pandas (and the reader's modules, which load it) only in load_item_set, after the file's
# body has started to be read on another thread (io.read_text.read_ahead).
if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class ItemSet:
    """Parsed item scores (reversed where asked) and the record of excluded cells.

    ``frame`` columns are the selected columns, named as in the file; ``reverse`` the reversed
    ones; ``input`` the file as JSON output records it (``RawTable.describe``).
    """

    frame: pd.DataFrame
    n_rows: int
    excluded: dict[str, int]
    exclusions: pd.DataFrame
    reverse_range: tuple[float, float] | None
    input: dict[str, Any] | None = None  # the file as JSON output records it (RawTable.describe)
    reverse: tuple[str, ...] = ()
    exclusion_log: ExclusionLog | None = field(default=None, repr=False, compare=False)
    duplicates: DuplicateRows | None = None  # rows repeating an earlier row (review 2 23h)
    # rows with no answer in any of the items, left out before parsing (review 18, finding 5:
    # gap's one-count rule, io.no_answer_rows; alpha said "Svarande: 120" where gap said 118)
    no_answer_rows: tuple[int, ...] = ()
    # --missing-codes the SPSS file declares missing itself: (code, label, cells) (r18, #11)
    file_codes: tuple[tuple[str, str, int], ...] = ()


def _exclusions(s: ItemSet) -> pd.DataFrame:
    """The excluded cells and one entry per row left out with no answer, by row."""
    from servqual_cli.io.no_answer_rows import with_no_answer_rows

    return with_no_answer_rows(s.exclusion_log.to_frame(), s.no_answer_rows)  # type: ignore[union-attr]


# The per-cell list of excluded cells is built only when read (--excluded, --strict).
lazy_field(ItemSet, "exclusions", _exclusions)


def load_item_set(
    path: str,
    items: str | None,
    reverse: str | None,
    scale: tuple[float, float] | None,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    strict: bool = False,
    item: Sequence[str] = (),
    missing: Sequence[str] = (),
) -> ItemSet:
    """Read the columns ``items`` (``--items`` text) and ``item`` (``--item`` names) select from
    ``path``; reverse those ``reverse`` (same syntax) selects as ``min + max - x``.

    Without ``scale`` values are not range-checked and reversal uses the observed minimum and
    maximum over all the items (as R ``psych::alpha`` does with ``keys``). ``missing`` holds
    declared missing codes (``--missing-codes``), matched as an instrument's ``missing`` list.

    Raises
    ------
    UsageError
        Fewer than two items, an entry that selects nothing, a reversed item not among the items.
    """
    if items is None and not item:
        raise UsageError("name the items with --items (comma list, ranges, globs) or --item",
                         code="items_not_named")  # fmt: skip
    from servqual_cli.io.read_text import read_ahead

    # The body is parsed on the other core while this thread loads pandas and the reader
    # (0.3-0.4 s); read_table then takes it instead of parsing again (the same result).
    end = read_ahead(path, encoding, header_row) if sheet is None else None
    try:
        import pandas as pd

        from servqual_cli.io.read import read_table
        from servqual_cli.io.scale_column import parse_scale_column

        table = read_table(path, sheet=sheet, encoding=encoding, header_row=header_row)
    finally:
        if end is not None:
            end()
    where = (table.source, table.sheet)
    try:
        names = select_columns(items, item, table.columns, "--items", *where)
    except UsageError as exc:  # garbled names from a wrong decoding: say so
        if exc.code in NAMES_FOUND:  # its names were read right: no advice (review 14 #12)
            raise
        raise UsageError(
            exc.message + encoding_advice(table) + sheet_advice(table),
            exc.location,
            code=exc.code,
            facts={**exc.facts, **advice_facts(table)},
        ) from exc
    if len(names) < 2:
        raise UsageError(f"--items needs at least two columns, got {', '.join(names)!r}",
                         code="items_too_few", facts={"got": ", ".join(names)})  # fmt: skip
    rev = select_columns(reverse, (), table.columns, "--reverse", *where) if reverse else []
    stray = [r for r in rev if r not in names]
    if stray:
        raise UsageError(f"--reverse names {stray[0]!r}, which is not in --items",
                         code="reverse_not_in_items", facts={"name": stray[0]})  # fmt: skip
    from servqual_cli.io.no_answer_rows import drop_no_answer_rows

    # a row with no answer in any item is no respondent: not counted, its blanks not either
    table, no_answer = drop_no_answer_rows(table, names)
    index = ColumnIndex(table.columns, table.source, table.sheet)
    positions = [index.find(n) for n in names]
    log = ExclusionLog(table.source, table.sheet)
    log.show_codes(table.declared_shown)  # SPSS: "99 (Vet ej)" in --excluded, not "Vet ej"
    bounds = scale or (-np.inf, np.inf)
    # pandas' own layout for a float frame: one (items x rows) block, so the frame below takes
    # it without a copy and the core sees column-major (rows x items) values.
    block = np.empty((len(names), len(table.row_numbers)), dtype=float)
    for j, (name, pos) in enumerate(zip(names, positions, strict=True)):
        if pos is None:  # not user input: select_columns returned the table's own names
            raise RuntimeError(f"internal: column {name!r} vanished")
        cells, own = None, tuple(missing)
        if table.codes or table.user_missing:  # SPSS: by its codes, as gap reads it (session
            # 18: a labelled 7 was "not a valid value" and a declared 98 "blank")
            from servqual_cli.io.item_roles import spss_cells

            cells, own = spss_cells(table, name, pos, missing)
        # codes=: the option's cells are "missing code" (missing_code), as gap and reliability
        # call theirs, not "declared missing" (an instrument's or SPSS's own: session 18)
        parse_scale_column(table, pos, bounds, None, own, log=log, out=block[j], column=cells,
                           codes=missing)  # fmt: skip
    file_codes: tuple[tuple[str, str, int], ...] = ()
    if missing and (table.codes or table.user_missing):
        from servqual_cli.io.item_roles import file_missing_codes

        file_codes = file_missing_codes(table, names, missing)
    if scale is None:  # answers in words need a scale, not "no variance" (review 11, finding 2)
        refuse_text_answers(block, names, log, where)
    empty = np.flatnonzero(np.isnan(block).all(axis=1))
    if len(empty):
        raise DataError(
            "no numeric value in the whole column",
            Location(table.source, table.sheet, None, names[int(empty[0])]),
            code="no_numeric_value",
        )
    if strict:
        log.raise_if_strict()
    duplicates = find_duplicates(table, [block.T], names)  # before reversal: as answered
    rev_range: tuple[float, float] | None = None
    if rev:
        if scale is not None:
            rev_range = scale
        else:
            rev_range = (float(np.nanmin(block)), float(np.nanmax(block)))
        for r in rev:
            j = names.index(r)
            block[j] = rev_range[0] + rev_range[1] - block[j]
    frame = pd.DataFrame(block.T, columns=pd.Index(names, dtype=object), copy=False)
    return ItemSet(frame, len(frame), log.counts(), None, rev_range,  # type: ignore[arg-type]
                   table.describe(), tuple(rev), exclusion_log=log,
                   duplicates=duplicates, no_answer_rows=no_answer,
                   file_codes=file_codes)  # fmt: skip
