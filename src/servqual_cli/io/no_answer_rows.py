"""Rows with no answer in any E or P item, left out when a survey is read (review 15, finding 9;
session 18: one respondent count per file).

A row with an id, a unit or a weight but every item cell blank is in no result. Counted as a
respondent, it made one file show two counts: ``gap`` left it out of "Respondents" in its
section builder while the report's "bygger på N svarande", gap's JSON ``n_rows``, reliability
and the items counted it (164 against 163). :func:`drop_no_answer_rows` takes such rows off the
table before any cell is parsed (as :mod:`servqual_cli.io.summary_rows` does for a trailing
"Summa" row), so every result and renderer counts the same rows; the rows are kept on
:attr:`~servqual_cli.io.survey.SurveyData.no_answer_rows`, named once beside the count and
listed in ``--excluded`` (reason :data:`REASON`, one entry per row, no column:
:func:`with_no_answer_rows`).

A "Vet ej" or a missing code is an answer: a respondent who answered "Vet ej" throughout is
still one; so is an SPSS code declared missing (read blank, kept in ``user_missing``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.io.raw_table import RawTable

__all__ = ["REASON", "drop_no_answer_rows", "no_answer_mask", "with_no_answer_rows"]

# The reason of such a row in the ``--excluded`` list: one entry per row, as a summary row's.
REASON = "no_answer_row"


def no_answer_mask(table: RawTable, names: Sequence[str]) -> np.ndarray:
    """Per row of ``table``: every cell of the columns ``names`` is blank (no answer given).

    >>> import pandas as pd
    >>> from servqual_cli.io.raw_table import RawTable
    >>> frame = pd.DataFrame({"id": [1, 2, 3], "E1": [4, None, "Vet ej"], "P1": ["", " ", None]})
    >>> t = RawTable(frame, "a.csv", None, 1, np.array([2, 3, 4]), "")
    >>> no_answer_mask(t, ["E1", "P1"]).tolist()
    [False, True, False]

    Row 3's E1 an SPSS code declared missing (read blank, kept in ``user_missing``): an answer.

    >>> t = dataclasses.replace(t, user_missing={"E1": pd.Series([None, "99", None])})
    >>> no_answer_mask(t, ["E1", "P1"]).tolist()
    [False, False, False]
    """
    from servqual_cli.io.columns import ColumnIndex

    index = ColumnIndex(table.columns, table.source, table.sheet)
    positions = [p for p in (index.find(n) for n in names) if p is not None]
    none = np.zeros(len(table.row_numbers), dtype=bool)
    if not positions:
        return none
    none[:] = True
    declared = getattr(table, "user_missing", None) or {}
    for p in positions:  # a loop over the item columns; each column is vectorised
        blank = _blank_cells(table, p)
        codes = declared.get(table.columns[p])
        if codes is not None:  # a declared missing code is an answer (review 16, finding 6)
            blank &= codes.isna().to_numpy(dtype=bool)
        none &= blank
    return none


def _blank_cells(table: RawTable, position: int) -> np.ndarray:
    """One column's blank cells, from the encoded codes when the reader kept them."""
    encoded = table.encoded_column(position)
    if encoded is not None and table.__dict__.get("frame") is None:
        return np.asarray(encoded.blank_cells(), dtype=bool).copy()
    import pandas as pd

    from servqual_cli.io.rows import blank_mask

    column = table.column(position).reset_index(drop=True)
    return blank_mask(pd.DataFrame({0: column}))[:, 0].copy()


def drop_no_answer_rows(table: RawTable, names: Sequence[str]) -> tuple[RawTable, tuple[int, ...]]:
    """``table`` without its rows that have no answer in the columns ``names``, and those rows'
    numbers in the file; the same table and ``()`` when there are none.

    >>> import pandas as pd
    >>> from servqual_cli.io.raw_table import RawTable
    >>> frame = pd.DataFrame({"id": [1, 2, 3], "E1": [4, None, 5], "P1": [3, "", 4]})
    >>> t, rows = drop_no_answer_rows(RawTable(frame, "a.csv", None, 1, np.array([2, 3, 4]), ""),
    ...                               ["E1", "P1"])
    >>> rows, t.row_numbers.tolist(), t.frame["id"].tolist()
    ((3,), [2, 4], [1, 3])
    """
    none = no_answer_mask(table, names)
    if not none.any() or none.all():  # all rows blank: the item check names the empty columns
        return table, ()
    rows = tuple(int(r) for r in np.asarray(table.row_numbers)[none].tolist())
    return _take(table, ~none), rows


def _take(table: RawTable, keep: np.ndarray) -> RawTable:
    """``table``'s rows where ``keep``, the encoded columns kept encoded (their distinct texts
    cut to those still used), the SPSS codes and user-missing cells row for row."""
    changes: dict[str, Any] = {"row_numbers": np.asarray(table.row_numbers)[keep]}
    if table.encoded is not None and table.__dict__.get("frame") is None:
        from servqual_cli.io.encoded import EncodedTable

        enc = table.encoded
        changes["encoded"] = EncodedTable(enc.names, tuple(c.subset(keep) for c in enc.columns))
        changes["frame"] = None  # still built from the encoded columns only when read
        return dataclasses.replace(table, **changes)
    changes["frame"] = table.frame.iloc[keep].reset_index(drop=True)

    def rows_of(series: dict[str, pd.Series]) -> dict[str, pd.Series]:
        return {k: v.iloc[keep].reset_index(drop=True) for k, v in series.items()}

    if table.codes:
        changes["codes"] = rows_of(table.codes)
    if table.user_missing:
        changes["user_missing"] = rows_of(table.user_missing)
    return dataclasses.replace(table, **changes)


def with_no_answer_rows(frame: pd.DataFrame, rows: Sequence[int]) -> pd.DataFrame:
    """The excluded cells ``frame`` (row, column, value, reason) with one entry per row of
    ``rows`` left out with no answer (no column, no value: none of its cells was read), by row.

    >>> import pandas as pd
    >>> cells = pd.DataFrame({"row": [3, 9], "column": ["E1", "P2"], "value": ["x", ""],
    ...                       "reason": ["unparseable", "blank"]})
    >>> with_no_answer_rows(cells, [6]).values.tolist()
    [[3, 'E1', 'x', 'unparseable'], [6, '', '', 'no_answer_row'], [9, 'P2', '', 'blank']]
    """
    if not len(rows):
        return frame
    import pandas as pd

    n = len(rows)
    entries = pd.DataFrame({"row": list(rows), "column": [""] * n, "value": [""] * n,
                            "reason": [REASON] * n})  # fmt: skip
    both = pd.concat([frame, entries], ignore_index=True) if len(frame) else entries
    return both.sort_values(["row"], kind="stable").reset_index(drop=True)
