"""The cases beyond a KPI's norm, beside the statistic the norm judges.

A ``norm`` on a median (or mean, or 90th percentile) time is judged by that statistic's
interval: "the median is at most 70 days". A per-case rule such as the ten weeks of PBL 9 kap.
27 § binds every case, though, and a median well inside it still leaves cases beyond it
(review 16, finding 1: median 32 days, "norm met", while 20 of 235 cases, 8,5 %, took longer
than 70). So every median/mean/p90 KPI with a norm carries the count of cases on the wrong side
of it (:class:`NormExcess`), which every renderer shows beside the verdict.

A case is beyond the norm when its value is strictly worse than it (above it when lower is
better, below it when higher is better): a value equal to the norm meets it, as the verdict's
bound does. An open case (no end yet) whose age at the as-of date already exceeds a
lower-is-better norm will exceed it whatever happens: it is beyond, and counted in the base
too (as the share within a limit counts it, :mod:`~servqual_cli.core.duration_summary`);
open cases still inside the norm are undecided and left out, and counted as such
(``n_open_within``), so the base can be matched to the KPI's n: base = the KPI's decided cases +
the open ones beyond; the open ones within are in neither (s18: "20 av 235" could not be
matched to the KPI's n).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from servqual_cli.core.results import plain

__all__ = ["NORM_STATISTICS", "NormExcess", "norm_excess"]

#: The statistics a ``norm`` judges (a share has a ``target`` instead).
NORM_STATISTICS = ("median", "mean", "p90")


@dataclass(frozen=True)
class NormExcess:
    """``n_beyond`` of ``n`` decided cases are on the wrong side of ``norm`` (display unit);
    ``n_open_beyond`` of the ``n_beyond`` were still open, already older than the norm;
    ``n_open_within`` open cases were still within it (undecided: in neither count)."""

    norm: float
    n_beyond: int
    n: int
    n_open_beyond: int = 0
    n_open_within: int = 0

    @property
    def share(self) -> float:
        """The share of the cases beyond the norm (NaN without cases).

        >>> NormExcess(70.0, 20, 235).share.__round__(4)
        0.0851
        """
        return self.n_beyond / self.n if self.n else float("nan")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain({**self.__dict__, "share": self.share})
        return out


def norm_excess(
    values: npt.ArrayLike,
    norm: float | None,
    statistic: str,
    higher_is_better: bool,
    open_ages: npt.ArrayLike | None = None,
) -> NormExcess | None:
    """The cases beyond ``norm`` among ``values`` (the values the statistic is computed from,
    in the norm's unit; NaN ignored) and the ``open_ages`` of open cases (same unit); None when
    the KPI has no norm or its statistic is not one a norm judges.

    >>> e = norm_excess([10.0, 70.0, 71.0, 90.0, np.nan], 70.0, "median", False, [80.0, 5.0])
    >>> e.n_beyond, e.n, e.n_open_beyond, e.n_open_within, round(e.share, 3)
    (3, 5, 1, 1, 0.6)
    >>> norm_excess([1.0], 70.0, "share", False) is None
    True
    >>> norm_excess([3.0, 5.0], 4.0, "mean", True).n_beyond
    1
    """
    if norm is None or statistic not in NORM_STATISTICS:
        return None
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    beyond = int((x < norm).sum() if higher_is_better else (x > norm).sum())
    late = within = 0
    if open_ages is not None and not higher_is_better:
        ages = np.asarray(open_ages, dtype=float)
        late = int((ages > norm).sum())  # NaN ages compare False
        within = int((ages <= norm).sum())
    return NormExcess(float(norm), beyond + late, int(x.size) + late, late, within)
