"""What a chart shows, in one or two sentences, for its ``<desc>`` (review 12b, finding 7:
README promises a text alternative that states the chart's message, and the descriptions said
only what kind of chart it was).

The message is built by the report, from the same values and verdicts the chart draws (the
figure's data: each gap's interval against zero, :func:`~.chart_spec.gap_verdicts`), so the
renderers still compute nothing and the words never say more than the markers do: a gap whose
interval covers zero is "cannot be told from expectation", never "below"."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from servqual_cli.report.chart_words import cw
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.word_lists import join_words


def gap_message(data: Mapping[str, Any], lang: str) -> str:
    """The message of a chart of gaps per dimension (Figur 1): which dimensions lie below,
    above or cannot be told from expectation, and the largest measured negative gap.

    >>> data = {"categories": ["Fysisk miljö", "Lyhördhet", "Empati"],
    ...         "gap": [-0.81, -1.19, -0.05], "verdict": ["below", "below", "unclear"]}
    >>> gap_message(data, "sv")
    'Under förväntan (intervallet under 0): Fysisk miljö och Lyhördhet. Kan inte skiljas från \
förväntan: Empati. Störst uppmätt gap: Lyhördhet (−1,19).'
    >>> data["verdict"] = ["below"] * 3
    >>> gap_message(data, "en")
    'Perception is below expectation in all 3 dimensions; the largest measured gap is in \
Lyhördhet (-1.19).'
    """
    names: Sequence[str] = [str(c) for c in data["categories"]]
    gaps = [float("nan") if g is None else float(g) for g in data["gap"]]
    verdicts: Sequence[str] = list(data["verdict"])
    groups = {
        code: [n for n, v in zip(names, verdicts, strict=True) if v == code]
        for code in ("below", "unclear", "above")
    }
    below = [(g, n) for n, g, v in zip(names, gaps, verdicts, strict=True)
             if v == "below" and not math.isnan(g)]  # fmt: skip
    worst = min(below) if below else None
    worst_text = None if worst is None else {"dim": worst[1], "gap": fmt_number(worst[0], lang, 2)}
    if groups["below"] and len(groups["below"]) == len(names):
        return cw("chart_msg_all_below", lang, n=len(names), **(worst_text or {}))
    parts = [
        cw(f"chart_msg_{code}", lang, dims=join_words(groups[code], lang))
        for code in ("below", "unclear", "above")
        if groups[code]
    ]
    if worst_text is not None:
        parts.append(cw("chart_msg_worst", lang, **worst_text))
    return " ".join(parts)


HEAT_LISTED = 5  # the <desc> names at most this many cells below 0, the largest gaps first


def heatmap_message(data: Mapping[str, Any], lang: str) -> str:
    """The message of the group heatmap (the figure of
    :func:`~.survey_figures.heatmap_figure`), from the facts it draws: the cells in colour
    below 0 (``told``: the adjusted test tells them from 0) by group and dimension, largest gap
    first; how many are above 0 and how many grey (cannot be told from 0); the groups drawn
    hatched (fewer than ``min_n`` answers), with their n. A hatched group's cells are coloured
    by its own test like every other row (review 12c, finding 1), so they are counted and named
    like the others; the last sentence says which rows are hatched.

    >>> data = {"rows": ["Grundskola", "Simhall", "Bibliotek"],
    ...         "columns": ["Empati", "Lyhördhet"],
    ...         "values": [[-1.15, -0.04], [-2.0, 0.3], [-0.6, 0.4]],
    ...         "told": [[True, False], [True, False], [True, True]],
    ...         "small_base": [False, True, False], "n": [40, 12, 35]}
    >>> heatmap_message(data, "sv")
    'Under förväntan: Simhall i Empati (−2,00), Grundskola i Empati (−1,15) och Bibliotek i \
Empati (−0,60). Över förväntan: 1 cell. Kan inte skiljas från 0 (grå): 2 celler. Simhall visas \
streckad (12 svar).'
    >>> data["told"] = [[False, False], [False, False], [False, False]]
    >>> heatmap_message(data, "en")
    'No cell is below expectation by its test. Cannot be told from 0 (grey): 6 cells. Simhall \
is shown hatched (12 answers).'
    """
    rows = np.asarray([str(r) for r in data["rows"]], dtype=object)
    columns = np.asarray([str(c) for c in data["columns"]], dtype=object)
    values = np.asarray(data["values"], dtype=float).reshape(len(rows), len(columns))
    told = np.asarray(data["told"], dtype=bool).reshape(values.shape)
    small = np.asarray(data["small_base"], dtype=bool)
    drawn = ~np.isnan(values)  # a cell without a value is white: no verdict
    below = drawn & told & (values < 0)
    above = drawn & told & (values > 0)
    grey = drawn & ~below & ~above
    parts = []
    r, c = np.nonzero(below)
    order = np.argsort(values[r, c], kind="stable")  # largest negative gap first
    cells = [
        cw("chart_msg_heat_cell", lang, group=g, dim=d, gap=fmt_number(v, lang, 2))
        for g, d, v in zip(rows[r[order]], columns[c[order]], values[r, c][order], strict=True)
    ][:HEAT_LISTED]
    if not cells:
        parts.append(cw("chart_msg_heat_none_below", lang))
    elif len(order) > HEAT_LISTED:
        parts.append(
            cw("chart_msg_heat_below_some", lang, n=len(order), cells=join_words(cells, lang))
        )
    else:
        parts.append(cw("chart_msg_heat_below", lang, cells=join_words(cells, lang)))
    for key, mask in (("chart_msg_heat_above", above), ("chart_msg_heat_grey", grey)):
        if mask.any():
            count = int(mask.sum())
            unit = "chart_msg_heat_count" if count == 1 else "chart_msg_heat_counts"
            parts.append(cw(key, lang, cells=cw(unit, lang, n=count)))
    n = np.asarray(data["n"], dtype=int)
    hatched = [
        cw("chart_msg_heat_small_one", lang, group=g, n=fmt_int(int(k), lang))
        for g, k in zip(rows[small], n[small], strict=True)
    ]
    if hatched:
        parts.append(cw("chart_msg_heat_small", lang, groups=join_words(hatched, lang)))
    return " ".join(parts)
