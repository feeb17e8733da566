"""One municipality's position among all municipalities of a Kolada table, per KPI and year.

For each KPI and year: this municipality's value, the *other* municipalities' mean and median
(unweighted, as Kolada's own comparisons), its rank among all of them (1 = best in the KPI's
direction; ties share the better rank; this municipality's value at the others' published
precision, :data:`~servqual_cli.core.benchmark.RANK_BASIS`, the same computation as the report's
benchmark), Kolada's colour by rank thirds
(:func:`~servqual_cli.core.benchmark.rank_thirds`) and the change since the previous year in
the table. Published values carry no sampling error here: the comparison describes, it does not
test. A KPI whose direction is unknown (not in the KPI map) is shown unranked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.benchmark import rank_at_published, rank_thirds
from servqual_cli.core.results import records

__all__ = ["CHANGE_BASIS", "POSITION_COLUMNS", "KoladaPosition", "kolada_positions"]

# A Kolada table holds published (rounded) values only, so its change is the difference of two
# published values; ``servqual trend`` and the report compute theirs from the contacts before
# rounding (review 1 #10, review 3 finding 20): both name their basis.
CHANGE_BASIS = (
    "difference of this municipality's published (rounded) values of the two periods; servqual "
    "trend and report compute the change from the contacts before rounding and can differ by "
    "one unit of the last published decimal"
)

POSITION_COLUMNS = ["kpi", "period", "value", "status", "n_municipalities", "others_mean",
                    "others_median", "diff", "rank", "rank_third", "previous_period",
                    "change"]  # fmt: skip


def kolada_positions(
    values: pd.DataFrame, this: str, directions: Mapping[str, int]
) -> pd.DataFrame:
    """This municipality (``key == this``) against the others, per KPI and period.

    Parameters
    ----------
    values : DataFrame
        Columns ``kpi``, ``key`` (municipality id or name), ``period``, ``value``, ``status``.
    this : str
        The key of this municipality.
    directions : mapping
        KPI -> +1 (higher is better), -1 (lower is better) or 0 (unknown: unranked).

    Returns
    -------
    DataFrame
        :data:`POSITION_COLUMNS`, one row per KPI and period where this municipality has a
        value, sorted by KPI and period. ``change`` is the difference from this municipality's
        value in the latest earlier period of the table (``previous_period``): the difference
        of two published values (:data:`CHANGE_BASIS`).

    Examples
    --------
    >>> v = pd.DataFrame({"kpi": "U1", "key": ["A", "B", "C", "D"] * 2,
    ...     "period": [2021.0] * 4 + [2022.0] * 4, "status": None,
    ...     "value": [70.0, 80.0, 60.0, 90.0, 75.0, 80.0, 60.0, 70.0]})
    >>> out = kolada_positions(v, "A", {"U1": 1})
    >>> out[["period", "others_mean", "rank", "rank_third", "change"]].values.tolist()
    [[2021, 76.66666666666667, 3, 'red', nan], [2022, 70.0, 2, 'yellow', 5.0]]
    """
    v = values[values["value"].notna()]
    keys = ["kpi", "period"]
    is_this = v["key"].eq(this).to_numpy(dtype=bool)
    mine = v[is_this].drop_duplicates(keys)[[*keys, "value", "status"]]
    others = v[~is_this]
    stats = others.groupby(keys, sort=True)["value"].agg(
        others_mean="mean", others_median="median", n_others="count"
    )
    out = mine.merge(stats.reset_index(), on=keys, how="left")
    direction = out["kpi"].map(lambda k: directions.get(k, 0)).to_numpy(dtype=float)
    # rank and diff on the others' published precision (a no-op for a published own value)
    at = rank_at_published(out[[*keys, "value"]], others, keys, directions)
    out["published"] = at["published"]
    n_others = out["n_others"].fillna(0).to_numpy(dtype=np.int64)
    out["n_municipalities"] = n_others + 1
    ranked = (direction != 0) & (n_others > 0)
    n_better = at["n_better"].to_numpy(dtype=np.int64)
    rank = [int(b) + 1 if r else None for b, r in zip(n_better, ranked, strict=True)]
    out["rank"] = pd.Series(rank, index=out.index, dtype=object)
    out["rank_third"] = rank_thirds(out["rank"], out["n_municipalities"])
    out["diff"] = out["published"] - out["others_mean"]
    out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    prev = out.groupby("kpi", sort=False)[["period", "value"]].shift(1)
    out["previous_period"] = prev["period"]
    out["change"] = out["value"] - prev["value"]
    out["period"] = out["period"].astype("Int64")
    out["previous_period"] = out["previous_period"].astype("Int64")
    return out[POSITION_COLUMNS]


@dataclass(frozen=True)
class KoladaPosition:
    """``servqual kolada``: the positions (:data:`POSITION_COLUMNS`) and what was read."""

    municipality: str
    gender: str
    positions: pd.DataFrame
    kpis: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"municipality": self.municipality, "gender": self.gender,
                "kpis": list(self.kpis), "change_basis": CHANGE_BASIS,
                "positions": records(self.positions.astype(object).where(
                    self.positions.notna(), None))}  # fmt: skip
