"""Honest chart data: the rules that decide what a report chart may show (issue #9 item 7).

The report parts build each :class:`~servqual_cli.report.spec.Figure` with these helpers, so
the drawing functions (:mod:`~servqual_cli.report.charts`) only draw:

- a bar per area or group carries its interval and its n, or is left out when it rests on fewer
  than ``min_n`` answers (config ``min_n``, :data:`servqual_cli.report.config.MIN_N`), and the
  figure says how many were left out (:func:`area_bars`);
- a target, norm or benchmark line is labelled with its value in the chart's unit
  (:func:`reference_label`), and a benchmark is drawn only at the bar it compares with;
- verdicts arrive as codes with their words, so the chart shows them by shape and text as well
  as colour (:func:`gap_verdicts`).

Shares are in percent (0–100) in every chart. Numbers in labels go through
:mod:`~servqual_cli.report.numbers` (decimal comma, "95 %", "−" in Swedish).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from servqual_cli.report.chart_words import cw
from servqual_cli.report.numbers import fmt_int, fmt_number, with_percent

__all__ = [
    "area_bars",
    "caption_with",
    "gap_verdicts",
    "n_label",
    "reference_label",
    "suppressed_note",
]


def n_label(name: str, ns: Sequence[float | None], lang: str) -> str:
    """A category with its number of answers: "Bygglov (n = 54)"; with several bars per
    category (one per year) the n of each bar in order: "Bygglov (n = 53 / 54)".

    >>> n_label("Bygglov", [54], "sv"), n_label("Bygglov", [1234, None], "sv")
    ('Bygglov (n = 54)', 'Bygglov (n = 1\\xa0234 / –)')
    """
    shown = " / ".join(fmt_int(v, lang) for v in ns)
    return f"{name} ({cw('chart_n', lang, n=shown)})"


def suppressed_note(k: int, min_n: int, lang: str, noun: str = "area") -> str:
    """The note under a chart that leaves out ``k`` areas (or groups) below ``min_n``.

    >>> suppressed_note(2, 30, "sv")
    '2 områden med färre än 30 svar visas inte.'
    >>> suppressed_note(1, 30, "en", "group")
    '1 group with fewer than 30 answers is not shown.'
    """
    key = f"chart_suppressed_{noun}" + ("" if k == 1 else "s")
    return cw(key, lang, k=fmt_int(k, lang), min_n=fmt_int(min_n, lang))


def reference_label(kind: str, value: float, lang: str, unit: str = "", decimals: int = 1) -> str:
    """The label of a reference line: "Mål 90 %", "Norm 14 dagar", "Medel övriga 74,6 %".

    ``kind`` is ``target``, ``norm`` or ``others``; ``value`` is in the chart's unit (percent
    for shares, with ``unit="%"``).

    >>> reference_label("target", 90.0, "sv", "%", 0), reference_label("others", 74.56, "en", "%")
    ('Mål 90\\xa0%', "Others' mean 74.6%")
    >>> reference_label("norm", -2.5, "sv", "dagar")
    'Norm −2,5 dagar'
    """
    number = fmt_number(value, lang, decimals)
    text = with_percent(number, lang) if unit == "%" else f"{number} {unit}".strip()
    return cw(f"chart_{kind}", lang, value=text)


def caption_with(caption: str | None, notes: Sequence[str]) -> str | None:
    """A figure's caption followed by its notes (what the chart leaves out).

    >>> caption_with("Andel per område.", ["2 områden visas inte."])
    'Andel per område. 2 områden visas inte.'
    >>> caption_with(None, []) is None
    True
    """
    text = " ".join(t for t in (caption, *notes) if t)
    return text or None


def _floats(values: Any) -> np.ndarray:
    return np.array(
        [[np.nan if v is None else float(v) for v in row] for row in values], dtype=float
    ).reshape(len(values), -1)


def _list(row: np.ndarray) -> list[float | None]:
    return [None if not np.isfinite(v) else float(v) for v in row]


def area_bars(
    categories: Sequence[str],
    names: Sequence[str],
    values: Sequence[Sequence[float | None]],
    ci_low: Sequence[Sequence[float | None]],
    ci_high: Sequence[Sequence[float | None]],
    n: Sequence[Sequence[float | None]],
    min_n: int,
    lang: str,
) -> tuple[list[str], list[dict[str, Any]], list[int], list[str]]:
    """Bars per category (area) and series (year) that each carry their interval and n, or
    are left out below ``min_n`` answers.

    ``values``, ``ci_low``, ``ci_high`` and ``n`` are one row per series, one column per
    category. A bar with ``n < min_n`` is left out; a category left with no bar is dropped and
    counted in the note. Categories come back labelled with their n (:func:`n_label`).

    Returns
    -------
    categories, series, kept, notes
        The labelled categories kept, one ``{"name", "values", "ci_low", "ci_high", "n"}`` per
        series, the positions (in ``categories``) of the kept ones, and the notes to show.

    >>> cats, series, kept, notes = area_bars(["alla", "bygglov", "förskola"], ["2024"],
    ...     [[80.0, 60.0, 90.0]], [[75.0, 40.0, 70.0]], [[85.0, 78.0, 98.0]],
    ...     [[120, 12, 40]], 30, "sv")
    >>> cats, series[0]["values"], kept
    (['alla (n = 120)', 'förskola (n = 40)'], [80.0, 90.0], [0, 2])
    >>> notes
    ['1 område med färre än 30 svar visas inte.']
    """
    v, lo, hi, k = _floats(values), _floats(ci_low), _floats(ci_high), _floats(n)
    small = k < min_n  # NaN (no answers at all) is not "small": it has no bar either way
    for a in (v, lo, hi):
        a[small] = np.nan
    has_bar = np.isfinite(v).any(axis=0)
    dropped = int((~has_bar & small.any(axis=0)).sum())
    partial = int((small & has_bar[None, :]).sum())
    kept = np.flatnonzero(has_bar)
    labels = [n_label(categories[int(c)], [_n(x) for x in k[:, c]], lang) for c in kept]
    series = [
        {
            "name": names[s],
            "values": _list(v[s, kept]),
            "ci_low": _list(lo[s, kept]),
            "ci_high": _list(hi[s, kept]),
            "n": [_n(x) for x in k[s, kept]],
        }
        for s in range(len(names))
    ]
    notes = []
    if dropped:
        notes.append(suppressed_note(dropped, min_n, lang))
    if partial:
        notes.append(cw("chart_suppressed_bars", lang, k=fmt_int(partial, lang), min_n=min_n))
    return labels, series, [int(c) for c in kept], notes


def _n(x: float) -> int | None:
    return None if not np.isfinite(x) else int(x)


def gap_verdicts(ci_low: Any, ci_high: Any) -> list[str]:
    """Each gap judged by its interval: ``below`` (the interval lies under 0), ``above`` (over
    0) or ``unclear`` (it covers 0: the data cannot tell the gap from zero).

    >>> gap_verdicts([-0.8, -0.3, 0.1, None], [-0.2, 0.4, 0.5, None])
    ['below', 'unclear', 'above', 'unclear']
    """
    lo = np.array([np.nan if v is None else v for v in ci_low], dtype=float)
    hi = np.array([np.nan if v is None else v for v in ci_high], dtype=float)
    codes = np.select([hi < 0, lo > 0], ["below", "above"], default="unclear")
    return [str(c) for c in codes]


def gap_verdict_labels(lang: str) -> dict[str, str]:
    """The words of :func:`gap_verdicts`' codes, for a chart's legend."""
    return {c: cw(f"chart_gap_{c}", lang) for c in ("below", "unclear", "above")}
