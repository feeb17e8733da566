"""A summary row at the bottom of an export ("Medelvärde", "Summa", "Total" ...), left out
(review 9, finding 5).

Excel sheets and survey tools' exports often end in a row of column means or sums: its first
cell says what it is, the rest are numbers. Read as data it is one more respondent (the n is
one too many) and its cells are "not a scale point" or "out of range", which hides what the row
is. :func:`drop_summary_rows` leaves such rows out and records them
(:attr:`~servqual_cli.io.raw_table.RawTable.summary_rows`, the JSON's ``input.summary_rows``);
every command prints one line per row ("row 62 looks like a summary row (Medelvärde): left
out", :mod:`servqual_cli.report.summary_rows`).

**Only trailing rows, and only one shape.** A row is a summary row when

- it is the last data row, or directly above one that is (at most :data:`MAX_ROWS`): a row in
  the middle of the table, such as a respondent named "Summa", is never touched;
- its first non-empty cell is one of :data:`WORDS` (case, spaces and a final ":" ignored), and
  every other non-empty cell is a number (a number, or text such as ``5,45``, ``−0.3``,
  ``1 200`` or ``45 %``), with at least one number; or every other cell is empty (an export
  that left its sums blank, review 15, finding 9: read as data, such a row was one more
  respondent, with no answer), a count word excepted;
- that first cell's text occurs in no other row of its column (a group column whose value is
  "Total" for many respondents is data, not a label).

The check looks at the last rows' cells only (and one column's codes); the rows are taken off
the frame, or off the fast CSV reader's encoded columns, without building anything else.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Number
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from servqual_cli.io.raw_table import RawTable

__all__ = [
    "COUNT_WORDS",
    "HEADER",
    "HEADER_REASON",
    "MAX_ROWS",
    "REASON",
    "WORDS",
    "SummaryRow",
    "drop_summary_rows",
    "summary_label",
    "summary_row_entries",
]

# The labels of a summary row, folded (lower case): Swedish and English spreadsheet words.
# The count words (review 11, finding 4: Esmaker's and Survey&Report's "Antal svar") and the
# response rate are summary words too; a count word's row must also hold counts
# (:func:`_counts`), since "N" or "Antal" can be a respondent's initial or free text.
COUNT_WORDS = frozenset({"antal svar", "antal svarande", "antal", "n", "count", "responses"})
WORDS = frozenset(
    {"medelvärde", "medel", "summa", "totalt", "total", "mean", "average", "sum",
     "svarsfrekvens", "response rate", *COUNT_WORDS}
)  # fmt: skip
MAX_ROWS = 5  # trailing summary rows looked at ("Summa" above "Medelvärde", ...)
# The reason of a summary row in the ``--excluded`` list: a code like the cells' reasons
# ("blank", "not_scale_point"), one entry per row, not per cell (its cells were never read).
REASON = "summary_row"
_NUMBER = re.compile(
    r"[+\-\u2212]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?:\s*%)?"
    r"|[+\-\u2212]?[.,]\d+(?:\s*%)?"
)


# The kind of a row left out that is not a summary: a second header row of question text
# right under the header (:func:`~servqual_cli.io.header.second_header_label`), with its own
# reason in the ``--excluded`` list.
HEADER = "header"
HEADER_REASON = "header_row"


@dataclass(frozen=True)
class SummaryRow:
    """A row left out before any cell was read: its row in the file and its label as written;
    ``kind`` :data:`HEADER` for a second header row under the header (its label the first
    question text), else a trailing summary row."""

    row: int
    label: str
    kind: str = "summary"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"row": self.row, "label": self.label}
        if self.kind != "summary":  # (a summary row's JSON is as before)
            out["kind"] = self.kind
        return out


def summary_label(cells: list[Any], rows_above: int | None = None) -> str | None:
    """The label (as written, trimmed) when ``cells`` (one row) are a summary row, else None.

    A count word's row ("Antal svar", "N", ...) must hold counts of the ``rows_above`` data
    rows: whole numbers from 0 to ``rows_above``, the largest above 10 (no answer of a 0–10
    scale) and at least half of ``rows_above`` (a count row counts the answers of a column most
    respondents filled in). So the last respondent, with the initial "N" and answers 1–7, stays:

    >>> summary_label(["Antal svar", None, 393, "396"], rows_above=400)
    'Antal svar'
    >>> summary_label(["N", 5, 7, 6, 4], rows_above=400), summary_label(["N", 5, 7], rows_above=8)
    (None, None)
    >>> summary_label(["Antal", 393, 401], rows_above=400), summary_label(["N", 393, 396])
    (None, None)

    >>> summary_label(["Medelvärde", None, "", "5,45", 6.2, "1 200", "−0,3"])
    'Medelvärde'
    >>> summary_label(["", " TOTAL: ", 412]), summary_label(["Summa", "Kvinna", 5])
    ('TOTAL:', None)
    >>> summary_label([62, "Summa", 5]), summary_label(["Anna", 5]), summary_label(["Anna"])
    (None, None, None)

    The label with every other cell empty is a summary row too (an export that left its sums
    blank: review 15, finding 9), but not a count word alone:

    >>> summary_label(["Summa", None, "", None]), summary_label(["N", None])
    ('Summa', None)
    """
    filled = [c for c in cells if not _blank(c)]
    if not filled or not isinstance(filled[0], str):
        return None
    label = filled[0].strip()
    word = " ".join(label.rstrip(":").lower().split())
    if word not in WORDS:
        return None
    if len(filled) == 1:  # the label alone: an export whose sums were left blank (review 15, 9)
        return None if word in COUNT_WORDS else label  # "N" alone may be a respondent's initial
    if not all(_is_number(c) for c in filled[1:]):
        return None
    if word in COUNT_WORDS and (rows_above is None or not _counts(filled[1:], rows_above)):
        return None
    return label


def _counts(cells: list[Any], rows_above: int) -> bool:
    """Whether the numbers ``cells`` are counts of ``rows_above`` rows (see
    :func:`summary_label`)."""
    numbers = [_number(c) for c in cells]
    if not all(math.isfinite(x) and x == int(x) and 0 <= x <= rows_above for x in numbers):
        return False
    top = max(numbers)
    return top > 10 and 2 * top >= rows_above


def _number(value: Any) -> float:
    """A cell :func:`_is_number` accepted, as a float (NaN for a percentage: not a count)."""
    if isinstance(value, Number):
        return float(value)  # type: ignore[arg-type]
    text = str(value).strip()
    if text.endswith("%"):
        return math.nan
    text = re.sub(r"[ \u00a0\u202f]", "", text).replace("\u2212", "-").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return math.nan


def drop_summary_rows(table: RawTable) -> RawTable:
    """``table`` without its trailing summary rows and a second header row of question text
    under the header (all recorded in ``summary_rows``); the same table when it has none."""
    table = _drop_second_header(table)
    n = len(table.row_numbers)
    found: list[SummaryRow] = []
    end = n
    while end > 1 and len(found) < MAX_ROWS:
        label = summary_label(_row_cells(table, end - 1), rows_above=end - 1)
        if label is None or _label_elsewhere(table, end - 1, label):
            break
        found.append(SummaryRow(int(table.row_numbers[end - 1]), label))
        end -= 1
    if not found:
        return table
    return _without_tail(table, end, tuple(reversed(found)))


def summary_row_entries(inputs: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The ``--excluded`` list's entries for the summary rows of ``inputs`` (each a table's
    ``describe()``): one per row, its label as the value, no column (the whole row was left
    out), reason :data:`REASON`; a table named twice (two years of one file) gives its rows once.

    >>> d = {"file": "a.xlsx", "sheet": "Blad1", "summary_rows": [{"row": 62, "label": "Summa"}]}
    >>> summary_row_entries([d, d, {"file": "b.csv", "sheet": None}])
    [{'file': 'a.xlsx', 'sheet': 'Blad1', 'row': 62, 'column': '', 'value': 'Summa', \
'reason': 'summary_row'}]
    """
    out: dict[tuple[Any, Any, int], dict[str, Any]] = {}
    for described in inputs:  # a loop over the input files and their (at most 5) summary rows
        file, sheet = described.get("file"), described.get("sheet")
        for r in described.get("summary_rows") or ():
            reason = HEADER_REASON if r.get("kind") == HEADER else REASON
            out.setdefault((file, sheet, int(r["row"])), {
                "file": file, "sheet": sheet or "", "row": int(r["row"]), "column": "",
                "value": r["label"], "reason": reason,
            })  # fmt: skip
    return list(out.values())


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool | np.bool_):
        return False
    if isinstance(value, Number):
        return True
    return isinstance(value, str) and _NUMBER.fullmatch(value.strip()) is not None


