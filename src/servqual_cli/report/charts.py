"""Report charts with matplotlib (Agg, no pyplot), in one colour-blind-safe style.

Each :class:`~servqual_cli.report.spec.Figure` names a drawing function by ``kind`` (see
:data:`CHARTS`) and carries its data as plain lists, already labelled in the report's language;
these functions only draw. Files are deterministic: SVG ids come from a fixed hash salt and
neither format records a date, creator or software version, so two runs give the same bytes.

Generic kinds for other sections' charts (no change here needed to add one):

- ``bars``: ``{"categories": [...], "series": [{"name", "values", "ci_low"?, "ci_high"?}],
  "reference"?: {"value", "label"}, "labels": {"x", "y"}, "percent"?: bool}``
- ``lines``: ``{"x": [...], "series": [{"name", "values", "dashed"?: bool}], "reference"?,
  "labels": {"x", "y"}, "percent"?: bool}``

and the kinds of :mod:`~servqual_cli.report.kpi_sections` and
:mod:`~servqual_cli.report.feedback_sections`: ``kpi_aspect`` (a frame of name, value, ci_low,
ci_high, goal, unit, higher_is_better and, from the report, share) and ``feedback_periods``
(the tidy period, type, n frame).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: charts are files, never windows

import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import PercentFormatter

from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Document, Figure

# Okabe & Ito (2008), "Color universal design": distinguishable with every common colour-vision
# deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
BLUE, ORANGE, GREEN, VERMILLION, SKY = OKABE_ITO[:5]
GREY = "#6E6E6E"
# Typed Any: matplotlib types rc_context() with a Literal of every key, which a dict cannot meet.
STYLE: Any = {
    "font.family": "DejaVu Sans",  # bundled with matplotlib: the same glyphs on every machine
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=list(OKABE_ITO)),
    "svg.hashsalt": "servqual-report",  # fixed ids in SVG instead of random ones
    "svg.fonttype": "path",
    "figure.dpi": 100,
}
DPI = 150
PNG_META: dict[str, Any] = {"Software": None}
SVG_META: dict[str, Any] = {"Date": None, "Creator": None}

# kind -> name of the drawing function in this module. Looked up by name at call time, so a
# test can replace one function (monkeypatch) and the dispatch follows.
CHARTS = {
    "dimension_gaps": "draw_dimension_gaps",
    "item_gaps": "draw_item_gaps",
    "group_heatmap": "draw_group_heatmap",
    "ipa": "draw_ipa",
    "bars": "draw_bars",
    "lines": "draw_lines",
    "kpi_aspect": "draw_kpi_aspect",
    "feedback_periods": "draw_feedback_periods",
    "tolerance_zone": "draw_tolerance_zone",  # report/toolbox_charts.py
    "likert_bars": "draw_likert_bars",  # report/toolbox_charts.py
}


def figures(doc: Document) -> Iterator[Figure]:
    """Every figure of a document, in order."""
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Figure):
                yield block


def _localise(fig: MplFigure, lang: str) -> None:
    """Tick labels in the report's language (decimal comma, "−", "80 %" in Swedish) through
    :mod:`servqual_cli.report.numbers`, so the charts read like the tables."""
    from matplotlib.ticker import FuncFormatter, ScalarFormatter

    from servqual_cli.report.numbers import NBSP, fmt_number

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            current = axis.get_major_formatter()
            ticks = np.asarray(axis.get_majorticklocs(), dtype=float)
            steps = np.diff(np.sort(ticks))
            step = float(steps[steps > 0].min()) if (steps > 0).any() else 1.0
            decimals = max(0, int(-np.floor(np.log10(step)))) if step < 1 else 0
            if isinstance(current, PercentFormatter):
                scale = 100.0 / current.xmax
                space = NBSP if lang == "sv" else ""
                axis.set_major_formatter(
                    FuncFormatter(
                        lambda v, _p, s=scale, sp=space: f"{fmt_number(v * s, lang, 0)}{sp}%"
                    )
                )
            elif isinstance(current, ScalarFormatter):
                axis.set_major_formatter(
                    FuncFormatter(lambda v, _p, d=decimals: fmt_number(v, lang, d))
                )


def render(figure: Figure, lang: str | None = None) -> MplFigure:
    """Draw one figure (inside the report style); with ``lang`` the tick labels are in that
    language's number format."""
    name = CHARTS.get(figure.kind)
    if name is None:
        raise ValueError(f"unknown chart kind {figure.kind!r} (known: {', '.join(CHARTS)})")
    draw: Callable[[Figure], MplFigure] = getattr(sys.modules[__name__], name)
    with matplotlib.rc_context(STYLE):
        fig = draw(figure)
        fig.suptitle(figure.title, x=0.01, ha="left", fontsize=11, fontweight="bold")
        fig.tight_layout()
        if lang is not None:
            _localise(fig, lang)
    return fig


