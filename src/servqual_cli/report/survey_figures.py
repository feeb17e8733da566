"""The figure data of the SERVQUAL charts (dimension gaps, item gaps, the group heatmap).

Plain dicts of lists and labels, already in the report's language and already judged: each gap
carries its interval and its verdict code (:func:`~servqual_cli.report.chart_spec.gap_verdicts`);
the heatmap's groups below ``min_n`` are flagged "litet underlag", never left out.
:mod:`~servqual_cli.report.survey_charts` draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.group_gaps import GroupedGapAnalysis
from servqual_cli.report.catalog import GROUPS, TOOLBOX, dimension_name, label
from servqual_cli.report.chart_spec import gap_verdict_labels, gap_verdicts
from servqual_cli.report.chart_words import cw
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.config import MIN_N
from servqual_cli.report.gap_labels import adjusted_label, family_words
from servqual_cli.report.glance_row_parts import ALPHA
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.word_lists import join_words

if TYPE_CHECKING:
    from servqual_cli.core.survey_weights import WeightedSummary
    from servqual_cli.core.weighted_group_gaps import WeightedGroupGaps
    from servqual_cli.core.weighted_tests import WeightedGapTests
    from servqual_cli.io.survey import SurveyData

__all__ = [
    "dimension_figure",
    "heat_limit",
    "heatmap_figure",
    "item_figure",
    "item_figure_note",
    "shorten",
]


def _floats(values: Any) -> list[float]:
    return [float(v) for v in np.asarray(values, dtype=float)]


def dimension_figure(
    result: GapAnalysis,
    d: SurveyData,
    lang: str,
    weighted: tuple[WeightedGapTests, WeightedSummary] | None = None,
) -> dict[str, Any]:
    """Means and gaps per dimension; each gap with its interval and its verdict code (the
    interval against zero: :func:`~servqual_cli.report.chart_spec.gap_verdicts`).

    With ``weighted`` (a report's ``weight_column``: the weighted gaps' tests of the table
    "Viktade dimensionsgap" and the weighted means of E and P over the same respondents,
    both from :mod:`~servqual_cli.core.survey_weights`) the figure draws those, and its labels
    and CSV columns say so (session 11: it drew the unweighted −0,05 beside the cards' −0,21).
    """
    dims = result.dimensions
    lo, hi = d.instrument.scale
    e, p = _floats(dims["expectation"]), _floats(dims["perception"])
    g, low, high = _floats(dims["gap"]), _floats(dims["ci_low"]), _floats(dims["ci_high"])
    words = {
        "expectation": label("expectation", lang),
        "perception": label("perception", lang),
        "gap": cw("chart_gap_axis", lang, conf=level_text(result.conf, lang)),
    }
    column = None
    if weighted is not None:
        tests, means = weighted
        column = tests.column
        keys = [str(x) for x in dims["dimension"]]
        t = tests.table.assign(dimension=tests.table["dimension"].astype(str))
        t = t.set_index("dimension").reindex(keys)
        m = means.table.set_index("name")["mean"]
        e = _floats(m.reindex([f"{k}: expectation" for k in keys]))
        p = _floats(m.reindex([f"{k}: perception" for k in keys]))
        g, low, high = _floats(t["mean"]), _floats(t["ci_low"]), _floats(t["ci_high"])
        words = {
            "expectation": cw("chart_fig_w_expectation", lang),
            "perception": cw("chart_fig_w_perception", lang),
            "gap": cw("chart_fig_w_gap_axis", lang, conf=level_text(tests.conf, lang)),
        }
    data: dict[str, Any] = {
        "categories": [dimension_name(x, lang) for x in dims["dimension"]],
        "expectation": e,
        "perception": p,
        "gap": g,
        "ci_low": low,
        "ci_high": high,
        # the intervals' level, for the data table's and CSV's headings (chart_data)
        "conf": result.conf if weighted is None else weighted[0].conf,
        "verdict": gap_verdicts(low, high),
        "verdict_labels": gap_verdict_labels(lang),
        "scale": [float(lo), float(hi)],
        "labels": {
            "expectation": words["expectation"],
            "perception": words["perception"],
            "mean": cw(
                "chart_mean_axis", lang, lo=fmt_number(lo, lang, 0), hi=fmt_number(hi, lang, 0)
            ),
            "gap": words["gap"],
        },
    }
    if column is not None:  # the data table's and CSV's columns say so (chart_data)
        data["weight_column"] = column
    return data


def shorten(text: str, limit: int = 48) -> str:
    """A statement cut at a word for a chart axis.

    >>> shorten("Personalen har aldrig för mycket att göra för att svara på dina frågor.", 30)
    'Personalen har aldrig för…'
    """
    text = text.rstrip(".")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def item_figure(
    result: GapAnalysis,
    lang: str,
    wording: dict[int, str] | None = None,
    basis: str | None = None,
) -> dict[str, Any]:
    """Gaps per item, largest negative first, each with its interval and verdict code.

    The verdict follows the item table's adjusted p, as the group heatmap's cells follow theirs
    (review 15, finding 4: item 5's unadjusted interval [−0,51; −0,06] coloured it "under
    förväntan" beside a table whose p (Holm, 16 påståenden) was 0,066, while the heatmap put
    such a gap in parentheses): ``below``/``above`` when that p is under
    :data:`~servqual_cli.report.glance_row_parts.ALPHA`, else ``unclear`` (drawn hatched).
    The intervals stay the table's unadjusted ones; :func:`item_figure_note` says so.

    ``basis``: what the values are when that needs saying ("oviktat (urvalet)" in a weighted
    report, whose items have no weighted form); the data table's and CSV's value columns
    carry it (:mod:`~servqual_cli.report.chart_data`)."""
    items = result.items.sort_values(["gap", "item"], kind="stable")
    wording = wording or {}
    # the axis label is cut at a word; the data table and CSV hold the full wording and the
    # item's n beside it (review 10a, finding 8)
    full = {"statements": [wording.get(int(i), "") for i in items["item"]]} if wording else {}
    gap, p_adj = np.asarray(_floats(items["gap"])), np.asarray(_floats(items["p_adjusted"]))
    told = p_adj < ALPHA  # NaN (no test) is never told
    verdict = np.select([told & (gap < 0), told & (gap > 0)], ["below", "above"], "unclear")
    p_label = _item_p_label(result, lang)
    return {
        "categories": [
            f"{i} · {shorten(wording[int(i)]) if int(i) in wording else dimension_name(dim, lang)}"
            for i, dim in zip(items["item"], items["dimension"], strict=True)
        ],
        **full,
        "n": [int(v) for v in items["n"]],
        "gap": _floats(items["gap"]),
        "ci_low": _floats(items["ci_low"]),
        "ci_high": _floats(items["ci_high"]),
        "conf": result.conf,  # the intervals' level, for the data table's and CSV's headings
        "p_adjusted": _floats(items["p_adjusted"]),  # the rule the verdicts follow
        "verdict": [str(v) for v in verdict],
        "verdict_labels": {
            "below": cw("chart_item_below", lang),
            "above": cw("chart_item_above", lang),
            "unclear": cw("chart_item_unclear", lang),
        },
        "labels": {
            "gap": cw("chart_gap_axis", lang, conf=level_text(result.conf, lang)),
            "item": label("item", lang),
            "p": p_label,  # the data table's p column names the rule the bars follow
            **({} if basis is None else {"basis": basis}),
        },
    }


def _item_p_label(result: GapAnalysis, lang: str) -> str:
    """ "p (Holm, 16 påståenden)": the item table's adjusted p column, by the same words."""
    return adjusted_label(result.adjust, family_words(len(result.items), "items", lang), lang)


def item_figure_note(result: GapAnalysis, lang: str) -> str:
    """The item figure's rule in words, as the group heatmap's note: a hatched bar's adjusted p
    is 0,05 or more, as in the item table; the drawn intervals are unadjusted.

    >>> from types import SimpleNamespace
    >>> r = SimpleNamespace(adjust="holm", items=[0] * 16, conf=0.95)
    >>> item_figure_note(r, "sv")[:60]
    'En streckad stapel kan inte skiljas från 0: dess p (Holm, 16'
    """
    return cw("chart_item_unclear_note", lang, p=_item_p_label(result, lang),
              alpha=fmt_number(ALPHA, lang, 2), conf=level_text(result.conf, lang))  # fmt: skip


# The heatmap's colour scale: a fixed share of the response scale's range, so one colour means
# one gap in every report on that scale (review 12b, finding 2: the scale stretched to the largest
# |gap|, so −0,20 in one report and −1,21 in another got the same darkest colour). A quarter of
# the range is ±1,5 on the 7-point scale (±1 on a 5-point one): the gaps of the bundled reports
# (largest |gap| 1,52, Karlstad's Grundskola) spread over the shades, half a point is clearly
# coloured, and a larger gap gets the end colour, which the colour bar's arrow says.
HEAT_SCALE_SHARE = 0.25


def heat_limit(scale: tuple[float, float] | None) -> float:
    """The colour scale's end in scale points: a quarter of the response scale's range.

    >>> heat_limit((1.0, 7.0)), heat_limit((1.0, 5.0)), heat_limit(None)
    (1.5, 1.0, 1.5)
    """
    lo, hi = scale if scale is not None else (1.0, 7.0)
    return HEAT_SCALE_SHARE * (float(hi) - float(lo))


def heatmap_figure(
    grouped: GroupedGapAnalysis,
    lang: str,
    min_n: int = MIN_N,
    weighted: WeightedGroupGaps | None = None,
    scale: tuple[float, float] | None = None,
    table: str | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Gaps per group and dimension, each row labelled with its n. Every group is a row: one on
    fewer than ``min_n`` respondents is coloured by its own test like the others and hatched as
    the mark (review 12c, finding 1), its label says "litet underlag", a note names it (and
    ``table``, the per-group table's title, where its values also stand) and the data table and
    CSV flag it (review 12b, finding 1: such a group was left out with the note "1 grupp …
    visas inte", though it was the only unit below expectation).

    A cell is in parentheses ("cannot be told from 0") by the rule of the per-group table and
    the cards: its t-test p adjusted over every group × dimension test
    (:attr:`~servqual_cli.core.group_gaps.GroupedGapAnalysis.group_dimension_p`) is not below
    :data:`~servqual_cli.report.glance_row_parts.ALPHA` (review 6, finding 5: the unadjusted
    interval marked cells the table and cards did not name). A cell with no test is in
    parentheses too; the chart draws those cells grey. With ``weighted`` (a report's
    ``weight_column``) the gaps and the tests are the weighted ones of the per-group table
    (review 7, finding 2), and a note says so. ``scale``: the response scale, whose range sets
    the fixed colour scale (:func:`heat_limit`).
    """
    shown = list(grouped.groups)
    n = np.array([int(grouped.groups[g].n_rows) for g in shown])
    n_text = [fmt_int(k, lang) for k in n]
    small = n < min_n
    dim_keys = [str(x) for x in grouped.all.dimensions["dimension"]]
    dims = [dimension_name(x, lang) for x in dim_keys]
    values = [_floats(grouped.groups[g].dimensions["gap"]) for g in shown]
    # each cell's n, as the per-group table's (a dimension's n can be below the group's)
    cell_n: list[list[int | None]] = [
        [int(v) for v in grouped.groups[g].dimensions["n"]] for g in shown
    ]
    tests = grouped.group_dimension_p
    n_tests, adjust = grouped.n_group_dimension_tests, grouped.adjust
    if weighted is not None:
        w = weighted.table.assign(dimension=weighted.table["dimension"].astype(str))
        gaps = w.set_index(["group", "dimension"])["mean"].unstack()
        values = [_floats(row) for row in gaps.reindex(index=shown, columns=dim_keys).to_numpy()]
        counts = w.set_index(["group", "dimension"])["n"].unstack()
        raw = counts.reindex(index=shown, columns=dim_keys).to_numpy(dtype=float)
        cell_n = [[None if np.isnan(v) else int(v) for v in row] for row in raw]
        tests = w.rename(columns={"p": "p_t"})[["group", "dimension", "p_t", "p_adjusted"]]
        n_tests, adjust = weighted.n_tests, weighted.adjust
        # the group's n and its small-base mark from the weighted table the cells come from,
        # as that table flags its rows (review 17, finding 7: the label, caption and mark
        # used every row of the group, weightless and no-answer rows too, 26 beside the
        # table's 24); a group whose dimensions differ is labelled with their range
        n, n_text, small = _weighted_counts(raw, min_n, lang)
    # groups x dimensions, in the chart's order; a missing test is NaN (never "told")
    p_adj = (
        (
            tests.assign(dimension=tests["dimension"].astype(str))
            .set_index(["group", "dimension"])["p_adjusted"]
            .unstack()
            .reindex(index=shown, columns=dim_keys)
            .to_numpy(dtype=float)
        )
        if len(tests)
        else np.full((len(shown), len(dim_keys)), np.nan)
    )
    told = p_adj < ALPHA
    cells = [
        [fmt_number(v, lang, 2) if t else f"({fmt_number(v, lang, 2)})"
         for v, t in zip(row, told_row, strict=True)]
        for row, told_row in zip(values, told, strict=True)
    ]  # fmt: skip
    limit = heat_limit(scale)
    notes = [_small_note(shown, n_text, small, min_n, table, lang)] if small.any() else []
    family = family_words(n_tests, "groups", lang)
    p_label = adjusted_label(adjust, family, lang)
    alpha = fmt_number(ALPHA, lang, 2)
    notes.append(_colour_note(limit, scale, lang))
    notes.append(
        cw(
            "chart_heatmap_unclear",
            lang,
            p=p_label,
            alpha=alpha,
            conf=level_text(grouped.all.conf, lang),
        )
    )
    words_small = cw("chart_heatmap_small", lang)  # "litet underlag" in a row's label
    data = {
        "cells": cells,
        "told": [[bool(t) for t in row] for row in told],  # drawn in colour; else grey
        "rows": shown,
        "row_labels": [
            f"{g} ({cw('chart_n', lang, n=k)}{f', {words_small}' if s else ''})"
            for g, k, s in zip(shown, n_text, small, strict=True)
        ],
        "small_base": [bool(s) for s in small],
        "min_n": int(min_n),
        "columns": dims,
        "values": values,
        "n": [int(k) for k in n],
        "cell_n": cell_n,
        "p_adjusted": [[float(v) for v in row] for row in p_adj],
        "limit": limit,
        "lang": lang,  # cell values in the report's number format
        # weighted: the data table's and CSV's gap columns say so (chart_data._group_heatmap)
        "weight_column": None if weighted is None else weighted.column,
        "labels": {
            "rows": grouped.by,
            "columns": label("dimension", lang),
            # the colour bar names a weighted gap (review 7, finding 2)
            "value": cw("chart_gap_plain", lang)
            if weighted is None
            else f"{label('w_mean', lang, TOOLBOX)}, {weighted.column}",
            "scale": cw("chart_heatmap_scale", lang, limit=fmt_number(limit, lang, 1)),
            "p": p_label,  # the data table's p columns name the rule the cells follow
            # the legend's words for the grey and the hatched cells
            "unclear": cw("chart_heatmap_legend_unclear", lang),
            "small": cw("chart_heatmap_legend_small", lang, min_n=fmt_int(min_n, lang)),
            # the data table's and CSV's flag column, as the per-group table's
            "small_base": label("small_base", lang, GROUPS),
            "yes": label("yes", lang, GROUPS),
        },
        "table_note": cw("chart_heatmap_table_note", lang, p=p_label, alpha=alpha),
    }
    return data, notes


def _weighted_counts(
    raw: np.ndarray, min_n: int, lang: str
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Each group's n in the weighted per-group table (groups × dimensions, NaN where none):
    the largest (the group's respondents with a valid weight), its words ("24", or "28–29"
    when the dimensions differ) and whether the table flags a row of it (a dimension below
    ``min_n``).

    >>> n, text, small = _weighted_counts(np.array([[24.0, 24.0], [29.0, 28.0]]), 30, "sv")
    >>> n.tolist(), text, small.tolist()
    ([24, 29], ['24', '28–29'], [True, True])
    >>> _weighted_counts(np.array([[31.0, 29.0], [np.nan, np.nan]]), 30, "sv")[1:]
    (['29–31', '0'], array([ True,  True]))
    """
    counts = np.nan_to_num(raw, nan=0.0).astype(int)
    high, low = counts.max(axis=1), counts.min(axis=1)
    text = [fmt_int(h, lang) if h == lo else f"{fmt_int(lo, lang)}–{fmt_int(h, lang)}"
            for lo, h in zip(low, high, strict=True)]  # fmt: skip
    return high, text, low < min_n


def _small_note(
    names: list[str], n: list[str], small: np.ndarray, min_n: int, table: str | None, lang: str
) -> str:
    """ "Simhall (n = 12) har färre än 30 svar: …": the small groups by name (with their n as
    the row labels give it), where their values also stand (the per-group table, by its
    title)."""
    named = [f"{g} ({cw('chart_n', lang, n=k)})" for g, k, s in zip(names, n, small, strict=True)
             if s]  # fmt: skip
    key = "chart_heatmap_small_note" + ("" if len(named) == 1 else "s")
    text = cw(key, lang, groups=join_words(named, lang), min_n=fmt_int(min_n, lang))
    if table:
        text += " " + cw("chart_heatmap_small_table", lang, table=table)
    return text


def _colour_note(limit: float, scale: tuple[float, float] | None, lang: str) -> str:
    """The fixed colour scale and the grey cells, in words."""
    lo, hi = scale if scale is not None else (1.0, 7.0)
    return cw(
        "chart_heatmap_colours",
        lang,
        limit=fmt_number(limit, lang, 1),
        lo=fmt_number(lo, lang, 0),
        hi=fmt_number(hi, lang, 0),
    )
