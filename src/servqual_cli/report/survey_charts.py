"""The SERVQUAL survey's charts: dimension gaps, item gaps, the group heatmap and the IPA grid.

Registered in :data:`servqual_cli.report.charts.CHARTS` and drawn inside that module's style.
They only draw: each gap arrives with its interval and its verdict code (``below``, ``above``,
``unclear``: :func:`servqual_cli.report.chart_spec.gap_verdicts`) and the verdict's words, shown
by marker shape or hatch as well as colour, with a legend outside the plot area.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure as MplFigure

from servqual_cli.report.chart_style import (
    BLUE,
    DARK,
    GREY,
    VERDICT_STYLE,
    floats,
    legend_above,
    new_figure,
    verdict_handles,
)
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import Figure


def _codes(d: dict[str, Any], gap: np.ndarray) -> list[str]:
    """The verdict codes the report gave; without them every gap is drawn as undecided."""
    codes = d.get("verdict")
    return [str(c) for c in codes] if codes is not None else ["unclear"] * len(gap)


def _legend_words(d: dict[str, Any], codes: list[str]) -> dict[str, str]:
    words = d.get("verdict_labels") or {}
    return {c: str(words[c]) for c in ("below", "unclear", "above") if c in codes and c in words}


# Figure 1's bars: WCAG 2.1 SC 1.4.11 (non-text contrast) asks 3:1 for a graphical object needed
# to read the chart against its adjacent colours (review 12b, finding 14: Okabe-Ito's sky blue
# #56B4E9 for E was 2,31:1 on white). Both bars keep the blue hue, darkened: E is SKY × 0,82
# (3,36:1 on white), P is BLUE × 0,54 (11,3:1 on white); the two bars touch, and E against P is
# 3,36:1, so they differ in lightness alone, for every colour vision and in greyscale print.
EXPECTATION_FILL = "#4794BF"
PERCEPTION_FILL = "#003E60"


def draw_dimension_gaps(figure: Figure) -> MplFigure:
    """Left: mean E and P per dimension side by side. Right: the gap with its CI, its verdict
    by marker shape and colour."""
    d = figure.data
    cats, lab = d["categories"], d["labels"]
    lo, hi = d["scale"]
    e, p, g = floats(d["expectation"]), floats(d["perception"]), floats(d["gap"])
    x = np.arange(len(cats))
    fig, (left, right) = new_figure(9.5, 4.2, 2, [1.5, 1.0])
    w = 0.38
    left.bar(x - w / 2, e - lo, w, bottom=lo, color=EXPECTATION_FILL, label=lab["expectation"])
    left.bar(x + w / 2, p - lo, w, bottom=lo, color=PERCEPTION_FILL, label=lab["perception"])
    left.set_ylim(lo, hi)
    left.set_ylabel(lab["mean"])
    left.set_xticks(x, cats, rotation=20, ha="right")
    legend_above(left, ncols=2)
    err = np.vstack([g - floats(d["ci_low"]), floats(d["ci_high"]) - g])
    codes = _codes(d, g)
    right.axhline(0, color=GREY, linewidth=0.8)
    right.errorbar(x, g, yerr=err, fmt="none", ecolor=DARK, capsize=3, linewidth=1)
    for code in dict.fromkeys(codes):
        colour, marker, hatch = VERDICT_STYLE.get(code, VERDICT_STYLE["unclear"])
        mask = np.array([c == code for c in codes])
        right.scatter(x[mask], g[mask], marker=marker, s=48, zorder=3, linewidths=1.2,
                      facecolors="white" if hatch else colour, edgecolors=colour)  # fmt: skip
    right.set_xticks(x, cats, rotation=20, ha="right")
    right.set_xlim(-0.6, len(cats) - 0.4)
    right.set_ylabel(lab["gap"])
    words = _legend_words(d, codes)
    if words:
        right.legend(handles=verdict_handles(words), loc="lower left", bbox_to_anchor=(0, 1.0),
                     frameon=False, fontsize=8)  # fmt: skip
    return fig


def draw_item_gaps(figure: Figure) -> MplFigure:
    """Horizontal gap bars per item, sorted, largest negative gap on top, with CIs; a gap the
    data cannot tell from zero is a hatched outline, not a coloured bar."""
    d = figure.data
    cats, g = d["categories"], floats(d["gap"])
    y = np.arange(len(cats))[::-1]  # first item at the top
    fig, (ax,) = new_figure(8.0, 1.7 + 0.26 * len(cats))
    err = np.vstack([g - floats(d["ci_low"]), floats(d["ci_high"]) - g])
    codes = _codes(d, g)
    colours = [VERDICT_STYLE.get(c, VERDICT_STYLE["unclear"]) for c in codes]
    ax.barh(y, g, height=0.7, color=["white" if h else c for c, _, h in colours],
            edgecolor=[c for c, _, _ in colours], hatch=[h for _, _, h in colours],
            linewidth=0.8)  # fmt: skip
    ax.errorbar(g, y, xerr=err, fmt="none", ecolor=DARK, capsize=2, linewidth=0.8)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.set_yticks(y, cats, fontsize=8)
    ax.set_ylim(-0.6, len(cats) - 0.4)
    ax.set_xlabel(d["labels"]["gap"])
    ax.grid(axis="y", visible=False)
    words = _legend_words(d, codes)
    if words:
        ax.legend(handles=verdict_handles(words, "bar"), loc="lower left",
                  bbox_to_anchor=(0, 1.0), ncols=3, frameon=False, fontsize=8)  # fmt: skip
    return fig


# The heatmap's neutral cell: a gap the data cannot tell from 0 is grey, so colour never carries
# a verdict the test does not (review 12b, finding 2). A group below min_n is coloured by the same
# rule as every other row and hatched on top as the mark (review 12c, finding 1: its row was left
# white, and white is 0 on the colour bar, so the worst group looked closest to expectations);
# the hatching is drawn in the cell text's own colour, half opaque, so it shows on every shade.
UNCLEAR_FILL = "#D9D9D9"
HATCH_ALPHA = 0.5
WHITE = np.array([1.0, 1.0, 1.0, 1.0])
# WCAG 2.1, 1.4.3: normal-size text needs 4.5:1; black or white, whichever is higher, always
# reaches it (the worst background, relative luminance 0.179, gives 4.58:1 with both).
MIN_CONTRAST = 4.5


def luminance(rgb: Any) -> np.ndarray:
    """WCAG 2.1 relative luminance of sRGB colours (last axis R, G, B[, A] in 0-1).

    >>> luminance([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]]).tolist()
    [1.0, 0.0]
    """
    c = np.asarray(rgb, dtype=float)[..., :3]
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return np.asarray(lin @ np.array([0.2126, 0.7152, 0.0722]))


def contrast(a: Any, b: Any) -> np.ndarray:
    """WCAG 2.1 contrast ratio of two colours (or arrays of them), 1 to 21.

    >>> round(float(contrast([1, 1, 1], [0, 0, 0])), 1), round(float(contrast([1, 1, 1],
    ...     [216 / 255, 123 / 255, 17 / 255])), 2)
    (21.0, 3.11)
    """
    la, lb = luminance(a), luminance(b)
    return np.asarray((np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05))


def text_colours(background: np.ndarray) -> np.ndarray:
    """Per cell "black" or "white", whichever contrasts more with the cell's colour (review
    12b, finding 3: white on PuOr's orange was 3,1:1)."""
    black = contrast(background, [0.0, 0.0, 0.0])
    white = contrast(background, [1.0, 1.0, 1.0])
    return np.where(white > black, "white", "black")