def _row_cells(table: RawTable, index: int) -> list[Any]:
    """Row ``index``'s cells, from the encoded columns when the frame is not built."""
    if table.encoded is not None:
        return [col.uniques[col.codes[index]] for col in table.encoded.columns]
    return list(table.frame.iloc[index].tolist())


def _label_elsewhere(table: RawTable, index: int, label: str) -> bool:
    """The label's cell text occurs in an earlier row of its column (data, not a label)."""
    cells = _row_cells(table, index)
    j = next(i for i, c in enumerate(cells) if not _blank(c))
    if table.encoded is not None:
        codes = table.encoded.columns[j].codes
        return bool((codes[:index] == codes[index]).any())
    column = table.frame.iloc[:index, j]
    text = column.astype(str).str.strip()
    return bool((text == cells[j].strip()).any())


def _without_tail(table: RawTable, end: int, rows: tuple[SummaryRow, ...]) -> RawTable:
    """The first ``end`` rows of ``table``, with ``rows`` recorded and the short-row record
    no longer counting them."""
    changes: dict[str, Any] = {
        "row_numbers": table.row_numbers[:end],
        "summary_rows": table.summary_rows + rows,
        "short_rows": _short_without(table, {r.row for r in rows}),
    }
    if table.encoded is not None and table.__dict__.get("frame") is None:
        from servqual_cli.io.encoded import EncodedTable

        enc = table.encoded
        changes["encoded"] = EncodedTable(
            enc.names, tuple(c.subset(slice(0, end)) for c in enc.columns)
        )
        changes["frame"] = None  # still built from the encoded columns only when read
        return dataclasses.replace(table, **changes)
    changes["frame"] = table.frame.iloc[:end].reset_index(drop=True)
    if table.codes:
        changes["codes"] = {k: v.iloc[:end].reset_index(drop=True) for k, v in table.codes.items()}
    if table.user_missing:  # (SPSS user-missing codes, row for row with the frame)
        changes["user_missing"] = {k: v.iloc[:end].reset_index(drop=True)
                                   for k, v in table.user_missing.items()}  # fmt: skip
    return dataclasses.replace(table, **changes)


