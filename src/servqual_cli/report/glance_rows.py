"""Rows of "Resultat i korthet" from the results each report part already computed.

Each function maps results to :class:`~servqual_cli.report.spec.GlanceRow` (raw numbers,
language-neutral verdict codes); :mod:`servqual_cli.report.glance` orders and words them. No
statistic is computed here beyond reading a verdict off an interval that the core computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.report.catalog import dimension_name, rl
from servqual_cli.report.glance import join_words
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import GlanceRow

if TYPE_CHECKING:
    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.core.group_gaps import GroupedGapAnalysis
    from servqual_cli.core.kpi import KpiResult

ALPHA = 0.05  # a change counts as better/worse below this p (the sections' own tests)
_TARGET = {"met": "met", "not met": "not_met", "cannot tell": "cannot_tell"}
_KPI_UNITS = {
    "days": "days",
    "working days": "working_days",
    "seconds": "seconds",
    "hours": "hours",
    "working hours": "working_hours",
}


def _f(value: Any) -> float | None:
    """A float, or None for missing values."""
    if value is None:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(v) else v


def _scaled(value: Any, scale: float) -> float | None:
    v = _f(value)
    return None if v is None else v * scale


def gap_verdict(low: float | None, high: float | None) -> str | None:
    """A gap's interval against expectations (gap 0): met when the whole interval is at or
    above 0, not met when below, else cannot tell.

    >>> gap_verdict(-0.8, -0.6), gap_verdict(-0.2, 0.1), gap_verdict(0.0, 0.3)
    ('not_met', 'cannot_tell', 'met')
    """
    if low is None or high is None:
        return None
    if low >= 0:
        return "met"
    return "not_met" if high < 0 else "cannot_tell"


def survey_rows(
    result: GapAnalysis, grouped: GroupedGapAnalysis | None, period: str | None, lang: str
) -> list[GlanceRow]:
    """Overall SERVQUAL (unweighted) and one row per dimension; ``area`` names the group
    (service) with the largest negative gap when the survey is grouped."""
    rows = []
    o = result.overall
    low, high = _f(o.ci_low), _f(o.ci_high)
    rows.append(
        GlanceRow(
            kind="overall",
            name=rl("overall_gap", lang),
            unit="gap",
            value=_f(o.unweighted),
            period=period,
            n=int(o.n_unweighted),
            ci_low=low,
            ci_high=high,
            target=0.0,
            target_kind="norm",
            target_verdict=gap_verdict(low, high),
        )
    )
    tests = grouped.group_dimension_p if grouped is not None else None
    for i, rec in enumerate(result.dimensions.itertuples(index=False)):
        low, high = _f(rec.ci_low), _f(rec.ci_high)
        area = None
        if grouped is not None and tests is not None and grouped.groups:
            # Named only where the group's own gap is told from 0 (below it, its t-test p
            # adjusted over groups x dimensions, the family of the per-group table): a group the
            # data cannot tell from 0 is not "worst", however low its point value.
            told = tests[tests["dimension"].eq(str(rec.dimension)) & (tests["p_adjusted"] < ALPHA)]
            below = {}
            for g in told["group"]:
                gap = _f(grouped.groups[g].dimensions["gap"].iloc[i])
                if gap is not None and gap < 0:
                    below[g] = gap
            if below:
                worst = min(below, key=lambda g: below[g])
                area = f"{worst} ({fmt_number(below[worst], lang)})"
        rows.append(
            GlanceRow(
                kind="dimension",
                name=dimension_name(rec.dimension, lang),
                unit="gap",
                value=_f(rec.gap),
                period=period,
                n=int(rec.n),  # type: ignore[arg-type]  # itertuples types every field as any cell
                ci_low=low,
                ci_high=high,
                target=0.0,
                target_kind="norm",
                target_verdict=gap_verdict(low, high),
                area=area,
            )
        )
    return rows


def _change_verdict(better: bool | None, p: float | None) -> str | None:
    if p is None or np.isnan(p):
        return None
    if p >= ALPHA or better is None:
        return "no_change"
    return "better" if better else "worse"


def kpi_rows(results: Sequence[KpiResult], lang: str) -> list[GlanceRow]:
    """One row per KPI or service declaration, judged on its latest period."""
    rows = []
    for r in results:
        s = r.spec
        share = s.statistic in ("share", "share_within")
        unit = "share" if share else _KPI_UNITS.get(str(s.unit or "").lower(), "mean")
        c = r.change
        area = None
        if r.verdict == "not met" and len(r.groups) and r.goal is not None:
            # name where it is worst only when some groups miss the goal and others do not
            # ("sämst i telefon och e-post" for the only two channels would say nothing), and
            # only groups whose own interval misses it: a group of 7 cases below the target by
            # its point value alone is not shown to miss it
            missed = (r.groups["verdict"] == "not met").to_numpy(dtype=bool)
            if 0 < int(missed.sum()) < len(r.groups):
                area = join_words([str(g) for g in r.groups["group"][missed].head(2)], lang)
        rows.append(
            GlanceRow(
                kind="kpi",
                name=s.name,
                unit=unit,
                value=_f(r.value),
                period=r.period,
                n=int(r.n),
                ci_low=_f(r.ci_low),
                ci_high=_f(r.ci_high),
                previous_period=None if c is None else c.previous_period,
                previous_value=None if c is None else _f(c.previous_value),
                change=None if c is None else _f(c.diff),
                change_verdict=None if c is None else _change_verdict(c.better, c.p),
                target=r.goal,
                target_kind="target" if s.target is not None else "norm",
                target_verdict=_TARGET.get(str(r.verdict)) if r.verdict else None,
                higher_is_better=s.higher_is_better,
                area=area,
            )
        )
    return rows


def _benchmark_verdict(
    b: pd.Series, own: pd.DataFrame, kpi: str, channel: str, direction: int
) -> str | None:
    """The benchmark's verdict when the core gives one; otherwise this municipality's own
    interval (Wilson for shares) against the others' mean: entirely above or below is
    better/worse in the KPI's direction, else on a par."""
    if "verdict" in b.index and isinstance(b["verdict"], str):
        return {"better": "better", "worse": "worse"}.get(b["verdict"], "same")
    mean = _f(b["others_mean"])
    mine = own[own["kpi"].eq(kpi) & own["channel"].eq(channel)]
    if mean is None or mine.empty or direction == 0:
        return None
    low, high = _f(mine["ci_low"].iloc[0]), _f(mine["ci_high"].iloc[0])
    if low is None or high is None:
        return None
    if low > mean:
        return "better" if direction > 0 else "worse"
    if high < mean:
        return "worse" if direction > 0 else "better"
    return "same"


