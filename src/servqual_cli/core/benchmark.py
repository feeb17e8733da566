"""One municipality's KPIs against the other participating municipalities.

For each KPI (area total) the benchmark is the unweighted mean of the *other* municipalities'
values, as a municipal memo compares itself with "genomsnittet för deltagande kommuner"; the
rank counts this municipality among all of them, 1 = best, honouring the KPI's direction (for a
queue time the shortest is best). Tied values share the better rank. The comparison describes;
it does not test (the other municipalities are the population, not a sample).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import SPECS

__all__ = ["BENCHMARK_COLUMNS", "benchmark_kpis"]

BENCHMARK_COLUMNS = ["kpi", "channel", "value", "others_mean", "diff", "rank", "n_municipalities",
                     "others_min", "others_max", "relative"]  # fmt: skip


def benchmark_kpis(values: pd.DataFrame) -> pd.DataFrame:
    """This municipality's value, the others' mean, min and max, and its rank per KPI.

    Parameters
    ----------
    values : DataFrame
        One row per municipality, KPI and channel: columns ``municipality``, ``kpi``,
        ``channel``, ``value`` and ``is_this`` (True on this municipality's rows, one per KPI).
        KPIs without a direction (the "delvis" shares) and KPIs this municipality lacks are
        left out.

    Returns
    -------
    DataFrame
        :data:`BENCHMARK_COLUMNS`; ``relative`` is ``better``, ``worse`` or ``equal`` against
        the others' mean, in the KPI's direction.

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
    out = this.merge(stats.reset_index(), on=keys, how="inner")
    direction = out["kpi"].map(lambda k: SPECS[k].direction).to_numpy(dtype=float)
    # Rank = 1 + the number of others strictly better (ties share the better rank).
    paired = others[[*keys, "value"]].merge(
        out[[*keys, "value"]].rename(columns={"value": "this_value"}), on=keys
    )
    sign = paired["kpi"].map(lambda k: SPECS[k].direction).to_numpy(dtype=float)
    paired["better"] = sign * (paired["value"] - paired["this_value"]) > 0
    better = paired.groupby(keys, sort=False)["better"].sum()
    out = out.merge(better.rename("n_better").reset_index(), on=keys, how="left")
    out["rank"] = out["n_better"].fillna(0).astype(np.int64) + 1
    out["n_municipalities"] = out["n_others"].astype(np.int64) + 1
    out["diff"] = out["value"] - out["others_mean"]
    signed = np.sign(np.round(out["diff"].to_numpy(dtype=float) * direction, 12))
    out["relative"] = np.select([signed > 0, signed < 0], ["better", "worse"], "equal")
    order = out["kpi"].map({name: i for i, name in enumerate(SPECS)})
    channel = out["channel"].map({"phone": 0, "email": 1, "ALL": 2})
    out = out.assign(_o=order, _c=channel).sort_values(["_o", "_c"], kind="stable")
    return out[BENCHMARK_COLUMNS].reset_index(drop=True)
