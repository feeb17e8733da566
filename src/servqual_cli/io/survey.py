"""Turn a :class:`RawTable` into SERVQUAL item matrices, using an :class:`Instrument`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.instruments.model import Instrument
from servqual_cli.io.cells import excel_error_mask
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable, blank_mask
from servqual_cli.io.values import DONT_KNOW, NOT_AVAILABLE, fold, parse_scale_values


@dataclass(frozen=True)
class SurveyData:
    """A cleaned survey.

    Attributes
    ----------
    expectation, perception : ndarray (n_rows, n_items)
        Scores in the instrument's item order, reverse-scored, NaN where missing or excluded.
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
        Every excluded cell: row, column, value, reason.
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

    @property
    def n_rows(self) -> int:
        return int(self.expectation.shape[0])


def load_survey_file(
    path: str,
    instrument: str | None,
    by: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    strict: bool = False,
) -> SurveyData:
    """Read ``path`` and clean it with the instrument named by ``instrument`` (built-in name,
    TOML path or None for pzb1991): the loading step every survey command and report shares."""
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.read import read_table

    inst = load_instrument(instrument)
    table = read_table(path, sheet=sheet, encoding=encoding, header_row=header_row)
    return load_survey(table, inst, by=by, strict=strict)


def load_survey(
    table: RawTable, instrument: Instrument, by: str | None = None, strict: bool = False
) -> SurveyData:
    """Find, parse and reverse-score the instrument's columns; log every excluded cell.

    Raises
    ------
    DataError
        A column the instrument needs is missing or duplicated; the ``--by`` column is missing;
        an item column holds no valid value at all; with ``strict``, any wrong value.
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    item_numbers = instrument.items
    e_names = [instrument.expectation_column(i) for i in item_numbers]
    p_names = [instrument.perception_column(i) for i in item_numbers]
    # One lookup for E and P together, so the error lists every missing column at once.
    positions_all = index.require(e_names + p_names, f"instrument {instrument.name!r}")
    e_pos, p_pos = positions_all[: len(e_names)], positions_all[len(e_names) :]
    log = ExclusionLog(table.source, table.sheet)
    rows = table.row_numbers
    lo, hi = instrument.scale

    def parse(pos: int) -> np.ndarray:
        name = table.columns[pos]
        col = _with_spss_codes(table, name, table.frame.iloc[:, pos])
        values, reasons = parse_scale_values(col, (lo, hi), instrument.labels, instrument.missing)
        log.add(rows, name, table.frame.iloc[:, pos].to_numpy(dtype=object), reasons)
        _reject_wrong_column(values, reasons, table, name)
        return values

    e = np.column_stack([parse(i) for i in e_pos]) if e_pos else np.empty((len(rows), 0))
    p = np.column_stack([parse(i) for i in p_pos]) if p_pos else np.empty((len(rows), 0))
    if e.size and np.isnan(p - e).all():
        raise DataError(
            "no respondent has a valid expectation/perception pair after cleaning "
            f"(see the excluded cells: {', '.join(f'{k} {v}' for k, v in log.counts().items())})",
            Location(table.source, table.sheet),
        )
    # Negatively worded items (PZB 1988) are reversed before anything else: min + max - x.
    rev = [k for k, item in enumerate(item_numbers) if item in set(instrument.reverse)]
    if rev:
        e[:, rev] = lo + hi - e[:, rev]
        p[:, rev] = lo + hi - p[:, rev]

    weights = _weights(table, index, instrument, log)
    groups = None
    if by is not None:
        pos = index.find(by)
        if pos is None:
            raise UsageError(
                f"--by column {by!r} is not in the file (it has: {', '.join(table.columns[:12])})",
                Location(table.source, table.sheet, None, by),
            )
        col = table.frame.iloc[:, pos]
        blank = blank_mask(col.to_frame())[:, 0]
        groups = col.map(_group_label).to_numpy(dtype=object)
        groups[blank] = None
        group_reasons = np.full(len(blank), None, dtype=object)
        group_reasons[blank] = "blank"
        error = excel_error_mask(col)  # "#N/A" is no group: an excel_error exclusion
        groups[error] = None
        group_reasons[error] = "excel_error"
        log.add(rows, table.columns[pos], col.to_numpy(dtype=object), group_reasons)
    if strict:
        log.raise_if_strict()
    positions: dict[str, list[int]] = {}
    k = 0
    for dim, items in instrument.dimensions.items():
        positions[dim] = list(range(k, k + len(items)))
        k += len(items)
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
        exclusions=log.to_frame(),
    )


def _group_label(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _with_spss_codes(table: RawTable, name: str, column: pd.Series) -> pd.Series:
    """For labelled SPSS columns use the numeric codes, except codes labelled as "no answer"."""
    if name not in table.codes:
        return column
    codes = table.codes[name]
    labels = table.value_labels.get(name, {})
    missing_codes = {k for k, v in labels.items() if fold(v) in DONT_KNOW | NOT_AVAILABLE}
    out = codes.astype(object)
    is_missing = codes.isin(missing_codes).to_numpy(dtype=bool)
    out[is_missing] = column[is_missing]
    return out


def _reject_wrong_column(
    values: np.ndarray, reasons: np.ndarray, table: RawTable, name: str
) -> None:
    """A column with no valid answer and wrong values in it is the wrong column (or scale).

    A column that is merely empty (all blank or "Vet ej") is kept: its cells are missing and
    counted, and the half-of-the-items rule decides what the respondents' scores can use.
    """
    if len(values) == 0 or not np.isnan(values).all():
        return
    wrong = np.isin(reasons.astype(str), ["unparseable", "out_of_range"])
    if wrong.any():
        first = int(np.flatnonzero(wrong)[0])
        value = table.frame[name].iloc[first] if name in table.frame else None
        raise DataError(
            f"no valid answer in the whole column (e.g. {value!r} in row "
            f"{int(table.row_numbers[first])}: not a number on the scale or a known label)",
            Location(table.source, table.sheet, None, name),
        )


def _weights(
    table: RawTable, index: ColumnIndex, instrument: Instrument, log: ExclusionLog
) -> np.ndarray | None:
    """Importance weights: all of W1..Wd present -> matrix; none -> None; some -> error."""
    if instrument.weights is None:
        return None
    names = [instrument.weight_column(i + 1) or "" for i in range(len(instrument.dimensions))]
    found = [index.find(n) for n in names]
    if all(f is None for f in found):
        return None
    if any(f is None for f in found):
        missing = [n for n, f in zip(names, found, strict=True) if f is None]
        raise DataError(
            f"importance weights are incomplete: {', '.join(missing)} missing "
            f"(needs one column per dimension: {', '.join(names)})",
            Location(table.source, table.sheet),
        )
    cols = []
    for pos in [f for f in found if f is not None]:
        raw = table.frame.iloc[:, pos]
        values, reasons = parse_scale_values(raw, (0.0, np.inf))
        reasons = np.where(reasons == "out_of_range", "invalid_weight", reasons)
        log.add(table.row_numbers, table.columns[pos], raw.to_numpy(dtype=object), reasons)
        cols.append(values)
    return np.column_stack(cols)
