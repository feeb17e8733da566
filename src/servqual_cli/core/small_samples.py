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

Whether a base is too small to judge is decided by :func:`small_base` alone, for these tables,
the contact trend (:func:`~servqual_cli.core.trend.compare_kpis`), the survey trend
(:mod:`servqual_cli.core.survey_trend`, weighted on Kish's n_eff) and the series' years and
trends (:mod:`servqual_cli.core.series`): one threshold, one n vs n_eff rule, one "either
year" rule for a change (session 18, a-small: the decision was written four times).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.core.group_gaps import GroupedGapAnalysis
    from servqual_cli.core.knowledge_gap import KnowledgeGap
    from servqual_cli.core.tolerance import ToleranceAnalysis

RB_UNDEFINED = "interval undefined at r = ±1"
MIN_NONZERO = 2
NO_TEST = "fewer than 2 nonzero differences, no test"


def small_base(
    *counts: ArrayLike, min_n: int = MIN_N, effective: tuple[ArrayLike, ...] | None = None
) -> NDArray[np.bool_]:
    """Whether a value rests on too small a base to read without care: True where any of
    ``counts`` is below ``min_n``. One array of counts for a year's value or a group's; two
    (before, after) for a change, which rests on both years, so either small year makes it
    small; every year's for a trend. Session 15's rule: such a value is shown, judged by its
    test and interval like any other (they allow for the small n), and marked.

    ``effective``: Kish's effective n, (Σw)²/Σw², one array per count, used in place of the
    count wherever it is a number: a weighted value carries what that many unweighted answers
    would (w-left, session 17: 320 answers weighted to an effective 253 passed ``--min-n 300``).
    A year without respondents has no n_eff (NaN) and is judged by its count, 0. A count that
    is itself NaN (no value at all) is not marked.

    >>> small_base([54, 12]).tolist()
    [False, True]
    >>> small_base([300, 300], [12, 300], min_n=30).tolist()  # a change: either year
    [True, False]
    >>> small_base([400], [320], min_n=300, effective=([400.0], [253.0])).tolist()
    [True]
    >>> small_base([400], [0], min_n=300, effective=([400.0], [np.nan])).tolist()
    [True]
    """
    sides = [np.asarray(c, dtype=float) for c in counts]
    if effective is not None:
        eff = [np.asarray(e, dtype=float) for e in effective]
        sides = [np.where(np.isnan(e), n, e) for n, e in zip(sides, eff, strict=True)]
    return np.logical_or.reduce([n < min_n for n in sides])


def mark_small_base(
    frame: pd.DataFrame,
    *columns: str,
    min_n: int = MIN_N,
    effective: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """``frame`` with ``small_base`` (:func:`small_base` of its ``columns``, and of the
    ``effective`` columns where given) and ``min_n``, the limit the notes name.

    >>> f = pd.DataFrame({"n_before": [300, 300], "n_after": [12, 300]})
    >>> mark_small_base(f, "n_before", "n_after")[["small_base", "min_n"]].values.tolist()
    [[True, 30], [False, 30]]
    """
    eff = None if effective is None else tuple(frame[c] for c in effective)
    small = small_base(*(frame[c] for c in columns), min_n=min_n, effective=eff)
    return frame.assign(small_base=small, min_n=int(min_n))


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
    dims, items = _flag_tables(result, "n", min_n)
    return dataclasses.replace(result, dimensions=dims, items=items)


def _flag_tables(
    result: GapAnalysis | ToleranceAnalysis | KnowledgeGap, n: str, min_n: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``result``'s dimension and item tables with ``small_base`` (:func:`small_base` of their
    column ``n``)."""
    dims, items = result.dimensions, result.items
    return (dims.assign(small_base=small_base(dims[n], min_n=min_n)),
            items.assign(small_base=small_base(items[n], min_n=min_n)))  # fmt: skip


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
    dims, items = _flag_tables(result, n, min_n)
    return dataclasses.replace(result, dimensions=dims, items=items, min_n=min_n)
