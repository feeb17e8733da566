"""The toolbox's charts: the zone-of-tolerance chart and diverging stacked Likert bars.

Registered in :data:`servqual_cli.report.charts.CHARTS` (kinds ``tolerance_zone`` and
``likert_bars``) and drawn inside that module's style. Like every drawing function they only
draw: the data arrive computed and labelled. This module imports nothing from ``charts`` (which
imports it), so either can be imported first.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.figure import Figure as MplFigure

from servqual_cli.report.spec import Figure

# Okabe & Ito colours, as in charts.py.
BLUE, ORANGE, VERMILLION, SKY, GREY = "#0072B2", "#E69F00", "#D55E00", "#56B4E9", "#6E6E6E"
BAND = "#CFE3F1"


def _floats(values: list[Any]) -> np.ndarray:
    return np.array([math.nan if v is None else v for v in values], dtype=float)


def draw_tolerance_zone(figure: Figure) -> MplFigure:
    """The classic ZOT chart (PZB 1994): per dimension a band from the adequate to the desired
    level, the perceived level as a point (vermillion below the band, blue inside, green above).

    ``data``: ``{"categories", "adequate", "desired", "perception", "labels": {"adequate",
    "desired", "perception", "y"}, "scale": [min, max]}``.
    """
    d = figure.data
    cats, lab = d["categories"], d["labels"]
    a, dd, p = _floats(d["adequate"]), _floats(d["desired"]), _floats(d["perception"])
    y = np.arange(len(cats))[::-1]
    fig = MplFigure(figsize=(7.5, 0.55 * len(cats) + 1.4))
    ax = fig.subplots()
    ax.barh(y, dd - a, left=a, height=0.5, color=BAND, edgecolor=SKY, label=lab["zone"])
    colours = [VERMILLION if pv < av else ("#009E73" if pv > dv else BLUE)
               for pv, av, dv in zip(p, a, dd, strict=True)]  # fmt: skip
    ax.scatter(p, y, c=colours, s=42, zorder=3, label=lab["perception"])
    ax.set_yticks(y, cats)
    lo, hi = d["scale"]
    ax.set_xlim(lo, hi)
    ax.set_xlabel(lab["x"])
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=8)
    return fig


def draw_likert_bars(figure: Figure) -> MplFigure:
    """Diverging stacked bars: per item the shares of each scale point, the lower half to the
    left of zero and the upper half to the right (an odd scale's middle point straddles zero).

    ``data``: ``{"items", "counts": [[...] per item], "points": [...], "labels": {"x"}}``.
    """
    d = figure.data
    items = list(d["items"])
    counts = np.array(d["counts"], dtype=float).reshape(len(items), -1)
    points = list(d["points"])
    k = len(points)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = counts / counts.sum(axis=1, keepdims=True)
    shares = np.nan_to_num(shares)
    half = k // 2
    middle = shares[:, half] / 2 if k % 2 else np.zeros(len(items))
    start = -(shares[:, :half].sum(axis=1) + middle)
    palette = _diverging(k)
    y = np.arange(len(items))[::-1]
    fig = MplFigure(figsize=(7.5, 0.28 * len(items) + 1.5))
    ax = fig.subplots()
    left = start.copy()
    for j in range(k):
        ax.barh(y, shares[:, j], left=left, height=0.7, color=palette[j], label=str(points[j]))
        left = left + shares[:, j]
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.set_yticks(y, items)
    ax.set_xlim(-1, 1)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["100 %", "50 %", "0", "50 %", "100 %"])
    ax.set_xlabel(d["labels"]["x"])
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=k, frameon=False, fontsize=8)
    return fig


def _diverging(k: int) -> list[str]:
    """k colours from vermillion (lowest) through light grey to blue (highest)."""
    from matplotlib.colors import LinearSegmentedColormap, to_hex

    cmap = LinearSegmentedColormap.from_list("sq", [VERMILLION, "#EEEEEE", BLUE])
    return [to_hex(cmap(v)) for v in np.linspace(0, 1, k)]
