"""A survey-weight column of a loaded survey, and columns that look like one but are unused.

A calibration weight (Statistics Sweden ships ``Vikt``) changes every estimate; a report that
ignores one describes the sample, not the population, and says so (review 3, finding 2).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.errors import DataError, Location

if TYPE_CHECKING:
    from servqual_cli.io.survey import SurveyData

__all__ = [
    "BLANK_WEIGHT", "looks_like_weight", "read_weight_column", "unused_weight_columns",
    "weight_reasons", "with_weight_cells",
]  # fmt: skip

# The --excluded reason of a blank weight cell: the respondent's answers count in every
# unweighted result and are left out of the weighted ones only, unlike a blank answer
# (review 15, finding 8). A text weight ("ja") stays "unparseable", counted and named among
# the invalid texts as an item's are.
BLANK_WEIGHT = "blank_weight"

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


def weight_reasons(reasons: np.ndarray) -> np.ndarray:
    """The ``--excluded`` reasons of a weight column's cells (``parse_scale_values``'s, a blank
    as :data:`BLANK_WEIGHT`): each cell without a valid weight is listed.

    >>> weight_reasons(np.array([None, "blank", "unparseable"], dtype=object)).tolist()
    [None, 'blank_weight', 'unparseable']
    """
    out = np.asarray(reasons, dtype=object).copy()
    out[out == "blank"] = BLANK_WEIGHT
    return out


def with_weight_cells(data: SurveyData, name: str, key: str, strict: bool = False) -> SurveyData:
    """``data`` with the cells of its weight column ``name`` that hold no valid weight (blank,
    text such as "ja", "Vet ej") recorded in its exclusion log and counts, so that ``--excluded``
    lists the respondents the weighted estimates leave out and the note counts a text weight
    among the invalid texts (review 15, finding 8: only their number was given). ``strict``:
    ``--strict`` rejects a text weight as it rejects a text answer. The column's errors are
    :func:`read_weight_column`'s.
    """
    import dataclasses

    _, real, reasons, raw = _parsed(data, name, key)
    log = data.exclusion_log
    if log is None:
        return data
    log.add(data.table.row_numbers, real, raw.to_numpy(dtype=object), weight_reasons(reasons))
    if strict:
        log.raise_if_strict()
    # the list is built again from the log when first read (io.survey makes it so too)
    return dataclasses.replace(data, excluded=log.counts(), exclusions=None)  # type: ignore[arg-type]


def read_weight_column(data: SurveyData, name: str, key: str) -> tuple[np.ndarray, str]:
    """The column ``name`` of the survey as weights (NaN where blank or not a number).

    ``key`` names the option or config key in messages (``survey.weight_column``). A missing
    column is bad usage (exit 2), a negative weight or no number at all bad data (exit 1), each
    naming file, sheet, row and column.
    """
    values, real, _, _ = _parsed(data, name, key)
    return values, real


# The parsed weight column of a table, by the table's identity and the column's name: a run
# lists the column's cells (with_weight_cells) and then weights its estimates with it
# (read_weight_column, in up to three places of gap), which parsed the column every time
# (s18). The entry goes with its table (the weakref's callback); a copy of the weights is
# handed out, so no caller changes another's.
_Parsed = tuple[np.ndarray, str, np.ndarray, Any]  # weights, column, reasons, cells as read
_PARSED: dict[tuple[int, str], tuple[weakref.ref[Any], _Parsed]] = {}


def _parsed(data: SurveyData, name: str, key: str) -> _Parsed:
    """:func:`read_weight_column`, each cell's reason (None where a valid weight) and the
    column's cells as read; parsed once per table and column (:data:`_PARSED`)."""
    table = data.table
    slot = (id(table), name)
    hit = _PARSED.get(slot)
    if hit is None or hit[0]() is not table:
        found = _parse(data, name, key)
        _PARSED[slot] = (weakref.ref(table, lambda _: _PARSED.pop(slot, None)), found)
        hit = _PARSED[slot]
    values, real, reasons, raw = hit[1]
    return values.copy(), real, reasons, raw


def _parse(data: SurveyData, name: str, key: str) -> _Parsed:
    """The column ``name`` parsed as weights (:func:`_parsed`), or its error."""
    from servqual_cli.io.columns import ColumnIndex, missing_option_column
    from servqual_cli.io.values import parse_scale_values

    table = data.table
    pos = ColumnIndex(table.columns, table.source, table.sheet).find(name)
    if pos is None:
        raise missing_option_column(table, name, key)
    real = table.columns[pos]
    raw = table.column(pos)
    values, reasons = parse_scale_values(raw, (-np.inf, np.inf))
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
    return values, real, reasons, raw
