"""Whether a column described by ``servqual describe`` looks like a rating-scale (Likert) item:
its type from the distinct answers, the scale they make (numbers, or the built-in labels of one
scale length) and a far "no answer" code beside it (99). Split from :mod:`servqual_cli.io.profile`
(session 18), which summarises the column and calls :func:`kind_and_scale`.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.io.values import (
    DONT_KNOW,
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    builtin_labels,
    fold,
    parse_scale_values,
)

__all__ = [
    "FAR_CODES",
    "MAX_POINTS",
    "ZERO_CODE_SHARE",
    "ZERO_CODE_TOPS",
    "kind_and_scale",
    "labelled_scale",
]

#: Likert-looking: at least 80 % of the answers whole numbers, at most this many distinct
#: values, within 0..10 with a highest answer of at least 3. The scale is taken to start at 1
#: (0 when a 0 is seen) and to end at the usual length at or above the highest answer.
#: Also Likert-looking (review 11, finding 1): every text answer one of the built-in labels of
#: the 5- or 7-point set (io.answer_words), at least 3 of them; and (finding 3) a 1..k scale
#: with one far code beside it (9 or 99 or 999 above it, 0 below a 1-5 or 1-7 scale), the
#: "Vet ej" code of Survey&Report and SPSS exports.
MAX_POINTS = 11
#: The far codes that can mean "no answer" beside a scale, and the highest scale point each
#: may stand beside (a 9 on a 1-10 scale is an answer).
FAR_CODES = {9: 7, 99: 10, 999: 10}
#: A 0 is a code only beside these scales, and in at most this share of the answers (a 0-10
#: scale, or a 0-4 symptom scale, starts at 0).
ZERO_CODE_TOPS = (5, 7)
ZERO_CODE_SHARE = 0.05


def kind_and_scale(
    col: pd.Series, answers: pd.Series
) -> tuple[
    str,
    tuple[int, int] | None,
    tuple[tuple[str, int], ...],
    tuple[tuple[str, int], ...],
    int | None,
]:
    """Type from the distinct answers; a scale when they are mostly small whole numbers (with at
    most one far code beside them), or all built-in labels of one scale length. Also the labels
    the scale was read from, and the far code."""
    if answers.empty:
        return "empty", None, (), (), None
    head = col.dropna().head(20)
    if pd.api.types.is_datetime64_any_dtype(col.dtype) or (
        len(head) and all(isinstance(v, datetime.date) for v in head)
    ):
        return "date", None, (), (), None
    values, _ = parse_scale_values(pd.Series(answers.index, dtype=object), (-math.inf, math.inf))
    is_number = ~np.isnan(values)
    weight = answers.to_numpy(dtype=float)
    share = float(weight[is_number].sum() / weight.sum())
    kind = "number" if share == 1.0 else "text" if share < 0.5 else "mixed"
    pairs = zip(answers.index, answers, is_number, strict=True)
    not_numbers = tuple((str(v), int(c)) for v, c, ok in pairs if not ok)[:5]
    numbers = values[is_number]
    # A row counter (1, 2, 3 ... down the rows) in a small file is no rating item.
    counter = share == 1.0 and bool(np.all(weight == 1)) and _counts_rows(col)
    whole = bool(np.all(numbers == np.round(numbers)))
    if share >= 0.8 and len(numbers) and whole and not counter:
        code = _far_code(numbers, weight[is_number])
        keep = numbers != code if code is not None else np.ones(len(numbers), dtype=bool)
        scale = _number_scale(numbers[keep], weight[is_number][keep], weight.sum())
        if scale is not None:
            return kind, scale, not_numbers, (), code
    # rare strays (under 1 %, as an export's "Antal svar" row) do not spoil a labelled column
    labelled = _label_scale(
        answers.index[~is_number], numbers[weight[is_number] >= 0.01 * weight.sum()]
    )
    if labelled is not None:
        return kind, labelled[0], not_numbers, labelled[1], None
    return kind, None, not_numbers, (), None


def _number_scale(numbers: np.ndarray, weight: np.ndarray, total: float) -> tuple[int, int] | None:
    """The scale of whole-number answers: rare stray answers (a 9 on a 1-7 scale) do not set
    it: only values given by at least 1 % of the respondents count for its ends."""
    common = numbers[weight >= 0.01 * total]
    if not len(common):
        return None
    lo, hi = int(common.min()), int(common.max())
    if lo >= 0 and 3 <= hi <= 10 and len(numbers) <= MAX_POINTS:
        return (0 if lo == 0 else 1, _scale_top(hi))
    return None


def _far_code(numbers: np.ndarray, weight: np.ndarray) -> int | None:
    """The one distinct value standing apart from a 1..k scale: 9, 99 or 999 above it, or a rare
    0 below a 1-5 or 1-7 scale (see :data:`FAR_CODES`); None if there is none. Rare strays (under
    1 % of the answers, as a count row's 386) do not count against it.

    >>> w = np.ones(8)
    >>> _far_code(np.array([1.0, 2, 3, 4, 5, 6, 7, 99]), w), _far_code(np.arange(1.0, 9), w)
    (99, None)
    >>> _far_code(np.array([1.0, 2, 3, 4, 5, 9]), w[:6]), _far_code(np.arange(1.0, 11), np.ones(10))
    (9, None)
    >>> _far_code(np.array([1.0, 2, 3, 4, 5, 99, 386]), np.array([50, 50, 50, 50, 50, 9, 1.0]))
    99
    >>> _far_code(np.array([0.0, 1, 2, 3, 4, 5]), np.array([1, 30, 30, 30, 30, 30.0]))
    0
    >>> _far_code(np.arange(0.0, 11), np.ones(11)) is None  # a 0-10 scale
    True
    """
    common = weight >= 0.01 * weight.sum()
    for code in sorted(FAR_CODES, reverse=True):
        if code in numbers:
            rest = numbers[common & (numbers != code)]
            if len(rest) >= 3 and rest.min() >= 0 and rest.max() <= FAR_CODES[code]:
                return code
    if 0 in numbers and weight[numbers == 0].sum() <= ZERO_CODE_SHARE * weight.sum():
        rest = numbers[common & (numbers != 0)]
        if len(rest) >= 3 and rest.min() == 1 and int(rest.max()) in ZERO_CODE_TOPS:
            return 0
    return None


def _label_scale(
    texts: pd.Index, numbers: np.ndarray
) -> tuple[tuple[int, int], tuple[tuple[str, int], ...]] | None:
    """A 1-5 or 1-7 scale when every text answer is a built-in label of that length (the
    shorter when both fit: MS Forms' "Instämmer inte alls … Neutral … Instämmer helt" is 5
    points) and at least 3 answers differ; the labels as written with their values.
    ``numbers``: the answers that are numbers (rare strays left out by the caller).

    >>> _label_scale(pd.Index(["Mycket nöjd", "Ganska nöjd", "Varken eller"]), np.array([]))
    ((1, 5), (('Varken eller', 3), ('Ganska nöjd', 4), ('Mycket nöjd', 5)))
    >>> _label_scale(pd.Index(["Ja", "Nej", "Mycket nöjd"]), np.array([])) is None
    True
    """
    if not len(texts):
        return None
    folded = [fold(t) for t in texts]
    for points in (5, 7):
        table = builtin_labels(1, points)
        if not all(f in table for f in folded):
            continue
        if len(numbers) and not np.all(np.isin(numbers, np.arange(1, points + 1))):
            continue
        found = {int(table[f]) for f in folded} | {int(n) for n in numbers}
        if len(found) < 3:
            return None
        pairs = sorted(((str(t), int(table[f])) for t, f in zip(texts, folded, strict=True)),
                       key=lambda p: (p[1], p[0]))  # fmt: skip
        return (1, points), tuple(pairs)
    return None


def _counts_rows(col: pd.Series) -> bool:
    """Whether ``col`` goes up by one from each row to the next (a respondent number).

    >>> _counts_rows(pd.Series([1, 2, 3])), _counts_rows(pd.Series([4, 5, 2, 3]))
    (True, False)
    """
    values = pd.to_numeric(col.dropna(), errors="coerce").to_numpy(dtype=float)
    return len(values) >= 2 and bool(np.all(np.diff(values) == 1))


def _scale_top(observed: int) -> int:
    """The usual scale length at or above the highest answer seen (4, 5, 6, 7, 10)."""
    return (
        observed if observed in (4, 5, 6, 7, 10) else next(t for t in (5, 7, 10) if t >= observed)
    )


def labelled_scale(scale: tuple[int, int], labels: Mapping[Any, str]) -> tuple[int, int] | None:
    """The ends of an SPSS column's labelled scale points when they span the answers' ``scale``
    (None if not): no one chose 7 "Instämmer helt" in F1, so the answers said "1–6" and a
    student copying it into --scale-range threw out F3's 7s (review 18, finding 9). Labels that
    agree with the answers count too, so every column says where its ends come from. The "no
    answer" labels (99 "Vet ej") are no scale point; whole numbers within 0..10 only.

    >>> labelled_scale((1, 6), {1.0: "Inte alls", 7.0: "Helt", 99.0: "Vet ej"})
    (1, 7)
    >>> labelled_scale((1, 6), {2.0: "Ganska", 5.0: "Mycket"}) is None  # inside the answers
    True
    """
    points = [
        float(k)
        for k, v in labels.items()
        if isinstance(k, int | float)
        and float(k).is_integer()
        and 0 <= float(k) <= 10
        and fold(str(v)) not in DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE
    ]
    if len(points) < 2:
        return None
    lo, hi = int(min(points)), int(max(points))
    if lo > scale[0] or hi < scale[1]:  # answers outside the labelled points: the answers
        return None
    return lo, hi
