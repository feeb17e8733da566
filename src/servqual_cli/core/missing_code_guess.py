"""Whether the largest answer looks like a code for "no answer" (review 15, finding 7).

``servqual alpha`` without ``--scale-range`` counts every number as an answer, so an export's
99 for "Vet ej" (SPSS's and Survey&Report's habit; 9 and 999 likewise) went into α and the means:
E1's mean 8,09 and SD 15,62 on a 1–7 scale, with only the last note line saying the answers run
to 99. The rule here: the largest value is 9, 99 or 999 and the other values stay at least two
steps below it and within an 11-point scale (the longest rating scale in common use, 0–10), so
a 0–9 or 1–100 scale whose top answer is 9 or 99 is not taken for a code.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["CODES", "SuspectCode", "suspect_missing_code"]

#: The values exports use for "no answer" that are read here as a likely code.
CODES = (9.0, 99.0, 999.0)
#: The other answers must lie at or below this (an 11-point scale, 0–10 or 1–11).
LONGEST_SCALE = 11.0


@dataclass(frozen=True)
class SuspectCode:
    """The likely code, how many cells hold it, and the range of the other answers."""

    code: float
    cells: int
    low: float
    high: float

    def to_dict(self) -> dict[str, object]:
        num = lambda v: int(v) if float(v).is_integer() else float(v)  # noqa: E731
        return {"value": num(self.code), "cells": self.cells,
                "others": [num(self.low), num(self.high)]}  # fmt: skip


def suspect_missing_code(values: np.ndarray) -> SuspectCode | None:
    """The largest value of ``values`` (NaN: no answer) when it looks like a missing code.

    >>> x = np.array([[1, 7, 99], [4, np.nan, 5]], dtype=float)
    >>> suspect_missing_code(x)
    SuspectCode(code=99.0, cells=1, low=1.0, high=7.0)
    >>> suspect_missing_code(np.array([0.0, 8, 9])) is None  # a 0–9 scale
    True
    >>> suspect_missing_code(np.array([1.0, 50, 99])) is None  # a 1–100 scale
    True
    >>> suspect_missing_code(np.array([1.0, 5, 7])) is None, suspect_missing_code(np.array([99.0]))
    (True, None)
    """
    flat = np.asarray(values, dtype=float).ravel()
    flat = flat[~np.isnan(flat)]
    if flat.size == 0:
        return None
    top = float(flat.max())
    if top not in CODES:
        return None
    is_code = flat == top
    rest = flat[~is_code]
    if rest.size == 0 or float(rest.max()) > min(top - 2.0, LONGEST_SCALE):
        return None
    return SuspectCode(top, int(is_code.sum()), float(rest.min()), float(rest.max()))
