"""Parse answers into numbers: Likert labels, decimal commas, "Vet ej", out-of-range values.

Each parser returns the values and, per cell, the reason it was excluded (or None), so the caller
can log every exclusion with its row and column. The words an answer is matched against ("Vet
ej", "#N/A", the Likert labels) are in :mod:`~servqual_cli.io.answer_words`, the parsing of
distinct texts in :mod:`~servqual_cli.io.value_texts`; the names other modules import from
here are re-exported.

Text answers are parsed per distinct text without pandas (:func:`parse_scale_texts`: the fast
CSV path of ``alpha`` and ``gap`` calls it on a column's distinct texts); the cells of a pandas
column go through :func:`parse_scale_values`, which sorts them by type and hands its texts to
the same function.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np

from servqual_cli.io.answer_words import (
    DONT_KNOW,
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    builtin_labels,
    declared_numbers,
    fold,
    is_excel_error,
)
from servqual_cli.io.value_texts import (
    between_points,
    integral_scale,
    parse_text_cached,
    read_from_text,
    tally_recoded,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DONT_KNOW",
    "NOT_APPLICABLE",
    "NOT_AVAILABLE",
    "builtin_labels",
    "fold",
    "integral_scale",
    "is_excel_error",
    "parse_scale_texts",
    "parse_scale_values",
    "read_from_text",
    "tally_recoded",
]


def parse_scale_values(
    column: pd.Series,
    scale: tuple[float, float],
    labels: Mapping[str, float] | None = None,
    missing_tokens: Iterable[str] = (),
    recoded: dict[tuple[str, float], int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Parse one column of answers on a rating scale.

    Returns ``(values, reasons)``: float values (NaN where excluded or missing) and per cell the
    reason (``blank``, ``dont_know``, ``not_applicable``, ``not_available``, ``missing_token``,
    ``unparseable``,
    ``out_of_range``, ``excel_error`` for ``#N/A``, ``#DIV/0!`` and the like,
    ``not_scale_point`` for a number between two points of a scale of whole points, such as
    ``4,5`` on 1–7: :func:`integral_scale`) or None.
    Numbers may use a decimal comma and a space, no-break space or
    narrow no-break space between groups of three digits (``"1 234,5"``); text answers go
    through ``labels`` (folded) and the built-in label sets; ``"7 Instämmer helt"`` reads as 7.
    Booleans, dates and other objects are ``unparseable``.

    Each distinct value is parsed once and the results are spread back over the cells, so a
    column of 100 000 answers costs about as much Python work as its few distinct answers.

    ``recoded``, when given, is filled with the answers read from text (a label, built-in or
    from ``labels``, or a leading number as in ``"7 Instämmer helt"``; not a number written as
    text): ``(text as written, value) -> cells`` (:func:`read_from_text`), so the output can
    name the rule (review item 13a).

    >>> import pandas as pd
    >>> v, r = parse_scale_values(pd.Series([5, "6", "4,5", "Vet ej", "", 9, "Instämmer helt", "x"],
    ...                                     dtype=object), (1, 7))
    >>> v.tolist()[:2], v[6]
    ([5.0, 6.0], np.float64(7.0))
    >>> r.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [None, None, 'not_scale_point', 'dont_know', 'blank', 'out_of_range', None, 'unparseable']
    >>> parse_scale_values(pd.Series([4.5, 2.0]), (1, 7))[1].tolist()
    ['not_scale_point', None]
    >>> parse_scale_values(pd.Series(["4,5"]), (-np.inf, np.inf))[0].tolist()  # no scale
    [4.5]
    >>> parse_scale_values(pd.Series(["#N/A", "#DIV/0!", 3], dtype=object), (1, 5))[1].tolist()
    ['excel_error', 'excel_error', None]
    >>> v, r = parse_scale_values(pd.Series(["1 234", "4\u00a0500,5", "1\u202f234", "1 2"]),
    ...                           (0, np.inf))
    >>> v.tolist()[:3], r.tolist()
    ([1234.0, 4500.5, 1234.0], [None, None, None, 'unparseable'])
    >>> tally: dict[tuple[str, float], int] = {}
    >>> _ = parse_scale_values(pd.Series(["Instämmer helt", "6", "Instämmer helt", "3 Varken"]),
    ...                        (1, 7), recoded=tally)
    >>> tally
    {('Instämmer helt', 7.0): 2, ('3 Varken', 3.0): 1}
    """
    import pandas as pd

    lo, hi = scale
    missing_tokens = tuple(missing_tokens)  # read twice (texts, then numbers): no iterator
    n = len(column)
    reasons = np.full(n, None, dtype=object)
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype):
        values = column.to_numpy(dtype=float, na_value=np.nan)
        reasons[np.isnan(values)] = "blank"
        if not pd.api.types.is_integer_dtype(column.dtype):
            values = between_points(values, reasons, lo, hi)
    else:
        values, reasons = _parse_object(column, lo, hi, labels, missing_tokens, recoded)
    return _out_of_range(declared_numbers(values, reasons, missing_tokens), reasons, lo, hi)


