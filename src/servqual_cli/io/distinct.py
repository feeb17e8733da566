"""Parse a register column once per distinct cell, then spread the results back to its rows.

A register of a million rows holds a handful of types, units, channels and yes/no answers, and
a few hundred distinct dates: parsing every row again (``str.strip``, regular expressions,
:func:`~servqual_cli.io.values.fold`) is most of a run's time (issue #16). :func:`by_distinct`
factorizes the column, calls an elementwise parser on one representative cell per distinct
value, and takes the results back by the codes, so the output is the parser's own, cell by cell.

Two cells count as the same only when they have the same Python type *and* compare equal, so
``True``, ``1`` and ``1.0`` (equal in Python, shown differently) are parsed separately. Floats are
never merged (``0.0 == -0.0``, and NaN is not equal to itself): they go through the parser as
they are. In a column of text and missing cells only (a CSV), the missing cells (None, NaN,
``<NA>``) are one value: every parser here reads them as blank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.io.encoded import EncodedColumn

__all__ = ["by_distinct", "distinct_codes", "parse_distinct"]

# Types whose equal values the parsers of io/cells.py always treat alike.
_MERGEABLE = (str, type(None), bool, int, dt.datetime, dt.date, pd.Timestamp, type(pd.NA))
_type_of = np.frompyfunc(type, 1, 1)


def distinct_codes(
    values: pd.Series, encoded: EncodedColumn | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """A code per cell and one representative cell per code: ``reps[codes]`` stands for the
    cells, each cell by a cell of the same type that compares equal (the module docstring).

    Floats are never merged: each float cell has a code of its own. With ``encoded`` (the same
    column as the CSV reader kept it) its codes and distinct texts are returned as they are.

    Examples
    --------
    >>> codes, reps = distinct_codes(pd.Series(["ja", None, "ja", float("nan")], dtype=object))
    >>> codes.tolist(), reps.tolist()
    ([0, 1, 0, 1], ['ja', None])
    >>> codes, reps = distinct_codes(pd.Series([True, 1, 1.0, 1.0, "1", True], dtype=object))
    >>> codes.tolist(), reps.tolist()
    ([0, 1, 3, 4, 2, 0], [True, 1, '1', 1.0, 1.0])
    """
    if encoded is not None and len(encoded) == len(values):
        return encoded.codes, encoded.uniques
    obj = np.asarray(pd.Series(values, dtype=object).to_numpy(dtype=object))
    n = len(obj)
    if n == 0:
        return np.zeros(0, dtype=np.int64), obj
    if pd.api.types.infer_dtype(obj, skipna=True) == "string":
        # Text and missing cells only (a CSV): the parsers treat None, NaN and <NA> alike.
        key, _ = pd.factorize(obj, use_na_sentinel=False)
        codes, first = _codes_and_first(key)
        return codes, obj[first]
    type_codes, types = pd.factorize(_type_of(obj))
    mergeable = np.array([t in _MERGEABLE for t in types], dtype=bool)[type_codes]
    merged = np.flatnonzero(mergeable)
    value_codes, uniques = pd.factorize(obj[merged], use_na_sentinel=False)
    # Same type and equal value: one code (types are few, so the product stays small).
    key = type_codes[merged].astype(np.int64) * max(len(uniques), 1) + value_codes
    merged_codes, first = _codes_and_first(key)
    rest = np.flatnonzero(~mergeable)
    codes = np.empty(n, dtype=np.int64)
    codes[merged] = merged_codes
    codes[rest] = len(first) + np.arange(len(rest))  # every float its own code
    return codes, np.concatenate([obj[merged[first]], obj[rest]])


def by_distinct(
    values: pd.Series, parse: Callable[[pd.Series], Any], encoded: EncodedColumn | None = None
) -> tuple[np.ndarray, ...]:
    """``parse(values)`` computed once per distinct cell; each result as a full-length array.

    ``parse`` takes a Series and returns one array-like, or a tuple of them, each with one entry
    per cell, and must be elementwise (a cell's result depends on that cell only).

    Parameters
    ----------
    values : Series
        The raw cells of one column (object dtype as read).
    parse : callable
        An elementwise parser such as :func:`~servqual_cli.io.cells.text_values` or
        :func:`~servqual_cli.io.cells.parse_dates`.
    encoded : EncodedColumn, optional
        The same column as the CSV reader kept it (codes and distinct texts): its distinct
        texts are parsed and taken by the codes, with no second factorization.

    Returns
    -------
    tuple of ndarray
        The parser's results for every cell, in the order of ``values`` (a single result is
        returned as a one-element tuple).

    Examples
    --------
    >>> from servqual_cli.io.cells import text_values
    >>> by_distinct(pd.Series([" ja", "nej", " ja", True, 1, 1.0, None]), text_values)[0].tolist()
    ['ja', 'nej', 'ja', 'True', '1', '1', nan]
    >>> enc = EncodedColumn(np.array([0, 1, 0], dtype=np.int8), np.array([" ja", "nej"], object))
    >>> by_distinct(pd.Series(enc.cells()), text_values, enc)[0].tolist()
    ['ja', 'nej', 'ja']
    """
    codes, reps = distinct_codes(values, encoded)
    return tuple(np.asarray(r)[codes] for r in parse_distinct(reps, parse))


def parse_distinct(reps: np.ndarray, parse: Callable[[pd.Series], Any]) -> tuple[np.ndarray, ...]:
    """``parse`` of the representative cells (:func:`distinct_codes`), each result an array
    with one entry per code."""
    return _as_tuple(parse(pd.Series(reps, dtype=object)))


def _codes_and_first(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dense codes of ``key`` and the position of each code's first occurrence."""
    codes, _ = pd.factorize(key)  # codes are numbered in order of first occurrence
    seen = np.maximum.accumulate(codes)
    new = np.ones(len(codes), dtype=bool)
    new[1:] = seen[1:] > seen[:-1]
    return codes, np.flatnonzero(new)


def _as_tuple(result: Any) -> tuple[np.ndarray, ...]:
    if isinstance(result, tuple):
        return tuple(np.asarray(r) for r in result)
    return (np.asarray(result),)
