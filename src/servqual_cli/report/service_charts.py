"""The service part's charts: the KPIs of an aspect against their targets or norms, and the
feedback register's items per period.

Registered in :data:`servqual_cli.report.charts.CHARTS` (kinds ``kpi_aspect`` and
``feedback_periods``) and drawn inside that module's style. They only draw: each KPI arrives
with its interval, goal and verdict code and words (:mod:`~servqual_cli.report.kpi_charts`,
:mod:`~servqual_cli.report.feedback_sections`), shown by marker shape, colour and text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import PercentFormatter

from servqual_cli.report.chart_style import (
    DARK,
    GREY,
    OKABE_ITO,
    VERDICT_STYLE,
    legend_above,
    legend_right,
    new_figure,
    verdict_handles,
)
from servqual_cli.report.spec import Figure


def draw_kpi_aspect(figure: Figure) -> MplFigure:
    """One panel per KPI (their units differ): the value with its interval, the target or norm
    as a labelled line, the verdict (from the report) by shape, colour and words, one legend."""
    d = figure.data
    rows = list(d.itertuples(index=False))
    fig = MplFigure(figsize=(8.0, 0.5 + 1.45 * len(rows)))
    axes = fig.subplots(len(rows), 1, squeeze=False)[:, 0]
    shown: dict[str, str] = {}
    for ax, r in zip(axes, rows, strict=True):
        share = bool(getattr(r, "share", False))
        k = 100.0 if share else 1.0
        value, low, high = (float(v) * k for v in (r.value, r.ci_low, r.ci_high))
        goal = None if r.goal is None or pd.isna(r.goal) else float(r.goal) * k
        code = getattr(r, "verdict", None)
        code = "none" if code is None or pd.isna(code) else str(code)
        colour, marker, _ = VERDICT_STYLE.get(code, VERDICT_STYLE["none"])
        words = getattr(r, "verdict_label", None)
        if isinstance(words, str) and words:
            shown.setdefault(code, words)
        if np.isfinite(low) and np.isfinite(high):
            ax.errorbar([value], [0], xerr=[[value - low], [high - value]], fmt="none",
                        ecolor=DARK, capsize=4, linewidth=1.1)  # fmt: skip
        ax.scatter([value], [0], color=colour, marker=marker, s=70, zorder=3,
                   edgecolors="white", linewidths=0.6)  # fmt: skip
        # the verdict's words beyond the interval's end on the side away from the goal, so they
        # never cross the goal line or its label (review 6, finding 13); the side is given room
        words_left = goal is not None and goal > value
        if isinstance(words, str) and words:
            end = low if words_left else high
            ax.annotate(words, (end if np.isfinite(end) else value, 0),
                        xytext=(-6 if words_left else 6, 0), textcoords="offset points",
                        va="center", ha="right" if words_left else "left", fontsize=8,
                        color=DARK,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
        title = getattr(r, "title", None)
        unit = "%" if share else (r.unit or "")
        if not isinstance(title, str) or not title:  # data without its title: name (unit)
            title = f"{r.name} ({unit})" if unit else str(r.name)
        ax.set_title(title, fontsize=9, loc="left")
        axis = getattr(r, "axis", None)
        if isinstance(axis, str) and axis:
            ax.set_xlabel(axis, fontsize=8)
        ax.set_yticks([])
        ax.set_ylim(-1, 1)
        ax.spines["left"].set_visible(False)
        known = [x for x in (value, low, high, goal) if x is not None and np.isfinite(x)]
        lo, hi = min(known), max(known)
        pad = max((hi - lo) * 0.15, 1e-9 + abs(hi) * 0.05)
        # room for the verdict's words on their side, and right of the goal for its label
        lo, hi = lo - pad * (2.5 if words_left else 1.0), hi + pad * 2.5
        if share:
            lo, hi = max(0.0, lo), min(100.0, hi)
            ax.xaxis.set_major_formatter(PercentFormatter(100.0, decimals=0))
        ax.set_xlim(lo, hi)
        if goal is not None:
            _goal_line(ax, goal, getattr(r, "goal_label", None), (lo, hi))
    if shown:
        legend_right(axes[0], verdict_handles(shown))
    return fig


def _goal_line(ax: Axes, goal: float, text: object, limits: tuple[float, float]) -> None:
    """The target or norm as a dashed line with its label at the top: right of the line, or
    left of it where the axis ends too close to the right for the label (a target of 100 %);
    at the top, clear of the verdict's words in the middle."""
    ax.axvline(goal, color=GREY, linestyle="--", linewidth=1.1)
    if not isinstance(text, str) or not text:
        return
    lo, hi = limits
    left = (hi - goal) < 0.2 * (hi - lo)  # less than a fifth of the axis: about 190 px
    ax.annotate(text, (goal, 1.0), xycoords=("data", "axes fraction"),
                xytext=(-3 if left else 3, -2), textcoords="offset points", va="top",
                ha="right" if left else "left", fontsize=8, color=GREY)  # fmt: skip


def draw_feedback_periods(figure: Figure) -> MplFigure:
    """Items received per period, stacked by type."""
    d = figure.data
    wide = d.pivot_table(index="period", columns="type", values="n", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=[t for t in d["type"].unique() if t in wide.columns]).fillna(0)
    fig, (ax,) = new_figure(8.0, 3.8)
    x = np.arange(len(wide))
    bottom = np.zeros(len(wide))
    for k, col in enumerate(wide.columns):
        values = wide[col].to_numpy(dtype=float)
        ax.bar(x, values, 0.8, bottom=bottom, label=str(col), color=OKABE_ITO[k % 8])
        bottom += values
    step = max(1, len(x) // 12)
    ax.set_xticks(x[::step], [str(p) for p in wide.index[::step]], rotation=45, ha="right")
    ax.set_xlabel(figure.axes.get("x", ""))
    ax.set_ylabel(figure.axes.get("y", ""))
    legend_above(ax, ncols=5)
    return fig
