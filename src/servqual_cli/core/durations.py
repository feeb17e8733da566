"""Durations of cases (contacts, feedback items, building-permit cases): limits and lead times.

One engine measures every kind of case: :func:`case_durations` turns start and end timestamps
into a tidy frame of durations in one unit, with open and invalid cases marked;
:mod:`servqual_cli.core.duration_summary` summarises it and :mod:`servqual_cli.core.periods`
groups and compares it.

Units
-----
``"days"``
    Calendar days counted on the local (Europe/Stockholm) wall clock: whole days are the number
    of dates between start and end, plus the wall-clock fraction of a day. A case received
    2024-03-29 and decided 2024-06-07 took 70 days although the DST change on 31 March made
    that 69 days and 23 real hours: lead times such as bygglov (PBL 9 kap. 27 §, "inom tio
    veckor") are counted between dates, and date-only data must give whole days, or a case
    decided on day 70 across the October change would count as 70.04 days, late.
``"hours"``
    Real elapsed hours (2024-03-30 12:00 to 2024-03-31 12:00 is 23 hours).
``"working_days"``
    Working days after the start date up to and including the end date
    (:func:`~servqual_cli.core.calendar.working_days_between`): received Friday, decided Monday
    is 1 working day. Times of day are ignored, which is how "within N working days" is read.
``"working_hours"``
    Wall-clock hours on working days (:func:`~servqual_cli.core.calendar.working_hours_between`),
    for "answered within 24 working hours".

Working days with times of day
------------------------------
When the start column carries times of day, a limit in working days is measured as working
hours x 24 (:func:`measuring_unit`): "answered within one working day" means by the same clock
time on the next working day, as KKiK's test e-mails were scored. Date-only data count working
days between dates.

References
----------
.. [1] Plan- och bygglag (2010:900), 9 kap. 27 §.
.. [2] Lag (1989:253) om allmänna helgdagar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.core.calendar import (
    STOCKHOLM,
    to_local_wall_time,
    working_days_between,
    working_hours_between,
)
from servqual_cli.errors import ConfigError, DataError
from servqual_cli.vocab.date_order import end_of_day_when_same_day
from servqual_cli.vocab.durations import DurationUnit, Limit, parse_limit

__all__ = [
    "EXCLUSION_REASONS",
    "DurationFrame",
    "DurationUnit",
    "Limit",
    "case_durations",
    "measuring_unit",
    "parse_limit",
    "resolve_as_of",
]

EXCLUSION_REASONS = ("missing start", "start after as_of", "end before start")

_NS_PER_HOUR = 3_600_000_000_000
_NS_PER_DAY = 24 * _NS_PER_HOUR


def resolve_as_of(as_of: str | pd.Timestamp | None, latest: Any) -> pd.Timestamp:
    """The moment open cases are measured to; a date means the end of that day.

    A case still open at the end of day D can no longer be answered on day D, so it is judged
    then; ``latest`` (the last date in the data) is used when ``as_of`` is None.

    Examples
    --------
    >>> resolve_as_of("2024-12-31", None)
    Timestamp('2024-12-31 23:59:59.999999999')
    >>> resolve_as_of(None, pd.Timestamp("2020-11-27 15:04"))
    Timestamp('2020-11-27 23:59:59.999999999')
    >>> resolve_as_of("2024-06-01 12:00", None)
    Timestamp('2024-06-01 12:00:00')
    """
    stamp = pd.Timestamp(latest if as_of is None else as_of)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("Europe/Stockholm").tz_localize(None)
    if as_of is None or stamp == stamp.normalize():
        return stamp.normalize() + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    return stamp


def measuring_unit(
    unit: DurationUnit, limit: Limit | None, start: pd.Series
) -> tuple[DurationUnit, Limit | None, float]:
    """Engine unit, limit in it, and divisor back to ``unit`` (see the module docstring).

    >>> times = pd.Series(pd.to_datetime(["2020-09-04 11:52"]))
    >>> u, lim, f = measuring_unit("working_days", Limit(1.0, "working_days", "1 wd"), times)
    >>> u, lim.value, f
    ('working_hours', 24.0, 24.0)
    """
    has_time = bool((start.dropna() != start.dropna().dt.normalize()).any())
    if unit != "working_days" or not has_time:
        return unit, limit, 1.0
    hours = None if limit is None else Limit(limit.value * 24.0, "working_hours", limit.text)
    return "working_hours", hours, 24.0


@dataclass(frozen=True)
class DurationFrame:
    """Durations of cases in one unit, with open and invalid cases marked.

    ``frame`` has the input's index and the columns

    - ``start``, ``end``: local wall-clock time (naive ``datetime64[ns]``, Europe/Stockholm);
    - ``duration`` (float): start to end in ``unit``; NaN for open or invalid cases;
    - ``open`` (bool): no end (or, with ``as_of``, an end after ``as_of``);
    - ``censored_at_as_of`` (float): for valid open cases, the age at ``as_of`` in ``unit``;
      NaN otherwise (and for every case when ``as_of`` is None);
    - ``valid`` (bool): usable in summaries;
    - ``exclusion`` (str): why an invalid case is excluded, one of :data:`EXCLUSION_REASONS`;
      missing (NaN) for valid cases.

    Extra columns (e.g. group keys) may follow; see :meth:`with_columns`.
    """

    frame: pd.DataFrame
    unit: DurationUnit
    as_of: pd.Timestamp | None = None

    def with_columns(self, data: pd.DataFrame) -> DurationFrame:
        """A copy with the columns of ``data`` added, aligned on the index (for grouping).

        >>> d = case_durations(pd.Series(["2024-01-01"]), pd.Series(["2024-01-03"]), "days")
        >>> d.with_columns(pd.DataFrame({"unit": ["Bygg"]})).frame["unit"].tolist()
        ['Bygg']
        """
        clash = [c for c in data.columns if c in self.frame.columns]
        if clash:
            raise ConfigError(f"column names clash with the duration columns: {clash}")
        if not data.index.equals(self.frame.index):
            raise DataError("the extra columns do not have the same rows (index) as the cases")
        return DurationFrame(self.frame.join(data), self.unit, self.as_of)


def _utc_ns(values: Any) -> npt.NDArray[np.int64]:
    """Instants as int64 nanoseconds since the epoch (UTC); NaT is ``iNaT``.

    Naive values are Europe/Stockholm wall time. A wall time that occurs twice (02:00-03:00 on the
    last Sunday of October) is taken as its first, summer-time occurrence; one that does not exist
    (02:00-03:00 on the last Sunday of March) is moved forward to 03:00.
    """
    index = pd.DatetimeIndex(pd.to_datetime(values))
    if index.tz is not None:
        return index.tz_convert("UTC").tz_localize(None).as_unit("ns").asi8
    wall = index.as_unit("ns").asi8
    # A register of a million cases holds a few hundred distinct dates: each wall time is
    # localised once (the rule is elementwise) and the instants are taken back by code.
    codes, distinct = pd.factorize(wall)
    if len(distinct) > len(wall) // 4:
        codes, distinct = np.arange(len(wall)), wall
    local = pd.DatetimeIndex(distinct.view("M8[ns]")).tz_localize(
        STOCKHOLM, ambiguous=np.ones(len(distinct), dtype=bool), nonexistent="shift_forward"
    )
    utc: npt.NDArray[np.int64] = local.tz_convert("UTC").tz_localize(None).as_unit("ns").asi8
    return utc[codes] if len(distinct) < len(wall) else utc


def _reason_text(codes: npt.NDArray[np.integer[Any]]) -> pd.api.extensions.ExtensionArray:
    """The exclusion reasons as pandas text (``dtype="str"``), missing for valid cases (code 0)
    so that value_counts() lists only problems; taken from the three texts by code in pyarrow
    rather than converted from a million Python objects.

    >>> _reason_text(np.array([0, 3, 1])).tolist()
    [nan, 'end before start', 'missing start']
    """
    import pyarrow as pa

    texts = pa.array([None, *EXCLUSION_REASONS], type=pa.large_string())
    return pd.array(texts.take(pa.array(codes)), dtype="str")


def _series_of_times(values: pd.Series, what: str) -> pd.Series:
    try:
        return pd.Series(pd.to_datetime(values, format="ISO8601"), index=values.index)
    except (ValueError, TypeError) as exc:
        raise DataError(f"could not read the {what} times as dates and times: {exc}") from exc


def _measure(
    unit: DurationUnit,
    start_wall: npt.NDArray[np.datetime64],
    end_wall: npt.NDArray[np.datetime64],
    start_ns: npt.NDArray[np.int64],
    end_ns: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """Duration from start to end in ``unit``; callers mask missing values afterwards."""
    if unit == "days":
        wall = (end_wall - start_wall).astype("timedelta64[ns]").astype(np.int64)
        return wall / _NS_PER_DAY
    if unit == "hours":
        return (end_ns - start_ns) / _NS_PER_HOUR
    if unit == "working_days":
        return working_days_between(start_wall, end_wall)
    return working_hours_between(start_wall, end_wall)


def case_durations(
    start: pd.Series,
    end: pd.Series,
    unit: DurationUnit,
    as_of: pd.Timestamp | str | None = None,
) -> DurationFrame:
    """Duration of each case from ``start`` to ``end`` in ``unit``.

    Parameters
    ----------
    start, end : pandas.Series of datetime-like
        Same length. Naive values are Swedish local time; tz-aware ones are converted. A missing
        ``end`` means the case is still open.
    unit : {"days", "working_days", "hours", "working_hours"}
        See the module docstring for how each is counted (DST and working days).
    as_of : Timestamp or str, optional
        When the data were extracted. Open cases get their age at ``as_of`` in
        ``censored_at_as_of``; ends after ``as_of`` had not happened then, so those cases are
        open; cases starting after ``as_of`` are invalid.

    Returns
    -------
    DurationFrame
        The columns are documented on :class:`DurationFrame`. Exclusion reasons, first match
        wins: "missing start", "start after as_of", "end before start".

    Raises
    ------
    ConfigError
        For an unknown unit.
    DataError
        If ``start`` and ``end`` differ in length or cannot be read as times.

    References
    ----------
    .. [1] Plan- och bygglag (2010:900), 9 kap. 27 §.

    Examples
    --------
    >>> start = pd.Series(["2024-03-30 12:00", "2024-03-01", None])
    >>> end = pd.Series(["2024-03-31 12:00", None, "2024-03-05"])
    >>> d = case_durations(start, end, "hours", as_of="2024-04-01")
    >>> d.frame[["duration", "open", "censored_at_as_of", "exclusion"]]
       duration   open  censored_at_as_of      exclusion
    0      23.0  False                NaN            NaN
    1       NaN   True              743.0            NaN
    2       NaN  False                NaN  missing start

    Both spans cross the start of summer time (31 March): 23 and 31 x 24 - 1 = 743 real hours.
    """
    if unit not in get_args(DurationUnit):
        raise ConfigError(
            f"unknown duration unit {unit!r}: expected one of {get_args(DurationUnit)}"
        )
    if len(start) != len(end):
        raise DataError(f"start has {len(start)} values but end has {len(end)}")
    start_t, end_t = _series_of_times(start, "start"), _series_of_times(end, "end")
    end_t = end_of_day_when_same_day(start_t, end_t)  # "closed today" without a time
    start_wall, end_wall = to_local_wall_time(start_t), to_local_wall_time(end_t)
    start_ns, end_ns = _utc_ns(start_t), _utc_ns(end_t)
    missing_start = np.isnat(start_wall)
    open_ = np.isnat(end_wall)
    start_after = np.zeros(len(start), dtype=bool)
    as_of_ts: pd.Timestamp | None = None
    if as_of is not None:
        as_of_ts = pd.Timestamp(as_of)
        as_of_wall = to_local_wall_time([as_of_ts])[0]
        as_of_ns = _utc_ns([as_of_ts])[0]
        open_ |= ~open_ & (end_ns > as_of_ns)
        start_after = ~missing_start & (start_ns > as_of_ns)
    end_before = ~missing_start & ~open_ & (end_ns < start_ns)
    # 1 + the position in EXCLUSION_REASONS, first match wins; 0 for a valid case
    exclusion = np.select([missing_start, start_after, end_before], [1, 2, 3], default=0)
    valid = exclusion == 0
    closed = valid & ~open_
    duration = np.where(closed, _measure(unit, start_wall, end_wall, start_ns, end_ns), np.nan)
    censored = np.full(len(start), np.nan)
    if as_of is not None:
        n = len(start)
        ages = _measure(
            unit, start_wall, np.full(n, as_of_wall), start_ns, np.full(n, as_of_ns, np.int64)
        )
        censored = np.where(valid & open_, ages, np.nan)
    frame = pd.DataFrame(
        {
            "start": start_wall,
            "end": end_wall,
            "duration": duration,
            "open": open_,
            "censored_at_as_of": censored,
            "valid": valid,
            "exclusion": pd.Series(_reason_text(exclusion), index=start.index),
        },
        index=start.index,
    )
    return DurationFrame(frame, unit, as_of_ts)
