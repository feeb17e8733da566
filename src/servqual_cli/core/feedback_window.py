"""Where the feedback register's trend windows end, and the register's default as-of date
(review 12a, finding 4).

A register is often exported by date received ("every item received 2024-2025") some days
after its last receipt, so its answer and closing dates run past that receipt. Two rules follow:

Default as-of
    The latest date received or answered (:func:`default_as_of`), the rule ``servqual kpi``
    applies to its start and end columns, so that on one register both judge the share
    within the promise at one date and give one share for one promise. A closing date is
    not used: it is not a reply, and a later one (an item closed without a reply after the
    export's last receipt) would move the feedback's date past the KPI's. The backlog is then
    stated at that date (an item closed after it is not yet closed then), and the note names
    the later closing dates.
Window end
    Without ``--as-of`` the twelve-month windows end at the last item received, not at the
    as-of date: days after the last receipt are days the export holds no receipt for, and
    counting them would lower the later window's count by construction (13 days of 365, 3.6 %,
    on the reviewer's register). An explicit ``--as-of`` is the user's statement that the
    register is complete to that date: the windows end there, and the note says when no item
    was received in its last days.

The window dictionary of :func:`~servqual_cli.core.feedback_trend.trend_windows` is returned
with three more keys, so that JSON ``trend_window`` and the note say which rule applied:
``last_received`` (the last date an item was received, on or before the as-of date),
``latest_date`` (the latest date in any date column of those items) and ``end`` (``"last_received"``
or ``"as_of"``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from servqual_cli.core.feedback_trend import trend_windows

__all__ = ["count_windows", "default_as_of"]


def default_as_of(frame: pd.DataFrame) -> Any:
    """The latest date received or answered in the register (module docstring).

    >>> f = pd.DataFrame({"received": pd.to_datetime(["2025-12-31"]),
    ...     "answered": pd.to_datetime([None]), "closed": pd.to_datetime(["2026-01-13"])})
    >>> default_as_of(f)
    Timestamp('2025-12-31 00:00:00')
    """
    return frame[["received", "answered"]].max().max()


def count_windows(
    items: pd.DataFrame, as_of: pd.Timestamp, explicit: bool
) -> dict[str, Any] | None:
    """The trend windows of the items (those received on or before ``as_of``): ending at the
    last item received unless ``as_of`` was given (``explicit``), with the keys of the module
    docstring; None when there is no earlier window.

    >>> f = pd.DataFrame({"received": pd.to_datetime(["2024-01-01", "2025-12-31"]),
    ...     "answered": pd.NaT, "closed": pd.to_datetime([None, "2026-01-13"])})
    >>> w = count_windows(f, pd.Timestamp("2026-01-13 23:59"), explicit=False)
    >>> w["current"]
    {'from': '2025-01-01', 'to': '2025-12-31', 'days': 365}
    >>> w["end"], w["last_received"], w["latest_date"]
    ('last_received', '2025-12-31', '2026-01-13')
    >>> count_windows(f, pd.Timestamp("2026-01-13 23:59"), explicit=True)["current"]["to"]
    '2026-01-13'
    """
    received = items["received"]
    last = received.max()
    window = trend_windows(received.min(), as_of if explicit else last)
    if window is None:
        return None
    dates = [c for c in ("received", "answered", "closed") if c in items]
    latest = items[dates].max().max()
    return {
        **window,
        "last_received": last.date().isoformat(),
        "latest_date": latest.date().isoformat(),
        "end": "as_of" if explicit else "last_received",
    }
