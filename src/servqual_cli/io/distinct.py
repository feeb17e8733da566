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

__all__ = ["by_distinct"]

# Types whose equal values the parsers of io/cells.py always treat alike.
_MERGEABLE = (str, type(None), bool, int, dt.datetime, dt.date, pd.Timestamp, type(pd.NA))
_type_of = np.frompyfunc(type, 1, 1)


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
    if encoded is not None and len(encoded) == len(values):
        reps = pd.Series(encoded.uniques, dtype=object)
        return tuple(np.asarray(r)[encoded.codes] for r in _as_tuple(parse(reps)))
    obj = np.asarray(pd.Series(values, dtype=object).to_numpy(dtype=object))
    n = len(obj)
    if n == 0:
        return _as_tuple(parse(pd.Series(obj, dtype=object)))
    if pd.api.types.infer_dtype(obj, skipna=True) == "string":
        # Text and missing cells only (a CSV): the parsers treat None, NaN and <NA> alike.
        mergeable = np.ones(n, dtype=bool)
        merged = np.arange(n)
        key, _ = pd.factorize(obj, use_na_sentinel=False)
    else:
        type_codes, types = pd.factorize(_type_of(obj))
        mergeable = np.array([t in _MERGEABLE for t in types], dtype=bool)[type_codes]
        merged = np.flatnonzero(mergeable)
        value_codes, uniques = pd.factorize(obj[merged], use_na_sentinel=False)
        # Same type and equal value: one code (types are few, so the product stays small).
        key = type_codes[merged].astype(np.int64) * max(len(uniques), 1) + value_codes
    codes, first = _codes_and_first(key)
    parts: list[tuple[np.ndarray, tuple[np.ndarray, ...]]] = []
    if len(merged):
        reps = pd.Series(obj[merged[first]], dtype=object)
        parts.append((merged, tuple(np.asarray(r)[codes] for r in _as_tuple(parse(reps)))))
    rest = np.flatnonzero(~mergeable)
    if len(rest):
        parts.append((rest, tuple(np.asarray(r) for r in _as_tuple(parse(pd.Series(obj[rest]))))))
    k = len(parts[0][1])
    out = []
    for i in range(k):  # a loop over the parser's results (one to three)
        dtypes = [p[1][i].dtype for p in parts]
        dtype = dtypes[0] if all(d == dtypes[0] for d in dtypes) else np.dtype(object)
        full = np.empty(n, dtype=dtype)
        for where, results in parts:  # at most two parts
            full[where] = results[i]
        out.append(full)
    return tuple(out)


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
