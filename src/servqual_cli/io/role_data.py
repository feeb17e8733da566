"""Load the item columns of any question sets (roles) of an instrument, for the toolbox commands.

A role is one question set of the instrument: ``expectation``, ``perception`` and, for the zone
of tolerance, ``adequate`` (minimum acceptable service) and ``desired``. Cleaning is the same as
``servqual gap``'s, by the same function (:func:`servqual_cli.io.item_roles.parse_roles`): the
scale's values and labels, "Vet ej" and blanks as missing, every excluded cell counted,
negatively worded items reversed. Optional: a ``--by`` column (or two, ``A,B``: the
combinations, :func:`servqual_cli.io.groups.combine_groups`) and a survey weight column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.instruments.model import ITEM_ROLES, ColumnSpec, Instrument
from servqual_cli.instruments.resolve import find_role_columns, given_encoding, resolve_roles
from servqual_cli.io.columns import ColumnIndex, missing_option_column
from servqual_cli.io.duplicates import DuplicateRows, role_duplicates
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.groups import check_groups, combine_groups, group_cells
from servqual_cli.io.item_roles import parse_roles
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import parse_scale_values
from servqual_cli.io.weight_column import weight_reasons

# Instruments that define no adequate/desired columns (the built-ins) read the conventional
# A1.., D1.. (PZB 1994's three-column format); the output names the columns used.
DEFAULT_SPECS = {
    "adequate": ColumnSpec("pattern", "A{item}"),
    "desired": ColumnSpec("pattern", "D{item}"),
}


def with_default_roles(instrument: Instrument) -> Instrument:
    """``instrument`` with A{item}/D{item} for the adequate/desired roles it leaves undefined."""
    return replace(
        instrument,
        adequate=instrument.adequate or DEFAULT_SPECS["adequate"],
        desired=instrument.desired or DEFAULT_SPECS["desired"],
    )


@dataclass(frozen=True)
class RoleData:
    """Cleaned item matrices per role, in the instrument's item order.

    ``columns`` maps a role to its column names (item order); ``groups`` holds the ``--by``
    labels (None where blank); ``weights`` the survey weights (NaN where missing);
    ``recoded`` the answers read from text, ``(text, value) -> cells`` (review item 13a).
    """

    table: RawTable
    instrument: Instrument
    matrices: dict[str, np.ndarray]
    columns: dict[str, list[str]]
    items: tuple[str, ...]
    dimension_positions: dict[str, list[int]]
    groups: np.ndarray | None
    by: str | None
    weights: np.ndarray | None
    weight_column: str | None
    excluded: dict[str, int]
    exclusions: pd.DataFrame
    recoded: dict[tuple[str, float], int] = field(default_factory=dict)
    group_merges: dict[str, dict[tuple[str, str], int]] = field(default_factory=dict)
    duplicates: DuplicateRows | None = None  # rows repeating an earlier row (review 2 23h)
    # rows with no answer in any item of the roles read, left out before any cell was read
    # (io.no_answer_rows; session 18: the survey loader's rule, one count per file)
    no_answer_rows: tuple[int, ...] = ()

    @property
    def n_rows(self) -> int:
        return len(self.table.row_numbers)


def missing_by_column(exclusions: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Column -> {reason: excluded cells}, from an exclusion log's frame."""
    if exclusions.empty:
        return {}
    counts = exclusions.groupby(["column", "reason"], sort=True).size().reset_index(name="n")
    out: dict[str, dict[str, int]] = {}
    for col, reason, n in counts.itertuples(index=False, name=None):
        out.setdefault(str(col), {})[str(reason)] = int(n)
    return out


def present_roles(table: RawTable, instrument: Instrument) -> list[str]:
    """The item roles with any column in the file (for ``servqual items``)."""
    inst = with_default_roles(instrument)
    return [
        r
        for r in ITEM_ROLES
        if find_role_columns(inst, r, table.columns, table.source, table.sheet)[0]
    ]