def save(figure: Figure, folder: Path, lang: str | None = None) -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg`` into ``folder`` (see :func:`figure_stem`)."""
    fig = render(figure, lang)
    stem = figure_stem(figure)
    png, svg = folder / f"{stem}.png", folder / f"{stem}.svg"
    with matplotlib.rc_context(STYLE):
        fig.savefig(png, format="png", dpi=DPI, metadata=PNG_META)
        fig.savefig(svg, format="svg", metadata=SVG_META)
    return [png, svg]


def save_all(doc: Document, folder: Path) -> list[Path]:
    """Write every figure of ``doc``; their file names must differ."""
    folder.mkdir(parents=True, exist_ok=True)
    lang = doc.meta.get("lang")
    written: list[Path] = []
    seen: set[str] = set()
    for fig in figures(doc):
        stem = figure_stem(fig).lower()
        if stem in seen:
            raise ValueError(f"two figures are named {fig.name!r}")
        seen.add(stem)
        written += save(fig, folder, None if lang is None else str(lang))
    return written


def _new(
    width: float, height: float, ncols: int = 1, ratios: list[float] | None = None
) -> tuple[MplFigure, list[Axes]]:
    fig = MplFigure(figsize=(width, height))
    axes = fig.subplots(1, ncols, squeeze=False, width_ratios=ratios)[0]
    return fig, list(axes)


def _nan(values: list[float]) -> np.ndarray:
    return np.array([math.nan if v is None else v for v in values], dtype=float)


def draw_dimension_gaps(figure: Figure) -> MplFigure:
    """Left: mean E and P per dimension side by side. Right: the gap with its CI."""
    d = figure.data
    cats, lab = d["categories"], d["labels"]
    lo, hi = d["scale"]
    e, p, g = _nan(d["expectation"]), _nan(d["perception"]), _nan(d["gap"])
    x = np.arange(len(cats))
    fig, (left, right) = _new(9.0, 3.8, 2, [1.6, 1.0])
    w = 0.38
    left.bar(x - w / 2, e - lo, w, bottom=lo, color=SKY, label=lab["expectation"])
    left.bar(x + w / 2, p - lo, w, bottom=lo, color=BLUE, label=lab["perception"])
    left.set_ylim(lo, hi)
    left.set_ylabel(lab["mean"])
    left.set_xticks(x, cats, rotation=20, ha="right")
    # Above the axes: inside, the legend covers the bars of the last dimensions.
    left.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=8)
    err = np.vstack([g - _nan(d["ci_low"]), _nan(d["ci_high"]) - g])
    colours = [VERMILLION if v < 0 else GREEN for v in g]
    right.axhline(0, color=GREY, linewidth=0.8)
    right.errorbar(x, g, yerr=err, fmt="none", ecolor=GREY, capsize=3, linewidth=1)
    right.scatter(x, g, c=colours, zorder=3, s=30)
    right.set_xticks(x, cats, rotation=20, ha="right")
    right.set_ylabel(lab["gap"])
    return fig


def draw_item_gaps(figure: Figure) -> MplFigure:
    """Horizontal gap bars per item, sorted, largest negative gap on top, with CIs."""
    d = figure.data
    cats, g = d["categories"], _nan(d["gap"])
    y = np.arange(len(cats))[::-1]  # first item at the top
    fig, (ax,) = _new(7.5, 1.2 + 0.24 * len(cats))
    err = np.vstack([g - _nan(d["ci_low"]), _nan(d["ci_high"]) - g])
    colours = [VERMILLION if v < 0 else GREEN for v in g]
    ax.barh(y, g, color=colours, height=0.7)
    ax.errorbar(g, y, xerr=err, fmt="none", ecolor="#333333", capsize=2, linewidth=0.8)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.set_yticks(y, cats, fontsize=8)
    ax.set_xlabel(d["labels"]["gap"])
    ax.grid(axis="y", visible=False)
    return fig


def draw_group_heatmap(figure: Figure) -> MplFigure:
    """Groups x dimensions, coloured by gap on a diverging scale centred at zero."""
    d = figure.data
    values = np.array([_nan(row) for row in d["values"]], dtype=float)
    rows = [f"{r} (n={n})" for r, n in zip(d["rows"], d["n"], strict=True)]
    fig, (ax,) = _new(1.8 + 1.3 * len(d["columns"]), 1.2 + 0.45 * len(rows))
    finite = values[np.isfinite(values)]
    limit = float(np.max(np.abs(finite))) if finite.size else 1.0
    # PuOr is colour-blind safe; negative gaps fall on the orange side
    image = ax.imshow(values, cmap="PuOr", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(len(d["columns"])), d["columns"], rotation=20, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(False)
    for (i, j), v in np.ndenumerate(values):
        if np.isfinite(v):
            dark = abs(v) > 0.6 * limit
            ax.text(
                j,
                i,
                fmt_number(v, str(d.get("lang", "en")), 2),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if dark else "black",
            )
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label(d["labels"]["value"])
    ax.set_ylabel(d["labels"]["rows"])
    return fig


def draw_ipa(figure: Figure) -> MplFigure:
    """Importance (y) against performance (x) with crosshairs and the four quadrant names."""
    d = figure.data
    imp, perf = _nan(d["importance"]), _nan(d["performance"])
    xc, yc = d["x_cross"], d["y_cross"]
    fig, (ax,) = _new(6.5, 5.0)
    ax.scatter(perf, imp, color=BLUE, s=40, zorder=3)
    for name, px, py in zip(d["points"], perf, imp, strict=True):
        ax.annotate(name, (px, py), xytext=(5, 4), textcoords="offset points", fontsize=8)
    ax.axvline(xc, color=GREY, linestyle="--", linewidth=0.9)
    ax.axhline(yc, color=GREY, linestyle="--", linewidth=0.9)
    xs = np.concatenate([perf[np.isfinite(perf)], [xc]])
    ys = np.concatenate([imp[np.isfinite(imp)], [yc]])
    xpad = max(0.25, float(np.ptp(xs)) * 0.2)
    ypad = max(2.0, float(np.ptp(ys)) * 0.2)
    ax.set_xlim(float(xs.min()) - xpad, float(xs.max()) + xpad)
    ax.set_ylim(max(0.0, float(ys.min()) - ypad), float(ys.max()) + ypad)
    tl, tr, bl, br = d["quadrants"]
    style: dict[str, Any] = {
        "fontsize": 8,
        "color": GREY,
        "style": "italic",
        "transform": ax.transAxes,
    }
    ax.text(0.02, 0.98, tl, ha="left", va="top", **style)
    ax.text(0.98, 0.98, tr, ha="right", va="top", **style)
    ax.text(0.02, 0.02, bl, ha="left", va="bottom", **style)
    ax.text(0.98, 0.02, br, ha="right", va="bottom", **style)
    ax.set_xlabel(d["labels"]["x"])
    ax.set_ylabel(d["labels"]["y"])
    return fig


def _reference(ax: Axes, d: dict[str, Any], horizontal: bool = True) -> None:
    ref = d.get("reference")
    if ref:
        ax.axhline(
            ref["value"], color=VERMILLION, linestyle="--", linewidth=1, label=ref.get("label")
        )


def _finish(ax: Axes, d: dict[str, Any]) -> None:
    labels = d.get("labels", {})
    ax.set_xlabel(labels.get("x", ""))
    ax.set_ylabel(labels.get("y", ""))
    if d.get("percent"):
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    handles = ax.get_legend_handles_labels()[0]
    if handles:
        # Above the plot area, so it never covers the highest bars or points.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(4, len(handles)),
                  frameon=False, fontsize=8)  # fmt: skip


def draw_bars(figure: Figure) -> MplFigure:
    """Grouped vertical bars, optional CIs per series and a reference line (target, norm)."""
    d = figure.data
    cats, series = d["categories"], d["series"]
    x = np.arange(len(cats))
    fig, (ax,) = _new(min(10.0, max(5.0, 1.2 + 0.9 * len(cats) * max(1, len(series)) ** 0.5)), 3.8)
    width = 0.8 / max(1, len(series))
    for k, s in enumerate(series):
        v = _nan(s["values"])
        pos = x - 0.4 + width * (k + 0.5)
        ax.bar(pos, v, width, label=s.get("name"), color=OKABE_ITO[k % len(OKABE_ITO)])
        if s.get("ci_low") is not None and s.get("ci_high") is not None:
            err = np.vstack([v - _nan(s["ci_low"]), _nan(s["ci_high"]) - v])
            ax.errorbar(pos, v, yerr=err, fmt="none", ecolor="#333333", capsize=2, linewidth=0.8)
    _reference(ax, d)
    ax.set_xticks(
        x, cats, rotation=20 if len(cats) > 4 else 0, ha="right" if len(cats) > 4 else "center"
    )
    _finish(ax, d)
    return fig


def draw_lines(figure: Figure) -> MplFigure:
    """One line per series over ``x`` (e.g. a KPI per area across years), dashed for benchmarks."""
    d = figure.data
    xs = [str(v) for v in d["x"]]
    fig, (ax,) = _new(6.5, 3.8)
    for k, s in enumerate(d["series"]):
        ax.plot(
            xs,
            _nan(s["values"]),
            marker="o",
            label=s.get("name"),
            color=OKABE_ITO[k % len(OKABE_ITO)],
            linestyle="--" if s.get("dashed") else "-",
        )
        if s.get("ci_low") is not None and s.get("ci_high") is not None:  # a yearly series' CI
            v = _nan(s["values"])
            err = np.vstack([v - _nan(s["ci_low"]), _nan(s["ci_high"]) - v])
            ax.errorbar(xs, v, yerr=err, fmt="none", ecolor=OKABE_ITO[k % len(OKABE_ITO)],
                        capsize=3, linewidth=0.8)  # fmt: skip
    _reference(ax, d)
    _finish(ax, d)
    return fig


def draw_kpi_aspect(figure: Figure) -> MplFigure:
    """One panel per KPI (their units differ): value with CI, the target or norm as a line,
    green when the value meets it and vermillion when not."""
    d = figure.data
    rows = list(d.itertuples(index=False))
    fig = MplFigure(figsize=(7.5, 0.4 + 1.05 * len(rows)))
    axes = fig.subplots(len(rows), 1, squeeze=False)[:, 0]
    for ax, r in zip(axes, rows, strict=True):
        share = bool(getattr(r, "share", False))
        k = 100.0 if share else 1.0
        value, low, high = (float(v) * k for v in (r.value, r.ci_low, r.ci_high))
        goal = None if r.goal is None or pd.isna(r.goal) else float(r.goal) * k
        ok = goal is None or (value >= goal if r.higher_is_better else value <= goal)
        if np.isfinite(low) and np.isfinite(high):
            ax.errorbar([value], [0], xerr=[[value - low], [high - value]], fmt="none",
                        ecolor="#333333", capsize=3, linewidth=1)  # fmt: skip
        ax.scatter([value], [0], color=GREEN if ok else VERMILLION, s=50, zorder=3)
        if goal is not None:
            ax.axvline(goal, color=GREY, linestyle="--", linewidth=1)
        unit = "%" if share else (r.unit or "")
        ax.set_title(f"{r.name} ({unit})" if unit else str(r.name), fontsize=9, loc="left")
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        lo = min(x for x in (value, low, high, goal) if x is not None and np.isfinite(x))
        hi = max(x for x in (value, low, high, goal) if x is not None and np.isfinite(x))
        pad = max((hi - lo) * 0.15, 1e-9 + abs(hi) * 0.05)
        ax.set_xlim(lo - pad, hi + pad)
    return fig


def draw_feedback_periods(figure: Figure) -> MplFigure:
    """Items received per period, stacked by type."""
    d = figure.data
    wide = d.pivot_table(index="period", columns="type", values="n", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=[t for t in d["type"].unique() if t in wide.columns]).fillna(0)
    fig, (ax,) = _new(8.0, 3.8)
    x = np.arange(len(wide))
    bottom = np.zeros(len(wide))
    for k, col in enumerate(wide.columns):
        values = wide[col].to_numpy(dtype=float)
        ax.bar(x, values, 0.8, bottom=bottom, label=str(col), color=OKABE_ITO[k % 8])
        bottom += values
    step = max(1, len(x) // 12)
    ax.set_xticks(x[::step], [str(p) for p in wide.index[::step]], rotation=45, ha="right")
    ax.legend(frameon=False, fontsize=8, ncols=min(5, len(wide.columns)))
    return fig


# The toolbox's drawing functions live in their own module; imported here so CHARTS finds them.
from servqual_cli.report.toolbox_charts import draw_likert_bars, draw_tolerance_zone  # noqa: E402, F401
