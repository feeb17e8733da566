"""One municipality's KPIs against the other participating municipalities.

For each KPI (area total) the benchmark is the unweighted mean of the *other* municipalities'
values, as a municipal memo compares itself with "genomsnittet för deltagande kommuner"; the
rank counts this municipality among all of them, 1 = best, honouring the KPI's direction (for a
queue time the shortest is best). Tied values share the better rank. The comparison describes;
it does not test (the other municipalities are the population, not a sample).

This municipality's values come from the contacts being analysed, never from the benchmark file:
the file supplies the other municipalities only. Its own row in the file, if any, is left out of
the others and kept as ``file_value`` for a note when the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import SPECS, contact_kpis
from servqual_cli.core.results import records

if TYPE_CHECKING:
    from servqual_cli.vocab.inputs import BenchmarkData

__all__ = ["BENCHMARK_COLUMNS", "FILE_TOLERANCE", "Benchmark", "benchmark_kpis", "rank_benchmark"]

BENCHMARK_COLUMNS = ["kpi", "channel", "value", "others_mean", "diff", "rank", "n_municipalities",
                     "others_min", "others_max", "relative", "file_value"]  # fmt: skip
FILE_TOLERANCE = 0.05  # display units (percentage points, index points, seconds, hours)


def benchmark_kpis(values: pd.DataFrame) -> pd.DataFrame:
    """This municipality's value, the others' mean, min and max, and its rank per KPI.

    Parameters
    ----------
    values : DataFrame
        One row per municipality, KPI and channel: columns ``municipality``, ``kpi``,
        ``channel``, ``value`` and ``is_this`` (True on this municipality's rows, one per KPI).
        KPIs without a direction (the "delvis" shares) and KPIs no other municipality has are
        left out. A KPI the others have but this municipality lacks (no e-mails measured) is
        kept, unranked: ``value``, ``diff`` and ``relative`` null and ``rank`` None.

    Returns
    -------
    DataFrame
        :data:`BENCHMARK_COLUMNS`; ``relative`` is ``better``, ``worse`` or ``equal`` against
        the others' mean, in the KPI's direction. ``rank`` holds Python ints (None: unranked).
        ``file_value`` is null here; :func:`rank_benchmark` fills it.

    Examples
    --------
    >>> v = pd.DataFrame({"municipality": ["A", "B", "C"] * 2,
    ...     "kpi": ["phone_reached"] * 3 + ["phone_wait_seconds_median"] * 3,
    ...     "channel": "phone", "value": [0.8, 0.9, 0.7, 56.0, 72.0, 40.0],
    ...     "is_this": [True, False, False] * 2})
    >>> benchmark_kpis(v)[["kpi", "others_mean", "rank", "relative"]].values.tolist()
    [['phone_reached', 0.8, 2, 'equal'], ['phone_wait_seconds_median', 56.0, 2, 'equal']]
    """
    directed = [name for name, spec in SPECS.items() if spec.direction != 0]
    v = values[values["kpi"].isin(directed) & values["value"].notna()]
    keys = ["kpi", "channel"]
    this = v[v["is_this"]].drop_duplicates(keys)[[*keys, "value"]]
    others = v[~v["is_this"]]
    stats = others.groupby(keys, sort=False)["value"].agg(
        others_mean="mean", others_min="min", others_max="max", n_others="count"
    )
    out = stats.reset_index().merge(this, on=keys, how="left")
    direction = out["kpi"].map(lambda k: SPECS[k].direction).to_numpy(dtype=float)
    # Rank = 1 + the number of others strictly better (ties share the better rank).
    paired = others[[*keys, "value"]].merge(
        out[[*keys, "value"]].rename(columns={"value": "this_value"}), on=keys
    )
    sign = paired["kpi"].map(lambda k: SPECS[k].direction).to_numpy(dtype=float)
    paired["better"] = sign * (paired["value"] - paired["this_value"]) > 0
    better = paired.groupby(keys, sort=False)["better"].sum()
    out = out.merge(better.rename("n_better").reset_index(), on=keys, how="left")
    ranked = out["value"].notna().to_numpy()
    n_better = out["n_better"].fillna(0).to_numpy(dtype=np.int64)
    out["rank"] = pd.Series(
        [int(b) + 1 if r else None for b, r in zip(n_better, ranked, strict=True)],
        index=out.index,
        dtype=object,
    )
    out["n_municipalities"] = out["n_others"].astype(np.int64) + 1
    out["diff"] = out["value"] - out["others_mean"]
    signed = np.sign(np.round(out["diff"].to_numpy(dtype=float) * direction, 12))
    relative = np.select([signed > 0, signed < 0], ["better", "worse"], "equal")
    out["relative"] = pd.Series(relative, index=out.index, dtype=object).where(ranked, None)
    out["file_value"] = np.nan
    order = out["kpi"].map({name: i for i, name in enumerate(SPECS)})
    channel = out["channel"].map({"phone": 0, "email": 1, "ALL": 2})
    out = out.assign(_o=order, _c=channel).sort_values(["_o", "_c"], kind="stable")
    return out[BENCHMARK_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class Benchmark:
    """This municipality's KPIs (:func:`benchmark_kpis`) against the others of a benchmark file.

    ``this_from_own`` when this municipality's values were computed from the analysed contacts
    (JSON ``this_from``: ``own file``); else (no contacts given) from the benchmark file's row
    for it (``benchmark file``).
    """

    source: BenchmarkData
    kpis: pd.DataFrame
    this_from_own: bool

    @property
    def unranked(self) -> pd.DataFrame:
        """The KPIs the others have but the analysed contacts cannot compute (no e-mails)."""
        return self.kpis[self.kpis["value"].isna()]

    @property
    def file_differs(self) -> pd.DataFrame:
        """Ranked KPIs whose value in the benchmark file differs from the computed one by more
        than :data:`FILE_TOLERANCE` display units (0.05 percentage points for a share)."""
        if not self.this_from_own:
            return self.kpis.iloc[0:0]
        k = self.kpis
        scale = np.where(k["kpi"].map(lambda n: SPECS[n].unit).isin(["share", "index"]), 100, 1)
        gap = (k["value"] - k["file_value"]).abs().to_numpy(dtype=float) * scale
        return k[np.nan_to_num(gap, nan=0.0) > FILE_TOLERANCE + 1e-9]

    def to_dict(self) -> dict[str, Any]:
        s = self.source
        return {**s.describe(), "this_from": "own file" if self.this_from_own else "benchmark file",
                "n_average_rows": s.n_average_rows, "excluded": s.excluded,
                "kpis": records(self.kpis)}  # fmt: skip


def rank_benchmark(
    data: BenchmarkData, own: pd.DataFrame | None = None, conf: float = 0.95
) -> Benchmark:
    """Rank this municipality among the others of a benchmark file.

    Parameters
    ----------
    data : BenchmarkData
        From :func:`~servqual_cli.io.measurement.read_benchmark`: published values, or contact
        rows that give each municipality's KPIs (all areas).
    own : DataFrame, optional
        This municipality's analysed contacts (``ContactData.frame`` of the after year). When
        given, its values are always computed from them, for the KPIs the others have; the
        file's row for this municipality is left out of the others and reported as
        ``file_value``. A KPI the contacts cannot compute is kept unranked (``rank`` None).
        Without ``own`` the file's row for this municipality is used (``this_from`` is then
        ``benchmark file``).
    conf : float
        Confidence level of the KPIs computed from contacts.
    """
    if data.contacts is not None:
        keys = ("municipality", "is_this")  # is_this is one value per municipality
        kp = contact_kpis(data.contacts, keys=keys, by_area=False, conf=conf)
        values = kp[["municipality", "kpi", "channel", "value"]].assign(
            is_this=kp["is_this"].astype(bool)
        )
    else:
        if data.values is None:  # not user input: an invariant of the caller
            raise RuntimeError("internal: data.values is missing")
        values = data.values
    index = ["kpi", "channel"]
    in_file = values[values["is_this"] & values["value"].notna()].drop_duplicates(index)
    file_value = in_file[[*index, "value"]].rename(columns={"value": "file_value"})
    from_own = own is not None
    if own is not None:
        values = values[~values["is_this"]]
        mine = contact_kpis(own, keys=(), by_area=False, conf=conf)
        published = pd.MultiIndex.from_frame(values[index])
        mine = mine[pd.MultiIndex.from_frame(mine[index]).isin(published)]
        values = pd.concat([values, mine[["kpi", "channel", "value"]].assign(
            municipality=data.municipality, is_this=True)], ignore_index=True)  # fmt: skip
    kpis = benchmark_kpis(values)
    filled = kpis.drop(columns="file_value").merge(file_value, on=index, how="left")
    return Benchmark(data, filled[BENCHMARK_COLUMNS], from_own)
