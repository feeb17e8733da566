"""Distinct text answers parsed into numbers, in plain Python per distinct text and numpy over
them (no pandas: the fast CSV path of ``alpha`` and ``gap``, issue #16): numbers with a decimal
comma or digit groups, "Vet ej" and the other no-answer words, Excel errors, labels and a
leading number ("7 Instämmer helt"). Split from :mod:`servqual_cli.io.values` (session 18),
which re-exports the public names and adds the range check and the pandas wrapper.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import numpy as np

from servqual_cli.io.answer_words import (
    DONT_KNOW,
    EXCEL_ERROR,
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    builtin_labels,
    fold,
)

__all__ = [
    "between_points",
    "integral_scale",
    "parse_text_cached",
    "read_from_text",
    "tally_recoded",
]

_LEADING_NUMBER = re.compile(r"^\s*(-?\d+)\s*(?:[-=.:)]\s*|\s+)\D")
# Digit groups: "1 234", "-12 345 678,5" (after fold() every kind of space is a plain space).
_DIGIT_GROUPS = re.compile(r"[-+]?[1-9]\d{0,2}(?: \d{3})+(?:[.,]\d+)?")


def integral_scale(lo: float, hi: float) -> bool:
    """Whether a scale is a set of whole points a respondent ticks: both ends whole numbers, at
    most 11 points (1–5, 1–7, 0–10). A 0–100 scale is a slider or a score, where 72,5 is an
    answer.

    >>> integral_scale(1, 7), integral_scale(0, 10), integral_scale(0, 100)
    (True, True, False)
    >>> integral_scale(0, np.inf), integral_scale(0.5, 3)
    (False, False)
    """
    finite = bool(np.isfinite(lo) and np.isfinite(hi))
    return finite and lo == int(lo) and hi == int(hi) and hi - lo <= 10


def between_points(values: np.ndarray, reasons: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """On a scale of whole points, a number between two points (``4,5`` on 1–7; ``9,5`` is out
    of range, not this) is no answer
    the item offers (a cross between two boxes, or a typing error): ``not_scale_point``, left
    out and counted as a 9 on 1–7 is, so the counts per point add up to n. Values from labels
    are not numbers written in the cell and are not checked here (:func:`integral_scale`)."""
    if not integral_scale(lo, hi):
        return values
    with np.errstate(invalid="ignore"):
        between = (values != np.floor(values)) & (values >= lo) & (values <= hi)  # NaN: False
    if not between.any():
        return values
    reasons[between] = "not_scale_point"
    return np.where(between, np.nan, values)


def read_from_text(texts: np.ndarray, values: np.ndarray, reasons: np.ndarray) -> np.ndarray:
    """Which parsed distinct cells were read from text: a text kept (no reason) with a value
    that is not a number written as text ("6", "4,5", "1 234" are numbers, not recodes).

    >>> t = np.array(["Instämmer helt", "6", "4,5", "Vet ej", "7 Instämmer helt", 5], dtype=object)
    >>> import pandas as pd
    >>> from servqual_cli.io.values import parse_scale_values
    >>> v, r = parse_scale_values(pd.Series(t), (1, 7))
    >>> read_from_text(t, v, r).tolist()
    [True, False, False, False, True, False]
    """
    texts = np.asarray(texts, dtype=object)
    is_text = np.fromiter((isinstance(t, str) for t in texts), dtype=bool, count=len(texts))
    no_reason = np.fromiter((r is None for r in reasons), dtype=bool, count=len(texts))
    kept = is_text & no_reason & ~np.isnan(values)
    if not kept.any():
        return kept
    folded = [fold(t) for t in texts[kept].tolist()]  # distinct texts, not cells
    as_number = ~np.isnan(_numbers(folded))
    kept[np.flatnonzero(kept)[as_number]] = False
    return kept


def _numbers(folded: list[str]) -> np.ndarray:
    """Each folded text as a number written out (``"4,5"``, ``"1 234"``, ``"-2e3"``), else NaN.

    What ``pd.to_numeric(errors="coerce")`` accepted, which for an ASCII numeral without
    ``_`` is what Python's ``float`` accepts (``tests/io/test_values_same.py``). The values can
    differ in the last bit for a numeral of more than 17 significant digits: Python's ``float``
    rounds correctly, pandas' parser does not always (``+376544330992569880586838614``).
    """
    out = np.full(len(folded), np.nan)
    for i, text in enumerate(folded):  # distinct texts: a handful per column
        number = text.replace(",", ".")
        if _DIGIT_GROUPS.fullmatch(text):
            number = number.replace(" ", "")
        out[i] = _float(number)
    return out


def _float(text: str) -> float:
    """``float(text)`` for ASCII without ``_`` (pandas refuses ``1_000`` and ``١``), else NaN.

    ``"-0"`` is 0, never −0.0 (pandas gave 0 when every text of the column was a whole number
    and −0.0 otherwise, so a −0 could reach the output as "−0" depending on the other answers).

    >>> _float("4.5"), _float("-0"), _float("1_000"), _float("١"), _float("bra")
    (4.5, 0.0, nan, nan, nan)
    """
    if not text.isascii() or "_" in text:
        return math.nan
    try:
        return float(text) + 0.0  # + 0.0: -0.0 becomes 0.0, every other value is unchanged
    except ValueError:
        return math.nan


def tally_recoded(
    tally: dict[tuple[str, float], int], texts: np.ndarray, values: np.ndarray, cells: np.ndarray
) -> None:
    """Add ``cells`` answers read from each text (as written, trimmed) to ``tally``."""
    for text, value, n in zip(texts.tolist(), values.tolist(), cells.tolist(), strict=True):
        if n:
            key = (" ".join(str(text).split()), float(value))
            tally[key] = tally.get(key, 0) + int(n)


_TEXT_CACHE: dict[tuple[object, ...], tuple[np.ndarray, np.ndarray]] = {}


def parse_text_cached(
    strings: np.ndarray,
    lo: float,
    hi: float,
    labels: Mapping[str, float] | None,
    missing_tokens: Iterable[str],
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_parse_text`, remembered per set of distinct answers: the 44 columns of a survey
    mostly hold the same few answers, so each set is parsed once per process."""
    missing_tokens = tuple(str(t) for t in missing_tokens)  # may be a one-shot iterator
    key = (
        tuple(strings.tolist()),
        float(lo),
        float(hi),
        tuple(sorted((str(k), float(v)) for k, v in (labels or {}).items())),
        missing_tokens,
    )
    if len(key[0]) > 1000:  # free text: not worth keeping
        return _parse_text(strings, lo, hi, labels, missing_tokens)
    hit = _TEXT_CACHE.get(key)
    if hit is None:
        if len(_TEXT_CACHE) > 256:
            _TEXT_CACHE.clear()
        hit = _parse_text(strings, lo, hi, labels, missing_tokens)
        hit[0].flags.writeable = False
        hit[1].flags.writeable = False
        _TEXT_CACHE[key] = hit
    return hit


