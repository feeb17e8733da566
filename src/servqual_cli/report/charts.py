"""Report charts with matplotlib (Agg, no pyplot), in one colour-blind-safe style.

Each :class:`~servqual_cli.report.spec.Figure` names a drawing function by ``kind`` (see
:data:`CHARTS`) and carries its data as plain lists, already labelled in the report's language
and already judged (intervals, n, verdict codes, what to leave out: see
:mod:`~servqual_cli.report.chart_spec`); these functions only draw. Files are deterministic: SVG
ids come from a fixed hash salt and neither format records a date, creator or software version,
so two runs give the same bytes.

Every chart is drawn once: :func:`save` writes the PNG and the SVG and keeps the SVG text, which
the HTML page inlines (:func:`drawn_svg`, :mod:`~servqual_cli.report.html_charts`). The SVG keeps
its text as ``<text>`` (``svg.fonttype = "none"``) and carries ``<title>`` and ``<desc>`` (the
figure's title and one-sentence description) as the first children of ``<svg>``, with
``role="img"`` and ``aria-labelledby`` (W3C, *SVG 2*, §5.4; WAI-ARIA Graphics Module).

Generic kinds for other sections' charts (no change here needed to add one):

- ``bars``: ``{"categories": [...], "series": [{"name", "values", "ci_low"?, "ci_high"?, "n"?}],
  "reference"?: {"value", "label", "at"?: [category, series]}, "labels": {"x", "y"},
  "percent"?: bool, "names"?, "name_label"?}``. With ``at`` the reference (a benchmark) is
  drawn only across that bar; ``names`` are the categories without their n (for the data table).
- ``lines``: ``{"x": [...], "series": [{"name", "values", "dashed"?: bool, "small"?: [bool],
  "n"?}], "reference"?, "labels": {"x", "y"}, "percent"?: bool, "small_label"?}``; ``small``
  rings the points on a small base, ``small_label`` names the ring in the legend

``percent`` means the values are shares in percent (0–100): every chart shows shares on that
one scale. The kinds of :mod:`~servqual_cli.report.kpi_sections` and
:mod:`~servqual_cli.report.feedback_sections`: ``kpi_aspect`` (a frame of name, value, ci_low,
ci_high, goal, unit, higher_is_better and, from the report, share, verdict, verdict_label,
goal_label, axis) and ``feedback_periods`` (the tidy period, type, n frame; axis titles in
:attr:`Figure.axes <servqual_cli.report.spec.Figure>`), drawn by
:mod:`~servqual_cli.report.service_charts`.
"""

from __future__ import annotations

import io
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: charts are files, never windows

import numpy as np
import pandas as pd
from markupsafe import escape
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import PercentFormatter

from servqual_cli.report.chart_style import (
    BLUE,
    DARK,
    OKABE_ITO,
    ORANGE,
    STYLE,
    VERMILLION,
    floats,
    legend_above,
    new_figure,
)
from servqual_cli.report.chart_words import cw
from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.safe_text import html_safe, visible
from servqual_cli.report.spec import Document, Figure

__all__ = ["BLUE", "CHARTS", "OKABE_ITO", "ORANGE", "STYLE", "drawn_svg", "render", "save"]

DPI = 150
PNG_META: dict[str, Any] = {"Software": None}
SVG_META: dict[str, Any] = {"Date": None, "Creator": None}
NOTE_SIZE = 8  # points

# kind -> name of the drawing function in this module. Looked up by name at call time, so a
# test can replace one function (monkeypatch) and the dispatch follows.
CHARTS = {
    "dimension_gaps": "draw_dimension_gaps",  # report/survey_charts.py
    "item_gaps": "draw_item_gaps",  # report/survey_charts.py
    "group_heatmap": "draw_group_heatmap",  # report/survey_charts.py
    "ipa": "draw_ipa",  # report/survey_charts.py
    "bars": "draw_bars",
    "lines": "draw_lines",
    "kpi_aspect": "draw_kpi_aspect",  # report/service_charts.py
    "feedback_periods": "draw_feedback_periods",  # report/service_charts.py
    "tolerance_zone": "draw_tolerance_zone",  # report/toolbox_charts.py
    "likert_bars": "draw_likert_bars",  # report/toolbox_charts.py
}

