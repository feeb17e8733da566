"""The feedback register's backlog: cases not closed at ``as_of`` and the reply promise's
unanswered items older than the promise, per unit (split from :mod:`servqual_cli.core.feedback`,
whose module docstring defines them; review 3 finding 12, review 9 finding 1)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.core.durations import DurationFrame, Limit, case_durations, measuring_unit
from servqual_cli.core.feedback_counts import CodedKeys

__all__ = ["backlog", "past_promise"]


def past_promise(within: DurationFrame, limit: Limit) -> np.ndarray:
    """The items the share within the promise counts as decided and late without a reply: no
    reply at ``as_of`` and older than the promise then (``_share_within``'s late open cases),
    among those it keeps (valid, and past the equal follow-up rule)."""
    f = within.frame
    age = f["censored_at_as_of"].to_numpy(dtype=float)
    valid_open = (f["valid"] & f["open"]).to_numpy(dtype=bool)
    return valid_open & (age > limit.value)  # NaN (not open) is never past it


def backlog(
    frame: pd.DataFrame,
    units: CodedKeys,
    promise: Limit,
    as_of: pd.Timestamp,
    unanswered: np.ndarray,
) -> pd.DataFrame:
    """Cases not closed at ``as_of`` (and those older than the promise) per unit, and the reply
    promise's count ``unanswered`` (a mask of the items: :func:`past_promise` of the reply
    share, so that both tables count the same unanswered items), with those of them closed."""
    unit, limit, _ = measuring_unit(promise.unit, promise, frame["received"])
    if limit is None:  # not user input: an invariant of the caller
        raise RuntimeError("internal: limit is missing")
    d = case_durations(frame["received"], frame["closed"], unit, as_of).frame
    is_open = (d["valid"] & d["open"]).to_numpy(dtype=bool)
    overdue = is_open & (d["censored_at_as_of"] > limit.value).to_numpy(dtype=bool)
    # the reply promise's own backlog (review 3, finding 12): items with contact details and no
    # reply by as_of, older than the promise; anonymous items are promised no reply. Closed or
    # not (review 9, finding 1): closing an item without a reply does not keep the promise, and
    # the reply share already counts it as late; a closing date after as_of is not yet closed
    closed = ~d["open"].to_numpy(dtype=bool)
    order = units.sorted_order()
    ok = units.codes >= 0
    size = len(units.labels)

    def per_unit(mask: np.ndarray) -> np.ndarray:
        counts: np.ndarray = np.bincount(units.codes[ok & mask], minlength=size)[order]
        return counts

    out = pd.DataFrame(
        {
            "unit": pd.Index(units.labels[order], dtype="str"),
            "n_open": per_unit(is_open),
            "n_open_overdue": per_unit(overdue),
            "n_unanswered_overdue": per_unit(unanswered),
            "n_unanswered_overdue_closed": per_unit(unanswered & closed),
        }
    )
    counts = list(out.columns[1:])
    out[counts] = out[counts].astype(np.int64)
    # bad news first by the count the overview reports (the reply promise's unanswered items,
    # review 9 finding 1), not the cases left open; the rows are in name order, so the stable
    # sort leaves ties by name
    by = "n_unanswered_overdue"
    return out.sort_values(by, ascending=False, kind="stable").reset_index(drop=True)
