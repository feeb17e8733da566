"""Turn a :class:`RawTable` into SERVQUAL item matrices, using an :class:`Instrument`.

The item columns are parsed by :func:`servqual_cli.io.item_roles.parse_roles` (shared with the
toolbox's :mod:`servqual_cli.io.role_data`), the ``--by`` groups by
:func:`servqual_cli.io.groups.survey_groups`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from servqual_cli.errors import ConfigError, DataError, Location, UsageError
from servqual_cli.instruments.model import Instrument
from servqual_cli.instruments.resolve import find_role_columns, given_encoding, resolve_roles
from servqual_cli.io.columns import ColumnIndex, advice_facts, encoding_advice, sheet_advice
from servqual_cli.io.duplicates import DuplicateRows, role_duplicates
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.groups import survey_groups
from servqual_cli.io.item_roles import column_position, parse_roles
from servqual_cli.io.lazy import lazy_field
from servqual_cli.io.read import RawTable
from servqual_cli.io.scale_column import parse_scale_column
from servqual_cli.io.scale_use import ScaleUse, instrument_scale_use


@dataclass(frozen=True)
class SurveyData:
    """A cleaned survey.

    Attributes
    ----------
    expectation, perception : ndarray (n_rows, n_items)
        Scores in the instrument's item order, reverse-scored, NaN where missing or excluded.
        For a perception-only instrument (``instrument.perception_only``) the expectation
        array is all NaN and only ``servqual gap`` (SERVPERF) accepts it.
    items : tuple of str
        Item labels (the item numbers as text), one per column.
    dimension_positions : dict
        Dimension -> column positions in the item arrays.
    weights : ndarray (n_rows, n_dimensions) or None
        Importance points, when the instrument has weights and the file has the columns.
    groups : ndarray of object or None
        The ``--by`` column's values (None where blank).
    excluded : dict
        Reason -> number of cells excluded.
    exclusions : DataFrame
        Every excluded cell: row, column, value, reason; built from ``exclusion_log`` when
        first read (``--excluded``, ``--strict``), as the counts in ``excluded`` need no list.
    columns : dict
        Role -> {item number -> column name as written in the file}, for the roles used.
    exclusion_log : ExclusionLog or None
        The record ``exclusions`` is built from.
    no_answer_rows : tuple of int
        The file rows with no answer in any E or P item, left out before any cell was read
        (:mod:`servqual_cli.io.no_answer_rows`): in no array here, so ``n_rows`` and every
        result count the same respondents; ``exclusions`` lists them, one entry per row.
    """

    table: RawTable
    instrument: Instrument
    expectation: np.ndarray
    perception: np.ndarray
    items: tuple[str, ...]
    dimension_positions: dict[str, list[int]]
    weights: np.ndarray | None
    groups: np.ndarray | None
    by: str | None
    excluded: dict[str, int]
    exclusions: pd.DataFrame
    columns: dict[str, dict[int, str]]
    exclusion_log: ExclusionLog | None = field(default=None, repr=False, compare=False)
    scale_use: ScaleUse | None = None  # set when no answer reaches an end of the scale
    duplicates: DuplicateRows | None = None  # rows repeating an earlier row (review 2 23h)
    no_answer_rows: tuple[int, ...] = ()  # rows with no item answer, left out (session 18)

    @property
    def n_rows(self) -> int:
        return int(self.expectation.shape[0])


def _exclusions(data: SurveyData) -> pd.DataFrame:
    """The excluded cells, then one entry per row left out with no answer (its cells unread)."""
    from servqual_cli.io.no_answer_rows import with_no_answer_rows

    frame = data.exclusion_log.to_frame()  # type: ignore[union-attr]  # set by load_survey
    return with_no_answer_rows(frame, data.no_answer_rows)


lazy_field(SurveyData, "exclusions", _exclusions)


def rows_without_answers(data: SurveyData) -> list[int]:
    """The file rows of ``data`` whose every E and P item cell is blank: left out when the
    survey was read (:mod:`servqual_cli.io.no_answer_rows`), so not counted as respondents
    (review 15, finding 9: a blank "Summa" row or an id alone made "Svarande" one too many).
    A "Vet ej" or a missing code is an answer: a respondent who answered "Vet ej" throughout
    is still one.

    >>> from types import SimpleNamespace
    >>> rows_without_answers(SimpleNamespace(no_answer_rows=(3, 7)))
    [3, 7]
    """
    return list(getattr(data, "no_answer_rows", ()))


def load_survey_file(
    path: str,
    instrument: str | None,
    by: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    strict: bool = False,
    perception_only_ok: bool = False,
    missing_codes: Sequence[str] = (),
) -> SurveyData:
    """Read ``path`` and clean it with the instrument named by ``instrument`` (built-in name,
    TOML path or None for pzb1991): the loading step every survey command and report shares.

    A perception-only instrument is refused unless ``perception_only_ok`` (``servqual gap``,
    which then reports SERVPERF). ``missing_codes`` (``--missing-codes``) are no answer too,
    with the instrument's ``missing`` (:func:`~servqual_cli.io.item_roles.parse_roles`)."""
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.read import read_table

    inst = load_instrument(instrument)
    _check_expectation(inst, perception_only_ok, instrument)
    table = read_table(path, sheet=sheet, encoding=encoding, header_row=header_row)
    return load_survey(table, inst, by=by, strict=strict, perception_only_ok=perception_only_ok,
                       missing_codes=missing_codes)  # fmt: skip


