"""The Swedish working-day calendar: which days are working days, and how much working time
lies between two timestamps.

A *working day* is a Monday-Friday that is neither a Swedish public holiday (allmän helgdag,
lag 1989:253) nor one of the three de facto days off that the Annual Leave Act treats like
Sundays (midsommarafton, julafton, nyårsafton; semesterlag 1977:480, 7 §).

Timestamps are Swedish local time (Europe/Stockholm). Naive timestamps are taken as local wall
time; tz-aware ones are converted to Europe/Stockholm first.

DST choice: working time is counted in *wall-clock* hours, so every working day is 24 hours
long. In Sweden this is not a compromise but a fact: the clocks change at 02:00/03:00 on the last
Sunday of March and of October (EU directive 2000/84/EC), and a Sunday is never a working day, so
no working day is ever 23 or 25 real hours long. Counting on the wall clock also means
"answered within 24 working hours" reads as "by the same clock time on the next working day",
which is how a citizen reads a service guarantee.

References
----------
.. [1] Lag (1989:253) om allmänna helgdagar.
.. [2] Semesterlag (1977:480), 7 §: "Med söndag jämställs allmän helgdag samt midsommarafton,
   julafton och nyårsafton."
.. [3] Directive 2000/84/EC on summer-time arrangements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import holidays
import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.errors import DataError

__all__ = [
    "STOCKHOLM",
    "swedish_holidays",
    "to_local_wall_time",
    "working_day_mask",
    "working_days_between",
    "working_hours_between",
]

STOCKHOLM = "Europe/Stockholm"

_HOURS_PER_DAY = 24.0
_NS_PER_HOUR = 3_600_000_000_000


def _midsommarafton(year: int) -> dt.date:
    """The Friday between 19 and 25 June (the eve of midsommardagen, Saturday 20-26 June)."""
    june19 = dt.date(year, 6, 19)
    return june19 + dt.timedelta(days=(4 - june19.weekday()) % 7)


def _de_facto_days_off(year: int) -> dict[dt.date, str]:
    """Midsommarafton, julafton and nyårsafton of ``year``.

    Written out here rather than taken from the ``holidays`` package's DE_FACTO category, which
    only exists in recent releases; the project accepts ``holidays>=0.50``.
    """
    return {
        _midsommarafton(year): "Midsommarafton",
        dt.date(year, 12, 24): "Julafton",
        dt.date(year, 12, 31): "Nyårsafton",
    }


@lru_cache(maxsize=64)
def _holiday_table(first_year: int, last_year: int) -> pd.DataFrame:
    years = list(range(first_year, last_year + 1))
    public = holidays.country_holidays("SE", years=years, language="sv")
    rows: list[tuple[dt.date, str, str]] = [
        (day, name, "public")
        for day, name in public.items()
        # Old releases of `holidays` listed every Sunday as "Söndag"; those are weekend days, not
        # public holidays, and would double the table.
        if "Söndag" not in name and "Sunday" not in name
    ]
    for year in years:
        rows.extend((day, name, "de_facto") for day, name in _de_facto_days_off(year).items())
    table = pd.DataFrame(rows, columns=["date", "name", "kind"])
    table["date"] = pd.to_datetime(table["date"]).astype("datetime64[s]")
    return table.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)


def swedish_holidays(years: Iterable[int]) -> pd.DataFrame:
    """Swedish public holidays and de facto days off in ``years``.

    Parameters
    ----------
    years : iterable of int
        Calendar years; the table covers every year from the smallest to the largest.

    Returns
    -------
    pandas.DataFrame
        One row per holiday, sorted by date, with columns ``date`` (datetime64), ``name``
        (Swedish name) and ``kind`` (``"public"`` for an allmän helgdag, ``"de_facto"`` for
        midsommarafton, julafton and nyårsafton). Holidays that fall on a weekend are included.

    References
    ----------
    .. [1] Lag (1989:253) om allmänna helgdagar; semesterlag (1977:480), 7 §.

    Examples
    --------
    >>> table = swedish_holidays([2024])
    >>> table.loc[table["name"] == "Midsommarafton", "date"].dt.date.tolist()
    [datetime.date(2024, 6, 21)]
    >>> len(table), int((table["kind"] == "de_facto").sum())
    (16, 3)
    """
    year_list = [int(y) for y in years]
    if not year_list:
        return _holiday_table(2000, 1999).copy()
    return _holiday_table(min(year_list), max(year_list)).copy()


@lru_cache(maxsize=64)
def _busday_calendar(first_year: int, last_year: int) -> np.busdaycalendar:
    days = _holiday_table(first_year, last_year)["date"].to_numpy().astype("datetime64[D]")
    return np.busdaycalendar(weekmask="1111100", holidays=days)


def to_local_wall_time(values: Any) -> npt.NDArray[np.datetime64]:
    """Timestamps as naive Europe/Stockholm wall-clock time, ``datetime64[ns]``.

    Parameters
    ----------
    values : array-like of datetime-like, or a scalar
        Naive values are taken as local time already; tz-aware values are converted.

    Returns
    -------
    numpy.ndarray
        One-dimensional ``datetime64[ns]``; missing values are ``NaT``.

    Examples
    --------
    >>> to_local_wall_time(["2024-07-01T10:00:00+00:00"])
    array(['2024-07-01T12:00:00.000000000'], dtype='datetime64[ns]')
    """
    if isinstance(values, pd.Series | pd.Index | np.ndarray) and values.dtype.kind == "M":
        index = pd.DatetimeIndex(np.ravel(values) if isinstance(values, np.ndarray) else values)
    else:
        if not isinstance(values, pd.Series | pd.Index):
            values = np.atleast_1d(np.asarray(values, dtype=object))
        try:
            index = pd.DatetimeIndex(pd.to_datetime(values, format="ISO8601"))
        except (ValueError, TypeError) as exc:
            raise DataError(f"could not read the values as dates and times: {exc}") from exc
    if index.tz is not None:
        index = index.tz_convert(STOCKHOLM).tz_localize(None)
    return index.as_unit("ns").to_numpy()


def _calendar_for(*day_arrays: npt.NDArray[np.datetime64]) -> np.busdaycalendar:
    """A business-day calendar whose holiday list covers every year in ``day_arrays``."""
    years = np.concatenate([a[~np.isnat(a)].astype("datetime64[Y]") for a in day_arrays])
    if years.size == 0:
        return _busday_calendar(2000, 2000)
    first = int(years.min().astype(int)) + 1970
    last = int(years.max().astype(int)) + 1970
    return _busday_calendar(first, last)


def working_day_mask(dates: Any) -> npt.NDArray[np.bool_]:
    """Whether each date is a Swedish working day.

    Parameters
    ----------
    dates : array-like of datetime-like
        Times of day are ignored (the local date is used). Missing values give ``False``.

    Returns
    -------
    numpy.ndarray of bool

    References
    ----------
    .. [1] Lag (1989:253) om allmänna helgdagar; semesterlag (1977:480), 7 §.

    Examples
    --------
    >>> working_day_mask(["2024-06-20", "2024-06-21", "2024-06-24", "2024-06-22"])
    array([ True, False,  True, False])
    """
    days = to_local_wall_time(dates).astype("datetime64[D]")
    missing = np.isnat(days)
    mask = np.zeros(days.shape, dtype=bool)
    if (~missing).any():
        mask[~missing] = np.is_busday(days[~missing], busdaycal=_calendar_for(days))
    return mask


def working_days_between(start: Any, end: Any) -> npt.NDArray[np.float64]:
    """Number of working days after the start date up to and including the end date.

    This is how "decided within N working days" is counted: a case received on a Friday and
    decided the next Monday took 1 working day; one decided on the day it arrived took 0.
    Times of day are ignored.

    Parameters
    ----------
    start, end : array-like of datetime-like
        Same length (or scalars). Local dates are used.

    Returns
    -------
    numpy.ndarray of float
        Whole numbers; negative when ``end`` is before ``start`` (minus the working days after
        the end date up to and including the start date); ``NaN`` when either is missing.

    Examples
    --------
    >>> working_days_between(["2024-03-28", "2024-03-28"], ["2024-04-02", "2024-03-28"])
    array([1., 0.])
    """
    start_days, end_days = np.broadcast_arrays(
        to_local_wall_time(start).astype("datetime64[D]"),
        to_local_wall_time(end).astype("datetime64[D]"),
    )
    ok = ~(np.isnat(start_days) | np.isnat(end_days))
    out = np.full(start_days.shape, np.nan)
    if ok.any():
        cal = _calendar_for(start_days, end_days)
        s, e = start_days[ok], end_days[ok]
        # busday_count counts the half-open [a, b) for a <= b; shifting both ends by a day gives
        # (a, b]. Reversed pairs are swapped and negated, since numpy counts (b, a] for them.
        lo, hi = np.minimum(s, e), np.maximum(s, e)
        one = np.timedelta64(1, "D")
        count = np.busday_count(lo + one, hi + one, busdaycal=cal)
        out[ok] = np.where(e < s, -count, count)
    return out


def working_hours_between(start: Any, end: Any) -> npt.NDArray[np.float64]:
    """Hours of elapsed time between ``start`` and ``end`` that fall on working days.

    Each working day counts its full 24 wall-clock hours; time on weekends, public holidays
    and de facto days off does not count. An e-mail sent Friday 15:00 and answered Monday 10:00
    has 9 + 10 = 19 working hours.

    Parameters
    ----------
    start, end : array-like of datetime-like
        Same length (or scalars). Naive values are Swedish local time.

    Returns
    -------
    numpy.ndarray of float
        ``NaN`` where either timestamp is missing (e.g. never answered). When ``end`` is before
        ``start`` the result is the negative of the working hours from ``end`` to ``start``;
        flagging that as invalid is the job of :func:`servqual_cli.core.durations.case_durations`.

    Notes
    -----
    Wall-clock hours are used, so a working day is always 24 hours; Swedish DST changes happen on
    Sundays, which are never working days, so real and wall-clock working hours always agree.

    For ``start <= end`` the count is ``24 * (working days in [start date, end date)) - hours
    before start on the start date (if a working day) + hours before end on the end date (if a
    working day)``; reversed pairs get the negative of the ordered count.

    References
    ----------
    .. [1] Directive 2000/84/EC on summer-time arrangements (changes on Sundays at 01:00 UTC).

    Examples
    --------
    >>> working_hours_between(["2024-05-31 15:00", "2024-06-01 12:00"],
    ...                       ["2024-06-03 10:00", None])
    array([19., nan])
    """
    start_wall, end_wall = np.broadcast_arrays(to_local_wall_time(start), to_local_wall_time(end))
    ok = ~(np.isnat(start_wall) | np.isnat(end_wall))
    out = np.full(start_wall.shape, np.nan)
    if not ok.any():
        return out
    # Work on the ordered pair and negate reversed ones (numpy's busday_count is not
    # antisymmetric: for b < a it counts (b, a], not [b, a)).
    reversed_ = end_wall[ok] < start_wall[ok]
    s = np.minimum(start_wall[ok], end_wall[ok])
    e = np.maximum(start_wall[ok], end_wall[ok])
    s_day, e_day = s.astype("datetime64[D]"), e.astype("datetime64[D]")
    cal = _calendar_for(s_day, e_day)
    full_days = np.busday_count(s_day, e_day, busdaycal=cal).astype(float)
    s_hours = (s - s_day).astype("timedelta64[ns]").astype(np.int64) / _NS_PER_HOUR
    e_hours = (e - e_day).astype("timedelta64[ns]").astype(np.int64) / _NS_PER_HOUR
    s_work = np.is_busday(s_day, busdaycal=cal)
    e_work = np.is_busday(e_day, busdaycal=cal)
    hours = _HOURS_PER_DAY * full_days - s_hours * s_work + e_hours * e_work
    out[ok] = np.where(reversed_, -hours, hours)
    return out
