"""Group labels from a ``--by`` column (or a background column), and two-way groups "a × b".

Shared by the survey loader (:func:`servqual_cli.io.survey.load_survey`), the toolbox loader
(:func:`servqual_cli.io.role_data.load_roles`) and ``gap --by A,B`` / ``--profile``
(:mod:`servqual_cli.cli.gap_toolbox`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.io.cells import excel_error_mask
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable, blank_mask

__all__ = ["combine_groups", "group_cells", "group_label", "labels_of", "survey_groups"]


def group_label(value: object) -> str:
    """A cell as a group name: whole floats without ".0", text stripped.

    >>> group_label(3.0), group_label(" Skola ")
    ('3', 'Skola')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def group_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The one rule for a grouping cell: (group names as an object array, None where the cell
    gives no group; per cell the reason, ``blank`` or ``excel_error``, or None).

    A blank and a spreadsheet error value ("#N/A", "#DIV/0!", "Err:502") are no group: such a
    respondent is in the totals, in no group table, counted as without a value in the column
    and as an excluded cell. ``gap``, ``reliability``, ``tolerance``, ``items``,
    ``knowledge-gap`` and ``--by A,B`` all read their groups through here.

    >>> labels, why = group_cells(pd.Series([1.0, "", " K", "#N/A", "#DIV/0!"], dtype=object))
    >>> labels.tolist(), why.tolist()
    (['1', None, 'K', None, None], [None, 'blank', None, 'excel_error', 'excel_error'])
    """
    blank = blank_mask(column.to_frame())[:, 0]
    labels = np.array(column.map(group_label).to_numpy(dtype=object), dtype=object)
    reasons = np.full(len(blank), None, dtype=object)
    reasons[blank] = "blank"
    # "#N/A" is no group: an excel_error exclusion (tested on the trimmed label, so " #N/A "
    # too, as an answer cell's error value is)
    error = excel_error_mask(pd.Series(labels, dtype=object)) & ~blank
    reasons[error] = "excel_error"
    labels[blank | error] = None
    return labels, reasons


def labels_of(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(group names as an object array with None where no group, the no-group mask), by
    :func:`group_cells`.

    >>> labels, none = labels_of(pd.Series([1.0, "", " K", "#N/A"], dtype=object))
    >>> labels.tolist(), none.tolist()
    (['1', None, 'K', None], [False, True, False, True])
    """
    labels, reasons = group_cells(column)
    return labels, pd.notna(reasons)


def combine_groups(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Two-way groups "a × b"; None where either is None (a respondent in no group).

    >>> combine_groups(np.array(["K", "M", None], dtype=object),
    ...                np.array(["N", None, "S"], dtype=object)).tolist()
    ['K × N', None, None]
    """
    a, b = pd.Series(first, dtype=object), pd.Series(second, dtype=object)
    combined = np.array((a.astype(str) + " × " + b.astype(str)).to_numpy(dtype=object))
    combined[(a.isna() | b.isna()).to_numpy()] = None
    return combined


def survey_groups(table: RawTable, pos: int, log: ExclusionLog) -> np.ndarray:
    """The survey's ``--by`` column's group labels (None where blank or a spreadsheet error),
    logged.

    An encoded column (fast CSV path) is labelled once per distinct text."""
    encoded = table.encoded_column(pos)
    col = pd.Series(encoded.uniques, dtype=object) if encoded else table.column(pos)
    groups, group_reasons = group_cells(col)
    name = table.columns[pos]
    if encoded is not None:
        log.add_coded(table.row_numbers, name, encoded.codes, encoded.uniques, group_reasons)
        return groups[encoded.codes]
    log.add(table.row_numbers, name, col.to_numpy(dtype=object), group_reasons)
    return groups