def heat_colours(values: np.ndarray, told: np.ndarray, limit: float) -> np.ndarray:
    """Each cell's RGBA: PuOr on the fixed scale ±``limit`` (clipped at its ends) for a gap
    the test tells from 0, grey for one it cannot, white (0 on the colour bar) only for a cell
    without a value. A small group's row follows the same rule; the caller hatches it.

    >>> heat_colours(np.array([[-1.9, -1.9, np.nan]]), np.array([[True, False, False]]),
    ...              1.5)[0, :, 0].round(3).tolist()
    [0.498, 0.851, 1.0]
    """
    import matplotlib as mpl
    from matplotlib.colors import Normalize, to_rgba

    # PuOr is colour-blind safe; negative gaps fall on the orange side
    rgba = mpl.colormaps["PuOr"](Normalize(-limit, limit, clip=True)(np.nan_to_num(values)))
    rgba[~told] = to_rgba(UNCLEAR_FILL)
    rgba[~np.isfinite(values)] = WHITE
    return np.asarray(rgba)


def draw_group_heatmap(figure: Figure) -> MplFigure:
    """Groups x dimensions, each cell with its value in words and each row with its n.

    A gap the test tells from 0 is coloured on a fixed diverging scale (``limit``, scale points;
    a larger gap gets the end colour and the colour bar an arrow), one it cannot is grey and in
    parentheses. A group below ``min_n`` (``small_base``) is coloured by that same rule and
    hatched on top, the hatching in each cell's text colour; its texts stand on a patch of their
    cell's own colour, so the hatching never runs through them. Each cell's text is black or
    white by the WCAG contrast with its own colour (:func:`text_colours`); the PNG and the SVG are
    saved from this one drawing."""
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize, to_rgba
    from matplotlib.patches import Patch, Rectangle
    from matplotlib.ticker import FuncFormatter

    d = figure.data
    shape = (len(d["rows"]), len(d["columns"]))
    values = np.array([floats(row) for row in d["values"]], dtype=float).reshape(shape)
    lang = str(d.get("lang", "en"))
    rows = d.get("row_labels") or [
        f"{r} (n = {fmt_int(n, lang)})" for r, n in zip(d["rows"], d["n"], strict=True)
    ]
    told = d.get("told")
    told_cells = (
        np.array(told, dtype=bool).reshape(shape) if told is not None else np.isfinite(values)
    )
    small = np.array(d.get("small_base") or [False] * shape[0], dtype=bool)
    limit = float(d.get("limit") or 1.5)
    fig, (ax,) = new_figure(2.4 + 1.3 * len(d["columns"]), 1.9 + 0.45 * max(1, len(rows)))
    colours = heat_colours(values, told_cells, limit)
    ax.imshow(colours, aspect="auto", interpolation="nearest")
    ink = text_colours(colours)
    for i, j in np.argwhere(np.broadcast_to(small[:, None], shape)):  # the few small groups' cells
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1.0, 1.0, fill=False, hatch="///",
                               edgecolor=to_rgba(str(ink[i, j]), HATCH_ALPHA),
                               linewidth=0))  # fmt: skip
    ax.set_xticks(range(shape[1]), d["columns"], rotation=20, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(False)
    cells = d.get("cells")  # the cell texts the report wrote (a gap it cannot tell from 0: "(…)")
    for (i, j), v in np.ndenumerate(values):
        if np.isfinite(v):
            text = cells[i][j] if cells is not None else fmt_number(v, lang, 2)
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color=str(ink[i, j]),
                    bbox={"boxstyle": "square,pad=0.15", "facecolor": colours[i, j],
                          "linewidth": 0} if small[i] else None)  # fmt: skip
    finite = values[np.isfinite(values) & told_cells]
    extend = (
        ("both" if finite.min() < -limit and finite.max() > limit else
         "min" if finite.min() < -limit else "max" if finite.max() > limit else "neither")
        if finite.size else "neither"
    )  # fmt: skip
    mappable = ScalarMappable(Normalize(-limit, limit), "PuOr")
    bar = fig.colorbar(mappable, ax=ax, shrink=0.8, extend=extend)
    # the fixed scale's ends, as the label states them, with one decimal ("−1,5")
    bar.set_ticks([-limit, 0.0, limit])
    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, lang, 1)))
    lab = d["labels"]
    bar.set_label(lab["value"] + (f"\n{lab['scale']}" if lab.get("scale") else ""))
    ax.set_ylabel(lab["rows"])
    handles = []
    if (~told_cells & np.isfinite(values)).any() and lab.get("unclear"):
        handles.append(Patch(facecolor=UNCLEAR_FILL, edgecolor=GREY, linewidth=0.5,
                             label=lab["unclear"]))  # fmt: skip
    if small.any() and lab.get("small"):
        handles.append(Patch(facecolor="white", edgecolor=DARK, hatch="///",
                             linewidth=0.5, label=lab["small"]))  # fmt: skip
    if handles:
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=1,
                  frameon=False, fontsize=8)  # fmt: skip
    return fig


def draw_ipa(figure: Figure) -> MplFigure:
    """Importance (y) against performance (x) with crosshairs and the four quadrant names."""
    d = figure.data
    imp, perf = floats(d["importance"]), floats(d["performance"])
    xc, yc = d["x_cross"], d["y_cross"]
    fig, (ax,) = new_figure(6.5, 5.0)
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
