"""The calendar windows of a change whose latest period was cut short (review 10a, finding 4).

The equal-follow-up rule (:func:`~servqual_cli.core.kpi_durations.equal_follow_up`) leaves out
the latest period's cases too young to be measured, so that period ends early (bygglov 2024: on
21 October), while every case of the period before had the whole time. The change then compares
the earlier period only up to the same point of its own span, so a season missing from one side
is missing from both: here is the calendar arithmetic (:func:`months_apart`,
:func:`same_point`, :func:`period_days`) and the record of the two windows
(:class:`MatchedWindows`); :func:`~servqual_cli.core.kpi_durations.matched_window` applies it.

"The same point" is the same day of the month and time of day, some whole months earlier, as
pandas' ``DateOffset(months=...)`` counts them (a day the later month lacks is clamped to its
last day), so 29 February matches 28 February of a year without it: the usual "same period last
year" of year-to-date figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

import pandas as pd

from servqual_cli.core.periods import _PERIOD_FREQ, Period
from servqual_cli.core.results import plain
from servqual_cli.errors import ConfigError

__all__ = ["MatchedWindows", "months_apart", "period_days", "same_point"]


def _span(name: str, period: Period) -> pd.Period:
    if period not in _PERIOD_FREQ:
        raise ConfigError(f"unknown period {period!r}: expected one of {get_args(Period)}")
    return pd.Period(name, freq=_PERIOD_FREQ[period])


def period_days(name: str, period: Period) -> pd.DatetimeIndex:
    """The calendar days (midnights) of a period named as :func:`period_labels` names it.

    >>> d = period_days("2024Q1", "quarter")
    >>> len(d), d[0].date().isoformat(), d[-1].date().isoformat()
    (91, '2024-01-01', '2024-03-31')
    """
    span = _span(name, period)
    return pd.date_range(span.start_time.normalize(), span.end_time.normalize(), freq="D")


def months_apart(previous: str, latest: str, period: Period) -> int:
    """Whole months from the start of period ``previous`` to the start of ``latest`` (the two
    compared periods need not be adjacent: a year without cases is skipped by the comparison).

    >>> months_apart("2023", "2024", "year"), months_apart("2024Q3", "2024Q4", "quarter")
    (12, 3)
    >>> months_apart("2022", "2024", "year")
    24
    """
    a, b = _span(previous, period).start_time, _span(latest, period).start_time
    return (b.year - a.year) * 12 + (b.month - a.month)


def same_point(times: Any, months: int) -> Any:
    """``times`` moved ``months`` later to the same point of the later period: the same day of
    the month and time of day, a day the later month lacks clamped to its last day (pandas
    ``DateOffset(months=...)``). So 29 February 2024 is at 28 February 2025, and a window of
    2025 that ends on 28 February takes 2024's cases of 28 and 29 February: the leap day belongs
    to the end of its February, and the earlier window then has one day more.

    >>> s = pd.Series(pd.to_datetime(["2024-02-29 00:00", "2023-10-21 13:00"]))
    >>> [t.isoformat() for t in same_point(s, 12)]
    ['2025-02-28T00:00:00', '2024-10-21T13:00:00']
    """
    return times + pd.DateOffset(months=months)


@dataclass(frozen=True)
class MatchedWindows:
    """The calendar windows of a change whose latest period was cut short (review 10a,
    finding 4): the latest period's cases start from ``start`` to ``end`` (ISO dates; its later
    cases had not had the whole follow-up and are left out), and the previous period's are
    counted only from ``previous_start`` to ``previous_end``, the same point of its own span
    (:func:`same_point`), so a season missing from one side is missing from both.
    ``n_previous_total`` counts the previous period's cases before the cut, ``n_previous_kept``
    those inside its window (valid cases, open or decided; the change's own n are on the
    change). ``months`` is how far apart the two periods start.
    """

    period: str
    start: str
    end: str
    previous_period: str
    previous_start: str
    previous_end: str
    n_previous_kept: int
    n_previous_total: int
    months: int
    rule: str = "same calendar point of each period; 29 Feb matches 28 Feb"

    @property
    def n_previous_left_out(self) -> int:
        """The previous period's cases after its window (not compared)."""
        return self.n_previous_total - self.n_previous_kept

    def to_dict(self) -> dict[str, Any]:
        """JSON form, with the left-out count."""
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["n_previous_left_out"] = self.n_previous_left_out
        result: dict[str, Any] = plain(out)
        return result
