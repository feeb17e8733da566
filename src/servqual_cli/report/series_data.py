"""The data of a series shared by ``servqual trend`` and ``servqual report``: every year's KPI
values and trend tests, and the other municipalities' mean of every year a benchmark file holds.
Calls :mod:`servqual_cli.io` and :mod:`servqual_cli.core`; renders nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from servqual_cli.core.benchmark import rank_benchmark
from servqual_cli.core.contacts import kpi_observations, summarise_observations
from servqual_cli.core.email_rule import EmailRule
from servqual_cli.core.series import series_trends
from servqual_cli.core.small_samples import mark_small_base
from servqual_cli.core.thresholds import MIN_N
from servqual_cli.errors import UsageError
from servqual_cli.io.measurement import ReadOptions, read_benchmark

__all__ = ["others_by_year", "series_tables"]


def others_by_year(
    years: Sequence[tuple[int, pd.DataFrame, str | None]],
    path: str,
    opts: ReadOptions,
    kpi_map: Mapping[str, str] | None,
    conf: float,
) -> pd.DataFrame:
    """The others' mean per year and KPI (totals) for the years the benchmark file holds.

    ``years``: (year, this municipality's contacts, its name) per year of the series.
    """
    parts = [pd.DataFrame(columns=["year", "kpi", "channel", "others_mean"])]
    for year, contacts, municipality in years:  # a loop over years
        try:
            read = read_benchmark(path, municipality, year, opts, kpi_map)
        except UsageError:  # no values for this year in the benchmark file
            continue
        kpis = rank_benchmark(read, contacts, conf).kpis
        parts.append(kpis[["kpi", "channel", "others_mean"]].assign(year=float(year)))
    out = pd.concat(parts, ignore_index=True)
    return out.assign(year=out["year"].astype(float), others_mean=out["others_mean"].astype(float))


def series_tables(
    frames: Sequence[pd.DataFrame],
    conf: float,
    others: pd.DataFrame | None = None,
    email_rule: EmailRule | None = None,
    min_n: int = MIN_N,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every year's KPI values (totals over areas; ``others_mean`` when ``others`` is given)
    and the trend tests over all years, from each year's contacts; ``email_rule`` decides the
    e-mail reply shares (default: the 24 working-day hours rule). The trend tests are one family:
    Holm-adjusted p beside the raw p, the verdict on the adjusted p (review 2, item 8). A year
    under ``min_n`` is a small base, in its value and in every trend that rests on it."""
    obs = kpi_observations(pd.concat(list(frames), ignore_index=True), keys=("year",),
                           by_area=False, email_rule=email_rule)  # fmt: skip
    values = summarise_observations(obs, keys=("year",), conf=conf)
    if others is not None:
        values = values.merge(others, on=["year", "kpi", "channel"], how="left")
    return mark_small_base(values, "n", min_n=min_n), series_trends(
        obs, conf, adjust="holm", min_n=min_n
    )