# The SVG text of each figure saved in this process, so the HTML page reuses it instead of
# drawing the chart again. Keyed by id() and holding the figure itself, so an id is never
# reused for another figure while its entry lives.
_DRAWN: dict[int, tuple[Figure, str]] = {}
_ROOT = re.compile(r"<svg\b([^>]*)>")


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

    from servqual_cli.report.numbers import fmt_number, with_percent

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            current = axis.get_major_formatter()
            ticks = np.asarray(axis.get_majorticklocs(), dtype=float)
            if isinstance(current, PercentFormatter):
                # a diverging axis (toolbox_charts.BothSides) shows shares either side of 0
                fold = abs if getattr(current, "magnitude", False) else float
                scale = 100.0 / current.xmax
                shown = tick_decimals(ticks * scale)
                axis.set_major_formatter(
                    FuncFormatter(
                        lambda v, _p, s=scale, f=fold, d=shown: with_percent(
                            fmt_number(f(v) * s, lang, d), lang
                        )
                    )
                )
            elif isinstance(current, ScalarFormatter):
                axis.set_major_formatter(
                    FuncFormatter(lambda v, _p, d=tick_decimals(ticks): fmt_number(v, lang, d))
                )


def tick_decimals(ticks: np.ndarray, most: int = 3) -> int:
    """The fewest decimals that write every tick exactly (at most ``most``).

    Taken from the ticks themselves, not from the step's order of magnitude: a step of 0,25
    needs two decimals, and with one "−1,2" stood at −1,25 and "−0,8" at −0,75 (review 15,
    finding 1: a thesis reader who measures a bar against its axis read a wrong number).

    >>> tick_decimals(np.array([-1.5, -1.25, -1.0, -0.75, 0.0, 0.25]))
    2
    >>> tick_decimals(np.array([0.0, 0.5, 1.0])), tick_decimals(np.array([0.0, 2.5, 5.0]))
    (1, 1)
    >>> tick_decimals(np.array([0.0, 20.0, 40.0])), tick_decimals(np.array([1 / 3]))
    (0, 3)
    """
    finite = ticks[np.isfinite(ticks)]
    for decimals in range(most + 1):
        if np.allclose(np.round(finite, decimals), finite, rtol=0.0, atol=1e-9):
            return decimals
    return most


def _notes(fig: MplFigure, notes: tuple[str, ...]) -> float:
    """Draw the figure's notes under the chart; returns the share of the height they take."""
    if not notes:
        return 0.0
    width, height = fig.get_size_inches()
    per_line = max(40, int(width / (0.56 * NOTE_SIZE / 72)))  # DejaVu Sans: ~0.56 em a glyph
    lines = [line for note in notes for line in textwrap.wrap(note, per_line)]
    fig.text(0.01, 0.01, "\n".join(lines), ha="left", va="bottom", fontsize=NOTE_SIZE,
             color=DARK)  # fmt: skip
    return min(0.5, (len(lines) * 1.35 * NOTE_SIZE / 72 + 0.12) / height)


