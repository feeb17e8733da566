"""The report charts' shared look: colours, verdict markers, the legend rule, the matplotlib
style. Imported by every drawing module (:mod:`~servqual_cli.report.charts`,
:mod:`~servqual_cli.report.survey_charts`, :mod:`~servqual_cli.report.toolbox_charts`).

Verdicts are never shown by colour alone (WCAG 2.1, 1.4.1 "Use of Color"): each verdict code
has a colour, a marker shape and, for bars, a hatch, and every chart that shows verdicts has a
legend naming them.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure

# Okabe & Ito (2008), "Color universal design": distinguishable with every common colour-vision
# deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
BLUE, ORANGE, GREEN, VERMILLION, SKY = OKABE_ITO[:5]
GREY = "#6E6E6E"
DARK = "#333333"
BAND = "#CFE3F1"

# verdict code -> (colour, marker, hatch); a bar with a hatch has a white face and the colour
# as its edge, so "cannot tell" differs from a verdict in shape as well as colour.
VERDICT_STYLE: dict[str, tuple[str, str, str]] = {
    "met": (GREEN, "o", ""),
    "not_met": (VERMILLION, "X", ""),
    "cannot_tell": (ORANGE, "D", ""),
    "none": (BLUE, "s", ""),
    "below": (VERMILLION, "v", ""),
    "above": (GREEN, "^", ""),
    "unclear": (GREY, "o", "////"),
    "inside": (BLUE, "o", ""),
    # the zone of tolerance without a verdict: an inverted zone, a dimension holding one
    # (review 15, finding 3); dark and hollow, unlike any verdict
    "zone_inverted": (DARK, "X", "////"),
    "zone_inverted_item": (DARK, "D", "////"),
}

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
    "svg.fonttype": "none",  # text stays <text>: readable by screen readers, search, translation
    "hatch.linewidth": 0.8,
    "figure.dpi": 100,
}


def new_figure(
    width: float, height: float, ncols: int = 1, ratios: list[float] | None = None
) -> tuple[MplFigure, list[Axes]]:
    fig = MplFigure(figsize=(width, height))
    axes = fig.subplots(1, ncols, squeeze=False, width_ratios=ratios)[0]
    return fig, list(axes)


def floats(values: Any) -> np.ndarray:
    """A list with None as a float array with NaN."""
    return np.array([math.nan if v is None else v for v in values], dtype=float)


def legend_above(ax: Axes, ncols: int = 4, **kw: Any) -> None:
    """The legend outside the plot area, above it, so it never covers a bar or a point."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncols=min(ncols, len(handles)), frameon=False, fontsize=8, **kw)  # fmt: skip


def legend_above_fitted(ax: Axes, handles: list[Any], ncols: int = 3) -> None:
    """:func:`legend_above` with as many columns (at most ``ncols``) as fit between the axes'
    left edge and the figure's right edge, measured as drawn, so that no entry runs off the
    image (review 17, finding 8: the tolerance chart's fourth entry wrapped three to a row and
    "inom zonen" was cut to "inom zone"). The axes' left edge is where the layout puts it (the
    y labels' width): render's tight_layout keeps it, as it only makes room above and below.
    """
    fig = ax.get_figure(root=True)
    if fig is None or not handles:
        return
    fig.tight_layout()  # the axes' left edge after the y labels, as render will lay it out
    room = fig.bbox.width * (1.0 - ax.get_position().x0) - 4.0  # pixels, a margin kept
    for k in range(min(ncols, len(handles)), 0, -1):
        legend = ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0),
                           ncols=k, frameon=False, fontsize=8)  # fmt: skip
        if legend.get_window_extent().width <= room:
            return


def legend_right(ax: Axes, handles: list[Any] | None = None, **kw: Any) -> None:
    """The legend outside the plot area, to its right."""
    if handles is None:
        handles = ax.get_legend_handles_labels()[0]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  fontsize=8, **kw)  # fmt: skip


def verdict_handles(labels: dict[str, str], kind: str = "marker") -> list[Any]:
    """Legend entries for verdict codes (in the order given): a marker, or a bar patch."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    out: list[Any] = []
    for code, text in labels.items():
        colour, marker, hatch = VERDICT_STYLE.get(code, VERDICT_STYLE["none"])
        if kind == "bar":
            face = "white" if hatch else colour
            out.append(Patch(facecolor=face, edgecolor=colour, hatch=hatch, label=text))
        else:
            face = "white" if hatch else colour
            out.append(
                Line2D([], [], linestyle="none", marker=marker, markersize=7,
                       markerfacecolor=face, markeredgecolor=colour, label=text)
            )  # fmt: skip
    return out