def load_roles(
    table: RawTable,
    instrument: Instrument,
    roles: Sequence[str],
    by: str | None = None,
    weight_column: str | None = None,
    strict: bool = False,
) -> RoleData:
    """Parse the item columns of ``roles`` (every missing column is named in one error).

    Raises
    ------
    DataError
        A column is missing or duplicated; an item column has no valid answer but wrong values.
    UsageError
        The ``--by`` or weight column named on the command line is not in the file.
    """
    instrument = with_default_roles(instrument)
    index = ColumnIndex(table.columns, table.source, table.sheet)
    resolved = resolve_roles(instrument, roles, table.columns, table.source, table.sheet,
                             given_encoding(table))  # fmt: skip
    from servqual_cli.io.no_answer_rows import drop_no_answer_rows, with_no_answer_rows

    names = [n for role in roles for n in resolved.get(role, {}).values()]
    table, no_answer = drop_no_answer_rows(table, names)
    log = ExclusionLog(table.source, table.sheet)
    rows = table.row_numbers
    # C order, as before the parsing was shared with the survey loader: the core's sums run
    # in the same order, so every number stays the same to the last bit.
    matrices = {
        role: np.ascontiguousarray(m)
        for role, m in parse_roles(table, instrument, resolved, roles, log).items()
    }

    def locate(name: str, option: str) -> int:
        pos = index.find(name)
        if pos is None:
            raise missing_option_column(table, name, option)
        return pos

    groups = None
    by_name = None
    if by is not None:
        # "A,B": two-way groups, the combinations "a × b"; a blank in either: no group.
        by_names = [b.strip() for b in by.split(",") if b.strip()]
        if not 1 <= len(by_names) <= 2:
            raise UsageError(f"--by takes one column or two (A,B), got {by!r}",
                             code="by_one_or_two_text", facts={"by": by})  # fmt: skip
        parts = []
        for name in by_names:
            by_pos = locate(name, "--by")
            col = table.column(by_pos)
            labels, reasons, merged = group_cells(col)  # blank, "#N/A", "Vet ej": no group
            where = Location(table.source, table.sheet)  # a weight or an id: no groups (r13 #17)
            check_groups(labels, table.columns[by_pos], location=where)
            log.add_group_merges(table.columns[by_pos], merged)
            log.add(rows, table.columns[by_pos], col.to_numpy(dtype=object), reasons)
            parts.append((labels, table.columns[by_pos]))
        groups = parts[0][0]
        for labels, _ in parts[1:]:
            groups = combine_groups(groups, labels)
        by_name = " × ".join(name for _, name in parts)
    weights = None
    w_name = None
    if weight_column is not None:
        w_pos = locate(weight_column, "--weight-column")
        raw = table.column(w_pos)
        weights, reasons = parse_scale_values(raw, (0.0, np.inf))
        w_name = table.columns[w_pos]
        negative = np.flatnonzero(reasons == "out_of_range")
        if negative.size:  # a survey weight is never negative: the column is wrong
            raise DataError(
                f"negative survey weight {raw.iloc[negative[0]]!r}",
                Location(table.source, table.sheet, int(rows[negative[0]]), w_name),
                code="negative_weight_value",
                facts={"value": raw.iloc[negative[0]]},
            )
        log.add(rows, w_name, raw.to_numpy(dtype=object), weight_reasons(reasons))
        if not np.any(weights > 0):
            raise DataError(
                "no positive weight in the whole column",
                Location(table.source, table.sheet, None, w_name),
                code="no_positive_weight",
            )
    if strict:
        log.raise_if_strict()
    return RoleData(
        table=table,
        instrument=instrument,
        matrices=matrices,
        columns={r: [resolved[r][i] for i in instrument.items] for r in roles},
        items=tuple(str(i) for i in instrument.items),
        dimension_positions=instrument.dimension_positions,
        groups=groups,
        by=by_name,
        weights=weights,
        weight_column=w_name,
        excluded=log.counts(),
        exclusions=with_no_answer_rows(log.to_frame(), no_answer),
        recoded=log.recoded(),
        group_merges=log.group_merges(),
        duplicates=role_duplicates(table, matrices, resolved),
        no_answer_rows=no_answer,
    )


def load_roles_file(
    path: str,
    instrument: str | None,
    roles: Sequence[str],
    by: str | None = None,
    weight_column: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    strict: bool = False,
) -> RoleData:
    """Read ``path`` and :func:`load_roles` with the instrument named by ``instrument``."""
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.read import read_table

    inst = load_instrument(instrument)
    table = read_table(path, sheet=sheet, encoding=encoding, header_row=header_row)
    return load_roles(table, inst, roles, by, weight_column, strict)