def contact_rows(
    own: pd.DataFrame,
    comparisons: pd.DataFrame | None,
    bench: pd.DataFrame | None,
    period: str,
    previous: str | None,
    lang: str,
) -> list[GlanceRow]:
    """One row per main contact KPI (all areas): the latest year, the change from the year
    before, the benchmark. ``own`` is the latest year's ``contact_kpis`` frame."""
    from servqual_cli.core.contacts import ALL, SPECS
    from servqual_cli.report import measurement_sections as ms

    rows = []
    total = own[own["area"].eq(ALL)]
    for kpi, channel in ms.AREA_KPIS:
        mine = total[total["kpi"].eq(kpi) & total["channel"].eq(channel)]
        if mine.empty:
            continue
        spec = SPECS[kpi]
        scale = 100.0 if spec.unit == "index" else 1.0
        unit = {"hours": "working_hours"}.get(spec.unit, spec.unit)
        rec = mine.iloc[0]
        row: dict[str, Any] = {}
        if comparisons is not None:
            c = comparisons[
                comparisons["kpi"].eq(kpi)
                & comparisons["channel"].eq(channel)
                & comparisons["area"].eq(ALL)
            ]
            if len(c):
                cr = c.iloc[0]
                verdict = str(cr["verdict"])
                worse_areas = comparisons[
                    comparisons["kpi"].eq(kpi)
                    & comparisons["channel"].eq(channel)
                    & comparisons["area"].ne(ALL)
                    & comparisons["verdict"].eq("worse")
                ]["area"]
                row.update(
                    previous_period=previous,
                    previous_value=_scaled(cr["before"], scale),
                    change=_scaled(cr["diff"], scale),
                    change_verdict={"better": "better", "worse": "worse"}.get(verdict, "no_change"),
                    area=join_words([str(a) for a in worse_areas], lang) or None,
                )
        if bench is not None:
            b = bench[bench["kpi"].eq(kpi) & bench["channel"].eq(channel)]
            if len(b):
                br = b.iloc[0]
                mean = _f(br["others_mean"])
                row.update(
                    others_mean=_scaled(mean, scale),
                    rank=None if pd.isna(br["rank"]) else int(br["rank"]),
                    n_compared=None
                    if pd.isna(br["n_municipalities"])
                    else int(br["n_municipalities"]),
                    benchmark_verdict=_benchmark_verdict(br, total, kpi, channel, spec.direction),
                )
        rows.append(
            GlanceRow(
                kind="contact_kpi",
                name=ms.kpi_name(kpi, channel, lang),
                unit=unit,
                value=_scaled(rec["value"], scale),
                period=period,
                n=int(rec["n"]),
                ci_low=_scaled(rec["ci_low"], scale),
                ci_high=_scaled(rec["ci_high"], scale),
                higher_is_better=spec.direction >= 0,
                **row,
            )
        )
    return rows