def parse_scale_texts(
    texts: np.ndarray,
    scale: tuple[float, float],
    labels: Mapping[str, float] | None = None,
    missing_tokens: Iterable[str] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`parse_scale_values` of distinct texts (an object array of ``str``), without pandas:
    the same values and reasons as ``parse_scale_values(pd.Series(texts, dtype=object), ...)``
    (``tests/io/test_values_same.py``), each text parsed on its own.

    >>> v, r = parse_scale_texts(np.array(["6", "4,5", "Vet ej", "", "9", "3 Varken"],
    ...                                   dtype=object), (1, 7))
    >>> v.tolist()[0], v.tolist()[5], r.tolist()
    (6.0, 3.0, [None, 'not_scale_point', 'dont_know', 'blank', 'out_of_range', None])
    """
    lo, hi = scale
    missing_tokens = tuple(missing_tokens)  # read twice (texts, then numbers): no iterator
    values, reasons = parse_text_cached(texts, lo, hi, labels, missing_tokens)
    reasons = reasons.copy()
    return _out_of_range(declared_numbers(values, reasons, missing_tokens), reasons, lo, hi)


def _out_of_range(
    values: np.ndarray, reasons: np.ndarray, lo: float, hi: float
) -> tuple[np.ndarray, np.ndarray]:
    """A value outside [lo, hi] is excluded as ``out_of_range`` (``reasons`` is changed)."""
    out_of_range = ~np.isnan(values) & ((values < lo) | (values > hi))
    reasons[out_of_range] = "out_of_range"
    return np.where(out_of_range, np.nan, values), reasons


# What a cell holds, decided per distinct value.
_NA, _STR, _NUM, _OTHER = 0, 1, 2, 3
# infer_dtype() results that guarantee only int/float (numpy or Python) objects, never bool.
_ONLY_NUMBERS = frozenset({"integer", "floating", "mixed-integer-float"})


def _is_number_type(kind: type) -> bool:
    return issubclass(kind, int | float | np.integer | np.floating) and not issubclass(kind, bool)


def _kind(value: object) -> int:
    if isinstance(value, str):
        return _STR
    return _NUM if _is_number_type(type(value)) else _OTHER


def _parse_object(
    column: pd.Series,
    lo: float,
    hi: float,
    labels: Mapping[str, float] | None,
    missing_tokens: Iterable[str],
    recoded: dict[tuple[str, float], int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Parse an object column: classify and parse each distinct value, then spread by codes."""
    import pandas as pd

    obj = column.astype(object).to_numpy(dtype=object)
    n = len(obj)
    values = np.full(n, np.nan)
    reasons = np.full(n, None, dtype=object)
    # Missing values (None, NaN, NaT, <NA>) get code -1, as isna() would find them.
    # Hashing compares values with equal hashes; np.float32(0) == 1.07e134 casts the float to
    # float32 and warns of overflow although the answer (unequal) is right.
    with np.errstate(over="ignore"):
        codes, uniques = pd.factorize(obj, use_na_sentinel=True)
    unique_kind = np.fromiter((_kind(u) for u in uniques), dtype=np.int8, count=len(uniques))
    cell_kind = np.append(unique_kind, np.int8(_NA))[codes]  # code -1 picks the appended _NA
    reasons[cell_kind == _NA] = "blank"

    # factorize() merges equal values of different types (True == 1 == 1.0 == Decimal(1)), so
    # a non-text cell may sit under a unique of another kind. When the non-text cells are not
    # all plain numbers, classify them by their own type (a C-level call per cell, no Python).
    nonstr = (cell_kind == _NUM) | (cell_kind == _OTHER)
    exact_ints = False
    if nonstr.any():
        inferred = pd.api.types.infer_dtype(obj[nonstr], skipna=False)
        exact_ints = inferred == "integer"
        if inferred not in _ONLY_NUMBERS:
            types = pd.Series(obj[nonstr], dtype=object).map(type)
            type_codes, type_uniques = pd.factorize(types)
            is_num_type = np.array([_is_number_type(t) for t in type_uniques], dtype=bool)
            cell_kind[nonstr] = np.where(is_num_type[type_codes], _NUM, _OTHER)
    num = cell_kind == _NUM
    if num.any():
        if exact_ints:  # equal integers convert to the same float: take from the uniques
            unique_float = np.array(
                [
                    float(u) if k == _NUM else np.nan
                    for u, k in zip(uniques, unique_kind, strict=True)
                ]
            )
            values[num] = unique_float[codes[num]]
        else:  # floats may merge -0.0 with 0, so convert every cell (in C)
            values[num] = obj[num].astype(float)
            values = between_points(values, reasons, lo, hi)
    reasons[cell_kind == _OTHER] = "unparseable"  # dates, booleans and the like

    is_str = cell_kind == _STR
    if is_str.any():
        str_codes = np.flatnonzero(unique_kind == _STR)
        str_vals, str_reason = parse_text_cached(uniques[str_codes], lo, hi, labels, missing_tokens)
        position = np.full(len(uniques), -1, dtype=np.intp)
        position[str_codes] = np.arange(len(str_codes))
        at = position[codes[is_str]]
        values[is_str] = str_vals[at]
        reasons[is_str] = str_reason[at]
        if recoded is not None:
            texts = uniques[str_codes]
            hit = read_from_text(texts, str_vals, str_reason)
            if hit.any():
                cells = np.bincount(codes[is_str], minlength=len(uniques))[str_codes]
                tally_recoded(recoded, texts[hit], str_vals[hit], cells[hit])
    return values, reasons
