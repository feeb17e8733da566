"""When does an e-mail count as answered "within N working days"? The rule, named and applied.

Three rules (``--email-rule``), each on the Swedish working-day calendar of
:mod:`servqual_cli.core.calendar`:

- ``24h`` (default): within 24 × N working-day hours, each working day counting its full 24
  wall-clock hours (an e-mail sent Friday 15:00 and answered Monday 10:00 took 19 hours);
- ``next-day``: answered no later than the end of the N-th working day after the day it was
  sent (times of day ignored: Friday's e-mail answered by Monday evening is within 1);
- ``office-hours=HH-HH``: within N office days of office hours, counting only the hours
  between the two clock times on working days (08-17: 9 hours a day; an e-mail sent at
  16:00 and answered at 09:00 the next working day took 2 office hours).

Unanswered e-mails are never within the limit. The rule changes the result, so its sentence
(worded in the report catalog from :attr:`EmailRule.kind` and :attr:`EmailRule.hours_per_day`)
is printed under the KPI table and stored in the JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from servqual_cli.core.calendar import (
    to_local_wall_time,
    working_day_mask,
    working_days_between,
    working_hours_between,
)
from servqual_cli.errors import UsageError

_OFFICE = re.compile(r"^office-hours=(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class EmailRule:
    """A parsed ``--email-rule``: ``kind`` is ``24h``, ``next-day`` or ``office-hours``."""

    kind: str
    start_hour: int = 8
    end_hour: int = 17

    @property
    def text(self) -> str:
        """The rule as given on the command line."""
        if self.kind == "office-hours":
            return f"office-hours={self.start_hour:02d}-{self.end_hour:02d}"
        return self.kind

    @property
    def hours_per_day(self) -> int | None:
        """Hours one working day counts under the rule: 24 (``24h``), the office window's width
        (``office-hours``), None for ``next-day`` (which counts days, not hours). The rule's
        sentence is worded in the report's catalog
        (:func:`servqual_cli.report.email_rule_text.email_rule_text`; review 7, finding 8: the
        wording lived here, outside the catalogs).

        >>> [parse_email_rule(r).hours_per_day for r in ("24h", "next-day", "office-hours=8-17")]
        [24, None, 9]
        """
        if self.kind == "24h":
            return 24
        if self.kind == "office-hours":
            return self.end_hour - self.start_hour
        return None

    @property
    def window(self) -> str | None:
        """The office window as given, ``08-17``; None for the other rules."""
        if self.kind != "office-hours":
            return None
        return f"{self.start_hour:02d}-{self.end_hour:02d}"

    def within(self, sent: Any, answered: Any, days: int) -> npt.NDArray[np.bool_]:
        """True where an e-mail was answered within ``days`` working days under this rule."""
        if self.kind == "24h":
            hours = working_hours_between(sent, answered)
            return np.asarray(hours <= 24.0 * days, dtype=bool)  # NaN (unanswered): False
        if self.kind == "next-day":
            count = working_days_between(sent, answered)
            return np.asarray(count <= days, dtype=bool)
        office = office_hours_between(sent, answered, self.start_hour, self.end_hour)
        return np.asarray(office <= (self.end_hour - self.start_hour) * days, dtype=bool)


def parse_email_rule(text: str) -> EmailRule:
    """Parse ``24h``, ``next-day`` or ``office-hours=HH-HH``.

    >>> parse_email_rule("office-hours=8-16")
    EmailRule(kind='office-hours', start_hour=8, end_hour=16)
    """
    if text in ("24h", "next-day"):
        return EmailRule(text)
    m = _OFFICE.match(text)
    if m and 0 <= int(m.group(1)) < int(m.group(2)) <= 24:
        return EmailRule("office-hours", int(m.group(1)), int(m.group(2)))
    raise UsageError(
        f"--email-rule must be 24h, next-day or office-hours=HH-HH (e.g. 08-17), got {text!r}",
        code="email_rule_value",
        facts={"text": text},
    )


def office_hours_between(
    start: Any, end: Any, first: int = 8, last: int = 17
) -> npt.NDArray[np.float64]:
    """Hours between ``start`` and ``end`` that fall between ``first`` and ``last`` o'clock on
    working days; NaN where either is missing (e.g. never answered).

    For start <= end: (last - first) × (working days in [start date, end date)) − the office
    hours before ``start`` on its date + those before ``end`` on its date (each 0 on a day off).

    Examples
    --------
    >>> office_hours_between(["2024-05-31 16:00", "2024-05-31 07:00", "2024-06-01 12:00"],
    ...                      ["2024-06-03 09:00", "2024-05-31 18:00", None])
    array([ 2.,  9., nan])
    """
    s, e = np.broadcast_arrays(to_local_wall_time(start), to_local_wall_time(end))
    out = np.full(s.shape, np.nan)
    ok = ~(np.isnat(s) | np.isnat(e))
    if not ok.any():
        return out
    s, e = s[ok], e[ok]
    width = float(last - first)

    def before(t: npt.NDArray[np.datetime64]) -> npt.NDArray[np.float64]:
        day = t.astype("datetime64[D]")
        hour = (t - day) / np.timedelta64(1, "h")
        return np.where(working_day_mask(day), np.clip(hour - first, 0.0, width), 0.0)

    sd, ed = s.astype("datetime64[D]"), e.astype("datetime64[D]")
    # working days in [sd, ed) = those in (sd, ed] - [ed working] + [sd working]
    days = working_days_between(sd, ed) - working_day_mask(ed) + working_day_mask(sd)
    out[ok] = width * days - before(s) + before(e)
    return out
