"""Load any set of item columns from any file (for ``servqual alpha``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import read_table
from servqual_cli.io.values import parse_scale_values


@dataclass(frozen=True)
class ItemSet:
    """Parsed item scores (reversed where asked) and the record of excluded cells."""

    frame: pd.DataFrame
    n_rows: int
    excluded: dict[str, int]
    exclusions: pd.DataFrame
    reverse_range: tuple[float, float] | None
    input: dict[str, Any] | None = None  # the file as JSON output records it (RawTable.describe)


def load_item_set(
    path: str,
    items: Sequence[str],
    reverse: Sequence[str],
    scale: tuple[float, float] | None,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    strict: bool = False,
) -> ItemSet:
    """Read ``items`` from ``path``; reverse ``reverse`` as ``min + max - x``.

    Without ``scale`` values are not range-checked and reversal uses the observed minimum and
    maximum over all the items (as R ``psych::alpha`` does with ``keys``).
    """
    repeated = sorted({i for i in items if list(items).count(i) > 1})
    if repeated:
        raise UsageError(f"--items names {repeated[0]!r} twice; list each item once")
    stray = [r for r in reverse if r not in items]
    if stray:
        raise UsageError(f"--reverse names {stray[0]!r}, which is not in --items")
    table = read_table(path, sheet=sheet, encoding=encoding, header_row=header_row)
    index = ColumnIndex(table.columns, table.source, table.sheet)
    try:
        positions = index.require(items, "--items")
    except DataError as exc:  # a name typed in an option: the usage is wrong, not the data
        raise UsageError(exc.message, exc.location) from exc
    log = ExclusionLog(table.source, table.sheet)
    bounds = scale or (-np.inf, np.inf)
    columns = {}
    for name, pos in zip(items, positions, strict=True):
        raw = table.frame.iloc[:, pos]
        values, reasons = parse_scale_values(raw, bounds)
        log.add(table.row_numbers, table.columns[pos], raw.to_numpy(dtype=object), reasons)
        if np.isnan(values).all():
            raise DataError(
                "no numeric value in the whole column",
                Location(table.source, table.sheet, None, table.columns[pos]),
            )
        columns[name] = values
    if strict:
        log.raise_if_strict()
    frame = pd.DataFrame(columns)
    rev_range: tuple[float, float] | None = None
    if reverse:
        if scale is not None:
            rev_range = scale
        else:
            observed = frame.to_numpy(dtype=float)
            rev_range = (float(np.nanmin(observed)), float(np.nanmax(observed)))
        for r in reverse:
            frame[r] = rev_range[0] + rev_range[1] - frame[r]
    return ItemSet(frame, len(frame), log.counts(), log.to_frame(), rev_range, table.describe())
