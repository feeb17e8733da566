"""Duplicate respondent rows: a file pasted or imported twice (review 2 item 23h).

A row whose answers are the same as an earlier row's in every item column (and in the id
column, when the file has one) is most likely the same respondent twice. The rows are named,
never dropped: leaving a row out changes every result, so it stays the user's choice.

Rows that cannot tell a copy from a coincidence take no part when the file has no id column:
a row answering fewer than half of the items, and a straight-liner (the same answer to every
item, which different people often give); with fewer than :data:`MIN_ITEMS` item columns
identical answers are common by chance, and no check is made. With an id column every row
with an id takes part (a row with a blank id as without one), and an id given twice with
different answers is a warning of its own.

The check hashes each row with one multiply-add per item column (numpy, no loop over rows),
keeps the rows whose hash occurs twice, and compares only those exactly: about 0.07 s of CPU
at 1,000,000 rows x 44 items. Numpy and pyarrow only on an encoded (fast CSV) table without
repeated ids; pandas for a workbook's id column and for ids on several rows (issue #16).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.io.encoded import arrow_ints, arrow_trimmed
from servqual_cli.io.values import fold

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.io.raw_table import RawTable


MIN_ITEMS = 10
# Header names of a respondent id column (folded): survey tools' and Swedish registers' words.
ID_NAMES = frozenset(
    {
        "id",
        "respondent",
        "respondent id",
        "respondentid",
        "respondent_id",
        "respondentnr",
        "respondentnummer",
        "response id",
        "responseid",
        "svarsid",
        "svar id",
        "svars-id",
        "löpnr",
        "löpnummer",
        "lopnr",
        "record id",
        "participant id",
    }
)
_HIGH = 1 if sys.byteorder == "little" else 0  # the 32-bit word holding a float's sign, exponent
_SHOWN = 10  # rows named in a message; the JSON has them all


@dataclass(frozen=True)
class DuplicateRows:
    """Rows that repeat an earlier row, and ids given twice with different answers.

    Attributes
    ----------
    rows : tuple of int
        File row numbers (as the user sees them) of the later copies, in file order.
    first : tuple of int
        For each of ``rows``, the row it repeats (its first occurrence).
    id_column : str or None
        The id column included in the comparison.
    id_conflicts : tuple of (str, tuple of int)
        Ids on more than one row whose answers differ, with those rows.
    """

    rows: tuple[int, ...]
    first: tuple[int, ...]
    id_column: str | None = None
    id_conflicts: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": len(self.rows),
            "rows": list(self.rows),
            "first": list(self.first),
            "id_column": self.id_column,
            "id_conflicts": [{"id": i, "rows": list(r)} for i, r in self.id_conflicts],
            "dropped": False,
        }

    def messages(self, lang: str = "en") -> list[str]:
        """The warnings in ``lang``: the repeated rows, then the ids with differing answers.

        >>> d = DuplicateRows((12, 40, 41), (3, 4, 5))
        >>> print(d.messages()[0])  # doctest: +NORMALIZE_WHITESPACE
        3 rows repeat an earlier row in every item (rows 12, 40, 41): check whether the file
        was pasted in twice; they are kept in every result
        >>> print(d.messages("sv")[0])  # doctest: +NORMALIZE_WHITESPACE
        3 rader är dubbletter av en tidigare rad i alla påståenden (rad 12, 40, 41): kontrollera
        om filen klistrats in två gånger; de ingår i alla resultat
        >>> DuplicateRows((), (), "id", (("17", (5, 9)),)).messages()
        ['id 17 appears on 2 rows with different answers (rows 5, 9) (column id)']
        """
        sv = lang == "sv"
        out = []
        if self.rows:
            n = len(self.rows)
            where = _rows(self.rows, sv)
            items = ("i alla påståenden och i " + self.id_column if sv else
                     "in every item and in " + self.id_column) if self.id_column else (
                "i alla påståenden" if sv else "in every item")  # fmt: skip
            if sv:
                head = "1 rad är en dubblett" if n == 1 else f"{n} rader är dubbletter"
                out.append(f"{head} av en tidigare rad {items} ({where}): kontrollera om filen "
                           "klistrats in två gånger; de ingår i alla resultat")  # fmt: skip
            else:
                head = "1 row repeats" if n == 1 else f"{n} rows repeat"
                out.append(f"{head} an earlier row {items} ({where}): check whether the file "
                           "was pasted in twice; they are kept in every result")  # fmt: skip
        shown = self.id_conflicts[:_SHOWN]
        for ident, rows in shown:
            if sv:
                out.append(f"id {ident} förekommer på {len(rows)} rader med olika svar "
                           f"({_rows(rows, sv)}) (kolumn {self.id_column})")  # fmt: skip
            else:
                out.append(f"id {ident} appears on {len(rows)} rows with different answers "
                           f"({_rows(rows, sv)}) (column {self.id_column})")  # fmt: skip
        more = len(self.id_conflicts) - len(shown)
        if more > 0:
            out.append(f"… och {more} id till med olika svar" if sv else
                       f"… and {more} more ids with different answers")  # fmt: skip
        return out


def _rows(rows: Sequence[int], sv: bool) -> str:
    """``rows 12, 40, 41`` (the first :data:`_SHOWN`, then how many more)."""
    shown = ", ".join(str(r) for r in rows[:_SHOWN])
    more = len(rows) - _SHOWN
    if more > 0:
        shown += f" … och {more} till" if sv else f" … and {more} more"
    word = "rad" if sv else ("row" if len(rows) == 1 else "rows")
    return f"{word} {shown}"


row_list = _rows  # the same list of rows in other notes (gap's rows without answers, r15 #9)


def id_position(columns: Sequence[str], exclude: Sequence[str] = ()) -> int | None:
    """The position of the one column named like a respondent id, or None (none or several).

    >>> id_position(["Respondent", "Tjänst", "E1"]), id_position(["ID", "id", "E1"])
    (0, None)
    """
    skip = set(exclude)
    hits = [j for j, c in enumerate(columns) if c not in skip and fold(c) in ID_NAMES]
    return hits[0] if len(hits) == 1 else None


def _id_codes(table: RawTable, position: int) -> np.ndarray:
    """Per row a code of its id (-1 where blank): the reader's codes when it kept them."""
    encoded = table.encoded_column(position)
    if encoded is not None:
        # distinct texts may differ only in spaces: code them by the trimmed text
        return trimmed_codes(encoded.uniques)[np.asarray(encoded.codes, dtype=np.intp)]
    import pandas as pd

    cells = table.column(position)
    text = cells.where(cells.isna(), cells.astype(str).str.strip())
    text = text.where(text.ne(""), None)
    codes, _ = pd.factorize(text, use_na_sentinel=True)
    return np.asarray(codes)


