"""Which calls the phone queue-time median counts, and how that differs from the reach KPI.

The median queue time (``phone_wait_seconds_median``) counts every call with a recorded
waiting time whose ``reached`` value is yes *or unknown* (blank, or an excluded value such as
"kanske"): the file leaves the time empty for a call that reached no one, so a recorded time
itself says the call got through. The reach KPI (``phone_reached``) counts only valid reached
values. So the two can name different numbers of reached calls (review 10a finding 5: 2019's
"median över de 45 samtal som nådde en person" beside a reach KPI of 44 of 53, one call having
``nådd = "kanske"`` and a waiting time). :func:`wait_basis` counts each part, so the note
under the table states the rule where it changes a count.

:func:`wait_mask` is the one definition of the median's calls, used by
:func:`servqual_cli.core.contacts.kpi_observations` and here, so the note and the KPI cannot
drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["WaitBasis", "wait_basis", "wait_mask"]


def wait_mask(contacts: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """The calls in the queue-time median: phone, a waiting time, reached yes or unknown."""
    phone = contacts["channel"].eq("phone").to_numpy(dtype=bool)
    reached = contacts["reached"].to_numpy(dtype=float)
    wait = contacts["wait_seconds"].to_numpy(dtype=float)
    return np.asarray(phone & ~np.isnan(wait) & ((reached == 1) | np.isnan(reached)), dtype=bool)


@dataclass(frozen=True)
class WaitBasis:
    """The calls behind the queue-time median, in parts.

    ``with_wait``: calls in the median; ``reached``: of them, reached = yes;
    ``reached_unknown``: of them, the reached value blank or excluded (counted for their time);
    ``unreached``: calls with reached = no (no waiting time, not in the median).
    """

    with_wait: int
    reached: int
    reached_unknown: int
    unreached: int

    def to_dict(self) -> dict[str, int]:
        return {"with_wait": self.with_wait, "reached": self.reached,
                "reached_unknown": self.reached_unknown, "unreached": self.unreached}  # fmt: skip


def wait_basis(contacts: pd.DataFrame) -> WaitBasis:
    """Count the parts of :class:`WaitBasis` in a tidy contact frame (one year, all areas).

    >>> c = pd.DataFrame({"channel": ["phone"] * 5 + ["email"],
    ...                   "reached": [1.0, 1.0, np.nan, 0.0, 1.0, np.nan],
    ...                   "wait_seconds": [40.0, 13.0, 13.0, np.nan, np.nan, np.nan]})
    >>> wait_basis(c)
    WaitBasis(with_wait=3, reached=2, reached_unknown=1, unreached=1)
    """
    mask = wait_mask(contacts)
    phone = contacts["channel"].eq("phone").to_numpy(dtype=bool)
    reached = contacts["reached"].to_numpy(dtype=float)
    return WaitBasis(
        with_wait=int(mask.sum()),
        reached=int((mask & (reached == 1)).sum()),
        reached_unknown=int((mask & np.isnan(reached)).sum()),
        unreached=int((phone & (reached == 0)).sum()),
    )
