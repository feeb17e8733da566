"""Column words of the figure-data tables (:mod:`~servqual_cli.report.chart_data`): the fixed
headings and the interval headings with their level, shared by the SERVQUAL frames
(:mod:`~servqual_cli.report.chart_data_survey`) and the others."""

from __future__ import annotations

from typing import Any

import pandas as pd

from servqual_cli.report.catalog import catalog
from servqual_cli.report.conf_level import interval_head

WORDS = {
    "category": ("Kategori", "Category"),
    "series": ("Serie", "Series"),
    "x": ("x", "x"),
    "rows": ("Rad", "Row"),
    "columns": ("Kolumn", "Column"),
    "point": ("Punkt", "Point"),
    "quadrant": ("Kvadrant", "Quadrant"),
    "verdict": ("Bedömning", "Verdict"),
    # a weighted group heatmap's table (session 11, l-weight)
    "w_mean": ("Viktat gap (P−E)", "Weighted gap (P−E)"),
    "weight_column": ("Viktkolumn", "Weight column"),
}


def word(key: str, lang: str) -> str:
    """A column word: the fixed ones here, else the report catalog's (the key itself if none)."""
    pair = WORDS.get(key)
    if pair is not None:
        return pair[0] if lang == "sv" else pair[1]
    return catalog(lang).get(key, key)


def bound(key: str, d: Any, lang: str) -> str:
    """An interval column's heading with the level the figure's data name (``conf``): "95 % KI
    låg", as every table's (review 9, finding 8: the CSVs the page links said "KI låg"); the
    bare word when the data name no level.

    >>> bound("ci_low", {"conf": 0.9}, "sv"), bound("ci_high", {}, "en")
    ('90\xa0% KI låg', 'CI high')
    >>> bound("ci_low", pd.DataFrame({"conf": [0.95]}), "en")
    '95% CI low'
    """
    if isinstance(d, pd.DataFrame):
        conf = float(d["conf"].iloc[0]) if "conf" in d and len(d) else None
    else:
        conf = None if d.get("conf") is None else float(d["conf"])
    return interval_head(key, word(key, lang), conf, lang)


def labels_of(d: dict[str, Any]) -> dict[str, str]:
    """The figure's own column words (``labels``), the empty ones left out."""
    return {str(k): str(v) for k, v in (d.get("labels") or {}).items() if v}
