"""The zone of tolerance: adequate (A), desired (D) and perceived (P) service.

Definitions (Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1994). Alternative scales for
measuring service quality: A comparative assessment based on psychometric and diagnostic
criteria. *Journal of Retailing*, 70(3), 201–230; the report's reference list,
:data:`servqual_cli.report.references.REFERENCES`, cites it by journal, volume and pages as it
cites every other source):

- Measure of service adequacy MSA = P - A; measure of service superiority MSS = P - D.
- Zone of tolerance = the band between A and D; its width D - A.
- Per item, a respondent counts when A, D and P are all valid (a complete triple). A
  respondent's dimension A, D and P are means over the dimension's items with a complete triple,
  provided at least half of the items (rounded up) have one (the rule ``gap`` uses).
- Respondents whose desired level is below their adequate level are kept and counted
  (``n_inverted``): PZB (1994) report such answers and analyse them as given.
- An *inverted zone* (``inverted_zone``): mean D below mean A, or D < A on more than half of
  the answers. Its lower edge lies above its upper edge, so "below"/"inside"/"above" mean
  nothing and ``position`` is ``inverted`` (review 15, finding 3: item 4 with D < A on 91 % of
  its answers was called "under zonen"). The likeliest cause is a reversal applied to P only,
  or A and D already reversed in the file; the renderers ask. A dimension that holds an item
  with an inverted zone blends inverted and normal zones, so it gets no verdict either
  (``position`` ``inverted_item``; ``n_inverted_items`` counts them), unless its own zone is
  inverted. :attr:`ToleranceAnalysis.no_verdict` maps each such dimension to its position, so
  that the weighted zone (:func:`~servqual_cli.core.tolerance_weighted.weighted_zone`) gives it
  none either and no caller has to rebuild the map (closing 17).

Tests: MSA and MSS are one-sample t-tests of the paired differences (R ``t.test(P - A)``);
the shares below adequate (P < A) and above desired (P > D) get Wilson intervals (R
``prop.test(k, n, correct = FALSE)``). ``position`` says where P lies judged by those intervals
(below the zone, inside, above, or unclear when an interval covers a boundary).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core import inference
from servqual_cli.core.proportions import wilson_ci
from servqual_cli.core.results import records
from servqual_cli.core.two_level import item_and_dimension_tables
from servqual_cli.errors import DataError

COLUMNS = ["n", "adequate", "desired", "perception", "msa", "msa_ci_low", "msa_ci_high", "msa_p",
           "mss", "mss_ci_low", "mss_ci_high", "mss_p", "zone_width", "share_below_adequate",
           "below_ci_low", "below_ci_high", "share_above_desired", "above_ci_low",
           "above_ci_high", "n_inverted", "inverted_zone", "position"]  # fmt: skip

# the positions that are no verdict on where P lies (the zone itself is in question)
NO_VERDICT = ("inverted", "inverted_item")


def zone_position(
    msa_ci: tuple[np.ndarray, np.ndarray], mss_ci: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """Where P lies, judged by the intervals: a level the data cannot tell apart is "unclear".

    ``below`` (MSA interval below 0), ``above`` (MSS interval above 0), ``inside`` (MSA
    interval above 0 and MSS interval below 0), else ``unclear``.

    >>> zone_position((np.array([-0.5, 0.1, -0.2]), np.array([-0.1, 0.6, 0.3])),
    ...               (np.array([-2.0, -1.5, -1.0]), np.array([-1.0, -0.5, 0.1]))).tolist()
    ['below', 'inside', 'unclear']
    """
    (msa_lo, msa_hi), (mss_lo, mss_hi) = msa_ci, mss_ci
    return np.select(
        [msa_hi < 0, mss_lo > 0, (msa_lo > 0) & (mss_hi < 0)],
        ["below", "above", "inside"],
        default="unclear",
    ).astype(object)


@dataclass(frozen=True)
class ToleranceAnalysis:
    """Zone-of-tolerance statistics per dimension and per item (columns: :data:`COLUMNS`)."""

    n_rows: int
    dimensions: pd.DataFrame
    items: pd.DataFrame
    conf: float = 0.95
    min_n: int | None = None  # a --by group's small-base limit (core.small_samples)
    #: dimension -> its position when that is no verdict (:data:`NO_VERDICT`): the zone
    #: inverted, or an item's (review 15, finding 3); not in the JSON, whose rows carry it
    no_verdict: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_rows": self.n_rows,
            "conf": self.conf,
            "dimensions": records(self.dimensions),
            "items": records(self.items),
        }

    def inverted_caveat(self, group: str | None = None) -> dict[str, Any] | None:
        """The inverted zones as data for the JSON's ``caveats`` (code ``inverted_zone``): the
        items with their answers, answers with D < A and that share, the dimensions whose own
        zone is inverted and those left without a verdict for an item's; ``group`` the
        ``--by`` group it concerns (None: everyone). None when no zone is inverted.

        Review 17, finding 21: the text outputs lead with the warning ("check that A and D are
        not swapped"), the JSON said it only by the position codes.

        >>> A = np.array([[4.0, 5], [5, 4], [3, 5], [4, 5]])
        >>> D = np.array([[6.0, 2], [7, 3], [5, 2], [6, 7]])
        >>> res = tolerance_analysis(A, D, A + 1, ["1", "2"], {"X": [0, 1]})
        >>> res.inverted_caveat("Bygglov")
        {'code': 'inverted_zone', 'group': 'Bygglov', 'params': {'items': ['2'], 'n': [4],
         'n_inverted': [3], 'shares': [0.75], 'dimensions_inverted': [],
         'dimensions_without_verdict': ['X']}}
        >>> tolerance_analysis(A, A + 2, A, ["1", "2"], {"X": [0, 1]}).inverted_caveat() is None
        True
        """
        items = self.items[self.items["inverted_zone"].astype(bool)]
        dims = self.dimensions
        own = [str(x) for x in dims.loc[dims["position"] == "inverted", "dimension"]]
        if items.empty and not own:
            return None
        n, k = items["n"].to_numpy(dtype=np.int64), items["n_inverted"].to_numpy(dtype=np.int64)
        mixed = dims.loc[dims["position"] == "inverted_item", "dimension"]
        params = {
            "items": [str(i) for i in items["item"]],
            "n": n.tolist(),
            "n_inverted": k.tolist(),
            "shares": (k / n).tolist(),
            "dimensions_inverted": own,
            "dimensions_without_verdict": [str(x) for x in mixed],
        }
        return {"code": "inverted_zone", "group": group, "params": params}


def _table(a: np.ndarray, d: np.ndarray, p: np.ndarray, conf: float) -> pd.DataFrame:
    """Statistics per column over the rows where all three are valid (vectorised by column)."""
    ok = ~(np.isnan(a) | np.isnan(d) | np.isnan(p))
    a, d, p = (np.where(ok, x, np.nan) for x in (a, d, p))
    msa = inference.one_sample_t(p - a, conf=conf)
    mss = inference.one_sample_t(p - d, conf=conf)
    n = ok.sum(axis=0)
    below = (ok & (p < a)).sum(axis=0)
    above = (ok & (p > d)).sum(axis=0)
    inverted = (ok & (d < a)).sum(axis=0)
    b_lo, b_hi = wilson_ci(below, n, conf)
    a_lo, a_hi = wilson_ci(above, n, conf)
    with np.errstate(invalid="ignore", divide="ignore"):
        width = np.where(ok, d - a, 0.0).sum(axis=0) / n
        # mean D < mean A is a negative mean width; "most answers" is more than half
        inverted_zone = (width < 0) | (2 * inverted > n)
        position = zone_position(
            (msa["ci_low"].to_numpy(), msa["ci_high"].to_numpy()),
            (mss["ci_low"].to_numpy(), mss["ci_high"].to_numpy()),
        )
        return pd.DataFrame(
            {
                "n": n.astype(np.int64),
                "adequate": np.where(ok, a, 0.0).sum(axis=0) / n,
                "desired": np.where(ok, d, 0.0).sum(axis=0) / n,
                "perception": np.where(ok, p, 0.0).sum(axis=0) / n,
                "msa": msa["mean"].to_numpy(),
                "msa_ci_low": msa["ci_low"].to_numpy(),
                "msa_ci_high": msa["ci_high"].to_numpy(),
                "msa_p": msa["p"].to_numpy(),
                "mss": mss["mean"].to_numpy(),
                "mss_ci_low": mss["ci_low"].to_numpy(),
                "mss_ci_high": mss["ci_high"].to_numpy(),
                "mss_p": mss["p"].to_numpy(),
                "zone_width": width,
                "share_below_adequate": below / n,
                "below_ci_low": b_lo,
                "below_ci_high": b_hi,
                "share_above_desired": above / n,
                "above_ci_low": a_lo,
                "above_ci_high": a_hi,
                "n_inverted": inverted.astype(np.int64),
                "inverted_zone": inverted_zone,
                "position": np.where(inverted_zone, "inverted", position).astype(object),
            }
        )


def tolerance_analysis(
    adequate: np.ndarray,
    desired: np.ndarray,
    perception: np.ndarray,
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
    conf: float = 0.95,
) -> ToleranceAnalysis:
    """Zone of tolerance per item and dimension: MSA, MSS, zone width and the shares outside.

    Parameters
    ----------
    adequate, desired, perception : ndarray (n_respondents, n_items)
        Item scores, NaN where missing; reverse-scored already.
    items : sequence of str
        Item labels, one per column.
    dimensions : mapping
        Dimension name -> column positions.
    conf : float
        Confidence level of the t and Wilson intervals.

    Raises
    ------
    DataError
        No respondent has a complete (A, D, P) triple for any item.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1994). Alternative scales for measuring
    service quality: A comparative assessment based on psychometric and diagnostic criteria.
    *Journal of Retailing*, 70(3), 201–230 (the zone of tolerance, MSA and MSS; the full title
    restored, review 17: closing 17 had dropped the misquoted one)

    Examples
    --------
    >>> A = np.array([[4.0, 3], [5, 4], [3, 3], [4, 5]])
    >>> D = np.array([[6.0, 6], [7, 6], [5, 6], [6, 7]])
    >>> P = np.array([[5.0, 2], [6, 5], [6, 4], [3, 6]])
    >>> r = tolerance_analysis(A, D, P, ["1", "2"], {"X": [0, 1]})
    >>> r.items[["item", "n", "msa", "mss", "share_below_adequate"]].values.tolist()
    [['1', 4, 1.0, -1.0, 0.25], ['2', 4, 0.5, -2.0, 0.25]]
    >>> float(r.dimensions.loc[0, "zone_width"])
    2.25

    Item 2's D below A for three of four respondents: an inverted zone, no verdict, and none
    for its dimension either.

    >>> D2 = D.copy(); D2[:3, 1] = 2.0
    >>> r = tolerance_analysis(A, D2, P, ["1", "2"], {"X": [0, 1]})
    >>> r.items[["item", "n_inverted", "inverted_zone", "position"]].values.tolist()
    [['1', 0, False, 'unclear'], ['2', 3, True, 'inverted']]
    >>> r.dimensions[["n_inverted_items", "inverted_zone", "position"]].values.tolist()
    [[1, False, 'inverted_item']]
    >>> r.no_verdict
    {'X': 'inverted_item'}
    """
    arrays = [np.asarray(x, dtype=float) for x in (adequate, desired, perception)]
    if len({x.shape for x in arrays}) != 1:
        raise DataError("adequate, desired and perception arrays have different shapes")
    a, d, p = arrays
    complete = ~(np.isnan(a) | np.isnan(d) | np.isnan(p))
    if not complete.any():
        raise DataError(
            "no respondent has valid adequate, desired and perceived scores",
            code="no_tolerance_triple",
        )
    # Dimension means over the items with a complete (A, D, P) triple.
    item_table, dim_table = item_and_dimension_tables(
        partial(_table, conf=conf), [a, d, p], [complete] * 3, items, dimensions
    )
    # a dimension blending an inverted item zone with normal ones gets no verdict (see above)
    counts = item_table.groupby("dimension", sort=False)["inverted_zone"].sum()
    n_items = counts.reindex(dim_table["dimension"]).fillna(0).to_numpy(dtype=np.int64)
    dim_table.insert(list(dim_table.columns).index("inverted_zone"), "n_inverted_items", n_items)
    mixed = (n_items > 0) & ~dim_table["inverted_zone"].to_numpy(dtype=bool)
    dim_table["position"] = np.where(mixed, "inverted_item", dim_table["position"]).astype(object)
    none = dim_table[dim_table["position"].isin(NO_VERDICT)]
    no_verdict = dict(zip(none["dimension"].astype(str), none["position"].astype(str),
                          strict=True))  # fmt: skip
    return ToleranceAnalysis(int(a.shape[0]), dim_table, item_table, conf, no_verdict=no_verdict)
