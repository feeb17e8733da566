"""Parse answers into numbers: Likert labels, decimal commas, "Vet ej", out-of-range values.

Each parser returns the values and, per cell, the reason it was excluded (or None), so the caller
can log every exclusion with its row and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

# Answers that mean "no answer" (Swedish and English survey tools). Matched case-insensitively.
DONT_KNOW = frozenset(
    {
        "vet ej",
        "vet inte",
        "ingen åsikt",
        "ej aktuellt",
        "ej tillämpligt",
        "don't know",
        "dont know",
        "do not know",
        "no opinion",
        "not applicable",
    }
)
NOT_AVAILABLE = frozenset({"na", "n/a", "nan", "null", "none", ".", "..", "-", "–"})

# Built-in label sets by scale length (Swedish first, then English), value = position from 1.
_LABELS_5 = {
    1: ["instämmer inte alls", "stämmer inte alls", "i mycket låg grad", "strongly disagree",
        "mycket dåligt", "mycket missnöjd", "very dissatisfied"],
    2: ["instämmer inte", "instämmer i liten grad", "stämmer ganska dåligt", "i låg grad",
        "disagree", "ganska dåligt", "ganska missnöjd", "dissatisfied"],
    3: ["varken eller", "varken instämmer eller tar avstånd", "instämmer delvis", "i viss grad",
        "neither agree nor disagree", "neutral"],
    4: ["instämmer", "instämmer i stor grad", "stämmer ganska bra", "i hög grad", "agree",
        "ganska bra", "ganska nöjd", "satisfied"],
    5: ["instämmer helt", "stämmer helt", "stämmer mycket bra", "i mycket hög grad",
        "strongly agree", "mycket bra", "mycket nöjd", "very satisfied"],
}  # fmt: skip
_LABELS_7 = {
    1: ["instämmer inte alls", "stämmer inte alls", "strongly disagree"],
    2: ["instämmer inte", "tar avstånd", "disagree"],
    3: ["instämmer delvis inte", "tar delvis avstånd", "somewhat disagree"],
    4: ["varken eller", "varken instämmer eller tar avstånd", "neutral",
        "neither agree nor disagree"],
    5: ["instämmer delvis", "somewhat agree"],
    6: ["instämmer", "instämmer till stor del", "agree"],
    7: ["instämmer helt", "instämmer helt och hållet", "stämmer helt", "strongly agree"],
}  # fmt: skip
_ENDPOINTS_LOW = ("instämmer inte alls", "stämmer inte alls", "strongly disagree")
_ENDPOINTS_HIGH = ("instämmer helt och hållet", "instämmer helt", "stämmer helt", "strongly agree")

_LEADING_NUMBER = re.compile(r"^\s*(-?\d+)\s*(?:[-=.:)]\s*|\s+)\D")


def fold(text: str) -> str:
    """Case-fold, trim and squeeze spaces, unify apostrophes.

    >>> fold("  Vet  EJ ")
    'vet ej'
    """
    return " ".join(str(text).replace("’", "'").casefold().split())


def builtin_labels(scale_min: float, scale_max: float) -> dict[str, float]:
    """Label -> value for a scale: endpoint labels always, full sets for 5 and 7 points.

    >>> builtin_labels(1, 7)["instämmer helt och hållet"]
    7.0
    >>> builtin_labels(1, 5)["varken eller"]
    3.0
    >>> builtin_labels(0, 10)["strongly agree"]
    10.0
    """
    out: dict[str, float] = {}
    if not (np.isfinite(scale_min) and np.isfinite(scale_max)):
        return out  # an open scale has no label positions
    points = round(scale_max - scale_min + 1)
    table = {5: _LABELS_5, 7: _LABELS_7}.get(points)
    if table is not None:
        for position, labels in table.items():
            for label in labels:
                out.setdefault(label, float(scale_min + position - 1))
    for label in _ENDPOINTS_LOW:
        out.setdefault(label, float(scale_min))
    for label in _ENDPOINTS_HIGH:
        out.setdefault(label, float(scale_max))
    return out


def parse_scale_values(
    column: pd.Series,
    scale: tuple[float, float],
    labels: Mapping[str, float] | None = None,
    missing_tokens: Iterable[str] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """Parse one column of answers on a rating scale.

    Returns ``(values, reasons)``: float values (NaN where excluded or missing) and per cell the
    reason (``blank``, ``dont_know``, ``not_available``, ``missing_token``, ``unparseable``,
    ``out_of_range``) or None. Numbers may use a decimal comma; text answers go through
    ``labels`` (folded) and the built-in label sets; ``"7 Instämmer helt"`` reads as 7.

    >>> v, r = parse_scale_values(pd.Series([5, "6", "4,5", "Vet ej", "", 9, "Instämmer helt", "x"],
    ...                                     dtype=object), (1, 7))
    >>> v.tolist()[:3], v[6]
    ([5.0, 6.0, 4.5], np.float64(7.0))
    >>> r.tolist()
    [None, None, None, 'dont_know', 'blank', 'out_of_range', None, 'unparseable']
    """
    lo, hi = scale
    n = len(column)
    reasons = np.full(n, None, dtype=object)
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype):
        values = column.to_numpy(dtype=float, na_value=np.nan)
        reasons[np.isnan(values)] = "blank"
    else:
        values, reasons = _parse_object(column, lo, hi, labels, missing_tokens)
    out_of_range = ~np.isnan(values) & ((values < lo) | (values > hi))
    reasons[out_of_range] = "out_of_range"
    values = np.where(out_of_range, np.nan, values)
    return values, reasons


def _parse_object(
    column: pd.Series,
    lo: float,
    hi: float,
    labels: Mapping[str, float] | None,
    missing_tokens: Iterable[str],
) -> tuple[np.ndarray, np.ndarray]:
    obj = column.astype(object)
    n = len(obj)
    reasons = np.full(n, None, dtype=object)
    isna = obj.isna().to_numpy(dtype=bool)
    is_str = obj.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    is_num = obj.map(
        lambda v: isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)
    ).to_numpy(dtype=bool)
    values = np.full(n, np.nan)
    values[is_num] = obj[is_num].to_numpy(dtype=float)
    values[is_num & np.isnan(values)] = np.nan
    reasons[isna | (is_num & np.isnan(values))] = "blank"
    other = ~(isna | is_num | is_str)
    reasons[other] = "unparseable"  # dates, booleans and the like in a rating column
    if is_str.any():
        text = obj[is_str].map(fold)
        idx = np.flatnonzero(is_str)
        str_vals = np.full(len(text), np.nan)
        str_reason = np.full(len(text), None, dtype=object)
        blank = text.eq("").to_numpy(dtype=bool)
        str_reason[blank] = "blank"
        dont_know = text.isin(DONT_KNOW).to_numpy(dtype=bool)
        str_reason[dont_know] = "dont_know"
        custom = text.isin({fold(t) for t in missing_tokens}).to_numpy(dtype=bool) & ~dont_know
        str_reason[custom] = "missing_token"
        na = text.isin(NOT_AVAILABLE).to_numpy(dtype=bool) & ~custom
        str_reason[na] = "not_available"
        todo = ~(blank | dont_know | custom | na)
        numeric = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        got = todo & numeric.notna().to_numpy(dtype=bool)
        str_vals[got] = numeric.to_numpy(dtype=float, na_value=np.nan)[got]
        todo &= ~got
        if todo.any():
            table = builtin_labels(lo, hi)
            if labels:
                table.update({fold(k): float(v) for k, v in labels.items()})
            mapped = text.map(table)
            hit = todo & mapped.notna().to_numpy(dtype=bool)
            str_vals[hit] = mapped.to_numpy(dtype=float, na_value=np.nan)[hit]
            todo &= ~hit
        if todo.any():
            lead = text.str.extract(_LEADING_NUMBER, expand=False)
            lead_num = pd.to_numeric(lead, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            hit = todo & ~np.isnan(lead_num)
            str_vals[hit] = lead_num[hit]
            todo &= ~hit
        str_reason[todo] = "unparseable"
        values[idx] = str_vals
        reasons[idx] = str_reason
    return values, reasons
