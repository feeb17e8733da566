"""The survey's rows of "Resultat i korthet": the overall SERVQUAL gap and one row per
dimension, judged against expectations (gap 0), with the groups below expectations and the
dimensions the largest gap cannot be told from (see :mod:`~servqual_cli.report.glance_rows`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from servqual_cli.report.catalog import dimension_name, rl
from servqual_cli.report.glance_row_parts import ALPHA, as_float, gap_verdict, groups_text
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import GlanceRow

if TYPE_CHECKING:
    from servqual_cli.core.dimension_comparison import DimensionComparison
    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.core.group_gaps import GroupedGapAnalysis
    from servqual_cli.core.survey_weights import WeightedSummary
    from servqual_cli.core.weighted_group_gaps import WeightedGroupGaps

__all__ = ["survey_rows"]


def _weighted(summary: WeightedSummary | None, name: str) -> dict[str, Any] | None:
    """One survey-weighted estimate (mean, CI, n, n_eff) by its name, or None."""
    if summary is None:
        return None
    t = summary.table
    hit = t[t["name"] == name]
    return None if hit.empty else {str(k): v for k, v in hit.iloc[0].items()}


def _weight_note(est: dict[str, Any] | None, column: str, lang: str) -> str | None:
    """ "viktat efter Vikt, effektivt n 253" for a card from survey-weighted estimates."""
    if est is None:
        return None
    n_eff = fmt_number(float(est["n_eff"]), lang, 0)
    return rl("g_survey_weighted", lang, column=column, n_eff=n_eff)


def _perception_note(value: float | None, scale_max: float | None, lang: str) -> str | None:
    """ "Upplevelse 5,56 av 7": the perception level beside the gap (review 3, finding 4)."""
    if value is None:
        return None
    top = "" if scale_max is None else rl("g_of_scale", lang, top=fmt_number(scale_max, lang, 0))
    return rl("g_perception_level", lang, value=fmt_number(value, lang)) + top


def _join(*parts: str | None) -> str | None:
    shown = [p for p in parts if p]
    return "; ".join(shown) if shown else None


def survey_rows(
    result: GapAnalysis,
    grouped: GroupedGapAnalysis | None,
    period: str | None,
    lang: str,
    weighted: WeightedSummary | None = None,
    scale_max: float | None = None,
    comparison: DimensionComparison | None = None,
    weighted_groups: WeightedGroupGaps | None = None,
    min_n: int | None = None,
    unused_weights: Sequence[str] = (),
    weighted_pairs: pd.DataFrame | None = None,
) -> list[GlanceRow]:
    """Overall SERVQUAL and one row per dimension; ``area`` names the groups whose own gap is
    below expectations when the survey is grouped.

    With ``weighted`` (``[survey] weight_column``) the value, interval and verdict of each row
    are the survey-weighted ones (:func:`~servqual_cli.core.weighted_gaps.weighted_servqual`) and
    the note says "viktat efter Vikt, effektivt n 253"; with ``weighted_groups`` too the group
    lines are the weighted groups' (each a domain of the weighted design, its test adjusted
    over groups × dimensions), so a card's verdict and its group lines are on one basis (review
    7, finding 2: a weighted total below expectation over two unweighted groups that were not).
    Each dimension's note gives its perception level (SERVPERF).

    ``min_n`` (the config's): a named group on fewer answers keeps its verdict and is marked
    "litet underlag, n = 12" in the group line, and the card's note says what that means
    (review 12b, finding 4). ``unused_weights``: weight columns the file has and the report does
    not use; every card's note then says "oviktat (urvalet)" (review 12b, finding 9: the short
    form's cards read as estimates for the population while the warning came after them).
    ``weighted_pairs`` (:func:`~servqual_cli.core.weighted_pairs.weighted_pairs`): with
    ``weighted``, the largest gap's ties are judged on the weighted pairs, the numbers the cards
    show (review 13, finding 19), not on ``comparison``'s unweighted ones.
    """
    from servqual_cli.core.weighted_gaps import OVERALL, gap_name, perception_name

    rows = []
    o = result.overall
    low, high = as_float(o.ci_low), as_float(o.ci_high)
    value, n = as_float(o.unweighted), int(o.n_unweighted)
    est = _weighted(weighted, OVERALL)
    if est is not None:
        value, low, high, n = (
            as_float(est["mean"]),
            as_float(est["ci_low"]),
            as_float(est["ci_high"]),
            int(est["n"]),
        )
    column = weighted.column if weighted is not None else ""
    unweighted = (
        rl("g_unweighted_unused", lang, columns=", ".join(unused_weights))
        if unused_weights and weighted is None
        else None
    )
    # the overall perception level, as each dimension's note gives its own (review 10c,
    # finding 7): over the respondents of the overall gap (core/overall_perception.py); not
    # shown beside a survey-weighted overall, which has no weighted perception of its own
    level = None
    if est is None and result.scores is not None:
        from servqual_cli.core.overall_perception import overall_perception

        level = overall_perception(result.scores.gap, result.scores.servperf)
    rows.append(
        _gap_row(
            "overall",
            rl("overall_gap", lang),
            value,
            low,
            high,
            n,
            period,
            note=_join(
                _perception_note(level, scale_max, lang),
                _weight_note(est, column, lang),
                unweighted,
            ),
        )
    )
    tests = grouped.group_dimension_p if grouped is not None else None
    if weighted_groups is not None:  # the weighted groups' gaps, n and adjusted p
        tests = weighted_groups.table.rename(columns={"mean": "gap"})
    dims = result.dimensions
    servperf = dims["servperf"] if "servperf" in dims.columns else dims["perception"]
    for i, rec in enumerate(dims.itertuples(index=False)):
        low, high = as_float(rec.ci_low), as_float(rec.ci_high)
        value, n = as_float(rec.gap), int(rec.n)  # type: ignore[arg-type]  # itertuples: any cells
        level = as_float(servperf.iloc[i])
        est = _weighted(weighted, gap_name(str(rec.dimension)))
        if est is not None:
            value, low, high = (
                as_float(est["mean"]),
                as_float(est["ci_low"]),
                as_float(est["ci_high"]),
            )
            n = int(est["n"])
            p_est = _weighted(weighted, perception_name(str(rec.dimension)))
            level = None if p_est is None else as_float(p_est["mean"])
        area, small = None, False
        if grouped is not None and tests is not None and grouped.groups:
            # Named only where the group's own gap is told from 0 (below it, its t-test p
            # adjusted over groups x dimensions, the family of the per-group table): a group the
            # data cannot tell from 0 is not named, however low its point value; and the words
            # say "below expectations in", never "worst": no test compared the groups.
            told = tests[tests["dimension"].eq(str(rec.dimension)) & (tests["p_adjusted"] < ALPHA)
                         & tests["group"].isin(list(grouped.groups))]  # fmt: skip
            below = []
            for g in told["group"]:
                g_dims = grouped.groups[g].dimensions
                gap, g_n = as_float(g_dims["gap"].iloc[i]), int(g_dims["n"].iloc[i])
                if weighted_groups is not None:
                    hit = told[told["group"] == g].iloc[0]
                    gap, g_n = as_float(hit["gap"]), int(hit["n"])
                if gap is not None and gap < 0:
                    below.append((gap, str(g), fmt_number(gap, lang), g_n))
            area = groups_text(sorted(below), len(grouped.groups), lang, min_n=min_n)
            small = min_n is not None and any(g_n < min_n for *_, g_n in below)
        note = _join(
            _perception_note(level, scale_max, lang),
            _weight_note(est, column, lang),
            unweighted,
            rl("g_groups_small_note", lang, min_n=min_n) if area and small else None,
        )
        rows.append(
            _gap_row(
                "dimension",
                dimension_name(rec.dimension, lang),
                value,
                low,
                high,
                n,
                period,
                note=note,
                area=area,
                area_kind="below_expectation" if area else None,
            )
        )
    use = weighted_pairs if weighted is not None else None
    return _mark_ties(rows, dims, comparison, lang, pairs=use)


def _gap_row(
    kind: str,
    name: str,
    value: float | None,
    low: float | None,
    high: float | None,
    n: int,
    period: str | None,
    **extra: Any,
) -> GlanceRow:
    """A gap held against 0 (the norm: expectations met), judged on its interval."""
    return GlanceRow(
        kind=kind,
        name=name,
        unit="gap",
        value=value,
        period=period,
        n=n,
        ci_low=low,
        ci_high=high,
        target=0.0,
        target_kind="norm",
        target_verdict=gap_verdict(low, high),
        **extra,
    )


def _mark_ties(
    rows: list[GlanceRow],
    dims: pd.DataFrame,
    comparison: DimensionComparison | None,
    lang: str,
    pairs: pd.DataFrame | None = None,
) -> list[GlanceRow]:
    """The dimension with the largest negative gap (among those below expectations), with the
    dimensions its Holm-adjusted paired test (the run's "which gap is largest?" pairs, or
    ``pairs`` in their place: the weighted pairs when the cards are weighted) cannot
    tell it from at p < 0.05 in ``tied_with``: the summary then names them together, "kan inte
    skiljas åt", instead of calling one the largest (review 3, finding 5). Only dimensions below
    expectations are candidates: one the data cannot tell from expectations is no "largest gap"
    (review 12b, finding 5)."""
    if pairs is None:
        if comparison is None:
            return rows
        pairs = comparison.pairs
    from dataclasses import replace

    first = 1  # rows[0] is the overall score
    short = [
        i for i, r in enumerate(rows[first:], first)
        if r.target_verdict == "not_met" and r.value is not None
    ]  # fmt: skip
    if not short:
        return rows
    worst = min(short, key=lambda i: rows[i].value or 0.0)
    names = [str(d) for d in dims["dimension"]]
    name = names[worst - first]
    tied = []
    for j, other in enumerate(names):
        if other == name or (j + first) not in short:
            continue
        hit = pairs[((pairs["a"] == name) & (pairs["b"] == other))
                    | ((pairs["a"] == other) & (pairs["b"] == name))]  # fmt: skip
        p = as_float(hit["p_holm"].iloc[0]) if len(hit) else None
        if p is None or p >= ALPHA:
            tied.append((rows[j + first].value or 0.0, dimension_name(other, lang)))
    if not tied:
        return rows
    out = list(rows)
    out[worst] = replace(rows[worst], tied_with=tuple(n for _, n in sorted(tied)))
    return out