def trimmed_codes(texts: np.ndarray) -> np.ndarray:
    """Per text (an object array of str), a code of ``text.strip()`` numbered in order of first
    appearance (as ``pd.factorize`` numbers), -1 where that is empty.

    Many texts (a column of ids) are trimmed of Python's whitespace and coded in pyarrow's
    kernels, a few in a loop over them.

    >>> trimmed_codes(np.array(["17", " 17", "", "18 ", " "], dtype=object)).tolist()
    [0, 0, -1, 2, -1]
    """
    trimmed = arrow_trimmed(texts)
    if trimmed is not None:
        import pyarrow.compute as pc

        codes = arrow_ints(pc.dictionary_encode(trimmed).indices).astype(np.intp)
        return np.where(arrow_ints(pc.binary_length(trimmed)) == 0, -1, codes)
    seen: dict[str, int] = {}
    codes = np.fromiter(
        (seen.setdefault(t.strip(), len(seen)) for t in texts), dtype=np.intp, count=len(texts)
    )
    blank = np.fromiter((not t.strip() for t in texts), dtype=bool, count=len(texts))
    return np.where(blank, -1, codes)


def _row_hash(columns: Iterable[np.ndarray], n: int) -> np.ndarray:
    """A 64-bit polynomial hash per row of float columns, from each value's high 32 bits (sign,
    exponent and the top of the mantissa: every answer on a scale differs there): equal rows
    hash equal; unequal rows that collide are told apart by the exact comparison after it.
    Two passes per column over a strided view of the high words (no copy)."""
    h = np.zeros(n, dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    for col in columns:
        col = np.asarray(col, dtype=np.float64)
        if not col.flags.c_contiguous:  # a row of a C-ordered matrix's column: one copy
            col = np.ascontiguousarray(col)
        high = col.view(np.uint32)[_HIGH::2]
        h *= prime
        np.add(h, high, out=h, casting="unsafe")
    return h


def _repeated(h: np.ndarray) -> np.ndarray:
    """Positions of the rows whose hash occurs more than once: a bucket count on the top 21
    bits first (one ``bincount``, 16 MB at most), then a sort of the rows sharing a bucket
    (about a third of a million random rows) counts each of their hashes."""
    bucket = (h >> np.uint64(43)).view(np.intp)  # below 2**21: the same numbers, no copy
    crowded = np.bincount(bucket, minlength=1 << 21) > 1
    shared = np.flatnonzero(crowded[bucket])
    del bucket, crowded
    return shared[_occurs_twice(h[shared])]


def _occurs_twice(values: np.ndarray) -> np.ndarray:
    """Per value, whether it occurs more than once (``duplicated(keep=False)``).

    >>> _occurs_twice(np.array([5, 3, 5, 9], dtype=np.uint64)).tolist()
    [True, False, True, False]
    """
    if len(values) > 1 << 16:  # many: first a bucket count on the low 21 bits, then sort
        low = np.bitwise_and(values, (1 << 21) - 1).astype(np.intp)
        crowded = np.flatnonzero(np.bincount(low, minlength=1 << 21)[low] > 1)
        out = np.zeros(len(values), dtype=bool)
        out[crowded] = _sorted_twice(values[crowded])  # equal values share their low bits
        return out
    return _sorted_twice(values)


def _sorted_twice(values: np.ndarray) -> np.ndarray:
    """:func:`_occurs_twice` by one sort."""
    ordered = np.sort(values)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]  # the values seen twice (few): looked up
    if not len(twice):
        return np.zeros(len(values), dtype=bool)
    twice = np.unique(twice)
    at = np.minimum(np.searchsorted(twice, values), len(twice) - 1)
    return twice[at] == values


