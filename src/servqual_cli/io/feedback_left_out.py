"""Which items of a feedback register were left out whole, and why (review 2, item 16).

The register's cleaning (:func:`servqual_cli.io.feedback.load_feedback`) keeps an item unless
the item itself cannot be counted (no readable date received, a repeated id, an unknown type);
the counts speak of items, so the output says how many rows were read and which rows were left
out, by reason and column, beside the excluded cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["LeftOut", "items_left_out"]


@dataclass(frozen=True)
class LeftOut:
    """``n_rows`` read; ``rows``: (reason, column) -> the file rows of the items left out."""

    n_rows: int
    rows: dict[tuple[str, str], tuple[int, ...]]

    @property
    def n_items(self) -> int:
        return len({r for rows in self.rows.values() for r in rows})

    def to_dict(self) -> dict[str, Any]:
        return {"n_rows": self.n_rows, "n_left_out": self.n_items,
                "left_out": [{"reason": k[0], "column": k[1], "rows": list(v)}
                             for k, v in self.rows.items()]}  # fmt: skip


def items_left_out(data: Any) -> LeftOut:
    """The rows of ``data`` (a :class:`~servqual_cli.io.feedback.FeedbackData`) that are not
    among its items, with the reasons the exclusion log gives for them.

    >>> import pandas as pd
    >>> from servqual_cli.io.exclusions import ExclusionLog
    >>> log = ExclusionLog("f.xlsx")
    >>> log.add(np.array([2, 3, 4]), "inkommen", np.array([45356, "x", "2024-03-01"], dtype=object),
    ...         np.array(["invalid_date", "invalid_date", None], dtype=object))
    >>> class D:
    ...     frame, n_rows = pd.DataFrame({"row": [4]}), 3
    ...     log = log
    >>> items_left_out(D()).rows
    {('invalid_date', 'inkommen'): (2, 3)}
    """
    cells = data.log.to_frame()
    kept = np.asarray(data.frame["row"], dtype=np.int64)
    out = cells[~np.isin(cells["row"].to_numpy(dtype=np.int64), kept)]
    rows: dict[tuple[str, str], tuple[int, ...]] = {}
    for (reason, column), part in out.groupby(["reason", "column"], sort=False):  # by reason
        rows[(str(reason), str(column))] = tuple(sorted(set(part["row"].astype(int).tolist())))
    return LeftOut(int(data.n_rows), rows)
