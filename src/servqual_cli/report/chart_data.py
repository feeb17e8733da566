"""The data behind each chart as a table: shown under the chart in HTML and written as CSV.

Every :class:`~servqual_cli.report.spec.Figure` carries the values it draws (see
:mod:`~servqual_cli.report.charts` for the shape of each ``kind``); :func:`figure_frame` lays
them out as one tidy table with headers in the report's language, so a reader who cannot see the
chart, and a web editor who wants to draw it with the website's own tools, get the same numbers.
Nothing is computed: values are copied as they are (shares stay 0-1 where the chart has them so).

:func:`web_csv` writes a table the way Swedish municipal web platforms import CSV (Sitevision,
Episerver/Optimizely and Excel in a Swedish locale all read this): ``;`` as separator, decimal
comma, UTF-8, one header row, quotes only around a field that needs them (RFC 4180).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

import pandas as pd

from servqual_cli.report.chart_data_survey import dimension_gaps, group_heatmap, ipa, item_gaps
from servqual_cli.report.chart_data_words import bound as _bound
from servqual_cli.report.chart_data_words import labels_of as _labels
from servqual_cli.report.chart_data_words import word as _word
from servqual_cli.report.spec import Figure

FORMULA = r"[=+\-@\t\r]"  # what a spreadsheet reads as the start of a formula


def _series_frame(d: dict[str, Any], key: str, lang: str) -> pd.DataFrame:
    """``bars`` and ``lines``: one row per category (or x), one column per series (and CI)."""
    labels = _labels(d)
    first = labels.get("x") or _word("category" if key == "categories" else "x", lang)
    names = d.get(key, [])
    if key == "categories" and d.get("names") is not None:  # the n has its own columns
        first, names = str(d.get("name_label") or first), d["names"]
    frame = pd.DataFrame({first: [str(v) for v in names]})
    for k, s in enumerate(d.get("series", [])):
        name = str(s.get("name") or f"{_word('series', lang)} {k + 1}")
        frame[name] = pd.to_numeric(pd.Series(s.get("values", []), dtype=object), "coerce")
        for bound in ("ci_low", "ci_high"):
            if s.get(bound) is not None:
                col = f"{name}, {_bound(bound, d, lang)}"
                frame[col] = pd.to_numeric(pd.Series(s[bound], dtype=object), "coerce")
        if s.get("n") is not None:  # the base of each bar (issue #9 item 7)
            frame[f"{name}, n"] = pd.array(s["n"], dtype="Int64")
    ref = d.get("reference")
    if ref and ref.get("value") is not None:
        frame[str(ref.get("label") or _word("goal", lang))] = float(ref["value"])
    return frame


def _kpi_aspect(d: pd.DataFrame, lang: str) -> pd.DataFrame:
    # the chart shows shares in percent; so does its table
    share = (
        d["share"].fillna(False).astype(bool) if "share" in d else pd.Series(False, index=d.index)
    )
    k = pd.Series(1.0, index=d.index).mask(share, 100.0)
    unit = d["unit"] if "unit" in d else pd.Series(None, index=d.index, dtype=object)
    unit = unit.astype(object).where(unit.notna(), "").mask(share, "%")

    def number(column: str) -> pd.Series:
        return pd.to_numeric(d[column], errors="coerce") * k

    return pd.DataFrame(
        {
            _word("kpi", lang): d["name"].astype(str),
            _word("value", lang): number("value"),
            _bound("ci_low", d, lang): number("ci_low"),
            _bound("ci_high", d, lang): number("ci_high"),
            _word("goal", lang): number("goal"),
            _unit_word(lang): unit,
            **(
                {_word("verdict", lang): d["verdict_label"].astype(str)}
                if "verdict_label" in d
                else {}
            ),
        }
    )


def _unit_word(lang: str) -> str:
    return "Enhet" if lang == "sv" else "Unit"


def _feedback_periods(d: pd.DataFrame, lang: str) -> pd.DataFrame:
    wide = d.pivot_table(index="period", columns="type", values="n", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=[t for t in d["type"].unique() if t in wide.columns])
    wide = wide.fillna(0).astype("int64").reset_index()
    wide.columns = [_word("period", lang), *[str(c) for c in wide.columns[1:]]]
    return wide


_FRAMES: dict[str, Callable[[Any, str], pd.DataFrame]] = {
    "dimension_gaps": dimension_gaps,
    "item_gaps": item_gaps,
    "group_heatmap": group_heatmap,
    "ipa": ipa,
    "bars": lambda d, lang: _series_frame(d, "categories", lang),
    "lines": lambda d, lang: _series_frame(d, "x", lang),
    "kpi_aspect": _kpi_aspect,
    "feedback_periods": _feedback_periods,
}


def figure_frame(figure: Figure, lang: str = "en") -> pd.DataFrame | None:
    """The values a figure draws, one row per category, headers in ``lang``.

    None when the kind is unknown here and its data is not already a table.

    >>> fig = Figure("x", "Svar", "bars", {"categories": ["A", "B"],
    ...     "series": [{"name": "2024", "values": [81.5, None]}], "labels": {"x": "Område"}})
    >>> figure_frame(fig, "sv").to_dict("list")
    {'Område': ['A', 'B'], '2024': [81.5, nan]}
    """
    build = _FRAMES.get(figure.kind)
    if build is not None:
        return build(figure.data, lang)
    if isinstance(figure.data, pd.DataFrame):
        return figure.data.copy()
    return None


# decimals of the tables each kind of chart illustrates: SERVQUAL means and gaps with two, the
# KPIs (percent, index, seconds, hours, days) with one (review 3, finding 19)
_DECIMALS = {"dimension_gaps": 2, "item_gaps": 2, "group_heatmap": 2, "ipa": 2}


def figure_formats(figure: Figure, frame: pd.DataFrame) -> dict[str, str]:
    """Display formats of :func:`figure_frame`'s columns: the decimals of the table the chart
    illustrates (a figure's data may name its own ``decimals``), whole numbers for n. The CSV
    keeps full precision (:func:`web_csv`); this is for the table shown under the chart.

    >>> fig = Figure("x", "Gap", "item_gaps", {"categories": ["1"], "gap": [-0.0738],
    ...     "ci_low": [-0.2], "ci_high": [0.05]})
    >>> figure_formats(fig, figure_frame(fig, "sv"))
    {'Gap (P−E)': '.2f', 'KI låg': '.2f', 'KI hög': '.2f'}
    """
    own = figure.data.get("decimals") if isinstance(figure.data, dict) else None
    if figure.kind not in _FRAMES:
        return {}
    digits = int(own if own is not None else _DECIMALS.get(figure.kind, 1))
    formats: dict[str, str] = {}
    if figure.kind == "ipa":  # as the IPA table: importance in points of 100, perception a mean
        labels = _labels(figure.data)
        basis = f", {labels['basis']}" if labels.get("basis") else ""  # as _with_basis
        y, x = labels.get("y", "y"), labels.get("x", "x")
        formats = {y + basis: ".1f", x + basis: ".2f"}
        for column in frame.columns:  # the intervals in their mean's decimals
            text = str(column)
            if text.startswith(f"{y}, ") and text != y + basis:
                formats[text] = ".1f"
            elif text.startswith(f"{x}, ") and text != x + basis:
                formats[text] = ".2f"
    if figure.kind == "group_heatmap" and figure.data.get("p_adjusted") is not None:
        p_label = _labels(figure.data).get("p", "p")
        formats = {str(c): "p" for c in frame.columns if str(c).endswith(f", {p_label}")}
    if figure.kind == "item_gaps" and figure.data.get("p_adjusted") is not None:
        p_label = _labels(figure.data).get("p", "p")  # (review 15, finding 4; basis appended)
        formats = {str(c): "p" for c in frame.columns if str(c).startswith(p_label)}
    for column in frame.columns:
        if str(column) in formats:
            continue
        kind = frame[column].dtype.kind
        if kind == "f":
            formats[str(column)] = f".{digits}f"
        elif kind in "iu":
            formats[str(column)] = "d"
    return formats


def figure_note(figure: Figure) -> str | None:
    """The note under a figure's data table: the rule its columns follow, when the figure
    names one (the group heatmap's adjusted p), else None.

    >>> figure_note(Figure("x", "T", "group_heatmap", {"table_note": "p: Holm."}))
    'p: Holm.'
    >>> figure_note(Figure("x", "T", "bars", None)) is None
    True
    """
    if not isinstance(figure.data, dict):
        return None
    note = figure.data.get("table_note")
    return None if note is None else str(note)


def web_csv(frame: pd.DataFrame, lang: str = "sv") -> str:
    """``frame`` as CSV for a web platform: ``;``, decimal comma in ``sv``, minimal quoting.

    Numbers keep full precision (no thousands separator, ASCII minus, so the platform reads them
    as numbers); missing values are empty fields; a whole number in a column with missing values
    is written with a decimal (``12,0``). A text cell (a group name from the data) that starts
    with ``= + - @``, a tab or a carriage return gets a leading ``'``, so a spreadsheet opening the
    file shows it as text instead of running it as a formula (OWASP, "CSV Injection").

    >>> print(web_csv(pd.DataFrame({"Område": ["Vård; omsorg", "=1+1"],
    ...     "Andel": [0.825, None], "n": [40, 12]}), "sv"), end="")
    Område;Andel;n
    "Vård; omsorg";0,825;40
    '=1+1;;12
    """
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype.kind in "OSU" or isinstance(safe[column].dtype, pd.StringDtype):
            cells = safe[column].astype(object)
            text = cells.astype(str)
            risky = cells.notna() & text.str.match(FORMULA)
            safe[column] = cells.mask(risky, "'" + text)
    out: str = safe.to_csv(
        sep=";",
        decimal="," if lang == "sv" else ".",
        index=False,
        na_rep="",
        quoting=csv.QUOTE_MINIMAL,
        lineterminator="\n",
    )
    return out