def _first_equal(values: np.ndarray) -> np.ndarray:
    """Per row of a float matrix, the position of the first row equal to it in every column
    (NaN equal to NaN and 0.0 to -0.0, as pandas' groupby compares: ``groupby(dropna=False)``).

    Each value becomes its float64 bits, with one bit pattern for every NaN and +0.0 for -0.0,
    so equal rows are equal integer rows; ``np.unique`` finds each row's first occurrence.

    >>> nan = float("nan")
    >>> _first_equal(np.array([[1, nan], [2, 0], [1, nan], [2, -0.0], [1, 2]])).tolist()
    [0, 1, 0, 1, 4]
    """
    if not len(values):
        return np.zeros(0, dtype=np.intp)
    canonical = np.where(np.isnan(values), np.nan, values + 0.0)  # -0.0 + 0.0 is +0.0
    bits = np.ascontiguousarray(canonical, dtype=np.float64).view(np.int64)
    _, first, inverse = np.unique(bits, axis=0, return_index=True, return_inverse=True)
    return first[inverse.reshape(-1)]


def find_duplicates(
    table: RawTable, matrices: Sequence[np.ndarray], item_names: Sequence[str] = ()
) -> DuplicateRows | None:
    """Rows repeating an earlier row in every column of ``matrices`` (rows x items, parsed).

    ``item_names`` are the item columns' names, never taken for the id column.

    >>> from servqual_cli.io.read_text import read_text
    >>> rows = [["id"] + [f"E{k}" for k in range(1, 11)], [1] + [1, 2] * 5, [2] + [3, 4] * 5,
    ...         [1] + [1, 2] * 5, [2] + [4, 4] * 5]
    >>> text = "\\n".join(";".join(str(v) for v in r) for r in rows)
    >>> t = read_text(text.encode(), "t.csv", None, None)
    >>> import pandas as pd
    >>> m = t.frame.iloc[:, 1:].apply(pd.to_numeric).to_numpy(dtype=float)
    >>> d = find_duplicates(t, [m])
    >>> d.rows, d.first, d.id_conflicts
    ((4,), (2,), (('2', (3, 5)),))
    """
    cols = [m[:, j] for m in matrices for j in range(m.shape[1])]
    return _find(table, len(cols), cols.__getitem__, item_names)


