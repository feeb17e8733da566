"""Whether an end comes before its start, when one side may be a date without a time of day.

Case systems export "closed today" as a date (2024-03-07), read as midnight, while the receipt
has a time (2024-03-07 08:00). Read plainly the case ends eight hours before it starts and is
excluded as "end before start" (review 2, item 2). The rule here, used by every reader that
checks the order (feedback registers, KPI durations, contacts) and by the case engine: **an end
with no time of day on the start's own date means the end of that day** (23:59:59.999999999),
so it is never before the start; its duration runs to the end of that day (never shorter than
the case can have taken). An end on an earlier date is still before the start, and an end with
a time is compared as it is.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["end_before_start", "end_of_day_when_same_day"]

_DAY = pd.Timedelta(days=1) - pd.Timedelta(1, "ns")


def end_of_day_when_same_day(start: npt.ArrayLike, end: npt.ArrayLike) -> pd.Series:
    """``end``, with a date-only end (midnight) on the start's date before the start moved to
    the end of that day; other ends as they are.

    >>> s = pd.Series(pd.to_datetime(["2024-03-07 08:00", "2024-03-07 08:00", "2024-03-08 00:00"]))
    >>> e = pd.Series(pd.to_datetime(["2024-03-07", "2024-03-06", "2024-03-08"], format="ISO8601"))
    >>> end_of_day_when_same_day(s, e).dt.strftime("%Y-%m-%d %H:%M:%S").tolist()
    ['2024-03-07 23:59:59', '2024-03-06 00:00:00', '2024-03-08 00:00:00']
    """
    s, e = _times(start), _times(end)
    if s.dtype == e.dtype == np.dtype("datetime64[ns]"):  # naive times: days in numpy
        e_ns, s_ns = e.to_numpy(), s.to_numpy()
        day = e_ns.astype("datetime64[D]")
        fix = (e_ns == day) & (s_ns.astype("datetime64[D]") == day) & (e_ns < s_ns)
    else:  # time-zone aware: the local day
        day = e.dt.normalize()
        fix = ((e == day) & (s.dt.normalize() == day) & (e < s)).to_numpy(dtype=bool)
    out = e.mask(fix, e + _DAY) if fix.any() else e.copy()  # NaT compares False
    if isinstance(end, pd.Series):
        out.index = end.index
    return out


def end_before_start(start: npt.ArrayLike, end: npt.ArrayLike) -> np.ndarray:
    """Per row: the end is before the start, by the rule of this module (False where either is
    missing).

    >>> start = ["2024-03-07 08:00", "2024-03-07 08:00", "2024-03-07 08:00", None]
    >>> end = ["2024-03-07", "2024-03-06", "2024-03-07 07:59", "2024-03-01"]
    >>> end_before_start(pd.to_datetime(start), pd.to_datetime(end, format="ISO8601")).tolist()
    [False, True, True, False]
    """
    s = _times(start)
    return (end_of_day_when_same_day(s, end) < s).to_numpy(dtype=bool)


def _times(values: npt.ArrayLike) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.reset_index(drop=True)
    return pd.Series(values)
