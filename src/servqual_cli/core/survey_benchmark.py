"""The citizen-survey indices of one municipality against the other municipalities (Kolada).

SKR publishes the survey's indices in Kolada, one KPI per question and channel. Mapped to this
tool's names (``ease_phone``, ``ease_email``, ``treatment_phone``, ``treatment_email``,
``clarity_phone``, ``clarity_email``, through the KPI map), the others' published values of the
compared year give their unweighted mean, min and max; this municipality's own index (computed
from its answers) is ranked among them (1 = best; higher is better) and judged as the contact
KPIs are (:mod:`servqual_cli.core.benchmark`): ``better``/``worse`` only when its whole t
interval lies on one side of the others' mean, else ``same``; Kolada's colour by rank thirds.
Rank and ``diff`` use its index at the others' published precision, ties sharing the best rank
(:data:`~servqual_cli.core.benchmark.RANK_BASIS`, the same computation as the contact KPIs').
An index on fewer answers than the small-base rule (``small_base`` of
:func:`~servqual_cli.core.service_survey.survey_indices`, ``--min-n``) gets no rank and no
colour: SKR publishes an index only from 30 answers, so a rank among published ones would set
it beside values it could not be one of (review 12a, finding 8). Its interval verdict stays.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.core.benchmark import benchmark_verdicts, rank_at_published, rank_thirds
from servqual_cli.vocab.service_survey import SURVEY_KPIS

__all__ = ["SURVEY_BENCHMARK_COLUMNS", "SURVEY_KPIS", "survey_benchmark"]

SURVEY_BENCHMARK_COLUMNS = ["channel", "question", "year", "n", "index", "ci_low", "ci_high",
                            "others_mean", "others_min", "others_max", "n_municipalities", "diff",
                            "rank", "rank_third", "verdict", "verdict_method",
                            "file_value", "small_base"]  # fmt: skip


def survey_benchmark(indices: pd.DataFrame, others: pd.DataFrame, year: int) -> pd.DataFrame:
    """This municipality's indices of ``year`` against the others' published values.

    Parameters
    ----------
    indices : DataFrame
        :func:`~servqual_cli.core.service_survey.survey_indices` output.
    others : DataFrame
        Published values of ``year``: ``kpi`` (a name of :data:`SURVEY_KPIS`), ``value`` (0-100)
        and ``is_this`` (this municipality's own published row, kept as ``file_value``).
    year : int
        The year compared.

    Examples
    --------
    >>> idx = pd.DataFrame({"year": [2024], "channel": ["phone"], "question": ["ease"],
    ...     "n": [140], "index": [62.4], "ci_low": [57.1], "ci_high": [67.7]})
    >>> pub = pd.DataFrame({"kpi": "ease_phone", "value": [70.0, 72.0, 65.0, 60.0],
    ...                     "is_this": [False] * 4})
    >>> r = survey_benchmark(idx, pub, 2024).iloc[0]
    >>> float(r["others_mean"]), r["rank"], r["rank_third"], r["verdict"]
    (66.75, 4, 'red', 'same')

    An index of 69.96 against others who published 70.0 ties with them (rank 2, not 3):

    >>> survey_benchmark(idx.assign(index=69.96), pub, 2024)["rank"].tolist()
    [2]

    On a small base (fewer answers than ``--min-n``) it is neither ranked nor coloured:

    >>> r = survey_benchmark(idx.assign(n=11, small_base=True), pub, 2024).iloc[0]
    >>> r["rank"], r["rank_third"], bool(r["small_base"]), r["verdict"]
    (None, None, True, 'same')
    """
    mine = indices[indices["year"].eq(year)].copy()
    mine["kpi"] = mine["question"] + "_" + mine["channel"]
    pub = others[others["kpi"].isin(SURVEY_KPIS) & others["value"].notna()]
    theirs = pub[~pub["is_this"].to_numpy(dtype=bool)]
    stats = theirs.groupby("kpi")["value"].agg(
        others_mean="mean", others_min="min", others_max="max", n_others="count"
    )
    file_value = pub[pub["is_this"].to_numpy(dtype=bool)].groupby("kpi")["value"].first()
    out = mine.merge(stats.reset_index(), on="kpi", how="inner")
    higher = {kpi: 1.0 for kpi in SURVEY_KPIS}  # an index: higher is better
    at = rank_at_published(out.rename(columns={"index": "value"}), theirs, ["kpi"], higher)
    out["published"] = at["published"]
    small = out["small_base"] if "small_base" in out else pd.Series(False, index=out.index)
    out["small_base"] = small.fillna(False).astype(bool)
    rank = pd.Series((at["n_better"] + 1).tolist(), index=out.index, dtype=object)
    out["rank"] = rank.where(~out["small_base"], None)
    out["n_municipalities"] = out["n_others"].astype(np.int64) + 1
    out["rank_third"] = rank_thirds(out["rank"], out["n_municipalities"])
    out["diff"] = out["published"] - out["others_mean"]
    out["verdict"], out["verdict_method"] = benchmark_verdicts(
        out["index"], out["ci_low"], out["ci_high"], out["others_mean"],
        np.ones(len(out)), pd.Series("index", index=out.index), out["rank_third"],
    )  # fmt: skip
    out["file_value"] = out["kpi"].map(file_value).astype(float)
    return out[SURVEY_BENCHMARK_COLUMNS].reset_index(drop=True)
