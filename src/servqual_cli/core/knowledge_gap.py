"""The knowledge gap (PZB gap 1): what staff believe citizens expect versus what citizens expect.

Staff answer the expectation items as "what do citizens expect?" (Zeithaml, Parasuraman &
Berry 1990, ch. 4; Parasuraman, Zeithaml & Berry 1985, *J. Marketing* 49(4), 41-50, gap 1).
The difference is staff - customers: positive = staff overestimate what citizens expect,
negative = staff underestimate it.

- A respondent's dimension expectation is the mean of the dimension's answered items, provided
  at least half of them (rounded up) are answered (the ``gap`` rule).
- Tests: Welch's t-test with its CI (R ``t.test(staff, customers)``), the Wilcoxon rank-sum /
  Mann-Whitney test (R ``wilcox.test(staff, customers)``), Hedges' g with the pooled SD and the
  exact small-sample correction J = Γ(ν/2) / (√(ν/2) Γ((ν-1)/2)), ν = n1 + n2 - 2 (Hedges 1981;
  R ``effectsize::hedges_g``), Holm (1979) across dimensions and, separately, across items;
  per ``--by`` group (:func:`grouped_knowledge_gap`) across groups × dimensions and groups ×
  items, the family ``gap --by`` adjusts over (review 13, finding 3).
- ``reading``: ``underestimate`` / ``overestimate`` when the Holm-adjusted p is below
  1 - conf, otherwise ``unclear`` (a difference the data cannot tell from zero is no gap).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.posthoc import holm
from servqual_cli.core.ranktests import mann_whitney
from servqual_cli.core.results import records
from servqual_cli.core.thresholds import MIN_N
from servqual_cli.core.two_level import item_and_dimension_tables
from servqual_cli.errors import DataError

COLUMNS = ["n_customers", "n_staff", "customers", "staff", "diff", "ci_low", "ci_high",
           "p_welch", "p_mann_whitney", "hedges_g", "p_holm", "reading"]  # fmt: skip


@dataclass(frozen=True)
class KnowledgeGap:
    """Staff - customer expectation differences per dimension and item (:data:`COLUMNS`)."""

    n_customers: int
    n_staff: int
    dimensions: pd.DataFrame
    items: pd.DataFrame
    conf: float = 0.95
    min_n: int | None = None  # a --by group's small-base limit (core.small_samples)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_customers": self.n_customers,
            "n_staff": self.n_staff,
            "conf": self.conf,
            "dimensions": records(self.dimensions),
            "items": records(self.items),
        }


def hedges_g(x: np.ndarray, y: np.ndarray) -> float:
    """Hedges' g of mean(x) - mean(y): pooled-SD d times the exact correction J(n1 + n2 - 2).

    References
    ----------
    Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size and related
    estimators. *J. Educ. Stat.* 6(2), 107-128 (eq. 6e). R ``effectsize::hedges_g(x, y)``.

    Examples
    --------
    >>> round(hedges_g(np.array([5.1, 4.8, 6, 5.5, 5.9]), np.array([4.2, 4.9, 3.8, 5, 4.4])), 6)
    1.785869
    """
    nx, ny = x.size, y.size
    df = nx + ny - 2
    if nx < 2 or ny < 2:
        return math.nan
    pooled = math.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / df)
    if pooled == 0:
        return math.nan
    j = math.exp(math.lgamma(df / 2) - math.log(math.sqrt(df / 2)) - math.lgamma((df - 1) / 2))
    return float((x.mean() - y.mean()) / pooled * j)


def _compare(staff: np.ndarray, customers: np.ndarray, conf: float) -> pd.DataFrame:
    rows = []
    for j in range(staff.shape[1]):  # a loop over items/dimensions; each test is vectorised
        s = staff[:, j][~np.isnan(staff[:, j])]
        c = customers[:, j][~np.isnan(customers[:, j])]
        t = inference.welch_t(s, c, conf=conf)
        rows.append(
            {
                "n_customers": c.size,
                "n_staff": s.size,
                "customers": float(c.mean()) if c.size else math.nan,
                "staff": float(s.mean()) if s.size else math.nan,
                "diff": t.diff,
                "ci_low": t.ci_low,
                "ci_high": t.ci_high,
                "p_welch": t.p,
                "p_mann_whitney": mann_whitney(s, c).p,
                "hedges_g": hedges_g(s, c),
            }
        )
    table = pd.DataFrame(rows, columns=COLUMNS[:-2])
    table = _read(table, holm(table["p_welch"].to_numpy(dtype=float)), conf)
    return table.astype({"n_customers": np.int64, "n_staff": np.int64})


def _read(table: pd.DataFrame, p_holm: np.ndarray, conf: float) -> pd.DataFrame:
    """``table`` with ``p_holm`` and the ``reading`` taken from it."""
    out = table.assign(p_holm=p_holm)
    # Read on the Holm-adjusted p at the interval's level: an unclear difference is not a gap.
    clear = out["p_holm"].to_numpy(dtype=float) < 1.0 - conf
    diff = out["diff"].to_numpy(dtype=float)
    out["reading"] = np.select(
        [clear & (diff < 0), clear & (diff > 0)], ["underestimate", "overestimate"], "unclear"
    ).astype(object)
    return out


def knowledge_gap(
    customers: np.ndarray,
    staff: np.ndarray,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    conf: float = 0.95,
) -> KnowledgeGap:
    """Compare staff's picture of citizens' expectations with citizens' own expectations.

    Parameters
    ----------
    customers, staff : ndarray (n_respondents, n_items)
        Expectation item scores of each survey, same item order, NaN where missing.
    items : sequence of str
    dimensions : mapping
        Dimension name -> column positions.
    conf : float
        Confidence level of the Welch interval.

    Raises
    ------
    DataError
        Either file has no valid expectation answer, or the item counts differ.

    Examples
    --------
    >>> c = np.array([[6.0, 7], [7, 6], [6, 6], [7, 7], [5, 6]])
    >>> s = np.array([[5.0, 5], [4, 6], [5, 4], [6, 5]])
    >>> r = knowledge_gap(c, s, ["1", "2"], {"X": [0, 1]})
    >>> r.dimensions[["dimension", "n_customers", "n_staff", "diff"]].round(6).values.tolist()
    [['X', 5, 4, -1.3]]
    """
    c = np.asarray(customers, dtype=float)
    s = np.asarray(staff, dtype=float)
    if c.shape[1] != s.shape[1]:
        raise DataError(f"customer and staff files have {c.shape[1]} and {s.shape[1]} items")
    for name, x in (("customer", c), ("staff", s)):
        if x.size == 0 or np.isnan(x).all():
            raise DataError(f"the {name} file has no valid expectation answer",
                            code="no_expectation_answer", facts={"name": name})  # fmt: skip
    # Each file's dimension means over its own answered items (the gap rule).
    item_table, dim_table = item_and_dimension_tables(
        partial(_compare, conf=conf), [s, c], [~np.isnan(s), ~np.isnan(c)], items, dimensions
    )
    return KnowledgeGap(int(c.shape[0]), int(s.shape[0]), dim_table, item_table, conf)


@dataclass(frozen=True)
class GroupedKnowledgeGap:
    """Each group's citizens against all staff (the same staff every time), its ``p_holm`` and
    ``reading`` adjusted over every group's dimensions (and, for itself, every group's items):
    one family per level across the groups, as ``gap --by`` adjusts (review 13, finding 3:
    Holm within each group turned three "no clear difference" into a staff misreading)."""

    groups: Mapping[str, KnowledgeGap]
    skipped: Mapping[str, str]
    n_dimension_tests: int
    n_item_tests: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "group_holm": {
                "adjust": "holm",
                "dimension_family": "groups x dimensions with a test",
                "n_dimension_tests": self.n_dimension_tests,
                "item_family": "groups x items with a test",
                "n_item_tests": self.n_item_tests,
            },
            "groups": {name: res.to_dict() for name, res in self.groups.items()},
            "skipped_groups": dict(self.skipped),
        }


def grouped_knowledge_gap(
    customers: np.ndarray,
    staff: np.ndarray,
    groups: Iterable[tuple[str, np.ndarray]],
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    conf: float = 0.95,
    min_n: int = MIN_N,
) -> GroupedKnowledgeGap:
    """:func:`knowledge_gap` of each group's citizens (``groups``: name and row mask) against
    all ``staff``, Holm over groups × dimensions and, separately, groups × items; a group's
    rows on fewer than ``min_n`` citizens are flagged ``small_base``, as ``gap --by`` flags
    them (:func:`~servqual_cli.core.small_samples.flag_small_group`).

    A group without a valid expectation answer is skipped with the reason.

    Examples
    --------
    >>> c = np.array([[6.0, 7], [7, 6], [6, 6], [7, 7], [5, 6], [6, 7]])
    >>> s = np.array([[5.0, 5], [4, 6], [5, 4], [6, 5]])
    >>> rows = np.array([True, True, True, False, False, False])
    >>> g = grouped_knowledge_gap(c, s, [("a", rows), ("b", ~rows)], ["1", "2"], {"X": [0, 1]})
    >>> g.n_dimension_tests, g.n_item_tests
    (2, 4)
    >>> g.groups["a"].dimensions["small_base"].tolist(), g.groups["a"].min_n
    ([True], 30)
    """
    from servqual_cli.core.group_gaps import across_groups
    from servqual_cli.core.small_samples import flag_small_group

    found: dict[str, KnowledgeGap] = {}
    skipped: dict[str, str] = {}
    for name, rows in groups:  # a loop over groups; each group's tests are vectorised
        try:
            found[name] = knowledge_gap(customers[rows], staff, items, dimensions, conf)
        except DataError as exc:  # a group without any valid expectation answer
            skipped[name] = str(exc)
    pooled = {}
    for level, key in (("dimensions", "dimension"), ("items", "item")):
        tables = {name: getattr(res, level) for name, res in found.items()}
        pooled[level] = across_groups(tables, key, "p_welch", "holm")["p_adjusted"].to_numpy()
    out: dict[str, KnowledgeGap] = {}
    start = {"dimensions": 0, "items": 0}
    for name, res in found.items():  # each group's rows of the pooled family, in order
        parts = []
        for level in ("dimensions", "items"):
            table = getattr(res, level)
            stop = start[level] + len(table)
            parts.append(_read(table, pooled[level][start[level] : stop], res.conf))
            start[level] = stop
        out[name] = flag_small_group(
            dataclasses.replace(res, dimensions=parts[0], items=parts[1]), min_n
        )
    return GroupedKnowledgeGap(
        out,
        skipped,
        int(np.isfinite(pooled["dimensions"].astype(float)).sum()),
        int(np.isfinite(pooled["items"].astype(float)).sum()),
    )