def _parse_text(
    strings: np.ndarray,
    lo: float,
    hi: float,
    labels: Mapping[str, float] | None,
    missing_tokens: Iterable[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Values and reasons for distinct text answers (an object array of str), in plain Python
    per distinct text and numpy over them (no pandas:
    :func:`~servqual_cli.io.values.parse_scale_texts`)."""
    text = [fold(t) for t in strings.tolist()]
    n = len(text)
    str_vals = np.full(n, np.nan)
    str_reason = np.full(n, None, dtype=object)

    def among(words: Iterable[str]) -> np.ndarray:
        words = frozenset(words)
        return np.fromiter((t in words for t in text), dtype=bool, count=n)

    blank = among(("",))
    str_reason[blank] = "blank"
    dont_know = among(DONT_KNOW)
    str_reason[dont_know] = "dont_know"
    not_applicable = among(NOT_APPLICABLE)
    str_reason[not_applicable] = "not_applicable"
    dont_know |= not_applicable  # from here on: a "no answer" word, whichever
    custom = among(fold(t) for t in missing_tokens) & ~dont_know
    str_reason[custom] = "missing_token"
    na = among(NOT_AVAILABLE) & ~custom
    str_reason[na] = "not_available"
    excel = np.fromiter((EXCEL_ERROR.fullmatch(t) is not None for t in text), dtype=bool, count=n)
    excel &= ~(custom | na)
    str_reason[excel] = "excel_error"
    todo = ~(blank | dont_know | custom | na | excel)
    numeric = _numbers(text)
    got = todo & ~np.isnan(numeric)
    str_vals[got] = numeric[got]
    str_vals = between_points(str_vals, str_reason, lo, hi)  # "4,5" on 1–7
    todo &= ~got
    if todo.any():
        table = builtin_labels(lo, hi)
        if labels:
            table.update({fold(k): float(v) for k, v in labels.items()})
        mapped = np.fromiter((table.get(t, math.nan) for t in text), dtype=float, count=n)
        hit = todo & ~np.isnan(mapped)
        str_vals[hit] = mapped[hit]
        todo &= ~hit
    if todo.any():
        leads = (_LEADING_NUMBER.search(t) for t in text)
        lead_num = np.fromiter(
            (math.nan if m is None else _float(m.group(1)) for m in leads), dtype=float, count=n
        )
        hit = todo & ~np.isnan(lead_num)
        str_vals[hit] = lead_num[hit]
        todo &= ~hit
    str_reason[todo] = "unparseable"
    return str_vals, str_reason
