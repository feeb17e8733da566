"""Turning result tables into plain JSON-able values (NaN -> None, numpy -> Python)."""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

# Cells whose missingness needs no pandas (issue #16: an ``alpha`` run on a CSV holds nothing
# else). numpy's timedelta64 is an integer type, and its NaT is missing: it goes to pandas.
_NAN_ABLE = (float, complex, np.floating, np.complexfloating)
_NEVER_MISSING = (str, int, np.integer, np.bool_)
_DATETIMELIKE = (np.datetime64, np.timedelta64)


def plain(value: Any) -> Any:
    """A JSON-able Python value: NaN and NaT become None, numpy scalars Python scalars.

    >>> plain(np.float64("nan")) is None, plain(np.int64(3)), plain(2.5)
    (True, 3, 2.5)
    """
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    # Only a loaded pandas can have made a Timestamp or NaT: no import for the check.
    pd = sys.modules.get("pandas")
    if pd is not None:
        if isinstance(value, pd.Timestamp):
            return None if pd.isna(value) else value.isoformat()
        if value is pd.NaT:
            return None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def is_missing(value: Any) -> bool:
    """``bool(pandas.isna(value))``, False where ``isna`` refuses (an array of several values).

    None, a float or complex NaN, or a string or integer are answered without pandas;
    anything else (NaT, ``pd.NA``, a Timestamp, a Decimal, numpy's datetime64/timedelta64,
    a container) is handed to ``pandas.isna`` itself, imported then.

    >>> is_missing(None), is_missing(float("nan")), is_missing(np.float32("nan")), is_missing("")
    (True, True, True, False)
    >>> is_missing(np.timedelta64("NaT")), is_missing(np.int64(3)), is_missing([1.0, 2.0])
    (True, False, False)
    """
    if value is None:
        return True
    if isinstance(value, _NAN_ABLE):
        return bool(value != value)
    if isinstance(value, _NEVER_MISSING) and not isinstance(value, _DATETIMELIKE):
        return False
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-able dicts in column order."""
    cols = [str(c) for c in frame.columns]
    return [
        {c: plain(v) for c, v in zip(cols, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]