def _short_without(table: RawTable, dropped: set[int]) -> Any:
    """The short-row record without the dropped rows: a short summary row is not a cut file."""
    short = table.short_rows
    if short is None or short.last_row not in dropped or short.last_fields >= short.width:
        return short
    if short.n <= 1:
        return None
    return dataclasses.replace(short, n=short.n - 1, cut=False)


def _drop_second_header(table: RawTable) -> RawTable:
    """``table`` without its first data row when that row is a second header row
    (:func:`~servqual_cli.io.header.second_header_label`), recorded first in ``summary_rows``;
    the rule reads the first 51 rows only."""
    from servqual_cli.io.header import second_header_label

    n = len(table.row_numbers)
    if n < 4:
        return table
    rows = [_row_cells(table, i) for i in range(min(n, 51))]  # a bounded sample, not the data
    label = second_header_label(rows[0], rows[1:])
    if label is None:
        return table
    found = SummaryRow(int(table.row_numbers[0]), label, HEADER)
    changes: dict[str, Any] = {
        "row_numbers": table.row_numbers[1:],
        "summary_rows": (found, *table.summary_rows),
    }
    if table.encoded is not None and table.__dict__.get("frame") is None:
        from servqual_cli.io.encoded import EncodedTable

        enc = table.encoded
        columns = tuple(c.subset(slice(1, n)) for c in enc.columns)
        changes["encoded"] = EncodedTable(enc.names, columns)
        changes["frame"] = None
        return dataclasses.replace(table, **changes)
    changes["frame"] = table.frame.iloc[1:].reset_index(drop=True)
    if table.codes:
        changes["codes"] = {k: v.iloc[1:].reset_index(drop=True) for k, v in table.codes.items()}
    if table.user_missing:
        changes["user_missing"] = {k: v.iloc[1:].reset_index(drop=True)
                                   for k, v in table.user_missing.items()}  # fmt: skip
    return dataclasses.replace(table, **changes)
