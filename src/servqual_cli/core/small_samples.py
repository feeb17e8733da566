"""What tiny samples cannot support in the paired gap statistics, blanked and said why.

Review 2 items 10 and 11: two respondents gave "r_rb = −1.00, 95% CI [−1.00, −1.00]" and one
gave "p (Wilcoxon) 1.000"; both read as findings. The rules, applied to a table of
:func:`servqual_cli.core.gaps.gap_analysis` (dimensions or items) in one place:

* the Fisher z interval of the rank-biserial correlation, tanh(atanh(r) ± z SE), is undefined
  at r = ±1 (atanh(±1) is infinite; R ``effectsize::rank_biserial`` prints [−1, −1]): the
  bounds become NaN and ``rank_biserial_ci_note`` says :data:`RB_UNDEFINED`;
* a signed rank test on fewer than :data:`MIN_NONZERO` nonzero differences cannot reject
  anything (with one pair its p is 1 by construction): ``p_wilcoxon`` becomes NaN and the
  method says :data:`NO_TEST`;
* ``no_variation`` marks a row whose n ≥ 2 gaps are all equal (no SD, so no t, no interval);
* :func:`flag_small_base` adds ``small_base`` (n below ``min_n``), as ``service-survey``'s
  "Small base"; :func:`flag_small_group` the same to a ``tolerance --by`` or ``knowledge-gap
  --by`` group.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd

from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.core.group_gaps import GroupedGapAnalysis
    from servqual_cli.core.knowledge_gap import KnowledgeGap
    from servqual_cli.core.tolerance import ToleranceAnalysis

RB_UNDEFINED = "interval undefined at r = ±1"
MIN_NONZERO = 2
NO_TEST = "fewer than 2 nonzero differences, no test"


def blank_degenerate(table: pd.DataFrame) -> pd.DataFrame:
    """Blank the rank-biserial interval at r = ±1 and the signed rank p on fewer than two
    nonzero differences; mark rows without variation. Returns a new table.

    Examples
    --------
    >>> t = pd.DataFrame({"n": [2, 30], "gap_sd": [0.0, 1.0], "n_nonzero": [1, 28],
    ...     "p_wilcoxon": [1.0, 0.02], "wilcoxon_method": ["exact", "exact"],
    ...     "rank_biserial": [-1.0, -0.4], "rank_biserial_ci_low": [-1.0, -0.7],
    ...     "rank_biserial_ci_high": [-1.0, -0.1]})
    >>> out = blank_degenerate(t)
    >>> out["p_wilcoxon"].tolist(), out["wilcoxon_method"][0]
    ([nan, 0.02], 'fewer than 2 nonzero differences, no test')
    >>> out["rank_biserial_ci_low"].tolist(), out["rank_biserial_ci_note"][0]
    ([nan, -0.7], 'interval undefined at r = ±1')
    >>> out["no_variation"].tolist()
    [True, False]
    """
    out = table.copy()
    r = out["rank_biserial"].to_numpy(dtype=float)
    undefined = np.abs(r) == 1.0
    out.loc[undefined, ["rank_biserial_ci_low", "rank_biserial_ci_high"]] = np.nan
    out["rank_biserial_ci_note"] = [RB_UNDEFINED if u else None for u in undefined.tolist()]
    few = (out["n_nonzero"].to_numpy() > 0) & (out["n_nonzero"].to_numpy() < MIN_NONZERO)
    out.loc[few, "p_wilcoxon"] = np.nan
    out.loc[few, "wilcoxon_method"] = NO_TEST
    out["no_variation"] = (out["n"].to_numpy() >= 2) & (out["gap_sd"].to_numpy(dtype=float) == 0)
    return out


def flag_small_base(result: GapAnalysis, min_n: int = MIN_N) -> GapAnalysis:
    """``result`` with ``small_base`` in its dimension and item tables: n below ``min_n``, a
    value to read with care.

    >>> from servqual_cli.core.gaps import gap_analysis
    >>> e = np.full((3, 2), 5.0); p = np.array([[4.0, 5], [6, 6], [5, 3]])
    >>> r = flag_small_base(gap_analysis(e, p, ["1", "2"], {"D": [0, 1]}), min_n=4)
    >>> r.dimensions["small_base"].tolist(), r.items["small_base"].tolist()
    ([True], [True, True])
    """
    dims = result.dimensions.assign(small_base=result.dimensions["n"] < min_n)
    items = result.items.assign(small_base=result.items["n"] < min_n)
    return dataclasses.replace(result, dimensions=dims, items=items)


def flag_small_groups(result: GroupedGapAnalysis, min_n: int = MIN_N) -> GroupedGapAnalysis:
    """:func:`flag_small_base` for the total and every group of a grouped analysis."""
    groups = {name: flag_small_base(res, min_n) for name, res in result.groups.items()}
    return dataclasses.replace(result, all=flag_small_base(result.all, min_n), groups=groups)


Flagged = TypeVar("Flagged", "ToleranceAnalysis", "KnowledgeGap")


def flag_small_group(result: Flagged, min_n: int = MIN_N) -> Flagged:
    """A ``--by`` group's zone of tolerance or knowledge gap with ``small_base`` (n below
    ``min_n``) in its dimension and item tables and ``min_n`` kept for the note, as
    :func:`flag_small_groups` flags ``gap --by``'s groups (review 13, finding 17: a group of
    n = 1 showed "Andel över D 100,0 %" without a caveat). A knowledge gap's n is the group's
    citizens' (``n_customers``): its staff are all staff, the same for every group.

    >>> from servqual_cli.core.tolerance import tolerance_analysis
    >>> a, d, p = (np.full((3, 2), v) + np.arange(3)[:, None] for v in (3.0, 6.0, 5.0))
    >>> r = flag_small_group(tolerance_analysis(a, d, p, ["1", "2"], {"D": [0, 1]}), min_n=3)
    >>> r.dimensions["small_base"].tolist(), r.min_n
    ([False], 3)
    """
    n = "n" if "n" in result.dimensions.columns else "n_customers"
    dims = result.dimensions.assign(small_base=result.dimensions[n] < min_n)
    items = result.items.assign(small_base=result.items[n] < min_n)
    return dataclasses.replace(result, dimensions=dims, items=items, min_n=min_n)