def _find(
    table: RawTable, k: int, column: Callable[[int], np.ndarray], item_names: Sequence[str]
) -> DuplicateRows | None:
    """:func:`find_duplicates` of ``k`` columns, each got by ``column(j)`` when needed (twice
    at most), so no rows x items matrix need exist."""
    n = len(table.row_numbers)
    if not k or n < 2:
        return None
    pos = id_position(table.columns, item_names)
    if pos is None and k < MIN_ITEMS:
        return None
    h = _row_hash((column(j) for j in range(k)), n)
    ids = None if pos is None else _id_codes(table, pos)
    conflicts: tuple[tuple[str, tuple[int, ...]], ...] = ()
    if ids is not None:
        conflicts = _id_conflicts(table, pos, ids, h)  # type: ignore[arg-type]
        h = h * np.uint64(0x100000001B3) ^ ids.astype(np.int64).view(np.uint64)
    candidates = _repeated(h)
    if candidates.size == 0:
        return DuplicateRows((), (), _name(table, pos), conflicts) if conflicts else None
    values = np.column_stack([column(j)[candidates] for j in range(k)])
    # A copy or a coincidence? Without an id (no column, or a blank cell) only rows that say
    # much can tell: half the items answered, not one answer to all, 10 items or more.
    no_id = np.ones(len(candidates), dtype=bool) if ids is None else ids[candidates] < 0
    answered = (~np.isnan(values)).sum(axis=1)
    spread = np.fmax.reduce(values, axis=1) - np.fmin.reduce(values, axis=1)  # NaN: none
    telling = (answered * 2 >= k) & (spread > 0) & (k >= MIN_ITEMS)
    keep = ~no_id | telling
    candidates, values = candidates[keep], values[keep]
    if not len(candidates):
        return DuplicateRows((), (), _name(table, pos), conflicts) if conflicts else None
    if ids is not None:  # an id code is a whole number below 2**53: exact as a float
        values = np.column_stack([values, ids[candidates].astype(np.float64)])
    first_of = candidates[_first_equal(values)]
    copies = candidates != first_of
    if not copies.any() and not conflicts:
        return None
    rows = table.row_numbers
    return DuplicateRows(
        tuple(int(r) for r in rows[candidates[copies]]),
        tuple(int(r) for r in rows[first_of[copies]]),
        _name(table, pos),
        conflicts,
    )


def role_duplicates(
    table: RawTable,
    matrices: Mapping[str, np.ndarray],
    columns: Mapping[str, Mapping[Any, str]],
) -> DuplicateRows | None:
    """:func:`find_duplicates` of an instrument's parsed roles (role -> rows x items), whose
    columns (role -> item -> column name) are never the id column."""
    names = [name for role in columns.values() for name in role.values()]
    return find_duplicates(table, list(matrices.values()), names)


def column_duplicates(table: RawTable, names: Sequence[str]) -> DuplicateRows | None:
    """:func:`find_duplicates` of the columns ``names`` read as numbers (``servqual describe``,
    which knows no instrument: the columns that look like rating-scale items)."""
    from servqual_cli.io.scale_column import parse_scale_column

    positions = [table.columns.index(name) for name in names]

    def column(j: int) -> np.ndarray:  # parsed per distinct text where the reader kept codes
        return parse_scale_column(table, positions[j], (-np.inf, np.inf)).values

    return _find(table, len(names), column, names)


def _name(table: RawTable, pos: int | None) -> str | None:
    return None if pos is None else table.columns[pos]


def _id_conflicts(
    table: RawTable, pos: int, ids: np.ndarray, h: np.ndarray
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Ids on several rows whose answers (row hashes) differ, with their rows in file order."""
    has = ids >= 0
    repeated = has & _occurs_twice(ids)
    if not repeated.any():
        return ()
    import pandas as pd

    at = np.flatnonzero(repeated)
    frame = pd.DataFrame({"id": ids[at], "h": h[at], "at": at})
    differ = frame.groupby("id", sort=False)["h"].transform("nunique").to_numpy() > 1
    frame = frame[differ]
    if frame.empty:
        return ()
    from servqual_cli.io.groups import group_label

    cells = table.column(pos)
    out = []
    for _, part in frame.groupby("id", sort=False):  # one per conflicting id (few)
        where = part["at"].to_numpy()
        out.append((group_label(cells.iloc[where[0]]),  # 17.0 from a workbook: "17"
                    tuple(int(r) for r in table.row_numbers[where])))  # fmt: skip
    out.sort(key=lambda item: item[1][0])
    return tuple(out)
