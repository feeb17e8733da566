"""The excluded cells' texts as the ``--excluded`` list shows them, counted per distinct text:
what the note and the JSON's ``excluded_detail`` name ("'ja' 20, '?' 12" says what to fix).
Split from :mod:`servqual_cli.io.exclusions` (session 18), which re-exports the public names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["JSON_VALUES", "counted", "excluded_detail", "present", "ranked", "ranked_values",
           "show_all"]  # fmt: skip

JSON_VALUES = 20  # texts listed per reason in the JSON; its "distinct" says how many there were


def present(reasons: np.ndarray) -> np.ndarray:
    """Per entry of an object array: not None and not NaN (what ``pd.notna`` says of the
    reasons: a string or None per distinct value), without pandas (issue #16).

    >>> present(np.array(["blank", None, float("nan"), "x"], dtype=object)).tolist()
    [True, False, False, True]
    """
    # r == r is False for NaN only; a loop over distinct values, not cells
    return np.fromiter((r is not None and r == r for r in reasons), dtype=bool, count=len(reasons))


def ranked_values(values: np.ndarray) -> tuple[tuple[str, int], ...]:
    """The distinct texts of ``values`` (cells as the ``--excluded`` list shows them) with their
    cells, commonest first, ties by text (the same file gives the same order).

    >>> ranked_values(np.array(["ja", "?", "ja", "x", "?"], dtype=object))
    (('?', 2), ('ja', 2), ('x', 1))
    """
    texts, cells = counted(show_all(np.asarray(values, dtype=object)))
    return ranked(texts, cells)


def ranked(texts: np.ndarray, cells: np.ndarray) -> tuple[tuple[str, int], ...]:
    # a loop over distinct values (the cells are counted already)
    pairs = zip(texts.tolist(), cells.tolist(), strict=True)
    return tuple(sorted(pairs, key=lambda tn: (-tn[1], tn[0])))


def excluded_detail(named: Mapping[str, Sequence[tuple[str, int]]]) -> dict[str, dict[str, Any]]:
    """The JSON's ``excluded_detail``: per named reason with cells, how many distinct texts and
    the commonest :data:`JSON_VALUES` as ``{value, count}`` (the whole text, as in the list).

    >>> excluded_detail({"unparseable": (("ja", 2), ("?", 1))})
    {'unparseable': {'distinct': 2, 'values': [{'value': 'ja', 'count': 2}, {'value': '?', \
'count': 1}]}}
    >>> excluded_detail({})
    {}
    """
    return {
        reason: {
            "distinct": len(values),
            "values": [{"value": t, "count": int(n)} for t, n in values[:JSON_VALUES]],
        }
        for reason, values in named.items()
        if values
    }


def counted(texts: np.ndarray, cells: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``texts`` and their cells (``cells`` per entry, else 1 each).

    >>> counted(np.array(["a", "b", "a"], dtype=object))
    (array(['a', 'b'], dtype=object), array([2, 1]))
    """
    import pandas as pd

    codes, uniques = pd.factorize(texts)
    if not len(uniques):
        return np.array([], dtype=object), np.array([], dtype=np.int64)
    weights = None if cells is None else np.asarray(cells, dtype=np.float64)
    totals = np.bincount(codes, weights=weights, minlength=len(uniques))
    return np.asarray(uniques, dtype=object), totals.astype(np.int64)


def show_all(values: np.ndarray) -> np.ndarray:
    """:func:`_show` of each value, computed once per distinct value."""
    import pandas as pd

    with np.errstate(over="ignore"):
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
    shown = np.array([_show(u) for u in uniques] + [""], dtype=object)
    out = shown[codes]  # code -1 (None, NaN) picks the appended ""
    # factorize merges equal values of different types (True == 1 == 1.0), and True shows as
    # "True", 1 as "1": the cells equal to True or False are shown one by one (they are few).
    with np.errstate(all="ignore"):
        maybe_bool = np.flatnonzero(
            (values == True) | (values == False)  # noqa: E712 - elementwise, not identity
        )
    if len(maybe_bool):
        out[maybe_bool] = [_show(v) for v in values[maybe_bool]]
    return out


def _show(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
