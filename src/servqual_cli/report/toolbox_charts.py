"""The toolbox's charts: the zone-of-tolerance chart and diverging stacked Likert bars.

Registered in :data:`servqual_cli.report.charts.CHARTS` (kinds ``tolerance_zone`` and
``likert_bars``) and drawn inside that module's style. Like every drawing function they only
draw: the data arrive computed and labelled. This module imports nothing from ``charts`` (which
imports it), so either can be imported first.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import PercentFormatter

from servqual_cli.report.chart_style import (
    BAND,
    BLUE,
    GREY,
    SKY,
    VERDICT_STYLE,
    VERMILLION,
    legend_above,
    legend_above_fitted,
    verdict_handles,
)
from servqual_cli.report.chart_style import floats as _floats
from servqual_cli.report.spec import Figure

# zone position code -> verdict style (chart_style.VERDICT_STYLE): shape and colour both differ
_ZONE = {"below": "below", "inside": "inside", "above": "above", "unclear": "unclear",
         "inverted": "zone_inverted", "inverted_item": "zone_inverted_item"}  # fmt: skip


def draw_tolerance_zone(figure: Figure) -> MplFigure:
    """The classic ZOT chart (PZB 1994): per dimension a band from the adequate to the desired
    level, the perceived level as a point whose shape and colour say where it lies, judged by
    the intervals (``position``: below, inside, above or unclear; from the report), or that
    no verdict is given (``inverted``, ``inverted_item``: review 15, finding 3).

    ``data``: ``{"categories", "adequate", "desired", "perception", "position"?,
    "position_labels"?: {code: words}, "labels": {"zone", "perception", "x"}, "scale"}``.
    """
    d = figure.data
    cats, lab = d["categories"], d["labels"]
    a, dd, p = _floats(d["adequate"]), _floats(d["desired"]), _floats(d["perception"])
    y = np.arange(len(cats))[::-1]
    fig = MplFigure(figsize=(7.5, 0.55 * len(cats) + 1.8))
    ax = fig.subplots()
    ax.barh(y, dd - a, left=a, height=0.5, color=BAND, edgecolor=SKY, label=lab["zone"])
    codes = [str(c) for c in d.get("position") or ["unclear"] * len(cats)]
    for code in dict.fromkeys(codes):
        colour, marker, hatch = VERDICT_STYLE[_ZONE.get(code, "unclear")]
        mask = np.array([c == code for c in codes])
        ax.scatter(p[mask], y[mask], marker=marker, s=50, zorder=3, linewidths=1.2,
                   facecolors="white" if hatch else colour, edgecolors=colour)  # fmt: skip
    ax.set_yticks(y, cats)
    ax.set_ylim(-0.6, len(cats) - 0.4)
    lo, hi = d["scale"]
    ax.set_xlim(lo, hi)
    ax.set_xlabel(lab["x"])
    ax.grid(axis="y", visible=False)
    words = d.get("position_labels") or {}
    shown = {_ZONE.get(c, "unclear"): str(words[c]) for c in dict.fromkeys(codes) if c in words}
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=BAND, edgecolor=SKY, label=lab["zone"]), *verdict_handles(shown)]
    legend_above_fitted(ax, handles)  # as many columns as fit (review 17, finding 8)
    return fig


def draw_likert_bars(figure: Figure) -> MplFigure:
    """Diverging stacked bars: per item the shares (in percent) of each scale point, the lower
    half to the left of zero and the upper half to the right (an odd scale's middle point
    straddles zero).

    ``data``: ``{"items", "counts": [[...] per item], "points": [...], "labels": {"x"}}``.
    The axis reads "100 %, 50 %, 0 %, 50 %, 100 %": shares either side of 0, written by
    :class:`BothSides`, which :func:`servqual_cli.report.charts.render` puts through the
    report's one number format (decimal comma, no-break space before "%" in Swedish).
    """
    d = figure.data
    items = list(d["items"])
    counts = np.array(d["counts"], dtype=float).reshape(len(items), -1)
    points = list(d["points"])
    k = len(points)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = 100.0 * counts / counts.sum(axis=1, keepdims=True)
    shares = np.nan_to_num(shares)
    half = k // 2
    middle = shares[:, half] / 2 if k % 2 else np.zeros(len(items))
    start = -(shares[:, :half].sum(axis=1) + middle)
    palette = _diverging(k)
    y = np.arange(len(items))[::-1]
    fig = MplFigure(figsize=(7.5, 0.28 * len(items) + 1.8))
    ax = fig.subplots()
    left = start.copy()
    for j in range(k):
        ax.barh(y, shares[:, j], left=left, height=0.7, color=palette[j], label=str(points[j]))
        left = left + shares[:, j]
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.set_yticks(y, items)
    ax.set_xlim(-100, 100)
    ax.set_xticks([-100.0, -50.0, 0.0, 50.0, 100.0])
    ax.xaxis.set_major_formatter(BothSides(100.0, decimals=0))
    ax.set_xlabel(d["labels"]["x"])
    ax.grid(axis="y", visible=False)
    legend_above(ax, ncols=k)
    return fig


class BothSides(PercentFormatter):
    """Percent ticks of a diverging axis: a share to the left of 0 is a share too ("50 %", not
    "−50 %"). :func:`servqual_cli.report.charts.render` localises it as every percent axis,
    taking the magnitude because of :attr:`magnitude`."""

    magnitude = True

    def __call__(self, x: float, pos: int | None = None) -> str:
        return str(super().__call__(abs(x), pos))


def _diverging(k: int) -> list[str]:
    """k colours from vermillion (lowest) through light grey to blue (highest)."""
    from matplotlib.colors import LinearSegmentedColormap, to_hex

    cmap = LinearSegmentedColormap.from_list("sq", [VERMILLION, "#EEEEEE", BLUE])
    return [to_hex(cmap(v)) for v in np.linspace(0, 1, k)]
