"""Parse one column of a :class:`~servqual_cli.io.raw_table.RawTable` on a rating scale and log its
excluded cells: the step ``gap``, ``reliability`` and ``alpha`` share (issue #16).

When the reader kept the column encoded (:mod:`servqual_cli.io.encoded`: the fast CSV path),
only its distinct texts are parsed, by :func:`~servqual_cli.io.values.parse_scale_texts`, the
text parser :func:`~servqual_cli.io.values.parse_scale_values` uses for every other path (no
pandas on this one), and the values and exclusion reasons are spread over the cells with
``take`` on the codes: no object array of cells, no per-cell reason strings. Other columns
(spreadsheets, SPSS, parquet, the standard-library CSV path) are parsed cell by cell as before.
Both give the same values and the same exclusions (``tests/io/test_scale_column.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import (
    parse_scale_texts,
    parse_scale_values,
    read_from_text,
    tally_recoded,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ScaleColumn", "parse_scale_column"]


@dataclass(frozen=True)
class ScaleColumn:
    """A parsed column: the values and, per cell, why a cell was excluded.

    Attributes
    ----------
    values : ndarray of float
        Per cell, NaN where missing or excluded.
    reasons : ndarray of object
        A reason (str) or None: per distinct text when ``codes`` is given, else per cell.
    codes : ndarray of int or None
        Per cell, its position in ``reasons`` (the encoded column's codes).
    """

    values: np.ndarray
    reasons: np.ndarray
    codes: np.ndarray | None = None

    def first_with(self, wanted: Iterable[str]) -> int | None:
        """Position of the first cell whose reason is one of ``wanted``, or None."""
        hit = np.isin(self.reasons.astype(str), list(wanted))
        if self.codes is not None:
            hit = hit[self.codes]
        where = np.flatnonzero(hit)
        return int(where[0]) if len(where) else None


def parse_scale_column(
    table: RawTable,
    position: int,
    scale: tuple[float, float],
    labels: Mapping[str, float] | None = None,
    missing: Iterable[str] = (),
    log: ExclusionLog | None = None,
    out: np.ndarray | None = None,
    column: pd.Series | None = None,
    rename: Mapping[str, str] | None = None,
    codes: Sequence[str] = (),
) -> ScaleColumn:
    """Parse the column at ``position`` with :func:`parse_scale_values` and log its exclusions.

    Parameters
    ----------
    table : RawTable
        The file as read.
    position : int
        The column's position in ``table``.
    scale, labels, missing
        As :func:`~servqual_cli.io.values.parse_scale_values` takes them.
    log : ExclusionLog, optional
        Where the excluded cells are recorded (row, column name, cell, reason).
    out : ndarray, optional
        A float array (e.g. a column of a Fortran-ordered matrix) that receives the values.
    column : Series, optional
        Parse these values instead of the table's cells (SPSS codes), logging the cells.
    rename : mapping, optional
        Reasons to record under another name (``{"out_of_range": "invalid_weight"}``).
    codes : sequence of str, optional
        ``--missing-codes``: the cells ``missing`` leaves out that one of these codes matches
        (the same matcher) are recorded as ``missing_code``, not ``missing_token``, so the
        note, JSON and list tell the option's codes from an instrument's own ``missing``.

    Examples
    --------
    >>> from servqual_cli.io.read_text import read_text
    >>> t = read_text(b"a;b\\n5;x\\n;7\\n9;7\\n", "t.csv", None, None)
    >>> log = ExclusionLog("t.csv")
    >>> parse_scale_column(t, 0, (1, 7), log=log).values.tolist()
    [5.0, nan, nan]
    >>> log.counts()
    {'blank': 1, 'out_of_range': 1}
    >>> log = ExclusionLog("t.csv")
    >>> parse_scale_column(t, 0, (1, 7), missing=["9"], log=log, codes=["9"]).values.tolist()
    [5.0, nan, nan]
    >>> log.counts()
    {'blank': 1, 'missing_code': 1}
    """
    name = table.columns[position]
    encoded = table.encoded_column(position) if column is None else None
    if encoded is not None:
        unique_values, reasons, from_text = _parse_distinct(encoded.uniques, scale, labels, missing)
        if codes:  # parsed again with the option's codes alone (distinct texts: cheap)
            own = _parse_distinct(encoded.uniques, scale, labels, codes)[1]
            reasons = _as_missing_code(reasons, own)
        if rename:  # (a reason renamed is still a reason: ``from_text`` is unchanged)
            reasons = _renamed(reasons, rename)
        # "wrap": every code is valid, and numpy's "clip" is ten times slower on int8 codes
        values = np.take(unique_values, encoded.codes, out=out, mode="wrap")
        if log is not None:
            counts = None  # cells per distinct text, counted once if both need them
            if from_text.any():
                counts = np.bincount(encoded.codes, minlength=len(encoded.uniques))
            log.add_coded(table.row_numbers, name, encoded.codes, encoded.uniques, reasons, counts)
            if counts is not None:  # answers read from text (labels), counted per distinct text
                tally: dict[tuple[str, float], int] = {}
                tally_recoded(tally, encoded.uniques[from_text], unique_values[from_text],
                              counts[from_text])  # fmt: skip
                log.add_recoded(tally)
        return ScaleColumn(values, reasons, encoded.codes)
    cells = table.column(position)
    recoded: dict[tuple[str, float], int] | None = None if log is None else {}
    values, reasons = parse_scale_values(
        cells if column is None else column, scale, labels, missing, recoded
    )
    if log is not None and recoded:
        log.add_recoded(recoded)
    if codes:  # parsed again with the option's codes alone (only when the option is given)
        own = parse_scale_values(cells if column is None else column, scale, labels, codes)[1]
        reasons = _as_missing_code(reasons, own)
    if rename:
        reasons = _renamed(reasons, rename)
    if out is not None:
        out[:] = values
        values = out
    if log is not None:  # a cell blank in the table but not in ``column`` (an SPSS user-missing
        # code, io/spss_missing.py) is listed by the value parsed: its code, never ""
        shown = cells if column is None else cells.where(cells.notna(), column)
        log.add(table.row_numbers, name, shown.to_numpy(dtype=object), reasons)
    return ScaleColumn(values, reasons)


_DISTINCT: dict[tuple[object, ...], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _parse_distinct(
    uniques: np.ndarray,
    scale: tuple[float, float],
    labels: Mapping[str, float] | None,
    missing: Iterable[str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`~servqual_cli.io.values.parse_scale_texts` of a column's distinct texts and which
    of them are answers read from text (:func:`~servqual_cli.io.values.read_from_text`),
    remembered per sorted set: the 44 columns of a survey hold the same few answers in different
    orders, so the set is parsed once per run. Each text is parsed on its own, so the order
    cannot change a result.
    """
    missing = tuple(str(t) for t in missing)  # may be a one-shot iterator
    if len(uniques) > 1000:  # free text: not worth keeping
        values, reasons = parse_scale_texts(uniques, scale, labels, missing)
        return values, reasons, read_from_text(uniques, values, reasons)
    order = np.argsort(uniques, kind="stable")
    key = (
        tuple(uniques[order].tolist()),
        float(scale[0]),
        float(scale[1]),
        tuple(sorted((str(k), float(v)) for k, v in (labels or {}).items())),
        missing,
    )
    hit = _DISTINCT.get(key)
    if hit is None:
        if len(_DISTINCT) > 256:
            _DISTINCT.clear()
        texts = uniques[order]
        parsed = parse_scale_texts(texts, scale, labels, missing)
        hit = (*parsed, read_from_text(texts, *parsed))
        _DISTINCT[key] = hit
    values = np.empty(len(uniques))
    reasons = np.empty(len(uniques), dtype=object)
    recoded = np.empty(len(uniques), dtype=bool)
    values[order], reasons[order], recoded[order] = hit
    return values, reasons, recoded


def _as_missing_code(reasons: np.ndarray, own: np.ndarray) -> np.ndarray:
    """``reasons`` with ``missing_code`` where ``own`` (the parse with the option's codes alone)
    says ``missing_token`` too: the cells the option's codes leave out."""
    out = reasons.copy()
    out[(reasons == "missing_token") & (own == "missing_token")] = "missing_code"
    return out


def _renamed(reasons: np.ndarray, rename: Mapping[str, str]) -> np.ndarray:
    out = reasons.copy()
    for old, new in rename.items():
        out[reasons == old] = new
    return out
