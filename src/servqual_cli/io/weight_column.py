"""A survey-weight column of a loaded survey, and columns that look like one but are unused.

A calibration weight (Statistics Sweden ships ``Vikt``) changes every estimate; a report that
ignores one describes the sample, not the population, and says so (review 3, finding 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from servqual_cli.errors import DataError, Location, UsageError

if TYPE_CHECKING:
    from servqual_cli.io.survey import SurveyData

__all__ = ["looks_like_weight", "read_weight_column", "unused_weight_columns"]

# vikt, vikter, Vikt_2025, weight, weights, svyweight, w_kalib ... (case-insensitive); not
# "viktighet" (importance, the instrument's W columns under another name)
_WEIGHT = re.compile(r"^(?:.*vikt(?!ig).*|.*weight.*|w_.+)$", re.IGNORECASE)


def looks_like_weight(name: str) -> bool:
    """Whether a column name reads as a survey weight (``vikt``, ``weight``, ``w_*``).

    >>> names = ("Vikt", "kalibreringsvikt", "WEIGHT", "w_cal", "W1", "Tjänst", "Viktighet1")
    >>> [looks_like_weight(n) for n in names]
    [True, True, True, True, False, False, False]
    """
    return bool(_WEIGHT.match(str(name).strip()))


def unused_weight_columns(columns: Sequence[str], used: Iterable[str | None] = ()) -> list[str]:
    """Columns that look like survey weights and are not ``used`` (importance weights W1-W5
    and the weight column in use are left out by the caller through ``used``).

    >>> unused_weight_columns(["Tjänst", "E1", "Vikt", "W1"], used=["W1"])
    ['Vikt']
    >>> unused_weight_columns(["Vikt"], used=["vikt"])
    []
    """
    taken = {str(u).strip().casefold() for u in used if u}
    return [c for c in columns if looks_like_weight(c) and str(c).strip().casefold() not in taken]


def read_weight_column(data: SurveyData, name: str, key: str) -> tuple[np.ndarray, str]:
    """The column ``name`` of the survey as weights (NaN where blank or not a number).

    ``key`` names the option or config key in messages (``survey.weight_column``). A missing
    column is bad usage (exit 2), a negative weight or no number at all bad data (exit 1), each
    naming file, sheet, row and column.
    """
    from servqual_cli.io.columns import ColumnIndex
    from servqual_cli.io.values import parse_scale_values

    table = data.table
    pos = ColumnIndex(table.columns, table.source, table.sheet).find(name)
    if pos is None:
        raise UsageError(
            f"{key} column {name!r} is not in the file (it has: {', '.join(table.columns[:12])})",
            Location(table.source, table.sheet, None, name),
            code="option_column_missing",
            facts={"option": key, "column": name, "columns": tuple(table.columns[:12])},
        )
    real = table.columns[pos]
    values, _ = parse_scale_values(table.column(pos), (-np.inf, np.inf))
    if np.isnan(values).all():
        raise DataError(
            "no numeric value in the whole column",
            Location(table.source, table.sheet, None, real),
            code="no_numeric_value",
        )
    if np.any(values < 0):
        row = int(table.row_numbers[int(np.flatnonzero(values < 0)[0])])
        raise DataError("negative survey weight", Location(table.source, table.sheet, row, real),
                        code="negative_weight")  # fmt: skip
    return values, real