def _check_expectation(inst: Instrument, ok: bool, source: str | None) -> None:
    if inst.perception_only and not ok:
        raise ConfigError(
            f"instrument {inst.name!r} has no 'expectation' columns (perception only): this "
            "command needs expectations; `servqual gap` reports SERVPERF for such an instrument",
            Location(source),
            code="instrument_perception_only",
            facts={"name": inst.name},
        )


def load_survey(
    table: RawTable,
    instrument: Instrument,
    by: str | None = None,
    strict: bool = False,
    perception_only_ok: bool = False,
    missing_codes: Sequence[str] = (),
) -> SurveyData:
    """Find, parse and reverse-score the instrument's columns; log every excluded cell.

    Raises
    ------
    DataError
        A column the instrument needs is missing or duplicated; the ``--by`` column is missing;
        an item column holds no valid value at all; with ``strict``, any wrong value.
    """
    _check_expectation(instrument, perception_only_ok, None)
    index = ColumnIndex(table.columns, table.source, table.sheet)
    item_numbers = instrument.items
    roles = ("perception",) if instrument.perception_only else ("expectation", "perception")
    # One lookup for E and P together, so the error lists every missing column at once.
    try:
        resolved = resolve_roles(instrument, roles, table.columns, table.source, table.sheet,
                                 given_encoding(table))  # fmt: skip
    except DataError as exc:  # garbled names from a wrong decoding: say so
        raise DataError(
            exc.message + encoding_advice(table) + sheet_advice(table),
            exc.location,
            code=exc.code,
            facts={**exc.facts, **advice_facts(table)},
        ) from exc
    from servqual_cli.io.no_answer_rows import drop_no_answer_rows

    # rows with no item answer left out before any cell is read: one respondent count for
    # every result and renderer (session 18; review 15, finding 9)
    items = [n for role in roles for n in resolved.get(role, {}).values()]
    table, no_answer = drop_no_answer_rows(table, items)
    log = ExclusionLog(table.source, table.sheet)
    # Perception first: its cells are logged (and checked) before the expectations'.
    matrices = parse_roles(table, instrument, resolved, roles[::-1], log, missing_codes)
    p = matrices["perception"]
    e = matrices.get("expectation")
    if e is None:
        e = np.full(p.shape, np.nan, order="F")
    elif e.size and _no_pair(e, p):
        raise DataError(
            "no respondent has a valid expectation/perception pair after cleaning "
            f"(see the excluded cells: {', '.join(f'{k} {v}' for k, v in log.counts().items())})",
            Location(table.source, table.sheet),
            code="no_valid_pair_counts",
            facts={"counts": tuple(log.counts().items())},
        )

    weights, weight_columns = _weights(table, index, instrument, log)
    if weight_columns:
        resolved["weights"] = weight_columns
    groups = None
    if by is not None:
        pos = index.find(by)
        if pos is None:
            raise ByColumnError(
                by, _near(by, table.columns), encoding_advice(table) + sheet_advice(table), table,
                facts=_near_facts(by, table.columns) | advice_facts(table),
            )  # fmt: skip
        groups = survey_groups(table, pos, log)
    if strict:
        log.raise_if_strict()
    positions = instrument.dimension_positions
    return SurveyData(
        table=table,
        instrument=instrument,
        expectation=e,
        perception=p,
        items=tuple(str(i) for i in item_numbers),
        dimension_positions=positions,
        weights=weights,
        groups=groups,
        by=None if by is None else table.columns[index.find(by) or 0],
        excluded=log.counts(),
        exclusions=None,  # type: ignore[arg-type]  # built from the log when first read
        columns=resolved,
        exclusion_log=log,
        scale_use=instrument_scale_use(matrices, instrument, table.source),
        duplicates=role_duplicates(table, matrices, resolved),
        no_answer_rows=no_answer,
    )