def _inert(value: Any) -> Any:
    """``value`` with every string in it (dict values, list items, a frame's labels and text
    cells) showing its control characters and bidi marks as escapes (``\\x07``, ``\\u202e``),
    as the tables show them (:mod:`~servqual_cli.report.safe_text`). XML 1.0 forbids C0
    controls, so one raw BEL or a Word line break (``_x000B_`` in an xlsx) in a group name made
    the SVG unreadable, and a bidi override reorders what a reader sees. Done on the figure's
    data, before drawing, so tick labels (which matplotlib re-makes from its formatter when it
    draws) are covered as much as titles and legends; PNG and SVG show the same text."""
    if isinstance(value, str):
        return visible(value, newlines=True)
    if isinstance(value, dict):
        return {k: _inert(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_inert(v) for v in value)
    if isinstance(value, pd.DataFrame):
        out = value.rename(index=_inert, columns=_inert)
        text = [c for c in out.columns if out[c].dtype == object]
        if text:
            out[text] = out[text].map(_inert)
        return out
    return value


def render(figure: Figure, lang: str | None = None) -> MplFigure:
    """Draw one figure (inside the report style); with ``lang`` the tick labels are in that
    language's number format. The figure's notes are drawn under the chart."""
    name = CHARTS.get(figure.kind)
    if name is None:
        raise ValueError(f"unknown chart kind {figure.kind!r} (known: {', '.join(CHARTS)})")
    draw: Callable[[Figure], MplFigure] = getattr(sys.modules[__name__], name)
    figure = replace(figure, title=_inert(figure.title), data=_inert(figure.data),
                     notes=_inert(tuple(figure.notes)), axes=_inert(dict(figure.axes)))  # fmt: skip
    with matplotlib.rc_context(STYLE):
        fig = draw(figure)
        fig.suptitle(figure.title, x=0.01, ha="left", fontsize=11, fontweight="bold")
        if lang is not None:
            _localise(fig, lang)
        bottom = _notes(fig, tuple(figure.notes))
        fig.tight_layout(rect=(0, bottom, 1, 1))
    return fig


def description(figure: Figure, lang: str | None = None) -> str:
    """The one sentence the SVG's ``<desc>`` says: the figure's own, else a plain default."""
    if figure.description:
        return figure.description
    return cw("chart_desc_default", lang or "en", what=figure.title)


def accessible_svg(svg: str, title: str, desc: str, uid: str = "chart") -> str:
    """matplotlib's SVG with ``<title>`` and ``<desc>`` as the first children of ``<svg>`` and
    the root marked ``role="img"`` with ``aria-labelledby`` naming them.

    >>> out = accessible_svg('<?xml version="1.0"?>\\n<svg width="1pt">\\n<g/></svg>', "S <", "A.")
    >>> print(out.replace("><", ">\\n<"))
    <?xml version="1.0"?>
    <svg width="1pt" role="img" aria-labelledby="chart-title chart-desc">
    <title id="chart-title">S &lt;</title>
    <desc id="chart-desc">A.</desc>
    <g/>
    </svg>
    """
    labels = f'<title id="{uid}-title">{escape(title)}</title>'
    labels += f'<desc id="{uid}-desc">{escape(desc)}</desc>'
    return _ROOT.sub(
        lambda m: f'<svg{m[1]} role="img" aria-labelledby="{uid}-title {uid}-desc">{labels}',
        svg,
        count=1,
    )


def svg_of(fig: MplFigure, figure: Figure, lang: str | None = None) -> str:
    """The accessible SVG document of a drawn figure (text as ``<text>``)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata=SVG_META)
    # what _inert could not reach (none known) still never makes the file ill-formed
    svg = html_safe(buffer.getvalue())
    return accessible_svg(svg, visible(figure.title), visible(description(figure, lang)))


def drawn_svg(figure: Figure) -> str | None:
    """The SVG :func:`save` wrote for this very figure in this process, or None."""
    entry = _DRAWN.get(id(figure))
    return entry[1] if entry is not None and entry[0] is figure else None


def save(figure: Figure, folder: Path, lang: str | None = None) -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg`` into ``folder`` (see :func:`figure_stem`),
    drawing the chart once; the SVG is kept for the HTML page (:func:`drawn_svg`)."""
    fig = render(figure, lang)
    stem = figure_stem(figure)
    png, svg = folder / f"{stem}.png", folder / f"{stem}.svg"
    with matplotlib.rc_context(STYLE):
        fig.savefig(png, format="png", dpi=DPI, metadata=PNG_META)
    text = svg_of(fig, figure, lang)
    svg.write_bytes(text.encode("utf-8"))
    _DRAWN[id(figure)] = (figure, text)
    return [png, svg]


def save_all(doc: Document, folder: Path) -> list[Path]:
    """Write every figure of ``doc``; their file names must differ."""
    folder.mkdir(parents=True, exist_ok=True)
    _DRAWN.clear()  # only the document being written is kept for its page
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


def _reference(ax: Axes, d: dict[str, Any], positions: list[np.ndarray] | None = None,
               width: float = 0.8) -> None:  # fmt: skip
    """A labelled reference line: across the plot (a target or norm, with its label at the right
    edge too), or, with ``at``, only across the bar it compares with (a benchmark)."""
    ref = d.get("reference")
    if not ref or ref.get("value") is None:
        return
    value, text = float(ref["value"]), ref.get("label")
    at = ref.get("at")
    if at is not None and positions is not None:
        centre = float(positions[int(at[1])][int(at[0])])
        ax.hlines(value, centre - 0.6 * width, centre + 0.6 * width, colors=VERMILLION,
                  linestyles="--", linewidth=1.6, label=text, zorder=4)  # fmt: skip
        return
    ax.axhline(value, color=VERMILLION, linestyle="--", linewidth=1, label=text)
    if text:
        ax.annotate(text, (1.0, value), xycoords=("axes fraction", "data"), xytext=(3, 0),
                    textcoords="offset points", va="center", ha="left", fontsize=8,
                    color=VERMILLION, annotation_clip=False)  # fmt: skip


def _finish(ax: Axes, d: dict[str, Any]) -> None:
    labels = d.get("labels", {})
    ax.set_xlabel(labels.get("x", ""))
    ax.set_ylabel(labels.get("y", ""))
    if d.get("percent"):  # shares in percent, on the one 0-100 scale of every chart
        ax.set_ylim(0, 100)
        ax.yaxis.set_major_formatter(PercentFormatter(100.0, decimals=0))
    legend_above(ax)


def _errorbars(ax: Axes, pos: Any, v: np.ndarray, s: dict[str, Any], colour: str = DARK) -> None:
    if s.get("ci_low") is not None and s.get("ci_high") is not None:
        err = np.vstack([v - floats(s["ci_low"]), floats(s["ci_high"]) - v])
        ax.errorbar(pos, v, yerr=err, fmt="none", ecolor=colour, capsize=3, linewidth=0.9)


def draw_bars(figure: Figure) -> MplFigure:
    """Grouped vertical bars with their intervals, and a reference line (a target or norm
    across the plot; a benchmark only at the bar it compares with)."""
    d = figure.data
    cats, series = d["categories"], d["series"]
    x = np.arange(len(cats))
    fig, (ax,) = new_figure(
        min(10.0, max(5.5, 1.6 + 0.9 * len(cats) * max(1, len(series)) ** 0.5)), 4.0
    )
    width = 0.8 / max(1, len(series))
    positions = []
    for k, s in enumerate(series):
        v = floats(s["values"])
        pos = x - 0.4 + width * (k + 0.5)
        positions.append(pos)
        ax.bar(pos, v, width, label=s.get("name"), color=OKABE_ITO[k % len(OKABE_ITO)])
        _errorbars(ax, pos, v, s)
    _reference(ax, d, positions, width)
    wide = len(cats) > 4
    ax.set_xticks(x, cats, rotation=20 if wide else 0, ha="right" if wide else "center")
    ax.set_xlim(-0.6, len(cats) - 0.4)
    _finish(ax, d)
    return fig


def draw_lines(figure: Figure) -> MplFigure:
    """One line per series over ``x`` (e.g. a KPI per area across years), dashed for benchmarks."""
    d = figure.data
    xs = [str(v) for v in d["x"]]
    fig, (ax,) = new_figure(6.5, 3.8)
    for k, s in enumerate(d["series"]):
        colour = OKABE_ITO[k % len(OKABE_ITO)]
        v = floats(s["values"])
        ax.plot(xs, v, marker="s" if s.get("dashed") else "o", label=s.get("name"), color=colour,
                linestyle="--" if s.get("dashed") else "-")  # fmt: skip
        _errorbars(ax, xs, v, s, colour)  # a yearly series' CI
        if any(s.get("small") or ()):  # a year on a small base: ringed, named in the legend
            at = np.asarray(s["small"], dtype=bool)
            ax.plot(np.asarray(xs)[at], v[at], linestyle="none", marker="o", markersize=12,
                    markerfacecolor="none", markeredgecolor=DARK, markeredgewidth=1.4,
                    label=d.get("small_label"))  # fmt: skip
    _reference(ax, d)
    _finish(ax, d)
    return fig


# The survey's, the service part's and the toolbox's drawing functions live in their own
# modules; imported here so CHARTS finds them.
from servqual_cli.report.service_charts import (  # noqa: E402, F401
    draw_feedback_periods,
    draw_kpi_aspect,
)
from servqual_cli.report.survey_charts import (  # noqa: E402, F401
    draw_dimension_gaps,
    draw_group_heatmap,
    draw_ipa,
    draw_item_gaps,
)
from servqual_cli.report.toolbox_charts import draw_likert_bars, draw_tolerance_zone  # noqa: E402, F401