def _no_pair(e: np.ndarray, p: np.ndarray) -> bool:
    """No cell has both an expectation and a perception (one item at a time, no n x k copy)."""
    return all(np.isnan(p[:, k] - e[:, k]).all() for k in range(e.shape[1]))


class ByColumnError(UsageError):
    """The grouping column is not in the survey file. Its facts are kept (``column``, ``near``:
    the closest names or the first columns, ``advice``: encoding and sheet hints, ``source``),
    so a caller that took ``by`` from elsewhere (a report's ``survey.by``) can name that key in
    its own message; the message here names the ``--by`` option.
    """

    def __init__(
        self,
        column: str,
        near: str,
        advice: str,
        table: RawTable,
        facts: dict[str, object] | None = None,
    ) -> None:
        super().__init__(
            f"--by column {column!r} is not in the file ({near}){advice}",
            Location(table.source, table.sheet, None, column),
            code="by_column_missing",
            facts={"column": column, **(facts or {})},
        )
        self.column, self.near, self.advice, self.source = column, near, advice, table.source


def _near_facts(name: str, columns: list[str]) -> dict[str, object]:
    """What :func:`_near` says, as facts: the closest names, else the first columns."""
    from servqual_cli.io.selection import closest

    return {"closest": tuple(closest(name, columns)), "columns": tuple(columns[:12]),
            "n_columns": len(columns)}  # fmt: skip


def _near(name: str, columns: list[str]) -> str:
    """``closest: ...`` when some column is like ``name``, else the first columns."""
    from servqual_cli.io.selection import closest

    near = closest(name, columns)
    if near:
        return f"closest: {', '.join(near)}"
    return f"it has: {', '.join(columns[:12])}" + (" ..." if len(columns) > 12 else "")


def _weights(
    table: RawTable, index: ColumnIndex, instrument: Instrument, log: ExclusionLog
) -> tuple[np.ndarray | None, dict[int, str]]:
    """Importance weights: all of W1..Wd present -> matrix; none -> None; some -> error."""
    if instrument.weights is None:
        return None, {}
    found, missing = find_role_columns(
        instrument, "weights", table.columns, table.source, table.sheet
    )
    if not found:
        return None, {}
    if missing:
        names = [instrument.weight_column(k + 1) for k in range(len(instrument.dimensions))]
        needs = (
            ", ".join(n for n in names if n)
            if all(names)
            else f"the {instrument.weights.describe()}"
        )
        raise DataError(
            f"importance weights are incomplete: {', '.join(missing)} missing "
            f"(needs one column per dimension: {needs})",
            Location(table.source, table.sheet),
            # a described set of weight columns stays English (its words come from the TOML)
            code="weights_incomplete" if all(names) else None,
            facts={"missing": ", ".join(missing), "needs": needs},
        )
    cols = []
    for name in found.values():
        pos = column_position(index, name)
        parsed = parse_scale_column(table, pos, (0.0, np.inf), log=log,
                                    rename={"out_of_range": "invalid_weight"})  # fmt: skip
        cols.append(parsed.values)
    return np.column_stack(cols), found
